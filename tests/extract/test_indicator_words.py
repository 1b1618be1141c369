"""The words of reported figures are reviewed data (``data/indicator_words.tsv``).

Each row of each kind is put to work: the test writes a sentence of the genre with the
entry in its kind's slot and checks that the entry does what the kind says (a unit of
measure read, a figure kept as a result, a figure left out as a date, a target or a
disaster's toll); the same sentence with a word that is not of the kind (``CONTROL``)
must not do it, so each check can fail.
"""

from __future__ import annotations

from collections.abc import Callable

from lexicon_contract import lexicon_contract

from chidao.extract import lexicon
from chidao.extract.indicators import _LAST_BREAK, KINDS, WORDS, _result_before, indicator_words
from chidao.extract.pipeline import process
from chidao.extract.spans import fold
from chidao.insight.indicators import indicator_name


def units(sentence: str) -> list[str]:
    return [i.data["unit"] for i in process(sentence).indicators]


def a_figure(sentence: str) -> bool:
    return len(units(sentence)) == 1


def no_figure(sentence: str) -> bool:
    return units(sentence) == []


def measured(sentence: str) -> bool:
    """The figure's unit is a unit of measure: the words after it are not part of it."""
    found = units(sentence)
    return len(found) == 1 and "nhờ" not in found[0]


def counts_houses(sentence: str) -> bool:
    """The counted noun stops at the entry: "37 nhà"."""
    return units(sentence) == ["nhà"]


def named_revenue(sentence: str) -> bool:
    """The web app names the figure's series by its indicator alone: its period, place and
    the words leading to the figure are left out."""
    return indicator_name(sentence) == "tổng thu ngân sách"


def breaks_the_clause_before_the_figure(text: str) -> bool:
    """The last break of the clause before the figure is right before it."""
    m = _LAST_BREAK.match(fold(text))
    return m is not None and m.end() == text.index("46.000")


def allowed_as(kind: str) -> Callable[[str], bool]:
    """The verb before the figure is allowed as one that holds the count: no other result."""

    def works(text: str) -> bool:
        return _result_before(fold(text), 0, len(text), indicator_words()[kind]) is None

    return works


