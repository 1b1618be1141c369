"""The words that make a unit one of the session's localities are reviewed data
(``data/place_words.tsv``).

Each row of each kind is put to work: the test writes a report with the entry in its kind's
slot and checks that the entry does what the kind says (the unit named after it is the
session's locality, or is not); the same report with a word that is not of the kind
(``CONTROL``) must not do it, so each check can fail.
"""

from __future__ import annotations

from collections.abc import Callable

from lexicon_contract import lexicon_contract

from chidao.extract import lexicon
from chidao.extract.pipeline import process
from chidao.extract.places import (
    _PROVINCE_KEY_LEVEL,
    _VISIT_ANYWHERE,
    KINDS,
    WORDS,
    _district_renamed,
    place_words,
)
from chidao.extract.spans import fold, strip_marks

LEDE = "Sáng 4/3, UBND tỉnh Nghệ An họp bàn kế hoạch năm.\n"
SPEAKER = "Ông Lê Văn Bình, {} xã Tân Kỳ, cho biết xã đã hoàn thành kế hoạch."


def rules(text: str) -> list[str]:
    return [span.rule for span in process(text).localities]


def in_the_lede(text: str) -> bool:
    return rules(text) == ["places:lede"]


def visited(text: str) -> bool:
    return rules(text) == ["places:visit"]


def not_visited(text: str) -> bool:
    return rules(text) == []


def by_its_office(text: str) -> bool:
    return rules(text) == ["places:office"]


def no_visit_cue(head: str) -> bool:
    """The words before a unit hold no cue of a visit (the session's own work follows one)."""
    return _VISIT_ANYWHERE.search(fold(head)) is None


def two_localities(text: str) -> bool:
    return len(rules(text)) == 2


def province(name: str) -> Callable[[str], bool]:
    return lambda text: process(text).province == name


def renamed_district(level_and_name: str) -> bool:
    """A district named at one district level is found at another ("huyện Thái Hòa" is the
    thị xã): the official list has only its last form."""
    level, name = level_and_name.split("|")
    return bool(_district_renamed(level, name, "Nghệ An", "legacy"))


def a_province_key(level: str) -> bool:
    """The package's converter writes the province's level before its key: it is taken off."""
    key = strip_marks(fold(level)).replace(" ", "") + "nghean"
    return _PROVINCE_KEY_LEVEL.sub("", key) == "nghean"


# kind -> (report with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "visit_cue": ("Sáng 4/3, đoàn công tác của tỉnh Nghệ An {} xã Tân Phú.", in_the_lede, "xây"),
    "visit_anywhere": (LEDE + "Tiếp đó, đoàn {} xã Tân Kỳ.", visited, "khen"),
    "asks": (LEDE + "Đoàn {} làm việc với xã Tân Kỳ.", not_visited, "đã"),
    "site": (LEDE + "Tiếp đó, đoàn đến thăm {} xã Tân Kỳ.", not_visited, "bà con"),
    "province_wide": (
        "Sáng 4/3, tỉnh Nghệ An tổ chức {} về chuyển đổi số.\n" + SPEAKER.format("Chủ tịch UBND"),
        not_visited,
        "buổi làm việc",
    ),
    "local_title": (LEDE + SPEAKER, by_its_office, "người dân"),
    "local_body": (LEDE + SPEAKER.format("Chủ tịch {}"), by_its_office, "hợp tác"),
    "not_before": (LEDE + "Tiếp đó, đoàn đến thăm {} xã Tân Kỳ.", not_visited, "bà con"),
    "report_time": (
        LEDE + "Theo báo cáo, {} xã Tân Kỳ đã hoàn thành 12 tiêu chí nông thôn mới.",
        lambda t: rules(t) == ["places:report"],
        "ông",
    ),
    "session_activity": ("đoàn đến thăm thôn 3 rồi {} ở ", no_visit_cue, "nghỉ"),
    "standing": (LEDE + SPEAKER.format("Phó Chủ tịch {} UBND"), by_its_office, "Thường xuyên"),
    "report_lead": (
        LEDE + "{} xã Tân Kỳ, năm nay xã đã hoàn thành 12 tiêu chí nông thôn mới.",
        lambda t: rules(t) == ["places:report"],
        "Theo ý kiến của",
    ),
    "people_committee": (
        LEDE + "Theo báo cáo của {} xã Tân Kỳ, năm nay xã đã hoàn thành 12 tiêu chí.",
        lambda t: rules(t) == ["places:report"],
        "Hội Nông dân",
    ),
    "list_and": (
        "Sáng 4/3, đoàn công tác của tỉnh Nghệ An làm việc với các xã Tân Kỳ {} Nghĩa Đồng.",
        two_localities,
        "hoặc",
    ),
    "province_cue": (
        "Sáng 4/3, hội nghị bàn về chuyển đổi số, có đại biểu Hà Tĩnh dự, tại {} Nghệ An.",
        province("Nghệ An"),
        "vùng",
    ),
    "domain_suffix": (
        "Nguồn: baonghean.{}.vn\nSáng 4/3, hội nghị bàn về chuyển đổi số.",
        province("Nghệ An"),
        "edu",
    ),
    "domain_prefix": (
        "Nguồn: {}nghean.vn\nSáng 4/3, hội nghị bàn về chuyển đổi số.",
        province("Nghệ An"),
        "tin",
    ),
    "district_level": ("{}|Thái Hòa", renamed_district, "xã"),
    "legacy_level": (
        "Đoàn công tác làm việc với {} Tân Kỳ.",
        lambda t: process(t).province is not None,
        "phường",
    ),
    "province_level": ("{}", a_province_key, "huyện"),
}

ROWS = lexicon.load(WORDS, KINDS)


(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, place_words)
