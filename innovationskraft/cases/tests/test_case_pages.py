"""The public pages of the library: the filtered list, a case, an organisation and a term,
and the case form as an editor meets it."""

import json
import re

import pytest
from django.urls import reverse
from reversion.models import Version

from innovationskraft.cases import services
from innovationskraft.cases.forms import this_year
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.tests.conftest import case_input

pytestmark = pytest.mark.django_db

LIST_URL = reverse("search:cases")
CONTACT_NAME = "Kerstin Kontaktsson"
CONTACT_EMAIL = "kerstin.kontakt@eskilstuna.example"


def titles(response) -> list[str]:
    return [case.title for case in response.context["page"].object_list]


def facet(response, name: str) -> dict[str, int]:
    """The options of one facet of the case list, as {value: count}."""
    facets = {f.name: f for f in response.context["facets"]}
    return {option.value: option.count for option in facets[name].options}


@pytest.fixture
def library(make_case, term, eskilstuna, vasteras, region_skane):
    """Three published cases that differ in every filter, and a draft that matches them all."""
    health, education = term("sector", "health"), term("sector", "education")
    make_case(
        title="Alfa",
        organisation=eskilstuna,
        sector=health,
        stage=Case.Stage.IMPLEMENTED,
        start_year=2019,
        barriers=[term("barrier", "procurement")],
        status=Case.Status.PUBLISHED,
    )
    make_case(
        title="Beta",
        organisation=vasteras,
        sector=health,
        stage=Case.Stage.PILOT,
        start_year=2021,
        barriers=[term("barrier", "projectification"), term("barrier", "procurement")],
        status=Case.Status.PUBLISHED,
    )
    make_case(
        title="Gamma",
        organisation=region_skane,
        sector=education,
        stage=Case.Stage.IMPLEMENTED,
        start_year=2021,
        barriers=[term("barrier", "legal_uncertainty")],
        status=Case.Status.PUBLISHED,
    )
    make_case(
        title="Utkast",
        organisation=eskilstuna,
        sector=health,
        stage=Case.Stage.IMPLEMENTED,
        start_year=2019,
        barriers=[term("barrier", "procurement")],
    )


# --- the case list -------------------------------------------------------------------------


def test_the_list_shows_only_published_cases(client, library):
    assert sorted(titles(client.get(LIST_URL))) == ["Alfa", "Beta", "Gamma"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "health"}, ["Alfa", "Beta"]),
        ({"sector": "health", "stage": "implemented"}, ["Alfa"]),
        ({"stage": "implemented"}, ["Alfa", "Gamma"]),
        ({"barrier": "silos"}, ["Alfa", "Beta"]),
        ({"barrier": "procurement"}, ["Alfa", "Beta"]),
        ({"barrier": "projectification"}, ["Beta"]),
        ({"barrier": "rules"}, ["Gamma"]),
        ({"barrier": "silos", "sector": "health", "stage": "pilot"}, ["Beta"]),
        ({"county": "19"}, ["Beta"]),
        ({"county": "04", "barrier": "silos"}, ["Alfa"]),
        ({"org_type": "region"}, ["Gamma"]),
        ({"org_type": "municipality"}, ["Alfa", "Beta"]),
        ({"year": "2021"}, ["Beta", "Gamma"]),
        ({"year": "2021", "org_type": "municipality"}, ["Beta"]),
        ({"year": "2021", "sector": "education", "county": "12"}, ["Gamma"]),
        ({"q": "alfa"}, ["Alfa"]),
        ({"sector": "no-such-sector"}, []),
        ({"year": "not-a-year"}, ["Alfa", "Beta", "Gamma"]),
    ],
)
def test_the_list_filters_combine(client, library, query, expected):
    response = client.get(LIST_URL, query, follow=True)  # words go to the search page
    assert response.status_code == 200
    assert sorted(titles(response)) == expected
    assert response.context["page"].paginator.count == len(expected)


