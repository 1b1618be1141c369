"""Stage: find_places (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_places(doc: Document) -> None:
    return None
