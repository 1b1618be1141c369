"""Deadlines written in a directive, resolved against the session date.

What counts as a deadline is a time expression after a marker of limit:
"trước ngày 30/6/2026", "trước 31/12", "chậm nhất ngày 15/8", "trước ngày 15
tháng 8 năm 2026", "xong trước 30-9", "trong quý II" (end of the quarter), "trong
tháng 4" (end of the month), "trong 3 tháng" / "trong 2 tuần" (after the session), "trong năm 2026" (31 December), "trong tuần" (the
Sunday of the session's week), "trước Tết Nguyên đán" (the next Lunar New Year's day), "trước rằm tháng Giêng" and
"trước ngày 15 tháng Chạp" (that day of the next first or last lunar month), "trong 15 ngày" (days after the session), "cuối
năm" (31 December), "6 tháng đầu năm" (30 June).  Dates of documents ("Nghị quyết
số 15 ngày 12/11/2024") have no marker and are not deadlines.

A date without a year takes the session's year, or the next one when it would
fall before the session ("trước 31/3" said in November).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from . import lexicon
from .dates import date_words
from .spans import Document, Span

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# the words are reviewed data (``data/date_words.tsv``, the kinds deadline_mark, within,
# year_mark and this_year): a «kind» slot holds the words of its kind, in the file's order
_WORDS = date_words()
_MARK = r"(?:«deadline_mark»)"
_WITHIN = r"(?:«within»)"
_YEAR = r"(?:\s*(?:(?:«year_word»)\s*)?[/-]?\s*(?P<y>(?:19|20)\d{2}))?"


def _grammar(template: str) -> re.Pattern[str]:
    """A pattern of the deadlines' grammar whose «kind» slots hold the words of that kind."""
    return re.compile(lexicon.fill(template, _WORDS))


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # trước ngày 30/6/2026, chậm nhất 15-8, trước ngày 15 tháng 8 năm 2026
    (
        "day",
        _grammar(
            rf"(?<!\w){_MARK}\s+(?:\d{{1,2}}\s*(?:«hour_word»)(?:\s*\d{{2}})?\s+)?(?:(?:«day_word»)\s+)?(?P<d>\d{{1,2}})\s*(?:[/.-]|\s+(?:«month_word»)\s+)\s*(?P<m>\d{{1,2}})(?:\s*(?:[/.-]|\s+(?:«year_word»)\s+)\s*(?P<y>(?:19|20)\d{{2}}))?(?![\d/])"
        ),
    ),
    # trong quý II, trước quý III/2026, trong quý 4 năm 2026
    (
        "quarter",
        _grammar(
            rf"(?<!\w){_MARK}\s+(?:«quarter_word»)\s+(?P<q>«quarter_numeral»|[1-4])(?!\w){_YEAR}"
        ),
    ),
    # 6 tháng đầu năm
    ("half", _grammar(r"(?<!\w)(?:«half_mark»)\s+(?:«first_half»)" + _YEAR)),
    # 6 tháng cuối năm: the end of the year
    ("year", _grammar(r"(?<!\w)(?:«second_half_mark»)\s+(?:«second_half»)" + _YEAR)),
    # trong tháng 4, trước tháng 10/2026
    (
        "month",
        _grammar(
            rf"(?<!\w){_MARK}\s+(?:«month_word»)\s+(?P<m>\d{{1,2}})(?!\d)(?:\s*(?:/|«year_word»)\s*(?P<y>(?:19|20)\d{{2}}))?"
        ),
    ),
    # trong tháng này / trong tháng
    (
        "this-month",
        _grammar(
            r"(?<!\w)(?:«this_month_mark»)\s+(?:«month_word»)(?: (?:«this_word»))?(?!\s*\d)(?!\w)"
        ),
    ),
    # trong năm 2026, trước cuối năm, trong năm nay
    (
        "year",
        _grammar(r"(?<!\w)(?:«year_mark»)\s+(?:«year_word»)\s+(?P<y>(?:19|20)\d{2})"),
    ),
    (
        "this-year",
        _grammar(r"(?<!\w)(?:«this_year»)(?!\s*\d)(?!\w)"),
    ),
    # xong trước Tết Nguyên đán, trước dịp Tết: the day of the next Lunar New Year ("trong dịp
    # Tết", during the festival, sets none)
    (
        "lunar-new-year",
        _grammar(
            r"(?<!\w)(?:«festival_mark»)\s+(?:(?:«festival_time»)\s+)?(?:«lunar_new_year»)(?!\w)"
        ),
    ),
    # trước ngày 15 tháng Chạp, trước rằm tháng Giêng, chậm nhất mùng 10 tháng Giêng âm lịch:
    # a day of the first or the last lunar month
    (
        "lunar-day",
        _grammar(
            r"(?<!\w)(?:«festival_mark»)\s+(?:(?:«day_word»)\s+)?"
            r"(?:(?P<full>«lunar_full_moon»)|(?:(?:«lunar_day_prefix»)\s+)?(?P<d>\d{1,2}))\s+"
            r"(?:(?P<first>«lunar_first_month»)|(?P<last>«lunar_last_month»))"
            r"(?:\s+(?:«lunar_calendar»))?(?!\w)"
        ),
    ),
    # hoàn thành trong tuần
    (
        "week",
        _grammar(r"(?<!\w)(?:«week_mark»)\s+(?:«week_word»)(?: (?:«this_word»))?(?!\s*\d)(?!\w)"),
    ),
    # trong 15 ngày, trong vòng 30 ngày
    ("days", _grammar(rf"(?<!\w){_WITHIN}\s+(?P<n>\d{{1,3}})\s+(?:«day_word»)(?!\w)")),
    # trong 2 tuần, trong vòng 3 tháng (not "trong 6 tháng đầu năm")
    ("weeks", _grammar(rf"(?<!\w){_WITHIN}\s+(?P<n>\d{{1,2}})\s+(?:«week_word»)(?!\w)")),
    (
        "months",
        _grammar(
            rf"(?<!\w){_WITHIN}\s+(?P<n>\d{{1,2}})\s+(?:«month_word»)(?!\w)(?!\s+(?:«half_side»))"
        ),
    ),
]


