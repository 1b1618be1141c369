"""How the demo chooses units for directives the extractor could not map, as an office would."""

from __future__ import annotations

import pytest

from chidao.demo import setup
from chidao.meetings import services as meetings
from chidao.meetings.draft import id_at
from chidao.organisation.models import Unit, UnitKind

REPORT = """Chủ tịch UBND tỉnh làm việc với xã An Bình

Sáng 6/5/2026, đồng chí Trịnh Văn Lâm, Chủ tịch UBND tỉnh làm việc với xã An Bình.

Kết luận buổi làm việc, đồng chí đề nghị UBND xã An Bình hoàn thành cấp nước sạch trước ngày 30/9/2026.
"""


@pytest.fixture
def office_unit(db):
    return Unit.objects.create(
        province_code="38", kind=UnitKind.COMMITTEE, level="tỉnh", name="Văn phòng UBND tỉnh"
    )


@pytest.fixture
def document(office, unit_a):
    doc, _created = meetings.ingest_text(
        text=REPORT, filename="an-binh.txt", province_code="38", actor=office
    )
    assert doc.draft["directives"], "the report must give one directive"
    return meetings.edit_item(
        document=doc,
        version=doc.version,
        kind="directives",
        item_id=id_at(doc.draft, "directives", 0),
        units=[],
    )


def _units_of_first_directive(document) -> list[int]:
    document.refresh_from_db()
    return document.draft["directives"][0]["units"]


def test_it_maps_an_assignee_followed_by_its_action_on_its_leading_words(
    office, document, office_unit
):
    doc = meetings.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        assignees=["Văn phòng UBND tỉnh theo dõi, đôn đốc"],
    )

    setup._assign_units(doc, actor=office)

    assert _units_of_first_directive(doc) == [office_unit.pk]


def test_it_gives_the_sessions_locality_when_the_assignee_names_no_unit(office, document, unit_a):
    doc = meetings.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        assignees=["Mỗi cán bộ, công chức của xã"],
    )
    doc = meetings.set_session(document=doc, version=doc.version, localities=["xã An Bình"])

    setup._assign_units(doc, actor=office)

    assert _units_of_first_directive(doc) == [unit_a.pk]


def test_it_leaves_a_directive_without_units_when_nothing_names_one(office, document):
    doc = meetings.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        assignees=["các ngành"],
    )
    doc = meetings.set_session(document=doc, version=doc.version, localities=[])

    setup._assign_units(doc, actor=office)

    assert _units_of_first_directive(doc) == []
    assert meetings.check_ready(doc.draft)  # the demo leaves such a document in review
