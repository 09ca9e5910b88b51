"""The start year filters by one year or a range of them, in the case list, insights and the
API alike, and offers five-year periods before the single years."""

import pytest
from django.urls import reverse

from innovationskraft.cases.models import Case
from innovationskraft.search.filters import CaseFilters, years_value
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2019", "2019"),
        ("2015-2019", "2015-2019"),
        ("2019-2015", "2015-2019"),
        ("2015 \u2013 2019", "2015-2019"),  # an en dash, as a label writes it
        ("2019-2019", "2019"),
        ("20", ""),
        ("2015-", ""),
        ("2015-2019-2020", ""),
    ],
)
def test_a_year_or_a_range_is_read_in_order_and_anything_else_is_no_filter(written, read):
    assert years_value(written) == read
    assert CaseFilters.from_query({"year": written}).year == read


@pytest.fixture
def by_year(make_case):
    for title, year in (("Tidig", 2012), ("Mitt", 2016), ("Sen", 2019), ("Ny", 2021)):
        make_case(title=title, status=Case.Status.PUBLISHED, start_year=year)
    make_case(title="Utan år", status=Case.Status.PUBLISHED)


def _titles(**filters) -> set[str]:
    return {c.title for c in case_search(filters=CaseFilters(**filters)).page.object_list}


def test_a_range_finds_the_cases_that_started_within_it(by_year):
    assert _titles(year="2015-2019") == {"Mitt", "Sen"}
    assert _titles(year="2016") == {"Mitt"}
    assert _titles(year="1990-1999") == set()


def test_the_year_facet_offers_five_year_periods_with_their_counts_first(by_year, client):
    def options(**filters):
        facets = case_search(filters=CaseFilters(**filters)).facets
        year = next(f for f in facets if f.name == "year")
        return [(o.value, o.count, o.selected) for o in year.options]

    assert options() == [
        ("2020-2024", 1, False),
        ("2015-2019", 2, False),
        ("2010-2014", 1, False),
        ("2021", 1, False),
        ("2019", 1, False),
        ("2016", 1, False),
        ("2012", 1, False),
    ]
    # A range of one's own stays chosen, first.
    assert options(year="2016-2020")[:2] == [("2016-2020", 2, True), ("2015-2019", 2, False)]
    page = client.get(reverse("search:cases"), {"year": "2015-2019"}).content.decode()
    assert '<option value="2015-2019" selected>2015\u20132019 (2)</option>' in page


def test_the_api_takes_a_range_and_refuses_what_is_not_one(by_year, client):
    found = client.get("/api/v1/cases", {"year": "2015-2019"}).json()
    assert {c["title"] for c in found["results"]} == {"Mitt", "Sen"}
    refused = client.get("/api/v1/cases", {"year": "2015-19"})
    assert refused.status_code == 422
