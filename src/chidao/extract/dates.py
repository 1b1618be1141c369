"""Stage: the session date (``doc.date`` and ``doc.date_span``).

The lede gives the time of day and the day and month, usually without a year
("Sáng 5/4", "Chiều 9-3", "Sáng ngày 20/2", "Ngày 12/5/2026").  The year comes,
in order of preference, from:

1. the date itself when it is written with a year;
2. ``options.published`` (the page's publication date): the session is on or
   before the publication, so the year is the latest one that does not put the
   session after it;
3. the page's dateline ("31/07/2023 19:46", or ``doc.dateline`` when the
   cleaning stage found one), with the same rule;
4. the periods the body reports on: "6 tháng cuối năm 2023", "9 tháng năm
   2021", "quý II năm 2024", "những tháng đầu năm 2021" put the session in that
   year; results of a whole past year ("kết quả năm 2020") put an early-year
   session in the year after.

Dates inside document references ("Nghị quyết số 15 ngày 12/11/2024",
"Kết luận ... ngày 30/6/2023") are never the session date.

The words are reviewed data: ``data/date_words.tsv`` holds them by kind (times of day,
documents, words of deadlines, plans and results, ...); the patterns below keep the grammar
of numbers and separators, with a ``«kind»`` slot where the words of a kind go
(``lexicon.fill``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from . import lexicon
from .lookup import SentenceIndex
from .scan import Cue
from .segment import UPPER
from .spans import Document, Span

WORDS = "date_words.tsv"
KINDS = (
    "time_of_day",
    "weekday",
    "day_prefix",
    "dateline_head",
    "page_head",
    "document",
    "document_dated",
    "session_noun",
    "issue_verb",
    "issued_document",
    "session_day_head",
    "month_count",
    "year_part",
    "period_bound",
    "deadline_head",
    "relative_time",
    "relative_day",
    "future",
    "horizon",
    "instruction",
    "plan_word",
    "review_word",
    "result_word",
    "result_done",
    "two_tier",
    "compared",
    "estimate",
    "term_year_1",
    "term_year_2",
    "term_year_3",
    "term_year_4",
    "term_year_5",
    "term_head",
    "period_head",
    # read by deadlines.py
    "deadline_mark",
    "within",
    "year_mark",
    "this_year",
    "lunar_new_year",
    "lunar_new_year_day",
    "festival_mark",
    "lunar_first_month",
    "lunar_last_month",
    "lunar_full_moon",
    "lunar_twelfth_month_day",
    "hour_word",
    "day_word",
    "month_word",
    "year_word",
    "quarter_word",
    "quarter_numeral",
    "half_mark",
    "first_half",
    "second_half_mark",
    "second_half",
    "this_month_mark",
    "this_word",
    "festival_time",
    "lunar_day_prefix",
    "lunar_calendar",
    "week_mark",
    "week_word",
    "half_side",
    "period_word",
    "weekday_head",
    "sunday",
    "lede_day",
    "day_joiner",
    "first_side",
    "inside",
    "year_end_period",
    "last_quarter",
)


@lru_cache(maxsize=1)
def date_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/date_words.tsv`` by kind (folded, in the file's order); a bad line
    raises an error naming the file and line."""
    return lexicon.by_kind(WORDS, KINDS)


_grammar = lexicon.grammar_of(date_words)


