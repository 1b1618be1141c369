"""The gatekeeper of the meetings domain: who may see a source document or a session.

Pages, htmx partials, exports and the API all ask here (never filter documents or sessions
by role themselves); a single object comes through ``get_document_for_user`` or
``get_session_object_for_user``, which answer Http404 for "missing" and "not yours" alike.

- source documents (review): the office staff of their province only;
- sessions: office, leaders and administrators of their province; a deleted session is seen
  by nobody (the administrator restores it in the admin).  A unit officer sees no
  session page: a session shows every unit's tasks; the officer sees the directives that gave
  their unit a task (``chidao.tasks.access``);
- sessions held with a unit (its dossier): the province's readers, and the unit's officer for
  their own unit only (``unit_sessions_visible_to``), as a list, without the session page;
- petitions: the province's readers see every petition of a live session; an officer sees
  those their unit raised or must answer; the office alone records answers (the views
  admit the office role, then fetch through ``get_petition_for_user``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from chidao.meetings.models import ItemKind, Petition, Session, SessionItem, SourceDocument
from chidao.organisation.access import (
    can_read_province,
    is_office,
    is_officer,
    province_code_of,
    unit_of,
)
from chidao.organisation.users import RequestUser


def as_pk(value: Any) -> int:
    """A primary key from a URL or form value; Http404 when it is not a number."""
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        raise Http404 from e


def documents_visible_to(user: RequestUser) -> QuerySet[SourceDocument]:
    """The documents of the office's province (none for other roles)."""
    code = province_code_of(user)
    if not is_office(user) or not code:
        return SourceDocument.objects.none()
    return SourceDocument.objects.filter(province_code=code)


def get_document_for_user(user: RequestUser, pk: Any) -> SourceDocument:
    """The document ``pk`` if ``user`` is office staff of its province, else Http404."""
    document = documents_visible_to(user).select_related("uploaded_by").filter(pk=as_pk(pk))
    found = document.first()
    if found is None:
        raise Http404("no such document")
    return found


def sessions_visible_to(user: RequestUser) -> QuerySet[Session]:
    """The confirmed sessions of the province of an office, leader or administrator."""
    code = province_code_of(user)
    if not can_read_province(user) or not code:
        return Session.objects.none()
    return Session.objects.filter(province_code=code, deleted_at__isnull=True)


def get_session_object_for_user(user: RequestUser, pk: Any) -> Session:
    """The session ``pk`` if ``user`` may see it (nothing prefetched); Http404 otherwise."""
    session = sessions_visible_to(user).filter(pk=as_pk(pk)).first()
    if session is None:
        raise Http404("no such session")
    return session


def unit_sessions_visible_to(user: RequestUser, unit_ids: Sequence[int]) -> QuerySet[Session]:
    """The live sessions held with any of ``unit_ids`` (a locality of the session, or an agency
    named in it) that ``user`` may list: the province's readers, or the officer of the first
    unit (the dossier's own; the others are its predecessors before July 2025)."""
    code = province_code_of(user)
    if not code or not unit_ids:
        return Session.objects.none()
    if is_officer(user):
        own = unit_of(user)
        if own is None or own.pk != unit_ids[0]:
            return Session.objects.none()
    elif not can_read_province(user):
        return Session.objects.none()
    # the units' sessions through the indexes on the units (not a probe of every session)
    places = Session.localities.through.objects.filter(unit_id__in=unit_ids).values("session_id")
    named = SessionItem.objects.filter(kind=ItemKind.AGENCY, unit_id__in=unit_ids).values(
        "session_id"
    )
    return Session.objects.filter(province_code=code, deleted_at__isnull=True).filter(
        Q(pk__in=places) | Q(pk__in=named)
    )


def petitions_visible_to(user: RequestUser) -> QuerySet[Petition]:
    """The petitions of the province's live sessions (readers), or those the officer's unit
    raised or must answer; none for anyone else."""
    code = province_code_of(user)
    if not code:
        return Petition.objects.none()
    live = Petition.objects.filter(session__province_code=code, session__deleted_at__isnull=True)
    if is_officer(user):
        own = unit_of(user)
        if own is None:
            return Petition.objects.none()
        return live.filter(Q(raised_by=own) | Q(answerer=own))
    if can_read_province(user):
        return live
    return Petition.objects.none()


def get_petition_for_user(user: RequestUser, pk: Any) -> Petition:
    """The petition ``pk`` if ``user`` may see it; Http404 for missing and not-yours alike."""
    found = (
        petitions_visible_to(user)
        .select_related("item", "session", "raised_by", "answerer", "directive")
        .filter(pk=as_pk(pk))
        .first()
    )
    if found is None:
        raise Http404("no such petition")
    return found
