"""The session record: one typed definition of what the extractor returns.

:class:`SessionRecord` and its items are frozen dataclasses.  ``SessionRecord.to_json()`` is
the JSON form that ``chidao extract`` prints, ``/api/extract`` answers and the web application
stores; :func:`read_record` reads it back (any version this module knows), and
:func:`json_schema` describes it (``chidao extract --schema``).

The keys of the evaluation guide are all present; each extracted item also carries ``start``
and ``end``, offsets into ``text`` (the cleaned text, which the record carries too).  Lists of
plain strings (localities, agencies, site visits) have a parallel ``*_spans`` list with the
offsets.  Each entry of ``locality_spans`` also carries ``name`` (the label of
``localities``: "huyện Can Lộc"), ``unit_name`` (the unit's name without its level: "Đức
Thọ"), ``level``, ``code`` (the official code, when the unit was resolved), ``era`` and
``province``.

Version 2 (this one) differs from version 1 in the directives: ``assignee_spans`` is parallel
to ``assignees`` (one entry per assignee; ``start``/``end`` are ``null`` for an assignee that is
not written as such in the text, e.g. the session's locality taken as the default), and each
entry carries ``role`` ("lead" or "support") and ``unit_code`` (the official code of the unit
when the extractor resolved it).  :func:`read_record` reads version 1 too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal, cast

from .agencies import agency_name
from .spans import Document, Item, Person, Span, fold, quick_init

RECORD_VERSION = 2
READABLE_VERSIONS = (1, 2)

Role = Literal["lead", "support"]
ROLES: tuple[Role, ...] = ("lead", "support")

JSON = dict[str, Any]


class RecordError(ValueError):
    """A stored or received record that cannot be read; the message names the field."""


def content_hash(text: str) -> str:
    """The hash that identifies a document by its content (sha256 of the raw text, UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- the types


@quick_init
@dataclass(frozen=True, slots=True)
class TextSpan:
    """Words of the cleaned text: ``record.text[start:end] == text``."""

    text: str
    start: int
    end: int


@quick_init
@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A named person: the name's offsets, and each title as written next to it."""

    name: str
    titles: tuple[str, ...]
    start: int
    end: int
    title_spans: tuple[TextSpan, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class LocalityEntry:
    """One mention of a locality the session is about, and the unit it names."""

    name: str  # the label listed in ``localities`` ("huyện Đức Thọ")
    text: str
    start: int
    end: int
    unit_name: str | None = None  # "Đức Thọ"
    level: str | None = None  # "xã", "phường", "huyện", ...
    code: str | None = None  # the official code when resolved
    era: str | None = None  # "2025" (today's units) or "legacy" (before July 2025)
    province: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Indicator:
    """A reported figure."""

    text: str
    start: int
    end: int
    rule: str
    value: float | None
    unit: str


@quick_init
@dataclass(frozen=True, slots=True)
class Difficulty:
    """A difficulty or shortcoming the locality reported."""

    text: str
    start: int
    end: int
    rule: str


@quick_init
@dataclass(frozen=True, slots=True)
class Petition:
    """A petition (kiến nghị, đề xuất) to the upper level, with who made it when named."""

    text: str
    start: int
    end: int
    rule: str
    by: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Assignee:
    """Who a directive is for, as written; offsets ``None`` when not written as such."""

    text: str
    start: int | None = None
    end: int | None = None
    role: Role = "lead"
    unit_code: str | None = None  # the official code of the unit, when resolved


@quick_init
@dataclass(frozen=True, slots=True)
class DirectiveEntry:
    """A leader's instruction: issuer, assignees (``assignee_spans`` parallel), deadline."""

    text: str
    start: int
    end: int
    rule: str
    issuer: str | None
    assignees: tuple[str, ...]
    deadline: dt.date | None
    deadline_text: TextSpan | None
    assignee_spans: tuple[Assignee, ...]


@dataclass(frozen=True, slots=True)
class DatePartial:
    """The day and month of a session whose year nothing in the text gives (``date`` null)."""

    day: int
    month: int


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """What the extractor found in one report (see the module docstring)."""

    source: str
    sha256: str
    title: str | None
    date: dt.date | None
    date_span: TextSpan | None
    province: str | None
    chairs: tuple[PersonEntry, ...]
    people: tuple[PersonEntry, ...]
    localities: tuple[str, ...]
    locality_spans: tuple[LocalityEntry, ...]
    agencies: tuple[str, ...]
    agency_spans: tuple[TextSpan, ...]
    indicators: tuple[Indicator, ...]
    difficulties: tuple[Difficulty, ...]
    petitions: tuple[Petition, ...]
    directives: tuple[DirectiveEntry, ...]
    site_visits: tuple[str, ...]
    site_visit_spans: tuple[TextSpan, ...]
    text: str
    version: int = field(default=RECORD_VERSION)
    # the day and month of the session when its year is unknown (``date`` is then null)
    date_partial: DatePartial | None = None
    # the 2025 successor of a province merged since the report ("Bình Phước" -> "Đồng Nai")
    province_successor: str | None = None

    def to_json(self) -> JSON:
        """The JSON-ready form (``version`` first, then the fields in order)."""
        fields_ = as_json(self)
        return {"version": fields_.pop("version"), **fields_}

    def locality_code(self, label: str) -> str | None:
        """The official code of the locality listed as ``label``, when resolved."""
        for entry in self.locality_spans:
            if entry.name == label and entry.code:
                return entry.code
        return None


_SCALARS = (str, int, float, bool, type(None))
_PLAIN = frozenset(_SCALARS)  # exact types kept as they are, without a call
# a dataclass -> the function that gives its JSON-ready form (written once per class)
_CONVERTERS: dict[type, Callable[[Any], JSON]] = {}


def as_json(value: Any) -> Any:
    """The JSON-ready form of a record or of any of its items (dates as ISO text)."""
    convert = _CONVERTERS.get(type(value))  # the items of a record first: the most frequent
    if convert is not None:
        return convert(value)
    if type(value) is tuple or type(value) is list:
        return [v if type(v) in _PLAIN else as_json(v) for v in value]
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [v if type(v) in _PLAIN else as_json(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        convert = _CONVERTERS[type(value)] = _converter(type(value))
        return convert(value)
    return value


def _converter(cls: type) -> Callable[[Any], JSON]:
    """A function that gives the fields of a ``cls`` instance, in order, each in its JSON form
    (a plain value as it is, anything else through :func:`as_json`)."""
    items = "".join(
        f"        {f.name!r}: v if type(v := value.{f.name}) in plain else as_json(v),\n"
        for f in fields(cls)
    )
    source = f"def convert(value):\n    return {{\n{items}    }}\n"
    names: dict[str, Any] = {"plain": _PLAIN, "as_json": as_json}
    exec(source, names)  # the way dataclasses writes its own methods
    convert: Callable[[Any], JSON] = names["convert"]
    return convert


# ---------------------------------------------------------------- from the pipeline


def _text_span(s: Span) -> TextSpan:
    return TextSpan(s.text, s.start, s.end)


def _person(p: Person) -> PersonEntry:
    return PersonEntry(
        name=p.name.text,
        titles=tuple(t.text for t in p.titles),
        start=p.name.start,
        end=p.name.end,
        title_spans=tuple(_text_span(t) for t in p.titles),
    )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _float(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float | str):
        return float(value)
    raise RecordError(f"value: not a number: {value!r}")


def _role(value: object) -> Role:
    return "support" if value == "support" else "lead"


def _locality_entries(doc: Document) -> tuple[LocalityEntry, ...]:
    out = []
    for i, s in enumerate(doc.localities):
        info = doc.locality_info[i] if i < len(doc.locality_info) else {}
        out.append(
            LocalityEntry(
                name=s.label,
                text=s.text,
                start=s.start,
                end=s.end,
                unit_name=_opt_str(info.get("name")),
                level=_opt_str(info.get("level")),
                code=_opt_str(info.get("code")),
                era=_opt_str(info.get("era")),
                province=_opt_str(info.get("province")),
            )
        )
    return tuple(out)


# (code, start, end, folded label) of each locality with a code: what an assignee's code is
# looked up in, made once per record
Coded = list[tuple[str, int, int, str]]


def _coded(localities: Sequence[LocalityEntry]) -> Coded:
    return [(loc.code, loc.start, loc.end, fold(loc.name)) for loc in localities if loc.code]


def _unit_code(
    text: str, start: int | None, end: int | None, localities: Sequence[LocalityEntry]
) -> str | None:
    """The code of the one locality an assignee names: the locality mentions inside the
    assignee's words ("UBND xã Nga Sơn" holds "xã Nga Sơn"), else the locality whose label
    ends the assignee ("Đảng ủy xã Nga Sơn"); ``None`` when it names none or several."""
    return _code_among(text, start, end, _coded(localities))


def _code_among(text: str, start: int | None, end: int | None, coded: Coded) -> str | None:
    """:func:`_unit_code` among the localities of ``coded``."""
    codes: set[str] = set()
    if start is not None and end is not None:
        codes = {code for code, a, b, _ in coded if start <= a and b <= end}
    if not codes and coded:
        key = fold(" ".join(text.split()))
        for code, _, _, name in coded:
            if key == name or key.endswith(" " + name):
                codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def _directive(item: Item, coded: Coded) -> DirectiveEntry:
    data = item.data
    raw = list(data.get("assignees") or [])
    roles = list(data.get("roles") or [])
    assignees: list[Assignee] = []
    for i, a in enumerate(raw):
        role = _role(roles[i] if i < len(roles) else getattr(a, "role", "lead"))
        if isinstance(a, Span):
            code = _code_among(a.text, a.start, a.end, coded)
            assignees.append(Assignee(a.text, a.start, a.end, role, code))
        else:
            text = str(a)
            assignees.append(Assignee(text, None, None, role, _code_among(text, None, None, coded)))
    deadline = data.get("deadline")
    deadline_text = data.get("deadline_text")
    return DirectiveEntry(
        text=item.span.text,
        start=item.span.start,
        end=item.span.end,
        rule=item.span.rule,
        issuer=_opt_str(data.get("issuer")),
        assignees=tuple(a.text for a in assignees),
        deadline=deadline if isinstance(deadline, dt.date) else None,
        deadline_text=_text_span(deadline_text) if isinstance(deadline_text, Span) else None,
        assignee_spans=tuple(assignees),
    )


def build_record(doc: Document, *, raw: str, source: str) -> SessionRecord:
    """The typed session record of a processed document."""
    localities = _locality_entries(doc)
    people = tuple(_person(p) for p in doc.people)
    coded = _coded(localities)
    return SessionRecord(
        source=source,
        sha256=content_hash(raw),
        title=doc.title,
        date=doc.date,
        date_span=_text_span(doc.date_span) if doc.date_span else None,
        date_partial=DatePartial(*doc.date_partial) if doc.date_partial else None,
        province=doc.province,
        province_successor=doc.province_successor,
        chairs=tuple(e for e, p in zip(people, doc.people, strict=True) if p.is_chair),
        people=people,
        localities=tuple(dict.fromkeys(s.label for s in doc.localities)),
        locality_spans=localities,
        # listed by name: "Sở NN&PTNT" as "Sở Nông nghiệp và Phát triển nông thôn"
        agencies=tuple(dict.fromkeys(agency_name(s) for s in doc.agencies)),
        agency_spans=tuple(_text_span(s) for s in doc.agencies),
        indicators=tuple(
            Indicator(
                i.span.text,
                i.span.start,
                i.span.end,
                i.span.rule,
                _float(i.data.get("value")),
                str(i.data.get("unit") or ""),
            )
            for i in doc.indicators
        ),
        difficulties=tuple(
            Difficulty(i.span.text, i.span.start, i.span.end, i.span.rule) for i in doc.difficulties
        ),
        petitions=tuple(
            Petition(i.span.text, i.span.start, i.span.end, i.span.rule, _opt_str(i.data.get("by")))
            for i in doc.petitions
        ),
        directives=tuple(_directive(i, coded) for i in doc.directives),
        site_visits=tuple(s.text for s in doc.site_visits),
        site_visit_spans=tuple(_text_span(s) for s in doc.site_visits),
        text=doc.text,
    )


def to_record(doc: Document, *, raw: str, source: str) -> JSON:
    """The JSON-ready session record of a processed document."""
    return build_record(doc, raw=raw, source=source).to_json()


# ---------------------------------------------------------------- reading JSON back


def _get(d: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(d, Mapping):
        raise RecordError(f"{where}: expected an object, got {type(d).__name__}")
    return d.get(key)


def _str(d: Mapping[str, Any], key: str, where: str, default: str | None = "") -> str:
    v = _get(d, key, where)
    if v is None:
        if default is None:
            raise RecordError(f"{where}.{key}: missing")
        return default
    if not isinstance(v, str):
        raise RecordError(f"{where}.{key}: expected a string, got {v!r}")
    return v


def _maybe_str(d: Mapping[str, Any], key: str, where: str) -> str | None:
    v = _get(d, key, where)
    if v is None or isinstance(v, str):
        return v
    raise RecordError(f"{where}.{key}: expected a string or null, got {v!r}")


def _int(d: Mapping[str, Any], key: str, where: str) -> int:
    v = _get(d, key, where)
    if isinstance(v, bool) or not isinstance(v, int):
        raise RecordError(f"{where}.{key}: expected an integer, got {v!r}")
    return v


def _maybe_int(d: Mapping[str, Any], key: str, where: str) -> int | None:
    v = _get(d, key, where)
    if v is None:
        return None
    return _int(d, key, where)


def _list(d: Mapping[str, Any], key: str, where: str) -> list[Any]:
    v = _get(d, key, where)
    if v is None:
        return []
    if not isinstance(v, list | tuple):
        raise RecordError(f"{where}.{key}: expected a list, got {type(v).__name__}")
    return list(v)


def _strs(d: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    out = []
    for i, v in enumerate(_list(d, key, where)):
        if not isinstance(v, str):
            raise RecordError(f"{where}.{key}[{i}]: expected a string, got {v!r}")
        out.append(v)
    return tuple(out)


def _date(d: Mapping[str, Any], key: str, where: str) -> dt.date | None:
    v = _maybe_str(d, key, where)
    if not v:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise RecordError(f"{where}.{key}: not an ISO date: {v!r}") from None


def _read_span(d: Any, where: str) -> TextSpan:
    return TextSpan(_str(d, "text", where), _int(d, "start", where), _int(d, "end", where))


def _read_maybe_span(d: Mapping[str, Any], key: str, where: str) -> TextSpan | None:
    v = _get(d, key, where)
    return None if v is None else _read_span(v, f"{where}.{key}")


def _spans(d: Mapping[str, Any], key: str, where: str) -> tuple[TextSpan, ...]:
    return tuple(_read_span(v, f"{where}.{key}[{i}]") for i, v in enumerate(_list(d, key, where)))


def _read_person(d: Any, where: str) -> PersonEntry:
    return PersonEntry(
        name=_str(d, "name", where),
        titles=_strs(d, "titles", where),
        start=_int(d, "start", where),
        end=_int(d, "end", where),
        title_spans=_spans(d, "title_spans", where),
    )


def _read_locality(d: Any, where: str) -> LocalityEntry:
    return LocalityEntry(
        name=_str(d, "name", where),
        text=_str(d, "text", where),
        start=_int(d, "start", where),
        end=_int(d, "end", where),
        unit_name=_maybe_str(d, "unit_name", where),
        level=_maybe_str(d, "level", where),
        code=_maybe_str(d, "code", where),
        era=_maybe_str(d, "era", where),
        province=_maybe_str(d, "province", where),
    )


def _read_assignees(
    d: Mapping[str, Any], where: str, version: int, localities: Sequence[LocalityEntry]
) -> tuple[Assignee, ...]:
    names = _strs(d, "assignees", where)
    entries = _list(d, "assignee_spans", where)
    if version >= 2:
        out = []
        for i, e in enumerate(entries):
            w = f"{where}.assignee_spans[{i}]"
            role = _get(e, "role", w) or "lead"
            if role not in ROLES:
                raise RecordError(f"{w}.role: expected 'lead' or 'support', got {role!r}")
            out.append(
                Assignee(
                    _str(e, "text", w),
                    _maybe_int(e, "start", w),
                    _maybe_int(e, "end", w),
                    cast(Role, role),
                    _maybe_str(e, "unit_code", w),
                )
            )
        if [a.text for a in out] != list(names):
            raise RecordError(f"{where}.assignee_spans: not parallel to assignees")
        return tuple(out)
    # version 1: assignee_spans held only the assignees written in the text, in order
    spans = [_read_span(e, f"{where}.assignee_spans[{i}]") for i, e in enumerate(entries)]
    out = []
    for name in names:
        span = next((s for s in spans if s.text == name), None)
        if span is not None:
            spans.remove(span)
            code = _unit_code(name, span.start, span.end, localities)
            out.append(Assignee(name, span.start, span.end, "lead", code))
        else:
            out.append(Assignee(name, None, None, "lead", _unit_code(name, None, None, localities)))
    return tuple(out)


def _read_directive(
    d: Any, where: str, version: int, localities: Sequence[LocalityEntry]
) -> DirectiveEntry:
    assignees = _read_assignees(d, where, version, localities)
    return DirectiveEntry(
        text=_str(d, "text", where),
        start=_int(d, "start", where),
        end=_int(d, "end", where),
        rule=_str(d, "rule", where),
        issuer=_maybe_str(d, "issuer", where),
        assignees=tuple(a.text for a in assignees),
        deadline=_date(d, "deadline", where),
        deadline_text=_read_maybe_span(d, "deadline_text", where),
        assignee_spans=assignees,
    )


def _read_partial(data: Mapping[str, Any], where: str) -> DatePartial | None:
    v = _get(data, "date_partial", where)
    if v is None:
        return None
    w = f"{where}.date_partial"
    day, month = _int(v, "day", w), _int(v, "month", w)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        raise RecordError(f"{w}: not a day and month: {day}/{month}")
    return DatePartial(day, month)


def read_record(data: Mapping[str, Any]) -> SessionRecord:
    """A record from its JSON form, of any version in ``READABLE_VERSIONS``; the result is of
    the current version.  Raises :class:`RecordError` naming the field that is wrong."""
    w = "record"
    version = _get(data, "version", w)
    if version not in READABLE_VERSIONS:
        raise RecordError(
            f"record.version: unknown version {version!r} (this reader knows {READABLE_VERSIONS})"
        )
    localities = tuple(
        _read_locality(v, f"{w}.locality_spans[{i}]")
        for i, v in enumerate(_list(data, "locality_spans", w))
    )

    def items(key: str) -> Iterator[tuple[int, Any]]:
        return enumerate(_list(data, key, w))

    return SessionRecord(
        source=_str(data, "source", w, default="-"),
        sha256=_str(data, "sha256", w),
        title=_maybe_str(data, "title", w),
        date=_date(data, "date", w),
        date_span=_read_maybe_span(data, "date_span", w),
        date_partial=_read_partial(data, w),
        province=_maybe_str(data, "province", w),
        province_successor=_maybe_str(data, "province_successor", w),
        chairs=tuple(_read_person(v, f"{w}.chairs[{i}]") for i, v in items("chairs")),
        people=tuple(_read_person(v, f"{w}.people[{i}]") for i, v in items("people")),
        localities=_strs(data, "localities", w),
        locality_spans=localities,
        agencies=_strs(data, "agencies", w),
        agency_spans=_spans(data, "agency_spans", w),
        indicators=tuple(
            Indicator(
                _str(v, "text", f"{w}.indicators[{i}]"),
                _int(v, "start", f"{w}.indicators[{i}]"),
                _int(v, "end", f"{w}.indicators[{i}]"),
                _str(v, "rule", f"{w}.indicators[{i}]"),
                _float(_get(v, "value", f"{w}.indicators[{i}]")),
                _str(v, "unit", f"{w}.indicators[{i}]"),
            )
            for i, v in items("indicators")
        ),
        difficulties=tuple(
            Difficulty(
                _str(v, "text", f"{w}.difficulties[{i}]"),
                _int(v, "start", f"{w}.difficulties[{i}]"),
                _int(v, "end", f"{w}.difficulties[{i}]"),
                _str(v, "rule", f"{w}.difficulties[{i}]"),
            )
            for i, v in items("difficulties")
        ),
        petitions=tuple(
            Petition(
                _str(v, "text", f"{w}.petitions[{i}]"),
                _int(v, "start", f"{w}.petitions[{i}]"),
                _int(v, "end", f"{w}.petitions[{i}]"),
                _str(v, "rule", f"{w}.petitions[{i}]"),
                _maybe_str(v, "by", f"{w}.petitions[{i}]"),
            )
            for i, v in items("petitions")
        ),
        directives=tuple(
            _read_directive(v, f"{w}.directives[{i}]", int(version), localities)
            for i, v in items("directives")
        ),
        site_visits=_strs(data, "site_visits", w),
        site_visit_spans=_spans(data, "site_visit_spans", w),
        text=_str(data, "text", w),
    )


def json_schema() -> JSON:
    """The JSON Schema (draft 2020-12) of the record's JSON form."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(SessionRecord).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Chỉ đạo session record"
    return schema
