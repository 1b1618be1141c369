"""``chidao demo``: a working installation with data, then serve it on 127.0.0.1.

Migrates the database in CHIDAO_DATA_DIR, creates the cache table, loads the province,
creates one demo user per role, ingests and confirms the sample reports, moves a few
tasks through their states, prints the address and the logins, and serves (Django's
development server with static files; for trying the application, not for production).
Running it again changes nothing and prints the same logins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.demo import setup


class Command(BaseCommand):
    help = "Create the demo database (province, users, sample sessions and tasks), print logins, serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)"
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="port to serve on (default 8000)"
        )
        parser.add_argument(
            "--no-serve", action="store_true", help="prepare the data and print the logins only"
        )
        parser.add_argument(
            "--province",
            default=None,
            help=f"province to load (default CHIDAO_PROVINCE, {settings.CHIDAO_PROVINCE})",
        )
        parser.add_argument(
            "--samples",
            action="append",
            type=Path,
            default=None,
            metavar="PATH",
            help="report files or directories to ingest instead of the shipped samples (repeatable)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="run even though the database has users who are not demo users",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 < options["port"] < 65536:
            raise CommandError(f"--port: {options['port']} is not a port number (1-65535)")
        province = options["province"] or settings.CHIDAO_PROVINCE
        quiet = {"verbosity": 0, "interactive": False}
        call_command("migrate", **quiet)
        call_command("createcachetable", verbosity=0)
        try:
            setup.check_demo_database(force=options["force"])
            samples = (
                setup.sample_files(options["samples"])
                if options["samples"]
                else setup.default_sample_paths()
            )
            result = setup.prepare(
                province=province, samples=samples, password=setup.demo_password()
            )
        except (setup.DemoError, LookupError, ValueError) as e:
            raise CommandError(str(e)) from e
        address = f"http://{options['host']}:{options['port']}/"
        self._print(result, address, serving=not options["no_serve"])
        if not options["no_serve"]:
            # --insecure: static files served by runserver although DEBUG is off (demo only)
            call_command(
                "runserver",
                f"{options['host']}:{options['port']}",
                use_reloader=False,
                insecure_serving=True,
            )

    def _print(self, result: setup.DemoResult, address: str, *, serving: bool) -> None:
        out = self.stdout
        database = settings.DATABASES["default"]
        where = database["NAME"] if "sqlite" in database["ENGINE"] else database["ENGINE"]
        out.write(self.style.SUCCESS("Chỉ đạo demo ready"))
        out.write(f"  database:  {where}")
        out.write(
            f"  province:  {result.province} (code {result.province_code}, {result.units} units)"
        )
        out.write(
            f"  reports:   {result.documents} sample(s); {result.sessions} session(s) confirmed, "
            f"{result.tasks} task(s)"
        )
        for path in result.skipped:
            out.write(f"  not ingested (another province): {path.name}")
        for line in result.left_in_review:
            out.write(f"  left for review: {line}")
        for line in result.moved:
            out.write(f"  task moved: {line}")
        if result.overdue:
            out.write(f"  overdue tasks (deadline passed): {result.overdue}")
        out.write("")
        out.write(f"Logins (every demo account: password {result.password}, kept in")
        out.write(
            f"  {Path(settings.DATA_DIR) / setup.PASSWORD_FILE}; demo only, never in production):"
        )
        for login in result.logins:
            out.write(f"  {login.role:<8} {login.username:<22} {login.description}")
        out.write("")
        if serving:
            out.write(self.style.SUCCESS(f"Open {address} (Ctrl+C to stop)"))
        else:
            out.write(f"Serve it with: chidao demo  (then open {address})")
