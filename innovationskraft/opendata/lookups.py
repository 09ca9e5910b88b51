"""What a record names, looked up in memory."""

import copy

from innovationskraft.cases.forms import CaseForm
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.opendata.columns import CONTACT_FIELDS, FORM_FIELDS


class Lookups:
    """Terms, organisations and case identifiers in memory, so a file of 100,000 records
    costs a few queries instead of several per record. Organisations and cases are fetched
    on first use unless `preload` asks for all of them at once."""

    def __init__(self, *, preload: bool = False):
        self.terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
        self.terms_by_id = {t.pk: t for t in self.terms.values()}
        self.form_fields = {name: copy.deepcopy(CaseForm.base_fields[name]) for name in FORM_FIELDS}
        self.form_fields |= {
            name: copy.deepcopy(CaseForm.base_fields[name]) for name in CONTACT_FIELDS
        }
        self.organisations: dict[str, Organisation | None] = {}
        self.case_ids: dict[str, int | None] = {}
        # Only these may be named as an inspiration.
        self.published: set[str] = set()
        # In a file, an identifier may name a case further down: the import checks those
        # once it has read every row.
        self.unknown_cases_later = False
        self.complete = preload
        if preload:
            self.organisations = {o.slug: o for o in Organisation.objects.all()}
            cases = Case.objects.values_list("identifier", "pk", "status")
            for identifier, pk, status in cases:
                self.case_ids[identifier] = pk
                if status == Case.Status.PUBLISHED:
                    self.published.add(identifier)

    def organisation(self, slug: str) -> Organisation | None:
        if slug not in self.organisations and not self.complete:
            self.organisations[slug] = Organisation.objects.filter(slug=slug).first()
        return self.organisations.get(slug)

    def case_id(self, identifier: str) -> int | None:
        if identifier not in self.case_ids and not self.complete:
            found = Case.objects.filter(identifier=identifier).values_list("pk", "status")
            pk, status = found.first() or (None, None)
            self.case_ids[identifier] = pk
            if status == Case.Status.PUBLISHED:
                self.published.add(identifier)
        return self.case_ids.get(identifier)
