"""Stage 1: from raw text to the cleaned text that every offset points into.

Unicode NFC, white space collapsed inside each line, empty lines dropped, one
paragraph per line (joined with "\\n"), and page boilerplate removed:

- the headline (kept in ``Document.title``) and every copy of it: photo captions
  that repeat it, "<headline> - Ảnh 3." markers, a headline glued to a paragraph;
- the site prefix of a lede ("(Baotinh.vn) - "), "- Ảnh N." markers;
- exact copies of an earlier paragraph (a lede or caption printed twice);
- widget lines of the lexicon ``boilerplate.tsv`` (share, weather, comment
  widgets, "Nguồn: ..." lines), mastheads and hotlines before the headline;
- bylines and standalone datelines (the first dateline's date is kept in
  ``Document.dateline``);
- the page's tail: from the first comment widget or "Đọc thêm" / "Tin liên quan" /
  "Chủ đề ..." marker to the end, when what follows is a list of other articles
  (headline printed twice, "HH:MM , DD/MM/YYYY", a lead) or more widgets.

Rules follow the structure of the genre's pages and a lexicon of widget phrases;
the dropped lines go to ``Document.removed``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from . import lexicon as lexicons
from .dates import KINDS as DATE_KINDS
from .dates import WORDS as DATE_WORDS
from .scan import literal_prefixes
from .spans import Document, Options, fold

_SPACE = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
# runs of white space other than one plain space (those need no replacing)
# the spaces of _SPACE but " ", one by one: ``in`` finds each faster than a regex class scans
WORDS = "headline_words.tsv"
KINDS_OF_WORDS = (
    "order",
    "subject",
    "subject_order",
    "leader_verb",
    "attribution",
    "attributed",
    "visit_lead",
    "headline_action",
    "headline_deadline",
    "notice_lead",
    "leader_head",
    "visit_leader",
    "modal",
    "one_of",
    "content_word",
    "by_whom",
    "notice_prep",
    "notice_verb",
    "site_suffix",
    "byline_head",
    "byline_and",
    "byline_photo",
    "byline_word",
    "byline_team",
    "byline_reporter",
    "dateline_weekday_head",
    "dateline_word",
    "dateline_posted",
    "dateline_posted_what",
    "dateline_posted_day",
    "dateline_zone",
    "dateline_meridiem",
)


@cache
def headline_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/headline_words.tsv`` by kind (folded, in the file's order), with the
    weekdays of ``data/date_words.tsv``; a bad line raises an error naming the file and line."""
    rows = lexicons.load(WORDS, KINDS_OF_WORDS)
    weekdays = lexicons.load(DATE_WORDS, DATE_KINDS)
    return {k: lexicons.texts(rows, k) for k in KINDS_OF_WORDS} | {
        "weekday": lexicons.texts(weekdays, "weekday")
    }


_grammar = lexicons.grammar_of(headline_words)


_ODD_SPACES = tuple("\t\u00a0\u202f\u205f\u3000\ufeff" + "".join(map(chr, range(0x2000, 0x200C))))
_WS = re.compile(rf"(?: {_SPACE}|(?! ){_SPACE}){_SPACE}*")

# "(Baonghean.vn) - " before a lede
_SITE_PREFIX = _grammar(
    r"^\((?:(?:[\w-]+\.)+(?:«site_suffix»)|[A-ZĐ]{2,8}(?:/[\w.+ -]{1,20})?)\)\s*[-–—]\s*"
)
# "<caption> - Ảnh 3." at the end of a line
_PHOTO_MARK = re.compile(r"\s*[-–—]\s*[Ảả]nh\s*\d{1,3}\s*\.?$")
# "... phát biểu kết luận. Ảnh: Thu Trang" / "(Ảnh: TTXVN)" at the end of a caption
_PHOTO_CREDIT = re.compile(
    r"\s*[-–(\[]?\s*[Ảả]nh(?: minh họa)?\s*:\s*([^()\[\]:]{2,40}?)\s*[)\]]?\s*$"
)
_LETTER_DATE = re.compile(
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}", re.IGNORECASE
)  # "Hà Tĩnh, ngày 12 tháng 10"
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
# a page's publication stamp in ISO order: "2021-05-13 09:10", "2021-05-13T09:10:00+07:00"
_ISO_DATE = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d/.])(?:t(?=\d))?")
# the same written out, on a line of its own: "Ngày 18 tháng 10 năm 2018" (folded)
_LONG_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+((?:19|20)\d{2})(?!\d)"
)


