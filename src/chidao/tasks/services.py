"""Writes on tasks: creation and every state transition.

Every transition is a keyword-only function that runs in ``transaction.atomic`` and

1. locks the task and checks who may act (the task's unit officer reports, the province's
   office decides; leaders and administrators change nothing): :class:`NotAllowedError`;
2. compares the ``version`` the caller saw with the stored one: a stale version raises
   :class:`ConflictError` and changes nothing;
3. checks the state (an invalid transition raises :class:`TransitionError` naming the state);
4. writes the task with ``version + 1`` through a compare-and-swap update and appends one
   :class:`TaskEvent` (who, when, kind, from/to state, changes ``{"field": [old, new]}``, note).

"Quá hạn" is never written here: it is derived (``Task.is_overdue``, ``queries.overdue_q``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.meetings.models import Directive
from chidao.notifications import services as notifications
from chidao.organisation.models import Unit
from chidao.organisation.users import RequestUser, User
from chidao.tasks import access
from chidao.tasks.models import (
    CLOSED_STATES,
    Attachment,
    EventKind,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    Task,
    TaskEvent,
    TaskRole,
    TaskState,
    local_day,
)

# states from which the unit may still work on the task
WORKING_STATES = (TaskState.NEW, TaskState.IN_PROGRESS, TaskState.EXTENDED)


class TaskError(Exception):
    """A write on a task that cannot be done; the message is shown to the user."""


class TransitionError(TaskError):
    """The task's state does not allow this action."""


class ConflictError(TaskError):
    """Someone else changed the task since the caller read it (stale ``version``)."""


class TaskInputError(TaskError):
    """A value given for a write is not acceptable (the message names it)."""


class NotAllowedError(PermissionDenied):
    """This user may not do this action on this task (views answer 403)."""


# which actions a state allows, and who may take them (the task page offers exactly these)
UNIT_ACTIONS: dict[str, tuple[str, ...]] = {
    "start": (TaskState.NEW,),
    "progress": (*WORKING_STATES, TaskState.EXTENSION_REQUESTED),
    "complete": WORKING_STATES,
    "extension": WORKING_STATES,
    "impossible": WORKING_STATES,
}
OFFICE_ACTIONS: dict[str, tuple[str, ...]] = {
    "accept": (TaskState.AWAITING_CONFIRMATION,),
    "return": (TaskState.AWAITING_CONFIRMATION,),
    "grant": (TaskState.EXTENSION_REQUESTED,),
    "refuse": (TaskState.EXTENSION_REQUESTED,),
    "reopen": (TaskState.IMPOSSIBLE,),
    "edit": tuple(s for s in TaskState if s != TaskState.DONE),
}


def available_actions(user: RequestUser, task: Task) -> set[str]:
    """The actions ``user`` may take on ``task`` in its current state (names of UNIT/OFFICE_ACTIONS)."""
    actions: set[str] = set()
    if access.can_report(user, task):
        actions |= {name for name, states in UNIT_ACTIONS.items() if task.state in states}
    if access.can_decide(user, task):
        actions |= {name for name, states in OFFICE_ACTIONS.items() if task.state in states}
    return actions


# ---------------------------------------------------------------- creation


def refresh_session_dates(*, tasks: QuerySet[Task]) -> int:
    """Copy each task's session date and directive's topic and issuer into its stored
    ``session_date``, ``topic`` and ``issuer``, in one UPDATE.

    For rows written without ``Task.save`` (the generator's raw inserts). Side effects:
    ``session_date``, ``topic`` and ``issuer`` of ``tasks`` rewritten. Returns the number of
    rows updated.
    """
    directive = Directive.objects.filter(pk=OuterRef("directive_id"))
    with transaction.atomic():
        return tasks.update(
            session_date=Subquery(directive.values("session__date")[:1]),
            topic=Subquery(directive.values("topic")[:1]),
            issuer=Subquery(directive.values("issuer")[:1]),
        )


