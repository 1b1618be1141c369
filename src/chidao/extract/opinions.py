"""Stage: difficulties and petitions (``doc.difficulties``, ``doc.petitions``).

**Difficulties**: the limits, obstacles and shortcomings the report states, one
item per sentence: "còn nhiều khó khăn", "chưa đạt mục tiêu", "thiếu chủ động",
"khó lường", "Tuy nhiên, ... còn ...".  A leader's own sentence listing
shortcomings counts; a sentence that only names them ("chỉ ra những khó khăn,
hạn chế"), overcomes them ("mặc dù còn nhiều khó khăn nhưng đã ..."), or asks to
fix them (a directive) does not.  A lead-in that names the speaker ("Bí thư Tỉnh
ủy cho rằng, ...", "... chỉ rõ: ...") is left out of the text.

**Petitions**: what the lower side asks of the province: the opinion after a
"Title Name:" lead of a local speaker (the people stage's ``colon`` mentions)
when it asks for something ("Đề nghị ...", "Mong muốn tỉnh ...", "Cần ..."),
"đề nghị tỉnh / UBND tỉnh / Trung ương ...", "kiến nghị, đề xuất ..." with a
content, "Nhiều ý kiến cho rằng ... cần ...".  ``data["by"]`` is the full name of
the person who makes it, else ``None``.  The chairing leader's requests are
directives, not petitions.

The words are reviewed data: ``data/opinion_words.tsv`` holds them by kind, and the
patterns below keep the grammar, with a ``«kind»`` slot where the words of a kind go
(``lexicon.fill``; the rows of a kind are tried in the file's order).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .clean import kept_headline
from .lookup import SentenceIndex, mentions_in
from .scan import Cue, starting_words
from .spans import Document, Item, Person, Span

WORDS = "opinion_words.tsv"
KINDS = (
    "still_what",
    "dragging",
    "turn_of_events",
    "latent",
    "not_yet",
    "risk",
    "lacking",
    "facing",
    "hardship",
    "problem_is",
    "progress",
    "severe_effect",
    "sharp_fall",
    "decline",
    "landslide_before",
    "landslide_after",
    "below",
    "slow_in",
    "scarce",
    "forced",
    "low_what",
    "high_what",
    "good_measure",
    "result_between",
    "not_fall",
    "harm",
    "hazard",
    "causing",
    "damage",
    "damage_caused",
    "damage_suffered",
    "damage_extent",
    "shortage",
    "outbreak",
    "difficulty_named",
    "difficulty_heading",
    "however",
    "negative",
    "turn",
    "remedy",
    "remedy_named",
    "say_that",
    "upper",
    "ask_upper",
    "ask_verb",
    "ask_colon",
    "ask_noun_head",
    "opinion_verb",
    "lower_subject",
    "petition_heading",
    "risk_place",
    "answer",
    "answer_says",
    "own_plan",
    "granted",
    "still",
    "quantity",
    "much",
    "some",
    "concession",
    "demand_noun",
    "assigned_body",
    "ask_any",
    "provincial_body",
    "harm_causes",
    "upper_district",
    "upper_scope",
    "district_scope",
    "delegation",
    "visit_verb",
    "visitor",
    "inspect",
    "conclusion",
    "cue",
    "answer_opening",
    "ask_item",
    "notice",
    "department_speaker",
    "department_head",
    "department_proposes",
    "result_verb",
    "towards",
    "lacking_now",
    "main",
    "is_next",
    "reached",
    "approx",
    "not_epidemic",
    "effect_size",
    "comparative",
    "toll_verb",
    "meet",
    "lead_tail",
    "instruction",
    "according_to",
    "matter_noun",
    "meeting",
    "many",
    "voices",
    "past",
    "purpose",
    "asked_below",
    "bad_count",
    "blocked_by",
    "converted",
    "let_happen",
    "dragged_out",
    "drag_on",
    "turn_head",
    "latent_head",
    "not_yet_head",
    "lack_head",
    "slow_degree",
    "slow",
    "behind_schedule",
    "effect_head",
    "schedule",
    "make",
    "sharply",
    "blocked_head",
    "landslide",
    "lower_than",
    "just",
    "only",
    "cause",
    "suffered_head",
    "damage_head",
    "epidemic",
    "outbreak_aspect",
    "must",
    "low_degree",
    "low",
    "still_at",
    "high_degree",
    "high",
    "fall_aspect",
    "fall",
    "rise_head",
    "trend",
    "rise_aspect",
    "rise_prefix",
    "rise",
    "spread",
    "lead_adverb",
    "remain",
    "shortcoming",
    "although",
    "although_not",
    "though",
    "though_not",
    "determiner",
    "state_cue",
    "demand",
    "need",
    "assign",
    "according",
    "title_prefix",
    "title_word",
    "ask_again",
    "some_of",
    "head_title",
    "provincial_leader",
    "visit_adverb",
    "report_word",
    "plural",
    "plan_count",
    "asking_opinion",
    "about",
    "joined",
    "centre",
    "ministry_name",
    "matter_quality",
    "ministry",
    "worsening",
    "still_bare",
    "kept_good",
)


@lru_cache(maxsize=1)
def opinion_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/opinion_words.tsv`` by kind (folded, in the file's order); a bad
    line raises an error naming the file and line."""
    return lexicon.by_kind(WORDS, KINDS)


_grammar = lexicon.grammar_of(opinion_words)


# ---- difficulties ---------------------------------------------------------------------------

