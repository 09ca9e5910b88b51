"""The library's columns in memory: the same counts as the database gives, a fresh copy after
every change, and relevance pages that cover every match once."""

import pytest
from django.db import transaction

from innovationskraft.cases import selectors as case_selectors
from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.facets import facet_counts, library_version
from innovationskraft.cases.filters import CaseFilters, apply_filters
from innovationskraft.cases.models import Case, Term
from innovationskraft.search import selectors
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db


def options(facets) -> dict[str, list[tuple[str, int]]]:
    return {facet.name: [(o.value, o.count) for o in facet.options] for facet in facets}


def test_facet_counts_of_the_search_equal_the_databases_for_every_kind_of_filter():
    demo_load()
    barrier_root = Term.objects.filter(vocabulary="barrier", parent=None).first()
    enabler_child = Term.objects.filter(vocabulary="enabler").exclude(parent=None).first()
    published = case_selectors.published_cases()
    any_case = published.select_related("lead_organisation", "sector").first()
    choices = [
        {},
        {"sector": any_case.sector.code},
        {"stage": "implemented"},
        {"facet": "enhancement", "year": str(any_case.start_year)},
        {"org_type": any_case.lead_organisation.kind},
        {"county": any_case.lead_organisation.county_code},
        {"barrier": barrier_root.code},
        {"enabler": enabler_child.code, "stage": "spread"},
        {"sector": "no-such-sector"},
    ]
    for chosen in choices:
        filters = CaseFilters(**chosen)
        in_database = facet_counts(apply_filters(published, filters), filters)
        results = case_search(filters=filters)
        assert (results.total, options(results.facets)) == (
            in_database[0],
            options(in_database[1]),
        ), chosen
    assert case_search(filters=CaseFilters(barrier=barrier_root.code)).total > 0


def test_a_case_published_after_a_search_is_found_by_the_next(make_case):
    make_case(title="Fritidsbank i Eskilstuna", status="published")
    assert case_search(filters=CaseFilters(q="fritidsbank ")).total == 1
    version = library_version()
    make_case(title="Fritidsbank på landsbygden", status="published")
    assert library_version() != version
    assert case_search(filters=CaseFilters(q="fritidsbank ")).total == 2


def test_a_rolled_back_change_is_not_served_from_the_columns(make_case):
    make_case(title="Fritidsbank i Eskilstuna", status="published")

    def publish_then_give_up():
        with transaction.atomic():
            make_case(title="Fritidsbank på landsbygden", status="published")
            assert case_search(filters=CaseFilters(q="fritidsbank ")).total == 2
            raise RuntimeError("the change is given up")

    with pytest.raises(RuntimeError):
        publish_then_give_up()
    results = case_search(filters=CaseFilters(q="fritidsbank "))
    assert [case.title for case in results.page.object_list] == ["Fritidsbank i Eskilstuna"]


def test_relevance_pages_list_direct_hits_first_and_every_match_once(make_case, monkeypatch):
    monkeypatch.setattr(selectors, "RANKED_AT_MOST", 3)
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    titles = [
        "Hemsjukvård i skärgården",  # a compound: ranks below the direct hits
        "Sjukvård på distans",
        "Sjukvård i hemmet",
        "Mobil sjukvård",
        "Sjukvård för unga",
        "Hemsjukvårdens nattpatrull",
    ]
    for title in titles:
        make_case(title=title, summary="Vård nära invånarna.", status="published")
    seen = []
    for number in (1, 2, 3):
        filters = CaseFilters(q="sjukvård ", sort="relevance")
        page = case_search(filters=filters, page_number=number).page
        seen += [case.title for case in page.object_list]
    assert sorted(seen) == sorted(titles)
    # The three newest are ranked, direct hits first; the older follow, newest first.
    assert set(seen[:2]) == {"Sjukvård för unga", "Mobil sjukvård"}
    assert seen[2] == "Hemsjukvårdens nattpatrull"
    assert seen[3:] == ["Sjukvård i hemmet", "Sjukvård på distans", "Hemsjukvård i skärgården"]


def test_a_filtered_relevance_page_ranks_only_the_cases_that_pass(make_case, term):
    health = term("sector", "health")
    make_case(title="Sjukvård på distans", status="published", sector=health)
    make_case(title="Sjukvård i skolan", status="published", sector=term("sector", "education"))
    make_case(title="Hemsjukvård", summary="Sjukvård hemma.", status="published", sector=health)
    results = case_search(filters=CaseFilters(q="sjukvård ", sort="relevance", sector="health"))
    assert [case.title for case in results.page.object_list] == [
        "Sjukvård på distans",
        "Hemsjukvård",
    ]


def test_cases_by_id_leaves_out_what_is_not_published(make_case):
    draft = make_case(title="Utkast")
    published = make_case(title="Publicerat fall", status="published")
    found = case_selectors.published_cases_by_id([draft.pk, published.pk, 10**9])
    assert list(found) == [published.pk]
    assert Case.objects.filter(pk=draft.pk).exists()
