"""``chidao.extract``: session records from Vietnamese working-session reports.

A pure-Python library (no web framework):

>>> from chidao.extract import extract_text
>>> record = extract_text("Sáng 5/4/2024, đồng chí ... ")

``extract_file`` reads .txt, .html, .docx and .pdf files.  Errors are
:class:`ExtractError` with a message that names the file.
"""

from .errors import ExtractError
from .pipeline import extract_text, process
from .read import extract_file, read_file
from .spans import Document, Options, Span

__all__ = [
    "Document",
    "ExtractError",
    "Options",
    "Span",
    "extract_file",
    "extract_text",
    "process",
    "read_file",
]
