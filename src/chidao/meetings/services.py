"""Writes of the meetings app: ingest reports, edit their review draft, confirm them.

- ``ingest_text`` / ``ingest_file`` / ``ingest_paths``: a report becomes a SourceDocument in
  review (the same content, by ``record["sha256"]``, is never stored twice);
- draft edits (``edit_item``, ``split_directive``, ``merge_directives``, ``drop_item``,
  ``restore_dropped``, ``add_item``, ``set_session``): each carries the ``version`` the reviewer saw; a stale
  version raises :class:`ConflictError` and changes nothing;
- ``discard``: set aside a document that is no session report;
- ``store_session``: the session, its items and directives (``chidao.workflow`` adds the
  tasks).
"""

from __future__ import annotations

import copy
import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.extract import (
    SUPPORTED,
    ExtractError,
    Options,
    extract,
    load_bytes,
    max_bytes,
    read_bytes,
)
from chidao.extract import read as readers
from chidao.extract.record import content_hash
from chidao.meetings import draft as drafts
from chidao.meetings.models import Directive, DocumentStatus, Session, SessionItem, SourceDocument
from chidao.organisation import queries as organisation_queries
from chidao.organisation import services as organisation
from chidao.organisation.models import LEGACY_KINDS, LOCAL_KINDS, Person, Unit, UnitKind


class MeetingsError(Exception):
    """A write on a document that cannot be done; the message says why and is shown to users."""


class ConflictError(MeetingsError):
    """Someone else changed the draft since the caller read it (stale ``version``)."""


class DraftError(MeetingsError):
    """A draft edit or a confirmation refused: the message names the item, field or value."""


UNSET: Any = object()
"""Default of optional edit arguments: "leave this field as it is" (``None`` clears it)."""


# ---------------------------------------------------------------- ingest


def province_name(province_code: str) -> str | None:
    """The name of the province with this code ("38" → "Thanh Hóa"), or None when unknown."""
    from chidao.organisation.provinces import find_province

    try:
        return find_province(province_code).name
    except LookupError:
        return None


def _ref(unit: Unit) -> drafts.UnitRef:
    return drafts.UnitRef(
        unit.pk,
        unit.name,
        legacy=unit.kind in LEGACY_KINDS or unit.valid_to is not None,
        local=unit.kind in (*LOCAL_KINDS, *LEGACY_KINDS),
    )


def _suggester(province_code: str) -> drafts.UnitSuggester:
    def suggest(text: str) -> list[drafts.UnitRef]:
        return [_ref(u) for u in organisation.find_units(province_code=province_code, text=text)]

    return suggest


def _by_code(province_code: str) -> drafts.UnitByCode:
    """The unit of the province with an official code (the extractor's ``code``/``unit_code``):
    of today's units for era "2025", of the pre-2025 ones for "legacy"."""

    def unit(code: str, era: str | None) -> drafts.UnitRef | None:
        found = organisation_queries.unit_by_code(
            province_code=province_code,
            code=code,
            legacy=None if era is None else era == "legacy",
        )
        return _ref(found) if found is not None else None

    return unit


def _known_units(province_code: str) -> drafts.KnownUnits:
    """The province's unit names and the aliases of its bodies, read once on first use."""
    from functools import cache

    from chidao.organisation.bodies import alias_keys

    @cache
    def known() -> tuple[drafts.UnitRef, ...]:
        units = list(
            Unit.objects.filter(province_code=province_code).exclude(kind=UnitKind.PROVINCE)
        )
        refs = [_ref(u) for u in units]
        by_key: dict[str, list[Unit]] = {}
        for u in units:
            by_key.setdefault(u.search_name, []).append(u)
        for alias, names in alias_keys().items():
            for name in names:
                refs += [_ref(u)._replace(name=alias) for u in by_key.get(name, [])]
        return tuple(refs)

    return known


