"""Stage: the provincial bodies named as taking part (``doc.agencies``), as written.

A body is named by the lexicon ``agencies.tsv`` (Ban Tổ chức Tỉnh ủy, Văn phòng
Tỉnh ủy, Ủy ban MTTQ tỉnh, Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh, Đảng ủy Khối
..., ...) or is a department: "Sở" and a name from ``departments.tsv``, or any
other "Sở" and its name up to a comma, a semicolon or "và" before another body.

A body takes part when the text says so where the genre does:

- in a sentence listing the participants ("Tham gia buổi làm việc có ...",
  "Dự hội nghị có ...", "đại diện lãnh đạo các sở, ngành: ...");
- in the title of a person ("Chánh Văn phòng Tỉnh ủy", "Giám đốc Sở Tài chính",
  "Chính ủy Bộ Chỉ huy Quân sự tỉnh"): a holder of its office speaks or attends;
- as the speaker of a sentence ("Đại diện Sở Xây dựng giải trình ...").

Bodies named inside directives, petitions or document references ("Kết luận
... của Ban Thường vụ Tỉnh ủy", "giao Sở Tài chính ...") do not take part.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from . import lexicon as lexicons
from .lookup import Intervals, SentenceIndex, trie_alternation, word_start_matches
from .scan import Cue, starting_words
from .spans import Document, Span, filter_spans, fold, written_forms

WORDS = "agency_words.tsv"
KINDS = (
    "participation",
    "office",
    "speaks",
    "reported_by",
    "reference",
    "name_stop",
    "list_head",
    "presents",
    "attend",
    "task_opening",
    "task_modal",
    "hear",
    "heard_from",
    "province_committee",
    "province_level",
    "city_committee",
    "city_level",
    "department_word",
    "list_also",
    "list_scope",
    "list_and",
    "board_owner",
)


@cache
def agency_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/agency_words.tsv`` by kind (folded, in the file's order); a bad line
    raises an error naming the file and line."""
    return lexicons.by_kind(WORDS, KINDS)


_grammar = lexicons.grammar_of(agency_words)


# a sentence that lists the participants
_PARTICIPATION = _grammar(r"(?:«participation»|^(?:«attend») )")
# an office held in a body: the body is represented by its holder
_OFFICE = _grammar(r"(?:«office»)\s*$")
# the body speaks: "Sở Xây dựng giải trình", "lãnh đạo Công an tỉnh cho biết" (not its task:
# "Sở Tài chính khẩn trương khảo sát, đề xuất ...")
_SPEAKS = _grammar(r"^(?:(?!(?:«task_opening»)|(?:«task_modal») )[^.;:]){0,40}?(?:«speaks»)")
_SPEAKS_WORDS = agency_words()["speaks"]


def _may_speak(after: str) -> bool:
    """False when ``_SPEAKS`` cannot match ``after`` (none of its verbs is there: told
    without the regex, whose lazy run tries each of the first 40 positions)."""
    return any(w in after for w in _SPEAKS_WORDS)


# "họp nghe Ban Tổ chức Tỉnh ủy báo cáo ...": the body reports to the session
_HEARD = _grammar(r"(?<!\w)(?:«hear»)(?:\s+(?:«heard_from»))?\s*$")
_REFERENCE = _grammar(r"(?:«reference»)\s*$")
# "Theo báo cáo của Sở Kế hoạch và Đầu tư, ...": the body reports to the session
_REPORTED = _grammar(r"(?<!\w)(?:«reported_by»)\s*$")
# "đề án ... do Sở Văn hóa, Thể thao và Du lịch trình": the body brought the matter before the
# session ("do" before the body, the verb after it)
_PRESENTED_BY = re.compile(r"(?<!\w)do\s*$")
_PRESENTS = _grammar(r"\s*(?:«presents»)(?!\w)")
# a word that ends the name of a department written after "Sở"
_SO_STOP = _grammar(r"(?:«name_stop»)$")
_TOKEN = re.compile(r"[\w&-]+")
# an abbreviated department name: capitals joined by "&" or "-" ("NN-PTNT", "GD&ĐT", "GTVT")
_ABBREVIATED = re.compile(r"[A-ZĐ]{2,}(?:[&-][A-ZĐ]+)*$")
_SO = re.compile(r"Sở\s+(?=[A-ZĐÀ-Ỹ])")


