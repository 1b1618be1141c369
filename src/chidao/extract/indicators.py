"""Stage: reported figures (``doc.indicators``), each ``Item(span, {"value", "unit"})``.

Vietnamese numerals: "." groups thousands and "," marks decimals ("11.710 tỷ
đồng" is 11710.0 "tỷ đồng", "12,36%" is 12.36 "%").  A ratio "21/31 nhà văn hóa"
is 21.0 with unit "/31 nhà văn hóa".  Counts keep the noun they count ("1.195
quần chúng", "37 dự án").

Not indicators: dates and years, document numbers ("Nghị quyết số 12"), terms
("nhiệm kỳ 2020 - 2025", "khóa XV", "lần thứ XIX"), periods ("9 tháng"), numbers
in names ("thôn Hải Phong 1"), and targets or plans rather than results
("phấn đấu đạt 10%", "dự kiến hỗ trợ 100 em", figures inside directives).

The span is the shortest clause that states the figure: from the start of its
clause to the end of the unit.

The words are reviewed data: ``data/indicator_words.tsv`` holds them by kind (units,
result verbs, target words, ...), and the patterns below keep the grammar, with a
``«kind»`` slot where the words of a kind go (``lexicon.fill``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from . import lexicon
from .cues import cue_lexicon
from .lookup import SentenceIndex
from .opinions import answers, central_session
from .places import DISTRICT_LEVELS, level_words_in, unit_mentions
from .scan import Cue
from .spans import Document, Item, Span, fold
from .titles import title_lexicon

# "11.710", "12,36", "37": written to start with \d so that the engine scans for digits
_NUMBER = r"\d(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
# (no look-behind in the regex, which would run at every position: see _figures)
_FIGURE = re.compile(rf"(?P<num>{_NUMBER})(?:/(?P<den>{_NUMBER}))?(?![.,:]?\d)(?![\w/])")


def _figures(text: str) -> Iterator[re.Match[str]]:
    """The numbers of ``text`` that stand alone: not inside a word, a date or a code."""
    for m in _FIGURE.finditer(text):
        i = m.start()
        if i and (text[i - 1].isalnum() or text[i - 1] in "_/.,:-–"):
            continue
        yield m


WORDS = "indicator_words.tsv"
KINDS = (
    "unit",
    "noun_stop",
    "subunit",
    "made_of",
    "not_unit",
    "damage_verb",
    "extent",
    "damage",
    "shortfall",
    "hazard",
    "hazard_makes",
    "outbreak",
    "toll",
    "undone",
    "bad_head",
    "static_head",
    "result",
    "result_aux",
    "result_after",
    "target",
    "target_name",
    "imperative",
    "done",
    "went_down",
    "backlog",
    "works",
    "progress_mark",
    "holds",
    "about",
    "holds_not_after",
    "giver",
    "gives",
    "scope",
    "lower_unit",
    "size_head",
    "plan_column",
    "short_after",
    "noun_compound",
    "ongoing",
    "district_scope",
    "district_giver",
    "commune_level",
    "head_compound",
    "makeup_head",
    "whose",
    "city_scope",
    "bad_state",
    "beneficiary",
    "country_scope",
    "toll_stop",
    "epidemic",
    "no_epidemic",
    "outbreak_where",
    "aid_to",
    "suffer",
    "rule_of",
    "compared_to",
    "clause_with",
    "holding",
    "holding_share",
    "holding_gained",
    # read by the web app (insight/indicators.py: the name of a series of figures)
    "period_lead",
    "month_count",
    "period_part",
    "period_phrase",
    "place_lead",
    "place_unit",
    "figure_lead",
    "period_month",
    "period_year",
    "period_quarter",
    "since_year_start",
    "up_to",
    "now",
    "place_on",
    "place_area",
)


@lru_cache(maxsize=1)
def indicator_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/indicator_words.tsv`` by kind (folded, in the file's order); a bad
    line raises an error naming the file and line."""
    return lexicon.by_kind(WORDS, KINDS)


_grammar = lexicon.grammar_of(indicator_words)


_WORDS = indicator_words()
# units written right after the number, longest first (folded text)
_UNIT_RE = re.compile(
    r"\s?(?P<unit>(?:"
    + "|".join(re.escape(u) for u in sorted(_WORDS["unit"], key=len, reverse=True))
    + r")(?!\w)|%)"
)
# a counted noun: up to six lower-case syllables ("hồ sơ thủ tục hành chính"), stopping at a
# function word (compared as written)
_NOUN_WORD = re.compile(r"[^\W\d_]\w*")
_NOUN_STOP = frozenset(_WORDS["noun_stop"])
# nouns that make the number a time, an order or a rank, not a figure
# (and counts of meetings held are not results: "tổ chức 6 cuộc họp", "3 hội nghị")
# the parts a unit is made of: "xã có 52 thôn", "phường gồm 14 tổ dân phố"
_SUBUNITS = frozenset(_WORDS["subunit"])
_HAS_HEAD = _grammar(r"(?<!\w)(?:«made_of»)\s*$")


