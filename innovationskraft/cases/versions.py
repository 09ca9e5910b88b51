"""The history of cases: after each change, one version per case, kept by django-reversion.

Written here for any number of cases at once (one revision, the versions in bulk) since an
import changes thousands in one go; reversion's own API serialises one object per call."""

import json
from collections import defaultdict
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.utils import timezone
from reversion.models import Revision, Version

from innovationskraft.cases import contract
from innovationskraft.cases.models import Case
from innovationskraft.cases.services.common import user_or_none

CHUNK_SIZE = 1000
# Personal data is kept only in its current form, never in the history.
COLUMNS = [
    f for f in Case._meta.concrete_fields if not f.primary_key and f.name not in contract.PERSONAL
]
MANY_TO_MANY = list(Case._meta.many_to_many)
MODEL_LABEL = Case._meta.label_lower


def _linked(case_ids: list[int]) -> dict[str, dict[int, list[int]]]:
    """For each many-to-many field, the ids each case links to: one query per field."""
    linked: dict[str, dict[int, list[int]]] = {}
    for field in MANY_TO_MANY:
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = field.remote_field.through.objects.filter(**{f"{source}__in": case_ids})
        linked[field.name] = defaultdict(list)
        for case_id, other_id in rows.values_list(source, target).order_by(target):
            linked[field.name][case_id].append(other_id)
    return linked


def _serialised(case_ids: list[int]) -> list[tuple[int, str, str]]:
    """(id, title, data) of each case in the form of Django's JSON serializer, which reversion
    reads back. Built from values: the serializer makes a queryset per case and relation, a
    hundred times slower."""
    rows = Case.objects.filter(pk__in=case_ids).values("pk", *(f.attname for f in COLUMNS))
    linked = _linked(case_ids)
    found = []
    for row in rows.order_by("pk"):
        fields = {f.name: row[f.attname] for f in COLUMNS}
        fields |= {f.name: linked[f.name].get(row["pk"], []) for f in MANY_TO_MANY}
        data = [{"model": MODEL_LABEL, "pk": row["pk"], "fields": fields}]
        found.append((row["pk"], row["title"], json.dumps(data, cls=DjangoJSONEncoder)))
    return found


def versions_record(*, case_ids: Sequence[int], actor, comment: str) -> int:
    """One version of each case as it is now, under one revision; returns how many."""
    if not case_ids:
        return 0
    revision = Revision.objects.create(
        date_created=timezone.now(), user=user_or_none(actor), comment=comment
    )
    content_type = ContentType.objects.get_for_model(Case)
    database = router.db_for_write(Case)
    recorded = 0
    for start in range(0, len(case_ids), CHUNK_SIZE):
        serialised = _serialised(list(case_ids[start : start + CHUNK_SIZE]))
        Version.objects.bulk_create(
            Version(
                revision=revision,
                object_id=str(pk),
                content_type=content_type,
                db=database,
                format="json",
                serialized_data=data,
                object_repr=title[:191],
            )
            for pk, title, data in serialised
        )
        recorded += len(serialised)
    return recorded
