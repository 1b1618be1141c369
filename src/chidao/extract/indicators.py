"""Stage: find_indicators (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_indicators(doc: Document) -> None:
    return None
