import contextlib

import pytest
from django.db import IntegrityError, connection, transaction

from innovationskraft.workshops import services
from innovationskraft.workshops.models import Theme, Vote, VotingRound
from innovationskraft.workshops.selectors import board, vote_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(facilitator, workshop, send):
    for text in ["Upphandling tar tid", "Krånglig upphandling", "Politiska val", "Nya val"]:
        send(text, kind="barrier")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    return list(Theme.objects.order_by("pk"))


@pytest.fixture
def voting_round(facilitator, workshop, themes):
    return services.round_open(actor=facilitator, workshop=workshop, target="themes", budget=2)


def test_a_participant_spends_her_budget_and_no_more(voting_round, themes, join):
    participant = join()
    services.vote_cast(participant=participant, voting_round=voting_round, item=themes[0])
    services.vote_cast(participant=participant, voting_round=voting_round, item=themes[1])
    extra = Theme.objects.create(prompt=themes[0].prompt, name="Tredje")
    with pytest.raises(services.VoteRefused, match="alla dina röster"):
        services.vote_cast(participant=participant, voting_round=voting_round, item=extra)
    assert Vote.objects.count() == 2


def test_she_cannot_vote_twice_for_one_theme(voting_round, themes, join):
    participant = join()
    services.vote_cast(participant=participant, voting_round=voting_round, item=themes[0])
    with pytest.raises(services.VoteRefused, match="redan röstat"):
        services.vote_cast(participant=participant, voting_round=voting_round, item=themes[0])


def test_withdrawing_a_vote_frees_it_for_another_item(voting_round, themes, join):
    participant = join()
    for theme in themes[:2]:
        services.vote_cast(participant=participant, voting_round=voting_round, item=theme)
    services.vote_withdraw(participant=participant, voting_round=voting_round, item=themes[0])
    services.vote_cast(participant=participant, voting_round=voting_round, item=themes[0])
    assert vote_counts(voting_round=voting_round)[("theme", themes[0].pk)] == 1


def test_the_database_itself_refuses_a_vote_beyond_the_budget(voting_round, themes, join):
    participant = join()
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            round=voting_round, participant=participant, slot=3, budget=2, theme=themes[0]
        )


def test_the_database_itself_refuses_a_second_vote_on_one_item(voting_round, themes, join):
    participant = join()
    Vote.objects.create(
        round=voting_round, participant=participant, slot=1, budget=2, theme=themes[0]
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            round=voting_round, participant=participant, slot=2, budget=2, theme=themes[0]
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            round=voting_round, participant=participant, slot=1, budget=2, theme=themes[1]
        )


def test_votes_on_the_wrong_kind_of_item_are_refused(voting_round, workshop, send, join):
    contribution = send("Ett exempel")
    with pytest.raises(services.VoteRefused):
        services.vote_cast(participant=join(), voting_round=voting_round, item=contribution)


def test_results_show_live_on_the_board_and_a_closed_round_takes_no_votes(
    facilitator, workshop, voting_round, themes, join
):
    for _ in range(3):
        services.vote_cast(participant=join(), voting_round=voting_round, item=themes[1])
    barriers = board(workshop=workshop)[2]
    assert {g.theme.pk: g.votes for g in barriers.groups if g.theme}[themes[1].pk] == 3
    services.round_close(actor=facilitator, voting_round=voting_round)
    with pytest.raises(services.VoteRefused, match="stängd"):
        services.vote_cast(participant=join(), voting_round=voting_round, item=themes[0])


def test_opening_a_round_closes_the_one_before(facilitator, workshop, voting_round):
    services.round_open(actor=facilitator, workshop=workshop, target="contributions", budget=5)
    assert VotingRound.objects.filter(is_open=True).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers")
def test_concurrent_votes_from_one_participant_stay_within_her_budget(facilitator, workshop, send):
    import threading

    from django.db import connections

    for text in ["Upphandling tar tid", "Krånglig upphandling", "Politiska val", "Nya val"]:
        send(text, kind="barrier")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    extra = [
        Theme.objects.create(prompt=Theme.objects.first().prompt, name=f"T{i}") for i in range(6)
    ]
    voting_round = services.round_open(
        actor=facilitator, workshop=workshop, target="themes", budget=3
    )
    participant = services.participant_join(workshop=workshop)
    start = threading.Barrier(len(extra))

    def vote(theme):
        start.wait()
        try:
            with contextlib.suppress(services.VoteRefused):
                services.vote_cast(participant=participant, voting_round=voting_round, item=theme)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote, args=(theme,)) for theme in extra]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Vote.objects.filter(participant=participant).count() == 3
