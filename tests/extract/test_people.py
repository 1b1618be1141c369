"""People: names, their titles as written, the chairs, and every mention of them."""

from __future__ import annotations

import pytest
from extract_samples import COMMUNE_VISIT_2026, CONFERENCE_2023, DISTRICT_VISIT_2021

from chidao.extract import lexicon
from chidao.extract.names import FAMILIES, FAMILY_KINDS, family_names, short_families
from chidao.extract.people import find_people
from chidao.extract.pipeline import process
from chidao.extract.segment import segment
from chidao.extract.spans import Document
from chidao.extract.titles import (
    TITLE_KINDS,
    TITLES,
    canonical_title,
    is_local_title,
    title_lexicon,
)


def read(text: str) -> Document:
    doc = Document(text=text)
    segment(doc)
    find_people(doc)
    return doc


def roster(doc: Document) -> dict[str, list[str]]:
    return {p.name.text: [t.text for t in p.titles] for p in doc.people}


def chairs(doc: Document) -> list[str]:
    return [p.name.text for p in doc.people if p.is_chair]


def test_it_reads_titles_written_after_the_name_separated_by_commas():
    doc = read(COMMUNE_VISIT_2026)
    assert roster(doc)["Phan Minh Khôi"] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Phó Chủ tịch UBND tỉnh",
    ]
    assert roster(doc)["Lương Thị Hạnh"] == ["Giám đốc Sở Tài chính"]


def test_it_reads_a_list_of_people_separated_by_semicolons():
    doc = read(CONFERENCE_2023)
    r = roster(doc)
    assert r["Nguyễn Văn Lực"] == ["Phó Bí thư Thường trực Tỉnh ủy"]
    assert r["Lê Hồng Vân"] == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]


def test_it_reads_titles_written_before_the_name_with_the_place_they_name():
    doc = read(COMMUNE_VISIT_2026 + CONFERENCE_2023)
    r = roster(doc)
    assert r["Vi Văn Sơn"] == ["Chủ tịch UBND xã Tân Lập"]
    assert r["Lò Thị Mai"] == ["Bí thư Đảng ủy xã Tân Lập"]
    assert r["Hồ Minh Tâm"] == ["Bí thư Huyện ủy Quỳnh Lưu"]


def test_a_military_rank_is_a_title_of_its_own():
    doc = read(CONFERENCE_2023)
    assert roster(doc)["Trần Quốc Bảo"] == ["Đại tá", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"]


def test_a_province_name_between_title_and_name_stays_in_the_title():
    doc = read("Bí thư Tỉnh ủy Hà Tĩnh Hoàng Văn Lộc đề nghị các huyện tập trung chống hạn.")
    assert roster(doc) == {"Hoàng Văn Lộc": ["Bí thư Tỉnh ủy Hà Tĩnh"]}


def test_it_keeps_the_spelling_of_the_text():
    doc = read(
        "Đồng chí Mai Văn Tuấn, Phó Bí thư Thường trực Tỉnh uỷ, Trưởng Đoàn Đại biểu Quốc hội tỉnh Thanh Hoá dự hội nghị."
    )
    assert roster(doc) == {
        "Mai Văn Tuấn": [
            "Phó Bí thư Thường trực Tỉnh uỷ",
            "Trưởng Đoàn Đại biểu Quốc hội tỉnh Thanh Hoá",
        ]
    }


def test_it_keeps_a_long_body_name_with_its_acronym():
    doc = read(
        "Dự có đồng chí Ngô Thị Yến, Chủ tịch Hội đồng nhân dân (HĐND) tỉnh; lãnh đạo các sở."
    )
    assert roster(doc) == {"Ngô Thị Yến": ["Chủ tịch Hội đồng nhân dân (HĐND) tỉnh"]}


def test_a_department_name_with_a_comma_is_one_title():
    doc = read(
        "Dự có ông Đào Văn Khang, Giám đốc Sở Văn hóa, Thể thao và Du lịch; đại diện các ngành."
    )
    assert roster(doc) == {"Đào Văn Khang": ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"]}


def test_the_same_person_is_one_person_across_mentions_and_tone_placements():
    doc = read(
        "Sáng 2/6, đồng chí Lê Văn Thủy, Chủ tịch UBND tỉnh làm việc với huyện.\n"
        "Kết luận, Chủ tịch UBND tỉnh Lê Văn Thuỷ yêu cầu huyện sớm hoàn thành kế hoạch."
    )
    assert [p.name.text for p in doc.people] == ["Lê Văn Thủy"]
    assert [m.kind for m in doc.mentions] == ["name", "name"]


def test_it_takes_the_fullest_titles_a_person_is_given():
    doc = read(CONFERENCE_2023)
    assert roster(doc)["Hoàng Đức Thắng"] == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]


def test_a_capitalised_run_without_a_person_s_context_is_not_a_person():
    doc = read(
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n"
        "Đoàn thăm phường Lê Hồng Phong và trường Trần Đại Nghĩa.\n"
        "Đoàn làm việc với Chủ tịch Hồ Chí Minh trong ảnh tư liệu.\n"
        "Huyện Hà Tĩnh Mới được thành lập."
    )
    assert doc.people == []


def test_a_two_syllable_name_needs_an_honorific_and_a_title():
    doc = read("Tham dự có ông Tô Lâm, Bí thư Đảng ủy xã Yên Hòa. Tỉnh Hà Nam và Cao Bằng cùng dự.")
    assert roster(doc) == {"Tô Lâm": ["Bí thư Đảng ủy xã Yên Hòa"]}


# ---- mentions ----------------------------------------------------------------------------


def test_a_photo_caption_is_a_caption_mention():
    doc = read(CONFERENCE_2023)
    captions = [
        (m.span.text, doc.people[m.person].name.text) for m in doc.mentions if m.kind == "caption"
    ]
    assert captions == [
        ("Chủ tịch UBND tỉnh Lê Hồng Vân", "Lê Hồng Vân"),
        ("Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn Lực", "Nguyễn Văn Lực"),
    ]


def test_a_title_and_name_before_a_colon_is_a_colon_mention_ending_at_the_colon():
    doc = read(CONFERENCE_2023)
    colons = [
        (m.span.text, doc.people[m.person].name.text) for m in doc.mentions if m.kind == "colon"
    ]
    assert colons == [
        ("Bí thư Huyện ủy Quỳnh Lưu Hồ Minh Tâm", "Hồ Minh Tâm"),
        ("Đại tá Trần Quốc Bảo - Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Trần Quốc Bảo"),
    ]
    for m in doc.mentions:
        if m.kind == "colon":
            assert doc.text[m.span.end] == ":"


def test_a_title_alone_refers_to_the_one_person_holding_it():
    doc = read(DISTRICT_VISIT_2021)
    titles = [
        (m.span.text, doc.people[m.person].name.text) for m in doc.mentions if m.kind == "title"
    ]
    assert titles == [("Bí thư Tỉnh ủy", "Đinh Văn Hào"), ("Bí thư Tỉnh ủy", "Đinh Văn Hào")]


def test_a_title_held_by_two_people_or_by_a_group_refers_to_nobody():
    doc = read(
        "Dự có các đồng chí: Lê Văn Hải, Phó Chủ tịch UBND tỉnh; Trần Thị Hoa, Phó Chủ tịch UBND tỉnh.\n"
        "Đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở tập trung giải ngân.\n"
        "Các đồng chí Phó Chủ tịch UBND tỉnh cùng dự."
    )
    assert [m.kind for m in doc.mentions] == ["name", "name"]


def test_mentions_are_sorted_and_point_at_their_text():
    doc = read(COMMUNE_VISIT_2026)
    starts = [m.span.start for m in doc.mentions]
    assert starts == sorted(starts)
    for m in doc.mentions:
        assert doc.text[m.span.start : m.span.end] == m.span.text


# ---- chairs ------------------------------------------------------------------------------


def test_the_lede_s_leader_chairs_a_visit_and_attendees_do_not():
    doc = read(COMMUNE_VISIT_2026)
    assert chairs(doc) == ["Phan Minh Khôi"]
    assert [t.text for p in doc.people if p.is_chair for t in p.titles] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Phó Chủ tịch UBND tỉnh",
    ]