# time of day (or "Ngày") then an optional "ngày"/"hôm nay", then d/m or d-m (or d.m), optional year
_LEDE = _grammar(
    r"(?<!\w)(?P<lead>(?:«time_of_day»)"
    r"(?:\s*(?:(?:«weekday_head»)\s+\w+|«sunday»)\s*,?)?(?:\s+(?:«lede_day»))?(?:\s+(?:«day_prefix»))?"
    r"\s*(?:\(\s*)?)"
    r"(?:(?P<d0>\d{1,2})\s*(?:«day_joiner»|-|–|,)\s*(?=\d{1,2}\s*[/.-]\s*\d))?"  # "ngày 12 và 13/6"
    r"(?:(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?!\d|/\d|-\d)"
    r"|(?P<d2>\d{1,2})\s+(?:«month_word»)\s+(?P<m2>\d{1,2})(?:\s*(?:«year_word»|,)\s*(?P<y2>\d{4}))?(?!\d))"
)
# a page dateline: "31/07/2023 19:46", "19:46 31/07/2023", "31/07/2023 - 19:46"
_DATELINE = _grammar(
    r"(?<![\w/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*(?:[-|,]\s*)?(?:\d{1,2}:\d{2})"
    r"|(?:\d{1,2}:\d{2})\s*(?:[-|,]\s*)?(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})(?![\w/])"
    r"|(?:(?:«weekday_head»)\s+(?:«weekday»)|«dateline_head»)\s*[,:]?\s*"
    r"(?:lúc\s*)?(?:\d{1,2}[:h]\d{2}\s*)?,?\s*(?:ngày\s+)?(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4})(?![\w/])"
)
# a full date, where a dateline may be: the fast first scan for _DATELINE
# (``\d\d?`` for ``\d{1,2}``: a pattern that starts with a set of characters is searched by
# skipping to the next digit, one that starts with a repeat is tried at every position)
_DMY = re.compile(r"\d\d?/\d{1,2}/\d{4}")
# document references: "Nghị quyết số 15 ngày 12/11/2024", "Kết luận số 1180-KL/TU ngày 15/5/2024"
# (a dot inside a document's number is no sentence end: "Thông báo số 218/TB-VP.UBND ngày")
_DOC_REF = _grammar(r"(?:«document»)\b(?:[^.;\n]|\.(?=\w)){0,60}?(?:«document_dated»)\s*$")
# a year: every rule below starts from one (a scan for digits is fast; the words before
# the year are then matched backwards from it)
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d(?!\d)")
_YEAR_CUE = Cue(_YEAR_NUMBER)  # read from the shared scan
_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")  # "2020 - 2025": a term, not a year
_RANGE_BEFORE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*$")  # the "2025" of "2020 - 2025"
# the term a congress elects or prepares for: "đại hội ... nhiệm kỳ 2025–2030" (the folded
# words before the first year); the congress sits in the term's first year
_TERM = re.compile(r"nhiệm kỳ\s+$")
_CONGRESS = re.compile(r"(?<!\w)đại hội(?!\w)")
# reporting periods that place the session in their year (the words before the year)
_PERIOD_YEAR = _grammar(
    r"(?<!\w)(?P<kind>(?:\d{1,2}|«month_count»)\s+(?:«month_word»)(?:\s+(?:«half_side»))?|"
    r"(?:«quarter_word»)\s+(?:[ivx]+|\d)|(?:«month_word»)\s+(?:«first_side»)|«year_part»)"
    r"(?:\s+(?:«year_word»)\s+|\s*/\s*)$"
)
# a period that bounds a task, not the one reported on: "trình ... trong quý I năm 2023",
# "hoàn thành trước quý IV/2024" (the folded words before the period; a sentence that opens
# with "Trong 6 tháng đầu năm ..." reports)
_PERIOD_DEADLINE = _grammar(r"(?:(?<!\w)(?:«period_bound»)|\w\s+(?:«inside»))\s+$")
# periods that end with the year: reviewed early in the next one
_YEAR_END_PERIOD = _grammar(
    r"«year_end_period»|(?:«quarter_word»)\s+(?:«last_quarter»|4)|12\s+(?:«month_word»)"
)
# a whole year reported on: "năm 2020", "kết quả năm 2020" (the words before the year)
_YEAR = re.compile(r"(?<![\w/-])năm\s+$")
# "trước ngày 30/6", "đến ngày 15/8": deadlines and periods, not the session
_DEADLINE_HEAD = _grammar(r"(?:«deadline_head»)\s*$")
_RELATIVE = _grammar(r"(?<!\w)(«relative_time»)\s+(«relative_day»)(?!\w)")
_PAGE_HEAD = _grammar(
    r"(?:«page_head»|\d{1,2}[:h]\d{2})\s*(?:lúc\s*)?(?:\d{1,2}[:h]\d{2}\s*)?,?\s*$"
)
_FUTURE = _grammar(r"(?:«future»)\s*(?:hết\s+)?$")
# an instruction or a target: the years and dates in its sentence are deadlines, not the
# session's year ("yêu cầu hoàn thành trong quý II/2023", "phấn đấu năm 2024 ...")
_INSTRUCTION = _grammar(r"(?<!\w)(?:«instruction»)(?!\w)")
_DEADLINE_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})(?![\d/])")
_PLAN_WORD = _grammar(r"(?<!\w)(?:«plan_word»)(?!\w)")
# "tình hình thực hiện nhiệm vụ năm 2022": the year under review, not the next one planned
_REVIEW_WORD = _grammar(r"(?<!\w)(?:«review_word»)(?!\w)")
_RESULT_WORD = _grammar(r"(?<!\w)(?:«result_word»)(?!\w)")
# a whole year's result stated after it, in the same clause: "năm 2025, tăng trưởng ... ước đạt",
# "thu ngân sách năm 2019 đạt 486 tỷ đồng"
_RESULT_AFTER = _grammar(r"\s*(?:[,:]\s*[^.;:\n]{0,60}?)?(?<!\w)(?:«result_word»)(?!\w)")
# a whole year's results are reported after it ends: a session in the first half of a year that
# states one as achieved is in the year after ("thu nhập bình quân năm 2019 đạt ..." told in May
# 2020); an estimate ("năm 2025, thu ngân sách ước đạt ...") is the running year's
_RESULTS_REPORTED_UNTIL = 6
_ESTIMATE = _grammar(r"(?<!\w)(?:«estimate»)(?!\w)")


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def year_before(day: int, month: int, anchor: dt.date) -> int | None:
    """The year that puts day/month on ``anchor`` or in the year before it."""
    for y in (anchor.year, anchor.year - 1):
        d = _valid(y, month, day)
        if d and d <= anchor:
            return y
    return None


