"""The shapes the JSON API reads and writes (django-ninja / pydantic schemas)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import AfterValidator


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError(f"a NUL character (\\x00) at offset {value.index(chr(0))} is not text")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
"""A string read from a client: a NUL character is refused (422 naming the field) on every
database, before any work."""


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    level: str
    code: str
    parent_id: int | None
    legacy: bool = Field(..., description="a district or commune from before July 2025")


class UnitRef(Schema):
    id: int
    name: str


class TaskBrief(Schema):
    id: int
    unit: UnitRef
    role: str
    state: str
    state_label: str
    deadline: dt.date | None
    progress: int
    overdue: bool


class DirectiveOut(Schema):
    id: int
    session_id: int
    session_date: dt.date | None
    text: str
    issuer: str = Field(..., description="the person who gave the directive, as named")
    issuer_id: int | None
    assignees: list[str] = Field(..., description="who must act, as written in the report")
    deadline: dt.date | None
    topic: str
    tasks: list[TaskBrief]


class SessionItemOut(Schema):
    kind: str
    text: str
    start: int | None
    end: int | None
    data: dict[str, Any]


class SessionOut(Schema):
    id: int
    date: dt.date | None
    title: str
    kind: str
    chairs: list[str]
    localities: list[str]
    directive_count: int


class SessionDetailOut(SessionOut):
    items: list[SessionItemOut]
    directives: list[DirectiveOut]


class ReportOut(Schema):
    at: dt.datetime
    author: str
    text: str
    percent: int
    is_completion: bool


class EventOut(Schema):
    at: dt.datetime
    actor: str
    kind: str
    from_state: str
    to_state: str
    changes: dict[str, Any]
    note: str


class TaskOut(Schema):
    id: int
    directive_id: int
    directive_text: str
    session_id: int
    unit: UnitRef
    role: str
    state: str
    state_label: str
    deadline: dt.date | None
    original_deadline: dt.date | None
    progress: int
    overdue: bool
    version: int = Field(..., description="send it back with a write; a stale version answers 409")
    updated_at: dt.datetime


class TaskDetailOut(TaskOut):
    reports: list[ReportOut]
    events: list[EventOut]


class ProgressIn(Schema):
    text: Text = Field(..., min_length=1, max_length=10_000)
    percent: int = Field(..., ge=0, le=100)
    version: int = Field(..., ge=1, description="the task's version the report was written against")


class ExtractIn(Schema):
    text: Text = Field(..., min_length=1, description="the report's text (plain text or HTML)")
    published: dt.date | None = Field(None, description="publication date, to infer the year")
    province: str | None = Field(None, description="province name when known, e.g. 'Thanh Hóa'")
    source: Text = Field("api", max_length=255, description="a name for the document")


class Error(Schema):
    detail: str
