"""The data directory and its files, created private to the service account.

Called when Django starts (``WebConfig.ready``), never when the settings are read: the data
directory and the uploads directory 0700, the SQLite database file 0600 (it holds password
hashes and sessions; SQLite gives its -wal and -shm files the database file's mode).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings


def private_dir(path: Path) -> None:
    """Create ``path`` (and its parents) as 0700; an existing directory is left as it is."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def private_file(path: Path) -> None:
    """Create the empty file ``path`` as 0600 unless it exists (an existing file is kept)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def prepare_data_dir(database: dict[str, Any] | None = None) -> None:
    """The data directory, the uploads and static directories and the SQLite database file
    (of ``database``, default the settings' default database)."""
    private_dir(Path(settings.DATA_DIR))
    private_dir(Path(settings.MEDIA_ROOT))
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # public assets
    config: Any = database or settings.DATABASES["default"]
    if config["ENGINE"] == "django.db.backends.sqlite3":
        name = str(config["NAME"])
        if name and name != ":memory:" and not name.startswith("file:"):
            private_dir(Path(name).parent)
            private_file(Path(name))
