"""What workshops add to the pages of cases (registered in apps.py)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from innovationskraft.cases.models import Case
from innovationskraft.workshops.selectors import reports_naming


def case_reports(request: HttpRequest, case: Case) -> str:
    """The published reports in which the case was named as an example."""
    reports = list(reports_naming(case=case))
    if not reports:
        return ""
    context = {"workshop_reports": reports}
    return render_to_string("workshops/panels/case_reports.html", context, request)
