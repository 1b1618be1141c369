"""``chidao generate --tasks N``: a generated province of five years in CHIDAO_DATA_DIR."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.demo.generate import GenerateError, generate


class Command(BaseCommand):
    help = (
        "Fill a separate data directory with a generated province (units skewed, five years of "
        "deadlines, every state, history) for benchmarks; refuses a database with real users."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tasks", type=int, default=300_000, help="tasks to generate (300000)")
        parser.add_argument(
            "--province",
            default=None,
            help=f"province (default CHIDAO_PROVINCE, {settings.CHIDAO_PROVINCE})",
        )
        parser.add_argument("--seed", type=int, default=2026, help="random seed (2026)")

    def handle(self, *args: Any, **options: Any) -> None:
        began = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("createcachetable", verbosity=0)
        try:
            result = generate(
                tasks=options["tasks"],
                province=options["province"] or settings.CHIDAO_PROVINCE,
                seed=options["seed"],
            )
        except (GenerateError, LookupError, ValueError) as e:
            raise CommandError(str(e)) from e
        out = self.stdout
        if result.already:
            out.write(
                f"{result.province}: already generated ({result.tasks:,} tasks); nothing changed"
            )
            return
        out.write(
            f"{result.province}: {result.units:,} units, {result.sessions:,} sessions, "
            f"{result.directives:,} directives, {result.tasks:,} tasks, "
            f"{result.events:,} history rows ({time.perf_counter() - began:.1f} s)"
        )
        out.write(f"password of every generated user: {result.password}")
        for role, username in result.logins:
            out.write(f"  {role:8} {username}")
