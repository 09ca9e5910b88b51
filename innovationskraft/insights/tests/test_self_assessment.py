"""The self-assessment: a profile of innovation capacity from anonymous answers, saved by a
member for her organisation, a team profile for its members, and comparisons shown only over
at least five organisations."""

import pypdfium2
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.insights.models import Assessment, Resource
from innovationskraft.insights.self_assessment.permalinks import result_token
from innovationskraft.insights.self_assessment.profiles import profile_of
from innovationskraft.insights.self_assessment.services import assessment_save
from innovationskraft.insights.self_assessment.statements import DIMENSIONS, STATEMENTS

pytestmark = pytest.mark.django_db
FORM = "insights:self_assessment"


def answers(value: int = 3, **per_dimension: int) -> dict[str, int]:
    """Every statement answered with `value`, or with the value given for its dimension."""
    return {s.code: per_dimension.get(d.code, value) for d in DIMENSIONS for s in d.statements}


def result_url(given: dict, kind: str = "") -> str:
    return reverse("insights:self_assessment_result", args=[result_token(answers=given, kind=kind)])


def member_of(organisation: Organisation, email: str) -> User:
    user = User.objects.create_user(email=email, password="a-long-test-password")
    membership_grant(user=user, organisation=organisation)
    return user


def municipalities(count: int) -> list[Organisation]:
    return list(Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)[:count])


def saved_by_organisations(organisations: list[Organisation], given: dict) -> None:
    for n, organisation in enumerate(organisations):
        user = member_of(organisation, f"person{n}@{organisation.slug}.example")
        assessment_save(user=user, organisation=organisation, answers=given)


def test_the_statement_codes_never_change():
    # Saved answers and result addresses carry these codes: a new statement gets a new code.
    assert [s.code for s in STATEMENTS] == [
        *(f"steering-{n}" for n in range(1, 5)),
        *(f"knowledge-{n}" for n in range(1, 5)),
        *(f"users-{n}" for n in range(1, 4)),
        *(f"culture-{n}" for n in range(1, 5)),
        *(f"collaboration-{n}" for n in range(1, 4)),
        *(f"scaling-{n}" for n in range(1, 5)),
        *(f"procurement-{n}" for n in range(1, 4)),
    ]


def test_every_dimension_names_terms_that_exist_in_the_vocabularies():
    for dimension in DIMENSIONS:
        for vocabulary, codes in [("barrier", dimension.barriers), ("enabler", dimension.enablers)]:
            found = Term.objects.filter(vocabulary=vocabulary, code__in=codes).count()
            assert found == len(codes), (dimension.code, codes)


def test_the_form_has_a_fieldset_with_a_legend_and_five_labelled_radios_per_statement(client):
    html = client.get(reverse(FORM)).content.decode()
    assert html.count('<fieldset class="statement"') == len(STATEMENTS)
    assert '<legend><span class="statement-number">1.</span> Våra mål och planer' in html
    assert html.count('type="radio"') == 5 * len(STATEMENTS)
    assert '<label for="id_steering-1_0"><input type="radio" name="steering-1" value="1"' in html
    assert "Håller inte alls med" in html
    assert "Håller helt med" in html


def test_the_form_rejects_missing_answers_with_a_message_and_keeps_the_given_ones(client):
    given = answers(4)
    del given["users-2"], given["procurement-3"]
    response = client.post(reverse(FORM), given)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary" role="alert" tabindex="-1" autofocus' in html
    assert "2 påståenden är inte besvarade ännu" in html
    assert 'href="#id_users-2_0">Påstående 10: Invånare och brukare' in html
    assert 'href="#id_procurement-3_0">Påstående 25:' in html
    assert 'name="steering-1" value="4" id="id_steering-1_3" required checked' in html
    assert html.count("checked") == len(STATEMENTS) - 2