@lru_cache(maxsize=8192)
def _opens_with(noun: str, words: frozenset[str]) -> bool:
    """Whether a counted noun opens with one of ``words`` ("thôn", "nhân khẩu", "văn bản");
    memoised: the same nouns come back in every report."""
    return any(noun == w or noun.startswith(w + " ") for w in words)


_NOT_UNIT = frozenset(_WORDS["not_unit"])
# the verb that holds a count ("toàn huyện có 42.000 ha"): no other result verb
_HOLDING_VERBS = _WORDS["holding"]
# damage from a disaster and what is still lacking are difficulties, not results: "mưa lũ làm
# sạt lở 1,8 km bờ sông, ngập 620 ha", "kinh phí còn thiếu khoảng 35 tỷ đồng" (the sentence
# up to the figure)
_DAMAGE = _grammar(
    r"(?<!\w)(?:(?:«damage_verb»)\s+(?:«damage»)|«shortfall»|"
    # the damage's extent right before the figure: "bờ biển sạt lở khoảng 2,5 km"
    r"(?:«damage»)\s+(?:«extent»)\s*$|"
    # a hazard that "makes" the figure: "nắng hạn kéo dài làm 420 ha cà phê thiếu nước"
    r"(?:«hazard»)(?!\w)[^.;]{0,40}?\s(?:«hazard_makes»)\s*$|"
    # ... and the rest of its toll: "lũ quét đã làm 4 người chết, 2 người mất tích; 37 nhà ..."
    r"(?:«hazard»)(?!\w)[^.;]{0,40}?\s(?:«hazard_makes»)\s"
    r"(?:(?!(?:«toll_stop»))[^.])*$|"
    # an epidemic where it broke out: "dịch tả lợn châu Phi đã xuất hiện tại 9/15 xã"
    r"(?<!chuyển )(?:«epidemic»)(?!\s+(?:«no_epidemic»))[^.;]{0,40}?\s(?:«outbreak»)"
    r"(?:\s+(?:«outbreak_where»))*\s*$)"
    r"(?!\w)"
)
# the toll written after the count: "37 nhà bị cuốn trôi", "2 người mất tích"
# ("450 triệu đồng cho 150 hộ bị thiệt hại": given to those hit, not lost)
_DAMAGE_AFTER = _grammar(
    r"\s*(?!(?:«aid_to»)\s)(?:\w+\s+){0,4}?(?:(?:«suffer»)\s+(?:«damage»)|«toll»)(?!\w)"
)
# aid for those hit: "hỗ trợ 450 triệu đồng cho 150 hộ bị thiệt hại" (the count of those
# helped), and the sum given to them (the words after it start with "cho")
_AID_FOR = re.compile(r"(?<!\w)cho\s+(?:[^\W\d]+\s+){0,2}$")
# ... also after a list of what was hit, when the count opens its clause: "Hơn 820 ha lúa, hoa
# màu và 65 ha ao nuôi tôm bị ngập, hư hại"
_DAMAGE_LIST_AFTER = _grammar(
    r"\s*(?:[^\W\d_]+,?\s+|\d[\d.,]*\s+){0,10}?(?:(?:«suffer»)\s+(?:«damage»)|«toll»)(?!\w)"
)
# what is not done yet, the count opening its clause: "3,6 km đê biển số 7 chưa được kè cứng"
# ("đã hỗ trợ 120 hộ chưa có nhà" is a result: a result verb comes first)
# what falls short, said after the count to the end of its clause: "công chức địa chính - xây
# dựng ở 4 xã của huyện chưa đủ theo quy định" (a result verb before it does not make it one)
_SHORT_AFTER = _grammar(
    r"\s*(?:[^\W\d]+\s+){0,6}?(?:«short_after»)"
    r"(?=\s*(?:[.,;:]|(?:«rule_of»)(?!\w)|(?:«compared_to»)|$))"
)
_UNDONE_AFTER = _grammar(r"\s*(?:\w+\s+){0,6}?(?:«undone»)(?!\w)")
# what may not come right before the number
# (not when the word ends a compound: "tiêm phòng 45.000 liều", "doanh số 46,8 tỷ đồng")
_BAD_HEAD = _grammar(
    "".join(rf"(?<!{re.escape(w)} )" for w in _WORDS["head_compound"])
    + r"(?<!\w)(?:«bad_head»)\s*$"
)
# facts of a unit, not results: "có diện tích 48,6 km2", "sáp nhập ... và 3 xã"
_STATIC_HEAD = _grammar(r"(?<!\w)(?:«static_head»)(?!\w)")
# a sentence that opens with one project or work describes it ("Dự án đường tránh dài 6,8
# km, tổng mức đầu tư 410 tỷ đồng, ..."): its figures are its size, not results, until a
# word of progress ("đến nay mới bàn giao được 4,1 km")
_WORKS_OPEN = _grammar(r"\s*(?:«works»)(?!\w)")
_PROGRESS_MARK = _grammar(r"(?<!\w)(?:«progress_mark»)(?!\w)")
# a result verb in the clause (needed for counted nouns)
_RESULT = _grammar(r"(?<!\w)(?:«result»)(?!\w)")
# "15 xã đạt chuẩn", "120 hộ được hỗ trợ": the result verb after the counted noun
_RESULT_AFTER = _grammar(r"\s*(?:\w+\s+){0,3}?(?:(?:«result_aux»)\s+)?(?:«result_after»)(?!\w)")
# targets, plans, directives: the figure is not a result
# ("Chương trình mục tiêu quốc gia ...": a name, not a target)
_TARGET = _grammar(
    "".join(rf"(?<!{re.escape(w)} )" for w in _WORDS["target_name"]) + r"(?<!\w)(?:«target»)"
)
# verbs that open an instruction, and the marks of something already done
_IMPERATIVE = _grammar(r"(?<!\w)(?:«imperative»)(?!\w)")
_DONE = _grammar(r"(?<!\w)(?:«done»)(?!\w)")
_WORD = re.compile(r"\w+")
_UNIT_SYLLABLES = 4
# a count of what is still left ("còn vướng 17 hộ", "còn 5 xã chưa ..."), unless it went down
_BACKLOG_HEAD = _grammar(
    "".join(rf"(?<!{re.escape(w)} )" for w in _WORDS["went_down"]) + r"(?<!\w)(?:«backlog»)\s*$"
)
# ... also a few words after the fall: "Số vụ cháy rừng giảm mạnh, chỉ còn 2 vụ" is a result
_FELL_TO = _grammar(r"(?<!\w)(?:«went_down»)(?:\s+[^\W\d]+){0,2},?\s+(?:chỉ\s+)?còn\s*$")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# what a unit holds, not a result: "toàn huyện có 28.000 ha vải thiều", "hiện có 6.500 ha đất
# lúa", and the counts listed after it ("có 42.000 ha rừng và 2.600 ha cây hồi"); "đã có",
# "có thêm" are events (the sentence up to the figure)
_HOLDING = _grammar(
    "".join(rf"(?<!{re.escape(w)} )" for w in _WORDS["holds_not_after"])
    + r"(?<!\w)(?:«holds»)\s+(?:(?:«about»)\s+)?(?=\d)"
)
# (read from the shared scan: the look-behinds that open it would run at every position)
_HOLDING_CUE = Cue(_HOLDING)
_HOLDING_WINDOW = 160  # how far back the holding verb of a list of counts is looked for
_NO_BREAK = re.compile(r"(?:[^.;:!?\n]|\.(?=\d))*")  # (a thousands dot is no break)
# a share of what is held: "Huyện có 18 xã, thị trấn với 46.000 người, trong đó đồng bào dân
# tộc thiểu số chiếm 79%" (the make-up of the population, not a result)
_SHARE = _grammar(r"(?<!\w)chiếm\s+(?:(?:«about»)\s+)?$")
# ... or of a whole named before the make-up: "dân số 131.000 người; trong đó lao động nông
# nghiệp chiếm 41%" (the last one before the share, in its sentence, no break between)
_MAKEUP_HEAD = _grammar(r"(?<!\w)(?:«makeup_head»)(?!\w)")
# a difficulty's state with its figure in brackets: "tỷ lệ hộ nghèo còn cao (52,3%)"
_BAD_STATE = _grammar(r"(?<!\w)(?:«bad_state»)\s*\(\s*$")
# (both read the words right before a figure: a head whose last word ends no entry, or that
# does not end with "(", is told without the regex)
_BACKLOG_LAST = tuple(w.split()[-1] for w in _WORDS["backlog"])
# those a result figure went to: "bảo vệ 72.000 ha rừng cho 1.850 hộ" (the clause up to the count)
_BENEFICIARY = _grammar(r"\d[\d.,]*\s+(?:[^\W\d]+\s+){1,5}?(?:«beneficiary»)\s+$")
# whose the figure before is: "bàn giao 2.145/2.870 hồ sơ giải tỏa của 26 dự án" (the scope)
_WHOSE = _grammar(r"(?<!\w)(?:«whose»)\s+$")
# the size of a work, not a result: "dự án dài 12,4 km, tổng mức đầu tư 486 tỷ đồng"
_SIZE_HEAD = _grammar(r"(?<!\w)(?:«size_head»)\s+(?:(?:«about»)\s+)?$")
# a noun whose last word is a result verb: "mặt nước nuôi trồng thủy sản" (no result there)
_IN_COMPOUND = _grammar(r"(?<!\w)(?:«noun_compound»)\s+$")
# a work in progress: "xã đang xây dựng tuyến đường ... dài 3,2 km" (its size, not a result)
_ONGOING = _grammar(r"(?<!\w)(?:«ongoing»)\s+$")
_WORKS_NAMED = _grammar(r"(?<!\w)(?:«works»)(?!\w)")  # the work whose size it is, named before
# a column of planned figures in a table pasted as lines ("Dự án | Kế hoạch vốn 2016 | Giải ngân")
_PLAN_COLUMN = _grammar(r"(?<!\w)(?:«plan_column»)(?!\w)")
_TABLE_LOOKBACK = 12  # lines searched back for a table's header
# a gift of the province or the delegation at the visit: "Dịp này, UBND tỉnh đã trao 3 tỷ đồng"
_GIFT = _grammar(
    r"(?<!\w)(?:«giver»)\s+(?:[^\W\d]+,?\s+){0,3}?(?:«gives»)\s+(?:[^\W\d]+\s+){0,3}?$"
)
# the province or the country as what is measured: "tăng trưởng kinh tế của tỉnh ước đạt 10,8%"
_SCOPE = _grammar(r"(?<!\w)(?:«scope»|«country_scope»)(?!\w)")
# ... and the country, at a province's own conference too: "cùng kỳ, cả nước tăng trưởng 6,76%"
_COUNTRY = _grammar(r"(?<!\w)(?:«country_scope»)(?!\w)")
# ... and a centrally-run city at its session with a district: "toàn thành phố thu 19.800 tỷ đồng"
_CITY_SCOPE = _grammar(r"(?<!\w)(?:«scope»|«country_scope»|«city_scope»)(?!\w)")
# ... and the district above a commune's session: "Quý I, toàn huyện mới thu ngân sách đạt 22%"
_DISTRICT_SCOPE = _grammar(r"(?<!\w)(?:«scope»|«country_scope»|«district_scope»)(?!\w)")
# (read from the shared scan: a look-behind before two lexicons or more made the engine try
# every position of the words before each figure)
_SCOPE_CUES = {"scope": Cue(_SCOPE), "city": Cue(_CITY_SCOPE), "district": Cue(_DISTRICT_SCOPE)}
_COUNTRY_CUE = Cue(_COUNTRY)
# the district's gift at a commune's session: "Dịp này, Huyện ủy đã trao 20 suất quà"
_DISTRICT_GIFT = _grammar(
    r"(?<!\w)(?:«district_giver»)\s+(?:[^\W\d]+,?\s+){0,3}?(?:«gives»)\s+(?:[^\W\d]+\s+){0,3}?$"
)
_COMMUNE_LEVELS = tuple(w + " " for w in _WORDS["commune_level"])
_LOWER_UNIT = _grammar(r"(?<!\w)(?:«lower_unit»)(?!\w)(?! hội)")
_GIFT_WINDOW = 120  # how far back a gift's giver is looked for
_ANSWER_WINDOW = 300  # how much of a sentence's start tells an answer
_SCOPE_WINDOW = 200  # how far back a sentence's scope is looked for (keeps long sentences linear)
# the end of the last clause break before a figure (one greedy match, not a loop over breaks)
# ("(" only when its bracket is still open: "tổng sản phẩm (GRDP) tăng 6%" is one clause)
# (a decimal comma is no break: "giảm từ 38,6% xuống còn 35,2%" is one clause)
_LAST_BREAK = _grammar(r"(?s:.*)(?:[;:\n|]|,(?!\d)|\((?![^)]*\))|\s[-–]\s|\s(?:«clause_with»)\s)")
_CLAUSE_END = re.compile(r"[,;:(\n…]|\.(?!\d)")


