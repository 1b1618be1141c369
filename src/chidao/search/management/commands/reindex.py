"""``chidao reindex``: rebuild the search index (after a restore or a bulk import)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chidao.search.index import reindex


class Command(BaseCommand):
    help = "Rebuild the search index of documents, sessions, directives and petitions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--province", default="", help="one province code only")

    def handle(self, *args: Any, **options: Any) -> None:
        count = reindex(options["province"] or None)
        self.stdout.write(f"{count:,} entries indexed")
