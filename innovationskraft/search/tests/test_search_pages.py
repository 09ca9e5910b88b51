import pytest
from django.urls import reverse

from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db
SEARCH_URL = "/sok/"


@pytest.fixture
def cases(make_case, vasteras, term):
    make_case(
        title="ReTuna återbruksgalleria",
        summary="Ett köpcentrum där allt som säljs är reparerat eller återbrukat.",
        status=Case.Status.PUBLISHED,
        sector=term("sector", "environment"),
    )
    make_case(
        title="Möbelåterbruk i kommunen",
        summary="Förvaltningarna lånar möbler av varandra i stället för att köpa nya.",
        status=Case.Status.PUBLISHED,
        organisation=vasteras,
    )


def test_the_search_page_lists_matches_with_marked_words_and_a_count(client, cases):
    response = client.get(SEARCH_URL, {"q": "återbrukat "})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>återbrukat</mark>" in html
    assert "2 innovationer" in html  # the compound "möbelåterbruk" too
    assert 'role="search"' in html
    assert 'method="get"' in html


def test_the_search_form_updates_the_results_while_typing(client, cases):
    html = client.get(SEARCH_URL).content.decode()
    assert 'hx-get="/sok/"' in html
    assert "delay:300ms" in html
    assert 'hx-push-url="true"' in html


def test_an_htmx_request_gets_only_the_results_and_varies_on_it(client, cases):
    response = client.get(SEARCH_URL, {"q": "möbler"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.startswith('<div id="search-results"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_search_is_reached_from_the_guessable_address_and_the_case_list(client, cases):
    response = client.get("/search/", {"q": "möbler"})
    assert response.status_code == 302
    assert response["Location"] == "/sok/?q=m%C3%B6bler"
    assert client.get(reverse("search:cases"), {"q": "möbler"})["Location"].startswith("/sok/?q=")
    assert client.get("/en/search/")["Location"] == "/en/sok/"


def test_the_page_says_when_it_fell_back_to_any_word(client, cases):
    html = client.get(SEARCH_URL, {"q": "möbler galleria "}).content.decode()
    assert "Här visas de som har flest av orden" in html
    assert "Möbelåterbruk i kommunen" in html


def test_the_page_says_which_correction_it_searched(client, cases):
    response = client.get(SEARCH_URL, {"q": "förvlatningarna"})
    assert response.context["results"].corrected == "forvaltningarna"
    assert "Möbelåterbruk i kommunen" in response.content.decode()


def test_function_words_alone_get_advice_instead_of_results(client, cases):
    response = client.get(SEARCH_URL, {"q": "och"})
    assert response.context["results"].query.only_stop_words
    assert "ReTuna" not in response.content.decode()


def test_the_page_names_who_else_works_on_the_words(client, cases):
    html = client.get(SEARCH_URL, {"q": "återbruk "}).content.decode()
    assert 'id="who-else-heading"' in html
    assert "Västerås stad" in html


def test_the_sort_order_and_filters_are_in_the_url(client, cases):
    response = client.get(SEARCH_URL, {"q": "återbruk ", "sort": "title", "sector": "environment"})
    titles = [c.title for c in response.context["results"].page.object_list]
    assert titles == ["ReTuna återbruksgalleria"]
    assert response.context["filters"].sort == "title"


def test_the_case_page_loads_similar_cases_and_who_else_once_shown(client, cases):
    case = Case.objects.get(title="ReTuna återbruksgalleria")
    related = reverse("search:related", args=[case.slug])

    page = client.get(case.get_absolute_url()).content.decode()
    html = client.get(related, HTTP_HX_REQUEST="true").content.decode()

    assert f'hx-get="{related}"' in page
    assert 'id="similar-heading"' in html
    assert "Möbelåterbruk i kommunen" in html
    assert 'id="who-else-heading"' in html
    assert "<html" not in html


def test_without_javascript_similar_cases_are_a_page_of_their_own(client, cases):
    case = Case.objects.get(title="ReTuna återbruksgalleria")

    response = client.get(reverse("search:related", args=[case.slug]))

    assert "<html" in response.content.decode()
    assert 'id="similar-heading"' in response.content.decode()


def test_a_draft_has_no_similar_cases_page(client, make_case):
    draft = make_case(title="Utkast om återbruk")

    assert client.get(reverse("search:related", args=[draft.slug])).status_code == 404


def test_the_duplicate_check_answers_with_links_to_likely_duplicates(client, cases):
    url = reverse("search:duplicates")
    html = client.get(url, {"title": "ReTuna återbruksgalleria i Eskilstuna"}).content.decode()
    assert "/innovationer/retuna-aterbruksgalleria/" in html
    assert client.get(url, {"title": "Simskola"}).content.decode().strip() == ""


def test_the_case_form_asks_for_the_duplicate_check_as_the_title_is_written(client, editor):
    client.force_login(editor)
    html = client.get(reverse("cases:create")).content.decode()
    assert 'id="possible-duplicates"' in html
    assert "from:#id_title" in html