# asked of each figure's head: read from the shared scan
_BAD_HEAD_CUE, _TARGET_CUE, _IMPERATIVE_CUE, _DONE_CUE, _DAMAGE_CUE = (
    Cue(_BAD_HEAD), Cue(_TARGET), Cue(_IMPERATIVE), Cue(_DONE), Cue(_DAMAGE)
)  # fmt: skip


def _is_target(doc: Document, head: str, offset: int) -> bool:
    """Whether the figure after ``head`` (its sentence so far, ``doc.folded[offset:...]``) is a
    target, a plan or a task: a target word or an instruction verb not followed by a mark of
    something done."""
    last = None
    for target in _TARGET_CUE.finditer_in(doc, head, offset):
        last = target
    if last is not None and not _DONE_CUE.search_in(doc, head, offset, last.end()):
        return True
    task = _IMPERATIVE_CUE.search_in(doc, head, offset)
    # "tập trung hoàn thành 5 xã nông thôn mới": a task; "đã tập trung ... đạt 100%": a result
    return task is not None and not _DONE_CUE.search_in(doc, head, offset)


def _not_the_sessions(
    doc: Document, m: re.Match[str], u: re.Match[str] | None, after: int, s_start: int
) -> bool:
    """Whether a figure is not a result of the session's lower side: what a unit holds ("toàn
    huyện có 28.000 ha vải thiều"), a gift of the province or the delegation, a figure of an
    answer to the lower side, or the province's or the country's figure cited in a session
    with a lower unit ("tăng trưởng kinh tế của tỉnh ước đạt 10,8%")."""
    folded, start = doc.folded, m.start()
    rate = m.group("den") is not None or (u is not None and "%" in u.group())
    if (
        not rate
        and _held(doc, max(s_start, start - _HOLDING_WINDOW), start)
        and not _RESULT_AFTER.match(folded, u.end() if u else m.end())
        and not _RESULT_AFTER.match(folded, after)
    ):
        return True
    if (
        rate
        and _SHARE.search(folded, max(s_start, start - 24), start)
        and (
            _held(doc, max(s_start, start - _HOLDING_WINDOW), start, _WORDS["holding_share"])
            or _made_up(folded, max(s_start, start - _HOLDING_WINDOW), start)
        )
    ):
        return True
    if _WHOSE.search(folded, max(s_start, start - 12), start) and _FIGURE_BEFORE.search(
        folded, max(s_start, start - _HOLDING_WINDOW), start - 1
    ):
        return True  # "2.145/2.870 hồ sơ của 26 dự án": whose the figure before is
    size = _SIZE_HEAD.search(folded, max(s_start, start - 40), start)
    works_from = max(s_start, start - _ANSWER_WINDOW)  # (bounded, as the answer's look)
    if (
        size is not None
        and _WORKS_NAMED.search(folded, works_from, size.start())
        and _result_before(folded, works_from, size.start(), ongoing=True) is None
    ):
        return True
    if _plan_column(doc, start):
        return True
    communes = communes_session(doc)
    gift_from = max(s_start, start - _GIFT_WINDOW)
    if _GIFT.search(folded, gift_from, start) or (
        communes and _DISTRICT_GIFT.search(folded, gift_from, start)
    ):
        return True
    # a session the centre chairs: the province is its lower side, the province's figures are
    # the session's (and its departments report them)
    province_side = not doc.localities or central_session(doc)
    # an answer is told from the start of its sentence: the first words are enough
    if answers(folded, s_start, min(start, s_start + _ANSWER_WINDOW), department=not province_side):
        return True
    if province_side:
        # a conference of the province: its own figures are the session's, the country's not
        country = max(
            _COUNTRY_CUE.finditer(doc, max(s_start, start - _SCOPE_WINDOW), start),
            key=lambda x: x.start(),
            default=None,
        )
        return country is not None and not _LOWER_UNIT.search(folded, country.end(), start)
    else:
        if _other_unit(doc, max(s_start, start - _SCOPE_WINDOW), start):
            return True
        cue = _SCOPE_CUES["district" if communes else "city" if _city_session(doc) else "scope"]
        scope = max(
            cue.finditer(doc, max(s_start, start - _SCOPE_WINDOW), start),
            key=lambda x: x.start(),
            default=None,
        )
        if scope is not None and not _LOWER_UNIT.search(folded, scope.end(), start):
            return True
    return False


