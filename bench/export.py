"""Exports in constant memory: peak Python memory of the XLSX and CSV writers for 2,000 and
20,000 rows, beside a baseline in the same run (openpyxl's ordinary, in-memory workbook with
the same cells). The writers' peak should stay flat as the rows grow tenfold; the baseline's
grows with them.

    .venv/bin/python bench/export.py [--rows 2000,20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="2000,20000")
    counts = [int(x) for x in parser.parse_args(argv).rows.split(",")]
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