@cache
def lexicon() -> tuple[tuple[str, str, str], ...]:
    """The bodies of ``data/agencies.tsv``: (name, pattern, example)."""
    rows = lexicons.load("agencies.tsv", ("body",), ("pattern",))
    for r in rows:
        if not r.extra[0]:
            raise lexicons.LexiconError(f"{r.where}: the body {r.text!r} has no pattern")
    return tuple((r.text, r.extra[0], r.example) for r in rows)


@cache
def departments() -> tuple[str, ...]:
    """The department names of ``data/departments.tsv`` ("Sở Tài chính", ...)."""
    return lexicons.texts(lexicons.load("departments.tsv", ("department",)), folded=False)


@cache
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The abbreviations of ``data/department_abbreviations.tsv``: (pattern over the folded
    words after "Sở ", full name)."""
    rows = lexicons.load("department_abbreviations.tsv", ("abbreviation",), ("full", "pattern"))
    out = []
    for r in rows:
        full, pattern = r.extra
        if not full or not pattern:
            raise lexicons.LexiconError(f"{r.where}: {r.text!r} needs a full name and a pattern")
        out.append((re.compile(rf"(?:{pattern})"), full))
    return tuple(out)


def agency_name(span: Span) -> str:
    """The name a body is listed by: its full name for an abbreviation ("Sở NN&PTNT" ->
    "Sở Nông nghiệp và Phát triển nông thôn"), "Sở" before a department of a list under one
    head ("các sở: Tài chính, ..." -> "Sở Tài chính"), else as written."""
    text = " ".join(span.text.split())
    if span.rule.startswith(("agencies:department-list", "agencies:board-list")):
        return full_name(list_item_name(text, span.rule))
    return full_name(text)


def list_item_name(text: str, rule: str) -> str:
    """The name of a body listed under one head, as written: "Sở " before a department
    ("các sở: Tài chính, NN&PTNT" -> "Sở Tài chính", "Sở NN&PTNT"); "Ban " before a Party
    board and its committee after it ("các ban: Tổ chức, Dân vận Tỉnh ủy" -> "Ban Tổ chức
    Tỉnh ủy", "Ban Dân vận Tỉnh ủy"; the committee is in the rule, after "@")."""
    if "board-list@" in rule:
        owner = rule.split("@", 1)[1].split(":", 1)[0]
        if fold(text).endswith(fold(owner)):
            return "Ban " + text
        return f"Ban {text} {owner}"
    return "Sở " + text


def full_name(text: str) -> str:
    """ "Sở GD&ĐT" -> "Sở Giáo dục và Đào tạo"; any other name as it is."""
    if not text.startswith("Sở "):
        return text
    return _department_full_name(text)


@lru_cache(maxsize=4096)
def _department_full_name(text: str) -> str:
    """:func:`full_name` of a "Sở ..." (each abbreviation pattern tried once per name)."""
    rest = fold(text[len("Sở ") :]).strip()
    for pattern, full in _abbreviations():
        if pattern.fullmatch(rest):
            return full
    return text


# a centrally-run city names its province-level bodies as the city's: "Ban Tổ chức Thành ủy",
# "Văn phòng UBND thành phố", "Công an thành phố" where a province writes "Tỉnh ủy", "tỉnh"
def _one_of(*kinds: str) -> str:
    """The regex alternation (a group) of the entries of ``kinds``, in the file's order."""
    return "(?:" + "|".join(re.escape(w) for k in kinds for w in agency_words()[k]) + ")"


# the province's committee and level in the lexicon's patterns, and a city's besides
_CITY_COMMITTEE = re.compile(_one_of("province_committee"))
_CITY_LEVEL = re.compile(" " + _one_of("province_level") + "$")
_COMMITTEE_FORMS = _one_of("province_committee", "city_committee")
_LEVEL_FORMS = " " + _one_of("province_level", "city_level")


def _city_forms(pattern: str) -> str:
    """A lexicon pattern that also reads a centrally-run city's name of the body."""
    pattern = _CITY_COMMITTEE.sub(lambda _: _COMMITTEE_FORMS, pattern)
    return _CITY_LEVEL.sub(lambda _: _LEVEL_FORMS, pattern)


# a body of a city of the province, not of the city itself: "Ban Tổ chức Thành ủy Vinh",
# "Công an thành phố Thanh Hóa" (a capitalised name after "thành ủy" / "thành phố")
_CITY_END = re.compile(_one_of("city_committee", "city_level") + "$")
_NAME_AFTER = re.compile(r" [A-ZĐÀ-Ỹ]")


@cache
def _bodies_regex() -> re.Pattern[str]:
    alts = [f"(?:{_city_forms(p)})" for _name, p, _ex in lexicon()]
    alts += [re.escape(fold(d)) for d in sorted(departments(), key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


@cache
def _first_words() -> re.Pattern[str]:
    """The first words of the lexicon's patterns: where a body can start (a fast pre-scan)."""
    words = set()
    for _name, p, _ex in lexicon():
        first = re.match(r"[^\W\d_]+", p)
        if first is None:
            raise ValueError(f"agencies.tsv: pattern {p!r} must start with a word")
        words.add(first.group())
    words.add("sở")
    # names of bodies are capitalised: scan the text (not folded) for the capitalised first
    # words, in both tone placements ("Ủy", "Uỷ")
    written = {form for w in words for form in written_forms(w)}
    # (a regex: on these few short words it scans faster than the automaton of scan.py)
    return re.compile(r"(?:" + trie_alternation(written) + r")(?!\w)")


def _lexicon_matches(doc: Document) -> list[re.Match[str]]:
    """The lexicon's bodies in the folded text, where the text as written names them with a
    capital, as names of bodies are ("Sở", not "cơ sở")."""
    bodies = _bodies_regex()
    folded = doc.folded
    out = []
    end = 0
    for w in word_start_matches(_first_words(), doc.text):
        if w.start() < end:
            continue
        m = bodies.match(folded, w.start())
        if m and _CITY_END.search(m.group()) and _NAME_AFTER.match(doc.text, m.end()):
            continue  # "Ban Tổ chức Thành ủy Vinh": a city of the province
        if m:
            out.append(m)
            end = m.end()
    return out


def _generic_departments(doc: Document) -> list[Span]:
    """ "Sở" + a name not in the list: the capitalised word and what follows, up to a
    boundary (comma, semicolon, "và", a verb)."""
    out = []
    text = doc.text
    abbreviated = _short_abbreviations()
    for m in word_start_matches(_SO, text):
        pos = m.end()
        # "Sở Nông nghiệp và PTNT": an abbreviation of the lexicon, half written out, is whole
        a = abbreviated.match(doc.folded, pos)
        if a:
            out.append(doc.span(m.start(), a.end(), "agency", "agencies:department"))
            continue
        end = pos
        n = 0
        prev = ""
        while n < 7:
            t = _TOKEN.match(text, pos)
            if not t:
                break
            word = t.group()
            joined = (  # "Sở KH và ĐT": "và" between the parts of an abbreviation
                word == "và"
                and _ABBREVIATED.match(prev)
                and (nxt := _TOKEN.match(text, t.end() + 1)) is not None
                and _ABBREVIATED.match(nxt.group())
            )
            if n > 0 and not joined and (_SO_STOP.match(fold(word)) or word.isdigit()):
                break
            if n > 1 and word[0].isupper() and prev[0].islower() and prev != "và":
                break  # "Sở Xây dựng Vương Đình Khoa": a name follows
            if n > 0 and word[0].isupper() and not word.isupper() and _ABBREVIATED.match(prev):
                break  # "Sở NN-PTNT Lê Quang Thịnh": a name after an abbreviation
            if n > 0 and word.islower() and word != "và" and _ABBREVIATED.match(prev):
                break  # "Sở VH-TT-DL báo cáo": the abbreviation is the whole name
            prev = word
            end = t.end()
            n += 1
            if not text.startswith(" ", end):
                break
            pos = end + 1
        out.append(doc.span(m.start(), end, "agency", "agencies:department"))
    return out


@cache
def _short_departments() -> re.Pattern[str]:
    names = sorted({fold(d)[len("sở ") :] for d in departments()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names) + r"(?!\w)")


@cache
def _short_abbreviations() -> re.Pattern[str]:
    """An abbreviated department as written in a list ("NN&PTNT", "KH-ĐT", "LĐ-TB&XH"),
    over the folded text: the patterns of ``department_abbreviations.tsv``."""
    rows = lexicons.load("department_abbreviations.tsv", ("abbreviation",), ("full", "pattern"))
    return re.compile("(?:" + "|".join(f"(?:{r.extra[1]})" for r in rows) + r")(?![\w&-])")


_LIST_HEAD = _grammar(
    r"(?:«list_head») (?:«department_word»)(?:\s*,\s*(?:«list_also»))*(?:\s+(?:«list_scope»))?\s*:?\s*"
)
_LIST_HEAD_CUE = Cue(_LIST_HEAD)  # read from the shared scan
_LIST_SEP = _grammar(r"\s*(?:,|«list_and»|;)?\s*")
_LIST_GAP = _grammar(r"\s*(?:,|«list_and»|,\s*(?:«list_and»))\s*")


def department_lists(doc: Document) -> dict[Span, int]:
    """Departments listed after one "các sở" ("các sở: Tài chính, Xây dựng và Y tế", "các
    Sở: NN&PTNT, KH&ĐT") and Party boards after one "các ban" ("các ban: Tổ chức, Tuyên
    giáo, Dân vận Tỉnh ủy"), each span as written without "Sở" / "Ban", mapped to the
    offset of the list's head.  Found once per document (the agencies and the directives
    both ask)."""
    cached: dict[Span, int] | None = doc.cache.get("agencies:department-lists")
    if cached is not None:
        return cached
    out: dict[Span, int] = {}
    doc.cache["agencies:department-lists"] = out
    folded = doc.folded
    names, short = _short_departments(), _short_abbreviations()
    for head in starting_words(_LIST_HEAD_CUE.finditer(doc), folded):
        pos = head.end()
        while True:
            m = names.match(folded, pos) or short.match(folded, pos)
            if not m or not doc.text[m.start()].isupper():
                break
            out[doc.span(m.start(), m.end(), "agency", "agencies:department-list")] = head.start()
            sep = _LIST_SEP.match(folded, m.end())
            pos = sep.end() if sep else m.end()
    for head in starting_words(_BOARD_HEAD_CUE.finditer(doc), folded):
        out.update(dict.fromkeys(_board_list(doc, head.end()), head.start()))
    return out


# "các ban: Tổ chức, Tuyên giáo, Dân vận Tỉnh ủy": the boards of one committee under one head
_BOARD_HEAD = _grammar(r"(?:«list_head») ban(?:\s+đảng)?\s*:\s*")
_BOARD_HEAD_CUE = Cue(_BOARD_HEAD)
_BOARD_ITEM = re.compile(r"[A-ZĐÀ-Ỹ]\w*(?: (?!và )[a-zđà-ỹ]\w*){0,3}")
# the committee or council whose boards are listed, as written (both tone placements)
_BOARD_OWNER = re.compile(
    r"\s+("
    + "|".join(
        re.escape(w)
        for w in lexicons.texts(lexicons.load(WORDS, KINDS), "board_owner", folded=False)
    )
    + r")(?!\w)"
)


def _board_list(doc: Document, pos: int) -> list[Span]:
    """The boards listed at ``pos`` when the last one names their committee and each is a
    board of the lexicon ("Ban Tổ chức Tỉnh ủy"); none otherwise."""
    text = doc.text
    items: list[tuple[int, int]] = []
    while len(items) < 8:
        m = _BOARD_ITEM.match(text, pos)
        if not m:
            return []
        owner = _BOARD_OWNER.match(text, m.end())
        if owner:
            items.append((m.start(), m.end()))
            break
        items.append((m.start(), m.end()))
        sep = _LIST_GAP.match(text, m.end())
        if not sep or sep.end() == m.end():
            return []
        pos = sep.end()
    else:
        return []
    name = owner.group(1)
    bodies = _bodies_regex()
    for a, b in items:
        if not bodies.fullmatch(fold(f"Ban {text[a:b]} {name}")):
            return []
    out = [doc.span(a, b, "agency", f"agencies:board-list@{name}") for a, b in items[:-1]]
    last_start = items[-1][0]
    out.append(doc.span(last_start, owner.end(), "agency", f"agencies:board-list@{name}"))
    return out


def body_mentions(doc: Document) -> list[Span]:
    """Every provincial body named in the text, wherever it is (no overlap)."""
    spans = [
        doc.span(m.start(), m.end(), "agency", "agencies:lexicon") for m in _lexicon_matches(doc)
    ]
    starts = {s.start for s in spans}
    generic = [s for s in _generic_departments(doc) if s.start not in starts]
    return filter_spans(spans + generic)


def _in_titles(doc: Document) -> Intervals:
    """The offsets inside the titles of the people."""
    return Intervals((t.start, t.end) for p in doc.people for t in p.titles)


def find_agencies(doc: Document) -> None:
    """Set ``doc.agencies``: the bodies named as taking part, each as written."""
    folded = doc.folded
    titled = _in_titles(doc)
    seen: set[str] = set()
    listed = department_lists(doc)
    index = SentenceIndex(doc)
    spans = filter_spans(body_mentions(doc) + list(listed))
    last: tuple[int, str] | None = None  # (end, reason) of the last body that takes part
    for span in spans:
        at = listed.get(span, span.start)
        head = folded[max(0, at - 30) : at]
        sentence = index.at(at)
        sent_head = folded[sentence.start : at] if sentence else head
        reason = None
        if span.start in titled or _OFFICE.search(head):
            reason = "office"
        elif _REPORTED.search(head) or (
            head.rstrip().endswith("do")  # (what the pattern needs: told without it)
            and _PRESENTED_BY.search(head)
            and _PRESENTS.match(folded, span.end)
        ):
            reason = "speaker"
        elif _REFERENCE.search(head):
            reason = None
        elif _PARTICIPATION.search(sent_head):
            reason = "participant"
        elif (
            _may_speak(after := folded[span.end : span.end + 60])
            and _SPEAKS.match(after)
            and (len(sent_head) < 40 or _HEARD.search(head))
        ):
            reason = "speaker"
        if reason is None and last is not None and _LIST_GAP.fullmatch(folded, last[0], span.start):
            # "cùng lãnh đạo Sở Xây dựng, Sở Tài chính, Sở Nông nghiệp và Môi trường đã ...":
            # the next bodies of the list a taking-part body opens
            reason = last[1]
        if reason is None:
            continue
        last = (span.end, reason)
        key = fold(agency_name(span)).removeprefix("sở ")
        if key in seen:
            continue
        seen.add(key)
        doc.agencies.append(
            Span(span.start, span.end, span.label, span.text, f"{span.rule}:{reason}")
        )
