"""Becoming a member: asking to join (the organisation's administrators or, without them, the
moderators decide) and being invited; every step tells the person concerned by e-mail."""

import pytest
from django.urls import reverse

from innovationskraft.accounts.models import Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.connect.models import Invitation, JoinRequest
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.django_db

PASSWORD = "ett-långt-lösenord-2026"


@pytest.fixture
def newcomer():
    return User.objects.create_user("ny@eskilstuna.example", PASSWORD, first_name="Nora")


@pytest.fixture
def admin_of(eskilstuna):
    user = User.objects.create_user("admin@eskilstuna.example", PASSWORD, language="en")
    membership_grant(user=user, organisation=eskilstuna, role=Membership.Role.ADMIN)
    return user


def asked(client, user, organisation, message="Jag arbetar på vård och omsorg."):
    client.force_login(user)
    return committed(
        client.post, reverse("connect:join"), {"organisation": organisation.pk, "message": message}
    )


def decided(client, actor, join_request, decision, role="editor"):
    client.force_login(actor)
    url = reverse("connect:join_request_decide", args=[join_request.pk])
    return committed(client.post, url, {"decision": decision, "role": role})


def test_a_request_to_join_reaches_the_organisations_administrators_in_their_language(
    client, newcomer, eskilstuna, admin_of, moderator, mailbox
):
    assert asked(client, newcomer, eskilstuna)["Location"] == reverse("accounts:profile")
    request = JoinRequest.objects.get()
    assert request.state == JoinRequest.State.PENDING
    assert not Membership.objects.filter(user=newcomer).exists()

    run_worker()
    [received] = mailbox.messages
    assert received.recipients == [admin_of.email]
    assert "asks to join Eskilstuna kommun" in str(received.message["Subject"])
    assert "Jag arbetar på vård och omsorg." in received.text
    assert reverse("connect:join_requests") in received.text


def test_without_administrators_the_moderators_decide(
    client, newcomer, eskilstuna, moderator, mailbox
):
    asked(client, newcomer, eskilstuna)
    run_worker()
    assert [m.recipients for m in mailbox.messages] == [[moderator.email]]
    assert decided(client, moderator, JoinRequest.objects.get(), "approve").status_code == 302
    assert Membership.objects.filter(user=newcomer, organisation=eskilstuna).exists()


def test_an_approved_person_becomes_a_member_with_the_role_chosen_and_is_told(
    client, newcomer, eskilstuna, admin_of, mailbox
):
    asked(client, newcomer, eskilstuna)
    decided(client, admin_of, JoinRequest.objects.get(), "approve", role="admin")
    membership = Membership.objects.get(user=newcomer, organisation=eskilstuna)
    assert membership.role == Membership.Role.ADMIN
    run_worker()
    told = [m for m in mailbox.messages if m.recipients == [newcomer.email]]
    assert len(told) == 1
    assert "Eskilstuna kommun" in str(told[0].message["Subject"])


def test_a_refused_person_gets_no_rights_and_is_told(
    client, newcomer, eskilstuna, admin_of, mailbox
):
    asked(client, newcomer, eskilstuna)
    decided(client, admin_of, JoinRequest.objects.get(), "refuse")
    assert JoinRequest.objects.get().state == JoinRequest.State.REFUSED
    assert not Membership.objects.filter(user=newcomer).exists()
    run_worker()
    assert any(m.recipients == [newcomer.email] for m in mailbox.messages)


def test_no_one_else_decides(client, newcomer, eskilstuna, admin_of, other_editor):
    asked(client, newcomer, eskilstuna)
    response = decided(client, other_editor, JoinRequest.objects.get(), "approve")
    assert response.status_code == 403
    assert not Membership.objects.filter(user=newcomer).exists()
    client.force_login(other_editor)
    assert (
        "ny@eskilstuna.example" not in client.get(reverse("connect:join_requests")).content.decode()
    )


