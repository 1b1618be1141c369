"""``chidao restore FILE [--force]``: an archive of ``chidao backup`` into this installation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.backup.archive import BackupError, key_notice, restore


class Command(BaseCommand):
    help = (
        "Restore a chidao backup archive into the configured data directory and database "
        "(checksums verified first, row counts after). Refuses a target holding data unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive")
        parser.add_argument(
            "--force", action="store_true", help="replace the data already in the target"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"{archive}: no such file")
        try:
            manifest = restore(archive, force=options["force"])
        except BackupError as e:
            raise CommandError(str(e)) from e
        rows = sum(manifest.counts.values())
        uploads = sum(1 for name in manifest.files if name.startswith("uploads/"))
        self.stdout.write(
            f"restored {archive.name}: {rows:,} rows in {len(manifest.counts)} tables, "
            f"{uploads} uploaded files (backup of {manifest.created})"
        )
        self.stdout.write(key_notice(manifest))
