from django.http import Http404

from innovationskraft.cases.access import access_case_for_view
from innovationskraft.cases.models import Case


def access_case_for_contact(user, slug: str) -> Case:
    """A published case anyone may write about; drafts and archived cases have no form."""
    case = access_case_for_view(user, slug)
    if not case.is_public:
        raise Http404
    return case