def test_a_request_is_decided_once(client, newcomer, eskilstuna, admin_of):
    asked(client, newcomer, eskilstuna)
    request = JoinRequest.objects.get()
    decided(client, admin_of, request, "refuse")
    decided(client, admin_of, request, "approve")
    assert not Membership.objects.filter(user=newcomer).exists()


def test_asking_twice_makes_one_request_and_a_member_is_told_she_is_one(
    client, newcomer, eskilstuna, admin_of
):
    asked(client, newcomer, eskilstuna)
    asked(client, newcomer, eskilstuna)
    assert JoinRequest.objects.count() == 1
    response = asked(client, admin_of, eskilstuna)
    assert response.status_code == 400
    assert "redan medlem" in response.content.decode()


def test_an_anonymous_visitor_is_asked_to_sign_in_first(client, eskilstuna):
    response = client.get(reverse("connect:join"))
    assert response["Location"].startswith(reverse("accounts:login"))


def invitation_link(mailbox) -> str:
    return mailbox.messages[-1].link("/konto/inbjudan/")


def invited(client, admin, organisation, email, role="editor"):
    client.force_login(admin)
    url = reverse("connect:invite", args=[organisation.slug])
    return committed(client.post, url, {"email": email, "role": role})


def test_an_invited_person_accepts_and_becomes_a_member(
    client, newcomer, eskilstuna, admin_of, mailbox
):
    assert invited(client, admin_of, eskilstuna, "NY@eskilstuna.example").status_code == 302
    run_worker()
    link = invitation_link(mailbox)
    assert mailbox.messages[-1].recipients == ["ny@eskilstuna.example"]

    client.force_login(newcomer)
    assert client.get(link).status_code == 200
    assert client.post(link)["Location"] == reverse("accounts:profile")
    assert Membership.objects.filter(user=newcomer, organisation=eskilstuna).exists()
    assert Invitation.objects.get().accepted_at is not None


def test_an_invitation_for_another_address_or_used_already_is_refused(
    client, newcomer, eskilstuna, admin_of, other_editor, mailbox
):
    invited(client, admin_of, eskilstuna, newcomer.email)
    run_worker()
    link = invitation_link(mailbox)
    client.force_login(other_editor)
    assert client.post(link).status_code == 400
    assert not Membership.objects.filter(user=other_editor, organisation=eskilstuna).exists()

    client.force_login(newcomer)
    client.post(link)
    Membership.objects.filter(user=newcomer).delete()
    assert client.post(link).status_code == 400
    assert not Membership.objects.filter(user=newcomer).exists()


def test_a_forged_invitation_link_does_nothing(client, newcomer):
    client.force_login(newcomer)
    response = client.get(reverse("connect:invitation", args=["not-a-token"]))
    assert response.status_code == 400


def test_only_administrators_and_moderators_invite(client, eskilstuna, editor, mailbox):
    assert invited(client, editor, eskilstuna, "x@example.org").status_code == 403
    assert not Invitation.objects.exists()


def test_the_account_page_shows_requests_waiting_and_the_way_to_invite(
    client, newcomer, eskilstuna, admin_of
):
    asked(client, newcomer, eskilstuna)
    own = client.get(reverse("accounts:profile")).content.decode()
    assert "Eskilstuna kommun" in own
    assert reverse("connect:join") in own
    client.force_login(admin_of)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("connect:join_requests") in page
    assert reverse("connect:invite", args=[eskilstuna.slug]) in page


def test_an_administrator_who_accepts_an_editors_invitation_stays_an_administrator(
    client, eskilstuna, admin_of, moderator, mailbox
):
    invited(client, moderator, eskilstuna, admin_of.email, role="editor")
    run_worker()
    client.force_login(admin_of)
    client.post(invitation_link(mailbox))
    assert Membership.objects.get(user=admin_of, organisation=eskilstuna).role == "admin"
