"""`chidao backup` / `chidao restore`: database, uploads and manifest; a restore into an empty
data directory (SQLite) or database (PostgreSQL) gives identical data."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from chidao.audit.models import EventKind
from chidao.audit.services import record_event
from chidao.backup.archive import BackupError, backup, restore
from chidao.meetings import services as meetings

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = (
    "Sáng 14/3/2026, đồng chí Đào Minh Khôi, Chủ tịch UBND tỉnh làm việc với xã An Bình. "
    "Đồng chí đề nghị UBND xã An Bình hoàn thành cải tạo chợ trung tâm trước ngày 30/9/2026."
)


KEY = "k3y-sinh-ra-cho-tinh-nay-" + "x" * 38


@pytest.fixture(autouse=True)
def generated_key(settings, tmp_path):
    """The installation's key, generated in its data directory (as without CHIDAO_SECRET_KEY)."""
    path = tmp_path / "data" / "secret_key"
    path.parent.mkdir()
    path.write_text(KEY)
    path.chmod(0o600)
    settings.SECRET_KEY, settings.SECRET_KEY_FILE = KEY, path
    return path


@pytest.fixture
def installation(office, unit_a, settings):
    """A little of everything: a user with a role, a unit, an uploaded report, an audit event."""
    upload = SimpleUploadedFile("an-binh-cho.txt", REPORT.encode())
    doc, _ = meetings.ingest_file(file=upload, province_code="38", actor=office)
    record_event(kind=EventKind.EXPORT, actor=office, summary="so-theo-doi.xlsx")
    return doc


def rows(cursor, table):
    """Every row of a table: as values on SQLite; as the server's text of each row on
    PostgreSQL (so that two connections' type adapters do not matter)."""
    quoted = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        cursor.execute("SET TIME ZONE 'UTC'")
        cursor.execute(f"SELECT t::text FROM {quoted} t ORDER BY 1")
    else:
        cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")
    return [tuple(r) for r in cursor.fetchall()]


def test_the_archive_holds_the_database_the_uploads_and_a_manifest(installation, tmp_path):
    archive = backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert manifest["engine"] == connection.vendor
    assert manifest["counts"]["meetings_sourcedocument"] == 1
    assert manifest["counts"]["auth_user"] >= 1 and manifest["counts"]["audit_auditevent"] >= 1
    upload = installation.file.name
    assert f"uploads/{upload}" in manifest["files"] and f"uploads/{upload}" in names
    assert len(manifest["files"][f"uploads/{upload}"]["sha256"]) == 64
    assert oct(archive.stat().st_mode & 0o777) == "0o600"


def test_it_refuses_to_restore_over_data(installation, tmp_path):
    archive = backup(tmp_path)
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(archive))


def test_it_refuses_an_archive_whose_file_does_not_match_its_checksum(installation, tmp_path):
    archive = backup(tmp_path)
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(tampered, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name.startswith("uploads/"):
                data = data.replace(b"30/9/2026", b"30/9/2029")
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match=r"uploads/.*does not match its checksum"):
        restore(tampered, force=True)


def test_it_keeps_only_the_newest_archives(installation, tmp_path):
    import datetime as dt

    for day in (1, 2, 3):
        backup(tmp_path, keep=2, now=dt.datetime(2026, 3, day, 1, 30, tzinfo=dt.UTC))
    assert sorted(p.name for p in tmp_path.glob("*.tar.gz")) == [
        "chidao-backup-20260302-013000.tar.gz",
        "chidao-backup-20260303-013000.tar.gz",
    ]


def test_the_generated_key_is_in_the_archive_private_and_the_manifest_says_so(
    installation, tmp_path
):
    archive = backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        member = tar.getmember("secret_key")
        key = tar.extractfile(member).read().decode()
    assert (manifest["secret_key"], key, oct(member.mode)) == ("archived", KEY, "0o600")
    assert "secret_key" in manifest["files"]


def test_a_key_from_the_environment_is_not_archived_and_the_manifest_says_external(
    installation, tmp_path, settings
):
    settings.SECRET_KEY_FILE = None  # CHIDAO_SECRET_KEY set it
    archive = backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["secret_key"] == "external" and "secret_key" not in names


def _restore_elsewhere(archive: Path, data_dir: Path, database_url: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIDAO_")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env["CHIDAO_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    done = subprocess.run(
        [sys.executable, "-m", "chidao.cli", "restore", str(archive)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "restored" in done.stdout
    return done.stdout


def _unsign_elsewhere(token: str, data_dir: Path, database_url: str | None) -> str:
    """``token`` read back by a new process on the restored data directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIDAO_")}
    env.pop("DATABASE_URL", None)
    env["CHIDAO_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    code = (
        "import django, os, sys; os.environ['DJANGO_SETTINGS_MODULE'] = 'chidao.web.settings'; "
        "django.setup(); from django.core import signing; print(signing.loads(sys.argv[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, token], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_restore_into_an_empty_installation_gives_identical_data(installation, tmp_path):
    archive = backup(tmp_path / "backups")
    manifest = json.loads(tarfile.open(archive).extractfile("manifest.json").read())
    target = tmp_path / "fresh"
    url = None
    if connection.vendor == "sqlite":
        said = _restore_elsewhere(archive, target, None)
        import sqlite3

        flags = sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES  # as Django reads it
        restored = sqlite3.connect(target / "chidao.sqlite3", detect_types=flags)
        other = restored.cursor()
        close = restored.close
    else:
        import psycopg

        name = f"restore_{uuid.uuid4().hex[:10]}"
        with connection.cursor() as c:
            c.execute(f"CREATE DATABASE {name}")
        params = connection.settings_dict
        url = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{name}"
        said = _restore_elsewhere(archive, target, url)
        restored = psycopg.connect(url.replace("postgres://", "postgresql://"))
        other = restored.cursor()

        def close():
            restored.close()
            with connection.cursor() as c:
                c.execute(f"DROP DATABASE {name}")

    try:
        with connection.cursor() as mine:
            for table in manifest["counts"]:
                assert rows(other, table) == rows(mine, table), table
    finally:
        close()
    upload = Path(installation.file.path)
    copy = target / "uploads" / installation.file.name
    assert copy.read_bytes() == upload.read_bytes()
    assert "secret key restored" in said and (target / "secret_key").read_text() == KEY


def test_a_restore_on_a_new_machine_keeps_signed_values_valid(installation, tmp_path):
    """Sessions, password-reset links and signed values: the restored key reads them."""
    if connection.vendor != "sqlite":
        pytest.skip("the key is the same file on both engines: one restore is enough here")
    from django.core import signing

    token = signing.dumps({"dat-lai-mat-khau": "vanphong"})
    archive = backup(tmp_path / "backups")
    target = tmp_path / "new-machine"
    _restore_elsewhere(archive, target, None)
    key = target / "secret_key"
    assert (key.read_text(), oct(key.stat().st_mode & 0o777)) == (KEY, "0o600")
    assert _unsign_elsewhere(token, target, None) == "{'dat-lai-mat-khau': 'vanphong'}"
