import pytest
from django.urls import reverse

from innovationskraft.cases import services as cases_services
from innovationskraft.core.clients import address_key
from innovationskraft.workshops import services
from innovationskraft.workshops.models import Contribution, Participant, Prompt

pytestmark = pytest.mark.django_db


def _join(client, workshop, **data):
    return client.post(reverse("workshops:join", args=[workshop.join_code]), data)


def test_a_wrong_code_gets_a_clear_message_and_a_field_to_try_again(client):
    response = client.get("/w/AAAAAA/")
    assert response.status_code == 404
    assert "AAAAAA" in response.text
    assert 'name="kod"' in response.text


def test_the_code_field_leads_to_the_workshop_whatever_the_case(client, workshop):
    response = client.get("/w/", {"kod": workshop.join_code.lower()})
    assert response.url == f"/w/{workshop.join_code}/"


def test_a_draft_workshop_cannot_be_joined(client, draft_workshop):
    assert client.get(f"/w/{draft_workshop.join_code}/").status_code == 404


def test_a_newcomer_sees_the_join_form_with_the_organisation_registry(client, workshop):
    response = client.get(f"/w/{workshop.join_code}/")
    assert 'name="name"' in response.text
    assert '<option value="Eskilstuna kommun">' in response.text


def test_the_join_form_escapes_an_organisation_name_once_however_often_it_is_shown(
    client, workshop
):
    cases_services.organisation_upsert(name='Förbundet "Hjo & Tibro"', kind="non_profit")
    for _phone in range(2):  # the second form comes from the cached list
        response = client.get(f"/w/{workshop.join_code}/")
        assert '<option value="Förbundet &quot;Hjo &amp; Tibro&quot;">' in response.text


def test_joining_sets_a_cookie_and_shows_every_question(client, workshop):
    response = _join(client, workshop, name="Anna", organisation="Eskilstuna kommun")
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.text.count("data-contribute") == 3
    participant = Participant.objects.get()
    assert participant.name == "Anna"
    assert participant.organisation.name == "Eskilstuna kommun"


def test_a_contribution_without_javascript_is_confirmed_and_listed(client, workshop):
    _join(client, workshop)
    prompt = workshop.prompts.get(kind=Prompt.Kind.EXAMPLE)
    response = client.post(
        f"/w/{workshop.join_code}/skicka/", {"prompt": prompt.pk, "text": "ReTuna"}, follow=True
    )
    assert "Tack. Ditt bidrag är skickat." in response.text
    assert Contribution.objects.get().text == "ReTuna"
    assert 'id="mina-' in response.text


def test_a_too_long_contribution_keeps_its_text_in_the_field(client, workshop):
    _join(client, workshop)
    prompt = workshop.prompts.get(kind=Prompt.Kind.EXAMPLE)
    text = "Lång " * 70
    response = client.post(f"/w/{workshop.join_code}/skicka/", {"prompt": prompt.pk, "text": text})
    assert response.status_code == 400
    assert text.strip() in response.text
    assert not Contribution.objects.exists()


def test_the_fetch_answer_is_the_list_of_her_contributions(client, workshop):
    _join(client, workshop)
    prompt = workshop.prompts.get(kind=Prompt.Kind.BARRIER)
    data = {"prompt": prompt.pk, "text": "Upphandling", "client_key": "abc"}
    headers = {"X-Requested-With": "fetch"}
    first = client.post(f"/w/{workshop.join_code}/skicka/", data, headers=headers)
    again = client.post(f"/w/{workshop.join_code}/skicka/", data, headers=headers)
    assert first.status_code == again.status_code == 200
    assert first.text.startswith('<section id="mina"')
    assert Contribution.objects.count() == 1


