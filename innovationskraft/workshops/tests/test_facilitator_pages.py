import pytest
from django.urls import reverse

from innovationskraft.cases.models import Case
from innovationskraft.workshops.models import Contribution, Theme, VotingRound, Workshop

pytestmark = pytest.mark.django_db


def url(name, workshop, *args):
    return reverse(f"workshops:{name}", args=[workshop.slug, *args])


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def test_the_workshop_pages_need_a_signed_in_facilitator(client, other_editor, workshop):
    assert client.get(url("manage", workshop)).status_code == 302
    client.force_login(other_editor)
    for name in ("manage", "moderate", "themes", "voting", "report_edit", "presenter", "csv"):
        assert client.get(url(name, workshop)).status_code == 403, name


def test_a_member_creates_an_opsi_workshop_from_the_form(signed_in, eskilstuna):
    response = signed_in.post(
        reverse("workshops:create"),
        {
            "title": "Spridning av goda exempel",
            "organiser": eskilstuna.pk,
            "date": "2026-12-03",
            "description": "",
            "language": "sv",
            "template": "opsi",
        },
    )
    workshop = Workshop.objects.get()
    assert response.url == url("manage", workshop)
    assert workshop.prompts.count() == 3
    page = signed_in.get(response.url)
    assert workshop.join_code in page.text


