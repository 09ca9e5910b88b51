"""Starts the test OpenID Connect provider:
    python -m innovationskraft.core.testing.oidc_provider.serve

Read from the environment:
  OIDC_PROVIDER_PORT            the port on 127.0.0.1 to answer on
  OIDC_PROVIDER_DATA_DIR        a directory for the SQLite database (a temporary one)
  OIDC_PROVIDER_CLIENT_ID       the relying party's client id ...
  OIDC_PROVIDER_CLIENT_SECRET   ... and secret
  OIDC_PROVIDER_REDIRECT_URIS   its redirect URIs, separated by spaces
  OIDC_PROVIDER_USERS           JSON: [{"username", "password", "email", "given_name",
                                "family_name", "organisation"}, ...]
"""

import os

SETTINGS_MODULE = "innovationskraft.core.testing.oidc_provider.settings"


def database_prepared() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def users_created(users: list[dict[str, str]]) -> None:
    from django.contrib.auth.models import User

    for user in users:
        User.objects.create_user(
            username=user["username"],
            password=user["password"],
            email=user.get("email", ""),
            first_name=user.get("given_name", ""),
            last_name=user.get("family_name", ""),
        )


def application_created(*, client_id: str, client_secret: str, redirect_uris: list[str]) -> None:
    from oauth2_provider.models import Application  # type: ignore[import-untyped]

    Application.objects.create(
        name="Innovationskraft (tests)",
        client_id=client_id,
        client_secret=client_secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=" ".join(redirect_uris),
        algorithm=Application.RS256_ALGORITHM,
        # A site's own sign-in asks no one for consent: the browser goes straight back.
        skip_authorization=True,
    )


def main() -> None:
    # The tests' environment names the site's settings; this process is another project.
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    import django

    django.setup()

    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import run

    # The module itself rather than django.conf.settings, which type checkers take for the
    # site's settings; django.setup() imported it already, so its key is the one in use.
    from . import settings

    database_prepared()
    users_created(settings.USERS)
    application_created(
        client_id=settings.CLIENT_ID,
        client_secret=settings.CLIENT_SECRET,
        redirect_uris=settings.REDIRECT_URIS,
    )
    # Threaded: the browser keeps its connection to the provider open (keep-alive) while the
    # relying party, on its own connections, asks for the token and the userinfo.
    run("127.0.0.1", settings.PORT, WSGIHandler(), threading=True)


if __name__ == "__main__":
    main()
