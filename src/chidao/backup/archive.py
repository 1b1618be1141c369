"""Backups of an installation: the database, the uploads and a manifest, in one archive.

``backup(directory)`` writes ``chidao-backup-<UTC time>.tar.gz`` holding

- ``db.sqlite3`` (SQLite's online backup API: a consistent copy while the application
  runs) or ``db.dump`` (``pg_dump --format=custom``);
- ``uploads/...``: every file under MEDIA_ROOT;
- ``secret_key`` (mode 0600 in the archive): the key the installation generated in its data
  directory, when it has one. Sessions, password-reset links and every signed value depend on
  it, so a restore on a new machine puts it back (mode 0600) and they stay valid. A key set by
  ``CHIDAO_SECRET_KEY`` is external: not archived, and the manifest says so (the new machine
  needs the same variable);
- ``manifest.json``: engine, time, where the key is (``secret_key``: ``archived`` or
  ``external``), row counts of every table, size and SHA-256 of every file in the archive.

``restore(archive)`` verifies every checksum first, refuses a target that already holds
data (unless ``force``), restores the database and the uploads, then checks the row counts
against the manifest.  Every problem is a :class:`BackupError` naming the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, connections

MANIFEST = "manifest.json"
FORMAT = 1
PREFIX = "chidao-backup-"
KEY_MEMBER = "secret_key"
KEY_ARCHIVED = "archived"  # the generated key file is in the archive
KEY_EXTERNAL = "external"  # CHIDAO_SECRET_KEY set the key: not in the archive


class BackupError(Exception):
    """A backup or a restore that cannot be done; the message names the file and why."""


@dataclass
class Manifest:
    engine: str
    created: str
    counts: dict[str, int]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    format: int = FORMAT
    secret_key: str = KEY_EXTERNAL  # KEY_ARCHIVED or KEY_EXTERNAL

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, source: str) -> Manifest:
        try:
            data = json.loads(text)
            manifest = cls(
                engine=data["engine"],
                created=data["created"],
                counts={str(k): int(v) for k, v in data["counts"].items()},
                files=dict(data["files"]),
                format=int(data.get("format", 0)),
                secret_key=str(data.get("secret_key", KEY_EXTERNAL)),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise BackupError(f"{source}: unreadable manifest ({e})") from e
        if manifest.format != FORMAT:
            raise BackupError(f"{source}: manifest format {manifest.format}, expected {FORMAT}")
        return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"database engine {vendor!r} is not supported (sqlite, postgresql)")
    return vendor


def table_counts() -> dict[str, int]:
    """Rows of every table of every installed model (many-to-many tables included)."""
    tables = sorted(
        {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
        & set(connection.introspection.table_names())
    )
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = int(cursor.fetchone()[0])
    return counts


# ---------------------------------------------------------------- PostgreSQL tools


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    db = connections["default"].settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return env, [*args, "--dbname", str(db["NAME"])]


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as e:
        raise BackupError(f"{cmd[0]} not found: install PostgreSQL's client tools ({what})") from e
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {done.stderr.strip()[-2000:]}")


# ---------------------------------------------------------------- backup


def _dump_database(work: Path, kind: str) -> Path:
    if kind == "sqlite":
        target = work / "db.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)  # online: consistent, readers unaffected
        finally:
            destination.close()
        return target
    target = work / "db.dump"
    env, args = _pg_env_and_args()
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(target),
            *args,
        ],
        env,
        "pg_dump",
    )
    return target


def _key_file() -> Path | None:
    """The generated key's file, or None when the key is external (CHIDAO_SECRET_KEY)."""
    path = getattr(settings, "SECRET_KEY_FILE", None)
    return Path(path) if path and Path(path).is_file() else None


