"""Stage: find_directives (not written yet)."""

from __future__ import annotations

from .spans import Document


def find_directives(doc: Document) -> None:
    return None