_DIFFICULTY = _grammar(
    r"(?<!\w)(?:"
    r"(?<!\w)(?:«still»)\s+(?:(?:«quantity»)\s+)?(?:«still_what»)"
    # a bare "vẫn": "sản xuất vẫn manh mún", "tình trạng phá rừng vẫn diễn ra" (not "vẫn cao")
    r"|(?<!\w)(?:«still_bare»)\s+(?!(?:«kept_good»)(?!\w))(?:(?:«quantity»)\s+)?(?:«still_what»)"
    r"|(?<!không )(?<!chưa )(?<!tránh )(?:«let_happen»)|«dragged_out»|(?:«dragging»)(?:\s+\w+){0,4}?\s+(?:«drag_on»)(?!\s+(?:«towards»))"
    r"|(?:«turn_head») (?:«turn_of_events»)|(?:«latent_head») (?:«latent»)"
    r"|(?:«not_yet_head»)\s+(?:«not_yet»)"
    r"|«risk»|"
    r"(?:«lack_head»)\s+(?:«lacking»|\d)"
    r"|(?:«lacking_now») (?:«lack_head»)"
    r"|(?:«facing»)\s+(?:(?:«much»)\s+)?"
    r"(?:«hardship»)"
    r"|(?:«problem_is»)(?:\s+(?:«main»))?\s+(?:«is_next»)"
    r"|(?:«progress»)(?:\s+\w+){0,6}?\s+(?:(?:«slow_degree»)\s+)?(?:«slow»)(?!\s+nhất)|«behind_schedule»|(?:«effect_head») (?:«severe_effect»)"
    r"|(?:«sharp_fall») (?:«sharply»)|«decline»"
    # held up by: "Dự án cầu A vướng mặt bằng của 9 hộ dân"
    r"|(?<!gỡ )(?:«blocked_head»)\s+(?:«blocked_by»)"
    r"|(?:«landslide_before») (?:«landslide»)|(?:«landslide») (?:«landslide_after»)"
    r"|(?:«lower_than») (?:«below»)"
    # "mới đạt 46%" falls short, "trồng mới đạt 126 ha" (a new planting) does not
    r"|(?:(?<!trồng )(?<!xây )(?<!làm )(?<!cấp )(?<!nạp )(?<!lập )(?<!tạo )(?:«just»)|«only»)\s+"
    r"(?:[^\W\d]+\s+){0,2}?(?:«reached»)\s+(?:(?:«approx»)\s+)?\d|(?:«slow») (?:«slow_in»)|«scarce»"
    r"|(?:«cause») (?:«causing»)"
    # damage from disasters: "mưa lũ làm sạt lở 1,8 km bờ sông, hư hỏng 3 tuyến đường"
    r"|(?:«make») (?:«damage»)"
    r"|(?:«cause») (?:«damage_caused»)|(?:«suffered_head») (?:«damage_suffered»)"
    r"|(?:«damage_head») (?:«damage_extent»)"
    # shortages: "nguồn nước sinh hoạt thiếu trầm trọng", "thiếu hụt lao động"
    r"|(?:«lack_head») (?:«shortage»)"
    # epidemics: "dịch tả lợn châu Phi đã xuất hiện tại 9/15 xã" (not "dịch vụ", "chuyển dịch")
    # ("không để dịch lây lan", "ngăn chặn dịch ...": what must not happen, not a difficulty)
    r"|(?<!chuyển )(?<!để )(?<!chặn )(?<!ngừa )(?<!chống )(?:«epidemic»)(?!\s+(?:«not_epidemic»))(?:,?\s+[^\W\d]+){0,6}?\s+(?:(?:«outbreak_aspect»)\s+)?(?:«outbreak»)"
    r"|(?:(?:«make») )?(?:«effect_head») (?:(?:«effect_size») )?(?:«towards») (?:«schedule»)"
    # what a place had to undergo: "một số công trình phải tạm dừng do thiếu vốn"
    r"|(?:«must») (?:«forced»)(?!\w)"
    # a measure that is low: "hiệu quả thấp", "thu nhập của người dân còn thấp"
    r"|(?:«low_what»)(?:\s+[^\W\d]+){0,8}?\s+(?:(?:«low_degree»)\s+)?(?:«low»)(?!\s+(?:«comparative»))"
    # a bad measure that is high: "tỷ lệ hộ nghèo vẫn ở mức cao so với bình quân"
    r"|(?:«high_what»)(?:\s+[^\W\d]+){0,8}?\s+(?:(?:«still_at»)\s+)*(?:ở\s+mức\s+)?(?:(?:«high_degree»)\s+)?(?:«high»)(?!\s+nhất)(?!\w)"
    # a good measure that falls: "giá trị xuất khẩu thủy sản giảm 8% so với cùng kỳ" (the
    # words between hold no result: "doanh thu tăng 5%, góp phần giảm ..." is not one)
    r"|(?:«good_measure»)(?:\s+(?!(?:«result_between»)(?!\w))[\w/]+){0,8}?\s+"
    r"(?:(?:«fall_aspect»)\s+)?(?:«fall»)(?!\s+(?:«not_fall»))(?!\w)"
    # a harm rising or spreading: "tội phạm ma túy trên địa bàn có xu hướng gia tăng"
    r"|(?:«harm»)(?:\s+[^\W\d]+){0,6}?\s+(?:(?:«rise_head»)\s+(?:«trend»)\s+|(?:«rise_aspect»)\s+)?(?:(?:(?:«rise_prefix»)\s+)?(?:«rise»)(?!\s+cường)|«spread»)(?!\w)"
    # a harm and what it causes: "Tình trạng lao động trẻ đi làm ăn xa khiến nhiều hộ bỏ ruộng"
    r"|(?:«harm»)(?:\s+[^\W\d]+){0,10}?\s+(?:«harm_causes»)(?!\w)"
    # a disaster's toll: "xâm nhập mặn đầu năm khiến hơn 600 ha mía mất trắng"
    r"|(?:«hazard»)(?!\w)(?:\s+[^\W\d]+){0,8}?\s+(?:đã\s+)?(?:«toll_verb»)(?!\w)"
    # a disaster that worsens: "Xâm nhập mặn ngày càng sâu", "hạn hán ngày càng gay gắt"
    r"|(?:«hazard»)(?!\w)(?:\s+[^\W\d]+){0,3}?\s+(?:«worsening»)(?!\w)"
    r")"
)
# "Bên cạnh kết quả đạt được, xã còn gặp một số khó khăn.": a sentence that only announces
# the difficulties the next sentences state (it is not one itself; they are)
_DIFFICULTY_LEAD_BODY = (
    r"(?:(?:«lead_adverb»)\s+)?"
    # "xã còn gặp một số khó khăn.", "phường còn nhiều khó khăn."
    r"(?:(?:(?:«remain»)\s+)?(?:«meet»)|«remain»)\s+(?:«some»)\s+"
    r"(?:«difficulty_named»)"
    r"(?:\s*(?:,|«joined»)\s*(?:«difficulty_named»|«shortcoming»))*"
    r"(?:\s+(?:«lead_tail»))?\s*[.…]?\s*$"
)
_DIFFICULTY_LEAD = _grammar(r"^(?:[^,.]{0,60},\s*)?(?:[\w/]+\s+){0,3}?" + _DIFFICULTY_LEAD_BODY)
# ... with a longer subject when more sentences of its paragraph follow: "Tuy nhiên, công tác
# khắc phục hậu quả còn gặp nhiều khó khăn. <the difficulties>"
# (a subject joined by a dash is longer: "tình hình kinh tế - xã hội quý I vẫn còn một số hạn
# chế.")
_DIFFICULTY_LEAD_LONG = _grammar(
    r"^(?:[^,.]{0,60},\s*)?(?:(?:[\w/]+\s+){0,6}?|(?:[\w/]+\s+){0,4}?[\w/]+\s+[-–]\s+"
    r"(?:[\w/]+\s+){1,5}?)" + _DIFFICULTY_LEAD_BODY
)
# "A giảm 11 vụ so với cùng kỳ, song tình trạng B vẫn diễn biến phức tạp": the difficulty is
# what comes after the turn
_TURN_MID = _grammar(r",\s*(?:«however»)\s*,?\s+")
# a quoted opinion and its attribution: "“Khó khăn lớn nhất là ...”, ông X, Chủ tịch UBND huyện
# Y chia sẻ.": the item is the quotation (its speaker is named after it)
_QUOTE_REACH = 1500  # how far back in its paragraph a quote's opening is looked for
_QUOTE_TAIL = re.compile(r"[”\"»]\s*,\s*[^“”\"«»]{3,160}$")


