"""Export the library, import it into an empty database, export again: the same bytes."""

import pytest

from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Adoption, Case, Organisation, Tag
from innovationskraft.opendata.services import cases_import
from innovationskraft.opendata.tests.conftest import exported, plan_of
from innovationskraft.search.indexing import index_rebuilt

pytestmark = pytest.mark.django_db


def empty_the_library() -> None:
    """Back to what `migrate` leaves: the vocabularies and nothing else."""
    Adoption.objects.all().delete()
    Case.objects.all().delete()
    Organisation.objects.all().delete()
    Tag.objects.all().delete()
    index_rebuilt()


@pytest.mark.parametrize("file_format", ["csv", "jsonl"])
def test_an_export_imported_into_an_empty_database_exports_the_same(file_format):
    demo_load()
    first = exported(file_format)
    cases = Case.objects.filter(status=Case.Status.PUBLISHED).count()
    assert cases > 40
    empty_the_library()
    assert exported(file_format).count("\n") <= 1

    result = cases_import(actor=None, plan=plan_of(first, file_format))

    assert result.created == cases
    assert exported(file_format) == first
