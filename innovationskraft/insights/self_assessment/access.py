"""Fetch an organisation and check, in the same call, that the user may see its team profile
and save answers for it: she is one of its members."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from innovationskraft.accounts.selectors import is_member_of
from innovationskraft.cases.models import Organisation


def access_organisation_for_assessment(user, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    if not (user.is_authenticated and user.is_active and is_member_of(user, organisation.pk)):
        raise PermissionDenied
    return organisation
