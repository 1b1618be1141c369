"""People and their positions over time: positions_on and current_title."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from chidao.organisation.models import Person, Position
from chidao.organisation.queries import current_title, positions_on


def _person(*positions):
    p = Person.objects.create(full_name="Phạm Văn Khải", province_code="38")
    for title, start, end in positions:
        Position.objects.create(person=p, title=title, start=start, end=end)
    return p


def test_it_gives_the_positions_held_on_a_day(db):
    p = _person(
        ("Phó Chủ tịch UBND tỉnh", date(2020, 10, 1), date(2023, 12, 31)),
        ("Chủ tịch UBND tỉnh", date(2024, 1, 1), None),
        ("Phó Bí thư Tỉnh ủy", date(2020, 10, 1), None),
    )
    assert [x.title for x in positions_on(p, date(2021, 5, 4))] == [
        "Phó Chủ tịch UBND tỉnh",
        "Phó Bí thư Tỉnh ủy",
    ]
    assert [x.title for x in positions_on(p, date(2024, 3, 9))] == [
        "Phó Bí thư Tỉnh ủy",
        "Chủ tịch UBND tỉnh",
    ]
    assert positions_on(p, date(2019, 1, 1)) == []


def test_it_counts_a_position_without_dates_as_always_held(db):
    p = _person(("Bí thư Huyện ủy", None, None))
    assert [x.title for x in positions_on(p, date(2018, 1, 1))] == ["Bí thư Huyện ủy"]


def test_it_gives_the_current_titles_most_recent_first(db):
    p = _person(
        ("Phó Chủ tịch UBND tỉnh", date(2020, 10, 1), date(2023, 12, 31)),
        ("Phó Bí thư Tỉnh ủy", date(2020, 10, 1), None),
        ("Chủ tịch UBND tỉnh", date(2024, 1, 1), None),
    )
    assert current_title(p) == "Chủ tịch UBND tỉnh, Phó Bí thư Tỉnh ủy"


def test_it_gives_the_last_title_of_someone_no_longer_in_office(db):
    p = _person(
        ("Phó Chủ tịch UBND tỉnh", date(2015, 1, 1), date(2020, 9, 30)),
        ("Chủ tịch UBND tỉnh", date(2020, 10, 1), date(2021, 6, 30)),
    )
    assert current_title(p) == "Chủ tịch UBND tỉnh"


def test_it_gives_no_title_to_a_person_without_positions(db):
    assert current_title(_person()) == ""


def test_it_does_not_count_a_position_that_ended_yesterday(db):
    yesterday = (
        timezone.localdate().replace(day=1) if timezone.localdate().day > 1 else date(2000, 1, 1)
    )
    p = _person(
        ("Giám đốc Sở Y tế", date(1999, 1, 1), yesterday),
        ("Phó Chủ tịch UBND tỉnh", yesterday, None),
    )
    assert current_title(p) == "Phó Chủ tịch UBND tỉnh"
