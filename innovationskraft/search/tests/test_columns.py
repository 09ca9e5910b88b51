"""The library's columns in memory: the same counts as the database gives, a fresh copy after
every change, and relevance pages that cover every match once."""

import pytest
from django.core.management import call_command
from django.db import transaction

from innovationskraft.cases import history, services
from innovationskraft.cases import selectors as case_selectors
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.search import selectors
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.library import library_version
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db


def counts_of(facets) -> dict[str, dict[str, int]]:
    return {facet.name: {o.value: o.count for o in facet.options} for facet in facets}


def in_database(**lookup) -> int:
    """The oracle: the published cases matching an ORM lookup, counted by the database."""
    published = case_selectors.published_cases()
    return published.filter(**lookup).distinct().count()


def test_facet_counts_equal_what_the_database_counts_for_every_kind_of_filter():
    call_command("generate_cases", count=300, seed=3, verbosity=0)
    case = Case.objects.select_related("lead_organisation", "sector").first()
    silos = Term.objects.get(vocabulary="barrier", code="silos")
    family = [silos.pk, *silos.children.values_list("pk", flat=True)]

    counts = counts_of(case_search(filters=CaseFilters()).facets)

    assert counts["sector"][case.sector.code] == in_database(sector=case.sector)
    assert counts["stage"]["spread"] == in_database(stage="spread")
    assert counts["year"][str(case.start_year)] == in_database(start_year=case.start_year)
    assert counts["barrier"]["silos"] == in_database(barriers__in=family)
    kind = case.lead_organisation.kind
    assert counts["org_type"][kind] == in_database(lead_organisation__kind=kind)


def test_term_counts_of_a_few_cases_equal_what_the_database_counts():
    # Under half the library: counted directly (the cases of each term as bits, columns.CaseSets),
    # rather than as the whole library's counts less the rest.
    call_command("generate_cases", count=300, seed=5, verbosity=0)
    silos = Term.objects.get(vocabulary="barrier", code="silos")
    family = [silos.pk, *silos.children.values_list("pk", flat=True)]
    few = case_search(filters=CaseFilters(stage="spread"))
    assert few.total < 150

    counts = counts_of(few.facets)

    assert counts["barrier"]["silos"] == in_database(stage="spread", barriers__in=family) > 0
    for child in silos.children.all():
        expected = in_database(stage="spread", barriers=child)
        assert counts["barrier"].get(child.code, 0) == expected, child.code
    for effect in Term.objects.filter(vocabulary="effect", parent=None):
        expected = in_database(stage="spread", effects=effect)
        assert counts["effect"].get(effect.code, 0) == expected, effect.code


def test_counts_of_most_but_not_all_of_the_library_equal_what_the_database_counts():
    # Counted as the whole library's counts less those of the cases left out.
    call_command("generate_cases", count=300, seed=6, verbosity=0)
    silos = Term.objects.get(vocabulary="barrier", code="silos")
    family = [silos.pk, *silos.children.values_list("pk", flat=True)]
    most = case_search(filters=CaseFilters(year="2000-2020"))
    assert 150 < most.total < in_database()

    counts = counts_of(most.facets)

    years = {"start_year__gte": 2000, "start_year__lte": 2020}
    assert counts["barrier"]["silos"] == in_database(**years, barriers__in=family)
    for child in silos.children.all():
        expected = in_database(**years, barriers=child)
        assert counts["barrier"].get(child.code, 0) == expected, child.code
    for stage, _label in Case.Stage.choices:
        assert counts["stage"].get(stage, 0) == in_database(**years, stage=stage), stage
    for kind in Organisation.objects.values_list("kind", flat=True).distinct():
        expected = in_database(**years, lead_organisation__kind=kind)
        assert counts["org_type"].get(kind, 0) == expected, kind


def test_each_filter_leaves_the_cases_the_database_finds():
    call_command("generate_cases", count=300, seed=4, verbosity=0)
    # Led by a municipality or region: a national organisation has no county to filter by.
    led_in_a_county = Case.objects.exclude(lead_organisation__county_code="")
    case = led_in_a_county.select_related("lead_organisation", "sector").first()
    effect = case.effects.first()
    chosen = [
        ({}, {}),
        ({"sector": case.sector.code}, {"sector": case.sector}),
        (
            {"stage": "implemented", "facet": "mission"},
            {"stage": "implemented", "facet": "mission"},
        ),
        (
            {"county": case.lead_organisation.county_code},
            {"lead_organisation__county_code": case.lead_organisation.county_code},
        ),
        ({"effect": effect.code}, {"effects": effect}),
        (
            {"organisation": case.lead_organisation.slug},
            {"lead_organisation": case.lead_organisation},
        ),
        ({"sector": "no-such-sector"}, {"pk": -1}),
    ]
    for filters, lookup in chosen:
        assert case_search(filters=CaseFilters(**filters)).total == in_database(**lookup), filters


def test_the_organisation_filter_also_finds_the_cases_it_is_a_partner_in(make_case, eskilstuna):
    partner = Organisation.objects.exclude(pk=eskilstuna.pk).first()
    led = make_case(title="Leds", status=Case.Status.PUBLISHED)
    shared = make_case(title="Delad", organisation=partner, status=Case.Status.PUBLISHED)
    shared.partners.add(eskilstuna)
    services.case_saved_elsewhere(actor=None, case=shared, created=False)

    found = case_search(filters=CaseFilters(organisation=eskilstuna.slug))

    assert {c.pk for c in found.page.object_list} == {led.pk, shared.pk}


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


def test_generate_cases_makes_published_cases_with_vocabularies_and_versions():
    call_command("generate_cases", count=50, seed=1, verbosity=0)

    assert Case.objects.filter(status="published").count() == 50
    case = Case.objects.first()
    assert case.barriers.exists()
    assert case.enablers.exists()
    assert "## Bakgrund" in case.description
    assert case_search(filters=CaseFilters()).total == 50
    assert len(history.case_versions(case=case, public=True)) == 1