def test_leaders_named_before_chu_tri_all_chair():
    doc = read(DISTRICT_VISIT_2021)
    assert chairs(doc) == ["Đinh Văn Hào", "Trương Thị Lan"]


def test_duoi_su_chu_tri_cua_names_the_chair_of_a_conference():
    doc = read(CONFERENCE_2023)
    assert chairs(doc) == ["Hoàng Đức Thắng"]


def test_the_leader_who_concludes_a_conference_chairs_it():
    doc = read(
        "Chiều 31/7, Ban Thường vụ Tỉnh ủy Gia Lai tổ chức hội nghị cán bộ chủ chốt. Dự hội nghị có các đồng chí: "
        "Phạm Quốc Huy, Bí thư Tỉnh ủy; Đặng Thị Lan, Chủ tịch UBND tỉnh.\n"
        "Tại hội nghị, đồng chí Chủ tịch UBND tỉnh Đặng Thị Lan đã quán triệt các nhiệm vụ trọng tâm.\n"
        "Phát biểu kết luận hội nghị, đồng chí Bí thư Tỉnh ủy Phạm Quốc Huy khẳng định tình hình ổn định."
    )
    assert chairs(doc) == ["Phạm Quốc Huy"]


def test_a_lower_side_speaker_never_chairs():
    # beside a provincial leader, a district's chairman does not chair
    doc = read(
        "Chủ tịch UBND tỉnh Lê Minh Hải và Chủ tịch UBND huyện Kỳ Sơn Lữ Văn Tám chủ trì buổi"
        " làm việc với các xã."
    )
    assert chairs(doc) == ["Lê Minh Hải"]
    # a commune's chairman never does
    doc = read("Chủ tịch UBND xã Tam Hợp Lữ Văn Tám chủ trì buổi làm việc với các thôn.")
    assert roster(doc) == {"Lữ Văn Tám": ["Chủ tịch UBND xã Tam Hợp"]}
    assert chairs(doc) == []
    # with no provincial leader, a district's chairman chairs its communes' session
    doc = read("Chủ tịch UBND huyện Kỳ Sơn Lữ Văn Tám chủ trì buổi làm việc với các xã.")
    assert chairs(doc) == ["Lữ Văn Tám"]


def test_the_whole_pipeline_reports_the_chairs_and_people():
    doc = process(COMMUNE_VISIT_2026)
    assert [p.name.text for p in doc.people] == [
        "Phan Minh Khôi",
        "Lương Thị Hạnh",
        "Vi Văn Sơn",
        "Lò Thị Mai",
    ]


# ---- the lexicons --------------------------------------------------------------------------