def test_a_barrier_parent_counts_each_case_once_even_with_two_of_its_children(client, library):
    barriers = facet(client.get(LIST_URL), "barrier")
    assert barriers["silos"] == 2
    assert barriers["procurement"] == 2
    assert barriers["projectification"] == 1
    assert barriers["rules"] == 1
    assert "governance" not in barriers


@pytest.mark.parametrize("base", [{}, {"sector": "health"}, {"year": "2021"}, {"barrier": "silos"}])
@pytest.mark.parametrize("name", ["sector", "stage", "org_type", "county", "barrier", "year"])
def test_the_count_beside_each_filter_option_is_the_number_of_results_it_gives(
    client, library, base, name
):
    options = facet(client.get(LIST_URL, base), name)
    assert options, f"no options for {name}"
    for value, count in options.items():
        narrowed = client.get(LIST_URL, base | {name: value})
        assert narrowed.context["page"].paginator.count == count, (name, value)


def test_the_facet_counts_are_shown_in_the_filter_form(client, library):
    html = client.get(LIST_URL, {"sector": "health"}).content.decode()
    stage_select = html.split('name="stage"')[1].split("</select>")[0]
    assert re.search(r'value="implemented"[^>]*>[^<]*\(1\)', stage_select)
    assert re.search(r'value="pilot"[^>]*>[^<]*\(1\)', stage_select)
    assert 'value="idea"' not in stage_select


def test_the_list_can_be_sorted_by_the_number_of_adoptions(client, make_case, eskilstuna):
    ones = [services.organisation_upsert(name=f"Kommun {n}", kind="municipality") for n in range(3)]
    for title, adopters in [("Ingen", []), ("Flest", ones), ("En", ones[:1])]:
        case = make_case(title=title, status=Case.Status.PUBLISHED)
        for organisation in adopters:
            services.adoption_record(actor=None, case=case, organisation=organisation)
    assert titles(client.get(LIST_URL, {"sort": "adopted"})) == ["Flest", "En", "Ingen"]
    assert titles(client.get(LIST_URL, {"sort": "title"})) == ["En", "Flest", "Ingen"]
    assert titles(client.get(LIST_URL)) == ["En", "Flest", "Ingen"]  # newest first


def test_an_unknown_sort_falls_back_to_newest(client, make_case):
    make_case(title="Äldre", status=Case.Status.PUBLISHED)
    make_case(title="Nyare", status=Case.Status.PUBLISHED)
    response = client.get(LIST_URL, {"sort": "drop table"})
    assert response.status_code == 200
    assert titles(response) == ["Nyare", "Äldre"]


def test_pagination_keeps_the_filters_in_its_links(client, make_case, term):
    health = term("sector", "health")
    for number in range(21):
        make_case(title=f"Fall {number:02}", sector=health, status=Case.Status.PUBLISHED)
    make_case(title="Annan sektor", sector=term("sector", "education"), status="published")
    query = {"sector": "health", "sort": "title"}
    first = client.get(LIST_URL, query)
    assert len(titles(first)) == 20
    html = first.content.decode()
    next_links = re.findall(r'href="([^"]*)" rel="next"', html)
    assert len(next_links) == 1
    next_link = next_links[0].replace("&amp;", "&")
    assert "sector=health" in next_link
    assert "sort=title" in next_link
    assert "page=2" in next_link
    second = client.get(LIST_URL + next_link)
    assert titles(second) == ["Fall 20"]
    previous = re.findall(r'href="([^"]*)" rel="prev"', second.content.decode())
    assert "sector=health" in previous[0]