def _quoted(doc: Document, start: int, end: int, para_start: int) -> tuple[int, int]:
    """The quotation of a sentence ``start..end`` that ends with its attribution, when the
    quote opens in it or earlier in its paragraph ("“A. B…”, ông X nói."), else ``(start,
    end)``."""
    text = doc.text
    opens = start < end and text[start] in '“"«'
    pos = start + 1 if opens else start
    if (
        text.find("”", pos, end) < 0
        and text.find('"', pos, end) < 0
        and text.find("»", pos, end) < 0
    ):
        return start, end  # no closing quote: most sentences (three finds, cheaper than the regex)
    m = _QUOTE_TAIL.search(text, pos, end)
    if m is None:
        return start, end
    if opens:
        return start + 1, m.start()
    para_start = max(para_start, start - _QUOTE_REACH)  # (bounded: a paragraph can be a book)
    if text.rfind("“", para_start, start) > text.rfind("”", para_start, start):
        return start, m.start()  # the quote opened in an earlier sentence of the paragraph
    return start, end


def _after_turn(doc: Document, start: int, end: int) -> int:
    """Where the difficulty of ``start..end`` starts: after a turn ("..., song / nhưng ...")
    when what comes before it states none."""
    folded = doc.folded
    for _, t in zip(range(3), _TURN_MID.finditer(folded, start, end), strict=False):
        if not is_difficulty(folded[start : t.start()], doc, start) and is_difficulty(
            folded[t.end() : end], doc, t.end()
        ):
            return t.end()
    return start


_HOWEVER = _grammar(r"^(?:[-–+•*]\s*|\d{1,2}[.)]\s+)?(?:«however»)\s*,")
_NEGATIVE = _grammar(r"(?<!\w)(?:«negative»)(?!\w)")
# a concession that leads to a positive result
_CONCESSIVE = _grammar(
    r"(?<!\w)(?:«concession»|(?:«although»)(?! (?:«although_not»))|(?:«though»)(?! (?:«though_not»)))(?!\w)"
)
_CONCESSIVE_TURN = _grammar(r"(?<!\w)(?:«turn»)(?!\w)")
# the cue is the object of an action or of a report about it
_ACTION_HEAD = _grammar(r"(?<!\w)(?:«remedy»)(?:\s+\w+){0,3}?\s+(?:«determiner»)?\s*$")
# cues that state a condition ("còn", "chưa") right after an action word: the action word
# names a thing ("kinh phí khắc phục còn hạn chế"), it does not act on the cue
# "phải tạm dừng": undergone in a report, but an instruction in the concluding speech
_FORCED = _grammar(r"phải(?<!\wphải) (?:«forced»)(?!\w)")  # (a word start, checked after it)
_STATE_CUES = opinion_words()["state_cue"]
# "chỉ đáp ứng được 30% nhu cầu", "mới đạt 46%": a shortfall
_SHORTFALL = opinion_words()["just"] + opinion_words()["only"]
_ACTION_WORD_LAST = _grammar(r"(?<!\w)(?:«remedy_named»)\s*$")
# an instruction, not a statement of fact
_DIRECTIVE = _grammar(
    # ("đất giao cho các hộ", "bàn giao cho", "được giao cho": land allocated, a handover, a
    # charge held; no instruction)
    r"(?<!\w)(?:(?<!đất )(?<!bàn )(?<!được )(?:«instruction»)|(?<!đáp ứng )(?<!đạt )(?<!theo )(?<!kịp )(?:«demand»)(?! (?:«demand_noun»))|"
    # "phải tạm dừng", "phải học tạm": what a place had to undergo (kind forced), reported
    r"(?:«need»)(?! thiết)|(?<!nơi )(?<!buộc )(?<!đã )(?<!vẫn )(?<!còn )(?<!thường )(?<!hộ )(?:«must»)(?! (?:«forced»)(?!\w))|"
    r"(?<!đất )(?<!bàn )(?<!được )(?:«assign»)(?= (?:«assigned_body»)))"
    r"(?!\w)"
)
# "X cho rằng, ...", "X chỉ rõ: ...": the speaker's lead-in, left out of the text
_LEAD_IN = _grammar(
    r"(?:tuy nhiên,\s*)?(?:[^:;.]{0,140}?(?:«say_that»)\s*[,:]\s*"
    r"|[^:;.]{0,140}?(?:«difficulty_heading»)[^:;.]{0,30}:\s*"
    r"|(?:«according») (?:«according_to»)\s[^,:;.]{2,80},"
    r"(?:\s*(?:(?:«title_prefix») )?(?:«title_word»)[^,:;.]{0,60},)*"
    r"\s*)"
)

# what each way of leading in needs in the sentence: a speaking verb, a colon, "theo "
# (a sentence with none is told without the regex: its lazy runs try every position)
_SAYS_THAT = opinion_words()["say_that"]


def _may_lead_in(folded: str, start: int, end: int) -> bool:
    """False when ``_LEAD_IN`` cannot match ``folded[start:end]``."""
    text = folded[start:end]
    return ":" in text or "theo " in text or any(w in text for w in _SAYS_THAT)


# ---- petitions ------------------------------------------------------------------------------

_UPPER = r"(?:«upper»)"
_ASK_UPPER = _grammar(rf"(?<!\w)(?:«ask_upper»)\s+(?:với\s+)?{_UPPER}(?!\w)")
_ASK_ANY = _grammar(r"«ask_any»")
# a commune asking its district, at a commune's session (before 2025): "Xã đề nghị huyện ..."
_ASK_DISTRICT = _grammar(r"(?<!\w)(?:«ask_upper»)\s+(?:với\s+)?(?:«upper_district»)(?!\w)")
# the province's (the district's, at a commune's session) own figures cited by the concluding
# leader: "Đồng chí cho biết, 6 tháng đầu năm toàn huyện thu ngân sách mới đạt 48% dự toán"
# (the scope measures a figure that follows it in its clause)
_UPPER_SCOPE = _grammar(r"(?<!\w)(?:«upper_scope»)(?!\w)[^,;:.]{0,60}?\d")
_DISTRICT_SCOPE = _grammar(r"(?<!\w)(?:«upper_scope»|«district_scope»)(?!\w)[^,;:.]{0,60}?\d")
# (read from the shared scan: their leading look-behind would run at every position)
_UPPER_SCOPE_CUE = Cue(_UPPER_SCOPE)
_DISTRICT_SCOPE_CUE = Cue(_DISTRICT_SCOPE)
_ASK_VERB = _grammar(r"(?<!\w)(?:«ask_verb»)(?!\w)")
_ASK_COLON = _grammar(r"(?<!\w)(?:«ask_colon»)(?!\w)(?! thiết)")
# "các kiến nghị", "về những đề xuất", "trả lời kiến nghị": the noun, not a request
_ASK_NOUN_HEAD = _grammar(r"(?<!\w)(?:«ask_noun_head»)\s*,?\s*(?:và\s+)?$")
_ASK_EMPTY_TAIL = _grammar(
    r"^\s*(?:,\s*)?(?:và\s+)?(?:«ask_again»)?\s*(?:«some_of»)?\s*(?:«matter_noun»)(?:\s+(?:«matter_quality»))?\s*[.…]?$"
)
_MANY_OPINIONS = _grammar(
    r"(?:tại (?:«meeting»)[^,]*,\s*)?(?:«many») (?:«voices»)[^,.;:]{0,60}?\s*"
    r"(?P<verb>«opinion_verb»)\s*[,:]?\s*"
)
_LOWER_SUBJECT = _grammar(r"(?:«lower_subject»)")
# a provincial leader's title: their requests are directives
_UPPER_TITLE = _grammar(
    r"^(?:phó )?(?:«head_title»)(?: thường trực)?\s+(?:«provincial_body»)|^(?:«provincial_leader»)"
)


