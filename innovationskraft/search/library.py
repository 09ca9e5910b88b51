"""The version of the published library: a token that changes with every change, written
inside the writing transaction. What is computed from the library (the columns, cached
counts) is kept under the token and computed again when it differs, in every process."""

import uuid

from innovationskraft.cases.models import LibraryVersion

LIBRARY_ROW = 1


def library_version() -> str:
    """The token as this transaction sees it ("" before the first change)."""
    tokens = LibraryVersion.objects.filter(pk=LIBRARY_ROW).values_list("token", flat=True)
    return tokens.first() or ""


def library_changed() -> None:
    """A random token rather than a counter, so that a rolled-back change never gives a token
    already seen with other data."""
    token = uuid.uuid4().hex
    if not LibraryVersion.objects.filter(pk=LIBRARY_ROW).update(token=token):
        LibraryVersion.objects.update_or_create(pk=LIBRARY_ROW, defaults={"token": token})