# the first words of every expression above (the first words of the marks that open them),
# found fast: the start of the word is checked after its first letters
_OPENING_MARKS = (
    "deadline_mark",
    "within",
    "half_mark",
    "second_half_mark",
    "this_month_mark",
    "year_mark",
    "this_year",
    "festival_mark",
    "week_mark",
)
_STARTS = re.compile(
    "(?:"
    + lexicon.ordered_alternation(
        dict.fromkeys(w.split()[0] for kind in _OPENING_MARKS for w in _WORDS[kind]),
        word_start=True,
    )
    + r")(?!\w)"
)

# every expression above has a digit or one of these words: a cheap first test
# what every deadline holds: a digit, or one of these words
_DIGIT = re.compile(r"\d")
_PERIOD_WORDS = _WORDS["period_word"]


def _days(kind: str) -> list[dt.date]:
    """The d/m/yyyy days of a ``date_words.tsv`` kind, in order."""
    return sorted(
        dt.date(int(y), int(m), int(d)) for d, m, y in (day.split("/") for day in _WORDS[kind])
    )


# the day of each Lunar New Year (mùng 1 tháng Giêng) and the first day of each tháng Chạp
_LUNAR_NEW_YEAR = _days("lunar_new_year_day")
_LUNAR_LAST_MONTH = _days("lunar_twelfth_month_day")


def _lunar_day(g: dict[str, str | None], session: dt.date) -> dt.date | None:
    """Day ``d`` (15 for "rằm") of the first or the last lunar month: the first one on or
    after the session."""
    day = 15 if g.get("full") else int(g["d"] or 0)
    if not 1 <= day <= 30:
        return None
    starts = _LUNAR_NEW_YEAR if g.get("first") else _LUNAR_LAST_MONTH
    offset = dt.timedelta(days=day - 1)
    return next((s + offset for s in starts if s + offset >= session), None)


