"""The history of cases: after each change, one version per case, kept by django-reversion.

Written here for any number of cases at once (one revision, the versions in bulk) since an
import changes thousands in one go; reversion's own API serialises one object per call."""

import json
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.utils import timezone
from reversion.models import Revision, Version

from innovationskraft.cases import contract, snapshots
from innovationskraft.cases.models import Case
from innovationskraft.cases.services.common import user_or_none
from innovationskraft.cases.snapshots import CaseSnapshot
from innovationskraft.core.bulk import insert_rows

CHUNK_SIZE = 1000
# Personal data is kept only in its current form, never in the history.
COLUMNS = [f for f in snapshots.COLUMNS if f.name not in contract.PERSONAL]
MODEL_LABEL = Case._meta.label_lower
VERSION_COLUMNS = ("revision", "object_id", "content_type", "db", "format", "serialized_data")
VERSION_COLUMNS += ("object_repr",)


def _serialised(snapshot: CaseSnapshot, case_ids: list[int]) -> list[tuple[int, str, str]]:
    """(id, title, data) of each case in the form of Django's JSON serializer, which reversion
    reads back. Built from values: the serializer makes a queryset per case and relation, a
    hundred times slower."""
    found = []
    rows, links = snapshot.rows, snapshot.links
    for pk in case_ids:
        row = rows.get(pk)
        if row is None:
            continue
        fields = {f.name: row[f.attname] for f in COLUMNS}
        fields |= {f.name: links[f.name].get(pk, []) for f in snapshots.MANY_TO_MANY}
        data = [{"model": MODEL_LABEL, "pk": pk, "fields": fields}]
        # Not escaped to ASCII, as Django's serializer writes it (and in half the time).
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
        found.append((pk, row["title"], text))
    return found


def versions_record(
    *, case_ids: Sequence[int], actor, comment: str, snapshot: CaseSnapshot | None = None
) -> int:
    """One version of each case as it is now, under one revision; returns how many."""
    if not case_ids:
        return 0
    snapshot = snapshot or CaseSnapshot(case_ids)
    revision = Revision.objects.create(
        date_created=timezone.now(), user=user_or_none(actor), comment=comment
    )
    content_type = ContentType.objects.get_for_model(Case)
    database = router.db_for_write(Case)
    recorded = 0
    for start in range(0, len(case_ids), CHUNK_SIZE):
        serialised = _serialised(snapshot, list(case_ids[start : start + CHUNK_SIZE]))
        insert_rows(
            Version,
            VERSION_COLUMNS,
            (
                (revision.pk, str(pk), content_type.pk, database, "json", data, title[:191])
                for pk, title, data in serialised
            ),
        )
        recorded += len(serialised)
    return recorded
