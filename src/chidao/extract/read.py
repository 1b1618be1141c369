"""Reading files into raw text: .txt, .html/.htm, .docx, .pdf and standard input.

Every failure is an :class:`ExtractError` naming the file: unreadable, too large,
binary or undecodable text, a corrupt or encrypted document, a ZIP bomb posing as
a .docx, a PDF without a text layer.
"""

from __future__ import annotations

import codecs
import dataclasses
import html
import io
import logging
import re
import sys
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from .errors import ExtractError
from .pipeline import extract_text
from .spans import Options

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")

MAX_TEXT_BYTES = 8 * 1024 * 1024  # a .txt file (a report is ~50 kB)
MAX_DOC_BYTES = 32 * 1024 * 1024  # a .docx, .pdf or .html file (pictures included)
MAX_CHARS = 2_000_000  # the text read from any file
# a .docx or .xlsx is a ZIP: its members are inflated as a stream and refused past these
# (counting the bytes actually inflated, never the sizes the ZIP headers declare)
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024  # all members together
MAX_PART_BYTES = 24 * 1024 * 1024  # one member (word/document.xml of a 2M-character report)
MAX_RATIO = 200  # inflated / compressed size of one member, past 1 MB
MAX_MEMBERS = 5_000
ZIP_CHUNK = 64 * 1024
MAX_PDF_PAGES = 500


def _limit(source: str, data: bytes, limit: int) -> None:
    if len(data) > limit:
        raise ExtractError(
            source, f"file too large ({len(data):,} bytes; the limit is {limit:,} bytes)"
        )


def _read_bytes(path: str | Path, limit: int, stdin: BinaryIO | None = None) -> bytes:
    source = str(path)
    if source == "-":
        stream = stdin or sys.stdin.buffer
        data = stream.read(limit + 1)
        _limit("<stdin>", data, limit)
        return data
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limit:
            raise ExtractError(
                source, f"file too large ({size:,} bytes; the limit is {limit:,} bytes)"
            )
        if p.is_dir():
            raise ExtractError(source, "is a directory")
        return p.read_bytes()
    except OSError as e:
        raise ExtractError(source, f"cannot read: {e.strerror or e}") from e


def decode_text(data: bytes, source: str) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _no_nul(data.decode("utf-16"), source)
        except UnicodeDecodeError as e:
            raise ExtractError(source, f"not valid UTF-16 text (byte {e.start})") from e
    if b"\x00" in data[:8192]:
        raise ExtractError(source, "binary data, not a text file")
    try:
        return _no_nul(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError as e:
        raise ExtractError(
            source, f"not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start})"
        ) from e


def check_length(text: str, source: str) -> str:
    """``text`` unchanged, or :class:`ExtractError` when it is longer than ``MAX_CHARS``.

    The one limit of every text given to the extractor: a file's text, a pasted report, the
    API's payload.  Callers check it before any other work."""
    if len(text) > MAX_CHARS:
        raise ExtractError(
            source, f"text too long ({len(text):,} characters; the limit is {MAX_CHARS:,})"
        )
    return text


_check_chars = check_length  # the former private name


def _no_nul(text: str, source: str) -> str:
    """A NUL character is no text (PostgreSQL refuses to store it): refused, naming where."""
    at = text.find("\x00")
    if at >= 0:
        raise ExtractError(
            source, f"a NUL character at offset {at:,}: this is not a plain text file"
        )
    return text


# ---------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, source: str) -> str:
    try:
        return decode_text(data, source)
    except ExtractError:
        m = _META_CHARSET.search(data[:4096])
        if not m:
            raise
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError) as e:
            raise ExtractError(source, f"cannot decode as {m.group(1).decode()}: {e}") from e


class _TextParser(HTMLParser):
    """Plain text of an HTML page: block elements become line breaks; scripts dropped."""

    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
             "article", "header", "footer", "figcaption", "blockquote", "td", "th", "title"}  # fmt: skip
    SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_plain_text(markup: str) -> str:
    """Every visible text of a page, one block per line (the fallback of :func:`html_text`)."""
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser copes with most tag soup; never fail on it
        log.debug("html.parser gave up", exc_info=True)
    return "".join(parser.parts)


_FIGURE = re.compile(r"</?figure\b[^>]*>", re.IGNORECASE)
_FIGCAPTION = re.compile(r"<(/?)figcaption\b", re.IGNORECASE)


