"""SQL that only one database engine understands, as a migration operation.

The full-text tables and the indexes written for one engine (SQLite's FTS5 tables, PostgreSQL's
GIN and ``INCLUDE`` indexes) are raw statements; each migration lists them by vendor and this
runs the list of the engine it migrates, and nothing on the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import migrations


def _statements(by_vendor: Mapping[str, Sequence[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(sql)

    return run


def vendor_sql(
    forward: Mapping[str, Sequence[str]], backward: Mapping[str, Sequence[str]]
) -> migrations.RunPython:
    """A migration operation that runs the statements of ``forward`` listed for the engine
    being migrated (``"sqlite"``, ``"postgresql"``) and, unapplied, those of ``backward``."""
    return migrations.RunPython(_statements(forward), _statements(backward))
