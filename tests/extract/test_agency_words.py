"""The words around the provincial bodies a report names are reviewed data
(``data/agency_words.tsv``).

Each row of each kind is put to work: the test writes a report with the entry in its kind's
slot and checks that the entry does what the kind says (the body takes part, as a holder's
office, as a speaker or in a list; a reference only; where a department's name ends); the
same report with a word that is not of the kind (``CONTROL``) must not do it, so each check
can fail.
"""

from __future__ import annotations

from collections.abc import Callable

from lexicon_contract import lexicon_contract

from chidao.extract import lexicon
from chidao.extract.agencies import (
    _BOARD_OWNER,
    _CITY_END,
    _HEARD,
    KINDS,
    WORDS,
    _city_forms,
    agency_words,
)
from chidao.extract.pipeline import process
from chidao.extract.spans import fold

LEDE = "Sáng 4/3, UBND tỉnh Nghệ An làm việc với xã Tân Kỳ.\n"


def agencies(text: str) -> list[tuple[str, str]]:
    """(the body as written, why it takes part) of each body the report names."""
    return [(a.text, a.rule.rsplit(":", 1)[-1]) for a in process(text).agencies]


def participants(text: str) -> bool:
    return agencies(text) == [("Sở Y tế", "participant"), ("Sở Tài chính", "participant")]


def by_its_office(text: str) -> bool:
    return agencies(text) == [("Sở Y tế", "office")]


def speaks(text: str) -> bool:
    return agencies(text) == [("Sở Y tế", "speaker")]


def only_referred_to(text: str) -> bool:
    return agencies(text) == []


def name_ends(text: str) -> bool:
    return [name for name, _ in agencies(text)] == ["Sở Quy hoạch"]


def three_departments(text: str) -> bool:
    return [name for name, _ in agencies(text)] == ["Tài chính", "Xây dựng", "Y tế"]


def the_boards_of(text: str) -> bool:
    return len(agencies(text)) == 3


def not_its_words(text: str) -> bool:
    """The body is given a task: it does not speak."""
    return agencies(text) == []


def heard(text: str) -> bool:
    """The words before a body: the session hears its report."""
    return _HEARD.search(fold(text)) is not None


def a_city_s_too(pattern: str) -> bool:
    """The lexicon's pattern of a provincial body also reads a centrally-run city's."""
    return _city_forms(pattern) != pattern


def of_a_city(name: str) -> bool:
    """A body's name that ends with a city's committee or level: a city's body."""
    return _CITY_END.search(fold(name)) is not None


LIST = LEDE + "Tham dự có các sở{}: Tài chính, Xây dựng và Y tế."
# kind -> (report with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "participation": (
        LEDE + "Tại buổi làm việc, {} Sở Y tế, Sở Tài chính.",
        participants,
        "nhắc đến",
    ),
    "office": (LEDE + "Trong năm, {} Sở Y tế đã nhiều lần về xã.", by_its_office, "cán bộ"),
    "speaks": (LEDE + "Sở Y tế {} về việc thiếu thuốc ở trạm y tế xã.", speaks, "lo"),
    "reported_by": (LEDE + "Theo {} Sở Y tế, số ca bệnh giảm.", speaks, "ý kiến của"),
    "reference": (LEDE + "Tham dự có đại biểu {} Sở Y tế.", only_referred_to, "thuộc"),
    "name_stop": (LEDE + "Tham dự có Sở Quy hoạch {} 12 đại biểu.", name_ends, "biển"),
    "list_head": (LEDE + "Tham dự có {} sở: Tài chính, Xây dựng và Y tế.", three_departments, "ba"),
    "presents": (
        LEDE + "Hội nghị cho ý kiến đề án do Sở Y tế {} về mạng lưới y tế.",
        speaks,
        "lập",
    ),
    "attend": (LEDE + "{} buổi làm việc có Sở Y tế, Sở Tài chính.", participants, "Sau"),
    "task_opening": (
        LEDE + "Sở Y tế {} giải trình về việc thiếu thuốc ở trạm y tế xã.",
        not_its_words,
        "đã",
    ),
    "task_modal": (
        LEDE + "Sở Y tế {} giải trình về việc thiếu thuốc ở trạm y tế xã.",
        not_its_words,
        "đã",
    ),
    "hear": ("hội nghị {} ", heard, "khen"),
    "heard_from": ("hội nghị nghe {} ", heard, "ý kiến của"),
    "province_committee": ("ban tổ chức {}", a_city_s_too, "huyện ủy"),
    "province_level": ("công an {}", a_city_s_too, "huyện"),
    "city_committee": ("Ban Tổ chức {}", of_a_city, "Huyện ủy"),
    "city_level": ("Công an {}", of_a_city, "huyện"),
    "department_word": (
        LEDE + "Tham dự có các {}: Tài chính, Xây dựng và Y tế.",
        three_departments,
        "đơn vị",
    ),
    "list_also": (LIST.format(", {}"), three_departments, "xã"),
    "list_scope": (LIST.format(" {}"), three_departments, "khác"),
    "list_and": (
        LEDE + "Tham dự có các sở: Tài chính, Xây dựng {} Y tế.",
        three_departments,
        "hoặc",
    ),
    # (as written: "Dân vận Tỉnh ủy", after the boards listed: "các ban: Tổ chức, Dân vận Tỉnh ủy")
    "board_owner": (" {}", lambda t: _BOARD_OWNER.match(t) is not None, "Huyện ủy"),
}

ROWS = lexicon.load(WORDS, KINDS)


(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, agency_words)


def test_a_name_stop_is_one_word():
    """The name of a department is read word by word: an entry of two words would never end it."""
    assert all(" " not in w for w in agency_words()["name_stop"])


def test_the_boards_listed_under_one_head_end_with_their_committee():
    assert the_boards_of(LEDE + "Tham dự có các ban: Tổ chức, Tuyên giáo, Dân vận Tỉnh ủy.")
    assert not the_boards_of(LEDE + "Tham dự có các ban: Tổ chức, Tuyên giáo, Dân vận Huyện ủy.")
