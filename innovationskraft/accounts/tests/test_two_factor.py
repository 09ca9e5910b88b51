"""Two-factor sign-in with an authenticator app: set up from the account page, asked for after
the password, and required of moderators before the moderation and admin pages."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from innovationskraft.accounts.models import User

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
CODE = reverse("accounts:sign_in_code")
SETUP = reverse("accounts:two_factor")
PASSWORD = "rätt lösenord 2026"


def code_of(device: TOTPDevice, *, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=offset):06d}"


def with_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


@pytest.fixture
def anna():
    return User.objects.create_user(email="anna@eskilstuna.example", password=PASSWORD)


@pytest.fixture
def moderator():
    return User.objects.create_user(
        email="mod@innovationskraft.example", password=PASSWORD, site_role="moderator"
    )


def sign_in(client, user, **extra):
    return client.post(LOGIN, {"username": user.email, "password": PASSWORD, **extra})


@pytest.fixture
def no_throttle(settings):
    """django-otp makes the next try wait after a wrong code; these tests try again at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_setting_it_up_shows_a_qr_code_and_the_secret_and_a_right_code_turns_it_on(
    client, anna, no_throttle
):
    client.force_login(anna)

    page = client.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=anna, confirmed=False)
    assert "<svg" in page
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page
    shown = page.split('id="two-factor-secret">')[1].split("<")[0].replace(" ", "")
    assert shown == __import__("base64").b32encode(device.bin_key).decode().rstrip("=")

    assert client.post(SETUP, {"code": "000000"}).status_code == 400
    response = client.post(SETUP, {"code": code_of(device)})

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_with_it_on_the_password_alone_does_not_sign_in(client, anna, no_throttle):
    device = with_device(anna)

    response = sign_in(client, anna, next="/innovationer/")

    assert response.status_code == 302
    assert response["Location"].startswith(CODE)
    assert "_auth_user_id" not in client.session
    assert client.post(CODE, {"code": "123456"}).status_code == 400
    assert "_auth_user_id" not in client.session

    signed_in = client.post(CODE, {"code": code_of(device), "next": "/innovationer/"})

    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/innovationer/"
    assert client.session["_auth_user_id"] == str(anna.pk)


def test_without_it_the_password_signs_in_as_before(client, anna):
    sign_in(client, anna)

    assert client.session["_auth_user_id"] == str(anna.pk)


def test_the_code_page_without_a_right_password_first_leads_back_to_sign_in(client, anna):
    with_device(anna)

    response = client.post(CODE, {"code": "123456"})

    assert response.status_code == 302
    assert response["Location"] == LOGIN


def test_after_a_wrong_code_even_the_right_one_must_wait(client, anna):
    device = with_device(anna)
    sign_in(client, anna)
    client.post(CODE, {"code": "000000"})

    assert client.post(CODE, {"code": code_of(device)}).status_code == 400
    assert "_auth_user_id" not in client.session


def test_wrong_codes_count_towards_the_lockout(client, anna, settings, no_throttle):
    settings.AXES_FAILURE_LIMIT = 3
    with_device(anna)
    sign_in(client, anna)

    answers = [client.post(CODE, {"code": "000000"}).status_code for _ in range(3)]

    assert answers[-1] == 429


def test_a_moderator_is_sent_to_set_it_up_before_the_review_queue(client, moderator, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(moderator)

    response = client.get(reverse("cases:review_queue"))

    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_moderator_with_a_device_is_asked_for_the_code_before_the_admin(
    client, moderator, settings
):
    settings.TWO_FACTOR_FOR_STAFF = True
    device = with_device(moderator)
    client.force_login(moderator)

    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(CODE)

    client.post(CODE, {"code": code_of(device)})

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("cases:review_queue")).status_code == 200


def test_a_moderator_who_set_it_up_reaches_the_review_queue(client, moderator, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(moderator)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=moderator)

    client.post(SETUP, {"code": code_of(device)})

    assert client.get(reverse("cases:review_queue")).status_code == 200


def test_others_may_turn_it_off_and_moderators_may_not(client, anna, moderator, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    with_device(anna)
    with_device(moderator)
    for user in (anna, moderator):
        client.force_login(user)
        client.post(reverse("accounts:two_factor_off"))

    assert not TOTPDevice.objects.filter(user=anna).exists()
    assert TOTPDevice.objects.filter(user=moderator).exists()


def test_the_account_page_offers_to_set_it_up(client, anna):
    client.force_login(anna)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert f'href="{SETUP}"' in page
