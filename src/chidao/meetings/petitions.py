"""Writes of the petitions register: a petition is created with its session, then the office
records the body that must answer, the answer, or closes it.

Turning a petition into a task sits above meetings and tasks: ``chidao.workflow.petitions``.
Every write checks the petition's ``version`` (two people editing one petition never silently
overwrite each other) and is recorded in the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.audit.models import EventKind as AuditKind
from chidao.audit.services import record_event
from chidao.meetings.models import ItemKind, Petition, PetitionState, Session, SessionItem
from chidao.meetings.services import ConflictError, MeetingsError
from chidao.organisation.models import LEGACY_KINDS, LOCAL_KINDS, Unit, UnitKind, search_key

ANSWER_MAX = 5000


class PetitionError(MeetingsError):
    """A petition write refused: the message names the field or the state."""


def answering_body(province_code: str, text: str) -> Unit | None:
    """The body a petition asks: the province's body (not a commune, ward, pre-2025 unit or
    the province itself) whose name, or a known alias of it, comes first in ``text``; None
    when the text names none (the office chooses)."""
    from chidao.organisation.bodies import alias_keys

    key = " ".join(search_key(text).split())
    bodies = Unit.objects.filter(province_code=province_code).exclude(
        kind__in=(*LOCAL_KINDS, *LEGACY_KINDS, UnitKind.PROVINCE)
    )
    by_key = {u.search_name: u for u in bodies.only("pk", "name", "search_name", "kind")}
    names: list[tuple[str, Unit]] = list(by_key.items())
    for alias, targets in alias_keys().items():
        names += [(alias, by_key[t]) for t in targets if t in by_key]
    best: tuple[int, int, Unit] | None = None
    for name, unit in names:
        at = key.find(name) if name else -1
        if at >= 0 and (best is None or (at, -len(name)) < (best[0], best[1])):
            best = (at, -len(name), unit)
    return best[2] if best else None


def create_petitions(*, session: Session) -> list[Petition]:
    """One Petition for each petition item of ``session`` that has none yet.

    Side effects: Petition rows (state open; raised by the session's first locality; the body
    to answer guessed from the units the text names, else left for the office).
    """
    place = session.localities.order_by("pk").first()
    items = SessionItem.objects.filter(
        session=session, kind=ItemKind.PETITION, petition__isnull=True
    ).order_by("order", "pk")
    rows = [
        Petition(
            item=item,
            session=session,
            raised_by=place,
            answerer=answering_body(session.province_code, item.text),
        )
        for item in items
    ]
    return Petition.objects.bulk_create(rows)


def _locked(petition: Petition, version: int) -> Petition:
    current = (
        Petition.objects.select_for_update()
        .select_related("item", "session")
        .filter(pk=petition.pk)
        .first()
    )
    if current is None or current.session.deleted_at is not None:
        raise PetitionError(_("Kiến nghị này không còn nữa."))
    if current.version != version:
        raise ConflictError(
            _(
                "Kiến nghị đã được người khác cập nhật (%(state)s) sau khi bạn mở trang: "
                "hãy xem lại rồi ghi lại."
            )
            % {"state": current.get_state_display()}
        )
    return current


def _summary(petition: Petition) -> str:
    return Truncator(petition.item.text).chars(120)


@transaction.atomic
def answer_petition(
    *,
    petition: Petition,
    actor: Any,
    version: int,
    answer: str,
    answerer: Unit | None = None,
) -> Petition:
    """Record the answer to ``petition`` (and the body that gave it, when said).

    Side effects: the petition's answer, answerer, answered_at/by; its state becomes answered
    (a petition already turned into a task keeps that state); version +1; an audit event.
    Raises PetitionError for an empty answer or a closed petition, ConflictError for a stale
    ``version``.
    """
    current = _locked(petition, version)
    text = (answer or "").strip()
    if not text:
        raise PetitionError(_("Trả lời: hãy nhập nội dung trả lời."))
    if len(text) > ANSWER_MAX:
        raise PetitionError(
            _("Trả lời: dài %(n)d ký tự, tối đa %(max)d.") % {"n": len(text), "max": ANSWER_MAX}
        )
    if current.state == PetitionState.CLOSED:
        raise PetitionError(_("Kiến nghị đã đóng: không ghi thêm trả lời."))
    if answerer is not None and answerer.province_code != current.session.province_code:
        raise PetitionError(_("Cơ quan trả lời: «%(unit)s» không thuộc tỉnh.") % {"unit": answerer})
    current.answer = text
    if answerer is not None:
        current.answerer = answerer
    current.answered_at = timezone.now()
    current.answered_by = actor if getattr(actor, "is_authenticated", False) else None
    if current.state != PetitionState.TASKED:
        current.state = PetitionState.ANSWERED
    current.version += 1
    current.save()
    record_event(
        kind=AuditKind.OTHER,
        actor=actor,
        target=current,
        summary=_("Trả lời kiến nghị: %(text)s") % {"text": _summary(current)},
        data={"answerer": current.answerer_id, "state": current.state},
    )
    return current


@transaction.atomic
def close_petition(*, petition: Petition, actor: Any, version: int) -> Petition:
    """Close ``petition`` (nothing more to do about it).

    Side effects: state closed, version +1, an audit event. Raises PetitionError when it is
    already closed, ConflictError for a stale ``version``.
    """
    current = _locked(petition, version)
    if current.state == PetitionState.CLOSED:
        raise PetitionError(_("Kiến nghị đã đóng."))
    current.state = PetitionState.CLOSED
    current.version += 1
    current.save(update_fields=["state", "version"])
    record_event(
        kind=AuditKind.OTHER,
        actor=actor,
        target=current,
        summary=_("Đóng kiến nghị: %(text)s") % {"text": _summary(current)},
    )
    return current


def mark_tasked(*, petition: Petition, directive: Any) -> Petition:
    """Link ``petition`` (locked by the caller) to the directive created for it.

    Side effects: directive set, state tasked, version +1 (the caller holds the transaction
    and records the audit event).
    """
    petition.directive = directive
    petition.state = PetitionState.TASKED
    petition.version += 1
    petition.save(update_fields=["directive", "state", "version"])
    return petition


def lock_petition(petition: Petition, version: int) -> Petition:
    """``petition`` locked for a write in the caller's transaction (ConflictError when stale)."""
    return _locked(petition, version)