def _is_reference(folded: str, start: int) -> bool:
    """Whether the date at ``start`` follows a document reference ("... số 12 ngày")."""
    head = folded[max(0, start - 90) : start]
    if _SESSION_BEFORE.search(head):
        return False  # "kết luận buổi làm việc với ... ngày 20/6": the session's own day
    return bool(_DOC_REF.search(head))


_SESSION_BEFORE = _grammar(
    r"(?<!\w)(?:«session_noun»)(?!\w)"
    r"[^.;\n]{0,80}?(?<!\w)ngày\s*$"
)


# the place-and-date line of a notice or a letter: "Hưng Yên, ngày 21 tháng 01 năm 2026"
# (capitalised place words, a comma, "ngày", at the start of a line)
_ISSUED = re.compile(rf"(?:^|\n)[ \t]*[{UPPER}][\w]*(?:[ \t]+[{UPPER}][\w]*){{0,4}}[ \t]*,[ \t]*$")
_ISSUED_DATE = re.compile(
    # (the day's start checked after its first digit: "(?<![\w/])\d{1,2}", searched faster)
    r"(?P<d>\d(?<![\w/]\d)\d?)\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d\d)(?!\d)"
)


def issued_date(doc: Document) -> dt.date | None:
    """The date a notice was issued, from its place-and-date line ("Hưng Yên, ngày 21 tháng
    01 năm 2026") near the top: the session came before it.  None when there is none."""
    top = doc.text[:600]
    if doc.folded.find("tháng", 0, len(top)) < 0:
        return None  # no "... tháng ..." near the top: no need to scan for the line
    for m in _ISSUED_DATE.finditer(doc.folded, 0, len(top)):
        before = top[max(0, m.start() - 40) : m.start()]
        head = before[: len(before) - len("ngày ")] if before.lower().endswith("ngày ") else None
        if head is not None and _ISSUED.search(head):
            return _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None


