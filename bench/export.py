"""Exports in constant memory: peak Python memory of the XLSX and CSV writers for 2,000 and
20,000 rows, beside a baseline in the same run (openpyxl's ordinary, in-memory workbook with
the same cells). The writers' peak should stay flat as the rows grow tenfold; the baseline's
grows with them.

    .venv/bin/python bench/export.py [--rows 2000,20000]

``--province``: the register's .xlsx and .csv exports of the generated province in
``CHIDAO_DATA_DIR`` (``chidao generate``), downloaded whole through the view as the office
does, filtered by the session date so that about ``--rows`` tasks (10,000 and 100,000 by
default) are written: each download in a fresh process, its peak resident memory (RSS, the
process's high-water mark) and peak Python memory (tracemalloc) beside the same process's
memory before the request (the baseline: Django, the database connection, the signed-in
client), and the rows written.

    CHIDAO_DATA_DIR=/tmp/province .venv/bin/python bench/export.py --province [--rows 10000,100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.web.settings")


@dataclass
class Row:
    n: int
    text: str
    unit: str
    deadline: dt.date
    progress: int


def rows(count: int):
    for n in range(count):
        yield Row(
            n,
            f"Đề nghị UBND xã số {n} hoàn thành giải phóng mặt bằng dự án đường ven biển trước quý II/2026.",
            f"Xã số {n % 166}",
            dt.date(2026, 6, 30) + dt.timedelta(days=n % 90),
            n % 101,
        )


def measure(label: str, fn) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    started = time.perf_counter()
    fn()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return label, peak / 2**20, seconds


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _register_download(kind: str, rows: int, traced: bool) -> dict[str, float]:
    """In this process: download the register filtered to about ``rows`` tasks (the newest
    sessions), streamed to nowhere; the memory before and at the peak, the rows written."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from chidao.tasks.models import Task

    dates = Task.objects.exclude(session_date=None).order_by("-session_date")
    since = dates.values_list("session_date", flat=True)[rows - 1]
    written = Task.objects.filter(session_date__gte=since).count()
    client = Client()
    client.force_login(get_user_model().objects.get(username="gen_vanphong"))
    url = reverse("documents:export_register", args=[kind])
    query = {"period": "session", "date_from": since.isoformat()}
    client.get(reverse("tasks:register"), query)  # warm: templates, translations, caches
    if traced:
        tracemalloc.start()
    before = _peak_rss_mib()
    started = time.perf_counter()
    response = client.get(url, query)
    assert response.status_code == 200, response.status_code
    size = sum(len(chunk) for chunk in response.streaming_content)  # type: ignore[attr-defined]
    seconds = time.perf_counter() - started
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else 0.0
    return {
        "rows": written,
        "bytes": size,
        "seconds": round(seconds, 1),
        "rss_before_mib": round(before, 1),
        "rss_peak_mib": round(_peak_rss_mib(), 1),
        "traced_peak_mib": round(traced_peak, 1),
    }


def province(counts: list[int], traced: bool) -> int:
    print(
        f"{'export':<8}{'rows':>9}{'MB':>8}{'s':>7}{'RSS before':>12}{'RSS peak':>10}"
        f"{'growth':>8}{'py peak':>9}  (MiB)"
    )
    for kind in ("xlsx", "csv"):
        for count in counts:
            command = [sys.executable, __file__, "--inner", kind, str(count)]
            if traced:
                command.append("--traced")
            out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{kind:<8}{r['rows']:>9,}{r['bytes'] / 1e6:>8.1f}{r['seconds']:>7.1f}"
                f"{r['rss_before_mib']:>12.1f}{r['rss_peak_mib']:>10.1f}"
                f"{r['rss_peak_mib'] - r['rss_before_mib']:>8.1f}{r['traced_peak_mib']:>9.1f}"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="")
    parser.add_argument("--province", action="store_true", help="the generated province's register")
    parser.add_argument("--traced", action="store_true", help="also tracemalloc (slower)")
    parser.add_argument("--inner", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        kind, count = args.inner
        print(json.dumps(_register_download(kind, int(count), args.traced)))
        return 0
    if args.province:
        return province([int(x) for x in (args.rows or "10000,100000").split(",")], args.traced)
    counts = [int(x) for x in (args.rows or "2000,20000").split(",")]
    import django

    django.setup()
    from openpyxl import Workbook

    from chidao.documents.exports import Column, Listing, csv_lines, write_xlsx

    columns = [
        Column("STT", lambda r: r.n, 6, "number"),
        Column("Nội dung chỉ đạo", lambda r: r.text, 70),
        Column("Đơn vị", lambda r: r.unit, 20),
        Column("Thời hạn", lambda r: r.deadline, 12, "date"),
        Column("Tiến độ (%)", lambda r: r.progress, 8, "number"),
    ]

    def streamed_xlsx(count: int) -> None:
        with open(os.devnull, "wb") as sink:
            write_xlsx(Listing("Sổ", "so", columns, rows(count)), sink)

    def streamed_csv(count: int) -> None:
        for _line in csv_lines(Listing("Sổ", "so", columns, rows(count))):
            pass

    def baseline_xlsx(count: int) -> None:
        wb = Workbook()
        ws = wb.active
        for r in rows(count):
            ws.append([c.value(r) for c in columns])
        wb.save(io.BytesIO())

    print(f"{'writer':<34}{'rows':>8}{'peak MiB':>12}{'seconds':>10}")
    for count in counts:
        for label, fn in (
            ("xlsx write-only (chidao)", streamed_xlsx),
            ("csv streamed (chidao)", streamed_csv),
            ("xlsx in memory (baseline)", baseline_xlsx),
        ):
            name, peak, seconds = measure(label, lambda fn=fn, count=count: fn(count))
            print(f"{name:<34}{count:>8}{peak:>12.1f}{seconds:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
