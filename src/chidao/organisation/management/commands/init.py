"""``chidao init --province NAME``: load the organisation of a province."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.organisation.services import init_province


class Command(BaseCommand):
    help = (
        "Load a province's units: its communes, wards and special zones, its standard bodies, "
        "and its districts and communes before July 2025 linked to their successors. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--province",
            default=settings.CHIDAO_PROVINCE,
            help='province name, with or without diacritics ("Thanh Hóa", "thanh hoa", '
            '"TP Hồ Chí Minh"); default: CHIDAO_PROVINCE (%(default)s)',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            result = init_province(province=options["province"])
        except LookupError as e:
            raise CommandError(str(e).strip("'\"")) from e
        for line in result.lines():
            self.stdout.write(line)
        self.stdout.write(f"  ({time.monotonic() - started:.1f} s)")
