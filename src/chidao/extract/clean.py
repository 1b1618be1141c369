"""Stage 1: from raw text to the cleaned text that every offset points into.

Unicode NFC, white space collapsed inside each line, empty lines dropped, one
paragraph per line (joined with "\\n"), and page boilerplate removed.
"""

from __future__ import annotations

import re
import unicodedata

from .spans import Document, Options

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def normalise_lines(raw: str) -> list[str]:
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for line in text.split("\n"):
        line = _WS.sub(" ", line).strip()
        if line:
            lines.append(line)
    return lines


def clean(raw: str, options: Options) -> Document:
    lines = normalise_lines(raw)
    return Document(text="\n".join(lines), options=options)
