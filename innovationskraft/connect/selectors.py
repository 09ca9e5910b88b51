from django.conf import settings

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Case


def contact_recipients(*, case: Case) -> list[str]:
    """Where a message about the case goes: its contact person, or else the people who edit
    for its lead organisation."""
    if case.contact_email:
        return [case.contact_email]
    editors = User.objects.filter(
        is_active=True, memberships__organisation_id=case.lead_organisation_id
    ).order_by("email")
    return list(editors.values_list("email", flat=True).distinct())


def recipient_language(*, case: Case) -> str:
    """The people behind a case read what the site writes to them in the case's language."""
    codes = [code for code, _name in settings.LANGUAGES]
    return case.language if case.language in codes else settings.LANGUAGE_CODE