# what may surround a date on a dateline: weekday, time, time zone, "cập nhật"
def _spaced(kind: str) -> str:
    """The entries of ``kind`` as a regex alternation whose words may be glued or spaced
    ("chủ nhật", "chủnhật": a page's dateline is written either way)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in headline_words()[kind])


_DATELINE_REST = _grammar(
    r"(?:(?:" + _spaced("dateline_weekday_head") + r")\s*(?:«weekday»|[2-7])"
    r"|"
    + _spaced("dateline_word")
    + r"|(?:"
    + _spaced("dateline_posted")
    + r")\s*(?:"
    + _spaced("dateline_posted_what")
    + r")?|"
    + _spaced("dateline_posted_day")
    + r"|(?:"
    + _spaced("dateline_zone")
    + r")\s*\+?\s*\d*"
    r"|\d{1,2}\s*[:h]\s*\d{2}(?:\s*[:]\s*\d{2})?|"
    + _spaced("dateline_meridiem")
    + r"|[\s,|:()\-–—/+.])*"
)
_BYLINE_PREFIX = re.compile(
    lexicons.fill(
        r"^(?:(?:«byline_head»)\s*(?:«byline_and»|,)\s*(?:«byline_photo»)|«byline_word»"
        r"|(?:«byline_team»)\s+(?:«byline_reporter»)|«byline_reporter»)\s*:\s*",
        headline_words(),
        factor=False,
    ),
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_NAME_SEP = _grammar(r"\s*(?:[-–—,;&/]|\b(?:«byline_and»)\b)\s*")
_SENTENCE_END = ".!?…;:"


@dataclass(frozen=True, slots=True)
class Entry:
    """One reviewed line of ``boilerplate.tsv``."""

    kind: str  # end | section | widget | banner | caption
    match: str  # line | prefix | regex (each about the whole line)
    pattern: str
    example: str

    def matches(self, key: str) -> bool:
        """Whether the folded line ``key`` is this boilerplate (``lexicon_kind`` asks all the
        entries at once; this is the same rule for one entry)."""
        if self.match == "line":
            return key == self.pattern
        if self.match == "prefix":
            return key.startswith(self.pattern) and len(key) <= 200
        return _compiled(self.pattern).fullmatch(key) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


BOILERPLATE = "boilerplate.tsv"
KINDS = ("end", "section", "widget", "banner", "caption")
MATCHES = ("line", "prefix", "regex")


@lru_cache(maxsize=1)
def lexicon() -> tuple[Entry, ...]:
    """The entries of ``data/boilerplate.tsv``."""
    entries = []
    for row in lexicons.load(BOILERPLATE, KINDS, ("match",)):
        match = row.extra[0]
        if match not in MATCHES:
            raise lexicons.LexiconError(f"{row.where}: the match must be one of {MATCHES}")
        # patterns are compared with folded lines ("toàn" folds to "tòan"); no \D, \S, \W in them
        entries.append(Entry(row.kind, match, row.folded, row.example))
    return tuple(entries)


@lru_cache(maxsize=8192)
def lexicon_kind(line: str) -> str | None:
    """The kind of boilerplate ``line`` is according to the lexicon, or None."""
    if len(line) > 220:  # every entry is a short line
        return None
    key = fold(line).strip().rstrip(".!?… ")
    kind = _whole_lines().get(key) or _whole_lines().get(key.rstrip(": "))
    if kind:
        return kind  # "Tin cùng chuyên mục:" is the heading "Tin cùng chuyên mục"
    by_first, others = _entries_by_first()
    m = by_first.get(key[:1], others).fullmatch(key)
    if m is None:
        return None
    return next(_kind_of_group(g) for g, v in m.groupdict().items() if v is not None)


def _kind_of_group(name: str) -> str:
    return lexicon()[int(name[1:])].kind


@lru_cache(maxsize=1)
def _other_entries() -> re.Pattern[str]:
    """The prefix and regex entries as one alternation, in the lexicon's order (the first
    entry that matches the whole line gives the kind, as a loop over them would)."""
    return re.compile("|".join(alt for _, alt in _alternatives()), re.DOTALL)


def _alternatives() -> list[tuple[Entry, str]]:
    """The prefix and regex entries with their branch of :func:`_other_entries`, in order."""
    alts = []
    for i, e in enumerate(lexicon()):
        if e.match == "prefix":
            # the prefix first, then the length: most lines fail at their first character
            alts.append((e, f"(?P<e{i}>(?={re.escape(e.pattern)}).{{0,200}})"))
        elif e.match == "regex":
            alts.append((e, f"(?P<e{i}>{e.pattern})"))
    return alts


@lru_cache(maxsize=1)
def _entries_by_first() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str]]:
    """:func:`_other_entries` cut by the first character of a line: for each character that
    some entry starts with, the alternation of the entries that may start with it (and of
    those whose first characters cannot be read from their pattern), in the lexicon's
    order; and the alternation of those others alone, for a line that starts with any other
    character.  The engine tried every branch of the whole alternation on every line; a
    branch left out cannot match the line, so the first that matches is the same."""
    firsts: list[frozenset[str] | None] = []  # per alternative: its first characters
    for e, _ in _alternatives():
        if e.match == "prefix":
            firsts.append(frozenset(e.pattern[:1]) if e.pattern else None)
        else:
            prefixes = literal_prefixes(re.compile(e.pattern, re.DOTALL))
            firsts.append(frozenset(p[0] for p in prefixes) if prefixes else None)
    alts = [alt for _, alt in _alternatives()]

    def compile_for(ch: str | None) -> re.Pattern[str]:
        kept = [a for a, f in zip(alts, firsts, strict=True) if f is None or ch in f]
        return re.compile("|".join(kept) or "(?!)", re.DOTALL)

    chars = sorted({ch for f in firsts if f is not None for ch in f})
    return {ch: compile_for(ch) for ch in chars}, compile_for(None)


@lru_cache(maxsize=1)
def _whole_lines() -> dict[str, str]:
    """The lexicon's whole-line entries, for one lookup."""
    out: dict[str, str] = {}
    for e in lexicon():
        if e.match == "line":
            out.setdefault(e.pattern, e.kind)
    return out


