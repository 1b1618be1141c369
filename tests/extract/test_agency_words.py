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
from chidao.extract.agencies import KINDS, WORDS, agency_words
from chidao.extract.pipeline import process

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
