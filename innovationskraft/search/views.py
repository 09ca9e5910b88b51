from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.vary import vary_on_headers

from innovationskraft.cases.access import access_case_for_view
from innovationskraft.core.panels import panels_rendered
from innovationskraft.core.throttle import throttled
from innovationskraft.search import selectors, similarity
from innovationskraft.search.filters import SORT_CHOICES, CaseFilters


def _partial(request) -> bool:
    """An htmx update of the results while typing; a history restore needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def home(request):
    return render(
        request,
        "search/home.html",
        {
            "newest_cases": selectors.cases_in_order(sort="newest", limit=6),
            "most_adopted_cases": selectors.most_adopted_cases(limit=5),
            "counts": selectors.library_counts(),
        },
    )


def case_list(request):
    """The library with filters and facet counts; words belong to the search page."""
    filters = CaseFilters.from_query(request.GET)
    if filters.q:
        # Ranking, snippets and fallbacks live there.
        return redirect(f"{reverse('search:results')}?{request.GET.urlencode()}")
    results = selectors.case_search(filters=filters, page_number=request.GET.get("page"))
    context = {
        "filters": filters,
        "page": results.page,
        "facets": results.facets,
        "sorts": SORT_CHOICES,
        "panels": panels_rendered(page="search", request=request, obj=filters),
    }
    return render(request, "search/case_list.html", context)


@vary_on_headers("HX-Request")
@throttled("search", per_minute_setting="SEARCH_REQUESTS_PER_MINUTE")
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
        "panels": panels_rendered(page="search", request=request, obj=filters),
    }
    template = "search/results.html" if _partial(request) else "search/search.html"
    return render(request, template, context)


def search_redirect(request: HttpRequest) -> HttpResponse:
    """`/search/` is the address people guess; the page itself has a Swedish address."""
    query: QueryDict = request.GET
    target = reverse("search:results")
    return redirect(f"{target}?{query.urlencode()}" if query else target, permanent=False)


@throttled("search", per_minute_setting="SEARCH_REQUESTS_PER_MINUTE")
def duplicates(request):
    title = request.GET.get("title", "")[:200]
    summary = request.GET.get("summary", "")[:600]
    exclude = request.GET.get("case", "")
    cases = similarity.possible_duplicates(
        title=title, summary=summary, exclude_slug=exclude if exclude else None
    )
    return render(request, "search/duplicates.html", {"cases": cases})


@vary_on_headers("HX-Request")
def related(request: HttpRequest, slug: str) -> HttpResponse:
    """Similar cases and who else works on this: loaded into the case page, or a page of its
    own without JavaScript."""
    case = access_case_for_view(request.user, slug)
    if not case.is_public:
        raise Http404
    context = {
        "case": case,
        "similar": similarity.similar_cases(case=case),
        "who_else": similarity.organisations_working_on(case=case),
    }
    template = "search/panels/case_related.html" if _partial(request) else "search/related.html"
    return render(request, template, context)