def test_a_refused_fetch_says_why_in_a_header(client, facilitator, workshop):
    _join(client, workshop)
    services.workshop_set_locked(actor=facilitator, workshop=workshop, locked=True)
    prompt = workshop.prompts.first()
    response = client.post(
        f"/w/{workshop.join_code}/skicka/",
        {"prompt": prompt.pk, "text": "Hej"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400
    assert "paus" in response["X-Message"]


def test_someone_without_the_cookie_cannot_contribute(client, workshop):
    prompt = workshop.prompts.first()
    response = client.post(f"/w/{workshop.join_code}/skicka/", {"prompt": prompt.pk, "text": "x"})
    assert response.status_code == 302
    assert not Contribution.objects.exists()


def test_she_withdraws_her_own_contribution_but_not_someone_elses(client, workshop, send):
    _join(client, workshop)
    participant = Participant.objects.get()
    mine = send("Mitt", participant=participant)
    other = send("Någon annans")
    url = f"/w/{workshop.join_code}/mina/"
    assert client.post(f"{url}{other.pk}/", {"action": "withdraw"}).status_code == 404
    client.post(f"{url}{mine.pk}/", {"action": "withdraw"})
    assert Contribution.objects.get(pk=mine.pk).status == "withdrawn"
    assert Contribution.objects.get(pk=other.pk).status == "visible"


def test_a_closed_workshop_says_so_and_links_the_published_report(client, facilitator, workshop):
    services.workshop_close(actor=facilitator, workshop=workshop)
    response = client.get(f"/w/{workshop.join_code}/")
    assert "stängd" in response.text
    assert reverse("workshops:report", args=[workshop.slug]) not in response.text
    services.workshop_publish(actor=facilitator, workshop=workshop)
    response = client.get(f"/w/{workshop.join_code}/")
    assert reverse("workshops:report", args=[workshop.slug]) in response.text


def test_she_votes_from_her_phone_within_her_budget(client, facilitator, workshop, send):
    _join(client, workshop)
    for text in ["Upphandling tar tid", "Krånglig upphandling"]:
        send(text, kind="barrier")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    theme = workshop.prompts.get(kind="barrier").themes.get()
    services.round_open(actor=facilitator, workshop=workshop, target="themes", budget=1)
    page = client.get(f"/w/{workshop.join_code}/")
    assert "Du har 1 röst kvar." in page.text
    client.post(f"/w/{workshop.join_code}/rosta/", {"item": theme.pk})
    response = client.post(f"/w/{workshop.join_code}/rosta/", {"item": theme.pk}, follow=True)
    assert "redan röstat" in response.text
    assert theme.votes.count() == 1


def test_the_voting_panel_poll_answers_204_until_a_round_opens(client, facilitator, workshop):
    _join(client, workshop)
    url = f"/w/{workshop.join_code}/rostning/"
    assert client.get(url, {"round": ""}).status_code == 204
    voting_round = services.round_open(
        actor=facilitator, workshop=workshop, target="contributions", budget=2
    )
    response = client.get(url, {"round": ""})
    assert response.status_code == 200
    assert f"round={voting_round.pk}" in response.text


def test_a_name_too_long_keeps_the_join_form_with_the_reason(client, workshop):
    response = _join(client, workshop, name="A" * 101, organisation="Eskilstuna kommun")
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert 'value="Eskilstuna kommun"' in response.text
    assert not Participant.objects.exists()


def test_a_crafted_vote_gets_a_message_not_an_error(client, facilitator, workshop):
    _join(client, workshop)
    services.round_open(actor=facilitator, workshop=workshop, target="themes", budget=1)
    response = client.post(f"/w/{workshop.join_code}/rosta/", {"item": "abc"}, follow=True)
    assert response.status_code == 200
    assert "Det går inte att rösta på det här" in response.text


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(client, workshop, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    through_proxy = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    client.post(reverse("workshops:join", args=[workshop.join_code]), {}, **through_proxy)
    prompt = workshop.prompts.get(kind=Prompt.Kind.EXAMPLE)
    client.post(
        f"/w/{workshop.join_code}/skicka/", {"prompt": prompt.pk, "text": "ReTuna"}, **through_proxy
    )
    assert Participant.objects.get().address_key == address_key("203.0.113.1")
    assert Contribution.objects.get().address_key == address_key("203.0.113.1")


def test_a_forwarded_header_from_anyone_else_is_not_believed(client, workshop):
    spoofed = {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    client.post(reverse("workshops:join", args=[workshop.join_code]), {}, **spoofed)
    assert Participant.objects.get().address_key == address_key("198.51.100.7")
