"""``chidao tallies``: check or rebuild the dashboard's roll-up of the tasks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.insight import tallies


class Command(BaseCommand):
    help = (
        "Compare the dashboard's monthly roll-up of the tasks with the tasks (--check, the "
        "default) or write it again from them (--rebuild)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="write the rows again")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rebuild"]:
            rows = tallies.rebuild()
            self.stdout.write(f"{rows:,} rows written")
            return
        wrong = tallies.drift()
        if wrong:
            for (table, key), (have, want) in sorted(wrong.items(), key=str)[:20]:
                self.stderr.write(f"{table} {key}: stored {have}, counted {want}")
            raise CommandError(
                f"{len(wrong):,} rows of the roll-up differ from the tasks: "
                "run `chidao tallies --rebuild`"
            )
        self.stdout.write("the roll-up is the tasks' count")
