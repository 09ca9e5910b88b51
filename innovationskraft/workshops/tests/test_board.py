import pytest

from innovationskraft.workshops import services

pytestmark = pytest.mark.django_db


def test_the_board_shows_visible_contributions_grouped_by_question(
    client, facilitator, workshop, send
):
    send("ReTuna återbruksgalleria")
    hidden = send("Dolt bidrag")
    services.contribution_set_status(actor=facilitator, contribution=hidden, status="hidden")
    response = client.get(f"/w/{workshop.join_code}/tavla/")
    assert "ReTuna återbruksgalleria" in response.text
    assert "Dolt bidrag" not in response.text
    assert workshop.join_code in response.text


def test_a_poll_with_the_current_revision_gets_204_and_a_change_gets_the_board(
    client, workshop, send
):
    url = f"/w/{workshop.join_code}/tavla/innehall/"
    workshop.refresh_from_db()
    assert client.get(url, {"v": workshop.revision}).status_code == 204
    send("1177 Vårdguiden")
    response = client.get(url, {"v": workshop.revision})
    assert response.status_code == 200
    assert "1177 Vårdguiden" in response.text
    workshop.refresh_from_db()
    assert f"?v={workshop.revision}" in response.text


def test_a_draft_workshops_board_does_not_exist(client, draft_workshop):
    assert client.get(f"/w/{draft_workshop.join_code}/tavla/").status_code == 404


def test_a_closed_workshops_board_stays_up_for_the_room_until_its_report_is_withdrawn(
    client, facilitator, workshop, send
):
    send("ReTuna återbruksgalleria")
    code = workshop.join_code
    urls = [f"/w/{code}/tavla/", f"/w/{code}/tavla/innehall/", f"/w/{code}/rostning/"]
    services.workshop_close(actor=facilitator, workshop=workshop)
    assert client.get(urls[0]).status_code == 200
    services.workshop_publish(actor=facilitator, workshop=workshop)
    assert client.get(urls[0]).status_code == 200
    services.workshop_unpublish(actor=facilitator, workshop=workshop)
    for url in urls:
        assert client.get(url).status_code == 404
    client.force_login(facilitator)
    for url in urls[:2]:
        response = client.get(url)
        assert response.status_code == 200
        assert "ReTuna återbruksgalleria" in response.text


def test_publishing_or_opening_again_brings_the_board_back(client, facilitator, workshop):
    services.workshop_close(actor=facilitator, workshop=workshop)
    services.workshop_publish(actor=facilitator, workshop=workshop)
    services.workshop_unpublish(actor=facilitator, workshop=workshop)
    services.workshop_open(actor=facilitator, workshop=workshop)
    assert client.get(f"/w/{workshop.join_code}/tavla/").status_code == 200
