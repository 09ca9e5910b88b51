"""The insights page: figures of the published library for a selection, each count equal to
the count of the case list it links to, as charts with a caption, a table and CSV."""

import csv
import io
from urllib.parse import parse_qsl, urlparse

import pytest
from django.urls import reverse

from innovationskraft.cases import services
from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.insights.selectors import selection_insights
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db


def _listed(url: str) -> int:
    """How many cases the case list at the address shows."""
    assert urlparse(url).path == reverse("search:cases")
    filters = CaseFilters.from_query(dict(parse_qsl(urlparse(url).query)))
    return case_search(filters=filters).page.paginator.count


def test_every_count_with_a_link_is_the_count_of_the_case_list_it_links_to():
    demo_load()
    for filters in (CaseFilters(), CaseFilters(stage="implemented"), CaseFilters(county="01")):
        selection = selection_insights(filters=filters)
        assert selection.total == case_search(filters=filters).page.paginator.count
        linked = [
            (figure.key, bar)
            for figure in selection.figures.values()
            for bar in figure.bars
            # The most adopted cases link to their pages, the adopting municipalities to
            # theirs, and the workshop reports' terms to the terms' pages.
            if bar.url
            and figure.key not in {"adopted", "adopted_municipality"}
            and "_workshops" not in figure.key
        ]
        assert len(linked) > 30, "most bars link to their cases"
        for key, bar in linked:
            assert _listed(bar.url) == bar.count, (filters, key, bar.label)


def test_a_group_of_barriers_counts_each_case_once(make_case, term):
    make_case(
        title="Två hinder i samma grupp",
        status=Case.Status.PUBLISHED,
        barriers=[term("barrier", "projectification"), term("barrier", "procurement")],
    )
    make_case(title="Inga hinder", status=Case.Status.PUBLISHED)
    figures = selection_insights(filters=CaseFilters()).figures
    groups = {bar.code: bar.count for bar in figures["barrier"].bars}
    assert groups["silos"] == 1
    details = {bar.code: bar.count for bar in figures["barrier_details"].bars}
    assert details == {"projectification": 1, "procurement": 1}
    assert figures["barrier"].total == 2
    assert "1 av 2" in figures["barrier"].caption


def test_only_published_cases_are_counted(make_case):
    make_case(title="Publicerad", status=Case.Status.PUBLISHED, stage=Case.Stage.IDEA)
    make_case(title="Utkast", stage=Case.Stage.IDEA)
    stages = {
        bar.code: bar.count
        for bar in selection_insights(filters=CaseFilters()).figures["stage"].bars
    }
    assert stages["idea"] == 1


def test_the_evaluated_share_and_the_evidence_levels_are_counted(make_case):
    make_case(
        title="Utvärderad",
        status=Case.Status.PUBLISHED,
        effects_evaluated=True,
        evidence=Case.Evidence.COMPARED,
    )
    make_case(title="Beskriven", status=Case.Status.PUBLISHED, evidence=Case.Evidence.DESCRIBED)
    make_case(title="Okänd", status=Case.Status.PUBLISHED)
    figures = selection_insights(filters=CaseFilters()).figures
    evaluated = {bar.code: bar.count for bar in figures["evaluated"].bars}
    assert evaluated == {"1": 1, "0": 2}
    assert "33,3 %" in figures["evaluated"].caption
    evidence = {bar.label: bar.count for bar in figures["evidence"].bars}
    assert evidence["Ej angivet"] == 1
    assert [bar.code for bar in figures["evidence"].bars][:5] == [
        "described",
        "followed",
        "measured",
        "independent",
        "compared",
    ], "the levels in their order, from the weakest"
    assert _listed(figures["evidence"].bars[4].url) == 1


def test_adoptions_flow_from_the_lead_organisations_type_to_the_adopters(
    make_case,
    vasteras,
    region_skane,
):
    case = make_case(title="Återbruk", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=case, organisation=vasteras, year=2024)
    services.adoption_record(actor=None, case=case, organisation=region_skane, year=2025)
    figures = selection_insights(filters=CaseFilters()).figures
    flows = {bar.code: bar.count for bar in figures["flow_type"].bars}
    assert flows == {"municipality>municipality": 1, "municipality>region": 1}
    counties = {bar.code: bar.count for bar in figures["flow_county"].bars}
    assert counties == {"04>19": 1, "04>12": 1}
    [adopted] = figures["adopted"].bars
    assert (adopted.label, adopted.count) == ("Återbruk", 2)


