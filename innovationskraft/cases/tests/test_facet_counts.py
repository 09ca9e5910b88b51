import pytest
from django.core.management import call_command

from innovationskraft.cases import facets, services
from innovationskraft.cases.filters import CaseFilters, apply_filters
from innovationskraft.cases.inputs import CaseInput
from innovationskraft.cases.models import Case
from innovationskraft.cases.selectors import published_cases

pytestmark = pytest.mark.django_db


def counted(query: dict) -> tuple[int, dict]:
    filters = CaseFilters.from_query(query)
    total, facet_list = facets.facet_counts(apply_filters(published_cases(), filters), filters)
    return total, {facet.name: {o.value: o.count for o in facet.options} for facet in facet_list}


@pytest.fixture
def library():
    call_command("generate_cases", count=300, seed=3, verbosity=0)


def test_the_scan_and_the_grouped_counts_agree(library, monkeypatch):
    query = {"stage": "spread"}
    scanned = counted(query)
    facets.library_changed()
    monkeypatch.setattr(facets, "SCAN_LIMIT", 10)
    grouped = counted(query)
    assert scanned == grouped
    assert scanned[0] == Case.objects.filter(stage="spread").count()


def test_a_parent_barrier_counts_each_case_once(library):
    total, counts = counted({})
    silos_cases = Case.objects.filter(barriers__code__in=facets_children("silos")).distinct()
    assert counts["barrier"]["silos"] == silos_cases.count()
    assert total == 300


def facets_children(code: str) -> list[str]:
    from innovationskraft.cases.models import Term

    parent = Term.objects.get(vocabulary="barrier", code=code)
    return [parent.code, *parent.children.values_list("code", flat=True)]


def test_counts_are_cached_until_the_services_change_the_library(library):
    before, _ = counted({"stage": "idea"})
    behind_the_back = Case.objects.exclude(stage="idea").first()
    Case.objects.filter(pk=behind_the_back.pk).update(stage="idea")
    assert counted({"stage": "idea"})[0] == before
    case = Case.objects.exclude(stage="idea").first()
    data = CaseInput.from_case(case)
    data.stage = "idea"
    services.case_update(actor=None, case=case, data=data)
    assert counted({"stage": "idea"})[0] == before + 2


def test_generate_cases_makes_published_cases_with_vocabularies():
    call_command("generate_cases", count=50, seed=1, verbosity=0)
    assert Case.objects.filter(status="published").count() == 50
    case = Case.objects.first()
    assert case.barriers.exists()
    assert case.enablers.exists()
    assert case.sector_id
    assert "## Bakgrund" in case.description
