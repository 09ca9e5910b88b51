import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from innovationskraft.env import envbool, envint, envlist, secret_key

PROJECT_DIR = Path(__file__).resolve().parents[3]


class TestEnvironmentReaders:
    def test_envbool_reads_common_words(self):
        assert envbool("X", False, environ={"X": "yes"}) is True
        assert envbool("X", True, environ={"X": "Off"}) is False
        assert envbool("X", True, environ={}) is True

    def test_envbool_rejects_a_word_it_does_not_know(self):
        with pytest.raises(ImproperlyConfigured, match="X must be true or false"):
            envbool("X", False, environ={"X": "maybe"})

    def test_envint_reads_numbers_and_rejects_words(self):
        assert envint("N", 5, environ={"N": "12"}) == 12
        assert envint("N", 5, environ={}) == 5
        with pytest.raises(ImproperlyConfigured, match="whole number"):
            envint("N", 5, environ={"N": "twelve"})

    def test_envlist_splits_on_commas_and_drops_blanks(self):
        assert envlist("H", [], environ={"H": "a.se, b.se,,"}) == ["a.se", "b.se"]
        assert envlist("H", ["x"], environ={}) == ["x"]


class TestSecretKey:
    def test_it_uses_the_key_from_the_environment(self):
        assert secret_key(debug=False, environ={"SECRET_KEY": "abc"}) == "abc"

    def test_it_gives_a_development_key_only_in_debug(self):
        assert secret_key(debug=True, environ={}).startswith("insecure-development")

    def test_a_missing_key_outside_debug_is_a_clear_error(self):
        with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set"):
            secret_key(debug=False, environ={"SECRET_KEY": "  "})

    def test_the_app_refuses_to_start_without_a_key(self):
        environ = {
            key: value
            for key, value in os.environ.items()
            if key not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "check"],
            cwd=PROJECT_DIR,
            env=environ,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0
        assert "SECRET_KEY is not set" in result.stderr


class TestDatabaseSettings:
    @pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="SQLite settings",
    )
    def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(self):
        options = settings.DATABASES["default"]["OPTIONS"]
        assert "journal_mode=WAL" in options["init_command"]
        assert "foreign_keys=ON" in options["init_command"]
        assert options["transaction_mode"] == "IMMEDIATE"
        assert options["timeout"] >= 5

    def test_a_file_database_really_switches_to_wal(self, tmp_path):
        environ = {**os.environ, "DATA_DIR": str(tmp_path), "DEBUG": "true"}
        environ.pop("DATABASE_URL", None)
        environ.pop("DJANGO_SETTINGS_MODULE", None)
        script = (
            "import django; django.setup();"
            "from django.db import connection;"
            "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]);"
            "c.execute('PRAGMA foreign_keys'); print(c.fetchone()[0])"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=PROJECT_DIR,
            env={**environ, "DJANGO_SETTINGS_MODULE": "innovationskraft.settings"},
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.split() == ["wal", "1"]
        assert (tmp_path / "db.sqlite3").exists()


# The production environment README.md documents, with a real key.
PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "innovationskraft.example",
    "CSRF_TRUSTED_ORIGINS": "https://innovationskraft.example",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "TRUST_PROXY_HTTPS_HEADER": "true",
    "SITE_OPERATOR_NAME": "Region Exempel",
    "SITE_CONTACT_EMAIL": "innovation@region.example",
}


def manage(*arguments: str, environ: dict[str, str], data_dir: Path):
    base = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' live server allows synchronous database calls in async code for
        # this process; a deployment never does, and the deploy check says so.
        if key
        not in {
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            *PRODUCTION,
        }
        and not key.startswith("SECURE_")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT_DIR,
        env=base | {"DATA_DIR": str(data_dir)} | environ,
        capture_output=True,
        text=True,
        check=False,
    )


class TestProductionSettings:
    def test_the_deploy_check_passes_with_the_documented_production_environment(self, tmp_path):
        result = manage(
            "check", "--deploy", "--fail-level", "WARNING", environ=PRODUCTION, data_dir=tmp_path
        )
        assert result.returncode == 0, result.stderr
        assert "no issues" in result.stdout

    def test_the_readme_production_section_names_every_variable(self):
        readme = (PROJECT_DIR / "README.md").read_text()
        production = readme.split("## Production", 1)[1].split("\n## ", 1)[0]
        for name in PRODUCTION:
            assert f"{name}=" in production, name
        assert "check --deploy --fail-level WARNING" in production

    def test_the_proxy_https_header_is_trusted_only_when_a_setting_says_so(self, tmp_path):
        show = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
        debug = {"DEBUG": "true"}
        plain = manage("shell", "-c", show, environ=debug, data_dir=tmp_path)
        trusted = manage(
            "shell",
            "-c",
            show,
            environ=debug | {"TRUST_PROXY_HTTPS_HEADER": "true"},
            data_dir=tmp_path,
        )
        assert plain.stdout.splitlines()[-1] == "None", plain.stderr
        assert trusted.stdout.splitlines()[-1] == "('HTTP_X_FORWARDED_PROTO', 'https')"

    @pytest.mark.django_db
    def test_plain_http_is_redirected_whatever_a_client_says_but_not_the_health_check(
        self, client, settings
    ):
        settings.SECURE_SSL_REDIRECT = True
        assert client.get("/oppna-data/").status_code == 301
        assert client.get("/healthz").status_code != 301, "a load balancer may ask over HTTP"
        assert client.get("/oppna-data/", HTTP_X_FORWARDED_PROTO="https").status_code == 301
