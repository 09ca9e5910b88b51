"""Signing up with a verified address, and choosing a new password, through a real SMTP server
(aiosmtpd). The answers are the same whether an address has an account or not."""

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from innovationskraft.accounts.models import Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.models import Organisation
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.django_db

PASSWORD = "ett-långt-lösenord-2026"


def signed_up(client, **overrides):
    fields = {"email": "Sara.Lind@Kommun.example", "first_name": "Sara", "last_name": "Lind"}
    return committed(client.post, reverse("accounts:sign_up"), fields | overrides)


def confirmed(client, link: str, password: str = PASSWORD):
    return client.post(link, {"new_password1": password, "new_password2": password})


def test_a_new_account_waits_for_its_owner_to_open_the_link(client, mailbox):
    response = signed_up(client)
    assert response["Location"] == reverse("accounts:sign_up_sent")
    user = User.objects.get(email="sara.lind@kommun.example")
    assert not user.is_active
    assert not user.has_usable_password()  # whoever typed the address chose no password

    run_worker()
    [received] = mailbox.messages
    assert received.recipients == ["sara.lind@kommun.example"]
    assert "/konto/bekrafta/" in received.link()


def test_the_link_lets_the_owner_choose_her_password_and_signs_her_in(client, mailbox):
    signed_up(client)
    run_worker()
    link = mailbox.messages[0].link()
    assert client.get(link).status_code == 200
    response = confirmed(client, link)
    assert response["Location"] == reverse("accounts:profile")
    user = User.objects.get(email="sara.lind@kommun.example")
    assert user.is_active
    assert user.verified_at is not None
    assert get_user(client).pk == user.pk
    assert client.login(username="sara.lind@kommun.example", password=PASSWORD)


def test_the_link_works_once(client, mailbox):
    signed_up(client)
    run_worker()
    link = mailbox.messages[0].link()
    confirmed(client, link)
    client.logout()
    assert client.get(link).status_code == 400
    assert confirmed(client, link, "another-password-2026").status_code == 400
    assert get_user(client).is_anonymous


def test_signing_up_again_for_someone_elses_address_gives_no_way_in(client, mailbox):
    signed_up(client)
    signed_up(client, first_name="Mallory")  # someone else types the same address
    run_worker()
    # Both links went to the address's owner; she alone chooses the password.
    assert {tuple(m.recipients) for m in mailbox.messages} == {("sara.lind@kommun.example",)}
    confirmed(client, mailbox.messages[-1].link())
    assert client.login(username="sara.lind@kommun.example", password=PASSWORD)


def test_an_account_an_administrator_turned_off_stays_off(client, mailbox):
    turned_off = User.objects.create_user("sara.lind@kommun.example", "x")
    User.objects.filter(pk=turned_off.pk).update(is_active=False)
    signed_up(client)
    run_worker()
    [received] = mailbox.messages
    assert "/konto/bekrafta/" not in received.text
    turned_off.refresh_from_db()
    assert not turned_off.is_active


def test_an_altered_link_activates_nothing(client, mailbox):
    signed_up(client)
    run_worker()
    response = client.get(mailbox.messages[0].link().rstrip("/") + "x/")
    assert response.status_code == 400
    assert not User.objects.get(email="sara.lind@kommun.example").is_active


def test_a_known_address_gets_the_same_answer_and_its_owner_is_told(client, mailbox):
    owner = User.objects.create_user("sara.lind@kommun.example", "the-owners-password")
    response = signed_up(client, first_name="Someone else")
    assert response["Location"] == reverse("accounts:sign_up_sent")
    owner.refresh_from_db()
    assert owner.check_password("the-owners-password")
    assert owner.is_active

    run_worker()
    [received] = mailbox.messages
    assert received.recipients == [owner.email]
    assert "/konto/nytt-losenord/" in received.text
    assert "/konto/bekrafta/" not in received.text


