"""The words around the names of people are reviewed data (``data/people_words.tsv``).

Each row of each kind is put to work: the test writes a report with the entry in its kind's
slot and checks that the entry does the kind's work (a name made a place's, a chair found,
a directive given to the leader named before, a caption that names no speaker); the same
report with a word that is not of the kind (the control) does not, so each check can fail.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lexicon_contract import lexicon_contract

from chidao.extract import lexicon
from chidao.extract.chairs import _DIRECTS
from chidao.extract.clauses import Reader
from chidao.extract.pipeline import process
from chidao.extract.references import (
    _GROUP_BEFORE,
    _HONORIFIC_ONLY,
    _LEVEL_END,
    _LIST_GAP,
    KINDS,
    WORDS,
    people_words,
)
from chidao.extract.spans import fold
from chidao.extract.speakers import _CONCLUSION, LEADER_TITLE, bare_caption


def nobody(text: str) -> bool:
    return [p.name.text for p in process(text).people] == []


def chairs(*names: str) -> Callable[[str], bool]:
    """The session's chairs are ``names``."""

    def works(text: str) -> bool:
        return sorted(p.name.text for p in process(text).people if p.is_chair) == sorted(names)

    return works


def issued_by_the_leader(text: str) -> bool:
    """The last sentence is one directive, issued by the leader named before."""
    return [i.data["issuer"] for i in process(text).directives] == ["Lê Văn Tám"]


def caption_names_no_speaker(text: str) -> bool:
    """The last paragraph, a photo caption, tells an act: it names no one who has the floor."""
    doc = process(text)
    return bare_caption(doc, Reader(doc), doc.paragraphs[-1]) is None


def a_caption(paragraph: str) -> bool:
    """The paragraph after a lede, a person and what follows, is a photo caption."""
    doc = process(LEDE + paragraph)
    return any(m.kind == "caption" for m in doc.mentions)


def no_caption(paragraph: str) -> bool:
    return not a_caption(paragraph)


def a_leader_title(title: str) -> bool:
    """The title is a provincial leader's: their words are directives."""
    return LEADER_TITLE.match(fold(title)) is not None


def leads_as_a_leader(text: str) -> bool:
    """The text holds a title that can lead a sentence without a name (a leader's)."""
    doc = process(text)
    return bool(Reader(doc).titled[0])


def tells_a_speech(heading: str) -> bool:
    """A heading with a leader that tells the leader's speech."""
    return _CONCLUSION.search(fold(heading)) is not None


def titles_of_the_first(text: str) -> list[str]:
    people = process(text).people
    return [t.text for t in people[0].titles] if people else []


def matches(pattern: re.Pattern[str], *, whole: bool = False) -> Callable[[str], bool]:
    """The folded text matches ``pattern`` (searched, or whole)."""

    def works(text: str) -> bool:
        f = fold(text)
        return bool(pattern.fullmatch(f) if whole else pattern.search(f))

    return works


def directs_from_before(text: str) -> bool:
    """The notice's words of conclusions start before "kết luận" ("ý kiến kết luận của X")."""
    m = _DIRECTS.search(fold(text))
    return m is not None and not m.group().startswith("kết luận")


NOTICE = "Văn phòng UBND tỉnh thông báo {} tại buổi làm việc với xã Tân Phú."
TITLED = "Sáng 5/4, đồng chí Lê Văn Tám, {} tỉnh Nghệ An làm việc với xã Tân Phú."
LEADER = "đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An"
LEDE = "Sáng 5/4, đoàn công tác của tỉnh làm việc với xã Tân Phú.\n"


