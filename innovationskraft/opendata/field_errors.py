"""What is wrong with a record: every bad field with its code and message. A warning has the
same shape: something the import read differently from how the file says it, or chose for it;
its row is imported all the same."""

from dataclasses import dataclass


@dataclass
class FieldError:
    field: str
    code: str
    message: str
    # What the record gave, shortened (see `shown_value`), so a reader finds it in the file.
    value: str = ""


class FieldWarning(FieldError):
    """Not an error: reported beside the errors, and the row is imported."""


class RecordInvalid(Exception):
    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


SHOWN_CHARACTERS = 200


def shown_value(value) -> str:
    """A record's value as one line of text, at most SHOWN_CHARACTERS long."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = " | ".join(shown_value(item) for item in value)
    text = " ".join(str(value).split())
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
