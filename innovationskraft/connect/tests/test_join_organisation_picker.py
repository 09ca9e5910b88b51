"""Asking to join an organisation among every organisation of the site: with the type-ahead
once the list is long, and by name without JavaScript."""

import pytest
from django.urls import reverse

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Organisation
from innovationskraft.cases.organisation_field import LONG_LIST
from innovationskraft.connect.models import JoinRequest

pytestmark = pytest.mark.django_db


def test_the_organisation_is_picked_by_name_among_every_organisation(client, vasteras):
    outsider = User.objects.create_user(email="olle@nowhere.example", password="a-long-password")
    assert Organisation.objects.count() > LONG_LIST  # the municipalities and regions
    client.force_login(outsider)

    html = client.get(reverse("connect:join")).content.decode()
    assert 'name="organisation-names"' in html
    assert 'src="/static/cases/organisation-picker.js" defer' in html

    client.post(reverse("connect:join"), {"organisation-names": "västerås stad", "message": ""})
    assert JoinRequest.objects.get(user=outsider).organisation == vasteras
