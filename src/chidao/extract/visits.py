"""Stage: find_visits (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_visits(doc: Document) -> None:
    return None