# kind -> (lede with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "place_before": (
        "Sáng 5/4, đoàn công tác đến {} Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An cùng đi.",
        nobody,
        "cùng",
    ),
    "memorial": (
        "Sáng 5/4, đoàn công tác dâng hương tại {} Đại tướng Trần Văn Nam rồi làm việc với xã.",
        nobody,
        "trước",
    ),
    "lede_verb": (
        f"Sáng 5/4, đoàn công tác của tỉnh cùng {LEADER}, {{}} xã Tân Phú.",
        chairs("Lê Văn Tám"),
        "rời",
    ),
    "chaired_meeting": (f"{LEDE}Chủ trì {{}} có {LEADER}.", chairs("Lê Văn Tám"), "lễ"),
    "chairs_are": (f"{LEDE}Chủ trì buổi làm việc {{}} {LEADER}.", chairs("Lê Văn Tám"), "với"),
    "honorific": (
        "Sáng 5/4, {} Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An cùng đoàn công tác đi xã Tân Phú.",
        chairs("Lê Văn Tám"),
        "cùng",
    ),
    "concluded_meeting": (
        f"{LEDE}Kết luận {{}} sáng nay, {LEADER} đề nghị xã rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "tại",
    ),
    "joiner": (
        f"Sáng 5/4, {LEADER} {{}} đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh Nghệ An làm việc"
        " với xã Tân Phú.",
        chairs("Lê Văn Tám", "Trần Văn Bình"),
        "gặp",
    ),
    "chair_gap": (
        f"{LEDE}Đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An {{}} chủ trì hội nghị.",
        chairs("Lê Văn Tám"),
        "không",
    ),
    "leader_head": (
        f"Sáng 5/4, {LEADER} làm việc với xã Tân Phú.\nÔng Trần Văn Bình, Chủ tịch UBND xã Tân Phú"
        " cho biết xã còn thiếu quỹ đất.\nĐồng chí {} đề nghị xã rà soát quỹ đất để làm trường học.",
        issued_by_the_leader,
        "ấy",
    ),
    "caption_verb": (
        f"{LEDE}Đề nghị xã sớm hoàn thành quy hoạch chung của xã trong năm nay.\nĐồng chí Lê Văn Tám,"
        " Phó Chủ tịch UBND tỉnh Nghệ An {} xã Tân Phú.",
        caption_names_no_speaker,
        "nguyên",
    ),
    "picture_verb": (
        "Đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An {} tại xã Tân Phú.",
        a_caption,
        "rời",
    ),
    "caption_ask": (
        "Đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An phát biểu, {} xã Tân Phú hoàn"
        " thành sớm.",
        no_caption,
        "chúc mừng",
    ),
    "vice": ("{} Bí thư Tỉnh ủy", a_leader_title, "nguyên"),
    "party_head": ("Phó {} Tỉnh ủy", a_leader_title, "Văn phòng"),
    "state_head": ("Phó {} UBND tỉnh", a_leader_title, "Chánh Văn phòng"),
    "standing": ("{} Tỉnh ủy đề nghị xã rà soát quỹ đất.", leads_as_a_leader, "Văn phòng"),
    "provincial_party": ("Phó Bí thư {}", a_leader_title, "Đảng ủy xã"),
    "people_body": ("Phó Chủ tịch {} tỉnh", a_leader_title, "Hội Nông dân"),
    "province_level": ("Phó Chủ tịch UBND {}", a_leader_title, "xã"),
    "delegation_head": (
        "{} cũng yêu cầu xã rà soát quỹ đất.",
        leads_as_a_leader,
        "Thành viên đoàn",
    ),
    "deputies": (
        "Trưởng đoàn {} tỉnh cũng yêu cầu xã rà soát quỹ đất.",
        lambda t: not leads_as_a_leader(t),
        "công tác",
    ),
    "standing_committee": (
        "{} Tỉnh ủy đề nghị xã rà soát quỹ đất.",
        leads_as_a_leader,
        "Văn phòng",
    ),
    "speech_word": ("Phó Chủ tịch UBND tỉnh Lê Văn Tám {} tại xã Tân Phú", tells_a_speech, "dự lễ"),
    "unit_level": ("Chủ tịch UBND {}", matches(_LEVEL_END), "tỉnh"),
    "group_of": ("{} đồng chí ", matches(_HONORIFIC_ONLY, whole=True), "hai"),
    "plain_honorific": ("các {} ", matches(_HONORIFIC_ONLY, whole=True), "anh"),
    "list_joiner": (" {} ", matches(_LIST_GAP, whole=True), "với"),
    "title_not_last": (
        TITLED.format("Phó Trưởng ban Ban Chỉ đạo {} vấn đề xã hội"),
        lambda t: titles_of_the_first(t) == ["Phó Trưởng ban Ban Chỉ đạo"],
        "tỉnh",
    ),
    "du_next": (
        "Sáng 5/4, đồng chí Lê Văn Tám, Ủy viên dự {} Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh"
        " ủy Nghệ An làm việc với xã Tân Phú.",
        lambda t: any(" dự " in title for title in titles_of_the_first(t)),
        "bị",
    ),
    "and_next": (
        TITLED.format("Trưởng ban Dân vận và {} đoàn thể"),
        lambda t: any(" và " in title for title in titles_of_the_first(t)),
        "nhiều",
    ),
    "founder_title": (
        "Sáng 5/4, đoàn công tác dâng hương tưởng niệm {} Hồ Chí Minh rồi làm việc với xã Tân Phú.",
        nobody,
        "Bí thư",
    ),
    "group_before": ("Sáng 5/4, {} ", matches(_GROUP_BEFORE), "hai"),
    "comrade": ("Sáng 5/4, các {} ", matches(_GROUP_BEFORE), "vị"),
    "chaired_under": (f"{LEDE}Hội nghị diễn ra {{}} {LEADER}.", chairs("Lê Văn Tám"), "cùng"),
    "chair_verb": (f"{LEDE}Đồng chí Lê Văn Tám {{}} hội nghị.", chairs("Lê Văn Tám"), "dự"),
    "heads_as": (f"{LEDE}Đoàn công tác do {LEADER} {{}}.", chairs("Lê Văn Tám"), "tham gia"),
    "leads": (f"{LEDE}Đoàn công tác do {LEADER} {{}}.", chairs("Lê Văn Tám"), "cử"),
    "concluding_speech": (
        f"{LEDE}Sau đó, {LEADER} {{}}, đề nghị xã rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "phát biểu chào mừng",
    ),
    "conclude": (
        f"{LEDE}{{}} buổi làm việc, {LEADER} đề nghị xã rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "Sau",
    ),
    "concluded_session": (
        f"{LEDE}Sau đó, {LEADER} kết luận {{}}, đề nghị xã rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "sớm",
    ),
    "at_meeting": (
        f"{LEDE}Sau đó, {LEADER} kết luận {{}} buổi kiểm tra, đề nghị xã rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "sau",
    ),
    "and_directs": (
        f"{LEDE}Sau đó, {LEADER} kết luận {{}} như sau: xã cần rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "ngắn gọn",
    ),
    "as_follows": (
        f"{LEDE}Sau đó, {LEADER} kết luận {{}}: xã cần rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "ngắn gọn",
    ),
    "directing_speech": (
        f"{LEDE}Sau đó, {LEADER} {{}}, đề nghị xã rà soát quỹ đất.",
        chairs("Lê Văn Tám"),
        "phát biểu chào mừng",
    ),
    "opinion_of": (NOTICE.format("{} kết luận của " + LEADER), directs_from_before, "nội dung"),
    "of_whom": (
        "Văn phòng UBND tỉnh thông báo kết luận {} " + LEADER + " tại buổi làm việc.",
        lambda t: _DIRECTS.search(fold(t)) is not None,
        "cho",
    ),
    "picture_lead": (
        "Đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An {} kiểm tra tại xã Tân Phú.",
        a_caption,
        "sẽ",
    ),
}

ROWS = lexicon.load(WORDS, KINDS)


(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, people_words)
