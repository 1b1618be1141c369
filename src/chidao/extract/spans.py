"""The types that travel between extraction stages.

Every stage works on one :class:`Document`: the cleaned text of a report and the
spans found in it so far.  A :class:`Span` is a pair of character offsets into
``Document.text`` (the cleaned text), with a label, the covered text and the name
of the rule that proposed it.  Stages never search a sentence again to find
where it was: they carry offsets forward.

Matching is done on ``Document.folded``, a copy of the text with the same length
(lower case, one tone-mark placement), so an offset in the folded copy is an
offset in the text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from typing import Any, TypeVar

_T = TypeVar("_T")


def quick_init(cls: type[_T]) -> type[_T]:
    """Give a frozen dataclass with slots an ``__init__`` that fills the slots directly.

    A frozen dataclass sets each field through ``object.__setattr__`` (its own
    ``__setattr__`` refuses): four times slower than a plain class, and the pipeline makes
    hundreds of spans per report.  The slots' own descriptors set a field without going
    through ``__setattr__``; the instance stays frozen (assigning a field still raises
    ``FrozenInstanceError``), equal and hashable as before.  Fields with a default factory
    or a ``__post_init__`` are not supported (a ``TypeError`` says so)."""
    if not getattr(cls, "__dataclass_params__", None) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init does not call __post_init__")
    names: dict[str, Any] = {}
    params, body = [], []
    for f in fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init has no default factories")
        names[f"_set_{f.name}"] = vars(cls)[f.name].__set__  # the slot's descriptor
        if f.default is MISSING:
            params.append(f.name)
        else:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass")
    exec(source, names)  # the way dataclasses writes its own __init__
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@quick_init
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    label: str
    text: str
    rule: str = ""

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def make_span(text: str, start: int, end: int, label: str, rule: str = "") -> Span:
    """A span over ``text[start:end]``, trimmed of surrounding white space."""
    covered = text[start:end]
    stripped = covered.strip()  # str.strip drops what str.isspace calls white space
    if stripped != covered:
        start += len(covered) - len(covered.lstrip())
        end = start + len(stripped)
        covered = stripped
    return Span(start, end, label, covered, rule)


def filter_spans(spans: Iterable[Span]) -> list[Span]:
    """The one overlap policy: keep the longest span, then the leftmost; sorted by start.

    Each span is checked against its neighbours among those kept (by bisection), so the
    cost is about n log n however many spans overlap."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    starts: list[int] = []
    kept: list[Span] = []
    for s in ordered:
        i = bisect_left(starts, s.start)
        if i < len(kept) and kept[i].start < s.end:
            continue  # overlaps the next kept span (or starts where it does)
        if i and kept[i - 1].end > s.start:
            continue  # overlaps the previous one
        starts.insert(i, s.start)
        kept.insert(i, s)
    return kept


# Old-style tone placement ("hoá", "thuỷ") folded to the modern one ("hóa", "thủy").
_TONE_FOLD = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# only at the end of a syllable ("hoá" but not "hoàn", "toàn"), and not after "q" ("quý")
# (written as "o[áà...]|u[ý...]" so that the engine scans for "o" and "u" only)
_TONE_RE = re.compile(
    "(?:"
    + "|".join(
        f"{v}(?<!q{v})[" + "".join(k[1] for k in _TONE_FOLD if k[0] == v) + "]"
        for v in sorted({k[0] for k in _TONE_FOLD})
    )
    + r")(?!\w)"
)


_OLD_TONE = {new: old for old, new in _TONE_FOLD.items()}


def written_forms(folded: str) -> set[str]:
    """The ways a folded name is written with capitals: each word capitalised, in either
    tone placement ("thanh hóa" -> {"Thanh Hóa", "Thanh Hoá"})."""
    forms = {""}
    for i, word in enumerate(folded.split(" ")):
        lower = {word}
        for new, old in _OLD_TONE.items():
            if word.endswith(new) and not word.endswith("q" + new):
                lower.add(word[: -len(new)] + old)
        variants = {w[:1].upper() + w[1:] for w in lower}
        forms = {f"{f} {v}" if i else v for f in forms for v in variants}
    return forms


