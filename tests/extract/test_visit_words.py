"""The words of site visits are reviewed data (``data/visit_words.tsv``).

Each row of each kind is put to work in a report sentence written for its kind, and the
same sentence with a word that is not of the kind (``CONTROL``) must not give the same
visits, so each check can fail.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chidao.extract import lexicon
from chidao.extract.pipeline import process
from chidao.extract.spans import fold
from chidao.extract.visits import _NOT_AFTER, KINDS, WORDS, visit_words

SITE = "dự án Khu dân cư Bắc Sơn"


def visits(text: str) -> list[str]:
    return [s.text for s in process(text).site_visits]


def a_visit(text: str) -> bool:
    return bool(visits(text))


def no_visit(text: str) -> bool:
    return visits(text) == []


def the_site(text: str) -> bool:
    """The site after the verb and the entry is found, whole."""
    return visits(text) == [SITE]


def ends_the_site(text: str) -> bool:
    """The site stops where the entry starts the next part of the sentence."""
    return visits(text) == [SITE]


def no_site_after_the_verb(after: str) -> bool:
    """What follows an inspection verb ("thăm ...") makes it no visit of a site."""
    return _NOT_AFTER.match(fold(after)) is not None


# kind -> (sentence with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "inspect": (f"Sáng 5/3, đoàn công tác {{}} {SITE}.", a_visit, "bàn về"),
    "site": ("Sáng 5/3, đoàn công tác đã kiểm tra {} Bắc Sơn.", a_visit, "văn bản"),
    "next_step": (f"Đoàn công tác kiểm tra {SITE} {{}} gặp gỡ nhân dân.", ends_the_site, "với"),
    "other_activity": (
        f"Đoàn công tác kiểm tra {SITE} và {{}} quà hộ nghèo.",
        ends_the_site,
        "xem",
    ),
    "time_word": (f"Đoàn công tác kiểm tra {SITE} trong {{}} này.", ends_the_site, "khu"),
    "next_clause": (
        f"Đoàn công tác kiểm tra {SITE}, {{}} tình hình thi công.",
        ends_the_site,
        "xem xét",
    ),
    "asked_before": (f"Chủ tịch UBND tỉnh {{}} đoàn công tác kiểm tra {SITE}.", no_visit, "cùng"),
    "delegation": (f"Sáng 5/3, {{}} kiểm tra {SITE}.", a_visit, "huyện"),
    "session_noun": (f"Sáng 5/3, đoàn công tác có {{}} kiểm tra {SITE}.", no_visit, "đến"),
    "determiner": (
        "Sáng 5/3, đoàn công tác đã kiểm tra {} công trình thủy lợi ở xã Tân Phú.",
        a_visit,
        "mười",
    ),
    "asked_in_sentence": (
        f"Sáng 5/3, Chủ tịch UBND tỉnh {{}} Sở Xây dựng chủ trì, phối hợp với xã Tân Phú khảo sát"
        f" {SITE}.",
        no_visit,
        "cùng",
    ),
    "list_open": (
        "Sáng 5/3, đoàn công tác đã kiểm tra thực tế một số công trình trên địa bàn xã, {}: dự án"
        " Khu dân cư Bắc Sơn; cầu Tân Mỹ.",
        lambda t: len(visits(t)) == 2,
        "sau",
    ),
    "site_tail": (
        "Sáng 5/3, Chủ tịch UBND tỉnh kiểm tra mô hình trồng lê Tai Nung {} hợp tác xã Hoa Lê."
        "\nChủ tịch UBND tỉnh kiểm tra mô hình trồng lê Tai Nung tại xã Tả Van Chư.",
        lambda t: len(visits(t)) == 1,
        "và",
    ),
    "asked_compound": (
        f"Sáng 5/3, Chủ tịch UBND tỉnh cùng lãnh đạo Sở Giao {{}} đã khảo sát {SITE}.",
        lambda t: not no_visit(t),
        "Sở",
    ),
    "site_list": (
        "Sáng 5/3, đoàn công tác đã kiểm tra thực tế {}: dự án Khu dân cư Bắc Sơn; cầu Tân Mỹ.",
        a_visit,
        "nhiều nơi",
    ),
    "matter": (
        "Sáng 5/3, đoàn công tác đã kiểm tra {} chuẩn bị tại dự án Khu dân cư Bắc Sơn.",
        a_visit,
        "nhiều",
    ),
    "area": (
        "Sáng 5/3, đoàn công tác đã kiểm tra một số dự án trọng điểm {} huyện Bắc Sơn.",
        no_visit,
        "của Công ty",
    ),
    "in_field": (f"Sáng 5/3, đoàn công tác kiểm tra {{}} {SITE}.", the_site, "lại"),
    "works_stage": (f"Sáng 5/3, đoàn công tác kiểm tra tiến độ {{}} {SITE}.", the_site, "chung"),
    "at": (f"Sáng 5/3, đoàn công tác kiểm tra {{}} {SITE}.", the_site, "gần"),
    "verb_lead": (
        f"Sáng 5/3, tại buổi {{}} kiểm tra {SITE}, đoàn công tác làm việc với xã.",
        no_visit,
        "cùng",
    ),
    "time_prep": (f"Đoàn công tác kiểm tra {SITE} {{}} tháng này.", ends_the_site, "của"),
    "condition": ("Sáng 5/3, đoàn công tác kiểm tra {} tuyến đường ven sông Lam.", a_visit, "xem"),
    "site_frame": (
        "Sáng 5/3, đoàn công tác kiểm tra cầu Tân Mỹ trên tuyến ĐH 620, sau đó kiểm tra tiến độ"
        " tại {} cầu Tân Mỹ.",
        lambda t: len(visits(t)) == 1,
        "khu phố",
    ),
    "situation": (f"Sáng 5/3, đoàn công tác kiểm tra {{}} {SITE}.", the_site, "lại"),
    "progress": (f"Sáng 5/3, đoàn công tác kiểm tra {{}} {SITE}.", the_site, "lại"),
    "work_of": (f"Sáng 5/3, đoàn công tác kiểm tra {{}} thi công {SITE}.", the_site, "đợt"),
    "and": (
        "Sáng 5/3, đoàn công tác đã kiểm tra dự án Khu dân cư Bắc Sơn {} cầu Tân Mỹ.",
        lambda t: len(visits(t)) == 2,
        "gần",
    ),
    "attend": (f"Đoàn công tác kiểm tra {SITE} và {{}} lễ khởi công.", ends_the_site, "xem"),
    "then": (
        f"Sáng 5/3, đoàn công tác kiểm tra {SITE} {{}} khảo sát cầu Tân Mỹ.",
        lambda t: visits(t) == [SITE, "cầu Tân Mỹ"],
        "gần",
    ),
    "go_to": (
        f"Sáng 5/3, đoàn công tác kiểm tra {SITE}, {{}} kiểm tra cầu Tân Mỹ.",
        lambda t: visits(t) == [SITE, "cầu Tân Mỹ"],
        "ngay",
    ),
    "not_after": ("{} với xã Tân Phú", no_site_after_the_verb, "lại"),
    "monitoring": (", {} việc thi công dự án", no_site_after_the_verb, "xem"),
    "not_after_comma": (", {} các hộ nghèo", no_site_after_the_verb, "xem"),
}

ROWS = lexicon.load(WORDS, KINDS)


def test_every_kind_has_rows_and_a_written_example():
    assert {r.kind for r in ROWS} == set(KINDS) == set(EXAMPLES)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.where)
def test_each_entry_does_its_kind_s_work(row):
    template, works, _ = EXAMPLES[row.kind]
    example = row.example or template.format(row.text)
    assert row.folded in fold(example)
    assert works(example), (example, visits(example))


@pytest.mark.parametrize("kind", KINDS)
def test_a_word_not_of_the_kind_does_not(kind):
    template, works, control = EXAMPLES[kind]
    assert control not in visit_words()[kind]
    assert not works(template.format(control)), template.format(control)