# the centre asked ("đề nghị Chính phủ ...", "kiến nghị với Bộ Tài chính ..."): above the province
_CENTRE = r"(?:(?:«centre»)|(?:«ministry»)\s+(?:«ministry_name»))(?!\w)"
_ASKS_CENTRE = _grammar(rf"(?:(?:«ask_upper»)\s+)?(?:với\s+)?{_CENTRE}")


def asks_centre(folded: str, pos: int, end: int) -> bool:
    """Whether the folded text at ``pos`` (an asking verb, or what is asked) asks the centre:
    a province's leader asking it makes a petition; only the centre's leaders direct it."""
    return _ASKS_CENTRE.match(folded, pos, end) is not None


def _is_central(doc: Document, person: int | None) -> bool:
    """Whether ``person`` (an index of ``doc.people``; None: the chair) holds a title of the
    centre (``titles.is_central``).  The answers are worked out once a document: the later
    stages ask for every sentence and every mention, and the people stage has finished."""
    from .titles import is_central

    central: tuple[tuple[bool, ...], int | None] | None = doc.cache.get("opinions:central")
    if central is None or len(central[0]) != len(doc.people):
        chair = next((i for i, p in enumerate(doc.people) if p.is_chair), None)
        central = (tuple(is_central(p) for p in doc.people), chair)
        doc.cache["opinions:central"] = central
    flags, chair = central
    if person is None:
        person = chair
    return person is not None and 0 <= person < len(flags) and flags[person]


def central_session(doc: Document) -> bool:
    """Whether the session's chair is of the centre (a Deputy Prime Minister, a minister with
    a province): the province is then the lower side, its figures and difficulties the
    session's."""
    return _is_central(doc, None)


def is_central_issuer(doc: Document, person: int | None) -> bool:
    """Whether the issuer ``person`` (None: the chair) is of the centre."""
    return _is_central(doc, person)


def _central_in(doc: Document, start: int, end: int) -> bool:
    """Whether a person of the centre is mentioned in ``start..end``."""
    return any(
        m.kind in ("name", "title") and _is_central(doc, m.person)
        for m in mentions_in(doc, start, end)
        if m.person is not None and m.person >= 0
    )


def _is_upper(person: Person) -> bool:
    """A chair or a provincial leader (their words are directives, not petitions)."""
    if person.is_chair:
        return True
    from .spans import fold

    return any(_UPPER_TITLE.search(fold(t.text)) for t in person.titles)


def _chair_in(doc: Document, start: int, end: int) -> bool:
    """Whether a chair (or provincial leader) is mentioned in ``start..end``."""
    for m in mentions_in(doc, start, end):
        if m.kind in ("name", "title"):
            if 0 <= m.person < len(doc.people) and _is_upper(doc.people[m.person]):
                return True
    return False


def _named_person(doc: Document, start: int, end: int, *, centre: bool = False) -> str | None:
    """The first person named in ``start..end`` who speaks for the lower side (asking the
    centre, ``centre``: anyone who is not of the centre)."""
    for m in mentions_in(doc, start, end):
        if m.kind == "name" and 0 <= m.person < len(doc.people):
            p = doc.people[m.person]
            if not (_is_central(doc, m.person) if centre else _is_upper(p)):
                return p.name.text
    return None


def _speaker_before(doc: Document, start: int, end: int) -> bool:
    """Whether a person is named (by name or title) in ``start..end``."""
    return any(m.kind in ("name", "title") for m in mentions_in(doc, start, end))


def _trim(
    doc: Document, start: int, end: int, rule: str, regex: re.Pattern[str] | None = None
) -> Span:
    if regex is not None:
        m = regex.match(doc.folded, start, end)
        if m and m.end() < end - 10:
            start = m.end()
    return doc.span(start, end, "opinion", rule)


# "vùng nguy cơ sạt lở", "khu vực có nguy cơ ...": a place named by its risk, not a difficulty
_RISK_PLACE = _grammar(r"(?<!\w)(?:«risk_place»)(?:\s+có)?\s+$")
# the delegation's own visit: "Đoàn đã đến thăm các hộ dân ... vùng nguy cơ sạt lở"
_VISIT_SENTENCE = _grammar(
    r"^(?:[^,.]{0,50},\s*)?(?:«delegation»)(?:\s+\w+){0,3}?\s+"
    r"(?:(?:«visit_adverb»)\s+)*(?:«visit_verb»)(?!\w)"
    # a leader's visit or its caption: "Chủ tịch UBND tỉnh Trần Văn An khảo sát điểm sạt lở ..."
    r"|^(?:[^,.]{0,50},\s*)?(?:«visitor»)(?:\s+(?!(?:«report_word»)(?!\w))\w+){0,10}?\s+"
    r"(?:(?:«visit_adverb»)\s+)*(?:«inspect»)(?!\w)"
)


# what is converted or renewed: "đã chuyển đổi được 96,5 ha đất lúa kém hiệu quả" names the
# land by its fault, it states no difficulty (a state, "việc cải tạo chợ còn chậm", still does)
_CONVERTED_HEAD = _grammar(r"(?<!\w)(?:«converted»)(?:\s+[\w.,/]+){0,6}?\s+$")
# aid for those hit: "hỗ trợ 450 triệu đồng cho 150 hộ bị thiệt hại" (the aid, no difficulty)
_AID_FOR = _grammar(
    r"(?<!\w)cho\s+(?:(?:«plural»)\s+)?(?:\d[\d.,]*\s+)?[^\W\d]+(?:\s+[^\W\d]+)?\s+$"
)
# a bad measure that falls: "Số vụ cháy rừng giảm mạnh" is good news, not a difficulty
_BAD_MEASURE = _grammar(r"(?<!\w)(?:«harm»|«high_what»|«bad_count»)(?!\w)")


