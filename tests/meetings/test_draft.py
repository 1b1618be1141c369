"""The review draft: unit suggestions, and each edit the office makes (with its version check)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from chidao.extract.record import SessionRecord, read_record
from chidao.meetings import services
from chidao.meetings.draft import KEYS, build_draft, id_at, split_points, suggest_units
from chidao.meetings.models import SourceDocument
from chidao.meetings.services import ConflictError, DraftError


def _lookup(table):
    return lambda text: table.get(text, [])


def test_it_suggests_the_unit_an_assignee_names():
    assert suggest_units(
        ["UBND xã Minh Sơn"], ["xã Minh Sơn"], _lookup({"UBND xã Minh Sơn": [7]})
    ) == ([7], False)


def test_it_flags_a_collective_assignee_for_the_office_to_choose():
    assert suggest_units(["các sở, ngành"], ["xã Minh Sơn"], _lookup({"xã Minh Sơn": [7]})) == (
        [],
        True,
    )
    assert suggest_units(["xã Tân Lập", "các sở, ngành"], [], _lookup({"xã Tân Lập": [9]})) == (
        [9],
        True,
    )


def test_it_sends_local_government_and_unnamed_assignees_to_the_session_localities():
    lookup = _lookup({"xã Minh Sơn": [7], "xã Tân Lập": [9]})
    assert suggest_units(
        ["cấp ủy, chính quyền địa phương"], ["xã Minh Sơn", "xã Tân Lập"], lookup
    ) == ([7, 9], False)
    assert suggest_units([], ["xã Tân Lập"], lookup) == ([9], False)
    assert suggest_units([], [], lookup) == ([], True)


def test_the_draft_keeps_every_item_with_its_offsets():
    record = {
        "date": "2026-03-12",
        "title": "Hội nghị sơ kết",
        "chairs": [{"name": "Hà Văn Sơn", "titles": ["Bí thư Tỉnh ủy"]}],
        "people": [{"name": "Hà Văn Sơn", "titles": ["Bí thư Tỉnh ủy"], "start": 0, "end": 10}],
        "localities": ["xã Minh Sơn"],
        "locality_spans": [{"text": "xã Minh Sơn", "start": 20, "end": 31}],
        "agencies": ["Sở Y tế"],
        "agency_spans": [],
        "indicators": [
            {"text": "đạt 5%", "start": 40, "end": 46, "value": 5.0, "unit": "%", "rule": "x"}
        ],
        "difficulties": [],
        "petitions": [{"text": "kiến nghị", "start": 50, "end": 59, "by": None}],
        "directives": [
            {
                "text": "các sở, ngành hỗ trợ xã",
                "start": 60,
                "end": 83,
                "issuer": "Hà Văn Sơn",
                "assignees": ["các sở, ngành"],
                "deadline": None,
            }
        ],
        "site_visits": ["cầu Đá"],
        "site_visit_spans": [{"text": "cầu Đá", "start": 90, "end": 96}],
    }
    draft = build_draft(typed(record), _lookup({"xã Minh Sơn": [7]}))
    ids = [i.pop("id") for key in KEYS for i in draft[key]]

    assert len(set(ids)) == len(ids) == 7  # every item has an id of its own
    assert draft["kind"] == "conference"
    assert draft["localities"] == [{"text": "xã Minh Sơn", "start": 20, "end": 31}]
    assert draft["agencies"] == [{"text": "Sở Y tế", "start": None, "end": None}]
    assert draft["indicators"] == [
        {"text": "đạt 5%", "start": 40, "end": 46, "value": 5.0, "unit": "%"}
    ]
    assert draft["site_visits"] == [{"text": "cầu Đá", "start": 90, "end": 96}]
    assert draft["directives"][0]["units"] == []
    assert draft["directives"][0]["needs_choice"] is True
    assert draft["directives"][0]["topic"] == ""


def _fresh(document):
    return SourceDocument.objects.get(pk=document.pk)


def test_it_edits_a_directive_and_bumps_the_version(document, department):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        text="  Các sở, ngành   giải quyết kiến nghị ",
        issuer="Trịnh Văn Lâm",
        assignees="các sở; ngành",
        units=[department],
        deadline="15/7/2026",
        topic="Giao thông",
    )
    doc = _fresh(document)
    d = doc.draft["directives"][1]
    assert doc.version == 2 == document.version
    assert (
        d["text"],
        d["assignees"],
        d["units"],
        d["deadline"],
        d["topic"],
        d["needs_choice"],
    ) == (
        "Các sở, ngành giải quyết kiến nghị",
        ["các sở", "ngành"],
        [department.pk],
        "2026-07-15",
        "Giao thông",
        False,
    )


def test_it_refuses_a_stale_version_and_changes_nothing(document):
    services.drop_item(
        document=document,
        version=1,
        kind="petitions",
        item_id=id_at(document.draft, "petitions", 0),
    )
    before = _fresh(document).draft

    stale = SourceDocument.objects.get(pk=document.pk)
    stale.version = 1  # what a second reviewer's page still shows
    with pytest.raises(
        ConflictError,
        match=r"vừa được người khác sửa \(phiên bản 2, trang của bạn là phiên bản 1\)",
    ):
        services.edit_item(
            document=stale,
            version=1,
            kind="directives",
            item_id=id_at(stale.draft, "directives", 0),
            topic="Đất đai",
        )
    with pytest.raises(ConflictError):
        services.drop_item(
            document=stale,
            version=1,
            kind="directives",
            item_id=id_at(stale.draft, "directives", 0),
        )

    after = _fresh(document)
    assert after.version == 2
    assert after.draft == before


def test_it_names_the_bad_value(document):
    with pytest.raises(DraftError, match="Chỉ đạo số 1, thời hạn: “31/2/2026” không phải là ngày"):
        services.edit_item(
            document=document,
            version=1,
            kind="directives",
            item_id=id_at(document.draft, "directives", 0),
            deadline="31/2/2026",
        )
    with pytest.raises(
        DraftError, match=r"Chỉ đạo: không có mục “i999” \(có thể vừa bị bỏ hoặc gộp"
    ):
        services.edit_item(
            document=document, version=1, kind="directives", item_id="i999", topic="x"
        )
    with pytest.raises(
        DraftError, match="Chỉ đạo số 1, đơn vị thực hiện: đơn vị 999999 không có trong tỉnh này"
    ):
        services.edit_item(
            document=document,
            version=1,
            kind="directives",
            item_id=id_at(document.draft, "directives", 0),
            units=[999999],
        )
    with pytest.raises(DraftError, match="Kiến nghị số 1, thời hạn: không sửa được trường này"):
        services.edit_item(
            document=document,
            version=1,
            kind="petitions",
            item_id=id_at(document.draft, "petitions", 0),
            deadline="1/1/2026",
        )
    assert _fresh(document).version == 1


def test_it_refuses_a_unit_of_another_province(document):
    from chidao.organisation.models import Unit, UnitKind

    elsewhere = Unit.objects.create(province_code="42", kind=UnitKind.COMMUNE, name="Xã Kỳ Lạc")
    with pytest.raises(DraftError, match=f"đơn vị {elsewhere.pk} không có trong tỉnh này"):
        services.edit_item(
            document=document,
            version=1,
            kind="directives",
            item_id=id_at(document.draft, "directives", 0),
            units=[elsewhere.pk],
        )


def test_it_splits_a_directive_at_an_offset(document):
    original = document.draft["directives"][0]
    cut = original["text"].index(" trước ngày")

    services.split_directive(
        document=document, version=1, item_id=id_at(document.draft, "directives", 0), offset=cut
    )

    doc = _fresh(document)
    first, second = doc.draft["directives"][:2]
    assert len(doc.draft["directives"]) == 3
    assert first["text"] == original["text"][:cut]
    assert second["text"] == original["text"][cut + 1 :]
    assert doc.text[first["start"] : first["end"]] == first["text"]
    assert doc.text[second["start"] : second["end"]] == second["text"]
    assert first["units"] == second["units"] == original["units"]
    assert doc.version == 2


def test_it_refuses_a_split_at_the_ends(document):
    with pytest.raises(DraftError, match="Chỉ đạo số 1: không tách được tại ký tự 0"):
        services.split_directive(
            document=document, version=1, item_id=id_at(document.draft, "directives", 0), offset=0
        )


def test_it_merges_two_adjacent_directives(document, unit_a, department):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk],
    )
    first, second = document.draft["directives"]

    services.merge_directives(
        document=document, version=2, item_id=id_at(document.draft, "directives", 0)
    )

    doc = _fresh(document)
    (merged,) = doc.draft["directives"]
    assert merged["start"] == first["start"] and merged["end"] == second["end"]
    assert merged["text"] == doc.text[first["start"] : second["end"]]
    assert merged["units"] == [unit_a.pk, department.pk]
    assert merged["deadline"] == "2026-06-30"
    with pytest.raises(DraftError, match="là chỉ đạo cuối cùng"):
        services.merge_directives(
            document=document, version=3, item_id=id_at(document.draft, "directives", 0)
        )


def test_it_merges_edited_texts_without_losing_the_edits(document):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        text="UBND xã An Bình giải phóng mặt bằng.",
    )
    first, second = _fresh(document).draft["directives"]

    services.merge_directives(
        document=document, version=2, item_id=id_at(document.draft, "directives", 0)
    )

    (merged,) = _fresh(document).draft["directives"]
    assert merged["text"] == f"UBND xã An Bình giải phóng mặt bằng. {second['text']}"
    assert (merged["start"], merged["end"]) == (first["start"], second["end"])


def test_it_drops_an_item(document):
    difficulties = len(document.draft["difficulties"])
    services.drop_item(
        document=document,
        version=1,
        kind="difficulties",
        item_id=id_at(document.draft, "difficulties", 0),
    )
    assert len(_fresh(document).draft["difficulties"]) == difficulties - 1


def test_it_adds_an_item_from_a_selection_of_the_source(document):
    start = document.text.index("Tổng diện tích")
    end = document.text.index("1.250 ha") + len("1.250 ha")

    services.add_item(document=document, version=1, kind="directives", start=start - 1, end=end)

    doc = _fresh(document)
    added = [d for d in doc.draft["directives"] if d["start"] == start]
    others = {i["id"] for key in KEYS for i in doc.draft[key] if i is not added[0]}
    assert added[0].pop("id") not in others  # a new id of its own
    assert added == [
        {
            "text": doc.text[start:end],
            "start": start,
            "end": end,
            "issuer": "Trịnh Văn Lâm",
            "deadline": None,
            "deadline_span": None,
            "assignees": [],
            "assignee_spans": [],
            "units": [],
            "support": [],
            "suggested": [],
            "needs_choice": True,
            "topic": "Nông nghiệp và nông thôn mới",  # from the lexicon of fields
        }
    ]
    assert doc.draft["directives"].index(added[0]) == 0  # placed by position in the source
    with pytest.raises(DraftError, match="nằm ngoài văn bản"):
        services.add_item(document=document, version=2, kind="site_visits", start=5, end=10**6)


def test_it_sets_the_session_date_title_chairs_and_localities(document):
    services.set_session(
        document=document,
        version=1,
        date=dt.date(2026, 3, 13),
        title="Làm việc tại An Bình",
        chairs=["Trịnh Văn Lâm", {"name": "Đỗ Minh Khôi", "titles": ["Phó Chủ tịch UBND tỉnh"]}],
        localities=["xã An Bình", "xã Bình Minh"],
    )
    doc = _fresh(document)
    assert (doc.draft["date"], doc.draft["title"]) == ("2026-03-13", "Làm việc tại An Bình")
    assert doc.draft["chairs"] == [
        {"name": "Trịnh Văn Lâm", "titles": []},
        {"name": "Đỗ Minh Khôi", "titles": ["Phó Chủ tịch UBND tỉnh"]},
    ]
    assert [loc["text"] for loc in doc.draft["localities"]] == ["xã An Bình", "xã Bình Minh"]
    assert doc.draft["localities"][0]["start"] is not None  # the extracted one keeps its place
    with pytest.raises(DraftError, match="Ngày làm việc: “2026-13-01” không phải là ngày"):
        services.set_session(document=document, version=2, date="2026-13-01")


def test_it_offers_to_split_after_each_clause():
    text = "Rà soát quy hoạch, hoàn thành trước ngày 30/6/2026; báo cáo UBND tỉnh."
    points = split_points(text)
    assert [text[cut:][:10] for cut, _label in points] == ["hoàn thành", "báo cáo UB"]
    assert points[0][1].endswith("| hoàn thành trước ngà…")


def test_the_office_discards_a_document_and_ingesting_it_again_brings_it_back(document, office):
    from chidao.meetings.models import DocumentStatus

    from .conftest import AN_BINH

    services.discard(document=document, version=1)
    assert _fresh(document).status == DocumentStatus.DISCARDED
    with pytest.raises(DraftError, match="không thể sửa nữa"):
        services.drop_item(
            document=document,
            version=2,
            kind="petitions",
            item_id=id_at(document.draft, "petitions", 0),
        )

    again, created = services.ingest_text(
        text=AN_BINH, filename="", province_code="38", actor=office
    )
    assert (again.pk, created, again.status, again.version) == (
        document.pk,
        False,
        DocumentStatus.REVIEW,
        3,
    )


# ---------------------------------------------------------------- units of the session's time, bodies in long assignees

from chidao.meetings.draft import UnitRef, longest_known_unit, names_provincial_body  # noqa: E402

OLD_XA = UnitRef(3, "Xã Tân Phúc", legacy=True, local=True)
NEW_XA = UnitRef(4, "Xã Tân Phúc", legacy=False, local=True)


def test_it_prefers_today_s_commune_after_the_reform_and_the_old_one_before():
    both = _lookup({"UBND xã Tân Phúc": [OLD_XA, NEW_XA], "xã Tân Phúc": [OLD_XA, NEW_XA]})
    assert suggest_units(["UBND xã Tân Phúc"], [], both, on=dt.date(2026, 2, 3)) == ([4], False)
    assert suggest_units(["UBND xã Tân Phúc"], [], both, on=dt.date(2024, 11, 5)) == ([3], False)
    assert suggest_units(["UBND xã Tân Phúc"], [], both, on=dt.date(2025, 7, 1)) == ([4], False)
    assert suggest_units([], ["xã Tân Phúc"], both, on=dt.date(2023, 9, 14)) == ([3], False)


def test_it_finds_the_longest_unit_name_inside_a_long_assignee():
    known = [
        UnitRef(1, "UBND tỉnh"),
        UnitRef(2, "Văn phòng UBND tỉnh"),
        UnitRef(5, "Văn phòng Ủy ban nhân dân tỉnh"),
        UnitRef(9, "Xã Tân Phúc", local=True),
    ]
    assert longest_known_unit("Văn phòng UBND tỉnh theo dõi, đôn đốc việc", known) == [
        UnitRef(2, "Văn phòng UBND tỉnh")
    ]
    assert longest_known_unit("UBND xã tân phúc khẩn trương", known) == [known[3]]
    assert longest_known_unit("Chủ tịch UBND các xã", known) == []
    units = suggest_units(
        ["Văn phòng UBND tỉnh theo dõi, đôn đốc việc"],
        ["xã Tân Phúc"],
        _lookup({}),
        known=lambda: known,
    )
    assert units == ([2], False)


@pytest.mark.parametrize(
    ("assignee", "provincial"),
    [
        ("Sở Tài chính", True),
        ("các sở, ngành", True),
        ("Văn phòng UBND tỉnh theo dõi, đôn đốc việc", True),
        ("Công an tỉnh", True),
        ("Bộ Chỉ huy Quân sự tỉnh", True),
        ("Ban Tổ chức Tỉnh ủy", True),
        ("UBND tỉnh", True),
        ("Công an xã", False),
        ("Ban Chỉ huy Quân sự xã Tân Phúc", False),
        ("UBND xã Tân Phúc", False),
        ("cấp ủy, chính quyền địa phương", False),
        ("Mỗi cán bộ, công chức của xã", False),
    ],
)
def test_it_tells_a_provincial_body_from_a_local_one(assignee, provincial):
    assert names_provincial_body(assignee) is provincial


def test_a_provincial_body_never_falls_back_to_a_commune():
    lookup = _lookup({"xã Tân Phúc": [NEW_XA], "Công an tỉnh phối hợp với xã Tân Phúc": [NEW_XA]})
    # the lookup's commune is dropped, and the session's locality is not used: the office chooses
    assert suggest_units(["Công an tỉnh phối hợp với xã Tân Phúc"], ["xã Tân Phúc"], lookup) == (
        [],
        True,
    )
    assert suggest_units(
        ["Văn phòng UBND tỉnh theo dõi"], ["xã Tân Phúc"], lookup, known=lambda: [NEW_XA]
    ) == ([], True)
    # the local government still goes to the session's locality
    assert suggest_units(["chính quyền địa phương"], ["xã Tân Phúc"], lookup) == ([4], False)


def typed(record: dict) -> SessionRecord:
    """The typed record of a partial JSON record written by a test (missing keys empty)."""
    data = {"version": 2, "sha256": "", "text": "", **record}
    for p in [*(data.get("chairs") or []), *(data.get("people") or [])]:
        p.setdefault("start", 0)
        p.setdefault("end", 0)
    for d in data.get("directives") or []:
        d.setdefault("start", 0)
        d.setdefault("end", len(d["text"]))
        d.setdefault("assignee_spans", [{"text": a} for a in d.get("assignees") or []])
    return read_record(data)


def _record(date, assignees):
    return {
        "date": date,
        "title": "",
        "localities": ["xã Hoằng Phúc"],
        "locality_spans": [],
        "directives": [
            {"text": "Giao việc.", "start": 0, "end": 10, "issuer": None, "assignees": assignees}
        ],
    }


def test_the_draft_of_a_report_takes_the_units_of_its_time_and_bodies_inside_long_assignees(db):
    from chidao.organisation.models import Unit, UnitKind

    old = Unit.objects.create(
        province_code="38",
        kind=UnitKind.LEGACY_COMMUNE,
        level="xã",
        name="Xã Hoằng Phúc",
        short_name="Hoằng Phúc",
        code="15001",
        valid_to=dt.date(2025, 6, 30),
    )
    new = Unit.objects.create(
        province_code="38",
        kind=UnitKind.COMMUNE,
        level="xã",
        name="Xã Hoằng Phúc",
        short_name="Hoằng Phúc",
        code="90115",
    )
    office = Unit.objects.create(
        province_code="38", kind=UnitKind.DEPARTMENT, level="văn phòng", name="Văn phòng UBND tỉnh"
    )
    Unit.objects.create(province_code="42", kind=UnitKind.DEPARTMENT, level="sở", name="Sở Nội vụ")
    suggest, known = services._suggester("38"), services._known_units("38")

    def units(date, assignees):
        return build_draft(typed(_record(date, assignees)), suggest, known)["directives"][0][
            "units"
        ]

    assert units("2026-01-15", ["UBND xã Hoằng Phúc"]) == [new.pk]
    assert units("2024-10-02", ["UBND xã Hoằng Phúc"]) == [old.pk]
    assert units("2026-01-15", ["Văn phòng UBND tỉnh theo dõi, đôn đốc việc"]) == [office.pk]
    # an alias of a body: the old name of the department is found inside the text too
    assert units("2026-01-15", ["Văn phòng Ủy ban nhân dân tỉnh tổng hợp, báo cáo"]) == [office.pk]
    # another province's department is not known here: the office chooses
    draft = build_draft(
        typed(_record("2026-01-15", ["Sở Nội vụ hướng dẫn thực hiện"])), suggest, known
    )
    assert (draft["directives"][0]["units"], draft["directives"][0]["needs_choice"]) == ([], True)


def test_an_assignee_the_extractor_marks_as_supporting_gives_a_supporting_unit():
    from chidao.meetings.draft import UnitRef, build_draft

    units = {"Sở Xây dựng": UnitRef(1, "Sở Xây dựng"), "UBND xã Tân Lập": UnitRef(2, "Xã Tân Lập")}
    record = {
        "date": "2026-05-04",
        "directives": [
            {
                "text": "Giao Sở Xây dựng chủ trì, phối hợp với UBND xã Tân Lập lập quy hoạch.",
                "assignees": ["Sở Xây dựng", "UBND xã Tân Lập"],
                "assignee_spans": [
                    {"text": "Sở Xây dựng", "start": 5, "end": 16, "role": "lead"},
                    {"text": "UBND xã Tân Lập", "start": 39, "end": 54, "role": "support"},
                ],
            }
        ],
    }

    (directive,) = build_draft(typed(record), lambda text: [units[text]] if text in units else [])[
        "directives"
    ]

    assert (directive["units"], directive["support"]) == ([1, 2], [2])


# ---------------------------------------------------------------- stable item ids


def test_an_item_keeps_its_id_when_an_earlier_one_is_dropped(document, department):
    first, second = (d["id"] for d in document.draft["directives"])

    services.drop_item(document=document, version=1, kind="directives", item_id=first)
    services.edit_item(
        document=document, version=2, kind="directives", item_id=second, topic="Tài chính"
    )

    (left,) = _fresh(document).draft["directives"]
    assert left["id"] == second and left["topic"] == "Tài chính"


def test_a_split_gives_the_second_part_a_new_id_and_a_merge_keeps_the_first(document):
    original = document.draft["directives"][0]
    cut = original["text"].index(" trước ngày")

    services.split_directive(document=document, version=1, item_id=original["id"], offset=cut)
    head, tail, _ = _fresh(document).draft["directives"]
    services.merge_directives(document=document, version=2, item_id=head["id"])

    assert head["id"] == original["id"] and tail["id"] not in {
        d["id"] for d in document.draft["directives"]
    }
    assert _fresh(document).draft["directives"][0]["id"] == original["id"]


def test_a_dropped_item_comes_back_with_its_id(document):
    petition = document.draft["petitions"][0]["id"]

    services.drop_item(document=document, version=1, kind="petitions", item_id=petition)
    services.restore_dropped(document=document, version=2)

    assert _fresh(document).draft["petitions"][0]["id"] == petition


def test_a_draft_stored_before_ids_gets_the_same_ids_on_every_read(document):
    old = copy.deepcopy(document.draft)
    for key in KEYS:
        for item in old[key]:
            del item["id"]
    del old["next_id"]
    SourceDocument.objects.filter(pk=document.pk).update(draft=old)

    doc = _fresh(document)
    assert id_at(doc.draft, "directives", 1) == id_at(doc.draft, "directives", 1)
    services.edit_item(
        document=doc,
        version=1,
        kind="directives",
        item_id=id_at(doc.draft, "directives", 1),
        topic="Đất đai",
    )
    assert _fresh(document).draft["directives"][1]["topic"] == "Đất đai"


@pytest.mark.parametrize(
    "kind, provincial",
    [("provincial_body", True), ("local_body", False), ("local_government", False)],
)
def test_the_assignee_words_of_the_extractor_s_lexicon_sort_provincial_bodies(kind, provincial):
    from chidao.extract import lexicon
    from chidao.meetings.draft import names_provincial_body

    rows = [
        r
        for r in lexicon.load(lexicon.ASSIGNEES, lexicon.ASSIGNEE_KINDS, ("level",))
        if r.kind == kind
    ]
    assert rows
    for row in rows:
        assert names_provincial_body(row.example) is provincial, row.example


def test_a_word_of_every_body_of_a_kind_keeps_a_provincial_head_provincial():
    from chidao.extract import lexicon
    from chidao.meetings.draft import names_provincial_body

    rows = [
        r
        for r in lexicon.load(lexicon.ASSIGNEES, lexicon.ASSIGNEE_KINDS, ("level",))
        if r.kind == "every"
    ]
    assert rows
    for row in rows:
        assert names_provincial_body(row.example), row.example
    assert not names_provincial_body("những sở, ngành")  # not a word of the kind
