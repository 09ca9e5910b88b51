"""Settings for Innovationskraft. Everything that differs between machines comes from the
environment; see README.md for the list."""

import datetime
import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from innovationskraft.env import envbool, envdate, envint, envlist, secret_key

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

DEBUG = envbool("DEBUG", False)
SECRET_KEY = secret_key(debug=DEBUG)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
DATA_DIR = Path(os.environ.get("DATA_DIR") or PROJECT_DIR)

INSTALLED_APPS = [
    "innovationskraft.core",
    "innovationskraft.accounts",
    "innovationskraft.cases",
    "innovationskraft.search",
    "innovationskraft.workshops",
    "innovationskraft.connect",
    "innovationskraft.insights",
    "innovationskraft.api",
    "innovationskraft.opendata",
    # Django's admin, open to the moderators for what they curate (core/admin_site.py).
    "innovationskraft.core.admin_site.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "reversion",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "mozilla_django_oidc",
    # Locks out repeated failed sign-ins (accounts/lockout.py), and two-factor sign-in with
    # time-based codes (accounts/two_factor.py).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "innovationskraft.accounts.two_factor_middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Answers a locked-out sign-in with the page of accounts/lockout.py.
    "axes.middleware.AxesMiddleware",
    # Last, so that it is the first to see an exception: JSON for the API's clients.
    "innovationskraft.api.failures.ApiFailuresMiddleware",
]

ROOT_URLCONF = "innovationskraft.urls"
WSGI_APPLICATION = "innovationskraft.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "innovationskraft.core.context_processors.site",
            ],
        },
    },
]

DEFAULT_SQLITE_URL = f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.config(
        # A reused PostgreSQL connection is checked before a request uses it, so a database
        # restart costs no failed request (SQLite has nothing to check).
        default=DEFAULT_SQLITE_URL,
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open between requests: a new SQLite connection reads the schema again, and closing
    # the last one checkpoints the WAL; both cost more than the request itself.
    DATABASES["default"]["CONN_MAX_AGE"] = envint("SQLITE_CONN_MAX_AGE", 600)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one request writes; IMMEDIATE plus a busy timeout makes
        # concurrent writers queue instead of failing with "database is locked".
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": envint("SQLITE_BUSY_TIMEOUT", 20),
    }
