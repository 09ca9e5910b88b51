import pytest
from django.urls import reverse

from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


def adoption_form(client, user, case):
    client.force_login(user)
    return client.get(reverse("cases:adopt", args=[case.slug])).context["form"]


def test_a_member_of_one_organisation_finds_it_already_chosen(client, make_case, other_editor):
    case = make_case(title="Fritidsbank", status=Case.Status.PUBLISHED)
    form = adoption_form(client, other_editor, case)
    assert form["organisation"].value() == other_editor.memberships.get().organisation.pk


def test_a_member_of_two_organisations_chooses_one(client, make_case, other_editor, region_skane):
    membership_grant(user=other_editor, organisation=region_skane)
    case = make_case(title="Fritidsbank", status=Case.Status.PUBLISHED)
    assert adoption_form(client, other_editor, case)["organisation"].value() is None
