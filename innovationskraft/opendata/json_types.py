"""For writers that send JSON (the API): each value of the JSON type its field's kind asks for,
checked before any value is looked at."""

from django.utils.translation import gettext as _

from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind
from innovationskraft.opendata.field_errors import FieldError

# The JSON type of each kind of single value; lists hold texts (links also objects).
JSON_TYPES: dict[Kind, tuple[type, ...]] = {Kind.YEAR: (int,), Kind.FLAG: (bool,)}
TYPE_NAMES = {int: "int", bool: "bool", str: "string"}


def _expected(python_type: type) -> str:
    messages = {
        int: _("Expected a whole number."),
        bool: _("Expected true or false."),
        str: _("Expected a text."),
    }
    return messages[python_type]


def _type_error(name: str, value) -> FieldError | None:
    case_field = contract.BY_NAME.get(name)
    if value is None or case_field is None:
        return None
    if case_field.many:
        item_types = (str, dict) if case_field.kind is Kind.LINKS else (str,)
        if isinstance(value, list) and all(isinstance(item, item_types) for item in value):
            return None
        return FieldError(name, "list_type", _("Expected a list of texts."))
    expected = JSON_TYPES.get(case_field.kind, (str,))
    if isinstance(value, expected) and not (expected == (int,) and isinstance(value, bool)):
        return None
    return FieldError(name, f"{TYPE_NAMES[expected[0]]}_type", _expected(expected[0]))


def type_errors(record: dict, *, allowed: set[str]) -> list[FieldError]:
    """For writers that send JSON (the API): names that are no field, and values of another
    JSON type than their field's, before any value is looked at."""
    errors = []
    for name, value in record.items():
        if name not in allowed:
            errors.append(FieldError(name, "extra_forbidden", _("This field is not allowed here.")))
            continue
        error = _type_error(name, value)
        if error is None and name == "identifier" and not isinstance(value, str | None):
            error = FieldError(name, "string_type", _expected(str))
        if error is not None:
            errors.append(error)
    return errors
