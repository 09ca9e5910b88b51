"""Rows written in bulk read back as they were given, on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.utils import timezone
from reversion.models import Revision

from innovationskraft.cases.models import Case, Tag
from innovationskraft.core.bulk import insert_rows, update_rows

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


def test_rows_are_updated_by_their_key_and_the_others_are_left_alone():
    kept, changed = Tag.objects.create(name="kvar"), Tag.objects.create(name="före")
    update_rows(Tag, ("name",), [("efter", changed.pk)])
    assert Tag.objects.get(pk=changed.pk).name == "efter"
    assert Tag.objects.get(pk=kept.pk).name == "kvar"


def test_an_updated_time_is_converted_by_its_field_and_reads_back_the_same():
    revision = Revision.objects.create(date_created=timezone.now(), comment="")
    when = timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)
    update_rows(Revision, ("date_created", "comment"), [(when, "ändrad", revision.pk)])
    revision.refresh_from_db()
    assert (revision.date_created, revision.comment) == (when, "ändrad")


def test_no_rows_to_update_writes_nothing():
    tag = Tag.objects.create(name="orörd")
    update_rows(Tag, ("name",), [])
    assert Tag.objects.get(pk=tag.pk).name == "orörd"


def test_a_field_kept_when_none_keeps_its_value_where_a_row_gives_none(make_case):
    before = timezone.now().replace(microsecond=0) - datetime.timedelta(days=30)
    later = before + datetime.timedelta(days=7)
    undated = make_case(title="Utan datum", status="published")
    dated = make_case(title="Med datum", status="published")
    Case.objects.filter(pk__in=[undated.pk, dated.pk]).update(published_at=before)
    update_rows(
        Case,
        ("title", "published_at"),
        [("Utan nytt datum", None, undated.pk), ("Med nytt datum", later, dated.pk)],
        kept_when_none=["published_at"],
    )
    undated.refresh_from_db()
    dated.refresh_from_db()
    assert (undated.title, undated.published_at) == ("Utan nytt datum", before)
    assert (dated.title, dated.published_at) == ("Med nytt datum", later)


def test_an_incremented_field_goes_up_by_one_for_each_row_updated(make_case):
    updated, untouched = make_case(title="Ändras"), make_case(title="Orörd")
    revisions = {case.pk: case.revision for case in (updated, untouched)}
    update_rows(Case, ("title",), [("Ändrad", updated.pk)], incremented=["revision"])
    updated.refresh_from_db()
    untouched.refresh_from_db()
    assert updated.revision == revisions[updated.pk] + 1
    assert untouched.revision == revisions[untouched.pk]