# A shared cache keeps cached counts consistent between app processes; without REDIS_URL
# each process has its own memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]] = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Task workers write their progress here and the web processes read it: without Redis, the
    # processes of one machine share it through files.
    "progress": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": DATA_DIR / "cache" / "progress",
        }
    ),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a check: Django tells it of every new password, and it ends the API tokens.
    {"NAME": "innovationskraft.accounts.passwords.ApiTokensEndWithPassword"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["innovationskraft.core.formats"]

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS in production (README.md, "Production"), under Django's own names: redirect plain
# HTTP to HTTPS, and tell browsers through HSTS to come back over HTTPS only.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
# A load balancer may ask for the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# X-Forwarded-Proto: https makes a request count as secure only behind a proxy that sets the
# header itself, and says so here; without one, any client could write it.
TRUST_PROXY_HTTPS_HEADER = envbool("TRUST_PROXY_HTTPS_HEADER", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUST_PROXY_HTTPS_HEADER else None
# Proxies (addresses or networks) whose X-Forwarded-For names the client; none by default,
# since a header that any client can write must never decide whom a limit counts.
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES", [])

# Everything the pages load comes from this site: no CDN, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

CSRF_FAILURE_VIEW = "innovationskraft.core.views.csrf_failure"

SITE_NAME = "Innovationskraft"
# Who runs this site (docs/privacy.md): the controller of its personal data and the public
# body behind its accessibility statement, and where people write to it. The pages /tillganglighet/
# and /personuppgifter/ name them; without SITE_CONTACT_EMAIL they have no address to give.
SITE_OPERATOR_NAME = os.environ.get("SITE_OPERATOR_NAME", "").strip()
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "").strip()
# The data protection officer (dataskyddsombud) of a public body, when it has its own address.
SITE_DATA_PROTECTION_OFFICER_EMAIL = os.environ.get(
    "SITE_DATA_PROTECTION_OFFICER_EMAIL", ""
).strip()
# Why personal data may be handled (GDPR article 6.1): "public_task" (e) for a public body,
# "legitimate_interests" (f) for any other operator.
PRIVACY_LEGAL_BASES = ("public_task", "legitimate_interests")
PRIVACY_LEGAL_BASIS = os.environ.get("PRIVACY_LEGAL_BASIS", "public_task").strip().lower()
if PRIVACY_LEGAL_BASIS not in PRIVACY_LEGAL_BASES:
    raise ImproperlyConfigured(
        f"PRIVACY_LEGAL_BASIS must be public_task or legitimate_interests, not "
        f"{PRIVACY_LEGAL_BASIS!r}."
    )
# When the site's accessibility was last assessed and its statement last updated; an operator
# that assesses its own installation sets them.
ACCESSIBILITY_ASSESSED_ON = envdate("ACCESSIBILITY_ASSESSED_ON", datetime.date(2026, 12, 4))
ACCESSIBILITY_STATEMENT_UPDATED_ON = envdate(
    "ACCESSIBILITY_STATEMENT_UPDATED_ON", datetime.date(2026, 12, 4)
)
# Reports of accessibility problems from one network address an hour (the form at
# /tillganglighet/rapportera/).
ACCESSIBILITY_REPORTS_PER_ADDRESS_HOUR = envint("ACCESSIBILITY_REPORTS_PER_ADDRESS_HOUR", 5)
# Where the site is reached: exports made outside a request (the command) link to it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# E-mail (docs/mail.md): through the SMTP server these name; `make run` (DEBUG) prints the
# mails instead unless EMAIL_HOST is set. A mail that could not be sent waits in the outbox and
# is tried again; one that was sent is deleted after MAIL_SENT_KEEP_DAYS.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not EMAIL_HOST
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Innovationskraft <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAIL_SENT_KEEP_DAYS = envint("MAIL_SENT_KEEP_DAYS", 7)
OPEN_DATA_LICENSE = os.environ.get(
    "OPEN_DATA_LICENSE", "https://creativecommons.org/licenses/by/4.0/"
)
# What kind of body publishes the open data, as the catalogue says it (DCAT-AP-SE): one of ADMS's
# publisher types (opendata/dcat_terms.py), such as NationalAuthority or LocalAuthority.
OPEN_DATA_PUBLISHER_TYPE = os.environ.get("OPEN_DATA_PUBLISHER_TYPE", "NationalAuthority")
# The largest file the admin page accepts, and how long a checked or refused file is kept
# for importing it again.
OPEN_DATA_IMPORT_MAX_MB = envint("OPEN_DATA_IMPORT_MAX_MB", 200)
OPEN_DATA_IMPORT_KEEP_HOURS = envint("OPEN_DATA_IMPORT_KEEP_HOURS", 24)
# A job still running this long after a worker took it lost its worker (100,000 rows take
# about a minute).
OPEN_DATA_IMPORT_STALE_MINUTES = envint("OPEN_DATA_IMPORT_STALE_MINUTES", 60)

# Search by meaning across Swedish and English (docs/search.md): each published case gets a
# vector from a task after it changed. Off, search finds by words alone and no task is queued.
SEARCH_VECTORS = envbool("SEARCH_VECTORS", True)
# Threads of the model in each process (docs/search.md): one per web worker; more only for a
# task worker with cores of its own.
SEARCH_VECTOR_THREADS = envint("SEARCH_VECTOR_THREADS", 1)

# Work that outlives a request (imports from the admin page, index rebuilds) runs as tasks
# (docs/tasks.md). By default they wait in the database for `manage.py db_worker`; with
# TASKS_BACKEND=rq they wait in Redis for `manage.py rqworker`, on any number of machines.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower()
TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or rq, not {TASKS_BACKEND!r}.")
if TASKS_BACKEND == "rq" and not REDIS_URL:
    raise ImproperlyConfigured("TASKS_BACKEND=rq keeps the tasks in Redis: set REDIS_URL too.")
TASKS = {"default": TASK_BACKENDS[TASKS_BACKEND]}
if TASKS_BACKEND == "rq":
    # Only then: the RQ dashboard they add to the admin needs Redis.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
RQ_QUEUES = {
    # A task still running when the import page gives up on it is stopped, so both agree.
    "default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": OPEN_DATA_IMPORT_STALE_MINUTES * 60},
}
# `manage.py rqworker` runs the tasks of django-tasks only with this job class.
RQ = {"JOB_CLASS": "django_tasks_rq.Job"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Workshops: limits against a flood of contributions. A whole room may share one address
# (one network behind one router), so the address limit sits far above one person's.
WORKSHOP_CONTRIBUTIONS_PER_PARTICIPANT_MINUTE = envint("WORKSHOP_PARTICIPANT_PER_MINUTE", 12)
WORKSHOP_CONTRIBUTIONS_PER_ADDRESS_MINUTE = envint("WORKSHOP_ADDRESS_PER_MINUTE", 5000)
WORKSHOP_JOINS_PER_ADDRESS_MINUTE = envint("WORKSHOP_ADDRESS_JOINS_PER_MINUTE", 3000)
# Requests a minute per address (per account when signed in) to the pages that cost the server
# far more than the client (core/throttle.py): text search, the duplicate warning, PDFs drawn.
# An office behind one address searches together, hence the margin; 0 turns a limit off.
SEARCH_REQUESTS_PER_MINUTE = envint("SEARCH_REQUESTS_PER_MINUTE", 300)
PDF_REQUESTS_PER_MINUTE = envint("PDF_REQUESTS_PER_MINUTE", 20)
# Participants' names, organisations and address hashes are removed this many days after their
# workshop closed, by a scheduled task; their contributions stay, without a name.
WORKSHOP_PARTICIPANT_KEEP_DAYS = envint("WORKSHOP_PARTICIPANT_KEEP_DAYS", 90)

# Single sign-on with OpenID Connect (connect/sso.py, docs/connect.md): on when
# OIDC_RP_CLIENT_ID is set, with the provider's endpoints (its discovery document names them).
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
# The name on the sign-in button, such as "Region Västmanland's sign-in".
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "")
# A provider that never sends email_verified is trusted only when this is set (docs/connect.md).
OIDC_TRUST_EMAIL = envbool("OIDC_TRUST_EMAIL", False)
LOGIN_REDIRECT_URL_FAILURE = "accounts:login"
AUTHENTICATION_BACKENDS = [
    # First: it refuses a locked-out account and address before a password is checked.
    "innovationskraft.accounts.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("innovationskraft.connect.sso.OrganisationOidcBackend")

# Mail that the sign-up and password pages send to a typed address: at most so many an hour
# from one network address (more gets "try again later"), and to one address (more are
# silently not sent, so the page tells nothing about the address).
ACCOUNT_MAILS_PER_ADDRESS_HOUR = envint("ACCOUNT_MAILS_PER_ADDRESS_HOUR", 20)
ACCOUNT_MAILS_PER_RECIPIENT_HOUR = envint("ACCOUNT_MAILS_PER_RECIPIENT_HOUR", 3)

# Contact with the people behind a case (connect/): messages are kept this many days for a
# moderator to handle a report of abuse, then deleted; at most so many messages from one
# network address or one sender an hour, and to one case a day.
CONTACT_MESSAGE_KEEP_DAYS = envint("CONTACT_MESSAGE_KEEP_DAYS", 90)
CONTACT_MESSAGES_PER_ADDRESS_HOUR = envint("CONTACT_MESSAGES_PER_ADDRESS_HOUR", 10)
CONTACT_MESSAGES_PER_SENDER_HOUR = envint("CONTACT_MESSAGES_PER_SENDER_HOUR", 5)
CONTACT_MESSAGES_PER_CASE_DAY = envint("CONTACT_MESSAGES_PER_CASE_DAY", 30)
# The proof of work a browser does before a form is accepted (ALTCHA, connect/bot.py): its
# challenges are signed with a key derived from SECRET_KEY and expire after
# ALTCHA_EXPIRES_MINUTES; each of the 256 tries it takes on average costs ALTCHA_COST rounds of
# PBKDF2 (at 5,000, under a second in a browser, about a millisecond for the server to check).
ALTCHA_COST = envint("ALTCHA_COST", 5000)
ALTCHA_EXPIRES_MINUTES = envint("ALTCHA_EXPIRES_MINUTES", 20)

# The REST API: requests per minute from one network address without a token, and with one
# token (fixed one-minute windows, counted in the cache).
API_REQUESTS_PER_MINUTE_ANONYMOUS = envint("API_REQUESTS_PER_MINUTE_ANONYMOUS", 600)
API_REQUESTS_PER_MINUTE_TOKEN = envint("API_REQUESTS_PER_MINUTE_TOKEN", 1200)
# The largest request body read (a case written through the API, a form); more gets 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)

# Sign-in (docs/accounts.md): after SIGN_IN_FAILURE_LIMIT failed sign-ins for one account from
# one network address, that account is locked for that address for SIGN_IN_LOCKOUT_MINUTES
# (django-axes, every sign-in form, the admin's too); `manage.py axes_reset` or the admin's
# "Access attempts" unlocks earlier. Attempts are counted in the database.
AXES_FAILURE_LIMIT = envint("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("SIGN_IN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address as every limit of the site sees it, behind TRUSTED_PROXIES (core/clients.py).
AXES_CLIENT_IP_CALLABLE = "innovationskraft.core.clients.client_address"
AXES_USERNAME_CALLABLE = "innovationskraft.accounts.lockout.username_of"
AXES_LOCKOUT_CALLABLE = "innovationskraft.accounts.lockout.locked_out"
# Successful sign-ins are not logged: the log would keep addresses for no purpose.
AXES_DISABLE_ACCESS_LOG = True
AXES_HTTP_RESPONSE_CODE = 429
# Two-factor sign-in: moderators and administrators need it for the pages below (accounts/
# two_factor.py); the test settings turn it off for the suites that sign moderators in directly.
TWO_FACTOR_FOR_STAFF = envbool("TWO_FACTOR_FOR_STAFF", True)
# What a moderator whose session no code has confirmed may still open: her way to the code,
# the setup, signing out, a new password, and the pages the law requires on every page.
TWO_FACTOR_OPEN_VIEWS = [
    "accounts:profile",
    "accounts:login",
    "accounts:logout",
    "accounts:sign_in_code",
    "accounts:two_factor",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "admin:login",
    "admin:logout",
    "core",
    "healthz",
]
OTP_TOTP_ISSUER = SITE_NAME
# API tokens: how many days a new one works unless its owner chooses otherwise.
API_TOKEN_DAYS = envint("API_TOKEN_DAYS", 90)
