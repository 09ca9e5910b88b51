"""The changed cases as they are now, read once for every listener of `case_changed`: the
history and the search index need the same columns and relations, and an import changes them
by the thousand."""

from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from innovationskraft.cases.models import Case, CasePartner
from innovationskraft.core.id_lists import ids_in

COLUMNS = [f for f in Case._meta.concrete_fields if not f.primary_key]
MANY_TO_MANY = list(Case._meta.many_to_many)


class CaseSnapshot:
    """Rows and links are read on first use, in one query per table for all the cases."""

    def __init__(self, case_ids: Iterable[int]):
        self.case_ids = list(case_ids)

    @cached_property
    def rows(self) -> dict[int, dict[str, Any]]:
        """Each case's columns by attribute name (`lead_organisation_id`); deleted cases are
        missing."""
        found = Case.objects.filter(pk__in=ids_in(self.case_ids)).order_by("pk")
        values = found.values("pk", *(f.attname for f in COLUMNS))
        return {row["pk"]: row for row in values}

    @cached_property
    def links(self) -> dict[str, dict[int, list[int]]]:
        """For each many-to-many field, the ids each case links to, ascending."""
        linked: dict[str, dict[int, list[int]]] = {}
        for field in MANY_TO_MANY:
            source = f"{field.m2m_field_name()}_id"
            target = f"{field.m2m_reverse_field_name()}_id"
            through_model = field.remote_field.through
            assert through_model is not None  # made when the models are loaded
            through = through_model._default_manager.filter(
                **{f"{source}__in": ids_in(self.case_ids)}
            )
            linked[field.name] = defaultdict(list)
            for case_id, other_id in through.values_list(source, target).order_by(target):
                linked[field.name][case_id].append(other_id)
        return linked

    @cached_property
    def unconfirmed_partners(self) -> set[tuple[int, int]]:
        """(case id, organisation id) of the partners yet to confirm, which the public's pages
        and lists leave out."""
        rows = CasePartner.objects.filter(case_id__in=ids_in(self.case_ids), confirmed=False)
        return set(rows.values_list("case_id", "organisation_id"))
