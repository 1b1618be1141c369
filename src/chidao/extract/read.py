"""Reading files: .txt, .html, .docx, .pdf and standard input, into raw text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .errors import ExtractError
from .pipeline import extract_text
from .spans import Options

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")


def read_file(path: str | Path) -> str:
    """The raw text of a file (``"-"`` reads standard input)."""
    if str(path) == "-":
        return sys.stdin.read()
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ExtractError(str(path), f"cannot read: {e.strerror or e}") from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ExtractError(str(path), f"not UTF-8 text (byte {e.start})") from e


def extract_file(path: str | Path, options: Options | None = None) -> dict[str, Any]:
    """The session record of a file."""
    options = options or Options()
    options.source = str(path)
    return extract_text(read_file(path), options)
