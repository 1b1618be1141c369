"""Keeping the search index: what text each document, session, directive and petition is
found by, one entry at a time (signals) or all at once (``chidao reindex``, the generator).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import transaction

from chidao.meetings.models import Directive, ItemKind, Session, SessionItem, SourceDocument
from chidao.organisation.models import search_key
from chidao.search.models import EntryKind, SearchEntry

BATCH = 2000


def _key(*parts: Any) -> str:
    return search_key(" ".join(str(p) for p in parts if p))


def directive_entry(d: Directive) -> SearchEntry:
    session = d.session
    return SearchEntry(
        kind=EntryKind.DIRECTIVE,
        object_id=d.pk,
        province_code=session.province_code,
        session_id=session.pk,
        date=session.date,
        title=d.text[:300],
        key=_key(d.text, d.issuer_name, d.topic, session.title),
    )


def session_entry(s: Session) -> SearchEntry:
    places = [u.name for u in s.localities.all()]
    chairs = [p.full_name for p in s.chairs.all()]
    return SearchEntry(
        kind=EntryKind.SESSION,
        object_id=s.pk,
        province_code=s.province_code,
        session_id=s.pk,
        date=s.date,
        title=(s.title or f"#{s.pk}")[:300],
        key=_key(s.title, *places, *chairs),
    )


def document_entry(doc: SourceDocument, session: Session | None = None) -> SearchEntry:
    return SearchEntry(
        kind=EntryKind.DOCUMENT,
        object_id=doc.pk,
        province_code=doc.province_code,
        session_id=session.pk if session else None,
        date=session.date if session and session.date else _day(doc.created_at),
        title=(doc.title or doc.filename or doc.sha256[:12])[:300],
        key=_key(doc.title, doc.filename, doc.text),
    )


def petition_entry(item: SessionItem) -> SearchEntry:
    session = item.session
    data = item.data or {}
    return SearchEntry(
        kind=EntryKind.PETITION,
        object_id=item.pk,
        province_code=session.province_code,
        session_id=session.pk,
        date=session.date,
        title=item.text[:300],
        key=_key(item.text, data.get("by"), data.get("answerer"), session.title),
    )


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def save(entry: SearchEntry) -> None:
    """Insert or replace the entry of ``entry.kind``/``entry.object_id``."""
    SearchEntry.objects.update_or_create(
        kind=entry.kind,
        object_id=entry.object_id,
        defaults={
            f: getattr(entry, f) for f in ("province_code", "session_id", "date", "title", "key")
        },
    )


def forget(kind: str, object_id: int) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def index_session(session: Session) -> None:
    """(Re)index a session with its document, directives and petitions."""
    save(session_entry(session))
    save(document_entry(session.document, session))
    for d in session.directives.select_related("session"):
        save(directive_entry(d))
    for item in session.items.filter(kind=ItemKind.PETITION).select_related("session"):
        save(petition_entry(item))


def _chunks(rows: Iterable[SearchEntry]) -> Iterator[list[SearchEntry]]:
    chunk: list[SearchEntry] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= BATCH:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _all_entries(province_code: str | None) -> Iterator[SearchEntry]:
    sessions = Session.objects.all()
    documents = SourceDocument.objects.all()
    if province_code:
        sessions = sessions.filter(province_code=province_code)
        documents = documents.filter(province_code=province_code)
    by_pk: dict[int, Session] = {}
    for s in sessions.prefetch_related("localities", "chairs").iterator(chunk_size=BATCH):
        by_pk[s.pk] = s
        yield session_entry(s)
    for doc in documents.iterator(chunk_size=BATCH):
        session = by_pk.get(getattr(doc, "session_pk", 0) or 0)
        yield document_entry(doc, session)
    for d in Directive.objects.filter(session__in=sessions).iterator(chunk_size=BATCH):
        d.session = by_pk[d.session_id]
        yield directive_entry(d)
    petitions = SessionItem.objects.filter(kind=ItemKind.PETITION, session__in=sessions)
    for item in petitions.iterator(chunk_size=BATCH):
        item.session = by_pk[item.session_id]
        yield petition_entry(item)


@transaction.atomic
def reindex(province_code: str | None = None) -> int:
    """Rebuild the whole index (or one province's). Side effects: deletes and recreates
    every SearchEntry of the scope. Returns the number of entries."""
    old = SearchEntry.objects.all()
    if province_code:
        old = old.filter(province_code=province_code)
    old.delete()
    sessions_of = dict(Session.objects.values_list("document_id", "pk"))
    count = 0
    for chunk in _chunks(_with_sessions(_all_entries(province_code), sessions_of)):
        SearchEntry.objects.bulk_create(chunk, batch_size=BATCH)
        count += len(chunk)
    return count


def _with_sessions(
    entries: Iterator[SearchEntry], sessions_of: dict[int, int]
) -> Iterator[SearchEntry]:
    """Documents learn their session (and its date) from the document -> session map."""
    dates: dict[int, Any] = {}
    for e in entries:
        if e.kind == EntryKind.SESSION:
            dates[e.object_id] = e.date
        elif e.kind == EntryKind.DOCUMENT and e.object_id in sessions_of:
            e.session_id = sessions_of[e.object_id]
            e.date = dates.get(e.session_id) or e.date
        yield e
