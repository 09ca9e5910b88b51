"""More than one dot per item, the results of a closed round, and the vote first on the phone."""

import contextlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from innovationskraft.workshops import services
from innovationskraft.workshops.models import Theme, Vote, VotingRound

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(facilitator, workshop, send):
    for text in ["Upphandling tar tid", "Krånglig upphandling", "Politiska val", "Nya val"]:
        send(text, kind="barrier")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    return list(Theme.objects.order_by("pk"))


def _round(facilitator, workshop, *, budget=3, max_per_item=2, target="themes"):
    return services.round_open(
        actor=facilitator,
        workshop=workshop,
        target=target,
        budget=budget,
        max_per_item=max_per_item,
    )


def _vote(participant, voting_round, item):
    return services.vote_cast(participant=participant, voting_round=voting_round, item=item)


def test_a_participant_stacks_dots_on_one_item_up_to_the_rounds_limit(
    facilitator, workshop, themes, join
):
    voting_round = _round(facilitator, workshop)
    participant = join()
    _vote(participant, voting_round, themes[0])
    _vote(participant, voting_round, themes[0])
    with pytest.raises(services.VoteRefused, match="så många röster"):
        _vote(participant, voting_round, themes[0])
    _vote(participant, voting_round, themes[1])
    with pytest.raises(services.VoteRefused, match="alla dina röster"):
        _vote(participant, voting_round, themes[1])
    assert Vote.objects.filter(theme=themes[0]).count() == 2


def test_taking_back_removes_one_dot_at_a_time(facilitator, workshop, themes, join):
    voting_round = _round(facilitator, workshop)
    participant = join()
    _vote(participant, voting_round, themes[0])
    _vote(participant, voting_round, themes[0])
    services.vote_withdraw(participant=participant, voting_round=voting_round, item=themes[0])
    assert Vote.objects.filter(theme=themes[0]).count() == 1


def test_the_database_itself_keeps_the_limit_per_item(facilitator, workshop, themes, join):
    voting_round = _round(facilitator, workshop)
    participant = join()
    fields = {"round": voting_round, "participant": participant, "budget": 3, "max_per_item": 2}
    Vote.objects.create(slot=1, item_slot=1, theme=themes[0], **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(slot=2, item_slot=1, theme=themes[0], **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(slot=2, item_slot=3, theme=themes[0], **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        VotingRound.objects.create(workshop=workshop, budget=2, max_per_item=3)


def test_a_limit_per_item_above_the_budget_is_refused(facilitator, workshop):
    with pytest.raises(ValidationError):
        _round(facilitator, workshop, budget=2, max_per_item=3)


def test_a_closed_rounds_results_show_on_the_phone_and_the_board_most_votes_first(
    client, facilitator, workshop, themes, join, signed_in_as
):
    voting_round = _round(facilitator, workshop, max_per_item=1)
    for _participant in range(2):
        _vote(join(), voting_round, themes[1])
    _vote(join(), voting_round, themes[0])
    services.round_close(actor=facilitator, voting_round=voting_round)
    signed_in_as(client, join())
    code = workshop.join_code
    pages = [
        client.get(f"/w/{code}/").text,
        client.get(f"/w/{code}/tavla/").text,
        client.get(f"/w/{code}/rostning/", {"round": voting_round.pk}).text,
    ]
    for page in pages:
        assert "Resultat av omröstningen" in page
        results = page[page.index("results-list") :]
        assert results.index(themes[1].name) < results.index(themes[0].name)
        assert "2 röster" in results


def test_while_a_round_is_open_the_vote_comes_first_on_the_phone(
    client, facilitator, workshop, themes, join, signed_in_as
):
    signed_in_as(client, join())
    page = client.get(f"/w/{workshop.join_code}/").text
    assert page.index("data-contribute") < page.index('id="rosta"')
    _round(facilitator, workshop)
    page = client.get(f"/w/{workshop.join_code}/").text
    assert page.index('id="rosta"') < page.index("data-contribute")


def test_with_two_dots_per_item_the_phone_offers_another_dot_and_taking_one_back(
    client, facilitator, workshop, themes, join, signed_in_as
):
    participant = join()
    signed_in_as(client, participant)
    voting_round = _round(facilitator, workshop)
    _vote(participant, voting_round, themes[0])
    page = client.get(f"/w/{workshop.join_code}/").text
    assert f"Rösta på {themes[0].name}" in page
    assert f"Ta tillbaka din röst på {themes[0].name}" in page
    assert "Du har 2 röster kvar." in page


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers")
def test_concurrent_dots_on_one_item_stay_within_the_limit(facilitator, workshop, themes):
    voting_round = _round(facilitator, workshop, budget=6, max_per_item=2)
    participant = services.participant_join(workshop=workshop)
    start = threading.Barrier(6)

    def vote():
        start.wait()
        try:
            with contextlib.suppress(services.VoteRefused):
                _vote(participant, voting_round, themes[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Vote.objects.filter(participant=participant, theme=themes[0]).count() == 2
