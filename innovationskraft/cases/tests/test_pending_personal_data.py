"""Her changes that wait for review are part of her data, and stay when she goes."""

import pytest

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import PendingRevision
from innovationskraft.cases.personal_data import cases_personal_data

pytestmark = pytest.mark.django_db


def test_her_waiting_change_is_in_her_data_and_outlives_her_account(make_case, editor):
    case = make_case(status="published")
    data = input_from_case(case)
    data.title = "Ny titel"
    services.case_edit(actor=editor, case=case, data=data)

    [change] = cases_personal_data(editor)["changes_waiting_for_review"]
    editor.delete()

    assert change["change"]["title"] == "Ny titel"
    assert PendingRevision.objects.get(case=case).author is None