def test_the_anonymous_profile_scores_equal_what_the_answers_give(client):
    given = answers(3, steering=5, knowledge=1, users=4)
    given["culture-1"], given["culture-2"] = 1, 2  # culture: 1, 2, 3, 3 -> mean 2.25 -> 31
    response = client.post(reverse(FORM), given | {"kind": "region"})
    assert response.status_code == 302
    response = client.get(response["Location"])
    scores = {d.code: score for d, score, _others in response.context["rows"]}
    assert scores == {
        "steering": 100,
        "knowledge": 0,
        "users": 75,
        "culture": 31,
        "collaboration": 50,
        "scaling": 50,
        "procurement": 50,
    }
    assert profile_of(given).score(DIMENSIONS[3]) == 31
    html = response.content.decode()
    assert "Starkast: Styrning och budget (100 av 100)" in html
    assert '<th scope="row">Användarfokus</th><td class="number">75</td>' in html
    assert not Assessment.objects.exists()  # nothing is saved for an anonymous result


def test_a_result_address_not_made_here_is_not_found(client):
    url = result_url(answers(3))
    assert client.get(url.replace("/resultat/", "/resultat/x")).status_code == 404
    assert client.get(reverse("insights:self_assessment_result", args=["abc"])).status_code == 404


def test_anonymous_visitors_cannot_save(client, eskilstuna):
    token = result_token(answers=answers(4))
    url = reverse("insights:self_assessment_save")
    response = client.post(url, {"token": token, "organisation": eskilstuna.slug})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not Assessment.objects.exists()
    assert "Logga in för att spara" in client.get(result_url(answers(4))).content.decode()


def test_a_non_member_cannot_save_for_an_organisation(client, other_editor, eskilstuna):
    client.force_login(other_editor)  # a member of Västerås, not of Eskilstuna
    token = result_token(answers=answers(4))
    url = reverse("insights:self_assessment_save")
    response = client.post(url, {"token": token, "organisation": eskilstuna.slug})
    assert response.status_code == 403
    assert not Assessment.objects.exists()
    with pytest.raises(PermissionDenied):
        assessment_save(user=other_editor, organisation=eskilstuna, answers=answers(4))
    assert not Assessment.objects.exists()


def test_a_member_saves_the_result_for_her_organisation(client, editor, eskilstuna):
    client.force_login(editor)
    html = client.get(result_url(answers(4))).content.decode()
    assert f'<option value="{eskilstuna.slug}">Eskilstuna kommun</option>' in html
    token = result_token(answers=answers(4))
    response = client.post(
        reverse("insights:self_assessment_save"), {"token": token, "organisation": eskilstuna.slug}
    )
    team_url = reverse("insights:self_assessment_team", args=[eskilstuna.slug])
    assert response["Location"] == team_url
    [saved] = Assessment.objects.all()
    assert (saved.user, saved.organisation, saved.answers) == (editor, eskilstuna, answers(4))


def test_the_team_profile_averages_colleagues_latest_answers(client, editor, eskilstuna):
    bo, cia = member_of(eskilstuna, "bo@e.example"), member_of(eskilstuna, "cia@e.example")
    assessment_save(user=editor, organisation=eskilstuna, answers=answers(1))
    assessment_save(user=editor, organisation=eskilstuna, answers=answers(5))  # her latest
    assessment_save(user=bo, organisation=eskilstuna, answers=answers(3))
    assessment_save(user=cia, organisation=eskilstuna, answers=answers(2, steering=5))
    client.force_login(editor)
    response = client.get(reverse("insights:self_assessment_team", args=[eskilstuna.slug]))
    scores = {d.code: score for d, score, _others in response.context["rows"]}
    assert scores["steering"] == round((100 + 50 + 100) / 3)  # 83
    assert scores["users"] == round((100 + 50 + 25) / 3)  # 58
    assert "3 medlemmar har sparat" in response.content.decode()


