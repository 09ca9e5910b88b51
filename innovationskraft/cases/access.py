"""Fetch a case and check, in the same call, that the user may touch it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from innovationskraft.cases import permissions
from innovationskraft.cases.models import Case, CasePartner, PendingRevision


def _case_by_slug(slug: str) -> Case:
    try:
        return Case.objects.select_related("lead_organisation", "sector").get(slug=slug)
    except Case.DoesNotExist:
        raise Http404 from None


def access_case_for_view(user, slug: str) -> Case:
    case = _case_by_slug(slug)
    # A draft someone may not see does not exist as far as they can tell.
    if not permissions.can_view_case(user, case):
        raise Http404
    return case


def access_case_for_edit(user, slug: str) -> Case:
    case = access_case_for_view(user, slug)
    if not permissions.can_edit_case(user, case):
        raise PermissionDenied(
            _("Only the lead organisation, %(organisation)s, and moderators may edit it.")
            % {"organisation": case.lead_organisation.name}
        )
    return case


def access_case_for_review(user, slug: str) -> Case:
    if not permissions.can_review_cases(user):
        raise PermissionDenied(_("Only moderators review innovations."))
    return _case_by_slug(slug)


def access_pending_for_review(user, slug: str) -> PendingRevision:
    """The change to the case that waits for review, for a moderator."""
    case = access_case_for_review(user, slug)
    pending = PendingRevision.objects.filter(
        case=case, state=PendingRevision.State.WAITING
    ).select_related("author")
    found = pending.first()
    if found is None:
        raise Http404
    found.case = case
    return found


def access_partnership_for_answer(user, slug: str, organisation_slug: str) -> CasePartner:
    """A case's naming of an organisation as partner, for that organisation's people."""
    found = (
        CasePartner.objects.filter(case__slug=slug, organisation__slug=organisation_slug)
        .select_related("case", "organisation")
        .first()
    )
    if found is None:
        raise Http404
    if not permissions.can_answer_partnership(user, found.organisation):
        raise PermissionDenied(
            _("Only people of %(organisation)s say whether it took part.")
            % {"organisation": found.organisation.name}
        )
    return found
