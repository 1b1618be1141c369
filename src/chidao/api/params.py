"""Bounded integer parameters of the API: a database id or a page offset out of range answers
422 (validation) instead of overflowing the database driver (a server error)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ID = 2**62  # within SQLite's and PostgreSQL's bigint
MAX_OFFSET = 10**9

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]