def _entries(kind: str) -> list[tuple[str, str]]:
    rows = lexicon.load(TITLES, TITLE_KINDS)
    return [(r.text, r.example) for r in rows if r.kind == kind and r.example]


@pytest.mark.parametrize(("head", "example"), _entries("head"))
def test_each_title_head_starts_a_title(head, example):
    doc = read(f"Dự buổi làm việc có đồng chí Hồ Văn Tư, {example}; đại diện các sở.")
    assert roster(doc) == {"Hồ Văn Tư": [example]}
    assert example.startswith(head)


@pytest.mark.parametrize(("rank", "example"), _entries("rank"))
def test_each_rank_is_a_title_before_the_name(rank, example):
    doc = read(f"{rank} Hồ Văn Tư - Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh: Tình hình ổn định.")
    assert roster(doc) == {"Hồ Văn Tư": [rank, "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"]}


@pytest.mark.parametrize(("word", "example"), _entries("word"))
def test_each_title_word_continues_a_title(word, example):
    assert word in example.lower().replace("uỷ", "ủy")
    doc = read(f"Dự có đồng chí Hồ Văn Tư, {example} đã phát biểu.")
    assert roster(doc) == {"Hồ Văn Tư": [example]}


@pytest.mark.parametrize(("words", "example"), _entries("stop"))
def test_each_stop_pair_ends_a_title_before_a_verb(words, example):
    doc = read(f"Sáng 3/11, đồng chí Hồ Văn Tư, {example} nhiều nội dung.")
    assert roster(doc) == {"Hồ Văn Tư": ["Phó Chủ tịch UBND tỉnh"]}


def test_each_reference_covers_the_titles_around_the_name():
    doc = read(CONFERENCE_2023)
    refs = [r.text for r in doc.references]
    assert "Đại tá Trần Quốc Bảo - Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh" in refs
    assert "Hoàng Đức Thắng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy" in refs
    assert len(refs) == len([m for m in doc.mentions if m.kind == "name"])


@pytest.mark.parametrize(("word", "example"), _entries("local"))
def test_each_local_word_makes_a_title_one_of_the_lower_side(word, example):
    assert is_local_title(example)
    assert not is_local_title("Phó Chủ tịch UBND tỉnh")


@pytest.mark.parametrize(("word", "example"), _entries("district"))
def test_each_district_word_lets_a_district_s_leader_chair_a_commune_s_session(word, example):
    assert word in example.lower().replace("uỷ", "ủy")
    doc = read(
        f"Sáng 8/4, đồng chí Hồ Văn Tư, {example} làm việc với Đảng ủy xã Ia Tôr về nhiệm vụ quý"
        " II. Phát biểu kết luận, đồng chí Hồ Văn Tư đề nghị xã tập trung làm đường."
    )
    assert [p.name.text for p in doc.people if p.is_chair] == ["Hồ Văn Tư"]
    assert all(s.label.startswith("xã ") for s in doc.localities)  # not the chair's own unit
    # a commune's leader never chairs
    doc = read(
        "Sáng 8/4, đồng chí Hồ Văn Tư, Bí thư Đảng ủy xã Ia Tôr làm việc với các thôn về nhiệm"
        " vụ quý II."
    )
    assert not any(p.is_chair for p in doc.people)


@pytest.mark.parametrize("family", sorted(family_names()))
def test_each_family_name_starts_a_name(family):
    name = f"{family}Minh Tuấn" if family.endswith("'") else f"{family} Minh Tuấn"
    doc = read(f"Dự có đồng chí {name}, Phó Chủ tịch UBND tỉnh.")
    assert roster(doc) == {name: ["Phó Chủ tịch UBND tỉnh"]}


@pytest.mark.parametrize("family", sorted(short_families()))
def test_each_short_family_makes_a_two_syllable_name_next_to_a_title(family):
    name = f"{family}Blong" if family.endswith("'") else f"{family} Blong"
    doc = read(f"Chủ tịch UBND xã Ia Hrú {name}: Đề nghị tỉnh hỗ trợ vốn.")
    assert roster(doc) == {name: ["Chủ tịch UBND xã Ia Hrú"]}
    assert {m.kind for m in doc.mentions} == {"name", "colon"}


def test_a_two_syllable_kinh_name_still_needs_an_honorific():
    doc = read(
        "Chủ tịch UBND tỉnh Hà Tĩnh: Đề nghị các xã rà soát. Giám đốc Sở Cao Bằng phát biểu."
    )
    assert doc.people == []


def test_a_glued_name_of_the_highlands_is_one_syllable_name():
    doc = read(
        "Dự có đồng chí K'Điệp, Giám đốc Sở Nội vụ; ông K’Brơi, Phó Chủ tịch UBND huyện Lạc Dương; "
        "đồng chí H'Yim Kđoh, Phó Chủ tịch UBND tỉnh."
    )
    assert roster(doc) == {
        "K'Điệp": ["Giám đốc Sở Nội vụ"],
        "K’Brơi": ["Phó Chủ tịch UBND huyện Lạc Dương"],
        "H'Yim Kđoh": ["Phó Chủ tịch UBND tỉnh"],
    }


def test_highland_names_after_a_title_before_them_take_the_last_syllables():
    doc = read(
        "Bí thư Huyện ủy Chư Prông Rah Lan Hiền phát biểu. Chủ tịch UBND huyện Krông Pa Siu Đoan: "
        "Đề nghị tỉnh hỗ trợ. Đồng chí Y Khoa Niê Kdăm, Phó Chủ tịch UBND tỉnh dự."
    )
    assert roster(doc) == {
        "Rah Lan Hiền": ["Bí thư Huyện ủy Chư Prông"],
        "Siu Đoan": ["Chủ tịch UBND huyện Krông Pa"],
        "Y Khoa Niê Kdăm": ["Phó Chủ tịch UBND tỉnh"],
    }


