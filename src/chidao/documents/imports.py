"""Writes of the tracking-sheet import: keep the upload, then write its rows in one transaction.

Re-importing the same sheet changes nothing: a session is found again by its date, leader and
title (the hash of the three is its document's ``sha256``), a directive by its session and
text, a task by its directive and unit; what exists is left as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from chidao.documents.importer import PlannedRow, Sheet, guess_mapping, plan_rows, read_sheet
from chidao.documents.models import ImportStatus, SheetImport
from chidao.meetings.models import Directive, DocumentStatus, Session, SourceDocument
from chidao.organisation.models import Person, Unit, search_key
from chidao.organisation.users import User
from chidao.tasks.models import EventKind, Task, TaskEvent, TaskRole, TaskState

MAX_BYTES = 10 * 1024 * 1024


class ImportRefused(ValueError):
    """The import cannot be confirmed; the message says why (rows with errors, done before)."""


@dataclass(frozen=True)
class ImportResult:
    sessions: int
    directives: int
    tasks: int
    unchanged_rows: int


def province_units(province_code: str) -> list[Unit]:
    return list(Unit.objects.filter(province_code=province_code))


def upload_sheet(*, data: bytes, filename: str, province_code: str, actor: User) -> SheetImport:
    """Keep an uploaded sheet after checking it can be read; the mapping is guessed.

    Side effects: stores the file and one ``SheetImport`` row. Raises SheetError (naming the
    file) when the upload is not a readable .xlsx/.csv.
    """
    from chidao.documents.importer import SheetError

    if len(data) > MAX_BYTES:
        raise SheetError(f"{filename}: {len(data):,} bytes; at most {MAX_BYTES:,}")
    sheet = read_sheet(data, filename)
    with transaction.atomic():
        upload = SheetImport(
            province_code=province_code,
            filename=filename[:255],
            mapping={k: v for k, v in guess_mapping(sheet.headers).items()},
            uploaded_by=actor,
        )
        upload.file.save(filename.rsplit("/", 1)[-1][:100], ContentFile(data), save=False)
        upload.save()
    return upload


def load(upload: SheetImport) -> Sheet:
    with upload.file.open("rb") as f:
        return read_sheet(f.read(), upload.filename)


def preview(upload: SheetImport, mapping: dict[str, int | None] | None = None) -> list[PlannedRow]:
    return plan_rows(load(upload), mapping or upload.mapping, province_units(upload.province_code))


def _session_key(province_code: str, row: PlannedRow) -> str:
    raw = f"import|{province_code}|{row.session_date}|{search_key(row.leader)}|{row.session_title}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _leader(name: str, province_code: str) -> Person | None:
    if not name:
        return None
    found = Person.objects.filter(search_name=search_key(name), province_code=province_code).first()
    return found or Person.objects.create(full_name=name[:120], province_code=province_code)


def _session(
    province_code: str, key: str, rows: list[PlannedRow], filename: str, actor: User
) -> tuple[Session, bool]:
    first = rows[0]
    existing = Session.objects.filter(document__sha256=key).first()
    if existing is not None:
        return existing, False
    title = first.session_title or (
        f"Ý kiến chỉ đạo {first.leader} ngày {first.session_date:%d/%m/%Y}".strip()
        if first.session_date
        else f"Ý kiến chỉ đạo {first.leader}".strip()
    )
    text = "\n".join([title, *(r.text for r in rows)])
    document = SourceDocument.objects.create(
        sha256=key,
        filename=filename[:255],
        raw_text=text,
        text=text,
        title=title[:500],
        status=DocumentStatus.CONFIRMED,
        province_code=province_code,
        uploaded_by=actor,
    )
    session = Session.objects.create(
        document=document,
        province_code=province_code,
        date=first.session_date,
        title=title[:500],
        confirmed_by=actor,
        confirmed_at=timezone.now(),
    )
    leader = _leader(first.leader, province_code)
    if leader is not None:
        session.chairs.add(leader)
    return session, True


def confirm_import(
    *, upload: SheetImport, actor: User, mapping: dict[str, int | None]
) -> ImportResult:
    """Write the sheet's rows as sessions, directives and tasks, all or nothing.

    Refused (ImportRefused) when a row has an error or the import was confirmed before.
    Side effects: Session/SourceDocument/Person/Directive/Task/TaskEvent rows; the upload's
    status, mapping and result.
    """
    rows = preview(upload, mapping)
    bad = [r for r in rows if not r.ok]
    if bad:
        raise ImportRefused(
            f"{len(bad)} dòng có lỗi (dòng {', '.join(str(r.line) for r in bad[:10])}"
            + ("…" if len(bad) > 10 else "")
            + "); sửa tệp hoặc cách ghép cột rồi thử lại"
        )
    groups: OrderedDict[str, list[PlannedRow]] = OrderedDict()
    for row in rows:
        groups.setdefault(_session_key(upload.province_code, row), []).append(row)
    sessions = directives = tasks = unchanged = 0
    now = timezone.now()
    with transaction.atomic():
        current = SheetImport.objects.select_for_update().get(pk=upload.pk)
        if current.status == ImportStatus.IMPORTED:
            raise ImportRefused("tệp này đã được nhập")
        for key, group in groups.items():
            session, created = _session(upload.province_code, key, group, upload.filename, actor)
            sessions += created
            issuer = session.chairs.first()
            merged: OrderedDict[str, list[PlannedRow]] = OrderedDict()
            for row in group:
                merged.setdefault(row.text, []).append(row)
            order = session.directives.count()
            for text, parts in merged.items():
                directive = Directive.objects.filter(session=session, text=text).first()
                lead = [u for p in parts for u in p.lead]
                support = [u for p in parts for u in p.support if u not in lead]
                deadlines = [p.deadline for p in parts if p.deadline]
                if directive is None:
                    directive = Directive.objects.create(
                        session=session,
                        text=text,
                        issuer=issuer,
                        issuer_name=issuer.full_name if issuer else parts[0].leader,
                        assignee_text=[u.name for u in dict.fromkeys(lead + support)],
                        deadline=min(deadlines) if deadlines else None,
                        topic=parts[0].topic,
                        order=order,
                    )
                    order += 1
                    directives += 1
                written = 0
                for part in parts:
                    for unit in dict.fromkeys(part.lead + part.support):
                        if Task.objects.filter(directive=directive, unit=unit).exists():
                            continue
                        role = (
                            TaskRole.SUPPORT
                            if unit in support and unit not in lead
                            else TaskRole.LEAD
                        )
                        done = part.state == TaskState.DONE
                        completed = (
                            timezone.make_aware(dt.datetime.combine(part.completed, dt.time(12)))
                            if done and part.completed
                            else (now if done else None)
                        )
                        task = Task.objects.create(
                            directive=directive,
                            unit=unit,
                            role=role,
                            state=part.state,
                            deadline=part.deadline,
                            original_deadline=part.deadline,
                            progress=part.progress,
                            completed_at=completed,
                        )
                        TaskEvent.objects.create(
                            task=task,
                            actor=actor,
                            kind=EventKind.CREATED,
                            to_state=part.state,
                            note=f"Nhập từ sổ theo dõi {upload.filename}, dòng {part.line}",
                        )
                        tasks += 1
                        written += 1
                if not written:
                    unchanged += len(parts)
        current.status = ImportStatus.IMPORTED
        current.mapping = mapping
        current.result = {
            "sessions": sessions,
            "directives": directives,
            "tasks": tasks,
            "unchanged_rows": unchanged,
        }
        current.save()
    return ImportResult(
        sessions=sessions, directives=directives, tasks=tasks, unchanged_rows=unchanged
    )
