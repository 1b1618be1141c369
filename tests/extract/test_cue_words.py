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
from chidao.extract.cues import CUES, KINDS, cue_lexicon, cue_patterns
from chidao.extract.directives import _ANSWERED_BODY, _ANSWERED_TOPIC, _NOTICE
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
)


def opens(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """The folded line opens with a match of ``pattern``."""
    return lambda text: pattern.match(fold(text)) is not None


def a_request_after_the_connector(text: str) -> bool:
    return cue_patterns().then_ask.search(fold(text)) is not None


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
}

ROWS = [r for r in lexicon.load(CUES, KINDS) if r.kind in NEW_KINDS]

(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, NEW_KINDS, EXAMPLES, cue_lexicon)
