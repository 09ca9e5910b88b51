from django.conf import settings
from django.test import Client
from django.utils import translation


def sign_in(page, user, url):
    """Hands the browser a session made by Django's test client, as if `user` (of
    AUTH_USER_MODEL) signed in."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])


def sv(message: str) -> str:
    """The Swedish text of a message, as the pages under test show it."""
    with translation.override("sv"):
        return translation.gettext(message)


def sv_count(singular: str, plural: str, count: int, name: str = "counter") -> str:
    with translation.override("sv"):
        return translation.ngettext(singular, plural, count) % {name: count}