def _level_of(label: str) -> str:
    """The level of a unit's label ("thị xã Kỳ Anh" -> "thị xã", "xã Tam Đảo" -> "xã")."""
    two = " ".join(label.split()[:2])
    return two if two in cue_lexicon()["unit_level"] else label.split(" ", 1)[0]


def _tier(level: str) -> str:
    return "district" if level in DISTRICT_LEVELS else "commune"


def _own_units(doc: Document) -> tuple[set[str], set[str]]:
    """The folded names of the session's own units (without their level: a unit renamed or
    written with another level is the same, "thị xã A", "huyện A") and their tiers; worked
    out once a document (the localities are final before the figures are read)."""
    key = (len(doc.localities), doc.localities[-1].start if doc.localities else -1)
    got: tuple[tuple[int, int], set[str], set[str]] | None = doc.cache.get("indicators:own")
    if got is None or got[0] != key:
        labels = {fold(x.label) for x in doc.localities}
        tiers = {_tier(_level_of(label)) for label in labels}
        names = {label[len(_level_of(label)) :].strip() for label in labels}
        got = doc.cache["indicators:own"] = (key, names, tiers)
    return got[1], got[2]


def _other_unit(doc: Document, start: int, end: int) -> bool:
    """Whether a unit of the session's tier other than the session's own is named in the clause
    before a figure ("Trong cùng kỳ, xã Đại Đình, địa phương giáp ranh, đón khoảng 95.000 lượt
    khách" at another commune's session): that unit's figure, not the session's."""
    words = level_words_in(doc, start, end)
    if not words:
        return False  # most figures: no unit named before them
    named = [
        (um.start, um.level, fold(um.name))
        for um in unit_mentions(doc, doc.province, level_words=words)
        if um.level != "tỉnh"
    ]
    own, tiers = _own_units(doc)
    last = None
    for at, level, label in named:
        if start <= at < end and not re.search(r"[;.!?]", doc.folded[at:end]):
            last = (level, label)
    return last is not None and last[1] not in own and _tier(last[0]) in tiers


