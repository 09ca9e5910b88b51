import pytest

from innovationskraft.cases.models import Term
from innovationskraft.workshops import clustering, services
from innovationskraft.workshops.models import Contribution, Theme
from innovationskraft.workshops.suggestions import suggested_term_ids, term_index

BARRIERS = [
    "Upphandlingen tar för lång tid",
    "Krånglig upphandling stoppar nya lösningar",
    "Upphandlingsregler som ingen förstår",
    "Politiska svängningar efter valet",
    "Politiken byter riktning efter varje val",
    "Projekt som dör när projektpengarna tar slut",
]


def test_texts_that_share_words_form_named_themes_and_a_loner_stays_unplaced():
    plan = clustering.plan(placed={}, unplaced=list(enumerate(BARRIERS)))
    groups = sorted(sorted(ids) for _name, ids in plan.new_themes)
    assert groups == [[0, 1, 2], [3, 4]]
    for name, ids in plan.new_themes:  # each named by one of its own contributions, whole
        assert name in [BARRIERS[i] for i in ids]


def test_a_new_text_joins_the_theme_it_resembles():
    plan = clustering.plan(
        placed={7: BARRIERS[:2]}, unplaced=[(10, "Upphandling är ett hinder för innovation")]
    )
    assert plan.joins == {10: 7}
    assert not plan.new_themes


def test_clustering_a_thousand_contributions_finishes_without_error():
    texts = [f"{BARRIERS[i % len(BARRIERS)]} i kommun {i}" for i in range(1000)]
    plan = clustering.plan(placed={}, unplaced=list(enumerate(texts)))
    placed = sum(len(ids) for _name, ids in plan.new_themes)
    assert placed >= 900


@pytest.mark.django_db
def test_a_rerun_keeps_what_the_facilitator_arranged(facilitator, workshop, send):
    sent = [send(text, kind="barrier") for text in BARRIERS]
    outcome = services.themes_cluster(actor=facilitator, workshop=workshop)
    assert outcome.new_themes == 2
    procurement = Theme.objects.get(contributions=sent[0])
    services.theme_rename(actor=facilitator, theme=procurement, name="Upphandling")
    services.contribution_move(actor=facilitator, contribution=sent[2], theme=None)
    late = send("Upphandlingen är för långsam och krånglig", kind="barrier")
    outcome = services.themes_cluster(actor=facilitator, workshop=workshop)
    procurement.refresh_from_db()
    assert procurement.name == "Upphandling"
    assert Contribution.objects.get(pk=late.pk).theme == procurement
    assert Contribution.objects.get(pk=sent[2].pk).theme is None
    assert outcome.joined == 1
    assert outcome.new_themes == 0


@pytest.mark.django_db
def test_a_theme_is_split_and_dissolved_by_hand(facilitator, workshop, send):
    sent = [send(text, kind="barrier") for text in BARRIERS[:3]]
    services.themes_cluster(actor=facilitator, workshop=workshop)
    theme = Theme.objects.get()
    rules = services.theme_split(
        actor=facilitator, theme=theme, contributions=[sent[2]], name="Regler"
    )
    assert list(rules.contributions.all()) == [sent[2]]
    services.theme_dissolve(actor=facilitator, theme=theme)
    services.themes_cluster(actor=facilitator, workshop=workshop)
    assert Contribution.objects.get(pk=sent[0].pk).theme is None


@pytest.mark.django_db
def test_barrier_and_enabler_tags_are_suggested_from_shared_words():
    index = term_index()
    ids = suggested_term_ids("Upphandlingen är krånglig", index=index, kind="barrier")
    assert Term.objects.get(pk=ids[0]).code == "procurement"
    ids = suggested_term_ids("Political swings after elections", index=index, language="en")
    assert "political_swings" in Term.objects.filter(pk__in=ids).values_list("code", flat=True)
    assert suggested_term_ids("Glass och sol", index=index) == []


@pytest.mark.django_db
def test_only_barriers_and_enablers_tag_a_theme(facilitator, workshop, send, term):
    send(BARRIERS[0], kind="barrier")
    send(BARRIERS[1], kind="barrier")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    theme = Theme.objects.get()
    services.theme_set_terms(actor=facilitator, theme=theme, terms=[term("barrier", "procurement")])
    assert list(theme.terms.values_list("code", flat=True)) == ["procurement"]
    with pytest.raises(Exception, match="hinder och framgångsfaktorer"):
        services.theme_set_terms(
            actor=facilitator, theme=theme, terms=[term("sector", "elderly_care")]
        )