def _captions_as_paragraphs(markup: str) -> str:
    """Photo captions as paragraphs: trafilatura drops figures, but a caption placed after
    a paragraph names its speaker ("Chủ tịch UBND tỉnh Trần Văn Phúc")."""
    return _FIGCAPTION.sub(r"<\1p", _FIGURE.sub("", markup))


def html_text(markup: str, source: str = "-") -> str:
    """The headline and main text of a web page (trafilatura), or its plain text."""
    import trafilatura

    title = None
    body = None
    try:
        doc = trafilatura.bare_extraction(
            _captions_as_paragraphs(markup),
            include_comments=False,
            include_tables=True,
            with_metadata=True,
        )
    except Exception:  # trafilatura raises assorted errors on broken markup
        log.debug("%s: trafilatura failed", source, exc_info=True)
        doc = None
    date = None
    if doc is not None:
        title = getattr(doc, "title", None)
        body = getattr(doc, "text", None)
        date = _page_date(getattr(doc, "date", None))
    if not body or not body.strip():
        log.info("%s: no main text found, falling back to plain text", source)
        return html.unescape(html_plain_text(markup))
    # the headline, then the page's date as a dateline (the cleaner keeps it in doc.dateline)
    head = "\n".join(x for x in (title, date) if x)
    return f"{head}\n\n{body}" if head else body


def _page_date(value: str | None) -> str | None:
    """trafilatura's "YYYY-MM-DD" as a Vietnamese dateline "DD/MM/YYYY"."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else None


# ---------------------------------------------------------------- DOCX


class _Inflated(Exception):
    """A ZIP member inflated past a limit while being read."""


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """A member's bytes as actually inflated, read in small chunks: never more than
    ``budget`` bytes (nor ``MAX_PART_BYTES``, nor ``MAX_RATIO`` times its compressed size past
    1 MB) are produced, whatever the ZIP headers declare."""
    cap = min(budget, MAX_PART_BYTES)
    ratio_cap = max(1024 * 1024, MAX_RATIO * max(info.compress_size, 1))
    out = io.BytesIO()
    size = 0
    with zf.open(info) as member:
        while True:
            chunk = member.read(ZIP_CHUNK)  # read(n) inflates at most n bytes at a time
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise _Inflated(f"member {info.filename!r} inflates beyond {cap:,} bytes")
            if size > ratio_cap:
                raise _Inflated(
                    f"member {info.filename!r} inflates more than {MAX_RATIO} times its "
                    "compressed size"
                )
            out.write(chunk)
    return out.getvalue()


def safe_zip(data: bytes, source: str, *, kind: str = ".docx", required: str = "") -> bytes:
    """The ZIP ``data`` (a .docx or an .xlsx) rebuilt from its members as actually inflated.

    ZIP headers can lie about sizes (a member declared at 900 kB inflating to 3 GB), and
    ``zipfile.read`` inflates a whole member in one call, so no library may open an upload's
    ZIP directly: every member is inflated here as a stream, in chunks, with a hard cap on the
    bytes actually produced (``MAX_PART_BYTES`` a member, ``MAX_UNZIPPED_BYTES`` in all, and
    ``MAX_RATIO``), its CRC checked, and stored uncompressed in a new ZIP that python-docx or
    openpyxl can then open safely.  ``required`` names a member the format must have
    ("word/document.xml", "xl/workbook.xml").  Raises :class:`ExtractError` naming ``source``.
    """
    label = kind.lstrip(".")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ExtractError(source, f"not a valid .{label} (corrupt ZIP: {e})") from e
    out = io.BytesIO()
    with zf, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as rebuilt:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ExtractError(source, f"refused: {len(infos):,} ZIP members (suspected ZIP bomb)")
        if required and required not in zf.namelist():
            raise ExtractError(source, f"not a .{label} (no {required} in the ZIP)")
        budget = MAX_UNZIPPED_BYTES
        for info in infos:
            if info.is_dir():
                continue
            try:
                blob = _inflate(zf, info, budget)
            except _Inflated as e:
                raise ExtractError(source, f"refused: {e} (suspected ZIP bomb)") from e
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as e:
                # a CRC that does not match is what a header lying about the size gives
                raise ExtractError(source, f"not a valid .{label} (corrupt ZIP: {e})") from e
            budget -= len(blob)
            rebuilt.writestr(info.filename, blob)
    return out.getvalue()


def check_zip(data: bytes, source: str) -> None:
    """Refuse a .docx that is corrupt or inflates beyond the limits (a ZIP bomb)."""
    safe_zip(data, source, kind=".docx", required="word/document.xml")


def docx_text(data: bytes, source: str) -> str:
    """Paragraphs and table rows of a .docx, in document order, one per line."""
    package = safe_zip(data, source, kind=".docx", required="word/document.xml")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(package))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(_table_lines(block))
    except ExtractError:
        raise
    except Exception as e:  # lxml, KeyError, zipfile errors of a broken package
        raise ExtractError(source, f"not a readable .docx ({type(e).__name__}: {e})") from e
    return "\n".join(lines)


def xlsx_workbook(data: bytes, source: str) -> Any:
    """An .xlsx upload opened by openpyxl (read-only, values not formulas) after
    :func:`safe_zip`: the one way the application reads a spreadsheet it is given."""
    package = safe_zip(data, source, kind=".xlsx", required="xl/workbook.xml")
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(package), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises assorted errors on a broken workbook
        raise ExtractError(source, f"not a readable .xlsx ({type(e).__name__}: {e})") from e


def _table_lines(table: Any) -> list[str]:
    out = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:  # merged cells repeat: keep each text once
            t = " ".join(cell.text.split())
            if t and t not in cells:
                cells.append(t)
        if cells:
            out.append(" | ".join(cells))
    return out


# ---------------------------------------------------------------- PDF


def pdf_text(data: bytes, source: str) -> str:
    """The text layer of a PDF, page by page."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as e:
                raise ExtractError(source, f"encrypted PDF ({e})") from e
            if not ok:
                raise ExtractError(source, "encrypted PDF (a password is needed)")
        n = len(reader.pages)
        if n > MAX_PDF_PAGES:
            raise ExtractError(source, f"too many pages ({n}; the limit is {MAX_PDF_PAGES})")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractError:
        raise
    except (PyPdfError, Exception) as e:  # pypdf raises many kinds on corrupt files
        raise ExtractError(source, f"not a readable PDF ({type(e).__name__}: {e})") from e
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractError(source, "the PDF has no text layer (a scan needs OCR first)")
    return text