def _after_the_loss(folded: str, head: str, s_start: int, start: int) -> bool:
    """Whether a loss named earlier in the sentence ("... cho 150 hộ bị thiệt hại") is behind
    a new result clause ("; vận động người dân chuyển 820 ha ..."): the figure is that result's."""
    last = max(_DAMAGE.finditer(head), key=lambda d: d.start(), default=None)
    if last is None:
        return False
    return _result_before(folded, s_start + last.end(), start, _WORDS["holding_gained"]) is not None


def _result_before(
    folded: str,
    start: int,
    end: int,
    allowed: tuple[str, ...] = _HOLDING_VERBS,
    ongoing: bool = False,
) -> re.Match[str] | None:
    """A result verb in ``folded[start:end]`` other than ``allowed`` ("có" also holds); with
    ``ongoing``, not one of a work in progress ("đang xây dựng")."""
    for r in _RESULT.finditer(folded, start, end):
        before = max(0, r.start() - 12)
        if (
            r.group() not in allowed
            and not _IN_COMPOUND.search(folded, before, r.start())
            and not (ongoing and _ONGOING.search(folded, before, r.start()))
        ):
            return r
    return None


def _made_up(folded: str, start: int, end: int) -> bool:
    """Whether the share at ``end`` follows a make-up's opener ("trong đó") in
    ``start..end`` with no sentence break between."""
    last = max(_MAKEUP_HEAD.finditer(folded, start, end), key=lambda h: h.start(), default=None)
    if last is None:
        return False
    between = _NO_BREAK.match(folded, last.end(), end)
    return between is not None and between.end() == end


