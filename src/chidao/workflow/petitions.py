"""A petition turned into a task for the body that must answer it (meetings and tasks both
change: this sits above them, like the corrections of a confirmed session)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.audit.models import EventKind as AuditKind
from chidao.audit.services import record_event
from chidao.meetings import petitions
from chidao.meetings.models import Directive, Petition, PetitionState
from chidao.organisation.models import Unit
from chidao.workflow.corrections import add_directive


@transaction.atomic
def petition_to_task(
    *,
    petition: Petition,
    actor: Any,
    version: int,
    unit: Unit | None = None,
    deadline: dt.date | None = None,
    text: str = "",
) -> Directive:
    """Turn ``petition`` into a task for ``unit`` (default: the petition's answering body).

    Side effects: a Directive in the petition's session ("Giải quyết kiến nghị: ..." unless
    ``text`` says otherwise) with one task for the unit (its CREATED event); the petition
    links to that directive, its state becomes tasked, version +1, its answering body is the
    unit; an audit event. Raises PetitionError when no unit is known, when the petition is
    closed or already a task; ConflictError for a stale ``version``.
    """
    current = petitions.lock_petition(petition, version)
    if current.state in (PetitionState.CLOSED, PetitionState.TASKED):
        raise petitions.PetitionError(
            _("Kiến nghị %(state)s: không giao thành nhiệm vụ được nữa.")
            % {"state": str(current.get_state_display()).lower()}
        )
    target = unit or current.answerer
    if target is None:
        raise petitions.PetitionError(
            _("Cơ quan trả lời: hãy chọn đơn vị sẽ nhận nhiệm vụ giải quyết kiến nghị.")
        )
    wording = " ".join((text or "").split()) or _("Giải quyết kiến nghị: %(text)s") % {
        "text": current.item.text
    }
    directive = add_directive(
        session=current.session,
        actor=actor,
        text=wording,
        units=[target.pk],
        deadline=deadline,
    )
    current.answerer = target
    current.save(update_fields=["answerer"])
    petitions.mark_tasked(petition=current, directive=directive)
    record_event(
        kind=AuditKind.OTHER,
        actor=actor,
        target=current,
        summary=_("Giao kiến nghị thành nhiệm vụ cho %(unit)s: %(text)s")
        % {"unit": target.name, "text": Truncator(current.item.text).chars(100)},
        data={"directive": directive.pk, "unit": target.pk},
    )
    return directive