def normalise_text(text: str) -> str:
    """The text as stored and hashed: NFC, "\n" line ends, no surrounding blank space.

    So the same report pasted in a browser (CRLF, no final newline) or read from a file
    is recognised as the same content.
    """
    text = unicodedata.normalize("NFC", text or "")
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def ingest_text(
    *,
    text: str,
    filename: str,
    province_code: str,
    actor: Any | None,
    published: dt.date | None = None,
    file: tuple[str, bytes] | None = None,
) -> tuple[SourceDocument, bool]:
    """Extract a report's record and store it as a document waiting for review.

    Returns ``(document, created)``. A report already ingested returns the existing document
    with ``created=False`` and writes nothing (except that a discarded document goes back to
    review): the same text (``sha256`` of the normalised raw text) or the same cleaned text
    (``text_sha256``: the .txt and the .html of one report are one document). ``file`` is the
    original upload ``(name, bytes)``, saved under MEDIA_ROOT with a new document.
    Side effects: one SourceDocument row (status REVIEW, ``record`` the extractor's typed
    record in its JSON form, ``draft`` built from it with units resolved by code, names only
    as the fallback), and the saved file. Raises ExtractError naming ``filename`` on an empty
    text or a failure of the extractor.
    """
    source = filename or "<văn bản dán>"
    readers.check_length(text or "", source)  # before any work: the limit of every text
    text = normalise_text(text)
    if not text:
        raise ExtractError(source, "the text is empty")
    record = extract(
        text,
        Options(
            published=published,
            received=timezone.localdate(),  # the session is never after the day it was read
            province=province_name(province_code),
            source=source,
        ),
    )
    text_sha256 = content_hash(record.text)
    existing = _existing(record.sha256, text_sha256, province_code, source)
    if existing is not None:
        return existing, False
    document = SourceDocument(
        sha256=record.sha256,
        text_sha256=text_sha256,
        filename=(filename or "")[:255],
        raw_text=text,
        text=record.text,
        title=(record.title or "")[:500],
        record=record.to_json(),
        draft=drafts.build_draft(
            record,
            _suggester(province_code),
            _known_units(province_code),
            _by_code(province_code),
        ),
        province_code=province_code,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            if file is not None:
                document.file.save(Path(file[0]).name, ContentFile(file[1]), save=False)
            document.save()
    except IntegrityError:
        # the same report ingested at the same moment by someone else
        if document.file:
            document.file.delete(save=False)
        return SourceDocument.objects.get(sha256=record.sha256), False
    return document, True


def _existing(
    sha256: str, text_sha256: str, province_code: str, source: str
) -> SourceDocument | None:
    """The document already ingested with this text or this cleaned text (a discarded one goes
    back to review), in one query.

    The same content ingested for another province is refused without saying what it is.
    """
    existing = (
        SourceDocument.objects.filter(Q(sha256=sha256) | Q(text_sha256=text_sha256))
        .order_by("pk")
        .first()
    )
    if existing is None:
        return None
    if existing.province_code != province_code:
        raise ExtractError(source, "this report was already ingested for another province")
    return _reopen_if_discarded(existing)


def ingest_file(
    *,
    file: Any,
    province_code: str,
    actor: Any | None,
    published: dt.date | None = None,
) -> tuple[SourceDocument, bool]:
    """Ingest a file: a path (str or Path) or an uploaded file (``.name``, ``.read()``).

    The text is read by the extractor's public reader (``chidao.extract.read_bytes``: .txt,
    .html, .docx, .pdf, with the extractor's size limits, ``chidao.extract.max_bytes``); the
    original file is kept under MEDIA_ROOT with a new document. Returns ``(document, created)``
    as :func:`ingest_text`. Raises ExtractError naming the file when it cannot be read.
    """
    if isinstance(file, (str, Path)):
        name = str(file)
        data = load_bytes(file)
    else:
        name = getattr(file, "name", "") or "upload"
        limit = max_bytes(name) + 1  # one byte more: read_bytes says "too large"
        data = file.read(limit) if hasattr(file, "read") else bytes(file)
    text = read_bytes(data, name)
    return ingest_text(
        text=text,
        filename=Path(name).name,
        province_code=province_code,
        actor=actor,
        published=published,
        file=(Path(name).name, data),
    )


@dataclass
class IngestResult:
    """One file of a batch: its document (and whether it is new), or why it failed."""

    path: Path
    document: SourceDocument | None = None
    created: bool = False
    error: str | None = None

    def __str__(self) -> str:
        if self.error is not None:
            return f"{self.path}: error: {self.error}"
        state = "created" if self.created else "already ingested"
        return f"{self.path}: {state} (document {self.document.pk if self.document else '?'}: {self.document})"


@dataclass
class IngestBatch:
    """What a batch did, file by file, in order.

    Iterating gives ``(document, created)`` for the files that went in.
    """

    results: list[IngestResult] = field(default_factory=list)

    @property
    def failures(self) -> list[IngestResult]:
        return [r for r in self.results if r.error is not None]

    @property
    def documents(self) -> list[tuple[SourceDocument, bool]]:
        return [(r.document, r.created) for r in self.results if r.document is not None]

    def __iter__(self) -> Iterator[tuple[SourceDocument, bool]]:
        return iter(self.documents)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files named by ``paths``, directories recursed (supported extensions only), sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            out.append(p)
    return out


def ingest_paths(
    *,
    paths: Iterable[str | Path],
    province_code: str,
    actor: Any | None = None,
    published: dt.date | None = None,
) -> IngestBatch:
    """Ingest files and directories (recursed); one bad file does not stop the others.

    Side effects: those of :func:`ingest_file` for each file, each in its own transaction.
    """
    batch = IngestBatch()
    for path in expand_paths(paths):
        try:
            document, created = ingest_file(
                file=path, province_code=province_code, actor=actor, published=published
            )
        except ExtractError as e:
            batch.results.append(IngestResult(path, error=e.message))
        except Exception as e:  # one broken file must not stop the batch
            batch.results.append(IngestResult(path, error=f"{type(e).__name__}: {e}"))
        else:
            batch.results.append(IngestResult(path, document, created))
    return batch


# ---------------------------------------------------------------- draft edits


def _locked(document: SourceDocument, version: int) -> SourceDocument:
    """The document locked for update, if still in review and at ``version``."""
    current = SourceDocument.objects.select_for_update().filter(pk=document.pk).first()
    if current is None:
        raise DraftError(_("Văn bản %(pk)s không còn tồn tại.") % {"pk": document.pk})
    if current.status != DocumentStatus.REVIEW:
        raise DraftError(
            _("«%(doc)s» đã ở trạng thái “%(status)s”: không thể sửa nữa.")
            % {"doc": current, "status": current.get_status_display()}
        )
    if int(version) != current.version:
        raise ConflictError(
            _(
                "«%(doc)s» vừa được người khác sửa (phiên bản %(current)s, trang của bạn là phiên bản "
                "%(yours)s): hãy tải lại trang và làm lại thay đổi."
            )
            % {"doc": current, "current": current.version, "yours": version}
        )
    drafts.assign_ids(current.draft)  # drafts stored before items had ids
    return current


def _save_draft(
    document: SourceDocument, current: SourceDocument, draft: dict[str, Any]
) -> SourceDocument:
    drafts.assign_ids(draft)  # new items (added, split) get theirs
    updated = SourceDocument.objects.filter(pk=current.pk, version=current.version).update(
        draft=draft, version=current.version + 1
    )
    if not updated:  # cannot happen under the row lock; kept as the compare-and-swap guard
        raise ConflictError(
            _("«%(doc)s» vừa được người khác sửa: hãy tải lại trang.") % {"doc": current}
        )
    document.draft = draft
    document.version = current.version + 1
    return document


def _where(key: str, index: int, name: str | None = None) -> str:
    """How a message names an item, or one of its fields: "Chỉ đạo số 2, thời hạn"."""
    where = _("%(kind)s số %(n)d") % {"kind": drafts.KIND_LABELS.get(key, key), "n": index + 1}
    if name is not None:
        where = f"{where}, {drafts.FIELD_LABELS.get(name, name)}"
    return where


def _items(draft: dict[str, Any], key: str) -> list[dict[str, Any]]:
    if key not in drafts.KEYS:
        raise DraftError(_("Loại mục không hợp lệ: “%(kind)s”.") % {"kind": key})
    return draft.setdefault(key, [])


def _item(items: list[dict[str, Any]], key: str, item_id: str) -> tuple[int, dict[str, Any]]:
    """The position and the item of id ``item_id``; DraftError when the draft has no such item
    (dropped, merged, or never there)."""
    for index, item in enumerate(items):
        if item.get("id") == str(item_id):
            return index, item
    raise DraftError(
        _("%(kind)s: không có mục “%(id)s” (có thể vừa bị bỏ hoặc gộp; hãy tải lại trang).")
        % {"kind": drafts.KIND_LABELS.get(key, key), "id": item_id}
    )


def _parse_date(value: Any, field_name: str) -> str | None:
    """An ISO date string from a date, an ISO string, "dd/mm/yyyy" or None."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise DraftError(
        _("%(field)s: “%(value)s” không phải là ngày (dd/mm/yyyy).")
        % {"field": field_name, "value": value}
    )


def _unit_ids(province_code: str, units: Iterable[Any], label: str) -> list[int]:
    ids: list[int] = []
    for u in units:
        pk = u.pk if isinstance(u, Unit) else u
        try:
            pk = int(pk)
        except (TypeError, ValueError) as e:
            raise DraftError(
                _("%(field)s: “%(value)s” không phải là mã đơn vị.") % {"field": label, "value": u}
            ) from e
        if pk not in ids:
            ids.append(pk)
    known = set(
        Unit.objects.filter(pk__in=ids, province_code=province_code).values_list("pk", flat=True)
    )
    missing = [pk for pk in ids if pk not in known]
    if missing:
        raise DraftError(
            _("%(field)s: đơn vị %(ids)s không có trong tỉnh này.")
            % {"field": label, "ids": ", ".join(map(str, missing))}
        )
    return ids


def _strings(value: Any, label: str) -> list[str]:
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, (list, tuple)):
        raise DraftError(
            _("%(field)s: cần một danh sách, không phải “%(value)s”.")
            % {"field": label, "value": value}
        )
    return [" ".join(str(v).split()) for v in value if str(v).strip()]


def _clean_field(document: SourceDocument, key: str, index: int, name: str, value: Any) -> Any:
    label = _where(key, index, name)
    if name not in drafts.EDITABLE[key]:
        raise DraftError(_("%(field)s: không sửa được trường này.") % {"field": label})
    if name == "text":
        text = " ".join(str(value or "").split())
        if not text:
            raise DraftError(_("%(field)s: không được để trống.") % {"field": label})
        return text
    if name in ("assignees", "titles"):
        return _strings(value, label)
    if name in ("units", "support"):
        return _unit_ids(document.province_code, value or [], label)
    if name == "deadline":
        return _parse_date(value, label)
    if name == "value":
        if value in (None, ""):
            return None
        try:
            return (
                float(str(value).replace(".", "").replace(",", "."))
                if isinstance(value, str)
                else float(value)
            )
        except ValueError as e:
            raise DraftError(
                _("%(field)s: “%(value)s” không phải là số.") % {"field": label, "value": value}
            ) from e
    return " ".join(str(value).split()) if value is not None else None


@transaction.atomic
def edit_item(
    *, document: SourceDocument, version: int, kind: str, item_id: str, **fields: Any
) -> SourceDocument:
    """Change fields of one draft item (directive: text, issuer, assignees, units, support,
    deadline, topic).

    ``kind`` is a draft key ("directives", "petitions", ...), ``item_id`` the item's id;
    ``units`` are Unit objects or ids
    of the document's province; ``support`` those of them that support (phối hợp) rather than
    lead (chủ trì; at least one unit leads); ``deadline`` a date, ISO or dd/mm/yyyy text, or None.
    Choosing units for a directive clears its ``needs_choice`` flag.
    Side effects: the document's draft and version (+1). Raises ConflictError on a stale
    version, DraftError naming the item and field on a bad value.
    """
    current = _locked(document, version)
    draft = copy.deepcopy(current.draft)
    items = _items(draft, kind)
    index, item = _item(items, kind, item_id)
    for name, value in fields.items():
        item[name] = _clean_field(current, kind, index, name, value)
    if kind == "localities" and "text" in fields:
        item.pop("unit", None)  # another name: its unit is looked up again at confirmation
    if kind == "directives" and "units" in fields:
        item["needs_choice"] = not item["units"]
    if kind == "directives" and ("units" in fields or "support" in fields):
        item["support"] = drafts.lead_and_support(item["units"], item.get("support") or [])
    return _save_draft(document, current, draft)


def _as_in_source(text: str, item: dict[str, Any]) -> bool:
    """Whether the item's text is still the source text at its offsets (spaces aside)."""
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    return " ".join(text[start:end].split()) == " ".join((item.get("text") or "").split())


@transaction.atomic
def split_directive(
    *, document: SourceDocument, version: int, item_id: str, offset: int
) -> SourceDocument:
    """Split directive ``item_id`` at character ``offset`` of its text into two directives.

    Both keep the issuer, assignees, units, deadline and topic; their offsets into the source
    follow the cut (a text the office edited keeps the offsets of its whole source sentence).
    Side effects: the draft and version (+1).
    """
    current = _locked(document, version)
    draft = copy.deepcopy(current.draft)
    items = _items(draft, "directives")
    index, item = _item(items, "directives", item_id)
    text = item["text"]
    if not 0 < int(offset) < len(text):
        raise DraftError(
            _("%(item)s: không tách được tại ký tự %(offset)s (nội dung có %(length)d ký tự).")
            % {"item": _where("directives", index), "offset": offset, "length": len(text)}
        )
    head, tail = text[:offset], text[offset:]
    if not head.strip() or not tail.strip():
        raise DraftError(
            _("%(item)s: cả hai phần sau khi tách phải có nội dung.")
            % {"item": _where("directives", index)}
        )
    first, second = copy.deepcopy(item), copy.deepcopy(item)
    second["id"] = None  # the second part is a new item (the first keeps the id)
    first["text"], second["text"] = head.strip(), tail.strip()
    if _as_in_source(current.text, item):
        base = item["start"]
        first["end"] = base + len(head.rstrip())
        second["start"] = base + offset + (len(tail) - len(tail.lstrip()))
    # an edited text keeps pointing at the whole source sentence it came from
    items[index : index + 1] = [first, second]
    return _save_draft(document, current, draft)


@transaction.atomic
def merge_directives(*, document: SourceDocument, version: int, item_id: str) -> SourceDocument:
    """Merge directive ``item_id`` with the next one into one directive.

    The text runs from the first's start to the second's end in the source (or the two texts
    joined when the office edited them); assignees and units are united; the deadline is the first
    one set. Side effects: the draft and version (+1).
    """
    current = _locked(document, version)
    draft = copy.deepcopy(current.draft)
    items = _items(draft, "directives")
    index, first = _item(items, "directives", item_id)
    if index + 1 >= len(items):
        raise DraftError(
            _("%(item)s: là chỉ đạo cuối cùng, không có chỉ đạo sau để gộp.")
            % {"item": _where("directives", index)}
        )
    second = items[index + 1]
    merged = copy.deepcopy(first)
    if (
        _as_in_source(current.text, first)
        and _as_in_source(current.text, second)
        and first["start"] < second["end"]
    ):
        merged["text"] = " ".join(current.text[first["start"] : second["end"]].split())
        merged["end"] = second["end"]
    else:  # texts the office edited: keep their words, and the span of both sources when known
        merged["text"] = f"{first['text']} {second['text']}"
        if (
            first.get("start") is None
            or second.get("end") is None
            or first["start"] >= second["end"]
        ):
            merged["start"] = merged["end"] = None
        else:
            merged["end"] = second["end"]
    merged["assignees"] = list(
        dict.fromkeys([*first.get("assignees", []), *second.get("assignees", [])])
    )
    merged["assignee_spans"] = [*first.get("assignee_spans", []), *second.get("assignee_spans", [])]
    merged["units"] = list(dict.fromkeys([*first.get("units", []), *second.get("units", [])]))
    merged["support"] = drafts.lead_and_support(
        merged["units"], [*first.get("support", []), *second.get("support", [])]
    )
    merged["deadline"] = first.get("deadline") or second.get("deadline")
    merged["needs_choice"] = (
        bool(first.get("needs_choice") or second.get("needs_choice")) and not merged["units"]
    )
    merged["topic"] = first.get("topic") or second.get("topic") or ""
    items[index : index + 2] = [merged]
    return _save_draft(document, current, draft)


@transaction.atomic
def drop_item(*, document: SourceDocument, version: int, kind: str, item_id: str) -> SourceDocument:
    """Remove the item ``item_id`` of kind ``kind`` from the draft, keeping it for ``restore_dropped``.

    Side effects: the draft (the item moves to ``draft["dropped"]``, the last
    ``DROPPED_KEPT`` kept) and version (+1).
    """
    current = _locked(document, version)
    draft = copy.deepcopy(current.draft)
    items = _items(draft, kind)
    index, _dropped = _item(items, kind, item_id)
    dropped = items.pop(index)
    draft["dropped"] = [
        *(draft.get("dropped") or []),
        {"kind": kind, "index": index, "item": dropped},
    ][-DROPPED_KEPT:]
    return _save_draft(document, current, draft)


DROPPED_KEPT = 20
"""How many dropped items a draft keeps for undo."""


@transaction.atomic
def restore_dropped(*, document: SourceDocument, version: int) -> SourceDocument:
    """Undo the last drop: the item goes back where it was, with everything the office had set.

    Side effects: the draft and version (+1). Raises DraftError when nothing was dropped.
    """
    current = _locked(document, version)
    draft = copy.deepcopy(current.draft)
    dropped = draft.get("dropped") or []
    if not dropped:
        raise DraftError(_("Không có mục nào vừa bỏ để khôi phục."))
    last = dropped.pop()
    items = _items(draft, last["kind"])
    items.insert(min(int(last["index"]), len(items)), last["item"])
    draft["dropped"] = dropped
    return _save_draft(document, current, draft)


@transaction.atomic
def add_item(
    *, document: SourceDocument, version: int, kind: str, start: int, end: int
) -> SourceDocument:
    """Add an item of kind ``kind`` from the source text ``document.text[start:end]``.

    Surrounding spaces are trimmed off the selection; the item is placed among its kind by
    position. A new directive is issued by the first chair and waits for units.
    Side effects: the draft and version (+1).
    """
    current = _locked(document, version)
    draft = copy.deepcopy(current.draft)
    items = _items(draft, kind)
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(current.text):
        raise DraftError(
            _("%(kind)s: đoạn chọn %(start)s–%(end)s nằm ngoài văn bản (0–%(length)d).")
            % {
                "kind": drafts.KIND_LABELS[kind],
                "start": start,
                "end": end,
                "length": len(current.text),
            }
        )
    selected = current.text[start:end]
    start += len(selected) - len(selected.lstrip())
    end -= len(selected) - len(selected.rstrip())
    if start >= end:
        raise DraftError(
            _("%(kind)s: đoạn chọn không có chữ nào.") % {"kind": drafts.KIND_LABELS[kind]}
        )
    drafts.insert_in_order(items, drafts.new_item(kind, current.text[start:end], start, end, draft))
    return _save_draft(document, current, draft)


@transaction.atomic
def set_session(
    *,
    document: SourceDocument,
    version: int,
    date: Any = UNSET,
    title: Any = UNSET,
    kind: Any = UNSET,
    chairs: Any = UNSET,
    localities: Any = UNSET,
) -> SourceDocument:
    """Set the session's date, title, kind, chairs (names or {"name", "titles"}) or localities.

    Side effects: the draft and version (+1).
    """
    from chidao.meetings.models import SessionKind

    current = _locked(document, version)
    draft = copy.deepcopy(current.draft)
    if date is not UNSET:
        draft["date"] = _parse_date(date, _("Ngày làm việc"))
    if title is not UNSET:
        draft["title"] = " ".join(str(title or "").split())[:500]
    if kind is not UNSET:
        if kind not in SessionKind.values:
            raise DraftError(_("Loại buổi làm việc không hợp lệ: “%(kind)s”.") % {"kind": kind})
        draft["kind"] = kind
    if chairs is not UNSET:
        draft["chairs"] = [
            {"name": " ".join(c.split()), "titles": []}
            if isinstance(c, str)
            else {
                "name": " ".join(str(c.get("name", "")).split()),
                "titles": _strings(c.get("titles") or [], _("chức danh")),
            }
            for c in chairs
        ]
        draft["chairs"] = [c for c in draft["chairs"] if c["name"]]
    if localities is not UNSET:
        old = {(i.get("text") or "").casefold(): i for i in draft.get("localities", [])}
        draft["localities"] = [
            old.get(name.casefold(), {"text": name, "start": None, "end": None})
            for name in _strings(localities, _("Địa phương"))
        ]
    return _save_draft(document, current, draft)


@transaction.atomic
def discard(*, document: SourceDocument, version: int) -> SourceDocument:
    """Set aside a document that is not a session report (it leaves the review list).

    Ingesting the same content again puts it back in review. Side effects: status DISCARDED,
    version (+1). Raises ConflictError on a stale version.
    """
    current = _locked(document, version)
    SourceDocument.objects.filter(pk=current.pk).update(
        status=DocumentStatus.DISCARDED, version=current.version + 1
    )
    document.status = DocumentStatus.DISCARDED
    document.version = current.version + 1
    return document


def _reopen_if_discarded(document: SourceDocument) -> SourceDocument:
    """A discarded document ingested again goes back to review."""
    if document.status == DocumentStatus.DISCARDED:
        SourceDocument.objects.filter(pk=document.pk, status=DocumentStatus.DISCARDED).update(
            status=DocumentStatus.REVIEW, version=document.version + 1
        )
        document.refresh_from_db()
    return document


# ---------------------------------------------------------------- confirm


def _person(
    province_code: str, name: str | None, titles: list[str], on: dt.date | None
) -> Person | None:
    if not name or not name.strip():
        return None
    person = None
    for title in titles or [""]:
        person = organisation.get_or_create_person(
            province_code=province_code, full_name=name, title=title, on=on
        )
    return person


def _locality_unit(province_code: str, item: dict[str, Any]) -> Unit | None:
    """The unit a draft locality was resolved to (by its official code), if of this province."""
    pk = item.get("unit")
    if not isinstance(pk, int):
        return None
    return Unit.objects.filter(pk=pk, province_code=province_code).first()


def _first_unit(province_code: str, text: str) -> Unit | None:
    found = organisation.find_units(province_code=province_code, text=text)
    return found[0] if found else None


def check_ready(draft: dict[str, Any], today: dt.date | None = None) -> list[str]:
    """What stops a draft from being confirmed: no session date, a date after today, one
    message per directive with no unit."""
    problems = []
    date = drafts.session_date(draft)
    if date is None:
        problems.append(_("Chưa có ngày làm việc: hãy nhập ngày trước khi xác nhận."))
    elif date > (today or timezone.localdate()):
        problems.append(
            _("Ngày làm việc %(date)s ở sau hôm nay: hãy sửa ngày trước khi xác nhận.")
            % {"date": date.strftime("%d/%m/%Y")}
        )
    for i, d in enumerate(draft.get("directives") or []):
        if not d.get("units"):
            problems.append(
                _("Chỉ đạo số %(n)d «%(text)s» chưa chọn đơn vị thực hiện.")
                % {"n": i + 1, "text": Truncator(d.get("text") or "").chars(80)}
            )
    return problems


def missing_essentials(draft: dict[str, Any]) -> list[str]:
    """What a session report normally has and this draft lacks (no directive, no leader):
    confirming it anyway needs an explicit reason."""
    missing = []
    directives = draft.get("directives") or []
    if not directives:
        missing.append(_("không có chỉ đạo nào"))
    leaders = [c for c in draft.get("chairs") or [] if (c.get("name") or "").strip()]
    if not leaders and not any((d.get("issuer") or "").strip() for d in directives):
        missing.append(_("không có lãnh đạo chủ trì"))
    return missing


@dataclass(frozen=True)
class Assignment:
    """A stored directive and the units it gives tasks to (``support``: the supporting ones)."""

    directive: Directive
    units: list[Unit]
    support: set[int]


@transaction.atomic
def store_session(
    *, document: SourceDocument, actor: Any, reason: str = ""
) -> tuple[Session, list[Assignment]]:
    """Store the reviewed draft as a confirmed session, in one transaction; the tasks are
    created by the caller (``chidao.workflow.sessions.confirm``) from the assignments returned.

    Side effects: one Session (chairs → Person, localities → Unit); a SessionItem for every
    person, locality, agency, indicator, difficulty, petition and site visit (text, offsets);
    a Petition per petition item (open, for the petitions register); a Directive per draft directive (issuer Person, assignee_text, deadline, topic); the
    document becomes CONFIRMED (version +1).
    Any failure stores nothing. Raises DraftError when the session has no date (or one
    after today), naming the directive that has no unit, when the record lacks a directive or
    a leader and no ``reason`` is given (kept in ``Session.confirm_reason``), or when the
    document is not in review.
    """
    current = SourceDocument.objects.select_for_update().filter(pk=document.pk).first()
    if current is None or current.status != DocumentStatus.REVIEW:
        raise DraftError(
            _("«%(doc)s» không còn chờ rà soát: không thể xác nhận.") % {"doc": document}
        )
    draft = current.draft
    code = current.province_code
    problems = check_ready(draft)
    if problems:
        raise DraftError(" ".join(problems))
    reason = " ".join((reason or "").split())
    missing = missing_essentials(draft)
    if missing and not reason:
        raise DraftError(
            _("Văn bản %(missing)s: cần ghi lý do để xác nhận (hoặc loại văn bản).")
            % {"missing": ", ".join(missing)}
        )
    date = dt.date.fromisoformat(draft["date"]) if draft.get("date") else None
    session = Session.objects.create(
        document=current,
        province_code=code,
        date=date,
        title=(draft.get("title") or current.title or "")[:500],
        kind=draft.get("kind") or drafts.session_kind(current.record),
        confirmed_by=actor if getattr(actor, "is_authenticated", False) else None,
        confirmed_at=timezone.now(),
        confirm_reason=reason[:1000] if missing else "",
    )
    for chair in draft.get("chairs") or []:
        person = _person(code, chair.get("name"), chair.get("titles") or [], date)
        if person is not None:
            session.chairs.add(person)
    rows: list[SessionItem] = []
    for key, kind in drafts.ITEM_KEYS.items():
        for order, item in enumerate(draft.get(key) or []):
            row = SessionItem(
                session=session,
                kind=kind,
                text=item.get("text") or "",
                start=item.get("start"),
                end=item.get("end"),
                order=order,
            )
            if key == "people":
                row.data = {"titles": item.get("titles") or []}
                row.person = _person(code, item.get("text"), item.get("titles") or [], date)
            elif key == "localities":
                # the unit the extractor resolved by its code; the name only as the fallback
                row.unit = _locality_unit(code, item) or _first_unit(code, row.text)
                if row.unit is not None:
                    session.localities.add(row.unit)
            elif key == "agencies":
                row.unit = _first_unit(code, row.text)
            elif key == "indicators":
                row.data = {"value": item.get("value"), "unit": item.get("unit") or ""}
            elif key == "petitions":
                row.data = {"by": item.get("by")}
                row.person = _person(code, item.get("by"), [], date)
            rows.append(row)
    SessionItem.objects.bulk_create(rows)
    from chidao.meetings.petitions import create_petitions

    create_petitions(session=session)
    assignments: list[Assignment] = []
    for order, d in enumerate(draft.get("directives") or []):
        issuer = _person(code, d.get("issuer"), [], date)
        directive = Directive.objects.create(
            session=session,
            text=d.get("text") or "",
            start=d.get("start"),
            end=d.get("end"),
            issuer=issuer,
            issuer_name=(d.get("issuer") or "")[:120],
            assignee_text=list(d.get("assignees") or []),
            deadline=dt.date.fromisoformat(d["deadline"]) if d.get("deadline") else None,
            topic=(d.get("topic") or "")[:120],
            order=order,
        )
        ids = _unit_ids(code, d.get("units") or [], _where("directives", order))
        units = sorted(Unit.objects.filter(pk__in=ids), key=lambda u: ids.index(u.pk))
        support = set(drafts.lead_and_support(ids, d.get("support") or []))
        assignments.append(Assignment(directive=directive, units=units, support=support))
    SourceDocument.objects.filter(pk=current.pk).update(
        status=DocumentStatus.CONFIRMED, version=current.version + 1
    )
    document.status = DocumentStatus.CONFIRMED
    document.version = current.version + 1
    return session, assignments
