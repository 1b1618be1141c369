"""A unit's reported indicators over time: the same indicator read from several reports is one
series, drawn on the server as SVG (no script, no internet).

An indicator's series is named deterministically from its sentence: the period it reports
on ("năm 2025", "6 tháng đầu năm", "quý I", "lũy kế đến nay"), the place ("trên địa bàn
xã", "của phường", "toàn huyện") and the figure with everything after it are taken away, the
words folded (case, diacritics, tone placement); the unit of measure is part of the key
("tỷ đồng" and "%" are never one series). "Năm 2025 tổng thu ngân sách trên địa bàn xã đạt
48,6 tỷ đồng" and "6 tháng đầu năm 2026, tổng thu ngân sách của xã ước đạt 30 tỷ đồng" are
both ``tổng thu ngân sách (tỷ đồng)``.

The office corrects a series' name (``corrections``, stored as ``models.SeriesName`` by
computed key): readings are grouped by the name they show and their unit of measure, so two
keys given the same name are one series (a merge), and a report read again computes the same
key and keeps its corrected name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from chidao.extract import lexicon
from chidao.extract.indicators import indicator_words
from chidao.extract.spans import fold, strip_marks


def _words(kind: str) -> str:
    """The entries of ``kind`` in the extractor's ``data/indicator_words.tsv``, as a regex
    alternation (longest first, in either tone placement; the patterns ignore case)."""
    return lexicon.alternation(indicator_words()[kind])


# the period a figure reports on, anywhere in the name
_PERIOD = re.compile(
    rf"\b(?:(?:{_words('period_lead')})\s+)?"
    rf"(?:(?:\d+|{_words('month_count')})\s+(?:{_words('period_month')})"
    rf"(?:\s+(?:{_words('period_part')}))?(?:\s+(?:{_words('period_year')}))?"
    rf"|(?:{_words('period_quarter')})\s+[ivx\d]+|(?:{_words('period_year')})"
    rf"|(?:{_words('period_month')}))"
    r"(?:\s+(?:19|20)\d\d)?\b"
    r"|\b(?:19|20)\d\d\b"
    rf"|\b(?:{_words('period_phrase')}|(?:{_words('since_year_start')})"
    rf"(?:\s+(?:{_words('up_to')})\s+(?:{_words('now')}))?)\b",
    re.IGNORECASE,
)
# the place the figure is about
_PLACE = re.compile(
    rf"\b(?:(?:{_words('place_on')})\s+)?(?:{_words('place_lead')})\s+(?:{_words('place_unit')})\b"
    rf"|\b(?:{_words('place_area')})\b",
    re.IGNORECASE,
)
# the words that lead to the figure, at the end of the name once the figure is cut off
_LEAD = re.compile(rf"(?:\s+(?:{_words('figure_lead')}))+\s*$", re.IGNORECASE)
_EDGE = " \t,.;:-–—()\"'“”"


@lru_cache(maxsize=4096)  # a pure function of the sentence: a dossier reads a few hundred
def indicator_name(text: str) -> str:
    """The indicator's name without its period, place and figure ("tổng thu ngân sách")."""
    name = _PERIOD.sub(" ", text or "")
    name = re.split(r"[\d:=]", name, maxsplit=1)[0]
    name = _PLACE.sub(" ", name)
    name = " " + " ".join(name.split()).strip(_EDGE)
    name = _LEAD.sub("", name)
    return " ".join(name.split()).strip(_EDGE).lower()


def _folded(text: str) -> str:
    return " ".join(strip_marks(fold(text or "")).split())


def series_key(text: str, unit: str) -> str:
    """The key of the series an indicator belongs to: its folded name and unit of measure."""
    return _key(indicator_name(text), unit)


def _key(name: str, unit: str) -> str:
    return f"{_folded(name)}|{_folded(unit)}"


@dataclass
class Point:
    day: dt.date
    value: float
    text: str


def unit_of_key(key: str) -> str:
    """The folded unit of measure of a series key."""
    return key.rpartition("|")[2]


@dataclass
class Series:
    key: str
    name: str
    unit: str
    points: list[Point] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the computed keys read into it
    corrected: bool = False  # named by the office

    @property
    def label(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


@dataclass(frozen=True)
class Reading:
    """One indicator read from one session's report."""

    day: dt.date
    text: str
    value: float
    unit: str


def series_of(
    readings: list[Reading],
    *,
    limit: int = 4,
    points: int = 24,
    names: dict[str, str] | None = None,
) -> list[Series]:
    """The readings grouped into series (those with most points first, at most ``limit``),
    each with its last ``points`` readings in date order (one reading a day: the last).
    ``names``: the office's names by computed key (``series_key``)."""
    names = names or {}
    found: dict[str, Series] = {}
    for r in readings:
        read = indicator_name(r.text)
        computed = _key(read, r.unit)
        name = names.get(computed) or read
        if not name:
            continue
        key = f"{_folded(name)}|{unit_of_key(computed)}"
        s = found.setdefault(key, Series(key=key, name=name, unit=r.unit.strip()))
        s.points.append(Point(r.day, r.value, r.text))
        if computed not in s.sources:
            s.sources.append(computed)
        s.corrected = s.corrected or computed in names
    out = []
    for s in found.values():
        by_day = {p.day: p for p in sorted(s.points, key=lambda p: p.day)}
        s.points = list(by_day.values())[-points:]
        out.append(s)
    out.sort(key=lambda s: (-len(s.points), s.name))
    return out[:limit]


# ---------------------------------------------------------------- the chart (SVG)


@dataclass
class Dot:
    x: float
    y: float
    title: str


@dataclass
class LineChart:
    """One series as a polyline with a dot per reading and its first and last dates."""

    series: Series
    width: int
    height: int
    path: str
    dots: list[Dot]
    low: float
    high: float
    labels: list[tuple[float, str]]


def _fmt(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")


def line_chart(series: Series, width: int = 360, height: int = 140) -> LineChart:
    """The geometry of ``series`` (time on x, value on y), margins for the labels."""
    left, right, top, bottom = 8.0, 8.0, 10.0, 24.0
    pts = series.points
    days = [p.day.toordinal() for p in pts]
    values = [p.value for p in pts]
    d0, d1 = (min(days), max(days)) if days else (0, 1)
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    span_d = (d1 - d0) or 1
    span_v = (high - low) or (abs(high) or 1.0)
    base = low if high != low else low - span_v / 2
    plot_w, plot_h = width - left - right, height - top - bottom
    dots = []
    for p, d in zip(pts, days, strict=True):
        x = left + (plot_w * (d - d0) / span_d if len(pts) > 1 else plot_w / 2)
        y = top + plot_h - plot_h * (p.value - base) / span_v
        dots.append(
            Dot(round(x, 1), round(y, 1), f"{p.day:%d/%m/%Y}: {_fmt(p.value)} {series.unit}")
        )
    path = " ".join(f"{d.x},{d.y}" for d in dots)
    labels = []
    if pts:
        labels.append((dots[0].x, f"{pts[0].day:%m/%Y}"))
        if len(pts) > 1:
            labels.append((dots[-1].x, f"{pts[-1].day:%m/%Y}"))
    return LineChart(series, width, height, path, dots, low, high, labels)


def fmt(value: float) -> str:
    """A figure as Vietnamese write it (decimal comma, thin groups): 48,6 · 1 250."""
    return _fmt(value)
