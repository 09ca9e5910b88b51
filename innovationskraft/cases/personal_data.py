"""Her part of the case library in the download of her data (core/personal_data.py): the cases
she created, those that name her address as contact, the adoptions she recorded, her changes
to published cases that wait for review and, for a moderator, her review decisions. They stay
when she goes; only their reference to her ends."""

from typing import Any

from django.conf import settings

from innovationskraft.cases.models import Adoption, Case, PendingRevision, ReviewDecision


def _case(case: Case) -> dict[str, Any]:
    return {
        "title": case.title,
        "address": settings.SITE_URL + case.get_absolute_url(),
        "organisation": case.lead_organisation.name,
        "status": case.status,
    }


def cases_personal_data(user) -> dict[str, Any]:
    cases = Case.objects.select_related("lead_organisation").order_by("created_at", "id")
    contact = cases.filter(contact_email__iexact=user.email) if user.email else cases.none()
    adoptions = (
        Adoption.objects.filter(recorded_by=user)
        .select_related("case__lead_organisation", "organisation")
        .order_by("created_at", "id")
    )
    reviews = (
        ReviewDecision.objects.filter(moderator=user)
        .select_related("case__lead_organisation")
        .order_by("created_at", "id")
    )
    pending = PendingRevision.objects.filter(author=user).select_related("case__lead_organisation")
    return {
        "changes_waiting_for_review": [
            {
                "innovation": _case(p.case),
                "state": p.state,
                "change": p.data,
                "written": p.created_at,
            }
            for p in pending.order_by("created_at", "id")
        ],
        "innovations_created": [
            _case(case) | {"created": case.created_at} for case in cases.filter(created_by=user)
        ],
        "contact_person_of": [
            _case(case) | {"contact_name": case.contact_name, "contact_email": case.contact_email}
            for case in contact
        ],
        "adoptions_recorded": [
            {
                "innovation": _case(a.case),
                "organisation": a.organisation.name,
                "year": a.year,
                "note": a.note,
                "recorded": a.created_at,
            }
            for a in adoptions
        ],
        "review_decisions": [
            {
                "innovation": _case(r.case),
                "outcome": r.outcome,
                "comment": r.comment,
                "decided": r.created_at,
            }
            for r in reviews
        ],
    }
