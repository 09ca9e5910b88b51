"""Automatic themes are named by their most central contribution, in words people wrote."""

import pytest

from innovationskraft.workshops import clustering, services
from innovationskraft.workshops.models import THEME_NAME_LENGTH, Theme

PROCUREMENT = [
    "Upphandlingen tar för lång tid",
    "Upphandlingen är krånglig och tar för lång tid för små företag",
    "Krånglig upphandling",
]


def test_a_new_theme_is_named_by_the_contribution_nearest_its_centre():
    plan = clustering.plan(placed={}, unplaced=list(enumerate(PROCUREMENT)))
    [(name, ids)] = plan.new_themes
    assert sorted(ids) == [0, 1, 2]
    # The middle one shares words with both others; neither of them with the other's all.
    assert name == PROCUREMENT[1]
    assert name != "Upphandlingen, lång"


def test_a_long_central_text_is_shortened_at_a_word_boundary_with_an_ellipsis():
    text = "Upphandlingen tar för lång tid " + "och kräver många underskrifter " * 10
    name = clustering.shortened(text, 120)
    assert len(name) <= 120
    assert name.endswith("…")
    kept = name.removesuffix("…")
    assert text.startswith(kept)
    assert text[len(kept)] == " "  # cut between words, not inside one


def test_a_word_longer_than_half_the_name_is_cut_inside_it():
    name = clustering.shortened("Kort " + "x" * 200, 120)
    assert len(name) == 120
    assert name.endswith("…")


@pytest.mark.django_db
def test_clustering_names_the_theme_with_a_whole_contribution_within_the_field(
    facilitator, workshop, send
):
    long = (
        "Upphandlingen tar för lång tid, och upphandlingen kräver att kommunen frågar "
        "juristerna om varje liten ändring i förfrågningsunderlaget"
    )
    assert len(long) > THEME_NAME_LENGTH
    # Two members are equally near their centre: the first sent names the theme.
    send(long, kind="barrier")
    send("Upphandlingen tar för lång tid", kind="barrier")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    name = Theme.objects.get().name
    assert len(name) <= THEME_NAME_LENGTH
    assert name.endswith("…")
    assert long.startswith(name.removesuffix("…"))
