"""A case's partners and tags in the order they were given. The many-to-many managers forget
it (`add()` takes a set, and organisations and tags are ordered by name), so the through rows
are written in that order and read back by their ids."""

from django.db.models import Q

from innovationskraft.cases.models import Case, CasePartner, Organisation, Tag

TAG_LENGTH = Tag._meta.get_field("name").max_length or 60


def partners_in_order(case: Case) -> list[Organisation]:
    rows = Case.partners.through.objects.filter(case_id=case.pk).select_related("organisation")
    return [row.organisation for row in rows.order_by("pk")]


def tags_in_order(case: Case) -> list[Tag]:
    rows = Case.tags.through.objects.filter(case_id=case.pk).select_related("tag")
    return [row.tag for row in rows.order_by("pk")]


def _replace(case: Case, relation: str, column: str, ids: list[int]) -> None:
    through = getattr(Case, relation).through
    rows = through.objects.filter(case_id=case.pk)
    wanted = list(dict.fromkeys(ids))
    if list(rows.order_by("pk").values_list(column, flat=True)) == wanted:
        return
    rows.delete()
    through.objects.bulk_create(through(case_id=case.pk, **{column: pk}) for pk in wanted)


def partner_rows(case: Case, *, confirmed_only: bool) -> list[CasePartner]:
    """The partners in order with whether each confirmed; the public sees confirmed ones."""
    rows = CasePartner.objects.filter(case_id=case.pk).select_related("organisation")
    if confirmed_only:
        rows = rows.filter(confirmed=True)
    return list(rows.order_by("pk"))


def partners_set(
    case: Case, organisations: list[Organisation], *, unconfirmed: frozenset[int] = frozenset()
) -> None:
    """`unconfirmed`: ids of organisations that must confirm before they count as partners,
    if they are new here; a partner already named keeps its answer."""
    rows = CasePartner.objects.filter(case_id=case.pk)
    wanted = list(dict.fromkeys(o.pk for o in organisations))
    answers = dict(rows.order_by("pk").values_list("organisation_id", "confirmed"))
    if list(answers) == wanted:
        return
    rows.delete()
    CasePartner.objects.bulk_create(
        CasePartner(
            case_id=case.pk, organisation_id=pk, confirmed=answers.get(pk, pk not in unconfirmed)
        )
        for pk in wanted
    )


def tags_named(names: list[str]) -> list[Tag]:
    """A tag per name, as written; a tag the library has under another case ("AI", "ai") is
    that tag, which keeps its first spelling."""
    tags: list[Tag] = []
    for name in (name.strip()[:TAG_LENGTH] for name in names):
        if not name or any(tag.name.casefold() == name.casefold() for tag in tags):
            continue
        # SQLite compares case only in ASCII: the spellings a tag most likely has are asked too.
        spellings = {name, name.lower(), name.capitalize(), name.upper(), name.title()}
        found = Tag.objects.filter(Q(name__iexact=name) | Q(name__in=spellings)).order_by("pk")
        same = [tag for tag in found if tag.name.casefold() == name.casefold()]
        tags.append(same[0] if same else Tag.objects.create(name=name))
    return tags


def tags_set(case: Case, names: list[str]) -> None:
    _replace(case, "tags", "tag_id", [tag.pk for tag in tags_named(names)])
