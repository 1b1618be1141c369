"""``chidao extract PATH...``: a thin shell over :mod:`chidao.extract.batch`.

Exit codes: 0 all files extracted, 1 some file failed (the errors are listed at the
end on standard error), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from typing import Any, TextIO

from .batch import iter_records
from .errors import ExtractError
from .render import render_text
from .spans import Options

log = logging.getLogger("chidao.extract")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {value!r} (expected YYYY-MM-DD, e.g. 2024-04-05)"
        ) from None


def _province(value: str) -> str:
    from .units import province_name

    name = province_name(value)
    if not name:
        raise argparse.ArgumentTypeError(f"unknown province {value!r}")
    return name


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number of jobs {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"invalid number of jobs {value!r} (0 means all cores)")
    return n or os.cpu_count() or 1


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``chidao extract``."""
    ap = argparse.ArgumentParser(
        prog="chidao extract",
        description="Extract session records from working-session reports "
        "(.txt, .html, .docx, .pdf; a directory means every such file in it; - is stdin).",
    )
    ap.add_argument("paths", nargs="*", metavar="PATH")
    ap.add_argument("--schema", action="store_true",
                    help="print the JSON Schema of the record and exit")  # fmt: skip
    ap.add_argument("--format", choices=["json", "jsonl", "text"], default="json",
                    help="json: one object (an array for several files); jsonl: one record "
                    "per line; text: the cleaned text with the items marked")  # fmt: skip
    ap.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                    help="publication date of the page, for the year of the session")  # fmt: skip
    ap.add_argument("--received", type=_date, metavar="YYYY-MM-DD",
                    help="the day the text was received: the session is never after it "
                    "(default: today, unless --published is given)")  # fmt: skip
    ap.add_argument("--province", type=_province, metavar="NAME",
                    help="the province, when known (with or without diacritics)")  # fmt: skip
    ap.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                    help="worker processes (0: one per core)")  # fmt: skip
    ap.add_argument("-v", "--verbose", action="count", default=0, help="log progress (-vv: debug)")
    return ap


class _Writer:
    """Writes records in the chosen format as they come (nothing is accumulated)."""

    def __init__(self, fmt: str, out: TextIO, many: bool) -> None:
        self.fmt, self.out, self.many, self.n = fmt, out, many, 0

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "text":
            if self.n:
                self.out.write("\n" + "=" * 72 + "\n")
            self.out.write(render_text(record))
        else:
            body = json.dumps(record, ensure_ascii=False, indent=1)
            if self.many:
                body = ("[\n" if self.n == 0 else ",\n") + body
            self.out.write(body + ("" if self.many else "\n"))
        self.n += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json" and self.many:
            self.out.write(("[" if self.n == 0 else "") + "\n]\n")


def main(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``chidao extract`` with ``argv``; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        a = parser().parse_args(argv)
    except SystemExit as e:  # argparse prints the usage error itself
        return int(e.code or 0)
    if a.schema:
        from .record import json_schema

        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n")
        return 0
    if not a.paths:
        print("chidao extract: give at least one PATH (or - for standard input)", file=err)
        return 2
    logging.basicConfig(stream=err, format="chidao extract: %(levelname)s: %(message)s")
    logging.getLogger("chidao").setLevel(logging.WARNING - 10 * min(a.verbose, 2))
    options = Options(published=a.published, received=a.received, province=a.province)
    from .batch import expand_paths

    paths = expand_paths(a.paths)
    if not paths:
        print("chidao extract: no supported files in " + ", ".join(a.paths), file=err)
        return 1
    writer = _Writer(a.format, out, many=len(paths) > 1)
    errors: list[ExtractError] = []
    progress = len(paths) > 1 and err.isatty()
    try:
        for path, result in iter_records(paths, options, a.jobs, progress=progress):
            if isinstance(result, ExtractError):
                errors.append(result)
                log.info("%s: failed", path)
                continue
            log.info("%s: %d directives", path, len(result.get("directives", [])))
            writer.write(result)
        writer.close()
    except BrokenPipeError:  # `chidao extract ... | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    for failure in errors:
        print(f"chidao extract: {failure}", file=err)
    return 1 if errors else 0
