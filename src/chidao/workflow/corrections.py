"""Corrections of a confirmed session, by the office; the tasks follow every change.

- ``add_directive``: a directive the review missed, with its tasks;
- ``edit_directive``: its text, issuer, deadline, field ("lĩnh vực"); open tasks take the
  new deadline;
- ``withdraw_directive``: the directive is withdrawn with a reason, its open tasks are
  cancelled with that reason (history kept);
- ``reassign_directive``: other units, or other roles: tasks of new units are created, those
  of units taken off are cancelled, roles follow;
- ``delete_session`` / ``restore_session``: a junk session is set aside with a reason (soft
  delete, its open tasks cancelled) and only an administrator puts it back;
- ``add_comment``: a leader's follow-up instruction or comment on a directive.

Every write is recorded in the audit trail (``chidao.audit.services.record_event``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.audit.models import EventKind as AuditKind
from chidao.audit.services import record_event
from chidao.meetings.models import Directive, DirectiveComment, Session
from chidao.meetings.services import DraftError, _person, _unit_ids
from chidao.notifications import services as notifications
from chidao.organisation.access import is_admin, is_leader, is_office
from chidao.organisation.models import Unit
from chidao.tasks import services as tasks
from chidao.tasks.models import Task, TaskRole
from chidao.themes import services as themes


class CorrectionError(DraftError):
    """A correction refused: the message says why (shown to the office)."""


def _reason(reason: str, what: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise CorrectionError(_("Cần nêu lý do %(what)s.") % {"what": what})
    return reason[:1000]


def _live(session: Session) -> Session:
    current = Session.objects.select_for_update().get(pk=session.pk)
    if current.deleted_at is not None:
        raise CorrectionError(_("Buổi làm việc này đã bị xóa: không sửa được."))
    return current


def _open(directive: Directive) -> Directive:
    current = Directive.objects.select_for_update().select_related("session").get(pk=directive.pk)
    _live(current.session)
    if current.withdrawn_at is not None:
        raise CorrectionError(_("Chỉ đạo này đã được rút: không sửa được."))
    return current


def _units(
    session: Session, ids: Sequence[Any], support: Sequence[Any]
) -> tuple[list[Unit], set[int]]:
    from chidao.meetings.draft import lead_and_support

    label = _("Đơn vị thực hiện")
    pks = _unit_ids(session.province_code, ids, label)
    if not pks:
        raise CorrectionError(_("Hãy chọn ít nhất một đơn vị thực hiện."))
    supporting = _unit_ids(session.province_code, support, label)
    units = sorted(Unit.objects.filter(pk__in=pks), key=lambda u: pks.index(u.pk))
    return units, set(lead_and_support(pks, supporting))


def _summary(directive: Directive) -> str:
    return Truncator(directive.text).chars(120)


@transaction.atomic
def add_directive(
    *,
    session: Session,
    actor: Any,
    text: str,
    units: Sequence[Any],
    support: Sequence[Any] = (),
    deadline: dt.date | None = None,
    issuer: str = "",
    topic: str = "",
) -> Directive:
    """Add a directive the review missed, with one task per unit (``support`` ones support).

    Side effects: a Directive (last in the session), its tasks and their CREATED events, its
    recurring theme (``chidao.themes``), an audit event.
    """
    current = _live(session)
    text = " ".join((text or "").split())
    if not text:
        raise CorrectionError(_("Nội dung chỉ đạo không được để trống."))
    chosen, supporting = _units(current, units, support)
    issuer = " ".join((issuer or "").split())
    if not issuer:
        first = current.chairs.order_by("pk").first()
        issuer = first.full_name if first else ""
    order = (current.directives.aggregate(m=Max("order"))["m"] or 0) + 1
    directive = Directive.objects.create(
        session=current,
        text=text,
        issuer=_person(current.province_code, issuer, [], current.date),
        issuer_name=issuer[:120],
        deadline=deadline,
        topic=(topic or "")[:120],
        order=order,
    )
    tasks.create_tasks(
        directive=directive, units=chosen, deadline=deadline, actor=actor, support=supporting
    )
    record_event(
        kind=AuditKind.OTHER,
        actor=actor,
        target=directive,
        summary=_("Thêm chỉ đạo vào buổi làm việc đã xác nhận: %(text)s")
        % {"text": _summary(directive)},
    )
    themes.assign(directives=[directive], province_code=session.province_code)
    return directive


@transaction.atomic
def edit_directive(
    *,
    directive: Directive,
    actor: Any,
    text: str,
    deadline: dt.date | None,
    issuer: str = "",
    topic: str = "",
    note: str = "",
) -> Directive:
    """Correct a directive's text, issuer, deadline and field; its open tasks take the deadline.

    Side effects: the Directive, EDITED events on the tasks whose deadline changes, an audit
    event listing the changes.
    """
    current = _open(directive)
    text = " ".join((text or "").split())
    if not text:
        raise CorrectionError(_("Nội dung chỉ đạo không được để trống."))
    issuer = " ".join((issuer or "").split())
    changes: dict[str, list[Any]] = {}
    for name, value in (("text", text), ("deadline", deadline), ("topic", topic or "")):
        old = getattr(current, name)
        if old != value:
            changes[name] = [str(old) if old else "", str(value) if value else ""]
            setattr(current, name, value)
    if issuer != current.issuer_name:
        changes["issuer"] = [current.issuer_name, issuer]
        current.issuer_name = issuer[:120]
        current.issuer = _person(current.session.province_code, issuer, [], current.session.date)
    if not changes:
        raise CorrectionError(_("Không có thay đổi nào để lưu."))
    current.save()
    if "deadline" in changes:
        tasks.follow_directive(
            tasks=current.tasks.all(),
            actor=actor,
            deadline=deadline,
            note=note or _("Văn phòng sửa thời hạn của chỉ đạo."),
        )
    record_event(
        kind=AuditKind.OTHER,
        actor=actor,
        target=current,
        summary=_("Sửa chỉ đạo: %(text)s") % {"text": _summary(current)},
        data={"changes": changes},
    )
    if "text" in changes:
        themes.assign(directives=[current], province_code=current.session.province_code)
    directive.refresh_from_db()
    return directive


@transaction.atomic
def withdraw_directive(*, directive: Directive, actor: Any, reason: str) -> Directive:
    """Withdraw a directive (given by mistake, or replaced): its open tasks are cancelled with
    the reason; done tasks and every history stay.

    Side effects: the Directive's ``withdrawn_*`` fields, CANCELLED events, an audit event.
    """
    reason = _reason(reason, _("rút chỉ đạo"))
    current = _open(directive)
    current.withdrawn_at = timezone.now()
    current.withdrawn_by = actor if getattr(actor, "is_authenticated", False) else None
    current.withdrawn_reason = reason
    current.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    tasks.cancel_open_tasks(
        tasks=current.tasks.all(),
        actor=actor,
        reason=_("Chỉ đạo đã được rút: %(reason)s") % {"reason": reason},
    )
    record_event(
        kind=AuditKind.OTHER,
        actor=actor,
        target=current,
        summary=_("Rút chỉ đạo: %(text)s") % {"text": _summary(current)},
        data={"reason": reason},
    )
    directive.refresh_from_db()
    return directive


@transaction.atomic
def reassign_directive(
    *,
    directive: Directive,
    actor: Any,
    units: Sequence[Any],
    support: Sequence[Any] = (),
    reason: str,
) -> Directive:
    """Give a directive to other units (or other roles): new units get tasks, units taken
    off have their open tasks cancelled with the reason, a unit given back its cancelled
    task gets it restored, roles follow.

    Side effects: tasks created, cancelled, restored or edited (with their events), an audit
    event.
    """
    reason = _reason(reason, _("giao lại chỉ đạo"))
    current = _open(directive)
    chosen, supporting = _units(current.session, units, support)
    existing = {t.unit_id: t for t in current.tasks.all()}
    wanted = {u.pk for u in chosen}
    new_units = [u for u in chosen if u.pk not in existing]
    tasks.create_tasks(
        directive=current,
        units=new_units,
        deadline=current.deadline,
        actor=actor,
        support=supporting,
    )
    tasks.cancel_open_tasks(
        tasks=[t for pk, t in existing.items() if pk not in wanted],
        actor=actor,
        reason=_("Đơn vị không còn được giao chỉ đạo này: %(reason)s") % {"reason": reason},
    )
    tasks.restore_cancelled(
        tasks=[t for pk, t in existing.items() if pk in wanted],
        actor=actor,
        note=_("Đơn vị được giao lại chỉ đạo: %(reason)s") % {"reason": reason},
    )
    roles = {pk: (TaskRole.SUPPORT if pk in supporting else TaskRole.LEAD).value for pk in wanted}
    tasks.follow_directive(tasks=current.tasks.all(), actor=actor, roles=roles, note=reason)
    record_event(
        kind=AuditKind.OTHER,
        actor=actor,
        target=current,
        summary=_("Giao lại chỉ đạo: %(text)s") % {"text": _summary(current)},
        data={"units": sorted(wanted), "support": sorted(supporting), "reason": reason},
    )
    return current


@transaction.atomic
def delete_session(*, session: Session, actor: Any, reason: str) -> Session:
    """Set a junk session aside (soft delete) with a reason; its open tasks are cancelled.

    Only the office of the province or an administrator may; an administrator restores it.
    Side effects: the Session's ``deleted_*`` fields, CANCELLED events, an audit event.
    """
    if not (is_office(actor) or is_admin(actor)):
        raise CorrectionError(_("Chỉ Văn phòng hoặc quản trị được xóa buổi làm việc."))
    reason = _reason(reason, _("xóa buổi làm việc"))
    current = _live(session)
    current.deleted_at = timezone.now()
    current.deleted_by = actor if getattr(actor, "is_authenticated", False) else None
    current.deleted_reason = reason
    current.save(update_fields=["deleted_at", "deleted_by", "deleted_reason"])
    tasks.cancel_open_tasks(
        tasks=Task.objects.filter(directive__session=current),
        actor=actor,
        reason=_("Buổi làm việc đã bị xóa: %(reason)s") % {"reason": reason},
    )
    record_event(
        kind=AuditKind.SESSION_DELETED,
        actor=actor,
        target=current,
        summary=_("Xóa buổi làm việc «%(title)s»") % {"title": current},
        data={"reason": reason},
    )
    session.refresh_from_db()
    return session


@transaction.atomic
def restore_session(*, session: Session, actor: Any, note: str = "") -> Session:
    """An administrator puts a deleted session back; the tasks its deletion cancelled come
    back in the state they had (tasks of withdrawn directives stay cancelled).

    Side effects: the Session's ``deleted_*`` fields cleared, RESTORED events, an audit event.
    """
    if not is_admin(actor) and not getattr(actor, "is_superuser", False):
        raise CorrectionError(_("Chỉ quản trị được khôi phục buổi làm việc đã xóa."))
    current = Session.objects.select_for_update().get(pk=session.pk)
    if current.deleted_at is None:
        raise CorrectionError(_("Buổi làm việc này chưa bị xóa."))
    reason = current.deleted_reason
    current.deleted_at = None
    current.deleted_by = None
    current.deleted_reason = ""
    current.save(update_fields=["deleted_at", "deleted_by", "deleted_reason"])
    tasks.restore_cancelled(
        tasks=Task.objects.filter(directive__session=current, directive__withdrawn_at=None),
        actor=actor,
        note=note or _("Buổi làm việc được khôi phục."),
    )
    record_event(
        kind=AuditKind.SESSION_REOPENED,
        actor=actor,
        target=current,
        summary=_("Khôi phục buổi làm việc «%(title)s»") % {"title": current},
        data={"deleted_reason": reason},
    )
    session.refresh_from_db()
    return session


@transaction.atomic
def add_comment(*, directive: Directive, actor: Any, text: str) -> DirectiveComment:
    """A leader's (or the office's) follow-up instruction or comment on a directive.

    Side effects: a DirectiveComment, a COMMENT event on each open task of the directive (so
    the units see it in their task's history), and the units' officers notified.
    """
    from chidao.tasks.models import CLOSED_STATES, EventKind, TaskEvent

    if not (is_leader(actor) or is_office(actor)):
        raise CorrectionError(_("Chỉ lãnh đạo hoặc Văn phòng được ghi ý kiến chỉ đạo thêm."))
    text = (text or "").strip()
    if not text:
        raise CorrectionError(_("Nội dung ý kiến không được để trống."))
    comment = DirectiveComment.objects.create(directive=directive, author=actor, text=text[:4000])
    events = [
        TaskEvent.objects.create(
            task=t,
            actor=actor,
            kind=EventKind.COMMENT,
            from_state=t.state,
            to_state=t.state,
            note=comment.text,
        )
        for t in directive.tasks.exclude(state__in=CLOSED_STATES).select_related("unit")
    ]
    notifications.on_task_events(events, actor=actor)
    return comment