def _private(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.mode = 0o600
    return info


def backup(directory: Path, *, keep: int | None = None, now: dt.datetime | None = None) -> Path:
    """Write one archive into ``directory`` and return its path (see the module docstring).

    Side effects: creates ``directory`` and the archive (mode 600); with ``keep``, deletes all
    but the ``keep`` newest archives of this directory.
    """
    kind = engine()
    now = now or dt.datetime.now(dt.UTC)
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{PREFIX}{now:%Y%m%d-%H%M%S}.tar.gz"
    final = directory / name
    with tempfile.TemporaryDirectory(prefix="chidao-backup-") as tmp:
        work = Path(tmp)
        counts = table_counts()
        db_file = _dump_database(work, kind)
        manifest = Manifest(engine=kind, created=now.isoformat(), counts=counts)
        members: list[tuple[Path, str]] = [(db_file, db_file.name)]
        key_file = _key_file()
        if key_file is not None:
            members.append((key_file, KEY_MEMBER))
            manifest.secret_key = KEY_ARCHIVED
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                members.append((path, "uploads/" + path.relative_to(media).as_posix()))
        for path, arcname in members:
            manifest.files[arcname] = {"size": path.stat().st_size, "sha256": _sha256(path)}
        (work / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
        partial = directory / (name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work / MANIFEST, arcname=MANIFEST)
            for path, arcname in members:
                tar.add(path, arcname=arcname, filter=_private if arcname == KEY_MEMBER else None)
        partial.chmod(0o600)
        partial.replace(final)  # a half-written archive never looks like a backup
    if keep is not None and keep > 0:
        archives = sorted(directory.glob(f"{PREFIX}*.tar.gz"))
        for old in archives[:-keep]:
            old.unlink()
    return final


# ---------------------------------------------------------------- restore


def _extract_verified(archive: Path, work: Path) -> Manifest:
    source = str(archive)
    try:
        tar = tarfile.open(archive, "r:gz")
    except (OSError, tarfile.TarError) as e:
        raise BackupError(f"{source}: not a readable backup archive ({e})") from e
    with tar:
        try:
            member = tar.extractfile(MANIFEST)
        except KeyError as e:
            raise BackupError(f"{source}: no {MANIFEST} in the archive") from e
        if member is None:
            raise BackupError(f"{source}: no {MANIFEST} in the archive")
        manifest = Manifest.from_json(member.read().decode("utf-8"), source)
        names = {m.name for m in tar.getmembers()} - {MANIFEST}
        if names != set(manifest.files):
            missing = sorted(set(manifest.files) - names)[:5]
            extra = sorted(names - set(manifest.files))[:5]
            raise BackupError(
                f"{source}: files differ from the manifest (missing {missing}, extra {extra})"
            )
        tar.extractall(work, filter="data")  # no absolute paths, no links out of ``work``
    for arcname, meta in manifest.files.items():
        path = work / arcname
        if not path.is_file() or _sha256(path) != meta["sha256"]:
            raise BackupError(f"{source}: {arcname} does not match its checksum in the manifest")
    return manifest


def has_data() -> bool:
    """Whether the current database holds any row (a restore would overwrite it)."""
    existing = set(connection.introspection.table_names())
    if not existing:
        return False
    counts = table_counts()
    return any(n for table, n in counts.items() if table != "django_migrations")


def restore(archive: Path, *, force: bool = False) -> Manifest:
    """Restore an archive into the configured database and data directory.

    Side effects: replaces the database (SQLite file, or every object of the PostgreSQL
    database), writes the uploads under MEDIA_ROOT and, when the archive holds the generated
    secret key, writes it (mode 0600) where this installation keeps its key file.  Refuses (BackupError) when the target
    already holds data unless ``force``, when a checksum does not match, when the archive's
    engine is not the configured one, and when the row counts differ after the restore.
    """
    kind = engine()
    with tempfile.TemporaryDirectory(prefix="chidao-restore-") as tmp:
        work = Path(tmp)
        manifest = _extract_verified(archive, work)
        if manifest.engine != kind:
            raise BackupError(
                f"{archive}: a {manifest.engine} backup cannot be restored into {kind} "
                "(use the same engine, then `chidao dumpdata`/`loaddata` to move between them)"
            )
        if not force and has_data():
            raise BackupError(
                f"{archive}: the target database already holds data; restore into an empty "
                "data directory or database, or pass --force to replace it"
            )
        media = Path(settings.MEDIA_ROOT)
        if not force and media.is_dir() and any(p.is_file() for p in media.rglob("*")):
            raise BackupError(
                f"{archive}: {media} already holds files; pass --force to replace them"
            )
        if kind == "sqlite":
            _restore_sqlite(work / "db.sqlite3")
        else:
            _restore_postgres(work / "db.dump")
        if media.is_dir() and force:
            shutil.rmtree(media)
        uploads = work / "uploads"
        if uploads.is_dir():
            shutil.copytree(uploads, media, dirs_exist_ok=True)
        if manifest.secret_key == KEY_ARCHIVED:
            _put_key((work / KEY_MEMBER).read_text(encoding="utf-8").strip())
    counts = table_counts()
    differ = {t: (n, counts.get(t)) for t, n in manifest.counts.items() if counts.get(t) != n}
    if differ:
        raise BackupError(f"{archive}: row counts differ after the restore: {differ}")
    return manifest


def key_path() -> Path:
    """Where this installation keeps (or would keep) its generated key."""
    path = getattr(settings, "SECRET_KEY_FILE", None)
    return Path(path) if path else Path(settings.DATA_DIR) / KEY_MEMBER


def _put_key(key: str) -> None:
    path = key_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(key)
    path.chmod(0o600)  # a key file that existed keeps no wider mode


def key_notice(manifest: Manifest) -> str:
    """What a restore did with the secret key, for the person who ran it."""
    if manifest.secret_key == KEY_ARCHIVED:
        where = f"secret key restored into {key_path()} (mode 0600)"
        if getattr(settings, "SECRET_KEY_FILE", None) is None:
            return (
                f"{where}; but CHIDAO_SECRET_KEY is set and wins: unset it (or set it to that "
                "key) or the sessions, password-reset links and signed values are invalid"
            )
        return where + ": sessions, password-reset links and signed values stay valid"
    return (
        "the backup's secret key was external (CHIDAO_SECRET_KEY), not in the archive: set "
        "the same CHIDAO_SECRET_KEY here, or sessions, password-reset links and signed values "
        "of the backup are invalid"
    )


def _restore_sqlite(source: Path) -> None:
    target = Path(connections["default"].settings_dict["NAME"])
    connections.close_all()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # page by page into the live file (WAL and locks respected)
    finally:
        src.close()
        dst.close()


def _restore_postgres(dump: Path) -> None:
    connections.close_all()
    env, args = _pg_env_and_args()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(dump),
        ],
        env,
        "pg_restore",
    )