# ---------------------------------------------------------------- entry points


def _suffix(source: str) -> str:
    suffix = Path(source).suffix.lower() if source != "-" else ".txt"
    if suffix in ("", ".text", ".md"):
        return ".txt"
    if suffix not in SUPPORTED:
        raise ExtractError(
            source, f"unsupported file type {suffix!r} (supported: {', '.join(SUPPORTED)})"
        )
    return suffix


def _limit_for(suffix: str) -> int:
    # saved web pages can carry inline pictures: they get the limit of documents
    return MAX_TEXT_BYTES if suffix == ".txt" else MAX_DOC_BYTES


def max_bytes(name: str) -> int:
    """The size limit of a file named ``name`` (by its extension): the one place the limits
    live, for the CLI and the web application alike.  Raises ExtractError naming ``name`` for
    an unsupported extension."""
    return _limit_for(_suffix(name))


def load_bytes(path: str | Path) -> bytes:
    """The content of the file at ``path`` within the size limit of its type (ExtractError
    naming the file when it is too large, a directory or unreadable)."""
    return _read_bytes(path, max_bytes(str(path)))


def read_bytes(data: bytes, name: str) -> str:
    """The raw text of a file's content, by the extension of ``name`` (an upload, say):
    every supported format (.txt, .html/.htm, .docx, .pdf), with the same size limits,
    checks and errors (naming ``name``) as :func:`read_file`.  The public entry point for
    callers that hold bytes (the web application's uploads)."""
    suffix = _suffix(name)
    _limit(name, data, _limit_for(suffix))
    if suffix == ".docx":
        text = docx_text(data, name)
    elif suffix == ".pdf":
        text = pdf_text(data, name)
    elif suffix in (".html", ".htm"):
        text = html_text(_decode_html(data, name), name)
    else:
        text = decode_text(data, name)
    # a PDF's or a page's text layer may carry NUL characters: artefacts, dropped
    return check_length(text.replace("\x00", ""), name)


def read_file(path: str | Path, *, stdin: BinaryIO | None = None) -> str:
    """The raw text of a file by its extension (``"-"`` reads UTF-8 text from standard input)."""
    source = str(path)
    suffix = _suffix(source)
    return read_bytes(_read_bytes(path, _limit_for(suffix), stdin), source)


def extract_file(path: str | Path, options: Options | None = None) -> dict[str, Any]:
    """The session record of a file (``options`` is not modified)."""
    options = dataclasses.replace(options or Options(), source=str(path))
    return extract_text(read_file(path), options)
