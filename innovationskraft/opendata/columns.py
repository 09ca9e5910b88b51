"""The columns of an open-data record, made from the case contract (`cases/contract.py`)."""

from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind

# Plain fields the case owner writes, checked by the web form's own field definitions.
FORM_FIELDS = tuple(
    f.name for f in contract.WRITABLE if not f.personal and f.kind not in {Kind.TERM} and not f.many
)
# Personal data: accepted from the API's writers, never exported.
CONTACT_FIELDS = contract.PERSONAL
TERM_LIST_FIELDS = contract.TERM_LISTS


def _columns() -> tuple[str, ...]:
    """Every exported field, with the labels and names that make a file readable alone."""
    columns = ["identifier", "url", "slug"]
    for case_field in contract.PUBLIC:
        name = case_field.name
        columns.append(name)
        if case_field.kind is Kind.ORGANISATION:
            columns += [f"{name}_name", f"{name}_type", f"{name}_code"]
        elif case_field.kind is Kind.ORGANISATIONS:
            columns += [f"{name}_names", f"{name}_types"]
        elif case_field.kind is Kind.LINKS:
            columns.append(f"{name}_titles")
        elif case_field.labelled:
            columns.append(f"{name}_labels" if case_field.many else f"{name}_label")
    return (*columns, "published_at", "updated_at")


# The order of the columns in every export.
COLUMNS = _columns()
LIST_COLUMNS = frozenset(
    column
    for case_field in contract.PUBLIC
    if case_field.many
    for suffix in ("", "_labels", "_names", "_types", "_titles")
    for column in [case_field.name + suffix]
    if column in COLUMNS
)
# Read by the import, never exported: other names of an organisation the import creates.
ALIAS_COLUMNS = ("lead_organisation_aliases", "partners_aliases")
IMPORTED_LIST_COLUMNS = LIST_COLUMNS | set(ALIAS_COLUMNS)
