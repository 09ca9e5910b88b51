"""Rows written in bulk read back as they were given, on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.utils import timezone
from reversion.models import Revision

from innovationskraft.cases.models import Tag
from innovationskraft.core.bulk import insert_rows

pytestmark = pytest.mark.django_db


def test_rows_of_plain_values_are_written_as_given():
    insert_rows(Tag, ("name",), [("återbruk",), ("äldre",)])
    assert set(Tag.objects.values_list("name", flat=True)) == {"återbruk", "äldre"}


def test_a_time_is_converted_by_its_field_and_reads_back_the_same():
    when = timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)
    insert_rows(Revision, ("date_created", "comment"), [(when, "importerad")])
    assert Revision.objects.get(comment="importerad").date_created == when


def test_a_row_with_too_few_values_is_refused():
    with pytest.raises(ValueError, match="1 values for 2 columns"):
        insert_rows(Revision, ("date_created", "comment"), [(timezone.now(),)])
