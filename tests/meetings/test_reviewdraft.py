"""The review draft read into typed objects and written back: nothing stored is lost, old
drafts still open, a broken one is named."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.extract.record import Assignee
from chidao.meetings.draft import assign_ids
from chidao.meetings.reviewdraft import (
    DirectiveItem,
    DraftFormatError,
    IndicatorItem,
    LocalityItem,
    Offsets,
    PersonItem,
    read_draft,
)

STORED = {
    "date": "2026-04-09",
    "title": "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với xã Tân Lộc",
    "kind": "visit",
    "province": "Nghệ An",
    "chairs": [{"name": "Phan Văn Khải", "titles": ["Chủ tịch UBND tỉnh"]}],
    "people": [{"id": "i1", "text": "Đinh Thị Mai", "start": 40, "end": 52, "titles": ["Bí thư"]}],
    "localities": [
        {"id": "i2", "text": "xã Tân Lộc", "start": 60, "end": 70, "unit": 17},
        {"id": "i3", "text": "xã Hưng Nhân", "start": None, "end": None},
    ],
    "agencies": [],
    "indicators": [
        {
            "id": "i4",
            "text": "thu ngân sách 9,5 tỷ",
            "start": 80,
            "end": 99,
            "value": 9.5,
            "unit": "tỷ đồng",
        }
    ],
    "difficulties": [{"id": "i5", "text": "thiếu vốn", "start": 100, "end": 109}],
    "petitions": [{"id": "i6", "text": "đề nghị hỗ trợ", "start": 110, "end": 124, "by": None}],
    "site_visits": [],
    "directives": [
        {
            "id": "i7",
            "text": "Giao xã Tân Lộc hoàn thành kè sông trước 30/6/2026.",
            "start": 130,
            "end": 181,
            "issuer": "Phan Văn Khải",
            "deadline": "2026-06-30",
            "deadline_span": {"start": 170, "end": 180},
            "assignees": ["xã Tân Lộc"],
            "assignee_spans": [
                {
                    "text": "xã Tân Lộc",
                    "start": 135,
                    "end": 145,
                    "role": "lead",
                    "unit_code": "17890",
                }
            ],
            "units": [17],
            "support": [],
            "suggested": [17],
            "needs_choice": False,
            "topic": "Giao thông",
        }
    ],
    "dropped": [],
    "next_id": 8,
}


def test_it_writes_back_what_it_read():
    assert read_draft(STORED).to_json() == STORED


def test_it_reads_each_kind_into_its_type():
    draft = read_draft(STORED)

    person, (coded, typed) = draft.of("people")[0], draft.of("localities")
    indicator, directive = draft.of("indicators")[0], draft.directives[0]
    assert isinstance(person, PersonItem) and person.titles == ["Bí thư"]
    assert isinstance(coded, LocalityItem) and (coded.unit, typed.start) == (17, None)
    assert isinstance(indicator, IndicatorItem) and (indicator.value, indicator.unit) == (
        9.5,
        "tỷ đồng",
    )
    assert isinstance(directive, DirectiveItem)
    assert (directive.deadline, directive.deadline_span, directive.units) == (
        dt.date(2026, 6, 30),
        Offsets(170, 180),
        [17],
    )
    assert draft.date == dt.date(2026, 4, 9)


def test_it_finds_an_item_by_id_not_by_position():
    draft = read_draft(STORED)

    assert draft.find("localities", "i3") == (1, draft.of("localities")[1])
    assert draft.find("directives", "i3") is None


def test_a_draft_stored_before_ids_gets_the_same_ids_as_before():
    old = {
        "directives": [{"text": "a", "start": 1, "end": 2}, {"text": "b", "start": 3, "end": 4}],
        "people": [{"text": "Lò Văn Sính", "start": 5, "end": 16, "titles": []}],
    }

    draft = read_draft(old)

    expected = assign_ids({k: [dict(i) for i in v] for k, v in old.items()})
    assert [d.id for d in draft.directives] == [d["id"] for d in expected["directives"]]
    assert draft.of("people")[0].id == expected["people"][0]["id"] == "i1"
    assert draft.next_id == expected["next_id"] == 4


def test_an_assignee_span_of_a_version_1_record_reads_as_a_lead_without_code():
    old = {
        "directives": [
            {"id": "i1", "text": "x", "assignee_spans": [{"text": "Sở Y tế", "start": 0, "end": 7}]}
        ]
    }

    (span,) = read_draft(old).directives[0].assignee_spans

    assert span == Assignee(text="Sở Y tế", start=0, end=7, role="lead", unit_code=None)


def test_it_keeps_keys_it_does_not_know():
    stored = {
        **STORED,
        "reviewer_note": "xem lại",
        "agencies": [
            {"id": "i9", "text": "Sở Nội vụ", "start": None, "end": None, "origin": "office"}
        ],
    }

    written = read_draft(stored).to_json()

    assert written["reviewer_note"] == "xem lại"
    assert written["agencies"][0]["origin"] == "office"


def test_an_item_that_is_not_an_object_is_named():
    with pytest.raises(DraftFormatError, match=r"petitions\[1\]: expected an object, got str"):
        read_draft({"petitions": [{"text": "a"}, "hỗ trợ giống lúa"]})


def test_an_edit_of_a_broken_stored_draft_names_it_and_changes_nothing(document):
    from chidao.meetings import services
    from chidao.meetings.models import SourceDocument

    broken = {**document.draft, "petitions": ["hỗ trợ giống lúa"]}
    SourceDocument.objects.filter(pk=document.pk).update(draft=broken)
    document.refresh_from_db()

    with pytest.raises(services.DraftError, match=r"petitions\[0\]: expected an object"):
        services.edit_item(
            document=document,
            version=document.version,
            kind="directives",
            item_id=document.draft["directives"][0]["id"],
            topic="Nông nghiệp",
        )

    assert SourceDocument.objects.get(pk=document.pk).draft == broken