def _may_hold_deadline(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` holds a digit or one of ``_PERIOD_WORDS`` (the words are
    found by ``str.find``, faster than one regex that tries them at every position)."""
    for word in _PERIOD_WORDS:
        if folded.find(word, start, end) >= 0:
            return True
    return _DIGIT.search(folded, start, end) is not None


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _roll(d: dt.date, session: dt.date, explicit_year: bool) -> dt.date:
    """A date without a year written that falls before the session is next year's."""
    if not explicit_year and d < session:
        try:
            return d.replace(year=d.year + 1)
        except ValueError:
            return d + dt.timedelta(days=365)
    return d


def resolve(kind: str, m: re.Match[str], session: dt.date) -> dt.date | None:
    """The date a matched deadline expression names, or None if it names none."""
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else session.year
    explicit = bool(g.get("y"))
    # "trước tháng 6", "trước quý III", "trước năm 2027": the period before it
    before = m.group().startswith("trước ") and kind in ("quarter", "month", "year")
    try:
        if before:
            if kind == "month":
                end = dt.date(year, int(g["m"]), 1) - dt.timedelta(days=1)
            elif kind == "quarter":
                end = dt.date(year, 3 * (_ROMAN[g["q"]] - 1) + 1, 1) - dt.timedelta(days=1)
            else:
                return dt.date(year - 1, 12, 31)
            return _roll(end, session, explicit)
        if kind == "day":
            return _roll(dt.date(year, int(g["m"]), int(g["d"])), session, explicit)
        if kind == "quarter":
            q = _ROMAN[g["q"]]
            return _roll(_end_of_month(year, 3 * q), session, explicit)
        if kind == "half":
            return _roll(dt.date(year, 6, 30), session, explicit)
        if kind == "month":
            return _roll(_end_of_month(year, int(g["m"])), session, explicit)
        if kind == "this-month":
            return _end_of_month(session.year, session.month)
        if kind in ("year", "this-year"):
            return dt.date(year, 12, 31)
        if kind == "lunar-new-year":
            return next((d for d in _LUNAR_NEW_YEAR if d >= session), None)
        if kind == "lunar-day":
            return _lunar_day(g, session)
        if kind == "week":
            return session + dt.timedelta(days=6 - session.weekday())
        if kind == "days":
            return session + dt.timedelta(days=int(g["n"]))
        if kind == "weeks":
            return session + dt.timedelta(weeks=int(g["n"]))
        if kind == "months":
            months = session.month - 1 + int(g["n"])
            y, mo = session.year + months // 12, months % 12 + 1
            return dt.date(y, mo, min(session.day, calendar.monthrange(y, mo)[1]))
    except ValueError:  # "trước ngày 31/2": no such day
        return None
    return None


def find_deadline(
    doc: Document, span: Span, session: dt.date | None = None
) -> tuple[dt.date | None, Span | None]:
    """The first deadline written inside ``span`` (a directive), as (date, text span).

    ``session`` defaults to ``doc.date``; without a session date the text span is
    still returned when the expression carries its own year.
    """
    session = session or doc.date
    if not _may_hold_deadline(doc.folded, span.start, span.end):
        return None, None
    # every expression starts with a marker word: try the patterns at each marker, in
    # order; the first marker that starts one gives the longest expression starting there
    best: tuple[str, re.Match[str]] | None = None
    for start in _STARTS.finditer(doc.folded, span.start, span.end):
        for kind, rx in _PATTERNS:
            m = rx.match(doc.folded, start.start(), span.end)
            if m and (best is None or m.end() > best[1].end()):
                best = (kind, m)
        if best is not None:
            break
    if best is None:
        return None, None
    kind, m = best
    text = doc.span(m.start(), m.end(), "deadline", kind)
    if session is None:
        if m.groupdict().get("y"):
            return resolve(kind, m, dt.date(int(m.group("y")), 1, 1)), text
        return None, text
    return resolve(kind, m, session), text