def create_tasks(
    *,
    directive: Directive,
    units: list[Unit],
    deadline: dt.date | None,
    actor: User | None,
    support: Collection[int] = (),
) -> list[Task]:
    """Create one task per unit for ``directive``, in state NEW, with ``deadline``.

    A unit whose id is in ``support`` supports (phối hợp); the others lead (chủ trì).
    Side effects: one ``Task`` and one ``TaskEvent`` (CREATED) per distinct unit; the units'
    officers notified (``chidao.notifications``). Runs inside
    the caller's transaction (a savepoint), so a failure of the caller undoes it. A unit that
    already has a task for this directive raises :class:`TaskInputError`.
    """
    tasks: list[Task] = []
    events: list[TaskEvent] = []
    seen: set[int] = set()
    with transaction.atomic():
        for unit in units:
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            if Task.objects.filter(directive=directive, unit=unit).exists():
                raise TaskInputError(
                    _("Đơn vị %(unit)s đã có nhiệm vụ cho chỉ đạo này.") % {"unit": unit.name}
                )
            role = TaskRole.SUPPORT if unit.pk in support else TaskRole.LEAD
            task = Task.objects.create(
                directive=directive, unit=unit, deadline=deadline, state=TaskState.NEW, role=role
            )
            changes: dict[str, list[Any]] = {}
            if role == TaskRole.SUPPORT:
                changes["role"] = [None, role.value]
            if deadline:
                changes["deadline"] = [None, _json(deadline)]
            events.append(
                TaskEvent.objects.create(
                    task=task,
                    actor=_user_or_none(actor),
                    kind=EventKind.CREATED,
                    to_state=TaskState.NEW,
                    changes=changes,
                )
            )
            tasks.append(task)
        notifications.on_task_events(events, actor=actor)
    return tasks


# ---------------------------------------------------------------- the unit's actions


def start(*, task: Task, actor: User, version: int) -> Task:
    """The unit starts work: NEW → IN_PROGRESS. Side effects: task update, event STARTED."""
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_report(actor, current), actor, _("bắt đầu thực hiện"))
        _require_version(current, version)
        _require_state(current, UNIT_ACTIONS["start"], _("bắt đầu thực hiện"))
        _write(
            task,
            current,
            actor=actor,
            kind=EventKind.STARTED,
            fields={"state": TaskState.IN_PROGRESS},
        )
    return task


def report_progress(
    *,
    task: Task,
    actor: User,
    version: int,
    text: str,
    percent: int,
    files: Sequence[UploadedFile] = (),
    lower_reason: str = "",
) -> ProgressReport:
    """The unit reports progress (text, 0–100 %, attachments); a NEW task becomes IN_PROGRESS.

    A progress lower than the task's needs ``lower_reason`` (why it went down), kept in the
    event's note. Side effects: a ``ProgressReport``, one ``Attachment`` per file (stored
    under MEDIA_ROOT), the task's ``progress`` (and state), event PROGRESS.
    """
    text = _clean_text(text)
    if not text:
        raise TaskInputError(_("Nội dung báo cáo tiến độ không được để trống."))
    percent = _percent(percent)
    lower_reason = (lower_reason or "").strip()
    _check_files(files)
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_report(actor, current), actor, _("báo cáo tiến độ"))
        _require_version(current, version)
        _require_state(current, UNIT_ACTIONS["progress"], _("báo cáo tiến độ"))
        if percent < current.progress and not lower_reason:
            raise TaskInputError(
                _(
                    "Tiến độ giảm từ %(old)d%% xuống %(new)d%%: hãy nêu lý do giảm tiến độ "
                    "(ô “Lý do giảm tiến độ”)."
                )
                % {"old": current.progress, "new": percent}
            )
        if percent < current.progress:
            text = _("%(text)s\n(Giảm tiến độ từ %(old)d%%: %(reason)s)") % {
                "text": text,
                "old": current.progress,
                "reason": lower_reason,
            }
        fields: dict[str, Any] = {"progress": percent}
        if current.state == TaskState.NEW:
            fields["state"] = TaskState.IN_PROGRESS
        report = ProgressReport.objects.create(
            task=current, author=actor, text=text, percent=percent
        )
        names = _store_files(current, report, actor, files)
        _write(
            task,
            current,
            actor=actor,
            kind=EventKind.PROGRESS,
            fields=fields,
            note=text,
            extra=_files_change(names),
        )
    return report


