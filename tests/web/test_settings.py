"""Settings: strict boolean variables; nothing written when they are read; private files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from chidao.web.settings import env_bool
from chidao.web.storage import prepare_data_dir


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("TRUE", True), (" yes ", True), ("on", True), ("0", False), ("False", False),
     ("no", False), ("off", False), ("", False)],
)  # fmt: skip
def test_a_boolean_variable_reads_the_usual_words(monkeypatch, value, expected):
    monkeypatch.setenv("CHIDAO_HTTPS", value)

    assert env_bool("CHIDAO_HTTPS", False) is expected


def test_an_unknown_boolean_value_is_an_error_naming_the_variable(monkeypatch):
    monkeypatch.setenv("CHIDAO_HTTPS", "ja")

    with pytest.raises(ImproperlyConfigured, match=r"CHIDAO_HTTPS must be one of .* got 'ja'"):
        env_bool("CHIDAO_HTTPS", False)


def _read_settings(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("CHIDAO_", "DATABASE_URL"))}
    environ.update(CHIDAO_DATA_DIR=str(data_dir), **env)
    return subprocess.run(
        [sys.executable, "-c", "import chidao.web.settings"],
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )


def test_reading_the_settings_writes_nothing_when_the_key_is_given(tmp_path):
    data = tmp_path / "var"

    result = _read_settings(data, CHIDAO_SECRET_KEY="k" * 50)

    assert result.returncode == 0, result.stderr
    assert not data.exists()


def test_the_generated_secret_key_is_the_one_file_written_and_it_is_private(tmp_path):
    data = tmp_path / "var"

    result = _read_settings(data)

    assert result.returncode == 0, result.stderr
    assert [p.name for p in data.iterdir()] == ["secret_key"]
    assert stat.S_IMODE((data / "secret_key").stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_a_wrong_boolean_stops_the_settings_naming_it(tmp_path):
    result = _read_settings(tmp_path, CHIDAO_SECRET_KEY="k" * 50, CHIDAO_DEBUG="maybe")

    assert result.returncode != 0
    assert "CHIDAO_DEBUG must be one of" in result.stderr


def test_the_database_and_uploads_are_created_private(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "var" / "uploads"
    settings.STATIC_ROOT = tmp_path / "var" / "static"
    database = tmp_path / "var" / "chidao.sqlite3"

    prepare_data_dir({"ENGINE": "django.db.backends.sqlite3", "NAME": database})

    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "var").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "var" / "uploads").stat().st_mode) == 0o700
    assert settings.FILE_UPLOAD_PERMISSIONS == 0o600
    assert settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS == 0o700


@pytest.mark.django_db
def test_postgresql_compiles_no_query_just_in_time():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
