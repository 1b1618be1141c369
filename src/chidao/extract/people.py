"""Stage: find_people (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_people(doc: Document) -> None:
    return None
