"""``chidao ingest PATH... [--province NAME] [--published YYYY-MM-DD]``: reports into review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.meetings.services import ingest_paths
from chidao.organisation.provinces import find_province, province_code


class Command(BaseCommand):
    help = (
        "Ingest report files (.txt, .html, .docx, .pdf; directories are recursed) into documents "
        "waiting for review. A report already ingested is recognised by its content. "
        "Exit code 1 when any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
        parser.add_argument(
            "--province",
            default=None,
            help="province of the reports (default: CHIDAO_PROVINCE setting)",
        )
        parser.add_argument(
            "--published", default=None, help="publication date YYYY-MM-DD (gives the year)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["province"] or settings.CHIDAO_PROVINCE
        try:
            code = province_code(find_province(name))
        except LookupError as e:
            raise CommandError(f"--province: {e}") from e
        published = None
        if options["published"]:
            try:
                published = dt.date.fromisoformat(options["published"])
            except ValueError as e:
                raise CommandError(
                    f"--published: {options['published']!r} is not a date YYYY-MM-DD"
                ) from e
        batch = ingest_paths(paths=options["paths"], province_code=code, published=published)
        for result in batch.results:
            (self.stderr if result.error is not None else self.stdout).write(str(result))
        if not batch.results:
            raise CommandError("no report files found in the given paths")
        if batch.failures:
            raise SystemExit(1)
