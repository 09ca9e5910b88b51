"""Repeated failed sign-ins lock the account for the address they came from (django-axes), on
the site's form and the admin's, with a page of our own that says what happened."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from innovationskraft.accounts.models import User

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
ADMIN_LOGIN = reverse("admin:login")
PASSWORD = "rätt lösenord 2026"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def anna():
    return User.objects.create_user(email="anna@eskilstuna.example", password=PASSWORD)


def sign_in(client, password, *, url=LOGIN, email="anna@eskilstuna.example", address="1.2.3.4"):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


def test_a_wrong_password_is_only_refused_until_the_limit(client, anna):
    for _attempt in range(2):
        assert sign_in(client, "fel").status_code == 200

    assert sign_in(client, PASSWORD).status_code == 302


def test_the_limit_locks_out_even_the_right_password_with_a_page_that_says_why(client, anna):
    for _attempt in range(3):
        sign_in(client, "fel")

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert b'id="locked-out"' in response.content
    assert " 30 " in response.content.decode().split('id="locked-out"')[1].split("</div>")[0]
    assert b"<main" in response.content  # the site's page, not axes' bare text


def test_the_address_typed_in_another_case_counts_as_the_same_account(client, anna):
    for email in ["Anna@Eskilstuna.example", "ANNA@eskilstuna.example", "anna@eskilstuna.example"]:
        sign_in(client, "fel", email=email)

    assert sign_in(client, PASSWORD).status_code == 429


def test_another_network_is_not_locked_out(client, anna):
    for _attempt in range(3):
        sign_in(client, "fel")

    assert sign_in(client, PASSWORD, address="5.6.7.8").status_code == 302


def test_the_address_comes_from_the_trusted_proxy_only(client, anna, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for _attempt in range(3):
        client.post(
            LOGIN,
            {"username": anna.email, "password": "fel"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )

    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"
    proxied_other = client.post(
        LOGIN,
        {"username": anna.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert proxied_other.status_code == 302


def test_the_admins_sign_in_form_is_locked_out_too(client):
    User.objects.create_superuser(email="admin@innovationskraft.example", password=PASSWORD)
    for _attempt in range(3):
        sign_in(client, "fel", url=ADMIN_LOGIN, email="admin@innovationskraft.example")

    response = sign_in(client, PASSWORD, url=ADMIN_LOGIN, email="admin@innovationskraft.example")

    assert response.status_code == 429
    assert b'id="locked-out"' in response.content


def test_an_administrator_lifts_the_lockout_with_axes_reset(client, anna):
    for _attempt in range(3):
        sign_in(client, "fel")

    call_command("axes_reset_username", "anna@eskilstuna.example")

    assert sign_in(client, PASSWORD).status_code == 302


def test_a_right_sign_in_forgets_the_failures_before_it(client, anna):
    for _attempt in range(2):
        sign_in(client, "fel")
    sign_in(client, PASSWORD)
    client.logout()

    for _attempt in range(2):
        sign_in(client, "fel")
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lockout_page_is_in_swedish_by_default(client, anna):
    for _attempt in range(3):
        sign_in(client, "fel")

    response = sign_in(client, PASSWORD)

    assert "För många misslyckade inloggningar" in response.content.decode()
