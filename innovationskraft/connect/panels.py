"""What connect adds to the page of a case (registered in apps.py)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from innovationskraft.cases.models import Case
from innovationskraft.connect.selectors import (
    contact_recipients,
    join_requests_to_decide,
    organisations_administered_by,
    pending_join_requests_of,
)


def case_contact(request: HttpRequest, case: Case) -> str:
    if not case.is_public:
        return ""
    context = {"case": case, "reachable": bool(contact_recipients(case=case))}
    return render_to_string("connect/panels/case_contact.html", context, request)


def account_memberships(request: HttpRequest, user) -> str:
    """On the account page: asking to join, the requests waiting, inviting others."""
    context = {
        "pending": pending_join_requests_of(user=user),
        "to_decide": join_requests_to_decide(user=user).count(),
        "administered": organisations_administered_by(user=user),
    }
    return render_to_string("connect/panels/account_memberships.html", context, request)
