"""The history of cases: after each change, one version per case, kept by django-reversion.

Written here for any number of cases at once (one revision, the versions in bulk) since an
import changes thousands in one go; reversion's own API serialises one object per call."""

import json
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.utils import timezone
from reversion.models import Revision, Version

from innovationskraft.cases import contract
from innovationskraft.cases.models import Case
from innovationskraft.cases.services.common import user_or_none

CHUNK_SIZE = 1000
# Personal data is kept only in its current form, never in the history.
VERSIONED_FIELDS = [
    f.name
    for f in Case._meta.get_fields()
    if f.concrete and not f.primary_key and f.name not in contract.PERSONAL
]
MANY_TO_MANY = [f.name for f in Case._meta.many_to_many]


def versions_record(*, case_ids: Sequence[int], actor, comment: str) -> int:
    """One version of each case as it is now, under one revision; returns how many."""
    if not case_ids:
        return 0
    revision = Revision.objects.create(
        date_created=timezone.now(), user=user_or_none(actor), comment=comment
    )
    content_type = ContentType.objects.get_for_model(Case)
    database = router.db_for_write(Case)
    serializer = serializers.get_serializer("python")()
    recorded = 0
    for start in range(0, len(case_ids), CHUNK_SIZE):
        chunk = Case.objects.filter(pk__in=case_ids[start : start + CHUNK_SIZE])
        # Prefetched, the serializer reads the relations from memory: a query per relation
        # for the chunk instead of per case.
        cases = list(chunk.order_by("pk").prefetch_related(*MANY_TO_MANY))
        serialised = serializer.serialize(cases, fields=VERSIONED_FIELDS)
        Version.objects.bulk_create(
            Version(
                revision=revision,
                object_id=str(case.pk),
                content_type=content_type,
                db=database,
                format="json",
                serialized_data=json.dumps([data], cls=DjangoJSONEncoder, ensure_ascii=False),
                object_repr=str(case)[:191],
            )
            for case, data in zip(cases, serialised, strict=True)
        )
        recorded += len(cases)
    return recorded
