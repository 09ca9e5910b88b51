"""Two-factor sign-in with an authenticator app: set up from the account page, asked for after
the password, and required of moderators before the moderation and admin pages."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
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
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


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

    assert response.status_code == 200
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

    response = client.post(SETUP, {"code": code_of(device)})

    assert response.status_code == 200
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


def test_turning_it_on_shows_ten_recovery_codes_once(client, anna):
    client.force_login(anna)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=anna)

    page = client.post(SETUP, {"code": code_of(device)}).content.decode()

    stored = list(StaticToken.objects.filter(device__user=anna).values_list("token", flat=True))
    assert len(stored) == 10
    assert all(f"{t[:5]}-{t[5:]}" in page for t in stored)
    assert stored[0] not in client.get(reverse("accounts:profile")).content.decode()


def recovery_codes_of(client, user) -> list[str]:
    client.force_login(user)
    device = with_device(user)
    client.post(CODE, {"code": code_of(device)})
    client.post(reverse("accounts:recovery_codes"))
    return list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


def test_a_recovery_code_signs_in_once_in_place_of_the_apps_code(client, anna, no_throttle):
    code = recovery_codes_of(client, anna)[0]
    client.logout()

    sign_in(client, anna)
    response = client.post(CODE, {"code": f" {code[:5]} - {code[5:]}"})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).wsgi_request.user == anna
    assert StaticToken.objects.filter(device__user=anna).count() == 9

    client.logout()
    sign_in(client, anna)
    assert client.post(CODE, {"code": code}).status_code == 400
    assert client.post(CODE, {"code": recovery_codes_left_of(anna)[0]}).status_code == 302


def recovery_codes_left_of(user) -> list[str]:
    return list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


def test_new_recovery_codes_end_the_old_ones(client, anna, no_throttle):
    old = recovery_codes_of(client, anna)
    client.post(reverse("accounts:recovery_codes"))
    client.logout()

    sign_in(client, anna)

    assert client.post(CODE, {"code": old[0]}).status_code == 400
    assert StaticToken.objects.filter(device__user=anna).count() == 10


def test_a_session_no_code_confirmed_cannot_make_codes_or_move_the_device(client, anna):
    with_device(anna)
    client.force_login(anna)  # as the admin's password form or single sign-on leaves her

    made = client.post(reverse("accounts:recovery_codes"))
    moved = client.get(SETUP)

    assert made["Location"].startswith(CODE)
    assert moved["Location"].startswith(CODE)
    assert not StaticToken.objects.filter(device__user=anna).exists()


def test_turning_it_off_removes_the_recovery_codes(client, anna):
    recovery_codes_of(client, anna)

    client.post(reverse("accounts:two_factor_off"))

    assert not StaticToken.objects.filter(device__user=anna).exists()


@pytest.mark.parametrize(
    "page",
    ["search:results", "workshops:list", "accounts:api_token_create", "home"],
)
def test_a_moderator_needs_the_code_on_every_page_but_the_way_to_it(
    client, moderator, settings, page
):
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(moderator)

    assert client.get(reverse(page))["Location"].startswith(SETUP)
    for open_page in ("accounts:profile", "accounts:two_factor", "core:privacy"):
        assert client.get(reverse(open_page)).status_code == 200


def test_others_browse_without_the_code(client, anna, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    with_device(anna)
    client.force_login(anna)

    assert client.get(reverse("search:results")).status_code == 200


def test_after_a_wrong_recovery_code_even_a_right_one_must_wait(client, anna):
    codes = recovery_codes_of(client, anna)
    client.logout()
    sign_in(client, anna)

    client.post(CODE, {"code": "00000-00000"})

    assert client.post(CODE, {"code": codes[0]}).status_code == 400