def test_a_weak_password_is_told_in_the_form(client, mailbox):
    signed_up(client)
    run_worker()
    response = confirmed(client, mailbox.messages[0].link(), "12345")
    assert response.status_code == 400
    assert response.context["form"].errors["new_password2"]
    assert not User.objects.get().is_active


def test_signing_up_keeps_the_page_she_was_going_to(client, mailbox):
    target = "/konto/inbjudan/abc/"
    committed(
        client.post,
        f"{reverse('accounts:sign_up')}?next={target}",
        {"email": "a@b.example", "first_name": "A", "last_name": "B"},
    )
    run_worker()
    assert confirmed(client, mailbox.messages[0].link())["Location"] == target


def test_a_link_elsewhere_is_not_followed_after_signing_up(client, mailbox):
    committed(
        client.post,
        f"{reverse('accounts:sign_up')}?next=https://evil.example/",
        {"email": "a@b.example", "first_name": "A", "last_name": "B"},
    )
    run_worker()
    assert confirmed(client, mailbox.messages[0].link())["Location"] == reverse("accounts:profile")


def test_a_forgotten_password_is_replaced_through_the_mailed_link(client, mailbox):
    User.objects.create_user("sara@kommun.example", "the-old-password-1")
    response = committed(
        client.post, reverse("accounts:password_reset"), {"email": "sara@kommun.example"}
    )
    assert response["Location"] == reverse("accounts:password_reset_done")
    run_worker()
    [received] = mailbox.messages
    form_page = client.get(received.link(), follow=True)
    new = "ett-nytt-lösenord-2026"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert client.login(username="sara@kommun.example", password=new)


def test_a_reset_for_an_unknown_address_answers_as_for_a_known_one(client, mailbox):
    User.objects.create_user("sara@kommun.example", "the-old-password-1")
    known = committed(
        client.post, reverse("accounts:password_reset"), {"email": "sara@kommun.example"}
    )
    unknown = committed(
        client.post, reverse("accounts:password_reset"), {"email": "nobody@kommun.example"}
    )
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    run_worker()
    assert [m.recipients for m in mailbox.messages] == [["sara@kommun.example"]]


def test_a_member_leaves_an_organisation_from_the_account_page(client):
    user = User.objects.create_user("sara@kommun.example", PASSWORD)
    organisation = Organisation.objects.get(kind="municipality", official_code="0484")
    membership = membership_grant(user=user, organisation=organisation)
    client.force_login(user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert organisation.name in page
    client.post(reverse("accounts:membership_leave", args=[membership.pk]))
    assert not Membership.objects.filter(user=user).exists()


def test_no_one_leaves_for_someone_else(client):
    other = User.objects.create_user("bo@kommun.example", PASSWORD)
    organisation = Organisation.objects.get(kind="municipality", official_code="0484")
    membership = membership_grant(user=other, organisation=organisation)
    client.force_login(User.objects.create_user("sara@kommun.example", PASSWORD))
    response = client.post(reverse("accounts:membership_leave", args=[membership.pk]))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_address_gets_only_so_many_account_mails_an_hour_and_the_page_says_nothing(
    client, mailbox, settings
):
    settings.ACCOUNT_MAILS_PER_RECIPIENT_HOUR = 2
    User.objects.create_user("sara@kommun.example", "the-old-password-1")
    answers = [
        committed(client.post, reverse("accounts:password_reset"), {"email": "sara@kommun.example"})
        for _ in range(4)
    ]
    assert {a["Location"] for a in answers} == {reverse("accounts:password_reset_done")}
    run_worker()
    assert len(mailbox.messages) == 2


def test_one_network_address_is_told_to_wait_after_too_many_tries(client, mailbox, settings):
    settings.ACCOUNT_MAILS_PER_ADDRESS_HOUR = 2
    for n in range(2):
        signed_up(client, email=f"person{n}@kommun.example")
    refused = signed_up(client, email="third@kommun.example")
    assert refused.status_code == 429
    assert "Försök igen om" in refused.content.decode()
    assert not User.objects.filter(email="third@kommun.example").exists()
