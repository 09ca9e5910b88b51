"""What search adds to the pages of cases (registered in apps.py)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.search.filters import CaseFilters, term_filter
from innovationskraft.search.selectors import case_search

PAGE_SIZE = 20


def case_related(request: HttpRequest, case: Case) -> str:
    """A place that loads the similar cases once the page is shown (a link without
    JavaScript): ranking them is the slowest part of a case page, and the page need not wait."""
    if not case.is_public:
        return ""
    return render_to_string("search/panels/case_related_loader.html", {"case": case}, request)


def _case_list(request: HttpRequest, template: str, filters) -> str:
    results = case_search(filters=filters, page_number=request.GET.get("page"), page_size=PAGE_SIZE)
    return render_to_string(template, {"page": results.page}, request)


def organisation_cases(request: HttpRequest, organisation: Organisation) -> str:
    """The cases it leads or takes part in."""
    filters = CaseFilters(organisation=organisation.slug)
    return _case_list(request, "search/panels/organisation_cases.html", filters)


def term_cases(request: HttpRequest, term: Term) -> str:
    """The cases linked to the term or, for a top-level term, to any of its children."""
    by_term = term_filter(term)
    if not by_term:
        return ""
    return _case_list(request, "search/panels/term_cases.html", CaseFilters(**by_term))