def is_difficulty(folded_sentence: str, doc: Document | None = None, offset: int = 0) -> bool:
    """Whether a sentence (folded) states a difficulty; ``doc``: the document the sentence
    is cut out of at ``offset``, whose shared scan then finds the cue words."""
    s = folded_sentence
    if _DIRECTIVE_CUE.search_text(s, doc, offset) or _VISIT_SENTENCE.match(s):
        return False
    if s.rstrip(' "”').endswith("?"):
        return False  # "vì sao tiến độ ... còn chậm?": a leader's question, not a statement
    if _HOWEVER.match(s) and _NEGATIVE.search(s):
        return True
    for m in _DIFFICULTY_CUE.finditer_text(s, doc, offset):
        head = s[: m.start()]
        # "chỉ đáp ứng được 30% nhu cầu", "mới đạt 46%": a shortfall, never the object of an
        # action ("Kinh phí phòng, chống hạn của huyện chỉ đáp ứng được ..." is one)
        if (
            not m.group().startswith(_SHORTFALL)
            and _ACTION_HEAD.search(head)
            and not (m.group().startswith(_STATE_CUES) and _ACTION_WORD_LAST.search(head))
        ):
            continue  # "khắc phục những hạn chế"; but "kinh phí khắc phục còn hạn chế" is one
        if m.group().startswith("nguy cơ") and _RISK_PLACE.search(head):
            continue  # "di dời 126 hộ ra khỏi vùng nguy cơ sạt lở": a place, not a risk stated
        if not m.group().startswith(_STATE_CUES) and _CONVERTED_HEAD.search(head[-100:]):
            continue  # "chuyển đổi được 96,5 ha đất lúa kém hiệu quả"
        if m.group().startswith("bị") and _AID_FOR.search(head[-60:]):
            continue  # "đã hỗ trợ 450 triệu đồng cho 150 hộ bị thiệt hại": those helped
        if m.group().endswith("mạnh") and _BAD_MEASURE.search(head[-80:]):
            continue  # "số vụ cháy rừng giảm mạnh": a bad measure falling
        concessions = list(_CONCESSIVE_CUE.finditer_text(head, doc, offset))
        if concessions and not _CONCESSIVE_TURN.search(head, concessions[-1].end()):
            continue  # "mặc dù còn nhiều khó khăn, ...", "trong bối cảnh còn gặp khó khăn"
        return True
    return False


def petition_kind(folded_sentence: str) -> str | None:
    """The rule by which a sentence (folded) is a petition, or None."""
    return petition_match(folded_sentence)[0]


# "Huyện đề xuất 5 nhóm giải pháp ...": the lower side's own plan, asked of no one
_OWN_PLAN = _grammar(r"\s*(?:\d+\s+|(?:«plan_count»)\s+)?(?:«own_plan»)(?!\w)")
# "Năm 2018, huyện đã kiến nghị tỉnh ... và đã được tỉnh chấp thuận": a past request, granted
_PAST_ASK = _grammar(r"(?<!\w)(?:«past»)\s+(?:\w+\s+){0,1}$")
_GRANTED = _grammar(r"(?<!\w)(?:«granted»)(?!\w)")
# "... rà soát các hộ thiếu đất để đề xuất chính sách hỗ trợ": a purpose, not a request made
_PURPOSE_ASK = _grammar(r"(?<!\w)(?:«purpose»)\s+$")
# "... và đề nghị các cấp ủy, chính quyền cơ sở trong huyện thực hiện": asked of the units below
_ASKED_BELOW = _grammar(r"\s*:?\s*(?:«asked_below»)(?!\w)")


def _not_asked_now(s: str, m: re.Match[str]) -> bool:
    """Whether the asking verb at ``m`` names the lower side's own plan, a purpose ("... để
    đề xuất ..."), units below the one who asks ("đề nghị các cấp ủy, chính quyền cơ sở ...")
    or a past request that was granted."""
    if _OWN_PLAN.match(s, m.end()) or _PURPOSE_ASK.search(s, max(0, m.start() - 8), m.start()):
        return True
    # the tasks passed down to the units below ("đề nghị các cấp ủy, chính quyền cơ sở ...",
    # where "các cấp" alone would be an upper addressee): petitions go up
    pos = m.start()
    while 0 <= pos <= m.end():
        if _ASKED_BELOW.match(s, pos):
            return True
        pos = s.find(" ", pos + 1, m.end() + 1)
    return bool(_PAST_ASK.search(s[: m.start()]) and _GRANTED.search(s, m.end()))


def petition_match(
    folded_sentence: str, doc: Document | None = None, offset: int = 0
) -> tuple[str | None, int]:
    """(rule, offset of the asking verb) when a sentence (folded) is a petition, else (None, -1);
    ``doc`` and ``offset`` as for :func:`is_difficulty`."""
    s = folded_sentence
    if not _ASK_ANY_CUE.search_text(s, doc, offset):
        return None, -1
    m = _MANY_OPINIONS.match(s)
    if m and (
        m.group("verb") in opinion_words()["asking_opinion"] or _ASK_COLON.search(s, m.end())
    ):
        return "many-opinions", 0
    for m in _ASK_UPPER_CUE.finditer_text(s, doc, offset):
        if _ASK_NOUN_HEAD.search(s[: m.start()]) or _not_asked_now(s, m):
            continue
        return "ask-upper", m.start()
    if doc is not None and _communes(doc):
        for m in _ASK_DISTRICT.finditer(s):
            if _ASK_NOUN_HEAD.search(s[: m.start()]) or _not_asked_now(s, m):
                continue
            if _LOWER_SUBJECT.search(s[: m.start()]) or m.start() < 3:
                return "ask-district", m.start()
    for m in _ASK_VERB_CUE.finditer_text(s, doc, offset):
        if _ASK_NOUN_HEAD.search(s[: m.start()]) or _ASK_EMPTY_TAIL.match(s[m.end() :]):
            continue
        if _not_asked_now(s, m):
            continue
        if len(s[m.end() :].split()) < 4:
            continue
        if _LOWER_SUBJECT.search(s[: m.start()]) or m.start() < 3:
            return "ask-verb", m.start()
    return None, -1


def _communes(doc: Document) -> bool:
    """Whether the session is a commune's (``indicators.communes_session``)."""
    from .indicators import communes_session  # (indicators reads this module's answers)

    return communes_session(doc)


def _upper_figures(doc: Document, text: str, offset: int) -> bool:
    """Whether a sentence (folded, cut out of the document at ``offset``) of the conclusion
    cites the upper side's own figures: the province's, or the district's at a commune's
    session."""
    if not doc.localities or central_session(doc):
        return False  # a conference of the whole province: its figures are the session's
    cue = _DISTRICT_SCOPE_CUE if _communes(doc) else _UPPER_SCOPE_CUE
    return cue.search_in(doc, text, offset) is not None


def _colon_opinions(doc: Document) -> tuple[list[Item], list[Item], set[int]]:
    """Petitions and difficulties in the opinions after "Title Name:" leads of the lower side."""
    petitions: list[Item] = []
    difficulties: list[Item] = []
    used: set[int] = set()
    index = SentenceIndex(doc)
    for mention in doc.mentions:
        if mention.kind != "colon" or not (0 <= mention.person < len(doc.people)):
            continue
        person = doc.people[mention.person]
        colon = doc.text.find(":", mention.span.end, mention.span.end + 3)
        if colon < 0:
            continue
        p = doc.paragraph_of(colon)
        if p < 0:
            continue
        para = doc.paragraphs[p]
        used.add(p)
        if _is_upper(person):
            continue
        for s in index.within(para.start, para.end):
            start = max(s.start, colon + 1)
            if start >= s.end:
                continue
            text = doc.folded[start : s.end].strip()
            if _ASK_COLON.search(text):
                petitions.append(
                    Item(
                        doc.span(start, s.end, "petition", "opinions:colon"),
                        {"by": person.name.text},
                    )
                )
            elif is_difficulty(text):
                difficulties.append(
                    Item(doc.span(start, s.end, "difficulty", "opinions:colon"), {})
                )
    return petitions, difficulties, used