def test_the_page_draws_each_figure_as_a_chart_with_its_caption_and_table(client):
    demo_load()
    response = client.get(reverse("insights:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="bar-chart"') >= 10
    assert 'role="img" aria-labelledby="barrier-caption-1"' in html
    assert '<figcaption id="barrier-caption-1">Vanligast:' in html
    assert "<table>" in html
    assert 'scope="row"' in html


def test_a_filter_in_the_address_narrows_the_figures_and_is_kept_in_the_form(client):
    demo_load()
    whole = selection_insights(filters=CaseFilters()).total
    response = client.get(reverse("insights:index"), {"org_type": "region"})
    narrowed = response.context["first"]
    assert 0 < narrowed.total < whole
    assert narrowed.label == "Typ av organisation: Region"
    assert '<option value="region" selected>' in response.content.decode()


def test_two_selections_stand_side_by_side(client):
    demo_load()
    response = client.get(
        reverse("insights:index"),
        {"org_type": "municipality", "compare": "1", "b-org_type": "region"},
    )
    first, second = response.context["selections"]
    assert first.filters.org_type == "municipality"
    assert second.filters.org_type == "region"
    municipalities = Case.objects.filter(
        status=Case.Status.PUBLISHED, lead_organisation__kind=Organisation.Kind.MUNICIPALITY
    ).count()
    assert first.total == municipalities
    assert 'class="figure-charts figure-charts-two"' in response.content.decode()


def test_the_csv_for_excel_is_the_table_with_a_byte_order_mark_and_semicolons(client):
    demo_load()
    response = client.get(reverse("insights:csv", args=["stage"]), {"org_type": "region"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="insikter-stage.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    figure = selection_insights(filters=CaseFilters(org_type="region")).figures["stage"]
    assert rows[0][0] == "Benämning"
    assert [(row[0], int(row[2])) for row in rows[1:]] == [
        (bar.label, bar.count) for bar in figure.bars
    ]
    assert all("," in row[3] or row[3] == "0,0" for row in rows[1:]), "a decimal comma"


def test_the_plain_csv_has_commas_and_no_byte_order_mark(client):
    demo_load()
    response = client.get(reverse("insights:csv", args=["facet"]), {"dialect": "plain"})
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows[0]) == 5
    assert "." in rows[1][3]


def test_an_unknown_figure_is_not_found(client):
    assert client.get(reverse("insights:csv", args=["nothing"])).status_code == 404


def test_an_organisation_page_sets_its_barriers_against_the_whole_library(
    client, make_case, term, eskilstuna, vasteras
):
    mine = make_case(
        title="Eget",
        status=Case.Status.PUBLISHED,
        barriers=[term("barrier", "procurement")],
    )
    make_case(title="Annat", status=Case.Status.PUBLISHED, organisation=vasteras)
    services.adoption_record(actor=None, case=mine, organisation=vasteras)
    html = client.get(eskilstuna.get_absolute_url()).content.decode()
    assert "Hinder och spridning" in html
    assert "har införts 1 gång av andra organisationer" in html
    # Eskilstuna's one case names a barrier of the silos group: 100 % against 50 % in all.
    assert '<td class="number">100,0 %</td><td class="number">50,0 %</td>' in html


def test_a_barrier_page_shows_its_cases_by_year_and_the_enablers_named_with_it(
    client, make_case, term
):
    make_case(
        title="Med hinder",
        status=Case.Status.PUBLISHED,
        start_year=2021,
        barriers=[term("barrier", "procurement")],
        enablers=[term("enabler", "co_creation")],
    )
    html = client.get(term("barrier", "procurement").get_absolute_url()).content.decode()
    assert "I siffror" in html
    assert 'aria-labelledby="term-year-caption"' in html
    assert "Samskapande med användare" in html
    assert "/insikter/?barrier=procurement" in html


def test_a_cached_page_shows_a_change_of_the_library_at_once(client, make_case):
    make_case(title="Först", status=Case.Status.PUBLISHED, stage=Case.Stage.IDEA)
    first = client.get(reverse("insights:index")).content.decode()
    assert "1 innovation<" in first
    make_case(title="Sedan", status=Case.Status.PUBLISHED, stage=Case.Stage.IDEA)
    assert "2 innovationer<" in client.get(reverse("insights:index")).content.decode()


def test_a_signed_in_visitor_gets_her_own_page_not_a_cached_one(client, make_case, moderator):
    make_case(title="Först", status=Case.Status.PUBLISHED)
    client.get(reverse("insights:index"))  # cached for visitors who are not signed in
    client.force_login(moderator)
    html = client.get(reverse("insights:index")).content.decode()
    assert "Logga ut" in html


def test_other_sources_of_barriers_are_counted_alone_and_added_to_the_cases(
    make_case, term, monkeypatch
):
    from innovationskraft.core import term_counts

    silos = term("barrier", "silos")
    governance = term("barrier", "procurement").parent
    monkeypatch.setattr(
        term_counts,
        "_sources",
        [
            term_counts.TermSource(
                key="reports",
                name="Bidrag",
                origin="rapporter",
                tally=lambda vocabulary: term_counts.TermTally(
                    per_root={silos.pk: 3} if vocabulary == "barrier" else {},
                    total=3 if vocabulary == "barrier" else 0,
                ),
            )
        ],
    )
    make_case(
        title="Silor",
        status=Case.Status.PUBLISHED,
        barriers=[term("barrier", "procurement")],
    )
    figures = selection_insights(filters=CaseFilters()).figures
    alone = {bar.code: bar.count for bar in figures["barrier_reports"].bars}
    together = {bar.code: bar.count for bar in figures["barrier_reports_and_cases"].bars}
    assert alone[silos.code] == 3
    assert together[governance.code] == 4
    assert figures["barrier_reports_and_cases"].total == 4
    assert figures["barrier_reports"].bars[0].url == silos.get_absolute_url()
    assert figures["enabler_reports"].is_empty
    narrowed = selection_insights(filters=CaseFilters(stage="idea")).figures
    assert "avgränsas inte av filtren" in narrowed["barrier_reports"].caption
