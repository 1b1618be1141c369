"""``chidao backup DIR [--keep N]``: the database, the uploads and a manifest, one archive."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.backup.archive import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write chidao-backup-<time>.tar.gz into DIR: the database (SQLite online backup or "
        "pg_dump), every upload and manifest.json (row counts, checksums)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", nargs="?", default=os.environ.get("CHIDAO_BACKUP_DIR"))
        parser.add_argument(
            "--keep", type=int, default=None, help="keep only the N newest archives in DIR"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["directory"]:
            raise CommandError("name the directory of the backups (or set CHIDAO_BACKUP_DIR)")
        try:
            path = backup(Path(options["directory"]), keep=options["keep"])
        except BackupError as e:
            raise CommandError(str(e)) from e
        from chidao.audit.models import EventKind
        from chidao.audit.services import record_event

        record_event(kind=EventKind.BACKUP, summary=f"backup {path.name}")
        self.stdout.write(f"{path} ({path.stat().st_size:,} bytes)")
        if settings.SECRET_KEY_FILE is None:
            self.stdout.write(
                "the secret key comes from CHIDAO_SECRET_KEY: not in the archive; keep it "
                "with the backups (a restore needs the same value)"
            )
        else:
            self.stdout.write("the generated secret key is in the archive (mode 0600)")
