"""Settings of the test OpenID Connect provider, read from the environment that
innovationskraft.core.testing.oidc gives the process (see serve.py for the variables)."""

import json
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def private_key_generated() -> str:
    # A key of the process's own: nothing to keep secret in the repository, and every run
    # proves that the relying party reads the keys from the JWKS instead of a copy.
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    ).decode()


PORT = int(os.environ["OIDC_PROVIDER_PORT"])
DATA_DIR = Path(os.environ["OIDC_PROVIDER_DATA_DIR"])
CLIENT_ID = os.environ["OIDC_PROVIDER_CLIENT_ID"]
CLIENT_SECRET = os.environ["OIDC_PROVIDER_CLIENT_SECRET"]
REDIRECT_URIS = os.environ.get("OIDC_PROVIDER_REDIRECT_URIS", "").split()
USERS: list[dict[str, str]] = json.loads(os.environ.get("OIDC_PROVIDER_USERS", "[]"))
ORGANISATION_BY_USERNAME = {
    user["username"]: user["organisation"] for user in USERS if user.get("organisation")
}
ISSUER = f"http://127.0.0.1:{PORT}/o"

SECRET_KEY = secrets.token_urlsafe(50)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
USE_TZ = True
ROOT_URLCONF = "innovationskraft.core.testing.oidc_provider.urls"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "/static/"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ]
        },
    }
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "provider.sqlite3",
        # The server answers the browser and the relying party's back channel in parallel
        # threads: writers wait for each other instead of failing with "database is locked".
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        },
    }
}

# Hashing cost buys nothing in a provider that lives for one test run, and it is paid for every
# user at start-up, every sign-in and every check of the client's secret.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The session cookie is the provider's own: on 127.0.0.1 beside the site's live server, a
# shared name would let the two overwrite each other's session in the browser (cookies ignore
# ports).
SESSION_COOKIE_NAME = "oidc_provider_sessionid"
CSRF_COOKIE_NAME = "oidc_provider_csrftoken"

LOGIN_URL = "/accounts/login/"

OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": private_key_generated(),
    # One issuer whichever host name a caller uses, so that the id_token's `iss` is predictable.
    "OIDC_ISS_ENDPOINT": ISSUER,
    "SCOPES": {
        "openid": "OpenID Connect",
        "email": "E-mail address",
        "profile": "Name and organisation",
    },
    "DEFAULT_SCOPES": ["openid"],
    "OAUTH2_VALIDATOR_CLASS": (
        "innovationskraft.core.testing.oidc_provider.validators.OrganisationClaimsValidator"
    ),
    # mozilla-django-oidc sends a PKCE challenge only when told to (OIDC_USE_PKCE): one that
    # does is still checked, one that does not is still served.
    "PKCE_REQUIRED": False,
    # The site's live server takes a free port per run: registered loopback redirect URIs
    # match any port (RFC 8252), for localhost as for 127.0.0.1.
    "ALLOW_LOCALHOST_LOOPBACK": True,
}

# With DEBUG off Django would mail a request's traceback to nobody: the helper keeps the
# process's stderr and shows it when something fails.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "oauth2_provider": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
