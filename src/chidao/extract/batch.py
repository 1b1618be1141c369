"""Extracting many files: expand directories, run in one process or a pool, keep going.

The command line is a thin shell over :func:`iter_records`; the benchmark uses it too.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import ExtractError
from .pipeline import process
from .read import SUPPORTED, read_file
from .record import to_record
from .spans import Options

log = logging.getLogger(__name__)

Result = tuple[str, dict[str, Any] | ExtractError]


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """The files to read: each file as given, each directory's supported files (sorted,
    recursive), ``"-"`` for standard input."""
    out: list[str] = []
    for p in paths:
        s = str(p)
        path = Path(s)
        if s != "-" and path.is_dir():
            out.extend(
                str(f)
                for f in sorted(path.rglob("*"))
                if f.is_file() and f.suffix.lower() in SUPPORTED
            )
        else:
            out.append(s)
    return out


Task = tuple[str, "str | ExtractError | None", Options]


def process_one(task: Task) -> Result:
    """The record of one file (or of text already read), or the error that stopped it."""
    path, raw, options = task
    if isinstance(raw, ExtractError):
        return path, raw
    opts = dataclasses.replace(options, source=path)
    try:
        text = raw if raw is not None else read_file(path)
        doc = process(text, opts)
        if log.isEnabledFor(logging.DEBUG):
            for line in doc.removed:
                log.debug("%s: boilerplate removed: %s", path, line[:120])
        return path, to_record(doc, raw=text, source=opts.source)
    except ExtractError as e:
        return path, e
    except Exception as e:  # one bad file never stops a batch; the error names it
        log.debug("%s: unexpected error", path, exc_info=True)
        return path, ExtractError(path, f"internal error ({type(e).__name__}: {e})")


def iter_records(
    paths: Iterable[str | Path],
    options: Options | None = None,
    jobs: int = 1,
    *,
    progress: bool = False,
    texts: Iterable[tuple[str, str]] | None = None,
) -> Iterator[Result]:
    """``(path, record | ExtractError)`` for every file, in input order.

    ``jobs > 1`` runs a process pool (``imap`` in chunks of 16 documents: fewer round trips
    to the parent, and memory stays flat);
    ``progress`` shows a bar on standard error.  ``texts`` gives ``(name, text)``
    pairs instead of files (standard input, benchmarks).
    """
    options = options or Options()
    if texts is not None:
        tasks: Iterable[Task] = ((name, text, options) for name, text in texts)
        total = None
    else:
        files = expand_paths(paths)
        tasks = [(f, _stdin_text() if f == "-" else None, options) for f in files]
        total = len(files)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False)
    try:
        if jobs <= 1:
            for task in tasks:
                yield _tick(bar, process_one(task))
        else:
            with multiprocessing.get_context().Pool(jobs, initializer=warm_up) as pool:
                for result in pool.imap(_process_pickled, tasks, chunksize=16):
                    yield _tick(bar, _unpickle(result))
    finally:
        if bar is not None:
            bar.close()


_WARM_UP_TEXT = (
    "Sáng 5/4, đồng chí Trần Văn An, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An làm việc "
    "với Ban Thường vụ Huyện ủy Yên Thành về kết quả quý I năm 2024.\n"
    "Thu ngân sách đạt 45,6 tỷ đồng. Tuy nhiên, tiến độ giải ngân còn chậm.\n"
    "Đồng chí yêu cầu huyện hoàn thành trước ngày 30/6/2024; giao Sở Tài chính hướng dẫn.\n"
)


def warm_up() -> None:
    """Build every table and lexicon of the pipeline once (the official units, the
    lexicons, the compiled patterns), by extracting a short report: a pool worker
    calls it once when it starts, not on its first document."""
    process(_WARM_UP_TEXT, Options(source="warm-up"))


def _process_pickled(task: Task) -> tuple[str, Any, bool]:
    """:func:`process_one` for a pool worker: an error travels as (source, message)."""
    path, result = process_one(task)
    if isinstance(result, ExtractError):
        return path, (result.source, result.message), True
    return path, result, False


def _unpickle(item: tuple[str, Any, bool]) -> Result:
    path, result, failed = item
    return (path, ExtractError(*result)) if failed else (path, result)


def _stdin_text() -> str | ExtractError:
    """Standard input is read by the parent: pool workers have none."""
    try:
        return read_file("-")
    except ExtractError as e:
        return e


def _tick(bar: Any, result: Result) -> Result:
    if bar is not None:
        bar.update(1)
    return result