def test_a_name_after_an_unnamed_unit_of_a_title_is_a_person():
    doc = read(
        "Chủ tịch UBND phường Lương Văn Tường: Đề nghị tỉnh hỗ trợ kinh phí.\n"
        "Chủ tịch UBND xã Đào Thị Huế đề nghị tỉnh bố trí vốn."
    )
    assert roster(doc) == {
        "Lương Văn Tường": ["Chủ tịch UBND phường"],
        "Đào Thị Huế": ["Chủ tịch UBND xã"],
    }


def test_a_unit_named_after_a_person_stays_a_unit_when_written_alone_elsewhere():
    doc = read(
        "Đoàn làm việc với phường Hoàng Văn Thụ.\n"
        "Bí thư Đảng ủy phường Hoàng Văn Thụ cho biết, phường còn thiếu đất."
    )
    assert doc.people == []


def test_the_lexicons_have_no_person_names_and_no_duplicates():
    lex = title_lexicon()
    assert len(set(lex.heads)) == len(lex.heads)
    keys = [(r.kind, r.text) for r in lexicon.load(TITLES, TITLE_KINDS)]
    assert len(keys) == len(set(keys))
    families = [r.text for r in lexicon.load(FAMILIES, FAMILY_KINDS)]
    assert len(families) == len(set(families))
    assert all(len(f.split()) == 1 for f in families)


def test_a_bad_lexicon_line_names_the_file(tmp_path, monkeypatch):
    (tmp_path / TITLES).write_text(
        "kind\ttext\texample\nchief\tGiám đốc\tGiám đốc Sở\n", encoding="utf-8"
    )
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    lexicon.load.cache_clear()
    title_lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"titles\.tsv:2"):
            title_lexicon()
    finally:
        lexicon.load.cache_clear()
        title_lexicon.cache_clear()


def test_canonical_titles_compare_long_and_short_body_names():
    assert canonical_title("Chủ tịch Ủy ban nhân dân (UBND) tỉnh") == canonical_title(
        "Chủ tịch UBND tỉnh"
    )
    assert canonical_title("Phó Bí thư Tỉnh uỷ") == canonical_title("Phó Bí thư Tỉnh ủy")


def test_chu_tri_hoi_nghi_co_cac_dong_chi_names_every_chair():
    doc = read(
        "Sáng 9/1, Tỉnh ủy Lào Cai tổ chức hội nghị tổng kết năm 2024. Chủ trì hội nghị có các đồng chí: "
        "Vũ Xuân Cường, Bí thư Tỉnh ủy; Trịnh Xuân Trường, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh."
    )
    assert chairs(doc) == ["Vũ Xuân Cường", "Trịnh Xuân Trường"]


def test_the_leader_of_a_working_delegation_chairs_it():
    doc = read(
        "Chiều 5/4, Đoàn công tác của Ban Thường vụ Tỉnh ủy do đồng chí Nông Văn Tâm, Phó Bí thư Tỉnh ủy "
        "làm trưởng đoàn đã làm việc với huyện Bảo Lâm."
    )
    assert chairs(doc) == ["Nông Văn Tâm"]


@pytest.mark.parametrize(
    "lede",
    [
        "Chiều 9-3, đồng chí Lê Văn Tám, Bí thư Tỉnh ủy cùng các đồng chí trong Ban Thường vụ Tỉnh ủy đã làm việc với huyện Mường Lát.",
        "Sáng 5/4, đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh dự hội nghị tổng kết ngành y tế và phát biểu chỉ đạo.",
        "Sáng 5/4, Phó Chủ tịch UBND tỉnh Lê Văn Tám kiểm tra tiến độ dự án đê biển tại xã Hải Hòa.",
    ],
)
def test_the_lede_s_leader_chairs_whatever_the_verb_of_the_visit(lede):
    assert chairs(read(lede)) == ["Lê Văn Tám"]


def test_the_next_names_of_a_list_of_people_need_no_title():
    doc = read(
        "Cùng dự có các đồng chí Lê Văn Hải, Trần Thị Hoa và Đỗ Minh Quân. Tham quan phố Lê Văn Lương."
    )
    assert list(roster(doc)) == ["Lê Văn Hải", "Trần Thị Hoa", "Đỗ Minh Quân"]


def test_the_one_who_concludes_is_the_one_next_to_the_verb():
    doc = read(
        "Sau khi nghe ý kiến của đồng chí Lê Văn Hải, Giám đốc Sở Tài chính, đồng chí Trần Quốc Toản, "
        "Bí thư Tỉnh ủy phát biểu kết luận hội nghị."
    )
    assert chairs(doc) == ["Trần Quốc Toản"]


def test_an_honorific_at_the_start_of_a_sentence_is_not_part_of_the_name():
    doc = read(
        "Ông Lý Văn Páo, Chủ tịch UBND xã Bắc Hà cho biết xã đã hoàn thành kế hoạch. Bà Hà Thị Mơ phát biểu."
    )
    assert roster(doc) == {"Lý Văn Páo": ["Chủ tịch UBND xã Bắc Hà"], "Hà Thị Mơ": []}


