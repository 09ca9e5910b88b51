"""Decisions on who joins an organisation are in the audit log: the request decided, the
membership granted by the person who decided, the invitation sent and the membership its
invited person took."""

import pytest

from innovationskraft.accounts.models import Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.connect import joining
from innovationskraft.core.audit import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "ett-långt-lösenord-2026"


@pytest.fixture
def newcomer():
    return User.objects.create_user("ny@eskilstuna.example", PASSWORD, first_name="Nora")


@pytest.fixture
def admin_of(eskilstuna):
    user = User.objects.create_user("admin@eskilstuna.example", PASSWORD, first_name="Alva")
    membership_grant(user=user, organisation=eskilstuna, role=Membership.Role.ADMIN)
    return user


def request_of(user, organisation):
    return joining.join_request_create(
        user=user, organisation=organisation, message="", decide_url="/"
    )


def actions_by(user) -> list[str]:
    return list(
        AuditEntry.objects.filter(actor=user).order_by("id").values_list("action", flat=True)
    )


def test_an_approved_request_records_the_decision_and_the_membership_by_its_decider(
    newcomer, eskilstuna, admin_of
):
    request = request_of(newcomer, eskilstuna)
    joining.join_request_decide(
        actor=admin_of, join_request=request, approve=True, role="editor", account_url="/"
    )
    assert actions_by(admin_of) == [
        AuditAction.MEMBERSHIP_GRANTED,
        AuditAction.JOIN_REQUEST_APPROVED,
    ]
    assert AuditEntry.objects.get(action=AuditAction.JOIN_REQUEST_APPROVED).detail == {
        "role": "editor"
    }


def test_a_refused_request_is_recorded_and_grants_nothing(newcomer, eskilstuna, admin_of):
    request = request_of(newcomer, eskilstuna)
    joining.join_request_decide(
        actor=admin_of, join_request=request, approve=False, role="editor", account_url="/"
    )
    assert actions_by(admin_of) == [AuditAction.JOIN_REQUEST_REFUSED]


def test_an_invitation_and_its_acceptance_are_recorded(newcomer, eskilstuna, admin_of):
    invitation = joining.invitation_create(
        actor=admin_of,
        organisation=eskilstuna,
        email="ny@eskilstuna.example",
        role="admin",
        language="sv",
        accept_link=lambda token: f"/inbjudan/{token}/",
    )
    joining.invitation_accept(user=newcomer, invitation=invitation)
    assert actions_by(admin_of) == [AuditAction.INVITATION_SENT]
    assert actions_by(newcomer) == [AuditAction.MEMBERSHIP_GRANTED]