def test_the_team_profile_waits_until_three_colleagues_have_answered(client, editor, eskilstuna):
    assessment_save(user=editor, organisation=eskilstuna, answers=answers(5))
    assessment_save(
        user=member_of(eskilstuna, "b@e.example"), organisation=eskilstuna, answers=answers(1)
    )
    client.force_login(editor)
    response = client.get(reverse("insights:self_assessment_team", args=[eskilstuna.slug]))
    assert "rows" not in response.context
    assert "visas när 3 medlemmar har sparat" in response.content.decode()


def test_only_members_see_the_team_profile(client, other_editor, eskilstuna):
    url = reverse("insights:self_assessment_team", args=[eskilstuna.slug])
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(other_editor)
    assert client.get(url).status_code == 403


def test_peers_are_hidden_with_four_organisations_and_shown_with_five(client):
    first_five = municipalities(5)
    saved_by_organisations(first_five[:4], answers(2))
    html = client.get(result_url(answers(3), kind="municipality")).content.decode()
    assert "Färre än fem organisationer av den här typen (Kommun)" in html
    assert "4 hittills" in html
    assert '<th scope="col" class="number">Samma typ</th>' not in html

    saved_by_organisations(first_five[4:], answers(2))
    response = client.get(result_url(answers(3), kind="municipality"))
    html = response.content.decode()
    assert '<th scope="col" class="number">Samma typ</th>' in html
    assert '<th scope="col" class="number">Landet</th>' in html
    assert response.context["rows"][0][2] == [25, 25]
    assert "Samma typ (Kommun): medelvärdet av 5 organisationers senaste svar" in html


def test_peers_of_another_type_are_not_counted(client, region_skane):
    saved_by_organisations(municipalities(5), answers(2))
    html = client.get(result_url(answers(3), kind="region")).content.decode()
    assert "Färre än fem organisationer av den här typen (Region)" in html
    assert '<th scope="col" class="number">Landet</th>' in html


def test_one_organisations_answers_never_appear_on_anothers_page(
    client, editor, eskilstuna, vasteras
):
    colleagues = [member_of(eskilstuna, f"{n}@e.example") for n in range(2)]
    for user in [editor, *colleagues]:
        assessment_save(user=user, organisation=eskilstuna, answers=answers(3))
    # Västerås answers as no one else does: every area at 0 but procurement at 100.
    odd = answers(1, procurement=5)
    saved_by_organisations([vasteras], odd)
    client.force_login(editor)
    response = client.get(reverse("insights:self_assessment_team", args=[eskilstuna.slug]))
    html = response.content.decode()
    assert "Västerås" not in html
    assert response.context["shown_comparisons"] == []  # one other organisation: no mean
    assert all(others == [] for _d, _score, others in response.context["rows"])
    anonymous = client.get(result_url(answers(3), kind="municipality")).content.decode()
    assert "Västerås" not in anonymous
    assert "Landet</th>" not in anonymous


def test_the_team_compares_with_other_organisations_not_with_itself(client, editor, eskilstuna):
    colleagues = [member_of(eskilstuna, f"{n}@e.example") for n in range(2)]
    for user in [editor, *colleagues]:
        assessment_save(user=user, organisation=eskilstuna, answers=answers(5))
    others = [o for o in municipalities(6) if o != eskilstuna][:5]
    saved_by_organisations(others[:4], answers(1))
    client.force_login(editor)
    url = reverse("insights:self_assessment_team", args=[eskilstuna.slug])
    assert client.get(url).context["shown_comparisons"] == []  # 4 others, itself not counted
    saved_by_organisations(others[4:], answers(1))
    response = client.get(url)
    assert [c.organisations for c in response.context["shown_comparisons"]] == [5, 5]
    assert response.context["rows"][0][1:] == (100, [0, 0])