# where the chairing leader's concluding speech starts
_CONCLUSION = _grammar(r"(?:«conclusion»)")
_CONCLUSION_CUE = Cue(_CONCLUSION)  # read from the shared scan
_BULLET = re.compile(r"^(?:[-–+•*]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)")
_PETITION_INTRO = _grammar(r"(?<!\w)(?:«petition_heading»)(?!\w)[^:]{0,80}:\s*$")
_DIFFICULTY_INTRO = _grammar(r"(?<!\w)(?:«difficulty_heading»)(?!\w)[^:]{0,80}:\s*$")


# a cheap first filter: a sentence without any of these is neither a difficulty nor a petition
ANY_CUE = _grammar(
    r"«cue»|«decline»|(?:«must») (?:«forced»)|(?:«just») (?:\w+ ){0,2}?(?:«reached») (?:(?:«approx») )?\d"
    r"|(?:«only») (?:\w+ ){0,2}?(?:«reached») (?:(?:«approx») )?\d|:"
)

# read from the shared scan: tried only where their first words are
_DIFFICULTY_CUE = Cue(_DIFFICULTY)
_DIRECTIVE_CUE = Cue(_DIRECTIVE)
_ASK_ANY_CUE = Cue(_ASK_ANY)
_ASK_UPPER_CUE = Cue(_ASK_UPPER)
_ASK_VERB_CUE = Cue(_ASK_VERB)
_ANY_CUE_CUE = Cue(ANY_CUE)
# the difficulty named, which a lead must hold: most sentences have none, and the leads'
# open beginnings are then not tried
_DIFFICULTY_NAMED_CUE = Cue(_grammar(r"«difficulty_named»"))
# (its leading look-behind would run at every position of the words before each cue)
_CONCESSIVE_CUE = Cue(_CONCESSIVE)


# "1. Huyện đề nghị tỉnh bố trí vốn ...: Giao Sở Tài chính ...": a petition and its answer
_ANSWERED_ITEM = _grammar(
    r"(?P<ask>(?:(?:[-–+•*]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)(?P<topic>(?:«about»)\s+)?|(?:«about»)\s+)"
    r"(?P<body>(?:[^:;.]{0,40}?\s)?(?:«ask_item»)(?!\w)[^:]{10,}?))\s*:\s*"
    # a listed item that names its request as a topic ("5. Về đề nghị ...: ngân sách tỉnh đã
    # bố trí ...") is a petition whatever its answer opens with
    r"(?(topic)|(?:«answer_opening»)(?!\w))"
)


_COMRADE = re.compile(r"(?<!\w)[Đđ]ồng chí\s+(\w)")


def _bare_comrade(text: str, start: int, end: int) -> bool:
    """Whether "đồng chí" stands alone (not before a name) in ``start..end``."""
    return any(not m.group(1).isupper() for m in _COMRADE.finditer(text, start, end))


# "... vừa ký Thông báo số 412/TB-UBND kết luận buổi kiểm tra ...": a notice announced, not the
# concluding speech (the folded words before "kết luận")
# (its number, date and issuer may come between: "Tại Thông báo số 112/TB-UBND ngày 8/5/2024,
# Chủ tịch UBND tỉnh Võ Văn Bình kết luận ...")
_NOTICE_HEAD = _grammar(r"(?<!\w)(?:«notice»)(?:\s+số)?[^.;:\n]{0,90}$")
_NOTICE_WORDS = opinion_words()["notice"]  # (one of them is in the window: else no match)


def _conclusion_start(doc: Document) -> int:
    """The offset where the concluding speech starts (the end of the text if none).  A photo
    caption that names the concluding leader ("Phó Chủ tịch UBND tỉnh X phát biểu kết luận
    buổi làm việc.") may stand under the page's first photo, before the report: when a
    paragraph of the body gives its own cue later, the speech starts there."""
    caption = None
    for m in starting_words(_CONCLUSION_CUE.finditer(doc), doc.folded):
        window = doc.folded[max(0, m.start() - 110) : m.start()]
        if any(w in window for w in _NOTICE_WORDS) and _NOTICE_HEAD.search(
            doc.folded, max(0, m.start() - 110), m.start()
        ):
            continue
        if _in_caption(doc, m.start()):
            caption = m.start() if caption is None else caption
            continue
        return m.start()
    return len(doc.folded) if caption is None else caption


_CAPTION_LENGTH = 150


def _in_caption(doc: Document, pos: int) -> bool:
    """Whether the cue at ``pos`` closes a paragraph shaped as a photo caption: short, one
    sentence, the cue after the leader's name and nothing but the meeting after it ("... Vi Văn
    Khải phát biểu kết luận buổi làm việc."; not "Kết luận buổi làm việc, đồng chí ... yêu cầu
    ...", nor "... phát biểu kết luận, yêu cầu ...")."""
    i = doc.paragraph_of(pos)
    if i < 0:
        return False
    p = doc.paragraphs[i]
    text = doc.text[p.start : p.end].rstrip(" .")
    return (
        len(text) <= _CAPTION_LENGTH
        and pos > p.start
        and not any(c in text for c in ".;:")
        and "," not in doc.text[pos : p.end]
    )


# a provincial department answering the lower side: "Trả lời kiến nghị của xã, lãnh đạo Sở
# Nông nghiệp và Môi trường cho biết, Sở đang ... đề nghị Bộ ...": neither a petition nor a
# directive (the folded sentence up to the asking verb)
_ANSWER_OPENS = r"^(?:[^,.;:]{0,30}?\s)?(?:«answer»)(?!\w)"
_DEPARTMENT_SAYS = (
    r"(?<!\w)(?:«department_speaker»)\s+(?:các\s+)?sở(?!\w)[^.;:]{0,60}?(?:«answer_says»)(?!\w)"
)
_ANSWER = _grammar(_ANSWER_OPENS + "|" + _DEPARTMENT_SAYS)
_ANSWER_OPENS_RE = _grammar(_ANSWER_OPENS)
# (an answer's word starts within the first 31 characters: a sentence with none of the words
# there is told without the regex)
_ANSWER_WORDS = opinion_words()["answer"]
_ANSWER_REACH = 31 + max(len(w) for w in _ANSWER_WORDS)
# (searched apart, whether ``_ANSWER`` matches is whether either does; alone, the department's
# words start the pattern, and a search skips to their first letters)
_DEPARTMENT_SAYS_RE = _grammar(_DEPARTMENT_SAYS)


