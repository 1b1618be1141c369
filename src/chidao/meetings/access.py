"""The gatekeeper of the meetings domain: who may see a source document or a session.

Pages, htmx partials, exports and the API all ask here (never filter documents or sessions
by role themselves); a single object comes through ``get_document_for_user`` or
``get_session_object_for_user``, which answer Http404 for "missing" and "not yours" alike.

- source documents (review): the office staff of their province only;
- sessions: office, leaders and administrators of their province; a deleted session is seen
  by nobody (the administrator restores it in the admin).  A unit officer sees no
  session page: a session shows every unit's tasks; the officer sees the directives that gave
  their unit a task (``chidao.tasks.access``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from chidao.meetings.models import Session, SourceDocument
from chidao.organisation.access import can_read_province, is_office, province_code_of
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