def report_completion(
    *, task: Task, actor: User, version: int, text: str = "", files: Sequence[UploadedFile] = ()
) -> ProgressReport:
    """The unit reports the task done: → AWAITING_CONFIRMATION (the office must confirm).

    Side effects: a completion ``ProgressReport`` at 100 %, attachments, event COMPLETION_REPORTED;
    the province's office notified.
    """
    text = _clean_text(text) or _("Đã hoàn thành nhiệm vụ.")
    _check_files(files)
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_report(actor, current), actor, _("báo cáo hoàn thành"))
        _require_version(current, version)
        _require_state(current, UNIT_ACTIONS["complete"], _("báo cáo hoàn thành"))
        report = ProgressReport.objects.create(
            task=current, author=actor, text=text, percent=100, is_completion=True
        )
        names = _store_files(current, report, actor, files)
        event = _write(
            task,
            current,
            actor=actor,
            kind=EventKind.COMPLETION_REPORTED,
            fields={"state": TaskState.AWAITING_CONFIRMATION, "progress": 100},
            note=text,
            extra=_files_change(names),
        )
        notifications.on_task_events([event], actor=actor)
    return report


def request_extension(
    *, task: Task, actor: User, version: int, new_deadline: dt.date, reason: str
) -> ExtensionRequest:
    """The unit asks for a later deadline: → EXTENSION_REQUESTED with a pending request.

    ``new_deadline`` must be after the current deadline (or after today when there is none);
    ``reason`` is required. Side effects: an ``ExtensionRequest``, event EXTENSION_REQUESTED;
    the province's office notified.
    """
    reason = _clean_text(reason)
    if not reason:
        raise TaskInputError(_("Cần nêu lý do xin gia hạn."))
    if not isinstance(new_deadline, dt.date):
        raise TaskInputError(
            _("Thời hạn đề nghị không hợp lệ: %(value)s.") % {"value": new_deadline}
        )
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_report(actor, current), actor, _("xin gia hạn"))
        _require_version(current, version)
        _require_state(current, UNIT_ACTIONS["extension"], _("xin gia hạn"))
        floor = current.deadline or timezone.localdate()
        if new_deadline <= floor:
            raise TaskInputError(
                _("Thời hạn đề nghị %(new)s phải sau thời hạn hiện tại %(old)s.")
                % {"new": new_deadline.strftime("%d/%m/%Y"), "old": floor.strftime("%d/%m/%Y")}
            )
        request = ExtensionRequest.objects.create(
            task=current, requested_by=actor, new_deadline=new_deadline, reason=reason
        )
        event = _write(
            task,
            current,
            actor=actor,
            kind=EventKind.EXTENSION_REQUESTED,
            fields={"state": TaskState.EXTENSION_REQUESTED},
            note=reason,
            extra={"requested_deadline": [None, _json(new_deadline)]},
        )
        notifications.on_task_events([event], actor=actor)
    return request


def report_impossible(*, task: Task, actor: User, version: int, reason: str) -> Task:
    """The unit reports it cannot do the task: → IMPOSSIBLE with the reason (required).

    Side effects: the task's ``reason`` and state, event IMPOSSIBLE. The office may reopen it.
    """
    reason = _clean_text(reason)
    if not reason:
        raise TaskInputError(_("Cần nêu lý do không thực hiện được."))
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_report(actor, current), actor, _("báo cáo không thực hiện được"))
        _require_version(current, version)
        _require_state(current, UNIT_ACTIONS["impossible"], _("báo cáo không thực hiện được"))
        _write(
            task,
            current,
            actor=actor,
            kind=EventKind.IMPOSSIBLE,
            fields={"state": TaskState.IMPOSSIBLE, "reason": reason},
            note=reason,
        )
    return task