def _answer_in(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """Whether ``_ANSWER`` matches in ``text[pos:endpos]``."""
    end = len(text) if endpos is None else endpos
    if _opens_answer(text, pos, end):
        return True
    # the department's words need "sở": most sentences have none (a find is cheaper)
    return text.find("sở", pos, end) >= 0 and bool(_DEPARTMENT_SAYS_RE.search(text, pos, end))


def answers(folded: str, start: int, end: int, *, department: bool) -> bool:
    """Whether the folded sentence ``folded[start:end]`` (up to a point) answers the lower side:
    it opens with "Trả lời / Giải trình / Tiếp thu ...", or, with ``department``, a department's
    head "cho biết / trả lời" in it.  Read by indicators.py: the figures of an answer ("Sở đã
    trình UBND tỉnh xuất cấp 40 tấn lúa giống") are neither the lower side's results nor a
    petition."""
    text = folded[start:end]
    if department:
        return _answer_in(text)
    return _opens_answer(text, 0, len(text))


def _opens_answer(text: str, pos: int, end: int) -> bool:
    """``_ANSWER_OPENS_RE.search(text, pos, end) is not None``."""
    head = text[: min(end, _ANSWER_REACH)]
    if not any(w in head for w in _ANSWER_WORDS):
        return False
    return _ANSWER_OPENS_RE.search(text, pos, end) is not None


# "Giám đốc Sở Tài chính X đề xuất UBND tỉnh ...": a department of the province proposes, it is
# not the lower side asking
_DEPARTMENT_ASKS = _grammar(
    r"^(?:[^,.;:]{0,40}?,\s*)?(?:«department_head»)\s+sở(?!\w)[^.;:]{0,60}?"
    r"(?:«department_proposes»)(?!\w)"
)


def _asker_is_upper(
    doc: Document, start: int, cue: int, conclusion: int, *, centre: bool = False
) -> bool:
    """Whether the one who asks in ``start..cue`` is the chair's side: a chair or provincial
    leader named before the cue, or no named lower-side person in the concluding speech.
    Asking the centre (``centre``) in a session the centre chairs, only the centre's own
    people are above it: the province's leaders petition it."""
    if _central_in(doc, start, cue):
        return True  # the centre's own people ask from above (a minister answering included)
    if centre and _is_central(doc, None):
        # a session the centre chairs: the province is the lower side, its leaders petition
        return _named_person(doc, start, cue, centre=True) is None
    if _chair_in(doc, start, cue):
        return True
    if _bare_comrade(doc.text, start, cue + 2) and _named_person(doc, start, cue) is None:
        # "Đồng chí đề nghị ...": the leader named before, unless the last one named in the
        # paragraph is of the lower side ("Đồng chí X, Bí thư Huyện ủy A cho biết, ... .
        # Đồng chí kiến nghị tỉnh ...")
        return _last_named_is_upper(doc, start)
    return start >= conclusion and _named_person(doc, start, cue) is None


def _last_named_is_upper(doc: Document, start: int) -> bool:
    """Whether the last person named in the paragraph before ``start`` (if any) is not of
    the lower side."""
    i = doc.paragraph_of(start)
    if i < 0:  # not inside a paragraph (-1 would silently read the last one)
        return True
    para = doc.paragraphs[i]
    last = None
    for m in mentions_in(doc, para.start, start):
        if m.kind == "name" and 0 <= m.person < len(doc.people):
            last = doc.people[m.person]
    return last is None or _is_upper(last)


def _bullets_after(doc: Document, p: int) -> list[Span]:
    """The bulleted paragraphs right after paragraph ``p``."""
    out = []
    for para in doc.paragraphs[p + 1 :]:
        if not _BULLET.match(para.text):
            break
        out.append(para)
    return out


_CLAUSE_SEP = re.compile(r";\s*")


def _difficulty_clauses(doc: Document, sentence: Span, span: Span) -> list[Span]:
    """One item per ";"-clause of a difficulty sentence: after a lead-in that announces the
    difficulties ("Về khó khăn, vướng mắc: A; B; C.") every clause; otherwise the clauses
    that state a difficulty themselves ("thu ngân sách đạt ...; giải ngân mới đạt 46%" keeps
    the second), or the whole sentence when none does alone."""
    folded = doc.folded
    cuts = list(_CLAUSE_SEP.finditer(folded, span.start, span.end))
    if not cuts:
        return [_without_leading_results(doc, span)]
    parts = []
    start = span.start
    for c in cuts:
        parts.append(doc.span(start, c.start(), "difficulty", span.rule))
        start = c.end()
    parts.append(doc.span(start, span.end, "difficulty", span.rule))
    parts = [p for p in parts if len(p.text.split()) >= 2]
    if folded[sentence.start : span.start].rstrip().endswith(":"):
        return parts or [span]  # the lead-in announced them: "Về khó khăn, vướng mắc: ..."
    # a clause that reports a result ("tổng thu ngân sách đạt 412 tỷ đồng, bằng 78% dự toán")
    # is left out; the others are one item each
    kept = [
        p
        for p in parts
        if is_difficulty(folded[p.start : p.end], doc, p.start)
        or not _RESULT_CLAUSE.search(folded, p.start, p.end)
    ]
    return kept or [span]


_RESULT_CLAUSE = _grammar(r"(?<!\w)(?:«result_verb»)\s+(?:\w+\s+){0,3}?\d")
_COMMA = re.compile(r",\s+")


def _without_leading_results(doc: Document, span: Span) -> Span:
    """A difficulty sentence without the ","-clauses that open it and only report figures
    ("xã đã thu hoạch 8.400 ha lúa, năng suất bình quân 7,1 tấn/ha, lợi nhuận của nông dân
    giảm do giá lúa thấp": each holds an indicator and states no difficulty)."""
    folded = doc.folded
    start = span.start
    for c in _COMMA.finditer(folded, span.start, span.end):
        if not _holds_indicator(doc, start, c.start()) or is_difficulty(
            folded[start : c.start()], doc, start
        ):
            break
        start = c.end()
    if start == span.start or not is_difficulty(folded[start : span.end], doc, start):
        return span
    return doc.span(start, span.end, "difficulty", span.rule)


def _holds_indicator(doc: Document, start: int, end: int) -> bool:
    return any(start <= i.span.start and i.span.end <= end for i in doc.indicators)


_SUBHEADING_WORDS = 16


def _subheading(doc: Document, para: Span, s: Span) -> bool:
    """Whether the sentence ``s`` is the whole paragraph ``para`` and shaped as a section title
    of the page: short, no end punctuation, not a point of a list."""
    text = doc.text[para.start : para.end].rstrip()
    return (
        s.start <= para.start
        and s.end >= para.start + len(text)
        and not text.endswith((".", "!", "?", "…", ":", ";", '"', "”", ")"))
        and not _BULLET.match(text)
        and len(text.split()) <= _SUBHEADING_WORDS
    )


def find_opinions(doc: Document) -> None:
    """Set ``doc.difficulties`` and ``doc.petitions``."""
    petitions, difficulties, colon_paragraphs = _colon_opinions(doc)
    folded = doc.folded
    conclusion = _conclusion_start(doc)
    # a headline kept as the leader's instruction ("Xã A phải di dời xong ...") speaks as the
    # concluding leader does: what "phải" asks there is asked, not undergone
    headline_end = doc.paragraphs[0].end if kept_headline(doc) and doc.paragraphs else -1
    listed: set[int] = set()  # paragraphs already taken as items of a list
    announced = -1  # the paragraph whose difficulties a lead sentence announced
    p = -1
    for s in doc.sentences:
        while p + 1 < len(doc.paragraphs) and doc.paragraphs[p + 1].start <= s.start:
            p += 1  # the paragraph of the sentence (both lists are in text order)
        if p in colon_paragraphs or p in listed or s.start < headline_end:
            continue  # a headline kept as the instruction is neither a difficulty nor a request
        if _subheading(doc, doc.paragraphs[p], s):
            continue  # "Kiến nghị tháo gỡ vướng mắc về đất đai": a page's section title
        text = folded[s.start : s.end]
        q_start, q_end = _quoted(doc, s.start, s.end, doc.paragraphs[p].start)
        if (
            p == announced
            and not _DIRECTIVE_CUE.search_in(doc, text, s.start)
            and petition_match(text, doc, s.start)[0] is None
        ):
            difficulties.append(
                Item(doc.span(q_start, q_end, "difficulty", "opinions:announced"), {})
            )
            continue
        if not _ANY_CUE_CUE.search(doc, s.start, s.end):
            continue
        if (
            _DIFFICULTY_NAMED_CUE.search(doc, s.start, s.end)
            and (
                _DIFFICULTY_LEAD.match(text)
                or (s.end < doc.paragraphs[p].end - 1 and _DIFFICULTY_LEAD_LONG.match(text))
            )
            and not _DIRECTIVE_CUE.search_in(doc, text, s.start)
        ):
            announced = p
            continue
        # "Huyện kiến nghị một số nội dung sau:" / "Khó khăn, vướng mắc:" and a bulleted list
        if s.end == doc.paragraphs[p].end and text.rstrip().endswith(":"):
            intro = _PETITION_INTRO.search(text)
            bullets = _bullets_after(doc, p)
            if (
                bullets
                and intro
                and _asker_is_upper(doc, s.start, s.start + intro.start(), conclusion)
            ):
                # "Kết luận ..., Chủ tịch UBND tỉnh đề nghị huyện:" and a list: directives
                for b in bullets:
                    listed.add(doc.paragraph_of(b.start))
                continue
            if (
                bullets
                and intro
                and not _asker_is_upper(doc, s.start, s.start + intro.start(), conclusion)
            ):
                for b in bullets:
                    listed.add(doc.paragraph_of(b.start))
                    answered = _ANSWERED_ITEM.match(folded, b.start, b.end)
                    end = answered.end("ask") if answered else b.end
                    marker = _BULLET.match(b.text)  # "1. ", "- ": layout
                    begin = (
                        answered.start("body")
                        if answered
                        else b.start + marker.end()
                        if marker
                        else b.start
                    )
                    petitions.append(
                        Item(
                            doc.span(begin, end, "petition", "opinions:list"),
                            {"by": _named_person(doc, s.start, s.end)},
                        )
                    )
                continue
            if (
                bullets
                and _DIFFICULTY_INTRO.search(text)
                and not _DIRECTIVE_CUE.search_in(doc, text, s.start)
            ):
                for b in bullets:
                    listed.add(doc.paragraph_of(b.start))
                    difficulties.append(
                        Item(doc.span(b.start, b.end, "difficulty", "opinions:list"), {})
                    )
                continue
        answered = _ANSWERED_ITEM.match(text)
        if answered:
            petitions.append(
                Item(
                    doc.span(
                        s.start + answered.start("body"),
                        s.start + answered.end("ask"),
                        "petition",
                        "opinions:answered",
                    ),
                    {"by": None},
                )
            )
            continue
        kind, cue = petition_match(text, doc, s.start)
        if kind is not None and "sở" in text and _DEPARTMENT_ASKS.match(text):
            continue  # a department's own proposal: neither a petition nor a difficulty
        if kind is not None and _answer_in(text, 0, max(cue, 0)):
            kind = None  # a department's answer
        centre = kind is not None and cue >= 0 and asks_centre(folded, s.start + cue, s.end)
        if kind is not None and not _asker_is_upper(
            doc, s.start, s.start + cue, conclusion, centre=centre
        ):
            regex = _MANY_OPINIONS if kind == "many-opinions" else None
            start = q_start
            if cue > 0 and _speaker_before(doc, s.start, s.start + cue):
                # "Phát biểu ..., đồng chí X, Bí thư ... đề nghị ...": from the verb
                start = s.start + cue
            ask_at = s.start + max(cue, 0)
            semi = folded.rfind(";", start, ask_at)
            if semi > start and len(folded[semi + 1 : ask_at].split()) <= 4:
                # "Đại diện xã A cho biết, bờ sông sạt lở ...; xã đề nghị tỉnh ...": what is
                # wrong, then the request, one item each
                if is_difficulty(folded[start:semi], doc, start):
                    lead_in = _LEAD_IN if _may_lead_in(folded, start, semi + 1) else None
                    said = _trim(doc, start, semi + 1, "opinions:difficulty", lead_in)
                    difficulties.append(
                        Item(Span(said.start, said.end, "difficulty", said.text, said.rule), {})
                    )
                start = semi + 1
                while start < q_end and folded[start] == " ":
                    start += 1
            span = _trim(doc, start, q_end, f"opinions:{kind}", regex)
            petitions.append(
                Item(
                    Span(span.start, span.end, "petition", span.text, span.rule),
                    {
                        "by": _named_person(
                            doc, s.start, s.end, centre=centre and _is_central(doc, None)
                        )
                    },
                )
            )
            continue
        if (s.start >= conclusion or s.start < headline_end) and _FORCED.search(text):
            continue  # the leader's "... phải tạm dừng hoạt động": an instruction there
        if answers(
            folded, s.start, s.end, department=bool(doc.localities) and not central_session(doc)
        ):
            continue  # a department's answer states no difficulty of the lower side
        if s.start >= conclusion and _upper_figures(doc, text, s.start):
            continue  # the leader citing the province's (the district's) own figures
        if is_difficulty(text, doc, s.start):
            q_start = _after_turn(doc, q_start, q_end)
            lead_in = _LEAD_IN if _may_lead_in(folded, q_start, q_end) else None
            span = _trim(doc, q_start, q_end, "opinions:difficulty", lead_in)
            for part in _difficulty_clauses(doc, s, span):
                difficulties.append(
                    Item(Span(part.start, part.end, "difficulty", part.text, span.rule), {})
                )
        elif (
            s.start < conclusion
            and ";" in text
            and _DIRECTIVE_CUE.search_in(doc, text, s.start)
            and not _VISIT_SENTENCE.match(text)
        ):
            # "... đã đạt 46% khối lượng; Bộ sẽ yêu cầu nhà đầu tư tăng ca ...; phần đường dẫn
            # ... còn vướng mặt bằng của 27 hộ dân.": before the conclusion, a clause of its own
            # states the difficulty although another clause of the sentence asks
            start = s.start
            for cut in [*_CLAUSE_SEP.finditer(folded, s.start, s.end), None]:
                end = s.end if cut is None else cut.start()
                if is_difficulty(folded[start:end], doc, start):
                    part = doc.span(start, end, "difficulty", "opinions:difficulty-clause")
                    difficulties.append(Item(part, {}))
                if cut is not None:
                    start = cut.end()
    doc.petitions = sorted(petitions, key=lambda i: i.span.start)
    doc.difficulties = sorted(difficulties, key=lambda i: i.span.start)