# kind -> (sentence with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "unit": ("Năm nay, thu ngân sách của xã đạt 12 {} nhờ nhiều nguồn thu mới.", measured, "quả"),
    "noun_stop": ("Năm nay, xã đã xây dựng 37 nhà {} thôn.", counts_houses, "xanh"),
    "subunit": ("Sau khi sắp xếp, xã có 52 {} trên địa bàn.", no_figure, "nhà văn hóa đạt chuẩn"),
    "made_of": ("Sau khi sắp xếp, xã {} 52 thôn.", no_figure, "đã lập"),
    "not_unit": ("Năm nay, xã đã mở 6 {} cho nông dân.", no_figure, "lớp tập huấn"),
    "damage_verb": ("Đợt triều cường {} ngập 620 ha lúa.", no_figure, "không"),
    "damage": ("Đợt triều cường làm {} 620 ha lúa.", no_figure, "xanh"),
    "extent": ("Bờ kênh của xã sạt lở {} 300 m.", no_figure, "được"),
    "shortfall": ("Kinh phí của dự án {} 35 tỷ đồng.", no_figure, "đạt"),
    "hazard": ("Năm nay, {} kéo dài làm 420 ha cà phê thiếu nước.", no_figure, "thời tiết"),
    "hazard_makes": ("Năm nay, nắng hạn kéo dài {} 420 ha cà phê thiếu nước.", no_figure, "và"),
    "outbreak": ("Dịch tả lợn châu Phi đã {} tại 9/15 xã.", no_figure, "được khống chế"),
    "toll": ("Đợt này xã có 2 người {} khi đi rừng.", no_figure, "được khen thưởng"),
    "undone": ("Năm nay, 3,6 km đê biển {} được kè cứng.", no_figure, "đã"),
    "bad_head": ("Năm nay, tỉnh đã xây dựng {} 12 nhà văn hóa mới.", no_figure, "thêm"),
    "static_head": ("Xã Tân Phú {} 48,6 km2 đất.", no_figure, "trồng rừng"),
    "result": ("Năm nay, xã {} 37 nhà văn hóa.", a_figure, "mất"),
    "result_aux": ("Năm nay, 120 hộ ở xã ta {} hoàn thành.", a_figure, "cũng"),
    "result_after": ("Năm nay, 120 hộ ở xã {}.", a_figure, "vui"),
    "target": ("Năm nay, xã {} thu ngân sách 12 tỷ đồng.", no_figure, "đã"),
    "target_name": ("Năm nay, {} mục tiêu quốc gia giải ngân đạt 38%.", a_figure, "xã phấn đấu"),
    "imperative": ("Năm nay, xã {} thu ngân sách 12 tỷ đồng.", no_figure, "đã"),
    "done": ("Theo kế hoạch năm, xã {} thu 12 tỷ đồng.", a_figure, "cũng"),
    "went_down": ("Số hộ nghèo đã {} còn 37 hộ.", a_figure, "vẫn"),
    "backlog": ("Dự án {} 37 hộ chưa nhận tiền.", no_figure, "đã hỗ trợ"),
    "works": (
        "{} của xã dài 6,8 km, tổng mức đầu tư 410 tỷ đồng.",
        no_figure,
        "Năm nay, xã làm đường",
    ),
    "progress_mark": (
        "Dự án đường tránh dài 6,8 km, {} hoàn thành 4,1 km.",
        lambda t: units(t) == ["km"],
        "dự kiến",
    ),
    "period_lead": ("Tổng thu ngân sách {} 6 tháng đầu năm đạt 30 tỷ đồng.", named_revenue, "gấp"),
    "month_count": ("Tổng thu ngân sách {} tháng đầu năm đạt 30 tỷ đồng.", named_revenue, "mười"),
    "period_part": ("Tổng thu ngân sách 6 tháng {} năm đạt 30 tỷ đồng.", named_revenue, "giữa"),
    "period_phrase": ("Tổng thu ngân sách {} đạt 30 tỷ đồng.", named_revenue, "mới"),
    "place_lead": ("Tổng thu ngân sách {} xã đạt 30 tỷ đồng.", named_revenue, "xanh"),
    "place_unit": ("Tổng thu ngân sách của {} đạt 30 tỷ đồng.", named_revenue, "hợp tác xã"),
    "figure_lead": ("Tổng thu ngân sách {} 30 tỷ đồng.", named_revenue, "mới"),
    "holds": ("Năm 2022, toàn huyện {} 6.500 ha lúa.", no_figure, "trồng mới"),
    "about": ("Năm 2022, toàn huyện có {} 6.500 ha lúa.", no_figure, "thêm"),
    "holds_not_after": ("Năm 2022, toàn huyện {} có 6.500 ha lúa.", a_figure, "hiện"),
    "giver": ("Dịp này, {} đã trao 300 suất quà cho các hộ nghèo.", no_figure, "xã"),
    "gives": ("Dịp này, đoàn công tác đã {} 300 suất quà cho các hộ nghèo.", no_figure, "nhận"),
    "scope": (
        "Sáng 5/4, Phó Chủ tịch UBND tỉnh làm việc với UBND huyện Thiệu Hóa. Năm 2023, thu ngân"
        " sách {} đạt 12.000 tỷ đồng.",
        no_figure,
        "của huyện",
    ),
    "head_compound": (
        "Năm nay, ngân hàng đã cho vay 1.240 hộ với {} số 46,8 tỷ đồng.",
        lambda t: 46.8 in [i.data["value"] for i in process(t).indicators],
        "mã",
    ),
    "noun_compound": (
        "Năm nay, toàn huyện có 15.000 ha mặt nước {} trồng thủy sản, 9.800 ha lúa.",
        no_figure,
        "đã",
    ),
    "short_after": ("Năm nay, việc xây dựng ở 4 xã của huyện {} theo quy định.", no_figure, "đạt"),
    "size_head": ("Tại công trường, nhà thầu cho biết dự án {} 12,4 km.", no_figure, "đã làm"),
    "plan_column": (
        "Theo báo cáo của huyện, vốn các dự án như sau:\nDự án | {} vốn 2016 | Giải ngân\n"
        "Đường ĐT 750 | 120 tỷ đồng | 71,5 tỷ đồng",
        lambda t: [i.data["value"] for i in process(t).indicators] == [71.5],
        "Nhu cầu",
    ),
    "ongoing": ("Hiện xã {} xây dựng tuyến đường liên thôn dài 3,2 km.", no_figure, "đã"),
    "district_scope": (
        "Sáng 8/4, Bí thư Huyện ủy làm việc với xã Tân Phú. Quý I, thu ngân sách {} đạt 22% dự"
        " toán.",
        no_figure,
        "của xã",
    ),
    "district_giver": (
        "Sáng 8/4, Bí thư Huyện ủy làm việc với xã Tân Phú. Dịp này, {} đã trao 20 suất quà cho"
        " các hộ khó khăn.",
        no_figure,
        "xã",
    ),
    "commune_level": (
        "Sáng 8/4, Bí thư Huyện ủy làm việc với {} Tân Phú. Quý I, thu ngân sách toàn huyện đạt"
        " 22% dự toán.",
        no_figure,
        "huyện",
    ),
    "bad_state": ("Tuy nhiên, tỷ lệ hộ nghèo của huyện {} (52,3%).", no_figure, "giảm"),
    "beneficiary": (
        "Năm nay, xã đã bàn giao 120 ha đất {} 85 hộ dân.",
        lambda t: [i.data["value"] for i in process(t).indicators] == [120.0, 85.0],
        "của",
    ),
    "makeup_head": (
        "Huyện có dân số 96.000 người; {} lao động nông nghiệp chiếm 41%.",
        no_figure,
        "năm nay",
    ),
    "whose": (
        "Đến nay huyện đã bàn giao mặt bằng 2.145/2.870 hồ sơ {} 26 dự án.",
        lambda t: [i.data["value"] for i in process(t).indicators] == [2145.0],
        "và",
    ),
    "country_scope": (
        "UBND tỉnh họp phiên thường kỳ tháng 6. Tăng trưởng kinh tế của tỉnh đạt 7,4%; cùng kỳ,"
        " {} tăng trưởng 6,76%.",
        lambda t: [i.data["value"] for i in process(t).indicators] == [7.4],
        "tỉnh",
    ),
    "city_scope": (
        "Sáng 6/5, Phó Chủ tịch UBND thành phố Hải Phòng làm việc với huyện Vĩnh Bảo. Năm nay,"
        " {} thu ngân sách 19.800 tỷ đồng.",
        no_figure,
        "huyện",
    ),
    "lower_unit": (
        "Sáng 5/4, Phó Chủ tịch UBND tỉnh làm việc với UBND huyện Thiệu Hóa. Năm 2023, kinh tế"
        " của tỉnh có nhiều đổi mới, riêng {} Thiệu Hóa có thêm 5 xã đạt chuẩn.",
        lambda t: units(t) == ["xã"],
        "tỉnh",
    ),
    "toll_stop": (
        "Năm nay, lũ quét đã làm 4 người chết, {} xã đã trồng mới 120 ha rừng.",
        a_figure,
        "và",
    ),
    "epidemic": ("Năm nay, {} tả lợn châu Phi đã xuất hiện tại 9/15 xã.", no_figure, "bệnh"),
    "no_epidemic": ("Năm nay, dịch {} ngân hàng số đã xuất hiện tại 9 xã.", a_figure, "cúm"),
    "outbreak_where": ("Năm nay, dịch tả lợn châu Phi đã xuất hiện {} 9/15 xã.", no_figure, "gần"),
    "aid_to": (
        "Năm nay, huyện đã hỗ trợ 450 triệu đồng {} 150 hộ bị thiệt hại.",
        lambda t: not no_figure(t),
        "và",
    ),
    "suffer": ("Năm nay, 37 nhà {} cuốn trôi.", no_figure, "được"),
    "rule_of": ("Năm nay, việc xây dựng ở 4 xã của huyện chưa đủ {} quy định.", no_figure, "cho"),
    "compared_to": (
        "Năm nay, việc xây dựng ở 4 xã của huyện chưa đủ {} năm trước.",
        no_figure,
        "của",
    ),
    "clause_with": ("huyện có 18 xã {} 46.000 người", breaks_the_clause_before_the_figure, "và"),
    "holding": ("xã {} 12 ha rừng", allowed_as("holding"), "đạt"),
    "holding_share": ("xã {} 12 ha rừng", allowed_as("holding_share"), "đạt"),
    "holding_gained": ("xã {} 12 ha rừng", allowed_as("holding_gained"), "đạt"),
    "period_month": ("Tổng thu ngân sách {} đạt 30 tỷ đồng.", named_revenue, "mới"),
    "period_year": ("Tổng thu ngân sách {} đạt 30 tỷ đồng.", named_revenue, "mới"),
    "period_quarter": ("Tổng thu ngân sách {} II đạt 30 tỷ đồng.", named_revenue, "mới"),
    "since_year_start": ("Tổng thu ngân sách {} đạt 30 tỷ đồng.", named_revenue, "mới"),
    "up_to": ("Tổng thu ngân sách từ đầu năm {} nay đạt 30 tỷ đồng.", named_revenue, "tới"),
    "now": ("Tổng thu ngân sách từ đầu năm đến {} đạt 30 tỷ đồng.", named_revenue, "mai"),
    "place_on": ("Tổng thu ngân sách {} địa bàn xã đạt 30 tỷ đồng.", named_revenue, "mới"),
    "place_area": ("Tổng thu ngân sách {} đạt 30 tỷ đồng.", named_revenue, "mới"),
}

ROWS = lexicon.load(WORDS, KINDS)


(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, indicator_words)