def normalise_lines(raw: str) -> list[str]:
    """NFC, one stripped line per non-empty line, inner white space collapsed."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    if "  " in text or any(c in text for c in _ODD_SPACES):  # most pages need no replacing
        text = _WS.sub(" ", text)
    for line in text.split("\n"):
        line = line.strip()
        if line:
            lines.append(line)
    return lines


@lru_cache(maxsize=4096)
def _key(line: str) -> str:
    """The comparison key of a line: folded (short lines), without final punctuation."""
    return (fold(line) if len(line) <= 300 else line).strip().rstrip(_SENTENCE_END + " ")


@lru_cache(maxsize=4096)
def strip_photo_mark(line: str) -> str:
    """A line without its final "- Ảnh 3." photo marker or "Ảnh: Thu Trang" credit."""
    if len(line) <= 300 and ":" in line[-40:]:
        m = _PHOTO_CREDIT.search(line, max(0, len(line) - 60))
        if m and m.start() > 0 and (is_byline(m.group(1)) or m.group(1).isupper()):
            return line[: m.start()].rstrip()
    if "nh" not in line[-12:]:
        return line
    m = _PHOTO_MARK.search(line, max(0, len(line) - 24))
    return line[: m.start()] if m else line


@lru_cache(maxsize=8192)
def dateline_date(line: str) -> dt.date | None:
    """The date of a standalone dateline ("31/07/2023 19:46", "20:04 , 21/02/2025",
    "Thứ Hai, 11/10/2021 - 14:30 (GMT+7)", an ISO stamp "2021-05-13 09:10"), or None if the
    line is anything else."""
    if len(line) > 60:
        return None
    low = fold(line)
    m = _DATE.search(low) or _LONG_DATE.search(low)
    iso = None if m else _ISO_DATE.search(low)
    if iso is not None:
        m = iso
    if not m:
        return None
    rest = low[: m.start()] + " " + low[m.end() :]
    if _DATELINE_REST.fullmatch(rest) is None:
        return None
    y, mo, d = (1, 2, 3) if iso is not None else (3, 2, 1)
    try:
        return dt.date(int(m.group(y)), int(m.group(mo)), int(m.group(d)))
    except ValueError:
        return None


# a related article's headline with its date after it: "... tại Tiên Lữ (19/08/2019)",
# "... - 19/08/2019", "... (19/08/2019 16:40)"
_ITEM_DATE = re.compile(
    r"\s(?:\(\s*|[-–—|]\s*)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})"
    r"(?:\s*[-–,|]?\s*\d{1,2}\s*[:h]\s*\d{2})?\s*\)?$"
)


@lru_cache(maxsize=8192)
def item_date(line: str) -> dt.date | None:
    """The date closing a related article's headline ("Văn Giang đẩy mạnh cải cách hành chính
    (09/08/2019)"), or None: a headline-shaped line (no end punctuation before the date)."""
    if len(line) > 250 or not line.endswith(
        (")", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
    ):
        return None
    m = _ITEM_DATE.search(line, max(0, len(line) - 40))
    if m is None or not _title_like(line[: m.start()].rstrip()):
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _is_name(words: list[str]) -> bool:
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        if not w[0].isupper() or not w.isalpha():
            return False
        if len(w) > 1 and not w[1:].islower() and not (w.isupper() and len(w) <= 3):
            return False
    return True


def is_byline(line: str) -> bool:
    """A line that only names the writers ("Thu Hà – Minh Quân", "Bài và ảnh: Minh Tâm")."""
    if len(line) > 80 or _HAS_DIGIT.search(line):
        return False
    body = _BYLINE_PREFIX.sub("", line)
    body = re.sub(r"\s*\([^)]{0,30}\)$", "", body).strip()  # "(TTXVN)", "(tổng hợp)"
    groups = [g for g in _NAME_SEP.split(body) if g]
    if not groups or len(groups) > 4 or not all(_is_name(g.split()) for g in groups):
        return False
    return True


def _title_like(line: str) -> bool:
    return 10 <= len(line) <= 250 and line[-1] not in ".;:," and len(line.split()) >= 3


def _is_listing_tail(
    lines: list[str], start: int, need_articles: bool, bodies: bool = True
) -> bool:
    """Whether ``lines[start:]`` is only widgets and a list of other articles.  An article of
    the list is its headline (printed twice) or its own time stamp, then its lead; once an
    article has its own stamp, the paragraphs after its lead are its body too (a listing may
    print a whole other report), up to the next article or widget; not with ``bodies`` False
    (a list above the page's first paragraph, which is no tail)."""
    articles = 0
    # a box's heading ("Chủ đề ...", "Ngày này năm xưa") may hold one paragraph of its own
    lead_ok = need_articles and bodies
    dated = False  # the current article of the list carries its own time stamp
    i = start
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and _key(lines[i + 1]) == _key(line) and _title_like(line):
            articles += 1
            lead_ok = True
            dated = bodies and item_date(line) is not None
            i += 2
            continue
        if dateline_date(line) is not None or item_date(line) is not None:
            articles += 1  # its own stamp, or a headline with its date: "... (19/08/2019)"
            lead_ok = True
            dated = bodies
        elif lexicon_kind(line) or is_byline(line):
            pass
        elif lead_ok:
            lead_ok = False
        elif bodies and _title_like(line) and i + 1 < len(lines) and _lead_like(lines[i + 1]):
            articles += 1  # a headline printed once, then its lead ("Các tin khác")
            lead_ok = True
        elif not (dated or (len(line) <= 160 and line[-1] not in ".;")):
            return False
        i += 1
    return articles > 0 or not need_articles


def _lead_like(line: str) -> bool:
    """A paragraph that may be a listed article's lead: sentences, not another heading."""
    return line[-1] in _SENTENCE_END and not lexicon_kind(line)


def _tail_start(lines: list[str]) -> int:
    """Index of the first line of the page's tail (len(lines) if none)."""
    checked = 0
    text_seen = False  # a paragraph of the page's text (a sentence) stands before the line
    for i, line in enumerate(lines):
        kind = lexicon_kind(line)
        if kind in ("end", "section") and checked < 20:
            checked += 1  # bounded work on pages made of markers
            if _is_listing_tail(lines, i + 1, kind == "section", text_seen):
                return i
        text_seen = text_seen or (len(line) > 120 and line[-1] in _SENTENCE_END)
        # a related article without a marker: headline twice, then its own dateline
        if (
            i + 2 < len(lines)
            and _title_like(line)
            and _key(lines[i + 1]) == _key(line)
            and dateline_date(lines[i + 2]) is not None
            and checked < 20
        ):
            checked += 1
            if _is_listing_tail(lines, i, True, text_seen):
                return i
    return len(lines)


def find_headline(lines: list[str]) -> int | None:
    """Index of the headline: the title-like line printed most often (photo captions and
    "- Ảnh N." markers repeat it), else a title-like first line."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        base = strip_photo_mark(line)
        if not _title_like(base) or lexicon_kind(base) or dateline_date(base):
            continue
        k = _key(base)
        counts[k] = counts.get(k, 0) + 1
        first.setdefault(k, i)
    repeated = [k for k, c in counts.items() if c >= 2]
    if repeated:
        best = max(repeated, key=lambda k: (counts[k], -first[k]))
        return first[best]
    # else the fullest title-like line before the first paragraph (a section name
    # or a kicker may stand above the headline)
    best_i = None
    for i, line in enumerate(lines[:8]):
        if len(line) >= 150 or line[-1] in ".;:":
            break
        if (
            _title_like(line)
            and not _LETTER_DATE.search(line)
            and not _DATE.search(line)
            and not line.isupper()
            and not is_byline(line)
            and not lexicon_kind(line)
            and dateline_date(line) is None
            and (best_i is None or len(line.split()) > len(lines[best_i].split()))
        ):
            best_i = i
    return best_i if best_i is not None and len(lines) > best_i + 1 else None


# a headline that states a leader's instruction: "Bí thư Tỉnh ủy: Phải giải ngân ...",
# "Xã A phải hoàn thành ... trước ngày 15/5", "Chủ tịch UBND tỉnh yêu cầu ..." (folded): it
# stays in the text, so that the directive it states points at its own words
_HEADLINE_ORDER = _grammar(
    r"(?:[^:]{2,60}:\s*)?(?:«order»)\s"
    r"|(?:«subject»)\s[^:,.;]{0,60}?\s(?:«subject_order»)\s"
    r"|(?:phó\s+)?(?:«leader_head»)[^:,.;]{0,50}?\s(?:«leader_verb»)\s"
)


# a unit named without its level before the modal: "Đắk Glei cần đẩy nhanh ..." (the name
# must be a unit's in the reference data)
_NAMED_ORDER = _grammar(r"(?P<name>[A-ZĐÀ-Ỹ][\w'’-]*(?:\s+[A-ZĐÀ-Ỹ][\w'’-]*){0,3})\s+(?:«modal»)\s")


_TITLE_LEAD = re.compile(r"[^:]{2,60}:\s*")
# "Bí thư Tỉnh ủy làm việc với huyện A: Quyết liệt hơn nữa ...": a leader's session, a colon,
# then the instruction the leader gave there, opened by an action or bound by a deadline
# ("...: Di dời xong các hộ ... trước Tết") (folded)
_VISIT_ORDER = _grammar(
    r"(?P<lead>(?:phó\s+)?(?:«visit_leader»)[^:]{0,50}?\s(?:«visit_lead»)\s"
    r"[^:]{2,60}:\s*)(?:(?:«headline_action»)\s|[^:.;!?]{2,80}?\s(?:«headline_deadline»)(?!\w))"
)


def visit_order_start(head: str) -> int | None:
    """Where the instruction starts in a headline "<leader> làm việc với <unit>: <instruction>"
    (after the colon: the lead names the speaker), or None for any other headline."""
    m = _VISIT_ORDER.match(fold(head))
    return m.end("lead") if m else None


def headline_unit(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a headline's subject is a unit named without its level ("Đắk Glei cần ...",
    "Bí thư Tỉnh ủy: Hải Hậu phải ..."): the name's (start, end) in ``text``, as written, when
    it is a unit's name in the reference data; else None."""
    lead = _TITLE_LEAD.match(text, start, end)
    named = _NAMED_ORDER.match(text, lead.end() if lead else start, end)
    if named is None:
        return None
    from .units import lookup_unit  # the reference data, loaded only for such a headline

    if not any(
        lookup_unit(level, named.group("name"))
        for level in ("xã", "phường", "huyện", "thị xã", "thành phố", "đặc khu")
    ):
        return None
    return named.start("name"), named.end("name")


# the paragraph after a headline that says whose instruction the headline states: "Đó là chỉ
# đạo của đồng chí ...", "Đây là một trong những nội dung kết luận của ..." (folded)
_ATTRIBUTION = _grammar(
    r"(?:«attribution»)\s+(?:một trong (?:«one_of»)\s+)?(?:(?:«content_word»)\s+)?"
    r"(?:«attributed»)(?!\w)[^.;:]{0,40}?\s(?:«by_whom»)\s"
)


# a headline that opens with an action ("Đẩy nhanh tiến độ dự án ...") followed by the notice
# that states the leader's conclusions ("Tại Thông báo số 112/TB-UBND ngày 8/5/2024, Chủ tịch
# UBND tỉnh ... kết luận ..."): the headline is the instruction of that notice (folded)
_ACTION_HEADLINE = _grammar(r"(?:«headline_action»)\s")
_NOTICE_ATTRIBUTION = _grammar(
    r"(?:(?:«notice_prep»)\s+)?(?:«notice_lead»)\s+số[^.\n]{0,150}?\s(?:«notice_verb»)(?!\w)"
)


def notice_attributes(head: str, paragraph: str) -> bool:
    """Whether a headline that opens with an action is followed by the notice of the leader's
    conclusions, which says whose instruction it is."""
    return bool(
        _ACTION_HEADLINE.match(fold(head)) and _NOTICE_ATTRIBUTION.match(fold(paragraph[:240]))
    )


def attributes_headline(paragraph: str) -> bool:
    """Whether ``paragraph``, placed right after the headline, says whose instruction the
    headline states (so that a headline with no subject or modal is one too)."""
    return _ATTRIBUTION.match(fold(paragraph[:240])) is not None


def instruction_headline(head: str | None) -> bool:
    """Whether a headline states an instruction (and so stays in the text)."""
    if not head:
        return False
    if _HEADLINE_ORDER.match(fold(head)) or _VISIT_ORDER.match(fold(head)):
        return True
    # "Bí thư Tỉnh ủy: Hải Hậu phải ...": a unit's name after the "Title:" lead
    lead = _TITLE_LEAD.match(head)
    if lead and _HEADLINE_ORDER.match(fold(head[lead.end() :])):
        return True
    return headline_unit(head, 0, len(head)) is not None


def kept_headline(doc: Document) -> bool:
    """Whether the document's first paragraph is its headline, kept as an instruction."""
    return bool(
        doc.title
        and doc.paragraphs
        and doc.paragraphs[0].text.strip() == doc.title.strip()
        and (
            instruction_headline(doc.title)
            or (len(doc.paragraphs) > 1 and attributes_headline(doc.paragraphs[1].text))
            or (len(doc.paragraphs) > 1 and notice_attributes(doc.title, doc.paragraphs[1].text))
        )
    )


def _strip_glued(line: str, head: str) -> str:
    """A line with the headline glued to its end or start (no space), without it."""
    n = len(head)
    if not head or len(line) <= n:
        return line
    last, first = head[-1].lower(), head[0].lower()
    if line[-1].lower() == last and fold(line[-n:]) == fold(head):
        cut = len(line) - n
        if line[cut - 1] in _SENTENCE_END + '”"' or not line[cut - 1].isspace():
            return line[:cut].rstrip()
    if line[0].lower() == first and line[n].isupper() and fold(line[:n]) == fold(head):
        return line[n:].lstrip()
    return line


def clean_lines(lines: list[str]) -> tuple[list[str], str | None, list[str], dt.date | None]:
    """Kept lines, headline, removed lines and the dateline's date of a page's lines."""
    removed: list[str] = []
    stripped = []
    for line in lines:
        prefix = _SITE_PREFIX.match(line)
        if prefix and prefix.end() < len(line):
            removed.append(prefix.group().strip())  # "(Baonghean.vn) -": still names the site
            line = line[prefix.end() :]
        stripped.append(line)
    lines = stripped
    tail = _tail_start(lines)
    body = lines[:tail]
    h = find_headline(body)
    head = strip_photo_mark(body[h]) if h is not None else None
    head_key = _key(head) if head else None
    keep_head = instruction_headline(head)
    if h is not None and not keep_head:
        # "Đẩy mạnh liên kết ..." then "Đó là chỉ đạo của đồng chí ...": the next paragraph
        # (past the page's date line and widgets) says the headline is an instruction
        after = next(
            (x for x in body[h + 1 :] if dateline_date(x) is None and not lexicon_kind(x)), ""
        )
        keep_head = attributes_headline(after) or notice_attributes(head or "", after)
    # a masthead above a headline printed twice: the outlet's names, menus, tickers of other
    # articles, all of them lines with no sentence end; dropped, so that a headline that states
    # an instruction opens the text
    masthead = (
        h is not None
        and h > 0
        and sum(1 for x in body if _key(strip_photo_mark(x)) == head_key) >= 2
        and all(_furniture(x) for x in body[:h])
    )
    last_long = max(
        (i for i, x in enumerate(body) if len(x) > 120 and x[-1] in _SENTENCE_END), default=-1
    )
    dateline: dt.date | None = None
    seen: set[str] = set()
    kept: list[str] = []
    for i, line in enumerate(body):
        d = dateline_date(line)
        if d is not None:
            dateline = dateline or d
            removed.append(line)
            continue
        base = strip_photo_mark(line)
        k = _key(base)
        kind = lexicon_kind(base)
        drop = (
            (head_key is not None and k == head_key and not (keep_head and i == h and not kept))
            or kind in ("end", "widget", "caption")
            or (kind == "banner" and (h is None or i < h))
            or (masthead and h is not None and i < h)
            or (len(k) >= 15 and k in seen)
            or (is_byline(base) and _byline_place(body, i, last_long))
        )
        if drop:
            removed.append(line)
            continue
        if base != line:
            removed.append(line[len(base) :].strip())
        text = _strip_glued(base, head) if head and i != h else base
        if text != base:
            removed.append(
                base[len(text) :] if base.startswith(text) else base[: len(base) - len(text)]
            )
        seen.add(k)
        kept.append(text)
    removed.extend(lines[tail:])
    return kept, head, removed, dateline


def _furniture(line: str) -> bool:
    """A line that may stand in a page's masthead: short, no sentence end."""
    return len(line) <= 160 and line[-1] not in _SENTENCE_END


def _byline_place(lines: list[str], i: int, last_long: int) -> bool:
    """Whether a name-only line stands where bylines stand: after the last paragraph,
    beside a dateline, or as several names joined by dashes or commas."""
    if i > 0 and lines[i - 1].isupper():  # the signer under "T/M BAN THƯỜNG VỤ" is no byline
        return False
    if i > last_long:
        return True
    near = lines[max(0, i - 1) : i + 2]
    if any(dateline_date(x) for x in near):
        return True
    line = lines[i]
    return bool(_BYLINE_PREFIX.match(line)) or len(_NAME_SEP.split(line)) > 1


def clean(raw: str, options: Options) -> Document:
    """The document of a raw report: cleaned text, headline, removed lines, dateline."""
    kept, head, removed, dateline = clean_lines(normalise_lines(raw))
    return Document(
        text="\n".join(kept), options=options, title=head, removed=removed, dateline=dateline
    )
