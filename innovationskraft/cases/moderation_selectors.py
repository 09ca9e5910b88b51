"""The reads of moderation: changes waiting for review, and the cases waiting for a partner
organisation's answer."""

from django.db.models import QuerySet

from innovationskraft.accounts.selectors import organisation_ids_of
from innovationskraft.accounts.types import Visitor
from innovationskraft.cases.models import Case, CasePartner, Organisation, PendingRevision


def pending_revisions_waiting() -> QuerySet[PendingRevision]:
    """Changes to published cases waiting for a moderator, oldest first."""
    return PendingRevision.objects.filter(state=PendingRevision.State.WAITING).select_related(
        "case", "case__lead_organisation", "author"
    )


def pending_revision_of(*, case: Case) -> PendingRevision | None:
    return PendingRevision.objects.filter(case=case).select_related("author").first()


def partnership_requests(
    *, user: Visitor, organisation: Organisation | None = None
) -> QuerySet[CasePartner]:
    """Cases that name one of the user's organisations as partner and wait for its answer."""
    requests = CasePartner.objects.filter(
        confirmed=False, organisation_id__in=organisation_ids_of(user)
    ).exclude(case__status=Case.Status.ARCHIVED)
    if organisation is not None:
        requests = requests.filter(organisation=organisation)
    related = requests.select_related("case", "case__lead_organisation", "organisation")
    return related.order_by("pk")