def test_the_form_offers_only_the_users_own_organisations(signed_in, eskilstuna, vasteras):
    page = signed_in.get(reverse("workshops:create"))
    assert "Eskilstuna kommun" in page.text
    assert "Västerås stad" not in page.text
    response = signed_in.post(
        reverse("workshops:create"),
        {"title": "X", "organiser": vasteras.pk, "date": "2026-12-03", "language": "sv",
         "template": "opsi"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not Workshop.objects.exists()


def test_open_lock_close_and_publish_from_the_overview(signed_in, draft_workshop):
    for action, state in [("open", "open"), ("lock", "open"), ("close", "closed"),
                          ("publish", "published")]:  # fmt: skip
        signed_in.post(url("state", draft_workshop), {"action": action})
        draft_workshop.refresh_from_db()
        assert draft_workshop.state == state, action
    assert draft_workshop.locked


def test_an_impossible_step_gives_a_message_not_an_error(signed_in, draft_workshop):
    response = signed_in.post(url("state", draft_workshop), {"action": "publish"}, follow=True)
    assert "Stäng workshoppen innan du publicerar rapporten." in response.text


def test_the_presenter_screen_shows_the_code_and_a_qr_code_to_the_join_address(signed_in, workshop):
    page = signed_in.get(url("presenter", workshop))
    assert workshop.join_code in page.text
    assert f"/w/{workshop.join_code}/" in page.text
    svg = signed_in.get(url("qr", workshop))
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<svg")


def test_questions_are_added_and_an_unanswered_one_removed(signed_in, workshop):
    signed_in.post(url("prompt_add", workshop), {"kind": "idea", "text": "Vad vill du pröva?"})
    prompt = workshop.prompts.get(kind="idea")
    signed_in.post(url("prompt_remove", workshop, prompt.pk))
    assert not workshop.prompts.filter(kind="idea").exists()


def test_moderation_hides_highlights_corrects_and_merges(signed_in, workshop, send):
    first, second = send("Vårdguiden 1177"), send("1177 vårdguiden")
    action = url("contribution_action", workshop, first.pk)
    signed_in.post(action, {"action": "highlight", "value": "1"})
    signed_in.post(action, {"action": "correct", "text": "1177 Vårdguiden"})
    signed_in.post(
        url("contribution_action", workshop, second.pk), {"action": "merge", "into": first.pk}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.highlighted
    assert first.text == "1177 Vårdguiden"
    assert second.merged_into == first
    signed_in.post(action, {"action": "hide"})
    assert Contribution.objects.get(pk=first.pk).status == "hidden"
    listed = signed_in.get(url("moderate", workshop), {"visa": "hidden"})
    assert "1177 Vårdguiden" in listed.text


def test_a_flagged_contribution_is_listed_under_possibly_offensive(signed_in, workshop, send):
    send("Jävla krångel", kind="barrier")
    send("Krångel", kind="barrier")
    page = signed_in.get(url("moderate", workshop), {"visa": "flagged"})
    assert "Jävla krångel" in page.text
    assert ">Krångel<" not in page.text


def test_a_bad_action_gets_a_message(signed_in, workshop, send):
    contribution = send("Hej")
    response = signed_in.post(
        url("contribution_action", workshop, contribution.pk), {"action": "merge", "into": "x"},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200


def test_the_contribution_page_suggests_tags_and_finds_the_case_already_in_the_library(
    signed_in, workshop, send, make_case
):
    make_case(title="Återbruksgalleria i Eskilstuna", status=Case.Status.PUBLISHED)
    example = send("Återbruksgalleria i Eskilstuna")
    barrier = send("Upphandlingen är krånglig", kind="barrier")
    page = signed_in.get(url("contribution", workshop, example.pk))
    assert "Återbruksgalleria i Eskilstuna</a>" in page.text
    page = signed_in.get(url("contribution", workshop, barrier.pk))
    assert "(förslag)" in page.text


def test_curating_an_example_creates_a_draft_and_opens_its_form(
    signed_in, workshop, send, eskilstuna
):
    example = send("Avancerad sjukvård i hemmet")
    response = signed_in.post(
        url("curate", workshop, example.pk),
        {"organisation": eskilstuna.pk, "title": "Avancerad sjukvård i hemmet"},
    )
    case = Case.objects.get(title="Avancerad sjukvård i hemmet")
    assert response.url == reverse("cases:edit", args=[case.slug])
    assert Contribution.objects.get(pk=example.pk).case == case


def test_themes_are_found_renamed_split_and_tagged_from_the_page(signed_in, workshop, send, term):
    for text in ["Upphandling tar tid", "Krånglig upphandling", "Upphandlingsregler är svåra"]:
        send(text, kind="barrier")
    response = signed_in.post(url("cluster", workshop), follow=True)
    assert "1 nya teman hittades" in response.text
    theme = Theme.objects.get()
    action = url("theme_action", workshop, theme.pk)
    signed_in.post(action, {"action": "rename", "name": "Upphandling"})
    procurement = term("barrier", "procurement")
    signed_in.post(action, {"action": "tags", "terms": [procurement.pk]})
    last = theme.contributions.last()
    signed_in.post(action, {"action": "split", "contributions": [last.pk], "name": "Regler"})
    assert sorted(Theme.objects.values_list("name", flat=True)) == ["Regler", "Upphandling"]
    assert list(theme.terms.all()) == [procurement]
    assert "Regler" in signed_in.get(url("themes", workshop)).text


def test_a_voting_round_is_opened_and_closed_from_the_page(signed_in, workshop):
    signed_in.post(url("voting", workshop), {"target": "contributions", "budget": 3})
    voting_round = VotingRound.objects.get()
    assert voting_round.is_open
    assert voting_round.budget == 3
    signed_in.post(url("round_close", workshop, voting_round.pk))
    voting_round.refresh_from_db()
    assert not voting_round.is_open


def test_a_budget_out_of_range_is_refused_with_a_message(signed_in, workshop):
    response = signed_in.post(url("voting", workshop), {"target": "themes", "budget": 50})
    assert response.status_code == 200
    assert not VotingRound.objects.exists()


def test_the_list_shows_the_facilitators_workshops(signed_in, workshop):
    assert workshop.title in signed_in.get(reverse("workshops:list")).text


def test_conclusions_are_saved_from_the_report_page(signed_in, workshop):
    signed_in.post(url("report_edit", workshop), {"conclusions": "Styrning **avgör**."})
    workshop.refresh_from_db()
    assert workshop.conclusions == "Styrning **avgör**."
    assert "<strong>avgör</strong>" in signed_in.get(url("report", workshop)).text


def test_an_english_workshops_code_leads_to_the_english_pages(signed_in, workshop):
    workshop.language = "en"
    workshop.save()
    page = signed_in.get(url("presenter", workshop))
    assert f"/en/w/{workshop.join_code}/" in page.text


def test_a_form_cannot_send_the_facilitator_to_another_site(signed_in, workshop):
    response = signed_in.post(
        url("state", workshop), {"action": "lock", "next": "https://elsewhere.example/"}
    )
    assert response.url == url("manage", workshop)


def test_someone_without_an_organisation_is_told_why_she_cannot_create_one(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("workshops:create"))
    assert response.status_code == 403
    assert "inte medlem i någon organisation" in response.text
    assert "För att hålla en workshop" in response.text


def test_a_moderator_from_another_organisation_edits_the_workshop(client, moderator, workshop):
    client.force_login(moderator)
    response = client.post(
        url("edit", workshop),
        {"title": "Ny titel", "date": "2026-12-01", "language": "sv", "description": ""},
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.title == "Ny titel"