def test_several_titles_may_stand_before_the_name():
    doc = read(
        "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh Lê Ngọc Châu phát biểu.\n"
        "Dự có ông Hồ Văn Bình, Giám đốc Sở Tài chính, Phó Chủ tịch UBND tỉnh Trần Thị Hoa."
    )
    r = roster(doc)
    assert r["Lê Ngọc Châu"] == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"]
    assert r["Trần Thị Hoa"] == ["Phó Chủ tịch UBND tỉnh"]


def test_a_list_of_titled_names_before_a_verb_keeps_each_title_with_its_name():
    doc = read("Bí thư Tỉnh ủy Lê Văn An, Chủ tịch UBND tỉnh Hồ Thị Bình chủ trì buổi làm việc.")
    assert roster(doc) == {"Lê Văn An": ["Bí thư Tỉnh ủy"], "Hồ Thị Bình": ["Chủ tịch UBND tỉnh"]}


def test_without_any_cue_the_leader_the_lede_opens_with_chairs():
    assert chairs(
        read(
            "Sáng 5/4, đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh đã đến động viên bà con vùng lũ."
        )
    ) == ["Lê Văn Tám"]
    assert (
        chairs(
            read(
                "Sáng 5/4, Sở Y tế tổ chức hội nghị với sự tham dự của đồng chí Lê Văn Tám, Phó Chủ tịch UBND tỉnh."
            )
        )
        == []
    )


def test_a_title_before_the_colon_of_a_list_is_shared_by_its_people():
    doc = read(
        "Dự buổi lễ có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Lê Tiến Hào, Phó Chủ tịch Thường trực HĐND tỉnh; "
        "Mai Xuân Lâm, Phó Chủ tịch UBND tỉnh."
    )
    assert roster(doc) == {
        "Lê Tiến Hào": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực HĐND tỉnh"],
        "Mai Xuân Lâm": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"],
    }


def test_chu_tri_la_names_the_chair():
    doc = read(
        "Chủ trì buổi làm việc là đồng chí Lò Văn Mừng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh."
    )
    assert chairs(doc) == ["Lò Văn Mừng"]


def test_a_district_secretary_in_the_provincial_committee_is_not_a_provincial_leader():
    from chidao.extract.titles import is_leader

    doc = read(
        "Dự có đồng chí Lê Văn Tám, Tỉnh ủy viên, Bí thư Huyện ủy Mường Lát; Hồ Văn Bảy, Phó Chủ tịch UBND tỉnh."
    )
    assert [is_leader(p) for p in doc.people] == [False, True]


@pytest.mark.parametrize(("body", "example"), _entries("unitless"))
def test_a_title_naming_no_unit_is_of_the_unit_its_chain_names(body, example):
    """ "Phó Bí thư Đảng ủy, Chủ tịch UBND xã": the commune's chairman, not a provincial
    leader whose "đề nghị Sở ..." would be a directive (a request going up)."""
    from chidao.extract.titles import is_leader

    assert body.lower().replace("uỷ", "ủy") in example.lower().replace("uỷ", "ủy")
    doc = read(f"Dự có đồng chí Lê Văn Tám, {example}; Hồ Văn Bảy, Phó Chủ tịch UBND tỉnh.")
    assert roster(doc)["Lê Văn Tám"] == example.split(", ")
    assert [is_leader(p) for p in doc.people] == [False, True]
    # the same body named alone, with no title of the lower side, still leads
    first = example.split(", ")[0]
    doc = read(f"Dự có đồng chí Lê Văn Tám, {first}, Ủy viên Ban Thường vụ Tỉnh ủy.")
    assert [is_leader(p) for p in doc.people] == [
        first.startswith(("Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch"))
    ]


def test_a_name_after_a_body_ending_in_moi_truong_is_a_person_not_a_school():
    doc = read(
        "Phó Giám đốc Sở Tài nguyên và Môi trường Lê Thị Hoa cho biết, hồ sơ đang thẩm định."
    )
    assert roster(doc) == {"Lê Thị Hoa": ["Phó Giám đốc Sở Tài nguyên và Môi trường"]}


def test_a_two_syllable_name_in_a_list_of_people_with_titles_is_a_person():
    doc = read(
        "Cùng dự có các đồng chí: Lê Ánh Dương, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; "
        "Mai Tuấn, Phó Bí thư Thường trực Tỉnh ủy."
    )
    assert roster(doc) == {
        "Lê Ánh Dương": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
        "Mai Tuấn": ["Phó Bí thư Thường trực Tỉnh ủy"],
    }


def test_a_very_long_capitalised_line_is_read_whole():
    # (how long it takes is measured by bench/extract.py, not here)
    line = "Nguyễn Văn Bình Trần Thị Cúc Sở Tài Chính Phó Bí Thư " * 2400  # 130 000 characters
    doc = read("Sáng 5/6, đồng chí Lê Văn An, Bí thư Tỉnh ủy làm việc. " + line)
    assert doc.people[0].name.text == "Lê Văn An"
    assert [t.text for t in doc.people[0].titles] == ["Bí thư Tỉnh ủy"]


def test_two_leaders_who_dong_chu_tri_both_chair():
    doc = read(
        "Sáng 5/6, UBND tỉnh Nghệ An tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.\n"
        "Đồng chí Hà Văn Lâm, Bí thư Tỉnh ủy và đồng chí Trịnh Minh Tú, Chủ tịch UBND tỉnh "
        "đồng chủ trì hội nghị."
    )
    assert chairs(doc) == ["Hà Văn Lâm", "Trịnh Minh Tú"]
    assert roster(doc)["Trịnh Minh Tú"] == ["Chủ tịch UBND tỉnh"]