# a figure earlier in the clause, then its noun: "2.145/2.870 hồ sơ giải tỏa của"
_FIGURE_BEFORE = re.compile(r"\d[^.;:!?\n,]*$")


def _city_session(doc: Document) -> bool:
    """Whether the province is a centrally-run city (``titles.tsv`` kind ``city``) and no
    locality of its session is a city: "toàn thành phố" then names the province."""
    key = "indicators:city"
    if key not in doc.cache:
        doc.cache[key] = (
            doc.province is not None
            and fold(doc.province) in title_lexicon().cities
            and not any(s.label.startswith("thành phố ") for s in doc.localities)
        )
    city: bool = doc.cache[key]
    return city


def communes_session(doc: Document) -> bool:
    """Whether every locality of the session is a commune (a ward, a town): the district
    is then the level above, whose figures and gifts are not the session's results, and to
    which the commune's requests go up (``opinions``)."""
    key = "indicators:communes"
    if key not in doc.cache:
        labels = [s.label for s in doc.localities]
        doc.cache[key] = bool(labels) and all(label.startswith(_COMMUNE_LEVELS) for label in labels)
    communes: bool = doc.cache[key]
    return communes


def _held(doc: Document, start: int, end: int, allowed: tuple[str, ...] = _HOLDING_VERBS) -> bool:
    """Whether the figure at ``end`` is counted after a holding verb ("toàn huyện có 42.000 ha
    rừng, 2.600 ha cây hồi"; "Huyện có 18 xã, thị trấn với 46.000 người"): the last one in
    ``start..end``, with no sentence break and no other result verb between."""
    folded = doc.folded
    last = max(_HOLDING_CUE.finditer(doc, start, end + 1), key=lambda h: h.start(), default=None)
    if last is None:
        return False
    between = _NO_BREAK.match(folded, last.end(), end)
    return (
        between is not None
        and between.end() == end
        and _result_before(folded, last.end(), end, allowed) is None
    )


def _plan_column(doc: Document, offset: int) -> bool:
    """Whether a figure sits in a planned column of a table pasted as lines: its line holds
    " | " cells and a line above with as many cells, the header, names its column as a plan
    ("Dự án | Kế hoạch vốn 2016 | Giải ngân đến 15/9").

    The lines and cells are read from offsets found once per document (``_Table``), and the
    answer is kept per line and column: a text of one endless line, or a table of many
    figures, costs a few look-ups per figure instead of a pass over the line."""
    table = _table(doc)
    if table is None:
        return False  # no "|" in the text
    line_start = table.line_start(offset)
    if not table.has_separator(line_start, offset):  # " | " before the figure in its line
        return False
    column = table.bars_in(line_start, offset)
    key = (line_start, column)
    known = table.answers.get(key)
    if known is None:
        known = table.answers[key] = _plan_header(doc, table, line_start, column, offset)
    return known