def test_the_weak_dimensions_link_to_resources_about_their_terms_and_to_cases(client, term):
    guide = Resource.objects.create(
        title="Köp det som inte finns",
        slug="kop-det-som-inte-finns",
        kind=Resource.Kind.GUIDE,
        description="Dialog med marknaden före upphandlingen.",
        url="https://upphandling.example/guide",
    )
    guide.barriers.set([term("barrier", "procurement")])
    course = Resource.objects.create(
        title="Tjänstedesign för chefer",
        slug="tjanstedesign",
        kind=Resource.Kind.COURSE,
        description="Användarnas behov först.",
        url="https://design.example/kurs",
    )
    course.enablers.set([term("enabler", "co_creation")])  # narrower than "user focus"
    response = client.get(result_url(answers(4, procurement=1, users=2, culture=3)))
    steps = response.context["next_steps"]
    assert [s.dimension.code for s in steps] == ["procurement", "users"]
    assert steps[0].resources == [guide]
    assert steps[1].resources == [course]
    html = response.content.decode()
    assert 'href="https://upphandling.example/guide"' in html
    assert 'href="/innovationer/?barrier=procurement"' in html
    assert 'href="/innovationer/?enabler=innovation_procurement"' in html
    assert 'href="/innovationer/?enabler=user_focus"' in html
    assert 'href="/resurser/?term=barrier%3Aprocurement"' in html
    assert "Innovationer som tog sig förbi ”Svårigheter med upphandling”" in html
    assert "Innovationer som fick hjälp av ”Innovationsupphandling”" in html


def test_the_case_list_links_find_the_cases_that_named_the_terms(client, make_case, term):
    case = make_case(
        title="Innovationsupphandling av hemtjänst",
        status=Case.Status.PUBLISHED,
        barriers=[term("barrier", "procurement")],
    )
    response = client.get(result_url(answers(4, procurement=1)))
    [link] = [link for link in response.context["next_steps"][0].cases if "barrier=" in link.url]
    assert case.title in client.get(link.url).content.decode()


def test_the_pdf_is_a_tagged_pdf_with_the_title(client):
    url = result_url(answers(4, procurement=1), kind="municipality")
    response = client.get(url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.content)
    text = pdf[0].get_textpage().get_text_range()
    assert "Självskattning av innovationsförmåga" in text
    assert "Upphandling" in text
    assert pypdfium2.raw.FPDFCatalog_IsTagged(pdf.raw)


def test_the_pages_are_in_english_under_en(client):
    result = result_url(answers(3))
    html = client.get("/en/sjalvskattning/").content.decode()
    assert "Self-assessment of innovation capacity" in html
    assert "Strongly disagree" in html
    html = client.get("/en" + result).content.decode()
    assert "Your self-assessment" in html


def test_the_menu_and_the_insights_and_resources_pages_link_to_it(client):
    url = reverse(FORM)
    menu_item = f'<a href="{url}" aria-current="page">Självskattning</a>'
    assert menu_item in client.get(url).content.decode()
    for page in ["insights:index", "insights:resources"]:
        assert client.get(reverse(page)).content.decode().count(f'href="{url}"') == 2


def test_the_admin_lists_who_saved_and_the_countrys_mean_but_no_answers(admin_client):
    saved_by_organisations(municipalities(5), answers(2, procurement=4))
    response = admin_client.get(reverse("admin:insights_assessment_changelist"))
    html = response.content.decode()
    assert response.context["country_rows"][-1] == ("Upphandling", 75)
    assert "person0@" not in html
    assessment = Assessment.objects.first()
    assert assessment is not None
    url = reverse("admin:insights_assessment_change", args=[assessment.pk])
    assert "steering-1" not in admin_client.get(url).content.decode()
    assert admin_client.get(reverse("admin:insights_assessment_add")).status_code == 403


def test_drawing_pdfs_is_limited_per_address_while_the_result_page_is_not(client, settings):
    settings.PDF_REQUESTS_PER_MINUTE = 2
    url = result_url(answers(4))
    statuses = [client.get(url + "pdf/", REMOTE_ADDR="10.3.3.3").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get(url, REMOTE_ADDR="10.3.3.3").status_code == 200
    assert client.get(url + "pdf/", REMOTE_ADDR="10.4.4.4").status_code == 200