def test_a_name_after_a_body_ending_in_nong_thon_is_a_person_not_a_village():
    doc = read("Giám đốc Sở Nông nghiệp và Phát triển nông thôn Trương Văn Hải phát biểu.")
    assert roster(doc) == {"Trương Văn Hải": ["Giám đốc Sở Nông nghiệp và Phát triển nông thôn"]}


def test_a_highlands_name_of_five_syllables_is_whole():
    doc = read(
        "Sáng 15/10, đồng chí Y Khoa Hà Niê Kdăm, Phó Chủ tịch UBND tỉnh Đắk Lắk đã làm việc. "
        "Dự có đồng chí Ksor Phước Hòa, Phó Chủ tịch UBND tỉnh Gia Lai."
    )
    assert roster(doc) == {
        "Y Khoa Hà Niê Kdăm": ["Phó Chủ tịch UBND tỉnh Đắk Lắk"],
        "Ksor Phước Hòa": ["Phó Chủ tịch UBND tỉnh Gia Lai"],
    }


def test_a_place_named_after_a_titled_person_is_not_a_participant():
    doc = read(
        "Sáng 5/6, đồng chí Trần Minh Quân, Bí thư Tỉnh ủy đã dâng hương tại Khu di tích Đại "
        "tướng Võ Nguyên Giáp, Đền thờ Tổng Bí thư Trần Phú, Nhà lưu niệm Tổng Bí thư Lê Hồng Phong."
    )
    assert roster(doc) == {"Trần Minh Quân": ["Bí thư Tỉnh ủy"]}


def test_titles_in_brackets_after_the_name_are_its_titles():
    doc = read(
        "Ông Lê Văn Tám (Chủ tịch UBND xã Hữu Kiệm): Đề nghị tỉnh hỗ trợ kinh phí làm đường.\n"
        "Ông Lang Văn Bảy (Phó Chủ tịch UBND huyện, Trưởng Công an huyện) cho biết đã triển khai."
    )
    assert roster(doc) == {
        "Lê Văn Tám": ["Chủ tịch UBND xã Hữu Kiệm"],
        "Lang Văn Bảy": ["Phó Chủ tịch UBND huyện", "Trưởng Công an huyện"],
    }
    assert {m.kind for m in doc.mentions} == {"name", "colon"}


def test_a_title_in_apposition_before_ong_is_the_person_s():
    doc = read(
        "Chiều 3/3, Chủ tịch UBND tỉnh Sóc Trăng, ông Kim Văn Sang, đã kiểm tra công tác "
        "phòng, chống hạn mặn.\n"
        "Dự có ông Lê Văn Hai, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh, "
        "ông Đào Văn Ba, Giám đốc Sở Tài chính."
    )
    assert roster(doc) == {
        "Kim Văn Sang": ["Chủ tịch UBND tỉnh Sóc Trăng"],
        "Lê Văn Hai": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"],
        "Đào Văn Ba": ["Giám đốc Sở Tài chính"],
    }
    assert chairs(doc) == ["Kim Văn Sang"]


@pytest.mark.parametrize(("city", "example"), _entries("city"))
def test_each_centrally_run_city_s_leaders_are_not_of_the_lower_side(city, example):
    assert not is_local_title(example)
    assert not is_local_title(f"Chủ tịch UBND thành phố {city}")


def test_the_leaders_of_a_city_of_a_province_are_of_the_lower_side():
    assert is_local_title("Bí thư Thành ủy Vinh")
    assert is_local_title("Chủ tịch UBND thành phố Thanh Hóa")
    assert is_local_title("Chủ tịch UBND TP. Hà Tĩnh")
    assert not is_local_title("Bí thư Thành ủy")


# ---- the lede's leader named after the title -----------------------------------------------


def chair_titles(doc: Document) -> dict[str, list[str]]:
    return {p.name.text: [t.text for t in p.titles] for p in doc.people if p.is_chair}


