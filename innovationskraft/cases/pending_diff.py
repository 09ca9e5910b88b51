"""What a change waiting for review would change in the live case, field by field, as the
history shows the difference between two versions."""

from typing import Any

from innovationskraft.cases import history
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.history import FieldChange
from innovationskraft.cases.models import PendingRevision
from innovationskraft.cases.pending_data import input_to_data

# The history's fields less the state, which a change does not touch, and with the tags,
# which a change keeps by name.
NAMES = [name for name in history.HISTORY_FIELDS if name != "status"]


def _shown(name: str, value: Any) -> str:
    if name == "tags":
        return ", ".join(value or [])
    return history.display_value(name, value)


def pending_changes(*, pending: PendingRevision) -> list[FieldChange]:
    live = input_to_data(input_from_case(pending.case))
    return history.field_changes(live, pending.data, names=NAMES, shown=_shown)
