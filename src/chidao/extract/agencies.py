"""Stage: find_agencies (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_agencies(doc: Document) -> None:
    return None