def _is_issued_line(doc: Document, start: int) -> bool:
    """Whether the date at ``start`` ("ngày 21 tháng 01 ...") is a place-and-date line."""
    head = doc.text[max(0, start - 40) : start]
    return bool(_ISSUED.search(head))


# a notice issued on the day just read: "..., Ban Thường vụ Tỉnh ủy đã ban hành Thông báo ..."
# (read within the sentence: a full stop there is an abbreviation's, "Văn phòng UBND TP. X")
_ISSUES_NOTICE = _grammar(r"[^;]{0,120}?(?<!\w)(?:«issue_verb»)\s+(?:«issued_document»)")
# and the session's own day named after it: "... kết luận buổi làm việc ... ngày 15/9/2023"
_SESSION_DAY_LATER = _grammar(
    r"(?<!\w)(?:«session_noun»)(?!\w)"
    r"[^;]{0,160}?(?<!\w)(?:«session_day_head»)\s+\d{1,2}\s*[/-]\s*\d{1,2}"
)


# the session named without its day in a notice's sentence: "... kết luận ... tại buổi làm việc
# với huyện X." (no day before the sentence's end)
_SESSION_NAMED = _grammar(r"(?<!\w)(?:«session_noun»)(?!\w)")
# and the next sentence gives it: "Tại buổi làm việc chiều 5/3, ...", "Buổi làm việc diễn ra
# ngày 5/3."
_NEXT_SESSION_DAY = _grammar(
    r"[^.;]{0,40}?(?<!\w)(?:«session_noun»)(?!\w)"
    r"[^.;]{0,80}?(?<!\w)(?:«session_day_head»)\s+\d{1,2}\s*[/-]\s*\d{1,2}"
)


def _day_in_next_sentence(
    doc: Document, sentences: SentenceIndex, sentence: Span | None, after: str
) -> bool:
    """Whether a notice's sentence names the session without its day and the next sentence
    opens with the session and its day."""
    if sentence is None or not _SESSION_NAMED.search(after):
        return False
    following = sentences.within(sentence.end, min(len(doc.folded), sentence.end + 400))
    return (
        bool(following)
        and _NEXT_SESSION_DAY.match(doc.folded, following[0].start, following[0].end) is not None
    )


def find_lede_date(doc: Document) -> tuple[int, int, int | None, Span] | None:
    """The first day/month of the session in the text: (day, month, year or None, span)."""
    folded = doc.folded
    sentences = SentenceIndex(doc)
    issued: dt.date | None = None  # the day a notice was issued, read before the session's
    for m in _LEDE_CUE.finditer(doc):
        long_form = m.group("d") is None
        d_at = m.start("d2") if long_form else m.start("d")
        if _is_reference(folded, d_at):
            continue
        if _is_issued_line(doc, m.start()):
            continue  # "Hưng Yên, ngày 21 tháng 01 năm 2026": the notice's own date
        head = folded[max(0, m.start() - 25) : m.start()]
        if (
            m.group("lead").strip().startswith("ngày")
            and _DEADLINE_HEAD.search(head)
            and not m.group("d0")  # "Từ ngày 12 đến 14/3": the days of the session
        ):
            continue
        if _PAGE_HEAD.search(head):
            continue  # "Cập nhật lúc 08:30 ngày 10/10/2022": the page's date
        # the rest of the sentence (an abbreviation's full stop, "UBND TP. Mỹ Tho", ends none)
        sentence = sentences.at(m.start())
        after = (
            folded[m.end() : min(sentence.end, m.end() + 400)]
            if sentence is not None
            else folded[m.end() : m.end() + 400].split(". ", 1)[0]
        )
        if _ISSUES_NOTICE.match(after) and (
            _SESSION_DAY_LATER.search(after)
            or _day_in_next_sentence(doc, sentences, sentence, after)
        ):
            # "Ngày 21/9, Ban Thường vụ ... ban hành Thông báo ... kết luận buổi làm việc ...
            # ngày 15/9": the day the notice was issued; the session's day comes later (on or
            # before it: a notice's year gives the session's)
            y = m.group("y2") if long_form else m.group("y")
            if y:
                issued = _valid(
                    int(y),
                    int(m.group("m2" if long_form else "m")),
                    int(m.group("d2" if long_form else "d")),
                )
            continue
        day, month = (
            (int(m.group("d2")), int(m.group("m2")))
            if long_form
            else (int(m.group("d0") or m.group("d")), int(m.group("m")))
        )
        y = m.group("y2") if long_form else m.group("y")
        year = int(y) if y else None
        if year is None and issued is not None:
            year = year_before(day, month, issued)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if _valid(year or 2024, month, day) is None:
            continue
        return day, month, year, doc.span(m.start(), m.end(), "date", "lede")
    return None


