"""``chidao purge_audit [--days N]``: delete audit events older than the retention."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chidao.audit.services import purge, retention_days


class Command(BaseCommand):
    help = (
        "Delete audit events older than CHIDAO_AUDIT_RETENTION_DAYS (or --days) and expired "
        "login counters. Run it daily (docs/chidao-daily.timer)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="keep this many days instead")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else retention_days()
        if days < 1:
            from django.core.management.base import CommandError

            raise CommandError(f"--days must be at least 1, got {days}")
        n = purge(days=days)
        self.stdout.write(f"{n} audit events older than {days} days deleted")
