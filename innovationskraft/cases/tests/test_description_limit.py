"""A case's description has at most DESCRIPTION_MAX_LENGTH characters, whoever writes it: the
site's form and the admin here; the import and the API in their own tests."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext

from innovationskraft.cases.contract import BY_NAME, DESCRIPTION_MAX_LENGTH, max_length
from innovationskraft.cases.forms import CaseForm
from innovationskraft.cases.tests.test_admin import admin_client  # noqa: F401 - a fixture


def test_the_contract_declares_the_limit():
    assert DESCRIPTION_MAX_LENGTH == 20_000
    assert max_length(BY_NAME["description"]) == DESCRIPTION_MAX_LENGTH
    assert max_length(BY_NAME["summary"]) == 600, "the model's own limit"


def test_the_case_form_takes_a_description_of_exactly_the_limit():
    text = "x" * DESCRIPTION_MAX_LENGTH
    assert CaseForm.base_fields["description"].clean(text) == text


def test_the_case_form_refuses_a_longer_description_saying_the_limit_and_the_length():
    with pytest.raises(ValidationError) as refused:
        CaseForm.base_fields["description"].clean("x" * (DESCRIPTION_MAX_LENGTH + 5))
    [message] = refused.value.messages
    assert message == gettext(
        "This text has %(show_value)d characters; at most %(limit_value)d are allowed."
    ) % {"show_value": 20_005, "limit_value": 20_000}


@pytest.mark.django_db
def test_the_admin_form_has_the_same_limit(admin_client):  # noqa: F811
    page = admin_client.get(reverse("admin:cases_case_add")).content.decode()
    assert 'maxlength="20000"' in page