def day_month_years(folded: str) -> Iterator[re.Match[str]]:
    """The matches of ``_DMY`` in ``folded``, as ``_DMY.finditer`` gives them.  Each starts one
    or two characters before a "/": the slashes are found by ``str.find`` and the pattern is
    tried there only, in order, instead of at every digit of the text."""
    taken = 0  # where the last match ended
    tried = -1  # the last offset tried
    slash = folded.find("/")
    while slash >= 0:
        for at in (slash - 2, slash - 1):
            if at < taken or at <= tried:
                continue
            tried = at
            m = _DMY.match(folded, at)
            if m is not None:
                yield m
                taken = m.end()
        slash = folded.find("/", slash + 1)


def find_dateline(doc: Document) -> dt.date | None:
    """The page's own dateline: ``doc.dateline`` when the cleaner found one, else the first
    "dd/mm/yyyy hh:mm" of the text that is not a document reference."""
    if getattr(doc, "dateline", None):
        return doc.dateline
    folded = doc.folded
    for near in day_month_years(folded):
        m = _DATELINE.search(folded, max(0, near.start() - 50), near.end() + 12)
        if m is None:
            continue
        k = next(k for k in ("", "2", "3") if m.group("d" + k))
        d, mo, y = m.group("d" + k), m.group("m" + k), m.group("y" + k)
        date = _valid(int(y), int(mo), int(d))
        if date:
            return date
    return None


# a year a figure is compared with: "cao hơn cùng kỳ năm 2016" (before the session's year)
_COMPARED = _grammar(r"(?<!\w)(?:«compared»)\s*$")


