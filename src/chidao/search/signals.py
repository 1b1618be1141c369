"""The index follows the rows: saved or deleted documents, sessions, directives, petitions.

Items are bulk-created when a session is confirmed (no signal): a session's petitions not
yet indexed are indexed when one of its directives is saved, and ``chidao reindex``
rebuilds everything.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from chidao.meetings.models import Directive, ItemKind, Session, SessionItem, SourceDocument
from chidao.search import index
from chidao.search.models import EntryKind, SearchEntry


def _directive_saved(sender: Any, instance: Directive, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    index.save(index.directive_entry(instance))
    known = SearchEntry.objects.filter(
        kind=EntryKind.PETITION, session_id=instance.session_id
    ).values("object_id")
    for item in (
        SessionItem.objects.filter(session_id=instance.session_id, kind=ItemKind.PETITION)
        .exclude(pk__in=known)
        .select_related("session")
    ):
        index.save(index.petition_entry(item))


def _session_saved(sender: Any, instance: Session, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    index.save(index.session_entry(instance))
    index.save(index.document_entry(instance.document, instance))


def _session_links(sender: Any, instance: Any, action: str, **kw: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Session):
        index.save(index.session_entry(instance))


def _document_saved(sender: Any, instance: SourceDocument, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    session = Session.objects.filter(document=instance).first()
    index.save(index.document_entry(instance, session))


def _item_saved(sender: Any, instance: SessionItem, raw: bool = False, **kw: Any) -> None:
    if not raw and instance.kind == ItemKind.PETITION:
        index.save(index.petition_entry(instance))


def _deleted(kind: str) -> Any:
    def handler(sender: Any, instance: Any, **kw: Any) -> None:
        index.forget(kind, instance.pk)

    return handler


_HANDLERS: list[Any] = []


def connect() -> None:
    post_save.connect(_directive_saved, sender=Directive, dispatch_uid="search-directive")
    post_save.connect(_session_saved, sender=Session, dispatch_uid="search-session")
    post_save.connect(_document_saved, sender=SourceDocument, dispatch_uid="search-document")
    post_save.connect(_item_saved, sender=SessionItem, dispatch_uid="search-item")
    for through in (Session.localities.through, Session.chairs.through):
        m2m_changed.connect(_session_links, sender=through, dispatch_uid=f"search-{through}")
    for model, kind in (
        (Directive, EntryKind.DIRECTIVE),
        (Session, EntryKind.SESSION),
        (SourceDocument, EntryKind.DOCUMENT),
        (SessionItem, EntryKind.PETITION),
    ):
        handler = _deleted(kind)
        _HANDLERS.append(handler)  # signals keep weak references
        post_delete.connect(handler, sender=model, dispatch_uid=f"search-del-{kind}")