# ---------------------------------------------------------------- the office's decisions


def accept_completion(*, task: Task, actor: User, version: int, note: str = "") -> Task:
    """The office confirms a completion report: → DONE, ``completed_at`` set.

    Side effects: task update, event COMPLETION_ACCEPTED.
    """
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_decide(actor, current), actor, _("xác nhận hoàn thành"))
        _require_version(current, version)
        _require_state(current, OFFICE_ACTIONS["accept"], _("xác nhận hoàn thành"))
        _write(
            task,
            current,
            actor=actor,
            kind=EventKind.COMPLETION_ACCEPTED,
            fields={"state": TaskState.DONE, "completed_at": timezone.now(), "progress": 100},
            note=_clean_text(note),
        )
    return task


def return_completion(*, task: Task, actor: User, version: int, note: str) -> Task:
    """The office returns a completion report with a note (required): → IN_PROGRESS.

    Side effects: task update, event COMPLETION_RETURNED; the
    unit's officers notified.
    """
    note = _clean_text(note)
    if not note:
        raise TaskInputError(_("Cần ghi rõ lý do trả lại báo cáo hoàn thành."))
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_decide(actor, current), actor, _("trả lại báo cáo hoàn thành"))
        _require_version(current, version)
        _require_state(current, OFFICE_ACTIONS["return"], _("trả lại báo cáo hoàn thành"))
        event = _write(
            task,
            current,
            actor=actor,
            kind=EventKind.COMPLETION_RETURNED,
            fields={"state": TaskState.IN_PROGRESS},
            note=note,
        )
        notifications.on_task_events([event], actor=actor)
    return task


def grant_extension(*, task: Task, actor: User, version: int, note: str = "") -> Task:
    """The office grants the pending extension: → EXTENDED, deadline = the requested date.

    ``original_deadline`` keeps the first deadline. Side effects: task update, the request
    marked granted, event EXTENSION_GRANTED; the unit's officers notified.
    """
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_decide(actor, current), actor, _("đồng ý gia hạn"))
        _require_version(current, version)
        _require_state(current, OFFICE_ACTIONS["grant"], _("đồng ý gia hạn"))
        request = _pending_request(current)
        _decide(request, actor, ExtensionStatus.GRANTED, note)
        fields: dict[str, Any] = {"state": TaskState.EXTENDED, "deadline": request.new_deadline}
        if current.original_deadline is None:
            fields["original_deadline"] = current.deadline
        event = _write(
            task,
            current,
            actor=actor,
            kind=EventKind.EXTENSION_GRANTED,
            fields=fields,
            note=_clean_text(note),
        )
        notifications.on_task_events([event], actor=actor)
    return task


def refuse_extension(*, task: Task, actor: User, version: int, note: str) -> Task:
    """The office refuses the pending extension (note required): back to the state before the request.

    Side effects: task update, the request marked refused, event EXTENSION_REFUSED; the unit's officers notified.
    """
    note = _clean_text(note)
    if not note:
        raise TaskInputError(_("Cần ghi rõ lý do không đồng ý gia hạn."))
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_decide(actor, current), actor, _("không đồng ý gia hạn"))
        _require_version(current, version)
        _require_state(current, OFFICE_ACTIONS["refuse"], _("không đồng ý gia hạn"))
        request = _pending_request(current)
        _decide(request, actor, ExtensionStatus.REFUSED, note)
        before = (
            current.events.filter(kind=EventKind.EXTENSION_REQUESTED)
            .order_by("-at", "-id")
            .values_list("from_state", flat=True)
            .first()
        )
        previous = before if before in WORKING_STATES else TaskState.IN_PROGRESS
        event = _write(
            task,
            current,
            actor=actor,
            kind=EventKind.EXTENSION_REFUSED,
            fields={"state": previous},
            note=note,
        )
        notifications.on_task_events([event], actor=actor)
    return task


