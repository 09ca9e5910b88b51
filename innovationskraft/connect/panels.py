"""What connect adds to the page of a case (registered in apps.py)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from innovationskraft.cases.models import Case
from innovationskraft.connect.selectors import contact_recipients


def case_contact(request: HttpRequest, case: Case) -> str:
    if not case.is_public:
        return ""
    context = {"case": case, "reachable": bool(contact_recipients(case=case))}
    return render_to_string("connect/panels/case_contact.html", context, request)