def body_year(doc: Document, month: int | None, day: int = 1) -> int | None:
    """The session year from the periods the body reports on (None when it says nothing)."""
    folded = doc.folded
    candidates = [
        y
        for y in _YEAR_CUE.finditer(doc)
        if not (y.start() and folded[y.start() - 1].isalnum())
        and not _in_range(folded, y)
        and not _COMPARED.search(folded, max(0, y.start() - 30), y.start())
    ]
    instructions = _instruction_sentences(doc, [y.start() for y in candidates])
    years = [y for y in candidates if not _inside(instructions, y.start())]
    periods: Counter[int] = Counter()
    for ym in years:
        m = _PERIOD_YEAR.search(folded, max(0, ym.start() - 40), ym.start())
        if m is None or _PERIOD_DEADLINE.search(folded, max(0, m.start() - 20), m.start()):
            continue
        y = int(ym.group())
        if month is not None and month <= 3 and _YEAR_END_PERIOD.match(m.group("kind")):
            y += 1  # "quý IV năm 2023", "cả năm 2023" reviewed in January 2024
        periods[y] += 1
    if periods:
        # several period phrases: the latest year named is the current one
        return max(periods)
    votes: Counter[int] = Counter()
    for ym in years:
        m = _YEAR.search(folded, max(0, ym.start() - 12), ym.start())
        if (
            m is None
            or folded[ym.end() : ym.end() + 1] in ("/", "_")
            or (folded[ym.end() : ym.end() + 1].isalnum())
        ):
            continue
        y = int(ym.group())
        head = folded[max(0, m.start() - 60) : m.start()]
        if _FUTURE.search(head) or _is_reference(folded, m.start()):
            continue
        # "kết quả ... năm 2023 và nhiệm vụ năm 2024": the words before an earlier year
        # belong to that year
        earlier = [e.end() for e in _YEAR_NUMBER.finditer(head)]
        if earlier:
            head = head[earlier[-1] :]
        after = _RESULT_AFTER.match(folded, ym.end())
        achieved = after is not None and not _ESTIMATE.search(folded, ym.end(), after.end())
        votes[_year_vote(head, y, month, after is not None, achieved)] += 1
    if not votes:
        for at, y in _term_years(doc):
            if _inside(_instruction_sentences(doc, [at]), at):
                continue  # "phấn đấu năm cuối nhiệm kỳ ...": a target
            head = folded[max(0, at - 60) : at]
            earlier = [e.end() for e in _YEAR_NUMBER.finditer(head)]
            votes[_year_vote(head[earlier[-1] :] if earlier else head, y, month, False)] += 1
    if not votes:
        return _year_before_deadlines(doc, instructions, month, day) or _congress_year(doc)
    best = max(votes.values())
    return max(y for y, c in votes.items() if c == best)


def _year_vote(
    head: str, y: int, month: int | None, result_after: bool, achieved: bool = False
) -> int:
    """The session year that a year ``y`` named in the body votes for, from the words before
    it (``head``, back to the previous year named) and whether a result follows it (``achieved``:
    stated as achieved, not estimated)."""
    plan = _PLAN_WORD.search(head[-45:])
    result = _RESULT_WORD.search(head)
    reviewed = (result and "kết quả" in result.group()) or _REVIEW_WORD.search(head[-45:])
    if plan and not reviewed:
        # late in the year, next year's tasks are planned
        return y - 1 if month is not None and month >= 10 else y
    if month is not None and month <= 3 and (result or result_after):
        # early in the year, last year's results are reported ("kết quả năm 2025",
        # "năm 2025, tăng trưởng kinh tế của tỉnh ước đạt 10,8%")
        return y + 1
    if month is not None and month <= _RESULTS_REPORTED_UNTIL and achieved and not plan:
        return y + 1  # "thu nhập bình quân năm 2019 đạt ..." told in May: 2019 is over
    return y


# "năm đầu thực hiện Nghị quyết Đại hội ... nhiệm kỳ 2015 - 2020": the Nth year of a term or
# a plan's period, read back from the range's first year (a bounded window before it)
_TERM_ORDINAL = _grammar(
    r"(?<!\w)(?:(?P<n1>«term_year_1»)|(?P<n2>«term_year_2»)|(?P<n3>«term_year_3»)"
    r"|(?P<n4>«term_year_4»)|(?P<n5>«term_year_5»))(?!\w)"
    r"[^.;\n]{0,160}?(?<!\w)(?:(?P<term>«term_head»)|«period_head»)\s+$"
)
_TERM_WINDOW = 200


def _term_years(doc: Document) -> Iterator[tuple[int, int]]:
    """(offset, year) of each "Nth year" of a term or period named before its range: a term's
    first year follows its congress's (held late in years that are multiples of 5), except a
    national congress's (held in January, one year later): 2015-2020 and 2016-2021 both begin
    in 2016; a plan's period begins with its range."""
    folded = doc.folded
    for y in _YEAR_CUE.finditer(doc):
        if not _RANGE_AFTER.match(folded, y.end()):
            continue
        m = _TERM_ORDINAL.search(folded, max(0, y.start() - _TERM_WINDOW), y.start())
        if m is None:
            continue
        n = next(int(k[1]) for k in ("n1", "n2", "n3", "n4", "n5") if m.group(k))
        first = int(y.group())
        if m.group("term") and first % 5 != 1:
            first += 1
        yield m.start(), first + n - 1