def reopen(*, task: Task, actor: User, version: int, note: str) -> Task:
    """The office reopens a task reported impossible (note required): → IN_PROGRESS.

    Side effects: task update (reason cleared), event EDITED with the state change.
    """
    note = _clean_text(note)
    if not note:
        raise TaskInputError(_("Cần ghi rõ lý do mở lại nhiệm vụ."))
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_decide(actor, current), actor, _("mở lại nhiệm vụ"))
        _require_version(current, version)
        _require_state(current, OFFICE_ACTIONS["reopen"], _("mở lại nhiệm vụ"))
        _write(
            task,
            current,
            actor=actor,
            kind=EventKind.EDITED,
            fields={"state": TaskState.IN_PROGRESS, "reason": ""},
            note=note,
        )
    return task


_UNSET: Any = object()


def edit_task(
    *,
    task: Task,
    actor: User,
    version: int,
    deadline: dt.date | None = _UNSET,
    unit: Unit | None = None,
    note: str = "",
) -> Task:
    """The office corrects a task: its deadline and/or the unit it is assigned to.

    A closed task (done) cannot be edited; the new unit must be of the same province and not
    already have a task for the directive. Side effects: task update, event EDITED listing
    the changes (nothing is written when nothing changes); a new unit's
    officers notified of their new task.
    """
    with transaction.atomic():
        current = _lock(task, version)
        _require(access.can_decide(actor, current), actor, _("chỉnh sửa nhiệm vụ"))
        _require_version(current, version)
        _require_state(current, OFFICE_ACTIONS["edit"], _("chỉnh sửa"))
        fields: dict[str, Any] = {}
        if deadline is not _UNSET and deadline != current.deadline:
            fields["deadline"] = deadline
        if unit is not None and unit.pk != current.unit_id:
            if unit.province_code != current.unit.province_code:
                raise TaskInputError(
                    _("Đơn vị %(unit)s không thuộc tỉnh của nhiệm vụ.") % {"unit": unit.name}
                )
            if Task.objects.filter(directive_id=current.directive_id, unit=unit).exists():
                raise TaskInputError(
                    _("Đơn vị %(unit)s đã có nhiệm vụ cho chỉ đạo này.") % {"unit": unit.name}
                )
            fields["unit"] = unit
        if not fields:
            raise TaskInputError(_("Không có thay đổi nào để lưu."))
        event = _write(
            task,
            current,
            actor=actor,
            kind=EventKind.EDITED,
            fields=fields,
            note=_clean_text(note),
        )
        notifications.on_task_events([event], actor=actor)
    return task


_UNSET_DEADLINE: Any = object()

# ---------------------------------------------------------------- corrections of a session


def cancel_open_tasks(*, tasks: Iterable[Task], actor: User, reason: str) -> list[Task]:
    """Cancel the tasks that are still open (a withdrawn directive, a unit taken off it, a
    deleted session): → CANCELLED with ``reason``; done or impossible tasks stay as they are.

    Side effects: per open task, the state and version, event CANCELLED (its ``from_state``
    is what :func:`restore_cancelled` goes back to). Runs in the caller's transaction.
    """
    reason = (reason or "").strip()
    if not reason:
        raise TaskInputError(_("Cần nêu lý do hủy nhiệm vụ."))
    cancelled = []
    with transaction.atomic():
        for task in tasks:
            current = Task.objects.select_for_update().get(pk=task.pk)
            if current.state in CLOSED_STATES:
                continue
            _write(
                task,
                current,
                actor=actor,
                kind=EventKind.CANCELLED,
                fields={"state": TaskState.CANCELLED},
                note=reason,
            )
            cancelled.append(task)
    return cancelled