def _plan_header(doc: Document, table: _Table, line_start: int, column: int, offset: int) -> bool:
    """Whether the header above the line at ``line_start`` names ``column`` as a plan."""
    folded = doc.folded
    line_end = table.line_end(offset)
    cells = table.bars_in(line_start, line_end)
    end = line_start - 1
    for _ in range(_TABLE_LOOKBACK):
        if end <= 0:
            return False
        above = table.line_start(end)
        if table.bars_in(above, end) != cells:
            return False
        header = folded[above:end].split("|")
        if not any(cell.strip()[:1].isdigit() for cell in header[1:]):
            # the header: no cell after the label opens with a figure, as a row's do
            return column < len(header) and _PLAN_COLUMN.search(header[column]) is not None
        end = above - 1
    return False


class _Table:
    """The line breaks, the "|" and the " | " of a document's text, by offset."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.bars = [m.start() for m in re.finditer(r"\|", text)]
        self.separators = [m.start() for m in re.finditer(r"(?= \| )", text)]
        self.answers: dict[tuple[int, int], bool] = {}  # (line start, column) -> plan column

    def line_start(self, offset: int) -> int:
        """``text.rfind("\\n", 0, offset) + 1``."""
        k = bisect_left(self.breaks, offset)
        return self.breaks[k - 1] + 1 if k else 0

    def line_end(self, offset: int) -> int:
        """``text.find("\\n", offset)``, or the length of the text when there is none."""
        k = bisect_left(self.breaks, offset)
        return self.breaks[k] if k < len(self.breaks) else self.size

    def bars_in(self, start: int, end: int) -> int:
        """``text.count("|", start, end)``."""
        return bisect_left(self.bars, end) - bisect_left(self.bars, start)

    def has_separator(self, start: int, end: int) -> bool:
        """``" | " in text[start:end]``."""
        i = bisect_left(self.separators, start)
        return i < len(self.separators) and self.separators[i] + 3 <= end


def _table(doc: Document) -> _Table | None:
    """The document's ``_Table``, made once; None when its text holds no "|"."""
    if "indicators:table" not in doc.cache:
        doc.cache["indicators:table"] = _Table(doc.text) if "|" in doc.text else None
    table: _Table | None = doc.cache["indicators:table"]
    return table


def parse_number(text: str) -> float:
    """A Vietnamese numeral as a float: "11.710" -> 11710.0, "12,36" -> 12.36."""
    return float(text.replace(".", "").replace(",", "."))


def _sentence_bounds(doc: Document, index: SentenceIndex, offset: int) -> tuple[int, int]:
    s = index.at(offset)
    if s is not None:
        return s.start, s.end
    return max(0, doc.text.rfind("\n", 0, offset) + 1), len(doc.text)


def _counted_noun(doc: Document, pos: int) -> tuple[str, int]:
    """The noun phrase counted by a number that ends at ``pos``: (noun, end offset)."""
    text = doc.text
    words: list[tuple[int, int]] = []
    p = pos
    while len(words) < 6 and p < len(text) and text[p] == " ":
        m = _NOUN_WORD.match(text, p + 1)
        if not m:
            break
        w = m.group()
        if not w[0].islower():
            break
        if w in _NOUN_STOP and words:
            break
        if w in _NOUN_STOP:
            return "", pos
        words.append((m.start(), m.end()))
        p = m.end()
    if not words:
        return "", pos
    return text[words[0][0] : words[-1][1]], words[-1][1]


