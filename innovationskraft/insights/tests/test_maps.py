"""Maps of Sweden on the insights page and the case page: every municipality and county in its
place, shaded by the count that its row of the table gives."""

import re

import pytest
from django.urls import reverse

from innovationskraft.cases import services
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.registry import county_names, swedish_municipalities
from innovationskraft.insights.maps import class_limits, map_of, sweden
from innovationskraft.insights.selectors import selection_insights
from innovationskraft.search.filters import CaseFilters

pytestmark = pytest.mark.django_db


def _shades(html: str, level: str) -> dict[str, str]:
    """Region code -> its shade's class, as the page draws the map of the level."""
    return dict(re.findall(rf'href="#geo-{level}-(\d+)" class="(shade-\d)"', html))


def test_the_outlines_are_every_official_municipality_and_county():
    outlines = sweden()
    assert {o.code for o in outlines.municipalities} == {
        row["code"] for row in swedish_municipalities()
    }
    assert {o.code for o in outlines.counties} == set(county_names())
    assert all(o.path.startswith("M") and o.path.endswith("Z") for o in outlines.municipalities)


def test_the_classes_grow_with_the_counts_and_none_stays_apart():
    assert class_limits([0, 0]) == []
    assert class_limits([1, 1, 1]) == [1]
    limits = class_limits([1, 2, 3, 4, 5, 6, 7, 8, 9, 40])
    assert limits == sorted(set(limits))
    assert limits[-1] == 40
    assert len(limits) == 5


def test_a_municipality_is_shaded_by_the_cases_it_leads_or_takes_part_in(
    make_case, eskilstuna, vasteras, region_skane
):
    make_case(title="Ledd av Eskilstuna", status=Case.Status.PUBLISHED)
    make_case(
        title="Ledd av Skåne",
        status=Case.Status.PUBLISHED,
        organisation=region_skane,
        partners=[eskilstuna, vasteras],
    )
    make_case(title="Ett utkast", organisation=vasteras)
    figures = selection_insights(filters=CaseFilters()).figures
    municipalities = {bar.code: bar.count for bar in figures["municipality"].bars}
    assert municipalities == {"0484": 2, "1980": 1}
    counties = {bar.code: bar.count for bar in figures["county"].bars}
    assert counties == {"04": 1, "12": 1}

    html = Client_get(reverse("insights:index"))
    shades = _shades(html, "municipality")
    assert len(shades) == 290
    assert shades["0484"] > shades["1980"] > "shade-0"
    assert shades["0180"] == "shade-0"
    assert "Eskilstuna kommun: 2" in html
    county_shades = _shades(html, "county")
    assert county_shades["04"] != "shade-0"
    assert county_shades["01"] == "shade-0"


def Client_get(url: str) -> str:
    from django.test import Client

    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_adoptions_are_counted_where_the_adopters_are(
    make_case, eskilstuna, vasteras, region_skane
):
    case = make_case(title="Spreds", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=case, organisation=vasteras)
    services.adoption_record(actor=None, case=case, organisation=region_skane)
    abroad = services.organisation_upsert(
        name="Oslo kommune", kind=Organisation.Kind.MUNICIPALITY, country="NO"
    )
    services.adoption_record(actor=None, case=case, organisation=abroad)
    figures = selection_insights(filters=CaseFilters()).figures
    by_municipality = figures["adopted_municipality"]
    assert [(bar.code, bar.count) for bar in by_municipality.bars] == [("1980", 1)]
    assert by_municipality.bars[0].url == vasteras.get_absolute_url()
    assert by_municipality.total == 3
    assert {bar.code: bar.count for bar in figures["adopted_county"].bars} == {"19": 1, "12": 1}
    drawn = map_of(figures["adopted_county"])
    assert {r.code: r.css for r in drawn.regions if r.css != "shade-0"}.keys() == {"19", "12"}


def test_the_case_page_maps_its_adopters_and_leaves_the_map_out_without_them(
    make_case, vasteras, region_skane
):
    case = make_case(title="Spreds till Västerås", status=Case.Status.PUBLISHED)
    alone = make_case(title="Inte spridd", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=case, organisation=vasteras)
    services.adoption_record(actor=None, case=case, organisation=region_skane)
    html = Client_get(case.get_absolute_url())
    assert 'id="adoption-map-heading"' in html
    assert "<title>Västerås stad</title>" in html
    assert "1 kommun som infört" in html
    assert 'id="adoption-map-heading"' not in Client_get(alone.get_absolute_url())


def test_the_map_csv_is_the_table(make_case, client):
    make_case(title="Ledd av Eskilstuna", status=Case.Status.PUBLISHED)
    response = client.get(reverse("insights:csv", args=["municipality"]) + "?dialect=plain")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[1:] == ["Eskilstuna kommun,0484,1,100.0,1"]