def restore_cancelled(*, tasks: Iterable[Task], actor: User, note: str) -> list[Task]:
    """Put cancelled tasks back in the state they had before (a restored session or unit).

    Side effects: per cancelled task, state and version, event RESTORED with ``note``.
    """
    restored = []
    with transaction.atomic():
        for task in tasks:
            current = Task.objects.select_for_update().get(pk=task.pk)
            if current.state != TaskState.CANCELLED:
                continue
            before = (
                current.events.filter(kind=EventKind.CANCELLED)
                .order_by("-at", "-id")
                .values_list("from_state", flat=True)
                .first()
            )
            _write(
                task,
                current,
                actor=actor,
                kind=EventKind.RESTORED,
                fields={"state": before or TaskState.NEW},
                note=note,
            )
            restored.append(task)
    return restored


def follow_directive(
    *,
    tasks: Iterable[Task],
    actor: User,
    deadline: dt.date | Any | None = _UNSET_DEADLINE,
    roles: dict[int, str] | None = None,
    note: str = "",
) -> None:
    """The open tasks of a corrected directive take its new deadline and their units' roles.

    Side effects: per task that changes, its fields and version, event EDITED with ``note``.
    """
    with transaction.atomic():
        for task in tasks:
            current = Task.objects.select_for_update().get(pk=task.pk)
            if current.state in CLOSED_STATES:
                continue
            fields: dict[str, Any] = {}
            if deadline is not _UNSET_DEADLINE and deadline != current.deadline:
                fields["deadline"] = deadline
            if roles and current.unit_id in roles and roles[current.unit_id] != current.role:
                fields["role"] = roles[current.unit_id]
            if fields:
                _write(task, current, actor=actor, kind=EventKind.EDITED, fields=fields, note=note)


# ---------------------------------------------------------------- helpers


def _lock(task: Task, version: int) -> Task:
    """The stored task, locked for this transaction (the version is checked by ``_require_version``)."""
    return Task.objects.select_for_update().select_related("unit").get(pk=task.pk)


def _require_version(current: Task, version: int) -> None:
    """ConflictError when the caller's ``version`` is not the stored one (someone wrote since)."""
    try:
        version = int(version)
    except (TypeError, ValueError) as e:
        raise ConflictError(_("Thiếu phiên bản của nhiệm vụ; hãy tải lại trang.")) from e
    if current.version != version:
        raise ConflictError(_conflict_message(current, version))


def _conflict_message(current: Task, version: int) -> str:
    last = current.events.select_related("actor").order_by("-at", "-id").first()
    who = ""
    if last is not None:
        name = (
            (last.actor.get_full_name() or last.actor.get_username())
            if last.actor
            else _("hệ thống")
        )
        who = _(" (lần cuối bởi %(who)s lúc %(at)s: %(what)s)") % {
            "who": name,
            "at": timezone.localtime(last.at).strftime("%H:%M %d/%m/%Y"),
            "what": last.get_kind_display(),
        }
    return _(
        "Nhiệm vụ đã được cập nhật sau khi bạn mở trang%(who)s: phiên bản hiện tại %(current)s, "
        "bạn đang sửa phiên bản %(yours)s. Không có gì được lưu; hãy tải lại trang và thử lại."
    ) % {"who": who, "current": current.version, "yours": version}


def _require(allowed: bool, actor: User, action: str) -> None:
    if not allowed:
        raise NotAllowedError(_("Bạn không có quyền %(action)s nhiệm vụ này.") % {"action": action})


def _require_state(task: Task, states: Sequence[str], action: str) -> None:
    if task.state not in states:
        raise TransitionError(
            _("Không thể %(action)s: nhiệm vụ đang ở trạng thái “%(state)s”.")
            % {"action": action, "state": task.get_state_display()}
        )