def _in_range(folded: str, y: re.Match[str]) -> bool:
    """Whether the year ``y`` is one end of a range ("nhiệm kỳ 2025–2030", "2021-2025")."""
    return bool(
        _RANGE_AFTER.match(folded, y.end())
        or _RANGE_BEFORE.search(folded, max(0, y.start() - 8), y.start())
    )


def _congress_year(doc: Document) -> int | None:
    """The first year of the term a congress is held or prepared for ("chuẩn bị đại hội
    đảng bộ các xã nhiệm kỳ 2025–2030" puts the session in 2025); None without one."""
    folded = doc.folded
    if not _CONGRESS.search(folded):
        return None
    for y in _YEAR_CUE.finditer(doc):
        if _TERM.search(folded, max(0, y.start() - 12), y.start()) and _RANGE_AFTER.match(
            folded, y.end()
        ):
            return int(y.group())
    return None


def _instruction_sentences(doc: Document, offsets: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the clauses (a sentence, or its part between ";") around ``offsets``
    that give an instruction or a target (sorted, each once); a clause is looked at only if it
    holds one of the offsets.  "... đã đạt 46% khối lượng; Bộ sẽ ..., phấn đấu thông xe vào
    cuối năm 2024": the second clause sets a target although the first reports a result."""
    index = SentenceIndex(doc)
    folded = doc.folded
    out: list[tuple[int, int]] = []
    seen: set[int] = set()
    for offset in offsets:
        s = index.at(offset)
        if s is None:
            continue
        start = folded.rfind(";", s.start, offset) + 1 or s.start
        end = folded.find(";", offset, s.end)
        end = s.end if end < 0 else end
        if start in seen:
            continue
        seen.add(start)
        if _INSTRUCTION_CUE.search(doc, start, end) and not _RESULT_DONE_CUE.search(
            doc, start, end
        ):
            out.append((start, end))
    return sorted(out)


_RESULT_DONE = _grammar(r"(?<!\w)(?:«result_done»)(?!\w)")
# read from the shared scan: tried only where their first words are
_LEDE_CUE, _INSTRUCTION_CUE, _RESULT_DONE_CUE = Cue(_LEDE), Cue(_INSTRUCTION), Cue(_RESULT_DONE)


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``ranges`` (sorted, not overlapping)."""
    i = bisect_right(ranges, (offset, offset)) - 1
    if i + 1 < len(ranges) and ranges[i + 1][0] == offset:
        i += 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


def _year_before_deadlines(
    doc: Document, instructions: list[tuple[int, int]], month: int | None, day: int
) -> int | None:
    """The session year from the first full date set as a deadline (the session comes before
    it, within a year): used only when nothing else in the body names a year."""
    if month is None:
        return None
    folded = doc.folded
    dated = _instruction_sentences(doc, [m.start() for m in _DEADLINE_DATE.finditer(folded)])
    for start, end in dated:
        for m in _DEADLINE_DATE.finditer(folded, start, end):
            if _is_reference(folded, m.start()):
                continue
            deadline = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if deadline is not None:
                return year_before(day, month, deadline)
    # no full date: a period set as a deadline ("trong quý II/2023"), taken at its end
    for start, end in instructions:
        for y in _YEAR_CUE.finditer(doc, start, end):
            if _in_range(folded, y):
                continue  # "nhiệm kỳ 2025–2030": a term, not a deadline
            if _FUTURE_FAR.search(folded, max(start, y.start() - 30), y.start()):
                continue  # "đến năm 2030", "giai đoạn 2026 - 2030": a horizon, not a deadline
            last = _period_end_month(folded[max(start, y.start() - 30) : y.start()])
            deadline = _valid(int(y.group()), last, 28)
            if deadline is not None:
                return year_before(day, month, deadline)
    return None


_FUTURE_FAR = _grammar(r"(?:«horizon»)\s+(?:hết\s+)?(?:năm\s+)?$")
_QUARTER_END = {"i": 3, "1": 3, "ii": 6, "2": 6, "iii": 9, "3": 9, "iv": 12, "4": 12}
_PERIOD_END = _grammar(
    r"(?:(?:«quarter_word»)\s+(?P<q>«quarter_numeral»|[1-4])|(?:«month_word»)\s+(?P<m>\d{1,2})"
    r"|(?P<n>\d{1,2})\s+(?:«month_word»)\s+(?:«first_side»))"
    r"(?:\s+(?:«year_word»)\s+|\s*/\s*)$"
)


def _period_end_month(head: str) -> int:
    """The last month of the period written before a year ("quý II/" -> 6, "tháng 6/" -> 6,
    "6 tháng đầu năm " -> 6); 12 for a whole year."""
    m = _PERIOD_END.search(head)
    if m is None:
        return 12
    if m.group("q"):
        return _QUARTER_END[m.group("q")]
    n = int(m.group("m") or m.group("n"))
    return n if 1 <= n <= 12 else 12


REFORM_DATE = dt.date(2025, 7, 1)  # the two-tier local government
# the two-tier local government named by the text: the session is on or after 1 July 2025
_TWO_TIER = _grammar(r"(?<!\w)(?:«two_tier»)(?!\w)")


def ceiling(doc: Document) -> dt.date:
    """The last day the session can have been on: the publication date or the day the text
    was received, whichever is earlier; today when neither is known."""
    known = [d for d in (doc.options.published, doc.options.received) if d is not None]
    return min(known) if known else dt.date.today()


def _only_year_since(day: int, month: int, since: dt.date, until: dt.date) -> int | None:
    """The one year that puts day/month between ``since`` and ``until``; None when there are
    none or several."""
    years = [
        y
        for y in range(since.year, until.year + 1)
        if (d := _valid(y, month, day)) is not None and since <= d <= until
    ]
    return years[0] if len(years) == 1 else None


def find_date(doc: Document) -> None:
    """Set ``doc.date`` and ``doc.date_span``; with a day and month but no year that can be
    inferred, ``doc.date`` stays ``None`` and ``doc.date_partial`` keeps (day, month).  The
    date is never after :func:`ceiling`."""
    lede = find_lede_date(doc)
    limit = ceiling(doc)
    published = doc.options.published
    dateline = find_dateline(doc) or issued_date(doc)
    if dateline is not None and dateline > limit:
        dateline = None  # a page date after the day the text was received: not trusted
    if lede is None:
        # "Sáng nay, ..." / "Chiều qua, ...": the day is the page's, or the one before
        relative = _RELATIVE.search(doc.folded, 0, 800)
        anchor = published or dateline
        if relative and anchor:
            back = 1 if relative.group(2) in ("qua",) else 0
            doc.date = anchor - dt.timedelta(days=back)
            doc.date_span = doc.span(relative.start(), relative.end(), "date", "relative")
        elif anchor:
            doc.date = anchor  # no day written: the page's own date is the best guess
        return
    day, month, year, span = lede
    doc.date_span = span
    if year is None:
        anchor = published or dateline
        if anchor:
            year = year_before(day, month, anchor)
        if year is None:
            year = body_year(doc, month, day)
            if year is not None and (_valid(year, month, day) or limit) > limit:
                # a clue that puts the session after the day it was reported: the latest
                # year before that day, if it is the clue's year or the one before it
                before = year_before(day, month, limit)
                year = before if before is not None and before >= year - 1 else None
        if year is None and _TWO_TIER.search(doc.folded):
            year = _only_year_since(day, month, REFORM_DATE, limit)
    date = _valid(year, month, day) if year is not None else None
    if date is None:
        doc.date_partial = (day, month)
    doc.date = date
