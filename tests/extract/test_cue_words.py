"""The words of formal notices, of answered petitions' topics and of a request after a
connector are reviewed data (``data/directive_cues.tsv``, the kinds below; the other kinds are
put to work in test_directives.py).

Each row is put to work in a line written for its kind, and the same line with a word that is
not of the kind (the control) must not do the kind's work, so each check can fail.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lexicon_contract import Example, lexicon_contract

from chidao.extract import lexicon
from chidao.extract.assignees import (
    _GROUP,
    _LEVEL_GROUP,
    _PARTICIPANTS,
    _SUPPORT_GROUP,
    _UNIT_OFFICE,
)
from chidao.extract.clauses import (
    _DETERMINER,
    _DETERMINER_LAST,
    _FIGURE,
    _GIVES,
    _HONORIFIC_GAP,
    _LOWER_VOICE,
    _MUST,
    _NEXT_INSTRUCTION,
    _RESULT,
    _STATE,
)
from chidao.extract.cues import CUES, KINDS, cue_lexicon, cue_patterns
from chidao.extract.directives import _ANSWERED_BODY, _ANSWERED_TOPIC, _NOTICE
from chidao.extract.pipeline import process
from chidao.extract.spans import fold

NEW_KINDS = (
    "notice_word",
    "notice_number",
    "notice_opinion",
    "notice_conclusion",
    "notice_of",
    "topic_about",
    "topic_det",
    "then_adverb",
    "list_and",
    "province_word",
    "group_det",
    "body_not_last",
    "plural_det",
    "related",
    "committee",
    "all_of",
    "together",
    "unit_body",
    "listed_level",
    "representatives",
    "figure_unit",
    "clause_result",
    "clause_state",
    "clause_must",
    "clause_determiner",
    "determiner_last",
    "honorific_gap",
    "lower_voice",
    "at_once",
    "give",
    "to",
)


def opens(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """The folded line opens with a match of ``pattern``."""
    return lambda text: pattern.match(fold(text)) is not None


def a_request_after_the_connector(text: str) -> bool:
    return cue_patterns().then_ask.search(fold(text)) is not None


def searched(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.search(fold(text)) is not None


ASKED = (
    "Sáng 5/4, đồng chí Trịnh Văn Phúc, Bí thư Tỉnh ủy Thanh Hóa làm việc với huyện Yên Định.\n"
    "Kết luận buổi làm việc, đồng chí Trịnh Văn Phúc đề nghị: {}"
)


def subjects(text: str) -> list[list[str]]:
    """The assignees of each directive of the concluding speech ``ASKED`` opens."""
    return [
        [a.text if hasattr(a, "text") else a for a in d.data["assignees"]]
        for d in process(ASKED.format(text)).directives
    ]


def the_units_with_their_body(text: str) -> bool:
    """The lower units as a group, with the body that heads them ("UBND các xã, thị trấn")."""
    found = subjects(text)
    return (
        len(found) == 1
        and found[0][0].endswith("các xã, thị trấn")
        and not found[0][0].startswith("các")
    )


def two_subjects(text: str) -> bool:
    return [len(x) for x in subjects(text)] == [2]


def a_group_of_actors(text: str) -> bool:
    return [[a.lower() for a in x] for x in subjects(text)] == [[fold(text.split(" đẩy")[0])]]


ANSWERED = "{} kiến nghị của huyện về vốn đầu tư công: giao Sở Tài chính xem xét."
# kind -> (line with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, Example] = {
    # a formal conclusion notice: its directives are the issuer's
    "notice_word": ("{} kết luận của Chủ tịch UBND tỉnh", opens(_NOTICE), "quyết định"),
    "notice_number": ("thông báo {} 12/TB-UBND kết luận", opens(_NOTICE), "về"),
    "notice_opinion": ("{} kết luận của Chủ tịch UBND tỉnh", opens(_NOTICE), "nội dung"),
    "notice_conclusion": ("thông báo {} của Chủ tịch UBND tỉnh", opens(_NOTICE), "mời họp"),
    "notice_of": ("kết luận {} Chủ tịch UBND tỉnh", opens(_NOTICE), "về"),
    # a petition's topic answered after the colon
    "topic_about": (ANSWERED, opens(_ANSWERED_TOPIC), "Theo"),
    "topic_det": (ANSWERED.format("Về {}"), opens(_ANSWERED_BODY), "ba"),
    "then_adverb": (
        "Đồng chí ghi nhận kết quả của huyện, đồng thời {} đề nghị huyện rà soát quỹ đất.",
        a_request_after_the_connector,
        "không",
    ),
    "list_and": ("UBND xã Định Tân {} xã Định Liên rà soát đất công.", two_subjects, "hoặc"),
    "province_word": ("đầu tư xây dựng {} ", opens(_UNIT_OFFICE), "vùng"),
    "group_det": (" {} hộ", opens(_GROUP), "hai"),
    "body_not_last": (
        "Sở Văn hóa {} rà soát đất công.",
        lambda t: subjects(t) == [["Sở Văn hóa"]],
        "Hà Nội",
    ),
    "plural_det": ("{} chủ đầu tư đẩy nhanh tiến độ giải ngân.", a_group_of_actors, "Mấy"),
    "related": ("các sở, ngành {}", opens(_SUPPORT_GROUP), "khác"),
    "committee": ("{} các xã, thị trấn rà soát đất công.", the_units_with_their_body, "Đoàn"),
    "all_of": ("ubnd {} xã, thị trấn", opens(_LEVEL_GROUP), "mọi"),
    "together": ("UBND xã Định Tân {} Công an huyện rà soát đất công.", two_subjects, "với"),
    "unit_body": ("UBND xã Định Tân và {} xã Định Liên rà soát đất công.", two_subjects, "bà con"),
    "listed_level": ("UBND xã Định Tân và {} Định Liên rà soát đất công.", two_subjects, "bản"),
    "representatives": ("Tham dự: {} các sở", searched(_PARTICIPANTS), "nhân viên"),
    "figure_unit": ("thu ngân sách đạt 12 {}", searched(_FIGURE), "lần"),
    "clause_result": ("thu ngân sách {} 12 tỷ đồng", searched(_RESULT), "dự kiến"),
    "clause_state": ("công tác cải cách hành chính {} tốt", searched(_STATE), "sẽ"),
    "clause_must": ("các xã {} rà soát quỹ đất", searched(_MUST), "sẽ"),
    "clause_determiner": ("{} xã", opens(_DETERMINER), "hai"),
    "determiner_last": ("Sở Tài chính giải quyết {} ", searched(_DETERMINER_LAST), "ngay"),
    "honorific_gap": (
        " {} Lê",
        lambda t: _HONORIFIC_GAP.match(fold(t)).end() == len(t) - 2,
        "anh",
    ),
    "lower_voice": ("nhiều {} ", searched(_LOWER_VOICE), "cán bộ tỉnh"),
    "at_once": (
        "; {} giao Sở Tài chính",
        lambda t: _NEXT_INSTRUCTION.match(fold(t)) is not None,
        "sau đó",
    ),
    "give": ("; {} Sở Tài chính", lambda t: _NEXT_INSTRUCTION.match(fold(t)) is not None, "với"),
    "to": ("chủ tịch ubnd tỉnh giao {} ", searched(_GIVES), "với"),
}

ROWS = [r for r in lexicon.load(CUES, KINDS) if r.kind in NEW_KINDS]

(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, NEW_KINDS, EXAMPLES, cue_lexicon)