@pytest.mark.parametrize(
    ("lede", "chair"),
    [
        (
            "QNgO - Chiều 2.10, Phó Chủ tịch UBND tỉnh Đoàn Văn Khải đã đi kiểm tra công tác "
            "ứng phó mưa lũ tại huyện Mộ Đức.",
            {"Đoàn Văn Khải": ["Phó Chủ tịch UBND tỉnh"]},
        ),
        (
            "(Báo Yên Bái) - Chiều 3/4, Bí thư Tỉnh ủy Hoàng Minh Đức làm việc với Ban Thường vụ "
            "Huyện ủy Văn Chấn.",
            {"Hoàng Minh Đức": ["Bí thư Tỉnh ủy"]},
        ),
        (
            "Cà Mau - Ngày 5/9, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh Lâm Hữu Tài "
            "cùng đoàn công tác kiểm tra dự án đê biển Tây.",
            {"Lâm Hữu Tài": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Chủ tịch UBND tỉnh"]},
        ),
        (
            "Ngày 25 tháng 11 năm 2025, Phó Chủ tịch UBND tỉnh Cầm Văn Thái dẫn đầu đoàn công tác "
            "của tỉnh kiểm tra sản xuất vụ đông tại xã Mường Bú.",
            {"Cầm Văn Thái": ["Phó Chủ tịch UBND tỉnh"]},
        ),
        (
            "Trong 2 ngày 12 và 13/6, Bí thư Tỉnh ủy Hoàng Minh Đức kiểm tra sản xuất tại huyện "
            "Lục Yên.",
            {"Hoàng Minh Đức": ["Bí thư Tỉnh ủy"]},
        ),
        (
            "Vừa qua, Phó Chủ tịch UBND tỉnh Đoàn Văn Khải đã đi kiểm tra công tác phòng, chống "
            "hạn tại huyện Ba Tơ.",
            {"Đoàn Văn Khải": ["Phó Chủ tịch UBND tỉnh"]},
        ),
        (
            "BẮC KẠN - Sáng nay (12/6), Phó Bí thư Thường trực Tỉnh ủy Nông Thị Huyền chủ trì "
            "hội nghị sơ kết công tác dân vận 6 tháng đầu năm.",
            {"Nông Thị Huyền": ["Phó Bí thư Thường trực Tỉnh ủy"]},
        ),
    ],
)
def test_it_makes_the_leader_named_after_the_title_in_the_lede_the_chair(lede, chair):
    doc = read(lede + "\nÔng Lò Văn Piêng, Chủ tịch UBND xã báo cáo kết quả thực hiện nhiệm vụ.")
    assert chair_titles(doc) == chair


def test_the_lede_s_leader_named_after_the_title_issues_the_conclusion_s_directives():
    doc = process(
        "Chủ tịch UBND tỉnh kiểm tra phòng, chống sạt lở tại Trà Bồng\n"
        "QNgO - Sáng 14/10, Chủ tịch UBND tỉnh Đặng Minh Quang dẫn đầu đoàn công tác kiểm tra "
        "công tác phòng, chống sạt lở tại huyện Trà Bồng.\n"
        "Theo ông Hồ Văn Lượm, Chủ tịch UBND huyện Trà Bồng, năm 2024 huyện đã di dời 120 hộ dân.\n"
        "Chủ tịch UBND tỉnh yêu cầu huyện Trà Bồng rà soát các điểm có nguy cơ sạt lở, "
        "hoàn thành di dời dân trước ngày 30/11/2024."
    )
    assert chair_titles(doc) == {"Đặng Minh Quang": ["Chủ tịch UBND tỉnh"]}
    assert [d.data["issuer"] for d in doc.directives] == ["Đặng Minh Quang"]


@pytest.mark.parametrize(
    "body",
    [
        "Ngày 20 tháng 3 năm 2024, đồng chí Quàng Văn Minh, Phó Chủ tịch UBND tỉnh đã kiểm tra "
        "tiến độ dự án hồ chứa nước bản Mòng.\n"
        "Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh kết luận như sau:",
        "Tham dự có đồng chí Lường Văn Pấng, Giám đốc Sở Xây dựng.\n"
        "Sau khi kiểm tra hiện trường và nghe ý kiến các sở, đồng chí Quàng Văn Minh, "
        "Phó Chủ tịch UBND tỉnh kết luận như sau:",
    ],
)
def test_a_notice_s_leader_who_concludes_as_follows_chairs_it(body):
    doc = read("THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh tại buổi kiểm tra dự án\n" + body)
    assert chair_titles(doc) == {"Quàng Văn Minh": ["Phó Chủ tịch UBND tỉnh"]}


def test_two_leaders_named_after_their_titles_keep_each_their_own_title():
    doc = read(
        "Sáng 12/6, Chủ tịch UBND tỉnh Lâm Hữu Tài và Phó Chủ tịch UBND tỉnh Tạ Minh Sơn đã "
        "kiểm tra dự án đê biển Tây."
    )
    assert chair_titles(doc) == {
        "Lâm Hữu Tài": ["Chủ tịch UBND tỉnh"],
        "Tạ Minh Sơn": ["Phó Chủ tịch UBND tỉnh"],
    }


def test_the_author_of_a_notice_s_conclusions_chairs_when_no_one_else_does():
    # issue 6 (held-out round 7, Bến Tre): the chair named only as the notice's author
    doc = read(
        "Văn phòng UBND tỉnh vừa ban hành Thông báo số 92/TB-UBND truyền đạt kết luận của Phó "
        "Chủ tịch UBND tỉnh Lâm Quốc Hưng tại buổi làm việc với UBND huyện Chợ Lách ngày 3/4. "
        "Thông báo do Phó Chánh Văn phòng UBND tỉnh Võ Thị Diệu ký.\n"
        "Theo Thông báo, Phó Chủ tịch UBND tỉnh yêu cầu huyện đẩy nhanh tiến độ nạo vét kênh.\n"
    )
    assert chairs(doc) == ["Lâm Quốc Hưng"]


def test_a_director_named_after_an_abbreviated_department_and_a_khmer_name_are_people():
    # issue 6 (held-out round 9, Thái Bình, Quảng Bình, An Giang; the round-5 miss)
    doc = read(
        "Sáng 9/5/2019, đồng chí Trương Quốc Hưng, Phó Chủ tịch UBND tỉnh làm việc với huyện Trà Cú.\n"
        "Giám đốc Sở NN&PTNT Mạc Văn Hiển cho biết, Sở đã trình Bộ.\n"
        "Phó Giám đốc Sở LĐ-TB&XH Tô Thị Lan cho biết, Sở sẽ phối hợp.\n"
        "Chủ tịch UBND huyện Trà Cú Chau Thanh Sơn đề xuất tỉnh hỗ trợ kinh phí.\n"
    )
    people = roster(doc)
    assert people["Mạc Văn Hiển"] == ["Giám đốc Sở NN&PTNT"]
    assert people["Tô Thị Lan"] == ["Phó Giám đốc Sở LĐ-TB&XH"]
    assert people["Chau Thanh Sơn"] == ["Chủ tịch UBND huyện Trà Cú"]


def test_a_city_s_leader_named_after_the_city_word_is_a_person_and_gives_directives():
    # held-out round 21 (Cần Thơ, 2026): "Phó Chủ tịch UBND thành phố Lâm Quốc Thịnh" is a
    # centrally-run city's leader and a name, not a city called "Lâm Quốc Thịnh"
    doc = process(
        "Chiều 9/4, đồng chí Lâm Quốc Thịnh, Phó Chủ tịch UBND thành phố Cần Thơ làm việc với "
        "phường Tân An.\nPhát biểu kết luận, Phó Chủ tịch UBND thành phố Lâm Quốc Thịnh yêu cầu "
        "phường Tân An khẩn trương hoàn thành giải phóng mặt bằng trước ngày 30/6/2026.\n"
    )
    assert [p.name.text for p in doc.people] == ["Lâm Quốc Thịnh"]
    assert [s.label for s in doc.localities] == ["phường Tân An"]
    assert [d.data["issuer"] for d in doc.directives] == ["Lâm Quốc Thịnh"]


def test_a_village_head_of_the_highlands_is_titled_before_and_after_the_name():
    # "buôn", "bon", "plei", "làng", "sóc": the villages of the Ê Đê, Mnông, Jrai, Ba Na, Khmer
    doc = read(
        "Trưởng buôn Ea Sim Y Blin Êban đề nghị tỉnh hỗ trợ đất sản xuất. Ông Điểu Thị Ring, "
        "Trưởng bon Bu Dăr cho biết, bon còn thiếu nước. Trưởng sóc Ba Rinh Danh Phol phát biểu."
    )
    assert roster(doc) == {
        "Y Blin Êban": ["Trưởng buôn Ea Sim"],
        "Điểu Thị Ring": ["Trưởng bon Bu Dăr"],
        "Danh Phol": ["Trưởng sóc Ba Rinh"],
    }
    assert is_local_title("Trưởng plei Ia Kră") and is_local_title("Trưởng buôn Ea Sim")


def test_a_glued_highland_name_after_a_unit_opening_with_a_family_is_the_name_alone():
    # "Lạc", "Lâm" are families; "Lạc Dương", "Lâm Hà" districts of the reference data
    doc = read(
        "Bí thư Huyện ủy Lạc Dương K'Mák phát biểu. Chủ tịch UBND huyện Lâm Hà K'Sáu: Đề nghị "
        "tỉnh hỗ trợ. Dự có đồng chí Liêng Jrang K'Hòa, Phó Chủ tịch UBND tỉnh."
    )
    assert roster(doc) == {
        "K'Mák": ["Bí thư Huyện ủy Lạc Dương"],
        "K'Sáu": ["Chủ tịch UBND huyện Lâm Hà"],
        "Liêng Jrang K'Hòa": ["Phó Chủ tịch UBND tỉnh"],
    }


@pytest.mark.parametrize(("head", "example"), _entries("central") + _entries("ministry"))
def test_a_title_of_the_centre_is_above_the_province(head, example):
    """ "Phó Thủ tướng Chính phủ", "Bộ trưởng Bộ Tài chính": the centre's people, above the
    province's own leaders (whose requests to the centre are petitions)."""
    from chidao.extract.titles import is_central

    assert example.startswith(head)
    doc = read(f"Dự có đồng chí Lê Văn Tám, {example}; Hồ Văn Bảy, Phó Chủ tịch UBND tỉnh.")
    assert [is_central(p) for p in doc.people] == [True, False]


@pytest.mark.parametrize(("head", "example"), _entries("ministry"))
def test_a_minister_beside_another_chair_answers_and_leads_when_chairing(head, example):
    """A minister who accompanies a Deputy Prime Minister answers the province as a
    department's head does (no directives); chairing the session, he leads it."""
    from chidao.extract.titles import is_leader

    doc = process(
        "Chiều 5/3, Phó Thủ tướng Chính phủ Lê Văn Ba làm việc với tỉnh Bến Tre.\n"
        f"Dự có đồng chí Hồ Văn Bảy, {example}."
    )
    assert {p.name.text: is_leader(p) for p in doc.people} == {
        "Lê Văn Ba": True,
        "Hồ Văn Bảy": False,
    }
    doc = process(f"Chiều 5/3, {example} Hồ Văn Bảy làm việc với tỉnh Bến Tre.")
    assert {p.name.text: is_leader(p) for p in doc.people} == {"Hồ Văn Bảy": True}


def test_the_name_under_a_notice_s_signature_is_a_person():
    # issue 6 (held-out round 47: Khánh Hòa and Lâm Đồng notices; Nghệ An's too)
    notice = (
        "Ngày 17/5/2024, đồng chí Hồ Văn Tư, Chủ tịch UBND tỉnh đã chủ trì buổi làm việc với "
        "UBND huyện Khánh Sơn.\nVăn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n"
        "PHÓ CHÁNH VĂN PHÒNG\n{}\n"
    )
    assert roster(read(notice.format("Nguyễn Hữu Tài"))) == {
        "Hồ Văn Tư": ["Chủ tịch UBND tỉnh"],
        "Nguyễn Hữu Tài": [],
    }
    # a line that is no name (no family first) signs nothing
    assert "Văn phòng Tỉnh" not in roster(read(notice.format("Văn phòng Tỉnh")))
