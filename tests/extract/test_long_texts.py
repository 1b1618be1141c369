"""Texts of every shape a paste or an upload can give: one endless sentence of genre words
(a pasted table, OCR text with no punctuation), one repeated character, one line of digits
and slashes.  Extraction works on bounded stretches whatever the shape (the time it takes
is measured by ``bench/extract.py``, not here)."""

from __future__ import annotations

from chidao.extract.pipeline import extract_text, process
from chidao.extract.segment import MAX_SENTENCE

# genre words with no sentence punctuation and no line break, as OCR gives them
WORDS = (
    "Sáng 14/5/2025 Chủ tịch UBND tỉnh Đinh Văn Khôi làm việc với xã Bình Hòa "
    "Chủ tịch UBND tỉnh Đinh Văn Khôi yêu cầu Sở Xây dựng khẩn trương rà soát quỹ đất "
    "tái định cư năm 2024 xã thu ngân sách đạt 38 tỷ đồng tăng 9% so với cùng kỳ "
)


def test_one_endless_sentence_of_genre_words_still_gives_the_leader_and_his_directive():
    text = WORDS * 60  # about 14,000 characters in one sentence-less line
    doc = process(text)
    assert all(len(s) <= MAX_SENTENCE for s in doc.sentences)
    record = extract_text(text)
    assert [p["name"] for p in record["people"]] == ["Đinh Văn Khôi"]
    assert record["directives"]
    assert all(d["issuer"] == "Đinh Văn Khôi" for d in record["directives"])
    assert all("Sở Xây dựng" in d["assignees"] for d in record["directives"])
    assert record["date"] == "2025-05-14"


def test_one_repeated_character_gives_an_empty_record():
    record = extract_text("ư" * 20_000)
    assert record["people"] == []
    assert record["directives"] == []
    assert record["indicators"] == []
    assert record["date"] is None


def test_one_line_of_digits_and_slashes_gives_no_figure_and_no_date():
    record = extract_text("/".join(str(n * 37 % 10_007) for n in range(1, 5000)))
    assert record["indicators"] == []
    assert record["date"] is None
    assert record["directives"] == []