def test_changing_the_sort_keeps_the_filters_and_goes_back_to_the_first_page(client, make_case):
    for number in range(21):
        make_case(title=f"Fall {number:02}", status=Case.Status.PUBLISHED)
    html = client.get(LIST_URL, {"stage": "implemented", "page": "2"}).content.decode()
    sort_link = re.search(r'href="([^"]*sort=adopted[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "stage=implemented" in sort_link
    assert "page=" not in sort_link


def test_a_page_number_out_of_range_shows_the_last_page(client, make_case):
    make_case(title="Ensam", status=Case.Status.PUBLISHED)
    response = client.get(LIST_URL, {"page": "99"})
    assert response.status_code == 200
    assert titles(response) == ["Ensam"]


def test_the_list_and_its_counts_follow_each_change_at_once(
    client, make_case, term, vasteras, moderator, django_capture_on_commit_callbacks
):
    health, education = term("sector", "health"), term("sector", "education")
    first = make_case(title="Först", sector=health, status=Case.Status.PUBLISHED)
    assert titles(client.get(LIST_URL)) == ["Först"]
    assert facet(client.get(LIST_URL), "sector") == {"health": 1}

    with django_capture_on_commit_callbacks(execute=True):
        make_case(title="Sedan", sector=health, status=Case.Status.PUBLISHED)
    response = client.get(LIST_URL)
    assert sorted(titles(response)) == ["Först", "Sedan"]
    assert facet(response, "sector") == {"health": 2}

    with django_capture_on_commit_callbacks(execute=True):
        services.case_update(
            actor=None, case=first, data=case_input(title="Först", sector=education)
        )
    assert facet(client.get(LIST_URL), "sector") == {"health": 1, "education": 1}

    with django_capture_on_commit_callbacks(execute=True):
        services.adoption_record(actor=None, case=first, organisation=vasteras)
    assert titles(client.get(LIST_URL, {"sort": "adopted"}))[0] == "Först"

    with django_capture_on_commit_callbacks(execute=True):
        services.case_archive(actor=moderator, case=first)
    response = client.get(LIST_URL)
    assert titles(response) == ["Sedan"]
    assert response.context["page"].paginator.count == 1


def test_the_list_explains_when_no_case_matches(client, library):
    response = client.get("/en/innovationer/", {"sector": "education", "stage": "pilot"})
    assert titles(response) == []
    html = response.content.decode()
    assert "No innovations match these filters. Remove a filter to see more." in html
    assert 'class="empty-state"' in html


def test_an_empty_library_shows_the_empty_state_in_swedish_too(client):
    html = client.get(LIST_URL).content.decode()
    assert 'class="empty-state"' in html
    assert 'class="card"' not in html


def test_a_year_of_unusual_digits_is_ignored_instead_of_failing(client, library):
    response = client.get(LIST_URL, {"year": "²"})
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Alfa", "Beta", "Gamma"]


# --- a case --------------------------------------------------------------------------------


@pytest.fixture
def full_case(make_case, term, vasteras):
    return make_case(
        title="Återbruksgalleria",
        summary="En galleria där allt som säljs är återbrukat.",
        description="Allt började **2015** i Eskilstuna.",
        stage=Case.Stage.SPREAD,
        start_year=2015,
        sector=term("sector", "environment"),
        facet=Case.Facet.MISSION,
        partners=[vasteras],
        barriers=[term("barrier", "procurement")],
        enablers=[term("enabler", "co_creation")],
        effects=[term("effect", "sustainability")],
        user_involvement="Besökarna fick tycka till om butikerna.",
        tags=["Återbruk", "cirkulär ekonomi"],
        links=[("Galleriets webbplats", "https://retuna.example/")],
        contact_name=CONTACT_NAME,
        contact_email=CONTACT_EMAIL,
        status=Case.Status.PUBLISHED,
    )


def test_the_case_page_shows_what_the_owner_wrote(client, full_case, term):
    response = client.get(full_case.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Återbruksgalleria",
        "En galleria där allt som säljs är återbrukat.",
        "Eskilstuna kommun",
        "Västerås stad",
        "2015",
        term("sector", "environment").label_sv,
        term("barrier", "procurement").label_sv,
        term("barrier", "silos").label_sv,  # the parent of the barrier, as its group
        term("enabler", "co_creation").label_sv,
        term("effect", "sustainability").label_sv,
        "Besökarna fick tycka till om butikerna.",
        "återbruk",
        "cirkulär ekonomi",
        'href="https://retuna.example/"',
        "Galleriets webbplats",
        str(Case.Stage.SPREAD.label),
    ]:
        assert text in html, text


def test_the_case_page_shows_the_labels_in_english_under_en(client, full_case, term):
    html = client.get("/en" + full_case.get_absolute_url()).content.decode()
    assert term("barrier", "procurement").label_en in html
    assert term("sector", "environment").label_en in html


def test_a_missing_case_is_not_found(client):
    assert client.get(reverse("cases:detail", args=["finns-inte"])).status_code == 404


@pytest.mark.parametrize("who", [None, "editor", "other_editor", "moderator"])
def test_the_case_pages_never_show_the_contact_person(client, request, full_case, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    services.case_update(
        actor=None,
        case=full_case,
        data=case_input(
            title="Återbruksgalleria ReTuna",
            contact_name="Karl Kontaktbyte",
            contact_email="karl.byte@eskilstuna.example",
        ),
    )
    pages = [
        full_case.get_absolute_url(),
        reverse("cases:history", args=[full_case.slug]),
        *(
            reverse("cases:version", args=[full_case.slug, version.pk])
            for version in Version.objects.get_for_object(full_case)
        ),
    ]
    assert len(pages) >= 4
    for url in pages:
        response = client.get(url)
        # Versions from before the first publication are the editors' own: 404 for others.
        assert response.status_code in {200, 404}, url
        html = response.content.decode()
        for secret in [CONTACT_NAME, CONTACT_EMAIL, "Karl Kontaktbyte", "karl.byte@"]:
            assert secret not in html, (url, secret)


def extract_json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_the_case_page_describes_the_case_in_json_ld(client, full_case):
    data = extract_json_ld(client.get(full_case.get_absolute_url()).content.decode())
    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Återbruksgalleria"
    assert data["description"] == "En galleria där allt som säljs är återbrukat."
    assert data["creator"]["name"] == "Eskilstuna kommun"
    assert data["url"].endswith(full_case.get_absolute_url())
    assert data["temporalCoverage"] == "2015/.."
    assert data["keywords"] == ["Återbruk", "cirkulär ekonomi"]
    assert CONTACT_EMAIL not in json.dumps(data)


def test_a_title_cannot_close_the_json_ld_script_element(client, make_case):
    title = 'Slut</script><script>alert("x")</script> & <!-- mer'
    case = make_case(title=title, status=Case.Status.PUBLISHED)
    html = client.get(case.get_absolute_url()).content.decode()
    assert extract_json_ld(html)["name"] == title
    assert '<script>alert("x")' not in html
    head = html.split("</head>")[0]
    assert head.count("<script") == head.count("</script>")


def test_markdown_in_the_description_is_rendered(client, make_case):
    case = make_case(
        description="# Bakgrund\n\nDet var **viktigt**.\n\n- ett\n- två\n\n[Läs mer](https://a.example/)",
        status=Case.Status.PUBLISHED,
    )
    html = client.get(case.get_absolute_url()).content.decode()
    assert "<h3>Bakgrund</h3>" in html  # under the page's own h2
    assert "<h1>Bakgrund</h1>" not in html
    assert "<strong>viktigt</strong>" in html
    assert "<li>ett</li>" in html
    assert re.search(r'<a href="https://a.example/"[^>]*rel="nofollow noopener noreferrer"', html)


def test_markdown_in_the_description_cannot_carry_script(client, make_case):
    case = make_case(
        description=(
            "Före\n\n<script>alert('skript')</script>\n\n"
            '<img src="x" onerror="alert(1)">\n\n'
            '<p onclick="alert(2)">Klicka</p>\n\n'
            "[Länk](javascript:alert(3))\n\n"
            '<a href="JaVaScRiPt:alert(4)">Länk två</a>\n\n'
            '<iframe src="https://evil.example/"></iframe>\n\nEfter'
        ),
        status=Case.Status.PUBLISHED,
    )
    html = client.get(case.get_absolute_url()).content.decode()
    description = html.split('id="description-heading"')[1].split("</section>")[0]
    assert "Före" in description
    assert "Efter" in description
    assert "Klicka" in description
    lowered = html.lower()
    for forbidden in ["alert(", "<script>", "onerror=", "onclick=", "javascript:", "<iframe"]:
        assert forbidden not in lowered, forbidden


def test_a_partner_is_kept_whatever_its_id(client, make_case, eskilstuna):
    case = make_case(title="Samma id", status=Case.Status.PUBLISHED)
    if case.pk == eskilstuna.pk:
        case = make_case(title="Samma id igen", status=Case.Status.PUBLISHED)
    Organisation.objects.filter(pk=case.pk).delete()  # the registry that migrate left
    partner = Organisation.objects.create(
        pk=case.pk, name="Partner AB", slug="partner-ab", kind=Organisation.Kind.COMPANY
    )
    services.case_update(
        actor=None, case=case, data=case_input(title=case.title, partners=[partner])
    )
    assert list(Case.objects.get(pk=case.pk).partners.all()) == [partner]
    assert "Partner AB" in client.get(case.get_absolute_url()).content.decode()


def test_a_case_is_not_inspired_by_itself(make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    services.case_update(actor=None, case=case, data=case_input(inspired_by=[case]))
    assert not case.inspired_by.exists()


def test_the_case_page_links_cases_it_inspired_and_was_inspired_by(client, make_case):
    original = make_case(title="Originalet", status=Case.Status.PUBLISHED)
    copy = make_case(title="Kopian", inspired_by=[original], status=Case.Status.PUBLISHED)
    assert "Originalet" in client.get(copy.get_absolute_url()).content.decode()
    assert "Kopian" in client.get(original.get_absolute_url()).content.decode()


def test_the_case_page_lists_its_adoptions(client, make_case, vasteras):
    case = make_case(status=Case.Status.PUBLISHED)
    services.adoption_record(
        actor=None, case=case, organisation=vasteras, year=2022, note="Vi tog efter."
    )
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Västerås stad" in html
    assert "2022" in html
    assert "Vi tog efter." in html


# --- an organisation -----------------------------------------------------------------------


def test_the_organisation_page_shows_its_portfolio_counts(client, make_case, eskilstuna, vasteras):
    make_case(title="Ett", facet=Case.Facet.MISSION, stage="implemented", status="published")
    make_case(title="Två", facet=Case.Facet.MISSION, stage="pilot", status="published")
    make_case(title="Tre", facet=Case.Facet.ADAPTIVE, stage="pilot", status="published")
    make_case(title="Utkastet", facet=Case.Facet.MISSION, stage="pilot")
    make_case(
        title="Partnerfallet",
        organisation=vasteras,
        partners=[eskilstuna],
        facet=Case.Facet.ANTICIPATORY,
        status="published",
    )
    response = client.get(eskilstuna.get_absolute_url())
    assert response.status_code == 200
    portfolio = response.context["portfolio"]
    assert portfolio["total"] == 3
    facets = {row["value"]: (row["count"], row["percent"]) for row in portfolio["facets"]}
    assert facets == {"enhancement": (0, 0), "mission": (2, 67), "adaptive": (1, 33),
                      "anticipatory": (0, 0)}  # fmt: skip
    stages = {row["value"]: row["count"] for row in portfolio["stages"]}
    assert (stages["pilot"], stages["implemented"], stages["idea"]) == (2, 1, 0)
    html = response.content.decode()
    for title in ["Ett", "Två", "Tre", "Partnerfallet"]:
        assert f">{title}</a>" in html
    assert "Utkastet" not in html
    assert re.search(r"<td class=\"number\">2</td>", html)


def test_the_organisation_page_lists_what_it_adopted(client, make_case, eskilstuna, vasteras):
    case = make_case(title="Från Eskilstuna", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=case, organisation=vasteras, year=2023)
    response = client.get(vasteras.get_absolute_url())
    assert response.context["portfolio"]["total"] == 0
    html = response.content.decode()
    assert "Från Eskilstuna" in html
    assert "2023" in html


def test_the_organisation_page_names_its_other_names(client, eskilstuna):
    scb = Organisation.objects.get(name="Statistiska centralbyrån")
    html = client.get(scb.get_absolute_url()).content.decode()
    assert "Andra namn: SCB, Statistics Sweden" in html
    assert "Andra namn" not in client.get(eskilstuna.get_absolute_url()).content.decode()


def test_a_missing_organisation_is_not_found(client):
    assert client.get(reverse("cases:organisation", args=["finns-inte"])).status_code == 404


# --- a term --------------------------------------------------------------------------------


def test_the_page_of_a_barrier_lists_the_cases_of_it_and_its_children(client, library, term):
    silos = term("barrier", "silos")
    response = client.get(silos.get_absolute_url())
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Alfa", "Beta"]
    html = response.content.decode()
    assert silos.label_sv in html
    assert term("barrier", "procurement").label_sv in html  # a more specific term
    assert "Utkast" not in html
    assert "Gamma" not in html


def test_the_page_of_a_child_term_lists_only_its_own_cases(client, library, term):
    response = client.get(term("barrier", "projectification").get_absolute_url())
    assert titles(response) == ["Beta"]


def test_the_page_of_a_sector_lists_its_cases(client, library, term):
    assert sorted(titles(client.get(term("sector", "health").get_absolute_url()))) == [
        "Alfa",
        "Beta",
    ]


def test_an_unknown_term_or_vocabulary_is_not_found(client):
    assert client.get(reverse("cases:term", args=["barrier", "finns-inte"])).status_code == 404
    assert client.get(reverse("cases:vocabulary", args=["nonsense"])).status_code == 404


def test_the_vocabulary_page_lists_the_terms_in_their_tree(client, term):
    html = client.get(reverse("cases:vocabulary", args=["barrier"])).content.decode()
    assert term("barrier", "silos").label_sv in html
    assert term("barrier", "procurement").label_sv in html


# --- the case form -------------------------------------------------------------------------


def form_data(organisation, **overrides) -> dict:
    data = {
        "title": "Digital trygghetskamera",
        "summary": "Nattillsyn i hemtjänsten med kamera i stället för besök.",
        "language": "sv",
        "lead_organisation": organisation.pk,
        "stage": Case.Stage.PILOT,
        "start_year": "2020",
    }
    return {key: value for key, value in (data | overrides).items() if value is not None}


def test_the_form_keeps_what_was_typed_when_validation_fails(client, editor, eskilstuna, term):
    procurement = term("barrier", "procurement")
    client.force_login(editor)
    response = client.post(
        reverse("cases:create"),
        form_data(
            eskilstuna,
            title=None,
            summary="En sammanfattning som inte får gå förlorad",
            description="Lång **beskrivning** som också ska stå kvar",
            barriers=[procurement.pk],
            tags="återbruk, cirkulär",
        ),
    )
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    html = response.content.decode()
    assert "En sammanfattning som inte får gå förlorad" in html
    assert "Lång **beskrivning** som också ska stå kvar" in html
    assert "återbruk, cirkulär" in html
    assert re.search(rf'value="{procurement.pk}" id="[^"]*procurement" checked', html)
    assert not Case.objects.exists()


def test_the_edit_form_starts_from_what_is_saved(client, editor, full_case, term):
    client.force_login(editor)
    html = client.get(reverse("cases:edit", args=[full_case.slug])).content.decode()
    assert 'value="Återbruksgalleria"' in html
    assert "https://retuna.example/" in html
    assert CONTACT_EMAIL in html  # the owner sees and can change the contact
    procurement = term("barrier", "procurement")
    assert re.search(rf'value="{procurement.pk}" id="[^"]*procurement" checked', html)


def test_a_start_year_in_the_future_is_rejected_with_a_message(client, editor, eskilstuna):
    client.force_login(editor)
    response = client.post(
        reverse("cases:create"), form_data(eskilstuna, start_year=str(this_year() + 1))
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["start_year"]
    assert any(str(this_year()) in error for error in errors)
    assert str(this_year()) in response.content.decode()
    assert not Case.objects.exists()


def test_a_start_year_in_the_future_is_rejected_in_english_too(client, editor, eskilstuna):
    client.force_login(editor)
    response = client.post(
        "/en" + reverse("cases:create"), form_data(eskilstuna, start_year=str(this_year() + 1))
    )
    assert f"The year cannot be later than {this_year()}." in response.content.decode()
    assert not Case.objects.exists()


def test_this_year_is_accepted_as_start_year(client, editor, eskilstuna):
    client.force_login(editor)
    client.post(reverse("cases:create"), form_data(eskilstuna, start_year=str(this_year())))
    assert Case.objects.get().start_year == this_year()


def test_a_link_that_is_not_a_web_address_is_rejected(client, editor, eskilstuna):
    client.force_login(editor)
    response = client.post(
        reverse("cases:create"),
        form_data(eskilstuna, links="Bra | https://ok.example/\nDålig | javascript:alert(1)"),
    )
    assert "links" in response.context["form"].errors
    assert not Case.objects.exists()


def test_the_form_saves_links_tags_and_terms(client, editor, eskilstuna, term):
    client.force_login(editor)
    procurement, health = term("barrier", "procurement"), term("sector", "health")
    client.post(
        reverse("cases:create"),
        form_data(
            eskilstuna,
            sector=health.pk,
            barriers=[procurement.pk],
            tags="Återbruk, cirkulär ekonomi, återbruk",
            links="Webbplats | https://a.example/\nhttps://b.example/",
            contact_email=CONTACT_EMAIL,
        ),
    )
    case = Case.objects.get()
    assert case.sector == health
    assert list(case.barriers.all()) == [procurement]
    assert sorted(tag.name for tag in case.tags.all()) == ["cirkulär ekonomi", "Återbruk"]
    assert [(link.title, link.url) for link in case.links.all()] == [
        ("Webbplats", "https://a.example/"),
        ("https://b.example/", "https://b.example/"),
    ]
    assert case.contact_email == CONTACT_EMAIL


def test_saving_the_edit_form_keeps_the_cases_it_was_inspired_by(
    client, editor, eskilstuna, make_case
):
    original = make_case(title="Originalet", status=Case.Status.PUBLISHED)
    case = make_case(title="Kopian", inspired_by=[original])
    client.force_login(editor)
    response = client.post(
        reverse("cases:edit", args=[case.slug]), form_data(eskilstuna, title="Kopian v2")
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Kopian v2"
    assert list(case.inspired_by.all()) == [original]


def test_an_adoption_year_in_the_future_is_rejected(client, other_editor, vasteras, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    client.force_login(other_editor)
    response = client.post(
        reverse("cases:adopt", args=[case.slug]),
        {"organisation": vasteras.pk, "year": str(this_year() + 1), "how": "copied"},
    )
    assert response.status_code == 200
    assert "year" in response.context["form"].errors
    assert Case.objects.get(pk=case.pk).adoption_count == 0


def test_the_adopting_organisation_withdraws_its_adoption(
    client, make_case, other_editor, vasteras
):
    case = make_case(status=Case.Status.PUBLISHED)
    adoption = services.adoption_record(actor=None, case=case, organisation=vasteras, year=2024)
    client.force_login(other_editor)
    page = client.get(case.get_absolute_url()).content.decode()
    url = reverse("cases:adoption_withdraw", args=[case.slug, adoption.pk])
    assert url in page
    assert client.post(url)["Location"] == case.get_absolute_url()
    case.refresh_from_db()
    assert case.adoption_count == 0
    assert not case.adoptions.exists()


def test_no_one_else_withdraws_an_adoption(client, make_case, editor, vasteras):
    case = make_case(status=Case.Status.PUBLISHED)
    adoption = services.adoption_record(actor=None, case=case, organisation=vasteras, year=2024)
    client.force_login(editor)  # of the lead organisation, not of the adopting one
    url = reverse("cases:adoption_withdraw", args=[case.slug, adoption.pk])
    assert url not in client.get(case.get_absolute_url()).content.decode()
    assert client.post(url).status_code == 403
    assert case.adoptions.exists()
