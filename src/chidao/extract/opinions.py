"""Stage: find_opinions (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_opinions(doc: Document) -> None:
    return None
