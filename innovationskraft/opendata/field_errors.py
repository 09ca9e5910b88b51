"""What is wrong with a record: every bad field with its code and message."""

from dataclasses import dataclass


@dataclass
class FieldError:
    field: str
    code: str
    message: str


class RecordInvalid(Exception):
    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors
