"""The words of difficulties and petitions are reviewed data (``data/opinion_words.tsv``).

Each row of each kind is put to work: the test writes a sentence of the genre with the
entry in its kind's slot and checks that the entry does what the kind says (a
difficulty stated, a petition asked, a noun that is not a request, ...); the same
sentence with a word that is not of the kind (``CONTROL``) must not do it, so each
check can fail.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lexicon_contract import lexicon_contract

from chidao.extract import lexicon
from chidao.extract.opinions import (
    ANY_CUE,
    KINDS,
    WORDS,
    is_difficulty,
    opinion_words,
    petition_kind,
)
from chidao.extract.pipeline import process
from chidao.extract.spans import fold


def difficulty(sentence: str) -> bool:
    return is_difficulty(fold(sentence))


def not_difficulty(sentence: str) -> bool:
    return not is_difficulty(fold(sentence))


def petition(sentence: str) -> bool:
    return petition_kind(fold(sentence)) is not None


def asks_upward(sentence: str) -> bool:
    return petition_kind(fold(sentence)) == "ask-upper"


def not_petition(sentence: str) -> bool:
    return petition_kind(fold(sentence)) is None


def announced(text: str) -> bool:
    """The sentence after a lead that announces difficulties is one."""
    doc = process(text)
    return [i.span.rule for i in doc.difficulties] == ["opinions:announced"]


def listed_difficulties(text: str) -> bool:
    doc = process(text)
    return [i.span.rule for i in doc.difficulties] == ["opinions:list", "opinions:list"]


def listed_petitions(text: str) -> bool:
    doc = process(text)
    return [i.span.rule for i in doc.petitions] == ["opinions:list", "opinions:list"]


def lead_in_left_out(text: str) -> bool:
    doc = process(text)
    return [i.span.text for i in doc.difficulties] == [
        "nguồn thu ngân sách của xã còn thấp so với dự toán năm nay."
    ]


def answered(text: str) -> bool:
    """A department's answer: no petition although it holds "đề nghị tỉnh"."""
    return process(text).petitions == []


def passes_first_filter(sentence: str) -> bool:
    """The sentence holds a word without which it is neither a difficulty nor a petition."""
    return ANY_CUE.search(fold(sentence)) is not None


def asked_by_lower_side(text: str) -> bool:
    """The request is a petition (not the words of a provincial leader)."""
    return [i.span.rule for i in process(text).petitions] == ["opinions:ask-upper"]


def asked_by_upper_side(text: str) -> bool:
    """The request is the chairing side's (not a petition)."""
    return process(text).petitions == []


def only_the_lower_side_asks(text: str) -> bool:
    """The commune's request before the concluding speech is a petition; the chair's in the
    concluding speech is not."""
    return [i.span.text[:3] for i in process(text).petitions] == ["Xã "]


def answered_item(text: str) -> bool:
    """A listed petition and its answer after the colon: the petition stops at the colon."""
    found = process(text).petitions
    return [i.span.rule for i in found] == ["opinions:answered"] and ":" not in found[0].span.text


def many_opinions(sentence: str) -> bool:
    """The sentence gives the opinions of a meeting ("Nhiều ý kiến đề nghị ...")."""
    return petition_kind(fold(sentence)) == "many-opinions"


def result_clause_left_out(text: str) -> bool:
    """Of a difficulty sentence, the clause that reports a result is left out."""
    return [i.span.text for i in process(text).difficulties] == [
        "giải ngân vốn đầu tư công mới đạt 46% kế hoạch."
    ]


def asked_of_centre(text: str) -> bool:
    """The province's leader asks the centre: a petition made by that leader, no directive."""
    doc = process(text)
    return [i.data.get("by") for i in doc.petitions] == ["Hồ Văn Tư"] and doc.directives == []


CENTRAL_SESSION = "Sáng 5/3, Phó Thủ tướng Lê Văn Ba làm việc với tỉnh.\n"

# kind -> (sentence with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "still_what": ("Năm nay, công tác quản lý đất đai ở xã vẫn còn {}.", difficulty, "tốt"),
    "dragging": ("{} ở xã Tân Phú kéo dài nhiều năm.", difficulty, "việc"),
    "turn_of_events": ("Thời tiết trong tháng diễn biến {}.", difficulty, "đều đặn"),
    "latent": ("Vùng ven biển tiềm ẩn {}.", difficulty, "giá trị"),
    "not_yet": ("Kết quả chuyển đổi số của xã chưa {} kỳ vọng.", difficulty, "xong"),
    "risk": ("Tình hình {}.", difficulty, "tốt"),
    "lacking": ("Xã Tân Phú thiếu {} để triển khai dự án.", difficulty, "gì"),
    "facing": ("Doanh nghiệp trên địa bàn {} khó khăn.", difficulty, "vượt qua"),
    "hardship": ("Doanh nghiệp trên địa bàn đang gặp {}.", difficulty, "thuận lợi"),
    "problem_is": ("{} là việc thu hồi đất ở xã.", difficulty, "thuận lợi"),
    "progress": ("Nhìn chung, {} của dự án rất chậm.", difficulty, "chất lượng"),
    "severe_effect": ("Mưa bão ảnh hưởng {} tới sản xuất.", difficulty, "ít"),
    "converted": (
        "Năm nay, xã đã {} được 12 ha vườn tạp kém hiệu quả.",
        not_difficulty,
        "bỏ hoang",
    ),
    "bad_count": ("Năm nay, {} cháy rừng giảm mạnh so với năm trước.", not_difficulty, "sản lượng"),
    "blocked_by": ("Dự án cầu Tân Mỹ vướng {} của 9 hộ dân.", difficulty, "xe"),
    "sharp_fall": ("Sản lượng cá {} mạnh so với năm trước.", difficulty, "tăng"),
    "decline": ("Tuyến đường liên xã {} sau mùa mưa.", difficulty, "được nâng cấp"),
    "landslide_before": ("Bờ sông Lam {} sạt lở.", difficulty, "không"),
    "landslide_after": ("Bờ sông Lam sạt lở {} nhà dân.", difficulty, "gần"),
    "below": ("Thu ngân sách thấp hơn {} năm.", difficulty, "mọi"),
    "slow_in": ("Dự án chậm {} so với kế hoạch.", difficulty, "lại"),
    "scarce": ("Nguồn nước sinh hoạt {} vào mùa khô.", difficulty, "dồi dào"),
    "forced": ("Một số công trình của xã phải {} do thiếu vốn.", difficulty, "hoàn thành"),
    "low_what": ("Nhìn chung, {} của hợp tác xã thấp.", difficulty, "giá thành"),
    "high_what": ("Nhìn chung, tỷ lệ {} của xã vẫn ở mức cao.", difficulty, "thu nhập"),
    "good_measure": ("Năm nay, {} của huyện giảm so với cùng kỳ.", difficulty, "số vụ tai nạn"),
    "result_between": ("Doanh thu du lịch {} nhanh giảm so với cùng kỳ.", not_difficulty, "cũng"),
    "not_fall": ("Doanh thu du lịch giảm {} so với cùng kỳ.", not_difficulty, "mạnh"),
    "own_plan": (
        "Huyện đề xuất các {} để tăng thu ngân sách năm nay.",
        not_petition,
        "cơ chế hỗ trợ",
    ),
    "granted": (
        "Năm trước, huyện đã kiến nghị tỉnh đầu tư tuyến đường và đã {}.",
        not_petition,
        "chờ lâu",
    ),
    "harm": ("Trên địa bàn huyện, {} có xu hướng gia tăng.", difficulty, "dân số"),
    "still_bare": ("Năm nay, sản xuất nông nghiệp của xã {} manh mún.", difficulty, "không"),
    "kept_good": ("Năm nay, tăng trưởng kinh tế của xã vẫn {}.", not_difficulty, "thấp"),
    "worsening": ("Năm nay, hạn mặn đầu mùa {} gay gắt ở các xã ven biển.", difficulty, "bớt"),
    "hazard": ("Năm nay, {} đầu mùa khiến 300 ha lúa chết.", difficulty, "nông dân"),
    "causing": ("Việc thi công gây {} cho người dân.", difficulty, "niềm vui"),
    "damage": ("Đợt mưa làm {} nhiều tuyến đường.", difficulty, "sạch"),
    "damage_caused": ("Đợt gió gây {} lớn.", difficulty, "chú ý"),
    "damage_suffered": ("Nhiều nhà dân bị {} trong đợt lũ.", difficulty, "nhắc nhở"),
    "damage_extent": ("Thiệt hại {} 20 tỷ đồng.", difficulty, "là"),
    "shortage": ("Nguồn lao động thiếu {} vào mùa vụ.", difficulty, "đi"),
    "outbreak": ("Dịch tả lợn châu Phi đã {} tại 3 xã.", difficulty, "được khống chế"),
    "difficulty_named": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nXã còn gặp một số {}. Giá phân bón tăng cao.",
        announced,
        "thuận lợi",
    ),
    "difficulty_heading": (
        "Những {} của xã:\n- Giá phân bón tăng cao.\n- Vốn đối ứng đến muộn.",
        listed_difficulties,
        "kết quả",
    ),
    "however": ("{}, đội ngũ cán bộ xã yếu về chuyên môn.", difficulty, "Ngoài ra"),
    "negative": ("Tuy nhiên, đội ngũ cán bộ xã {} về chuyên môn.", difficulty, "giỏi"),
    "turn": ("Mặc dù thời tiết thuận lợi {} sản xuất còn nhiều khó khăn.", difficulty, "và"),
    "remedy": ("Xã đã {} những điểm sạt lở nghiêm trọng.", not_difficulty, "phát hiện"),
    "remedy_named": ("Kinh phí {} còn hạn chế.", difficulty, "chấn chỉnh"),
    "say_that": (
        "Lãnh đạo xã Tân Phú {}, nguồn thu ngân sách của xã còn thấp so với dự toán năm nay.",
        lead_in_left_out,
        "thấy",
    ),
    "upper": ("Xã đề nghị {} hỗ trợ kinh phí làm đường.", asks_upward, "nhân dân"),
    "ask_upper": ("Xã {} tỉnh hỗ trợ kinh phí làm đường.", asks_upward, "báo cáo"),
    "ask_verb": ("Xã {} về việc hỗ trợ kinh phí làm đường giao thông.", petition, "báo cáo"),
    "ask_colon": ("Nhiều ý kiến cho rằng {} mở rộng tuyến đường liên xã.", petition, "đã"),
    "ask_noun_head": ("Huyện {} kiến nghị với tỉnh về việc hỗ trợ vốn.", not_petition, "tiếp tục"),
    "opinion_verb": (
        "Nhiều ý kiến {} cần sửa chữa tuyến đường liên xã.",
        petition,
        "hoan nghênh",
    ),
    "lower_subject": (
        "Tại buổi làm việc, {} kiến nghị sớm hỗ trợ kinh phí làm đường.",
        petition,
        "đoàn công tác",
    ),
    "harm_causes": (
        "Tình trạng lao động trẻ đi làm ăn xa {} nhiều hộ bỏ ruộng, không canh tác.",
        difficulty,
        "và",
    ),
    "upper_district": (
        "Sáng 8/4, Bí thư Huyện ủy Lê Văn Tư làm việc với xã Ia Tôr. Xã đề nghị {} hỗ trợ kinh"
        " phí làm đường cho thôn 3.",
        lambda t: len(process(t).petitions) == 1,
        "nhân dân",
    ),
    "upper_scope": (
        "Sáng 5/4, Phó Chủ tịch UBND tỉnh Lê Văn Tư làm việc với huyện Chư Sê. Phát biểu kết"
        " luận, Phó Chủ tịch UBND tỉnh Lê Văn Tư cho biết, năm nay {} thu ngân sách mới đạt 48%"
        " dự toán.",
        lambda t: process(t).difficulties == [],
        "huyện",
    ),
    "district_scope": (
        "Sáng 8/4, Bí thư Huyện ủy Lê Văn Tư làm việc với xã Ia Tôr. Phát biểu kết luận, Bí thư"
        " Huyện ủy Lê Văn Tư cho biết, năm nay {} thu ngân sách mới đạt 48% dự toán.",
        lambda t: process(t).difficulties == [],
        "xã",
    ),
    "petition_heading": (
        "Huyện {} một số nội dung sau:\n- Hỗ trợ kinh phí làm đường.\n- Bổ sung biên chế.",
        listed_petitions,
        "trình bày",
    ),
    "risk_place": ("Nhiều hộ dân đang sống ở {} nguy cơ sạt lở.", not_difficulty, "xã"),
    "answer": (
        "{} kiến nghị của xã, Sở Tài chính đề nghị tỉnh bổ sung vốn cho xã Tân Phú.",
        answered,
        "Về",
    ),
    "answer_says": (
        "Lãnh đạo Sở Tài chính {} sẽ đề nghị tỉnh bổ sung vốn cho xã Tân Phú.",
        answered,
        "muốn",
    ),
    "still": ("Công tác quản lý đất đai ở xã {} nhiều hạn chế.", difficulty, "có"),
    "quantity": ("Công tác quản lý đất đai ở xã còn {} hạn chế.", difficulty, "mấy"),
    "much": ("Doanh nghiệp trên địa bàn đang gặp {} thách thức.", difficulty, "mấy"),
    "some": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nXã còn gặp {} khó khăn. Giá phân bón tăng cao.",
        announced,
        "mấy",
    ),
    "concession": (
        "Xã đã hoàn thành kế hoạch năm {} còn nhiều khó khăn.",
        not_difficulty,
        "khi",
    ),
    "demand_noun": ("Chất lượng cán bộ xã còn thấp so với yêu cầu {}.", difficulty, "xã"),
    "assigned_body": ("Dự án giao {} quản lý còn chậm tiến độ.", not_difficulty, "lại"),
    "ask_any": ("Xã {} tỉnh hỗ trợ kinh phí làm đường.", petition, "báo cáo"),
    "provincial_body": (
        "Sáng 4/3, đoàn công tác của tỉnh làm việc với xã Tân Phú.\nÔng Lê Văn Bình, Chủ tịch {} đề nghị Trung ương sớm hỗ trợ kinh phí làm đường.",
        asked_by_upper_side,
        "UBND xã",
    ),
    "delegation": (
        "{} đã đến thăm các hộ dân còn nhiều khó khăn ở thôn 3.",
        not_difficulty,
        "Người dân",
    ),
    "visit_verb": (
        "Đoàn công tác đã {} các hộ dân còn nhiều khó khăn ở thôn 3.",
        not_difficulty,
        "giúp",
    ),
    "visitor": (
        "Trước đó, {} Trần Văn An đã khảo sát điểm sạt lở bờ kênh ở thôn 3.",
        not_difficulty,
        "người dân",
    ),
    "inspect": (
        "Chủ tịch UBND tỉnh Trần Văn An {} điểm sạt lở bờ kênh ở thôn 3.",
        not_difficulty,
        "lo lắng về",
    ),
    "conclusion": (
        "Sáng 4/3, đoàn công tác của tỉnh làm việc với xã Tân Phú. Xã đề nghị Trung ương sớm hỗ"
        " trợ kinh phí làm đường.\nKhi {} làm việc, trưởng đoàn ghi nhận ý kiến của xã. Đoàn đề"
        " nghị Trung ương sớm hỗ trợ kinh phí làm đường.",
        only_the_lower_side_asks,
        "bắt đầu buổi",
    ),
    "cue": ("Ở xã Tân Phú, {}.", passes_first_filter, "hoa"),
    "answer_opening": (
        "- Xã đề nghị tỉnh hỗ trợ kinh phí làm đường liên thôn: {} xem xét trong năm.",
        answered_item,
        "cảm ơn",
    ),
    "ask_item": (
        "- Xã {} tỉnh hỗ trợ kinh phí làm đường liên thôn: giao Sở Tài chính xem xét.",
        answered_item,
        "báo cáo",
    ),
    "notice": (
        "Sáng 4/3, Chủ tịch UBND tỉnh ký {} số 12/TB-UBND kết luận buổi làm việc với xã Tân Phú."
        "\nTại buổi làm việc, xã đề nghị Trung ương sớm hỗ trợ kinh phí làm đường.",
        asked_by_lower_side,
        "quyết định",
    ),
    "department_speaker": (
        "{} Sở Tài chính cho biết sẽ đề nghị tỉnh bổ sung vốn cho xã Tân Phú.",
        answered,
        "Cán bộ",
    ),
    "department_proposes": (
        "Giám đốc Sở Tài chính Lê Văn Tâm {} tỉnh bổ sung vốn cho xã Tân Phú.",
        answered,
        "mong muốn",
    ),
    "department_head": (
        "{} Sở Tài chính Lê Văn Tâm đề xuất tỉnh bổ sung vốn cho xã Tân Phú.",
        answered,
        "Bí thư xã giới thiệu",
    ),
    "result_verb": (
        "Thu ngân sách của xã {} 412 tỷ đồng; giải ngân vốn đầu tư công mới đạt 46% kế hoạch.",
        result_clause_left_out,
        "là",
    ),
    "towards": ("Mưa lớn kéo dài làm ảnh hưởng {} tiến độ thi công của xã.", difficulty, "về"),
    "lacking_now": ("Trường mầm non của xã {} thiếu cô nuôi.", difficulty, "không"),
    "main": ("Khó khăn {} là việc thu hồi đất ở xã.", difficulty, "này"),
    "is_next": ("Vướng mắc lớn nhất {} việc thu hồi đất ở xã.", difficulty, "trong"),
    "reached": ("Giải ngân vốn đầu tư công của xã mới {} 46% kế hoạch.", difficulty, "bằng"),
    "approx": ("Giải ngân vốn đầu tư công của xã mới đạt {} 46% kế hoạch.", difficulty, "trên"),
    "not_epidemic": ("Dịch {} đã xuất hiện tại 3 xã.", not_difficulty, "bệnh"),
    "effect_size": ("Mưa lớn kéo dài làm ảnh hưởng {} đến tiến độ thi công.", difficulty, "ít"),
    "comparative": (
        "Nhìn chung, năng suất lúa của xã thấp {} trong vùng.",
        not_difficulty,
        "nhiều",
    ),
    "toll_verb": ("Năm nay, hạn mặn đầu mùa {} 300 ha lúa chết.", difficulty, "với"),
    "meet": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nXã còn {} một số khó khăn. Giá phân bón tăng cao.",
        announced,
        "vượt qua",
    ),
    "lead_tail": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nXã còn gặp một số khó khăn {}. Giá phân bón tăng cao.",
        announced,
        "lớn",
    ),
    "instruction": ("{} tình trạng ô nhiễm môi trường kéo dài ở xã Tân Phú.", not_difficulty, "Về"),
    "according_to": (
        "Theo {} xã Tân Phú, nguồn thu ngân sách của xã còn thấp so với dự toán năm nay.",
        lead_in_left_out,
        "kế hoạch",
    ),
    "matter_noun": ("Xã kiến nghị một số {} liên quan.", not_petition, "tuyến đường"),
    "meeting": (
        "Tại {} với xã, nhiều ý kiến đề nghị cần sửa chữa tuyến đường liên xã.",
        many_opinions,
        "lễ khánh thành",
    ),
    "many": ("{} ý kiến đề nghị cần sửa chữa tuyến đường liên xã.", many_opinions, "Hai"),
    "voices": ("Nhiều {} đề nghị cần sửa chữa tuyến đường liên xã.", many_opinions, "hộ dân"),
    "past": (
        "Năm trước, huyện {} kiến nghị tỉnh đầu tư tuyến đường và đã được tỉnh chấp thuận.",
        not_petition,
        "lại",
    ),
    "centre": (
        CENTRAL_SESSION
        + "Chủ tịch UBND tỉnh Hồ Văn Tư đề nghị {} sớm hỗ trợ vốn làm đường ven biển.",
        asked_of_centre,
        "huyện",
    ),
    "ministry_name": (
        CENTRAL_SESSION
        + "Chủ tịch UBND tỉnh Hồ Văn Tư đề nghị Bộ {} sớm hỗ trợ vốn làm đường ven biển.",
        asked_of_centre,
        "Chỉ huy Quân sự tỉnh",
    ),
    "ministry": (
        CENTRAL_SESSION
        + "Chủ tịch UBND tỉnh Hồ Văn Tư đề nghị {} Tài chính sớm hỗ trợ vốn làm đường ven biển.",
        asked_of_centre,
        "Sở",
    ),
    "matter_quality": ("Xã kiến nghị một số nội dung {}.", not_petition, "về đường giao thông"),
    "asked_below": (
        "Thay mặt Ban Thường vụ Huyện ủy, đồng chí Lê Văn Bình tiếp thu ý kiến chỉ đạo và đề nghị {} nghiêm túc quán triệt, thực hiện.",
        not_petition,
        "tỉnh",
    ),
    "purpose": (
        "Đại diện huyện cho biết, huyện sẽ rà soát các hộ thiếu đất sản xuất {} đề xuất tỉnh ban hành chính sách hỗ trợ.",
        not_petition,
        "và",
    ),
    "let_happen": ("Năm nay, xã Tân Phú {} tình trạng lấn chiếm đất công.", difficulty, "xử lý"),
    "dragged_out": ("Việc giải quyết đơn thư của công dân thôn 3 {}.", difficulty, "đã xong"),
    "drag_on": ("Việc thi công dự án ở xã Tân Phú {} nhiều năm.", difficulty, "xong"),
    "turn_head": ("Thời tiết trong tháng {} phức tạp.", difficulty, "bớt"),
    "latent_head": ("Vùng ven biển của xã {} rủi ro.", difficulty, "giảm"),
    "not_yet_head": ("Kết quả chuyển đổi số của xã {} đồng bộ.", difficulty, "đã"),
    "lack_head": ("Xã Tân Phú {} quỹ đất để triển khai dự án.", difficulty, "dành"),
    "slow_degree": ("Năm nay, giải ngân vốn đầu tư công của huyện {} chậm.", difficulty, "không"),
    "slow": ("Năm nay, tiến độ thi công tuyến đường liên xã {}.", difficulty, "nhanh"),
    "behind_schedule": ("Một số công trình trọng điểm của xã {}.", difficulty, "đúng hẹn"),
    "effect_head": ("Mưa bão {} nghiêm trọng tới sản xuất.", difficulty, "đến"),
    "schedule": (
        "Mưa lớn kéo dài làm ảnh hưởng đến {} thi công của xã.",
        difficulty,
        "chất lượng",
    ),
    "make": ("Gió lớn {} đổ nhiều cây xanh ở xã.", difficulty, "thổi"),
    "sharply": ("Giá cao su giảm {} so với năm trước.", difficulty, "nhẹ"),
    "blocked_head": ("Dự án cầu Tân Mỹ {} thủ tục đất đai.", difficulty, "xong"),
    "landslide": ("Bờ sông Lam bị {} nghiêm trọng.", difficulty, "bồi đắp"),
    "lower_than": ("Thu ngân sách của xã {} cùng kỳ năm trước.", difficulty, "cao hơn"),
    "just": ("Giải ngân vốn đầu tư công của xã {} đạt 46% kế hoạch.", difficulty, "đã"),
    "only": ("Giải ngân vốn đầu tư công của xã {} đạt 46% kế hoạch.", difficulty, "đã"),
    "cause": ("Việc thi công {} khó khăn cho người dân.", difficulty, "tránh"),
    "suffered_head": ("Nhiều thôn {} chia cắt trong đợt lũ.", difficulty, "không"),
    "damage_head": ("Các xã ven sông {} nặng trong đợt lũ.", difficulty, "mưa"),
    "epidemic": ("Năm nay, {} tả lợn châu Phi đã xuất hiện tại 3 xã.", difficulty, "giống"),
    "outbreak_aspect": ("Năm nay, dịch cúm gia cầm ở nhiều thôn {} bùng phát.", difficulty, "sẽ"),
    "must": ("Một số công trình của xã {} tạm dừng trong năm.", difficulty, "sẽ"),
    "low_degree": (
        "Nhìn chung, năng suất lúa của các hợp tác xã thôn Bắc {} thấp.",
        difficulty,
        "không",
    ),
    "low": ("Nhìn chung, hiệu quả của hợp tác xã {}.", difficulty, "tốt"),
    "still_at": (
        "Nhìn chung, tỷ lệ hộ nghèo của xã vùng núi Tân Phú năm nay {} ở mức cao.",
        difficulty,
        "không",
    ),
    "high_degree": (
        "Nhìn chung, tỷ lệ hộ nghèo của xã vùng núi Tân Phú năm nay {} cao.",
        difficulty,
        "không",
    ),
    "high": ("Nhìn chung, tỷ lệ hộ nghèo của xã {}.", difficulty, "giảm"),
    "fall_aspect": (
        "Năm nay, doanh thu du lịch của các xã ven biển tỉnh {} giảm.",
        difficulty,
        "không",
    ),
    "fall": ("Năm nay, doanh thu du lịch của huyện {} so với cùng kỳ.", difficulty, "tăng"),
    "rise_head": (
        "Năm nay, tội phạm ma túy trên địa bàn huyện {} xu hướng gia tăng.",
        difficulty,
        "hết",
    ),
    "trend": (
        "Năm nay, tội phạm ma túy trên địa bàn huyện có {} gia tăng.",
        difficulty,
        "biện pháp",
    ),
    "rise_aspect": (
        "Năm nay, tội phạm ma túy trên địa bàn huyện {} tăng.",
        difficulty,
        "không",
    ),
    "rise_prefix": (
        "Năm nay, tội phạm ma túy trên địa bàn huyện {} tăng.",
        difficulty,
        "không",
    ),
    "rise": ("Trên địa bàn huyện, tội phạm ma túy {}.", difficulty, "giảm"),
    "spread": (
        "Trên địa bàn huyện, tình trạng khai thác cát trái phép {}.",
        difficulty,
        "chấm dứt",
    ),
    "lead_adverb": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nCác xã vùng núi phía bắc {} còn gặp một số khó khăn."
        " Giá phân bón tăng cao.",
        announced,
        "chưa",
    ),
    "remain": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nXã {} một số khó khăn. Giá phân bón tăng cao.",
        announced,
        "đã vượt",
    ),
    "shortcoming": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nXã còn gặp một số khó khăn, {}. Giá phân bón tăng cao.",
        announced,
        "thuận lợi",
    ),
    "although": ("Xã đã hoàn thành kế hoạch năm {} còn nhiều khó khăn.", not_difficulty, "khi"),
    "although_not": ("Dù {}, xã vẫn còn nhiều khó khăn.", difficulty, "nghèo"),
    "though": ("Xã đã hoàn thành kế hoạch năm {} còn nhiều khó khăn.", not_difficulty, "khi"),
    "though_not": ("Tuy {}, xã vẫn còn nhiều khó khăn.", difficulty, "nghèo"),
    "determiner": ("Xã đã khắc phục ngay trong năm {} ô nhiễm ở kênh Bắc.", not_difficulty, "bị"),
    "state_cue": ("Kinh phí khắc phục {} hạn chế.", difficulty, "những"),
    "demand": (
        "{} các xã giải trình vì sao tình trạng lấn chiếm đất công kéo dài.",
        not_difficulty,
        "Về",
    ),
    "need": (
        "Xã {} kiểm điểm trách nhiệm khi tình trạng lấn chiếm đất công kéo dài.",
        not_difficulty,
        "chưa",
    ),
    "assign": (
        "Chủ tịch UBND tỉnh {} UBND huyện kiểm điểm trách nhiệm khi tình trạng lấn chiếm kéo dài.",
        not_difficulty,
        "và",
    ),
    "according": (
        "{} báo cáo của xã Tân Phú, nguồn thu ngân sách của xã còn thấp so với dự toán năm nay.",
        lead_in_left_out,
        "Về",
    ),
    "title_prefix": (
        "Theo ông Lê Văn Bình, {} chủ tịch UBND xã, nguồn thu ngân sách của xã còn thấp so với"
        " dự toán năm nay.",
        lead_in_left_out,
        "nguyên",
    ),
    "title_word": (
        "Theo ông Lê Văn Bình, {} xã Tân Phú, nguồn thu ngân sách của xã còn thấp so với dự toán"
        " năm nay.",
        lead_in_left_out,
        "người dân",
    ),
    "ask_again": ("Xã kiến nghị, {} một số nội dung liên quan.", not_petition, "làm rõ"),
    "some_of": ("Xã kiến nghị {} vấn đề liên quan.", not_petition, "ba"),
    "head_title": (
        "Sáng 4/3, đoàn công tác của tỉnh làm việc với xã Tân Phú.\nÔng Lê Văn Bình, {} UBND tỉnh"
        " đề nghị Trung ương sớm hỗ trợ kinh phí làm đường.",
        asked_by_upper_side,
        "chuyên viên",
    ),
    "provincial_leader": (
        "Sáng 4/3, đoàn công tác của tỉnh làm việc với xã Tân Phú.\nÔng Lê Văn Bình, {} đề nghị"
        " Trung ương sớm hỗ trợ kinh phí làm đường.",
        asked_by_upper_side,
        "trưởng thôn",
    ),
    "visit_adverb": (
        "Đoàn công tác của tỉnh ta {} thăm các hộ dân còn nhiều khó khăn ở thôn 3.",
        not_difficulty,
        "không",
    ),
    "report_word": (
        "Trước đó, Chủ tịch UBND tỉnh Trần Văn An {} xã đã khảo sát điểm sạt lở bờ kênh ở thôn 3.",
        difficulty,
        "cùng",
    ),
    "plural": (
        "Huyện đã hỗ trợ 450 triệu đồng cho {} hộ dân bị thiệt hại.",
        not_difficulty,
        "nhiều",
    ),
    "plan_count": (
        "Huyện đề xuất {} giải pháp để tăng thu ngân sách năm nay.",
        not_petition,
        "với tỉnh",
    ),
    "asking_opinion": ("Nhiều ý kiến {} sửa chữa tuyến đường liên xã.", many_opinions, "nêu"),
    "about": (
        "{} kinh phí làm đường liên thôn, xã đề nghị tỉnh hỗ trợ: giao Sở Tài chính xem xét.",
        answered_item,
        "Cả",
    ),
    "joined": (
        "Sáng 4/3, xã Tân Phú tổng kết năm.\nXã còn gặp một số khó khăn {} bất cập. Giá phân bón"
        " tăng cao.",
        announced,
        "do",
    ),
}

ROWS = lexicon.load(WORDS, KINDS)


(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, opinion_words)


def test_a_slot_naming_no_kind_is_an_error():
    with pytest.raises(lexicon.LexiconError, match="«bogus»"):
        lexicon.fill(r"(?:«bogus»)\s+", opinion_words())
