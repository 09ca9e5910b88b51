"""Organisations found by what a person types: the suggestions of the organisation picker,
and the names of its form without JavaScript.

Matched in Python, not in the database: SQLite compares case only in ASCII ("örebro" would
miss "Örebro"), and the other names are JSON, which SQLite stores with escaped letters. Even
a few thousand organisations are read in milliseconds."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.names import other_names, plain

MIN_LENGTH = 2
MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class Named:
    pk: int
    name: str
    slug: str
    kind: str
    aliases: tuple[str, ...]


def _named(queryset: QuerySet[Organisation]) -> list[Named]:
    rows = queryset.values_list("pk", "name", "slug", "kind", "aliases")
    return [
        Named(pk, name, slug, kind, tuple(other_names(aliases)))
        for pk, name, slug, kind, aliases in rows
    ]


def _rank(organisation: Named, wanted: str) -> tuple[int, int] | None:
    """How well it fits: the start of its name, of another name, of a word in its name, then
    anywhere in a name; None when nothing fits."""
    name = plain(organisation.name)
    aliases = [plain(alias) for alias in organisation.aliases]
    if name.startswith(wanted):
        return (0, len(name))
    if any(alias.startswith(wanted) for alias in aliases):
        return (1, len(name))
    if f" {wanted}" in " " + name.replace("-", " "):
        return (2, len(name))
    if wanted in name or any(wanted in alias for alias in aliases):
        return (3, len(name))
    return None


def organisation_suggestions(
    *,
    text: str,
    exclude: Iterable[int] = (),
    queryset: QuerySet[Organisation] | None = None,
    limit: int = MAX_SUGGESTIONS,
) -> list[Organisation]:
    """At most `limit` organisations whose name (or another name) holds the text, the best
    fits first; none for fewer than MIN_LENGTH letters."""
    wanted = plain(text)
    if len(wanted) < MIN_LENGTH:
        return []
    queryset = Organisation.objects.all() if queryset is None else queryset
    ranked = []
    for organisation in _named(queryset.exclude(pk__in=list(exclude))):
        rank = _rank(organisation, wanted)
        if rank is not None:
            ranked.append((rank, plain(organisation.name), organisation.pk))
    ids = [pk for *_key, pk in sorted(ranked)[:limit]]
    found = Organisation.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


def organisations_by_name(
    names: Iterable[str], *, queryset: QuerySet[Organisation]
) -> dict[str, list[Organisation]]:
    """Each name, as written, and the organisations called so (by name or another name, in
    any case and without accents); its slug, written exactly, chooses one where a name alone
    cannot."""
    wanted = {name: plain(name) for name in names if plain(name)}
    keys = set(wanted.values())
    by_slug: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for organisation in _named(queryset):
        by_slug[organisation.slug] = organisation.pk
        for key in {plain(organisation.name), *map(plain, organisation.aliases)} & keys:
            by_name.setdefault(key, []).append(organisation.pk)
    found = {}
    for name, key in wanted.items():
        ids = by_name.get(key, [])
        found[name] = [by_slug[name]] if len(ids) != 1 and name in by_slug else ids
    objects = Organisation.objects.in_bulk({pk for ids in found.values() for pk in ids})
    return {name: [objects[pk] for pk in ids] for name, ids in found.items()}


def shared_names(organisations: Iterable[Organisation]) -> set[int]:
    """Those whose name another organisation has too, which a name alone cannot choose."""
    names = {plain(o.name) for o in organisations}
    counts: dict[str, int] = {}
    for name in Organisation.objects.values_list("name", flat=True):
        key = plain(name)
        if key in names:
            counts[key] = counts.get(key, 0) + 1
    return {o.pk for o in organisations if counts.get(plain(o.name), 0) > 1}