def fold(text: str) -> str:
    """Lower case and modern tone placement, keeping the length of ``text``.

    Any character whose lower case is not one character is kept as it is, so an
    offset into the result is an offset into ``text``.  Short texts (names, titles,
    phrases: folded again and again) are memoised.
    """
    if len(text) <= _FOLD_MEMO_MAX:
        return _fold_short(text)
    return _fold(text)


_FOLD_MEMO_MAX = 80


@lru_cache(maxsize=16384)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # rare ("İ"): keep such characters as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return _TONE_RE.sub(_tone_of, low)


def _tone_of(m: re.Match[str]) -> str:
    return _TONE_FOLD[m.group()]


def strip_marks(text: str) -> str:
    """Vietnamese without diacritics ("Thiệu Hóa" -> "Thieu Hoa"), same length."""
    return text.translate(_BASE_LETTER)


class _BaseLetters(dict[int, str]):
    """A ``str.translate`` table from a character to its base letter (the first of its
    canonical decomposition; "đ" -> "d"), filled as characters are met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "d" if ch == "đ" else "D" if ch == "Đ" else unicodedata.normalize("NFD", ch)[0]
        self[code] = base
        return base


_BASE_LETTER = _BaseLetters()


@dataclass
class Options:
    """What the caller knows beyond the text."""

    published: dt.date | None = None  # the page's publication date, for the year
    # the day the text was received (pasted, uploaded, read); the session is never after it
    # nor after ``published``; today when neither is given
    received: dt.date | None = None
    province: str | None = None  # the province, when the caller knows it
    source: str = "-"  # file name, for the record and for error messages


@dataclass
class Person:
    """A named person and the titles written next to the name."""

    name: Span
    titles: list[Span] = field(default_factory=list)
    is_chair: bool = False

    @property
    def key(self) -> str:
        return fold(self.name.text)


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """A place where the text refers to a person: by name, by title alone, or by a
    photo caption (a paragraph that is only a person's title and name)."""

    span: Span
    person: int  # index into Document.people
    kind: str  # "name" | "title" | "caption" | "colon" (Name: quoted opinion)


@dataclass
class Item:
    """A statement-like item (indicator, difficulty, petition, directive)."""

    span: Span
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """The working state of one report as it goes through the pipeline."""

    text: str  # the cleaned text: all offsets point into it
    options: Options = field(default_factory=Options)
    title: str | None = None  # the headline, when the reader found one
    removed: list[str] = field(default_factory=list)  # boilerplate lines dropped, for --verbose
    dateline: dt.date | None = None  # the page's own dateline (e.g. "31/07/2023 19:46"), if any
    folded: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    date: dt.date | None = None
    date_span: Span | None = None
    # (day, month) of the session when no year can be inferred (``date`` is then None)
    date_partial: tuple[int, int] | None = None
    province: str | None = None
    # the 2025 province that took over a merged one ("Bình Phước" -> "Đồng Nai"), else None
    province_successor: str | None = None
    people: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # references.py: the whole of each named reference (titles before, name, titles after),
    # parallel to the "name" mentions in order; label = "person:<index>"
    references: list[Span] = field(default_factory=list)
    localities: list[Span] = field(default_factory=list)  # label = the unit as "<level> <name>"
    locality_info: list[dict[str, Any]] = field(default_factory=list)  # parallel: codes, era
    agencies: list[Span] = field(default_factory=list)
    indicators: list[Item] = field(default_factory=list)
    difficulties: list[Item] = field(default_factory=list)
    petitions: list[Item] = field(default_factory=list)
    directives: list[Item] = field(default_factory=list)
    site_visits: list[Span] = field(default_factory=list)
    # indexes built once by the stages that ask many times (``lookup.py``), keyed by name
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.folded:
            self.folded = fold(self.text)

    def span(self, start: int, end: int, label: str, rule: str = "") -> Span:
        """``make_span(self.text, ...)``, written out: the stages call it very often."""
        covered = self.text[start:end]
        stripped = covered.strip()
        if stripped != covered:
            start += len(covered) - len(covered.lstrip())
            end = start + len(stripped)
            covered = stripped
        return Span(start, end, label, covered, rule)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph that holds ``offset`` (-1 if none)."""
        lo, hi = 0, len(self.paragraphs) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            p = self.paragraphs[mid]
            if offset < p.start:
                hi = mid - 1
            elif offset >= p.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def sentences_in(self, paragraph: Span) -> list[Span]:
        return [s for s in self.sentences if paragraph.contains(s)]
