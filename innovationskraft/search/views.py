from urllib.parse import urlencode

from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.vary import vary_on_headers

from innovationskraft.cases.filters import SORT_CHOICES, CaseFilters
from innovationskraft.search import selectors, similarity


def _partial(request) -> bool:
    """An htmx update of the results while typing; a history restore needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


@vary_on_headers("HX-Request")
def search(request):
    filters = CaseFilters.from_query(request.GET, default_sort="relevance")
    results = selectors.case_search(filters=filters, page_number=request.GET.get("page"))
    clear_url = reverse("search:results") + (f"?{urlencode({'q': filters.q})}" if filters.q else "")
    context = {
        "filters": filters,
        "results": results,
        "page": results.page,
        "sorts": SORT_CHOICES,
        "clear_url": clear_url,
    }
    template = "search/results.html" if _partial(request) else "search/search.html"
    return render(request, template, context)


def search_redirect(request):
    """`/search/` is the address people guess; the page itself has a Swedish address."""
    query: QueryDict = request.GET
    target = reverse("search:results")
    return redirect(f"{target}?{query.urlencode()}" if query else target, permanent=False)


def duplicates(request):
    title = request.GET.get("title", "")[:200]
    summary = request.GET.get("summary", "")[:600]
    exclude = request.GET.get("case", "")
    cases = similarity.possible_duplicates(
        title=title, summary=summary, exclude_slug=exclude if exclude else None
    )
    return render(request, "search/duplicates.html", {"cases": cases})
