import os
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
