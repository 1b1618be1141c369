"""``chidao.extract``: session records from Vietnamese working-session reports.

A pure-Python library (no web framework):

>>> from chidao.extract import extract_text
>>> record = extract("Sáng 5/4/2024, đồng chí ... ")   # a typed SessionRecord
>>> record.to_json()                                    # its JSON form (extract_text)

``extract_file`` reads .txt, .html, .docx and .pdf files.  Errors are
:class:`ExtractError` with a message that names the file.
"""

from .errors import ExtractError
from .pipeline import extract, extract_text, process
from .read import SUPPORTED, extract_file, load_bytes, max_bytes, read_bytes, read_file
from .record import RECORD_VERSION, RecordError, SessionRecord, json_schema, read_record
from .spans import Document, Options, Span

__all__ = [
    "RECORD_VERSION",
    "SUPPORTED",
    "Document",
    "ExtractError",
    "Options",
    "RecordError",
    "SessionRecord",
    "Span",
    "extract",
    "extract_file",
    "extract_text",
    "json_schema",
    "load_bytes",
    "max_bytes",
    "process",
    "read_bytes",
    "read_file",
    "read_record",
]
