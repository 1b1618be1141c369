"""Stage: find_date (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_date(doc: Document) -> None:
    return None
