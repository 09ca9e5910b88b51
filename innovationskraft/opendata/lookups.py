"""What a record names, looked up in memory."""

import copy

from django import forms

from innovationskraft.cases.contract import model_field
from innovationskraft.cases.forms import CaseForm
from innovationskraft.cases.models import Case, Term
from innovationskraft.opendata.code_lists import choice_codes, kind_codes, term_codes
from innovationskraft.opendata.codes import Codes
from innovationskraft.opendata.columns import CONTACT_FIELDS, FORM_FIELDS
from innovationskraft.opendata.organisations import Organisations
from innovationskraft.opendata.provenance import SourceKeys


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
        # What people write for codes: the choices of the form's choice fields, the types of
        # organisation and each vocabulary's terms (see codes.py).
        self.choices: dict[str, Codes] = {
            name: choice_codes(model_field(name).verbose_name, model_field(name).flatchoices)
            for name, form_field in self.form_fields.items()
            if isinstance(form_field, forms.ChoiceField)
        }
        self.kinds = kind_codes()
        self.vocabularies = term_codes(self.terms.values())
        self.organisations = Organisations(preload=preload)
        # The cases harvested from other catalogues, by source and key (see provenance.py).
        self.sources = SourceKeys(preload=preload)
        self.case_ids: dict[str, int | None] = {}
        # Only these may be named as an inspiration.
        self.published: set[str] = set()
        # In a file, an identifier may name a case further down: the import checks those
        # once it has read every row.
        self.unknown_cases_later = False
        self.complete = preload
        if preload:
            cases = Case.objects.values_list("identifier", "pk", "status")
            for identifier, pk, status in cases:
                self.case_ids[identifier] = pk
                if status == Case.Status.PUBLISHED:
                    self.published.add(identifier)

    def case_id(self, identifier: str) -> int | None:
        if identifier not in self.case_ids and not self.complete:
            found = Case.objects.filter(identifier=identifier).values_list("pk", "status")
            pk, status = found.first() or (None, None)
            self.case_ids[identifier] = pk
            if status == Case.Status.PUBLISHED:
                self.published.add(identifier)
        return self.case_ids.get(identifier)
