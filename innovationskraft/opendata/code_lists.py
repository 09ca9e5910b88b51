"""The code lists a record is matched against (see `codes.py`): the choices of a case's fields,
the types of organisation, and the terms of each vocabulary."""

from collections.abc import Iterable

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from innovationskraft.cases.models import Organisation, Term, Vocabulary
from innovationskraft.opendata.codes import Codes, in_both_languages

Kind = Organisation.Kind

# Words people use for each type of organisation, beside its code and its labels.
KIND_WORDS = {
    Kind.MUNICIPALITY: (
        "kommun", "stad", "municipality", "municipal", "city", "city council",
        "local government", "local authority",
    ),
    Kind.REGION: ("region", "landsting", "county council", "regional government"),
    Kind.COUNTY_BOARD: ("länsstyrelse", "county board", "county administrative board"),
    Kind.AGENCY: (
        "myndighet", "statlig myndighet", "förvaltningsmyndighet", "agency",
        "government agency", "public agency", "authority", "public authority", "government",
        "national government", "ministry", "departement",
    ),
    Kind.UNIVERSITY: (
        "universitet", "högskola", "lärosäte", "university", "college", "higher education",
        "higher education institution", "academia",
    ),
    Kind.RESEARCH: (
        "forskningsinstitut", "institut", "research", "research institute", "institute",
        "research organisation", "research organization", "think tank",
    ),
    Kind.COMPANY: (
        "företag", "bolag", "aktiebolag", "ab", "näringsliv", "privat", "privat företag",
        "company", "business", "private", "private company", "private sector", "corporation",
        "firm", "startup", "enterprise",
    ),
    Kind.NON_PROFIT: (
        "ideell", "ideell organisation", "ideell förening", "förening", "stiftelse",
        "idéburen", "idéburen organisation", "civilsamhälle", "civilsamhället", "ngo",
        "non-profit", "not-for-profit", "non-governmental organisation",
        "non-governmental organization", "charity", "foundation", "association",
        "civil society", "civil society organisation", "civil society organization",
    ),
    Kind.INTERNATIONAL: (
        "internationell", "internationell organisation", "mellanstatlig", "international",
        "international organisation", "international organization", "intergovernmental",
        "multilateral",
    ),
    Kind.OTHER: ("annan", "annat", "övrig", "övrigt", "other"),
}  # fmt: skip

KIND_WHAT = gettext_lazy("organisation type")


def choice_codes(what: str | Promise, choices: Iterable[tuple[str, str | Promise]]) -> Codes:
    codes: Codes[str] = Codes(what)
    entries = [(code, label) for code, label in choices if code]
    for code, _label in entries:
        codes.add(code, code)
    for code, label in entries:
        codes.add_labels(code, code, in_both_languages(label))
    return codes


def kind_codes() -> Codes:
    codes = choice_codes(KIND_WHAT, Kind.choices)
    for kind, words in KIND_WORDS.items():
        codes.add_words(kind.value, kind.value, words)
    return codes


def term_codes(terms: Iterable[Term]) -> dict[str, Codes]:
    """Per vocabulary, its terms by code and by both labels."""
    by_id = {term.pk: term for term in terms}

    def order(term: Term) -> tuple:
        # A vocabulary's order: each top-level term, then its children.
        root = by_id.get(term.parent_id) if term.parent_id else term
        root = root or term
        return (root.position, root.pk, term is not root, term.position, term.pk)

    by_vocabulary: dict[str, Codes[Term]] = {
        vocabulary: Codes(label) for vocabulary, label in Vocabulary.choices
    }
    ordered = sorted(by_id.values(), key=order)
    for term in ordered:
        by_vocabulary.setdefault(term.vocabulary, Codes(term.vocabulary)).add(term, term.code)
    for term in ordered:
        by_vocabulary[term.vocabulary].add_labels(term, term.code, [term.label_sv, term.label_en])
    return by_vocabulary
