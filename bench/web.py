"""Benchmark of the web pages on a generated province, beside a plain indexed query.

Measures the province in ``CHIDAO_DATA_DIR`` (generating it there with
``chidao generate --tasks N`` when it has no tasks), through Django's test client, as
the role that uses each page: p50 and p95 over ``--repeat`` requests and the number of
SQL queries of one request. Beside every page, ``<page>_baseline`` times a plain indexed
query that reads the same rows (the floor a page cannot beat). With ``--postgres`` the
same runs again on a throw-away PostgreSQL (``scripts/with-postgres.sh``), generated there.
The process is set up as ``chidao serve`` sets up its workers (templates, catalogues and URL
resolver built, then ``gc.freeze()``); ``--no-freeze`` measures without the freeze, so the
collector's full passes over what the warm-up built fall inside some requests.

    CHIDAO_DATA_DIR=/tmp/province python bench/web.py --tasks 300000 [--json] [--postgres]

``--json`` prints a list of objects with the keys ``page``, ``database`` (``sqlite`` or
``postgresql``), ``p50_ms``, ``p95_ms`` and ``queries``; otherwise a table. Pages not built
yet are skipped with a message on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Figure:
    page: str
    database: str
    p50_ms: float
    p95_ms: float
    queries: int


@dataclass
class Case:
    page: str
    username: str
    url: Callable[[], str]  # may raise NoReverseMatch: the page is not built yet
    baseline: Callable[[], object]
    repeat: int = 0  # 0: the run's --repeat


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return round(p50 * 1000, 1), round(p95 * 1000, 1)


def _time(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm the caches once
    out = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        out.append(time.perf_counter() - began)
    return out


def _setup(tasks: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from chidao.tasks.models import Task

    call_command("migrate", verbosity=0, interactive=False)
    if not Task.objects.exists():
        print(f"generating a province of {tasks:,} tasks ...", file=sys.stderr)
        call_command("generate", tasks=tasks, stdout=sys.stderr)  # stdout: the JSON only


def cases() -> list[Case]:
    """The pages measured, with the baseline query of the same rows."""
    import datetime as dt

    from django.db.models import Count, Q
    from django.urls import reverse
    from django.utils import timezone

    from chidao.meetings.models import Directive, ItemKind, SessionItem
    from chidao.organisation.models import Person, Profile
    from chidao.tasks.models import CLOSED_STATES, Task

    today = timezone.localdate()
    officer = Profile.objects.select_related("unit").get(user__username="gen_canbo")
    unit = officer.unit
    leader = Person.objects.annotate(n=Count("directives")).order_by("-n", "pk").first()
    assert unit is not None and leader is not None
    open_q = ~Q(state__in=CLOSED_STATES)
    overdue = Q(deadline__lt=today) & open_q
    columns = ("pk", "state", "deadline", "directive__text", "unit__name")

    def tasks(q: Q, order: tuple[str, ...] = ("deadline", "id"), offset: int = 0) -> object:
        return list(
            Task.objects.filter(q).order_by(*order).values_list(*columns)[offset : offset + 50]
        )

    def register(**params: object) -> Callable[[], str]:
        def url() -> str:
            from urllib.parse import urlencode

            return reverse("tasks:register") + ("?" + urlencode(params) if params else "")

        return url

    def named(name: str, *args: object, query: str = "") -> Callable[[], str]:
        return lambda: reverse(name, args=args) + query

    def notices(user_id: int) -> object:
        from chidao.notifications.models import Notification

        return list(Notification.objects.filter(recipient_id=user_id).order_by("-created_at")[:50])

    year_ago = today - dt.timedelta(days=365)
    from chidao.tasks.queries import REGISTER_MAX_ROWS

    # the middle page of the register, or the deepest its pages reach (the rest is reached by
    # the filters or the reversed order: ``tasks.queries.REGISTER_MAX_ROWS``)
    deep = min(Task.objects.count() // 100, REGISTER_MAX_ROWS // 50)
    office, boss = "gen_vanphong", "gen_lanhdao"
    return [
        Case("worklist", office, named("tasks:worklist"), lambda: tasks(overdue)),
        Case(
            "register_all",
            office,
            register(),
            lambda: tasks(Q(), ("-directive__session__date", "id")),
        ),
        Case(
            "register_leader",
            office,
            register(leader=leader.pk),
            lambda: tasks(Q(directive__issuer=leader)),
        ),
        Case("register_unit", office, register(unit=unit.pk), lambda: tasks(Q(unit=unit))),
        Case(
            "register_state",
            office,
            register(state="in_progress"),
            lambda: tasks(Q(state="in_progress")),
        ),
        Case("register_overdue", office, register(state="overdue"), lambda: tasks(overdue)),
        Case(
            "register_period",
            office,
            register(period="deadline", date_from=year_ago.isoformat(), date_to=today.isoformat()),
            lambda: tasks(Q(deadline__gte=year_ago, deadline__lte=today)),
        ),
        Case(
            "register_topic",
            office,
            register(topic="Giao thông"),
            lambda: tasks(Q(directive__topic="Giao thông")),
        ),
        Case(
            "register_sort",
            office,
            register(sort="state"),
            lambda: tasks(Q(), ("state", "deadline")),
        ),
        Case(
            "register_search",
            office,
            register(q="thieu hoa"),
            lambda: tasks(Q(directive__text__contains="Thiệu Hóa")),
        ),
        Case(
            "register_deep",
            office,
            register(page=deep),
            lambda: tasks(Q(), ("-directive__session__date", "id"), offset=(deep - 1) * 50),
        ),
        Case("dashboard", office, named("insight:dashboard"), lambda: tasks(overdue)),
        Case("dossier", office, named("insight:dossier", unit.pk), lambda: tasks(Q(unit=unit))),
        Case("unit", office, named("tasks:unit", unit.pk), lambda: tasks(Q(unit=unit))),
        Case(
            "leader",
            boss,
            named("tasks:leader", leader.pk),
            lambda: tasks(Q(directive__issuer=leader)),
        ),
        Case("inbox", "gen_canbo", named("tasks:inbox"), lambda: tasks(Q(unit=unit) & open_q)),
        Case(
            "petitions",
            office,
            named("insight:petitions"),
            lambda: list(SessionItem.objects.filter(kind=ItemKind.PETITION).order_by("-id")[:50]),
        ),
        Case(
            "search_all",
            office,
            named("insight:search", query="?q=thieu+hoa"),
            lambda: list(Directive.objects.filter(text__contains="Thiệu Hóa")[:20]),
        ),
        Case(
            "search_directives",
            office,
            named("insight:search", query="?q=giai+phong+mat+bang&kind=directive"),
            lambda: list(Directive.objects.filter(text__contains="giải phóng mặt bằng")[:20]),
        ),
        Case(
            "notifications",
            "gen_canbo",
            named("notifications:list"),
            lambda: notices(officer.user_id),
        ),
        Case(
            "export_register_xlsx",
            office,
            named("documents:export_register", "xlsx", query=f"?unit={unit.pk}"),
            lambda: list(Task.objects.filter(unit=unit).values_list(*columns)),
            repeat=3,
        ),
    ]


def measure(repeat: int, only: set[str], freeze: bool = True) -> list[Figure]:
    import gc

    from django.contrib.auth import get_user_model
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch

    request_started.disconnect(reset_queries)  # else each request empties the captured queries
    if freeze:  # as ``chidao serve`` does before its workers fork
        from chidao.web.management.commands.serve import warm_up

        warm_up()
        gc.freeze()
    database = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    clients: dict[str, Client] = {}
    figures = []
    for case in cases():
        if only and case.page not in only:
            continue
        try:
            url = case.url()
        except NoReverseMatch:
            print(f"{case.page}: no such page yet, skipped", file=sys.stderr)
            continue
        if case.username not in clients:
            client = Client()
            client.force_login(get_user_model().objects.get(username=case.username))
            clients[case.username] = client
        client = clients[case.username]

        def get(client: Client = client, url: str = url) -> object:
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            if getattr(response, "streaming", False):
                return sum(len(chunk) for chunk in response.streaming_content)  # type: ignore[attr-defined]
            return len(response.content)

        n = case.repeat or repeat
        with CaptureQueriesContext(connection) as captured:
            size = get()
        queries = len(captured)
        p50, p95 = _percentiles(_time(get, n))
        figures.append(Figure(case.page, database, p50, p95, queries))
        with CaptureQueriesContext(connection) as captured:
            case.baseline()
        queries = len(captured)
        b50, b95 = _percentiles(_time(case.baseline, n))
        figures.append(Figure(f"{case.page}_baseline", database, b50, b95, queries))
        print(f"{case.page}: {size:,} bytes, p95 {p95} ms (baseline {b95} ms)", file=sys.stderr)
    return figures


def _table(figures: list[Figure]) -> str:
    lines = [f"{'page':28} {'database':10} {'p50 ms':>9} {'p95 ms':>9} {'queries':>7}"]
    for f in figures:
        lines.append(f"{f.page:28} {f.database:10} {f.p50_ms:9.1f} {f.p95_ms:9.1f} {f.queries:7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=300_000, help="province size to generate")
    parser.add_argument("--repeat", type=int, default=20, help="requests a page (20)")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--postgres", action="store_true", help="also on a throw-away PostgreSQL")
    parser.add_argument("--only", default="", help="comma-separated page names to measure")
    parser.add_argument(
        "--no-freeze", action="store_true", help="no warm-up and gc.freeze() as chidao serve does"
    )
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    only = {p for p in args.only.split(",") if p}

    if args.inner:  # one database, JSON on stdout (run by the outer process)
        _setup(args.tasks)
        print(json.dumps([asdict(f) for f in measure(args.repeat, only, not args.no_freeze)]))
        return 0
    _setup(args.tasks)
    figures = measure(args.repeat, only, not args.no_freeze)
    if args.postgres:
        command = [
            "bash",
            str(ROOT / "scripts" / "with-postgres.sh"),
            sys.executable,
            __file__,
            "--inner",
            f"--tasks={args.tasks}",
            f"--repeat={args.repeat}",
            f"--only={args.only}",
            *(["--no-freeze"] if args.no_freeze else []),
        ]
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
        lines = [x for x in out.stdout.splitlines() if x.startswith("[")]
        if lines:
            figures += [Figure(**f) for f in json.loads(lines[-1])]
    if args.json:
        print(json.dumps([asdict(f) for f in figures], indent=1))
    else:
        print(_table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