def _write(
    task: Task,
    current: Task,
    *,
    actor: User,
    kind: str,
    fields: dict[str, Any],
    note: str = "",
    extra: dict[str, list[Any]] | None = None,
) -> TaskEvent:
    """Compare-and-swap ``fields`` onto the task with ``version + 1`` and append the event."""
    changes: dict[str, list[Any]] = {}
    for name, value in fields.items():
        old = getattr(current, name)
        if old != value:
            changes[name] = [_json(old), _json(value)]
    old_state = current.state
    now = timezone.now()
    values = {**fields, "version": current.version + 1, "updated_at": now}
    if "completed_at" in fields:  # its local day, stored beside it (``Task.completed_on``)
        values["completed_on"] = local_day(fields["completed_at"])
    updated = Task.objects.filter(pk=current.pk, version=current.version).update(**values)
    if updated != 1:  # someone wrote between our read and our write
        raise ConflictError(_conflict_message(current, current.version))
    for obj in (task, current):
        for name, value in values.items():
            setattr(obj, name, value)
    return TaskEvent.objects.create(
        task=current,
        actor=_user_or_none(actor),
        at=now,
        kind=kind,
        from_state=old_state,
        to_state=current.state,
        changes={**changes, **(extra or {})},
        note=note,
    )


def _json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Unit):
        return value.name
    if isinstance(value, enum.Enum):  # a TextChoices member
        return value.value
    return value


def _user_or_none(actor: RequestUser | None) -> User | None:
    return actor if isinstance(actor, User) else None


def _clean_text(value: str | None) -> str:
    """A text given for a write, stripped; a NUL character refused (PostgreSQL cannot store
    it, SQLite would): the same answer on both databases."""
    text = (value or "").strip()
    if "\x00" in text:
        raise TaskInputError(
            _("Nội dung có ký tự NUL (\\x00) ở vị trí %(at)d; hãy xoá ký tự đó rồi gửi lại.")
            % {"at": text.index("\x00")}
        )
    return text


def _percent(percent: Any) -> int:
    try:
        value = int(percent)
    except (TypeError, ValueError) as e:
        raise TaskInputError(
            _("Tiến độ phải là số từ 0 đến 100, nhận được “%(value)s”.") % {"value": percent}
        ) from e
    if not 0 <= value <= 100:
        raise TaskInputError(
            _("Tiến độ phải là số từ 0 đến 100, nhận được “%(value)s”.") % {"value": percent}
        )
    return value


def _check_files(files: Sequence[UploadedFile]) -> None:
    limit = settings.CHIDAO_MAX_UPLOAD_BYTES
    for f in files:
        if f.size is not None and f.size > limit:
            raise TaskInputError(
                _("Tệp “%(name)s” (%(size)s) vượt quá giới hạn %(limit)s.")
                % {"name": f.name, "size": filesizeformat(f.size), "limit": filesizeformat(limit)}
            )


def _store_files(
    task: Task, report: ProgressReport, actor: User, files: Sequence[UploadedFile]
) -> list[str]:
    names = []
    for f in files:
        name = (f.name or "tep").rsplit("/", 1)[-1][:255]
        Attachment.objects.create(
            task=task,
            report=report,
            file=f,
            name=name,
            size=f.size or 0,
            uploaded_by=_user_or_none(actor),
        )
        names.append(name)
    return names


def _files_change(names: list[str]) -> dict[str, list[Any]]:
    return {"attachments": [None, names]} if names else {}


def _pending_request(task: Task) -> ExtensionRequest:
    request = task.extensions.filter(status=ExtensionStatus.PENDING).order_by("-at", "-id").first()
    if request is None:
        raise TransitionError(_("Nhiệm vụ không có đề nghị gia hạn nào đang chờ xem xét."))
    return request


def _decide(request: ExtensionRequest, actor: User, status: str, note: str) -> None:
    request.status = status
    request.decided_by = _user_or_none(actor)
    request.decided_at = timezone.now()
    request.decision_note = _clean_text(note)
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
