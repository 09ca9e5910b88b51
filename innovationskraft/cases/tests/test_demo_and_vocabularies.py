"""The shipped vocabularies, their sync, and the demo set that refers to them."""

import pytest
from django.db.models import Count, F
from django.utils.html import escape

from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import HIERARCHICAL, Case, Term, Vocabulary
from innovationskraft.cases.vocabularies import vocabularies_sync

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple]:
    return list(
        Term.objects.order_by("vocabulary", "code").values_list(
            "pk", "vocabulary", "code", "parent_id", "label_sv", "label_en", "position"
        )
    )


def test_the_barrier_procurement_sits_under_silos_with_swedish_and_english_labels():
    procurement = Term.objects.select_related("parent").get(
        vocabulary=Vocabulary.BARRIER, code="procurement"
    )
    assert procurement.parent.code == "silos"
    assert procurement.parent.vocabulary == Vocabulary.BARRIER
    assert procurement.parent.parent is None
    assert procurement.label_sv.strip()
    assert procurement.label_en.strip()
    assert procurement.label_sv != procurement.label_en
    assert "upphandling" in procurement.label_sv.lower()
    assert "procurement" in procurement.label_en.lower()


def test_silos_has_the_four_children_of_the_design():
    children = Term.objects.filter(vocabulary=Vocabulary.BARRIER, parent__code="silos")
    assert set(children.values_list("code", flat=True)) == {
        "no_coordination",
        "projectification",
        "hard_to_spread",
        "procurement",
    }


def test_every_vocabulary_has_terms_with_both_labels():
    counts = dict(Term.objects.values_list("vocabulary").annotate(n=Count("id")))
    assert set(counts) == set(Vocabulary.values)
    assert not Term.objects.filter(label_sv="").exists()
    assert not Term.objects.filter(label_en="").exists()
    assert counts[Vocabulary.SDG] == 17


def test_only_barriers_and_enablers_have_children_and_only_one_level_deep():
    with_parent = Term.objects.filter(parent__isnull=False)
    assert set(with_parent.values_list("vocabulary", flat=True)) == set(HIERARCHICAL)
    assert not with_parent.filter(parent__parent__isnull=False).exists()
    assert not with_parent.exclude(vocabulary=F("parent__vocabulary")).exists()


def test_vocabularies_sync_is_idempotent():
    before = snapshot()
    first = vocabularies_sync()
    second = vocabularies_sync()
    assert first == second == len(before)
    assert snapshot() == before


def test_vocabularies_sync_restores_a_shipped_term_that_was_changed():
    before = snapshot()
    procurement = Term.objects.get(vocabulary=Vocabulary.BARRIER, code="procurement")
    procurement.label_sv = "Ändrad etikett"
    procurement.parent = Term.objects.get(vocabulary=Vocabulary.BARRIER, code="governance")
    procurement.position = 99
    procurement.save()
    vocabularies_sync()
    assert snapshot() == before


def test_vocabularies_sync_leaves_terms_added_by_administrators_alone():
    silos = Term.objects.get(vocabulary=Vocabulary.BARRIER, code="silos")
    added = Term.objects.create(
        vocabulary=Vocabulary.BARRIER,
        code="local_extra",
        parent=silos,
        label_sv="Lokalt tillägg",
        label_en="Local addition",
    )
    vocabularies_sync()
    added.refresh_from_db()
    assert (added.parent, added.label_sv) == (silos, "Lokalt tillägg")


def test_the_demo_cases_are_published_and_their_pages_render(client):
    first = demo_load()
    assert first["cases_created"] == Case.objects.count() > 5
    for case in Case.objects.all():
        assert case.status == Case.Status.PUBLISHED
        response = client.get(case.get_absolute_url())
        assert response.status_code == 200, case.slug
        assert escape(case.title) in response.content.decode()