def find_indicators(doc: Document) -> None:
    """Set ``doc.indicators``: the figures reported as results."""
    text, folded = doc.text, doc.folded
    index = SentenceIndex(doc)
    seen: dict[tuple[float, str], list[set[str]]] = {}  # for _repeated
    for m in _figures(text):
        num, den = m.group("num"), m.group("den")
        head_start = max(0, m.start() - 25)
        head = folded[head_start : m.start()]
        tail = head.rstrip()
        if _BAD_HEAD_CUE.search_in(doc, head, head_start) or (
            tail.endswith("(") and _BAD_STATE.search(head)
        ):
            continue  # a date, a document's number ...; a bad state's figure "còn cao (52,3%)"
        end = noun_end = m.end()
        backlog = tail.endswith(_BACKLOG_LAST)
        u = _UNIT_RE.match(folded, end)
        if den is None and not u and _YEAR_LIKE.fullmatch(num):
            continue  # a year
        if not u:
            noun, noun_end = _counted_noun(doc, end)
            if not noun or _opens_with(noun, _NOT_UNIT):
                continue
            if backlog and _BACKLOG_HEAD.search(head) and not _FELL_TO.search(head):
                continue  # "còn vướng 17 hộ dân": what is left to do, not a result
            if (
                _opens_with(noun, _SUBUNITS)
                and _HAS_HEAD.search(head)
                and not _RESULT_AFTER.match(folded, end + len(noun) + 1)
            ):
                continue  # "sau khi sắp xếp, xã có 52 thôn": what the unit is made of
        elif (
            backlog
            and _BACKLOG_HEAD.search(head)
            and "%" not in u.group()
            and not _FELL_TO.search(head)
        ):
            continue  # "còn 37 hộ dân chưa nhận tiền" (a rate "còn 3,2%" is a result)
        s_start, _ = _sentence_bounds(doc, index, m.start())
        last_break = _LAST_BREAK.match(text, s_start, m.start())
        clause_start = last_break.end() if last_break else s_start
        sentence_head = folded[s_start : m.start()]
        if _is_target(doc, sentence_head, s_start) or _STATIC_HEAD.search(
            folded, clause_start, m.start()
        ):
            continue
        if _WORKS_OPEN.match(folded, s_start) and not _PROGRESS_MARK.search(sentence_head):
            continue  # "Dự án ... dài 6,8 km, tổng mức đầu tư 410 tỷ đồng": what it is
        if _DAMAGE_CUE.search_in(doc, sentence_head, s_start) and not _after_the_loss(
            folded, sentence_head, s_start, m.start()
        ):
            continue  # damage or a shortage: a difficulty
        if _DAMAGE_AFTER.match(folded, u.end() if u else end) and not _AID_FOR.search(
            folded, max(clause_start, m.start() - 40), m.start()
        ):
            continue  # "37 nhà bị cuốn trôi", "2 người mất tích": the toll, a difficulty
        if _SHORT_AFTER.match(folded, u.end() if u else end):
            continue  # "ở 4 xã của huyện chưa đủ theo quy định": a shortfall, a difficulty
        if _DAMAGE_LIST_AFTER.match(folded, u.end() if u else end) and not _result_before(
            folded, clause_start, m.start(), ()
        ):
            continue
        if _UNDONE_AFTER.match(folded, u.end() if u else end) and not _result_before(
            folded, clause_start, m.start(), ()
        ):
            # ("giải phóng mặt bằng còn chậm do 17 hộ dân chưa thống nhất": "bằng" of "mặt bằng"
            # is a noun's, no result verb)
            continue  # "3,6 km đê biển chưa được kè cứng": what is left, a difficulty
        if _not_the_sessions(doc, m, u, noun_end, s_start):
            continue
        if u:
            unit = text[u.start("unit") : u.end("unit")]
            end = u.end()
        else:
            clause_head = folded[clause_start : m.start()]
            if not clause_head.strip():
                clause_head = sentence_head  # an item of a list: the verb came before
            after = folded[noun_end : noun_end + 25]
            fell_to = _FELL_TO.search(head)  # "giảm mạnh, chỉ còn 2 vụ": the fall is the verb
            if (
                den is None
                and not fell_to
                and not _RESULT.search(clause_head)
                and not _BENEFICIARY.search(clause_head)
                and not _RESULT_AFTER.match(after)
                and not _RESULT_AFTER.match(folded, m.end())  # "18 hợp tác xã hoạt động ..."
            ):
                continue
            # the unit: the noun's first four syllables ("hồ sơ thủ tục"), the text: all of it
            unit, end = " ".join(noun.split()[:_UNIT_SYLLABLES]), noun_end
            if not _RESULT.search(clause_head) and den is None and not fell_to:
                stop = _CLAUSE_END.search(text, end)
                end = stop.start() if stop and stop.start() - end < 80 else end
                if any(ch.isdigit() for ch in text[noun_end:end]):
                    continue  # "3 xã đã gieo trồng được 1.250 ha": the count is the subject
        if den is not None:
            if (
                int(den.replace(".", "").split(",")[0] or 0) <= 12
                and not u
                and _opens_with(unit, _NOT_UNIT)
            ):
                continue
            unit = f"/{den} {unit}".strip() if unit != "%" else unit
        value = parse_number(num)
        span = doc.span(clause_start, end, "indicator", "indicators:figure")
        if _repeated(seen, span, value, unit):
            continue  # the sapo or a caption repeating a figure of the body
        doc.indicators.append(Item(span, {"value": value, "unit": unit}))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


# how many earlier figures of one value and unit a figure is compared with: a report
# repeats a figure a few times at most, and the bound keeps long texts linear
_REPEAT_WINDOW = 32


def _repeated(
    seen: dict[tuple[float, str], list[set[str]]], span: Span, value: float, unit: str
) -> bool:
    """Whether the same figure, said in about the same words, is already found; ``seen``
    holds the words of the figures found so far by value and unit, and gets this one's."""
    words = _words(span.text)
    earlier = seen.setdefault((value, unit.lower()), [])
    for other in earlier[-_REPEAT_WINDOW:]:
        if len(words & other) >= 0.6 * min(len(words), len(other)):
            return True
    earlier.append(words)
    return False
