"""The directive register: filters, free text without diacritics, sorting, pages, .xlsx export."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chidao.organisation.models import Person
from chidao.tasks import access, queries
from chidao.tasks.models import Task
from chidao.tasks.queries import RegisterFilters
from chidao.tasks.services import create_tasks, report_completion

from .conftest import make_directive, make_session


@pytest.fixture
def book(db, leader_person, unit_a, unit_b, department, office):
    """Three sessions: the chairman in 2021 (Thiệu Hóa, old tone placement in one sentence),
    a vice-chairwoman in 2024, the chairman in 2026; five tasks in all."""
    deputy = Person.objects.create(full_name="Hà Thị Ngọc", province_code="38")
    s2021 = make_session(
        title="Chủ tịch UBND tỉnh làm việc với huyện Thiệu Hóa", date=dt.date(2021, 4, 9)
    )
    s2024 = make_session(
        title="Phó Chủ tịch UBND tỉnh kiểm tra dự án đê biển", date=dt.date(2024, 8, 20)
    )
    s2026 = make_session(
        title="Chủ tịch UBND tỉnh làm việc với xã An Bình", date=dt.date(2026, 3, 12)
    )
    d1 = make_directive(
        s2021,
        text="Huyện Thiệu Hoá hoàn thành cắm mốc quy hoạch cụm công nghiệp.",
        issuer=leader_person,
        topic="Đất đai",
    )
    d2 = make_directive(
        s2024, text="Đẩy nhanh tiến độ nâng cấp đê biển Bình Minh.", issuer=deputy, topic="Thủy lợi"
    )
    d3 = make_directive(
        s2026,
        text="Tháo gỡ vướng mắc giải phóng mặt bằng đường vành đai Thiệu Hóa.",
        issuer=leader_person,
        topic="Giao thông",
    )
    t = {}
    t["a1"], t["b1"] = create_tasks(
        directive=d1, units=[unit_a, unit_b], deadline=dt.date(2021, 12, 31), actor=office
    )
    (t["b2"],) = create_tasks(
        directive=d2, units=[unit_b], deadline=dt.date(2024, 12, 31), actor=office
    )
    t["a3"], t["dep3"] = create_tasks(
        directive=d3, units=[unit_a, department], deadline=dt.date(2026, 6, 30), actor=office
    )
    return {"deputy": deputy, **t}


TODAY = dt.date(2026, 5, 1)


def run(user, **filters):
    return [t.pk for t in queries.register(user, RegisterFilters(**filters), today=TODAY)]


def test_it_finds_thieu_hoa_typed_without_diacritics_in_both_tone_placements(book, office):
    assert set(run(office, q="thieu hoa")) == {
        book["a1"].pk,
        book["b1"].pk,
        book["a3"].pk,
        book["dep3"].pk,
    }
    assert set(run(office, q="THIỆU HOÁ vành đai")) == {book["a3"].pk, book["dep3"].pk}


def test_it_searches_the_unit_and_the_issuer_too(book, office):
    assert set(run(office, q="so tai chinh")) == {book["dep3"].pk}
    assert set(run(office, q="ha thi ngoc")) == {book["b2"].pk}


def test_it_filters_by_leader_unit_state_and_topic(book, office, leader_person, unit_b, officer_a):
    assert set(run(office, leader=book["deputy"].pk)) == {book["b2"].pk}
    assert set(run(office, unit=unit_b.pk)) == {book["b1"].pk, book["b2"].pk}
    assert set(run(office, topic="Giao thông")) == {book["a3"].pk, book["dep3"].pk}
    report_completion(task=book["a3"], actor=officer_a, version=1)
    assert run(office, state="awaiting") == [book["a3"].pk]


def test_it_filters_the_derived_overdue_state(book, office):
    assert set(run(office, state="overdue")) == {book["a1"].pk, book["b1"].pk, book["b2"].pk}


def test_it_filters_a_period_by_session_date_or_by_deadline(book, office):
    assert set(run(office, date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))) == {
        book["b2"].pk
    }
    assert set(run(office, period="deadline", date_from=dt.date(2026, 6, 1))) == {
        book["a3"].pk,
        book["dep3"].pk,
    }


def test_it_sorts_by_date_deadline_leader_and_state(book, office, officer_b):
    assert run(office, sort="date")[:2] == [book["a1"].pk, book["b1"].pk]
    assert run(office, sort="-date")[0] in {book["a3"].pk, book["dep3"].pk}
    assert run(office, sort="-deadline")[-2:] == [book["a1"].pk, book["b1"].pk]
    by_leader = [
        Task.objects.get(pk=pk).directive.issuer.full_name for pk in run(office, sort="leader")
    ]
    assert by_leader == ["Hà Thị Ngọc"] + ["Trịnh Văn Lâm"] * 4
    report_completion(task=book["b2"], actor=officer_b, version=1)
    assert run(office, sort="state")[-1] == book["b2"].pk  # "chờ xác nhận" comes after "mới giao"


def test_it_puts_a_leaders_own_directives_first(book, leader):
    rows = run(leader, sort="-date")
    assert rows[-1] == book["b2"].pk  # the deputy's directive comes after all of the chairman's


def test_it_shows_an_officer_nothing_outside_the_unit(book, officer_a):
    assert set(run(officer_a)) == {book["a1"].pk, book["a3"].pk}


def test_it_pages_the_register(client, book, office, settings, monkeypatch):
    from chidao.tasks.views import common

    monkeypatch.setattr(common, "PAGE_SIZE", 2)
    client.force_login(office)
    pages = [
        client.get(reverse("tasks:register"), {"sort": "date", "page": n}).context["page"]
        for n in (1, 2, 3)
    ]
    assert [t.pk for t in pages[0].object_list] == [book["a1"].pk, book["b1"].pk]
    assert (pages[0].paginator.num_pages, sum(len(p.object_list) for p in pages)) == (3, 5)


def test_its_pages_reach_a_bounded_depth_and_say_how_to_reach_the_rest(
    client, make_tasks, unit_a, office
):
    make_tasks(unit_a, 7)
    page = queries.register_page(office, RegisterFilters(sort="date"), 99, size=2, max_rows=4)
    # counted one row past what the pages reach: "more than 4"
    assert (page.number, page.paginator.num_pages, page.paginator.count) == (2, 2, 5)
    assert page.paginator.capped and page.paginator.bounded and page.paginator.reach == 4
    whole = [t.pk for t in queries.register(office, RegisterFilters(sort="date"))]
    assert [t.pk for t in page.object_list] == whole[2:4]  # the last page reached, in order
    reversed_first = queries.register_page(office, RegisterFilters(sort="-date"), 1, size=2)
    assert [t.pk for t in reversed_first.object_list] == whole[::-1][:2]  # the rest: reversed
    client.force_login(office)
    html = client.get(reverse("tasks:register")).content.decode()
    assert "Các trang đi đến" not in html  # 7 rows: every one reached


def test_it_says_so_when_the_pages_stop_before_the_last_row(
    client, make_tasks, unit_a, office, monkeypatch
):
    from chidao.tasks.views import common

    make_tasks(unit_a, 5)
    monkeypatch.setattr(common, "PAGE_SIZE", 2)
    monkeypatch.setattr(queries, "REGISTER_MAX_ROWS", 2)
    client.force_login(office)
    response = client.get(reverse("tasks:register"), {"page": 3})
    assert response.context["page"].number == 1
    assert "Các trang đi đến 2 nhiệm vụ đầu tiên" in response.content.decode()


def test_it_answers_htmx_with_the_table_only(client, book, office):
    client.force_login(office)
    html = client.get(
        reverse("tasks:register"), {"q": "de bien"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert html.lstrip().startswith('<div id="register-table">')
    assert "Đẩy nhanh tiến độ nâng cấp đê biển Bình Minh." in html and "cắm mốc" not in html


def test_it_ignores_an_invalid_filter_value_and_says_so(client, book, office):
    client.force_login(office)
    response = client.get(
        reverse("tasks:register"), {"state": "gibberish", "date_from": "31/02/2024"}
    )
    assert response.status_code == 200
    assert set(response.context["filters"].errors) == {"state", "date_from"}
    assert response.context["page"].paginator.count == 5


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    "params",
    [{"q": "ra soat"}, {"state": "new"}, {"topic": ""}, {"sort": "state"}, {"page": "9999"}],
)
def test_it_reads_the_register_in_a_fixed_number_of_queries(
    client, make_tasks, unit_a, office, leader, rows, params, django_assert_max_num_queries
):
    make_tasks(unit_a, rows)
    for user, limit in ((office, 10), (leader, 11)):  # a leader's own rows are counted apart
        client.force_login(user)
        limit += "q" in params  # the units whose names hold some of the words (``task_search``)
        with django_assert_max_num_queries(limit):
            response = client.get(reverse("tasks:register"), params)
        assert response.context["page"].paginator.count == rows


def test_the_topic_filter_offers_each_topic_in_use_once_within_what_the_user_sees(
    book, office, officer_a
):
    assert queries.register_choices(office)["topics"] == ["Giao thông", "Thủy lợi", "Đất đai"]
    assert queries.register_choices(officer_a)["topics"] == ["Giao thông", "Đất đai"]


def test_a_user_without_a_role_is_offered_no_topic_and_probes_none(book, django_assert_num_queries):
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user(username="khach")  # no profile: no task
    assert not access.tasks_visible_to(nobody).exists()
    with django_assert_num_queries(0):
        assert queries._held(access.tasks_visible_to(nobody), "topic", ["Giao thông"]) == []
    assert queries.register_choices(nobody)["topics"] == []


def test_the_leader_and_unit_filters_offer_only_what_the_user_sees(
    book, office, officer_a, officer_b, leader_person, unit_a, unit_b, department
):
    Person.objects.create(full_name="Người không giao việc", province_code="38")  # no task
    deputy = book["deputy"]
    choices = queries.register_choices(office)
    assert [pk for pk, _name in choices["leaders"]] == [deputy.pk, leader_person.pk]
    assert {pk for pk, _name in choices["units"]} == {unit_a.pk, unit_b.pk, department.pk}
    # an officer: their own unit, and the leaders of their own unit's tasks only
    mine = queries.register_choices(officer_a)
    assert mine["units"] == [(unit_a.pk, unit_a.name)]
    assert mine["leaders"] == [(leader_person.pk, leader_person.full_name)]
    theirs = queries.register_choices(officer_b)
    assert theirs["units"] == [(unit_b.pk, unit_b.name)]
    assert {pk for pk, _name in theirs["leaders"]} == {deputy.pk, leader_person.pk}
    assert theirs["topics"] == ["Thủy lợi", "Đất đai"]


def test_the_filters_choices_follow_a_directive_whose_issuer_or_topic_changes(book, office):
    deputy = book["deputy"]
    directive = book["b2"].directive
    directive.issuer = None
    directive.topic = "Môi trường"
    directive.save()  # the task's stored issuer and topic follow (tasks.signals)
    choices = queries.register_choices(office)
    assert deputy.pk not in {pk for pk, _name in choices["leaders"]}
    assert choices["topics"] == ["Giao thông", "Môi trường", "Đất đai"]


def test_the_filters_choices_take_the_same_queries_whatever_the_province_offers(book, office):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from chidao.organisation.models import Unit, UnitKind

    with CaptureQueriesContext(connection) as few:
        small = queries.register_choices(office)
    unit = Unit.objects.create(province_code="38", kind=UnitKind.COMMUNE, level="xã", name="Xã Mới")
    for n in range(4):
        person = Person.objects.create(full_name=f"Lãnh đạo {n}", province_code="38")
        directive = make_directive(
            make_session(title=f"Làm việc {n}", date=dt.date(2025, 1, 1 + n)),
            text=f"Việc số {n}.",
            issuer=person,
            topic=f"Lĩnh vực {n}",
        )
        create_tasks(directive=directive, units=[unit], deadline=None, actor=office)
    with CaptureQueriesContext(connection) as more:
        large = queries.register_choices(office)
    assert len(large["leaders"]) == len(small["leaders"]) + 4
    assert len(large["topics"]) == len(small["topics"]) + 4
    assert len(more) == len(few)


def test_the_leader_and_unit_filters_offer_who_has_tasks_with_the_chosen_one_selected(
    client, book, office, unit_a, unit_b, department, leader_person
):
    department.name = 'Sở "Tài chính" & <Kế hoạch>'  # a name is text, never markup
    department.save()
    client.force_login(office)
    html = client.get(reverse("tasks:register"), {"unit": unit_b.pk}).content.decode()
    assert f'<option value="{unit_b.pk}" selected>Xã Bình Minh</option>' in html
    assert f'<option value="{unit_a.pk}">Xã An Bình</option>' in html
    assert (
        f'<option value="{department.pk}">Sở &quot;Tài chính&quot; &amp; &lt;Kế hoạch&gt;</option>'
        in html
    )
    assert f'<option value="{leader_person.pk}">{leader_person.full_name}</option>' in html
    deputy = book["deputy"]
    assert f'<option value="{deputy.pk}">Hà Thị Ngọc</option>' in html
    assert html.count(" selected>") == 2  # the unit and the default period, nothing else


def test_an_htmx_request_reads_no_filter_choices(client, book, office, monkeypatch):
    def fail(user):
        raise AssertionError("the filters' choices are read for the table alone")

    monkeypatch.setattr(queries, "register_choices", fail)
    client.force_login(office)
    response = client.get(reverse("tasks:register"), {"q": "de bien"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200


def test_a_search_finds_words_split_between_the_unit_and_the_directive(book, office):
    # "binh minh" in the unit's name (Xã Bình Minh), "thieu hoa" in the directive
    assert run(office, q="thieu hoa binh minh") == [book["b1"].pk]
    # every word in the unit's name: all its tasks
    assert set(run(office, q="binh minh")) == {book["b1"].pk, book["b2"].pk}
    # a word in no unit's name and in no directive: nothing
    assert run(office, q="thieu hoa khong co dau") == []


def test_a_search_counts_no_further_than_the_pages_reach_and_says_more_than(
    client, make_tasks, unit_a, office, leader, monkeypatch
):
    from chidao.tasks.views import common

    make_tasks(unit_a, 5)
    monkeypatch.setattr(common, "PAGE_SIZE", 2)
    monkeypatch.setattr(queries, "SEARCH_MAX_ROWS", 2)
    for user in (office, leader):
        client.force_login(user)
        response = client.get(reverse("tasks:register"), {"q": "xa an binh"})
        paginator = response.context["page"].paginator
        assert paginator.capped and paginator.count == 3 and paginator.num_pages == 1
        html = response.content.decode()
        assert "Hơn 2 nhiệm vụ" in html and "Các trang đi đến 2 nhiệm vụ đầu tiên" in html
        assert len(response.context["page"].object_list) == 2


def test_the_whole_register_counts_no_further_than_the_pages_reach_either(
    client, make_tasks, unit_a, unit_b, office, leader, monkeypatch
):
    from chidao.tasks.views import common

    make_tasks(unit_a, 5)
    make_tasks(unit_b, 2)
    monkeypatch.setattr(common, "PAGE_SIZE", 2)
    monkeypatch.setattr(queries, "REGISTER_MAX_ROWS", 2)
    for user in (office, leader):
        client.force_login(user)
        for params in ({}, {"sort": "state"}, {"sort": "-leader"}):
            response = client.get(reverse("tasks:register"), params)
            paginator = response.context["page"].paginator
            assert paginator.capped and paginator.num_pages == 1, params
            assert "Hơn 2 nhiệm vụ" in response.content.decode()
        # a filter under the cap: the exact count, no "more than"
        response = client.get(reverse("tasks:register"), {"unit": unit_b.pk})
        paginator = response.context["page"].paginator
        assert not paginator.capped and paginator.count == 2
        html = response.content.decode()
        assert "2 nhiệm vụ" in html and "Hơn 2" not in html


def test_a_search_reaches_fewer_rows_than_the_whole_register_and_says_so(
    client, make_tasks, unit_a, office, monkeypatch
):
    from chidao.tasks.views import common

    make_tasks(unit_a, 9)
    monkeypatch.setattr(common, "PAGE_SIZE", 2)
    monkeypatch.setattr(queries, "SEARCH_MAX_ROWS", 4)
    monkeypatch.setattr(queries, "REGISTER_MAX_ROWS", 6)
    client.force_login(office)
    everything = client.get(reverse("tasks:register")).context["page"].paginator
    assert everything.capped and everything.reach == 6 and everything.num_pages == 3
    searched = client.get(reverse("tasks:register"), {"q": "xa an binh"})
    paginator = searched.context["page"].paginator
    assert paginator.capped and paginator.reach == 4 and paginator.num_pages == 2
    assert "Hơn 4 nhiệm vụ" in searched.content.decode()
    # every page the count promises: the 4 first rows of the search, in the register's order
    shown = [
        t.pk
        for number in (1, 2)
        for t in client.get(reverse("tasks:register"), {"q": "xa an binh", "page": number})
        .context["page"]
        .object_list
    ]
    assert shown == run(office, q="xa an binh")[:4] and len(set(shown)) == 4
    # punctuation alone is no search: the whole register's reach
    dots = client.get(reverse("tasks:register"), {"q": "..."}).context["page"].paginator
    assert dots.reach == 6


def test_a_search_under_the_cap_counts_exactly(client, make_tasks, unit_a, office):
    make_tasks(unit_a, 3)
    client.force_login(office)
    response = client.get(reverse("tasks:register"), {"q": "xa an binh"})
    assert not response.context["page"].paginator.capped
    assert response.context["page"].paginator.count == 3
    assert "3 nhiệm vụ" in response.content.decode()


@pytest.mark.parametrize("probe_tasks", [0, 1_000])
def test_a_unit_groups_lacking_words_give_the_same_rows_probed_or_listed(
    book, office, officer_a, monkeypatch, probe_tasks
):
    # PostgreSQL probes the directives of a small group's rows, lists them for a large one
    # (``PROBE_TASKS``); SQLite always lists them: the same rows, in the same order, either way
    monkeypatch.setattr(queries, "PROBE_TASKS", probe_tasks)
    assert run(office, q="thieu hoa binh minh") == [book["b1"].pk]
    assert run(office, q="Thiệu Hoá Bình Minh") == run(office, q="THIỆU HÓA binh minh")
    assert run(office, q="binh minh de bien") == [book["b2"].pk]
    # Xã An Bình holds "binh", its directives lack "minh"; Xã Bình Minh holds both
    assert run(office, q="binh minh") == [book["b2"].pk, book["b1"].pk]
    # an officer of An Bình: never the rows of Bình Minh, whose name holds the words
    assert run(officer_a, q="binh minh") == []
    assert run(officer_a, q="an binh thieu hoa") == [book["a3"].pk, book["a1"].pk]


def test_postgresql_probes_the_small_unit_groups_and_those_beside_a_long_list(
    book, unit_a, unit_b, monkeypatch
):
    from django.db import connection

    # An Bình (2 tasks) lacks "minh", Bình Minh (2 tasks) lacks "thieu"
    groups = {("binh",): ([unit_a.pk], ["minh"]), ("binh", "minh"): ([unit_b.pk], ["thieu"])}
    monkeypatch.setattr(queries, "PROBE_TASKS", 2)
    if connection.vendor != "postgresql":  # a probe of SQLite's full-text table by rowid:
        assert queries._probed_groups(groups) == set()  # no cheaper than the list
        return
    assert queries._probed_groups(groups) == set(groups)
    # larger than PROBE_TASKS: probed when the list is estimated long beside the tasks
    monkeypatch.setattr(queries, "PROBE_TASKS", 1)
    monkeypatch.setattr(queries, "PROBE_COST", 3)
    estimates = {"minh": 6.0, "thieu": 5.0}  # 3 x 2 tasks = 6

    def estimated(rows):  # directive_ids: on PostgreSQL a statement of its own table
        asked = " ".join(rows.params)
        return next(n for word, n in estimates.items() if f"{word}:*" in asked)

    monkeypatch.setattr(queries, "_estimated_rows", estimated)
    assert queries._probed_groups(groups) == {("binh",)}
    monkeypatch.setattr(queries, "PROBE_MAX", 1)  # too large to probe, whatever the list
    assert queries._probed_groups(groups) == set()


def test_postgresql_estimates_a_list_without_reading_it(book, django_assert_num_queries):
    from django.db import connection

    from chidao.search.engine import directive_ids

    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate: PostgreSQL only")
    with django_assert_num_queries(1):  # the EXPLAIN, not the list
        assert queries._estimated_rows(directive_ids("thieu hoa")) >= 1


@pytest.mark.parametrize("rows", [1, 3])
def test_a_search_some_unit_names_hold_in_part_reads_a_fixed_number_of_queries(
    client, make_tasks, unit_a, unit_b, office, rows, django_assert_max_num_queries
):
    from django.db import connection

    make_tasks(unit_a, rows)
    make_tasks(unit_b, 2, text="Nạo vét kênh {i}.")
    client.force_login(office)
    # the units (Xã An Bình holds every word but "ra soat", Xã Bình Minh "binh"), and on
    # PostgreSQL the sizes of the groups lacking words, one statement
    limit = 10 + 1 + (connection.vendor == "postgresql")
    with django_assert_max_num_queries(limit):
        response = client.get(reverse("tasks:register"), {"q": "an binh ra soat"})
    assert response.context["page"].paginator.count == rows


def test_the_newest_first_order_is_the_order_of_its_index(book, office):
    # PostgreSQL's ``task_by_session_date_desc``: session date descending with the undated
    # last, then the ids descending (nulls first, and they are never null); "DESC NULLS LAST"
    # on an id made PostgreSQL sort the rows of each date after reading the index
    sql = str(queries.register(office, RegisterFilters(sort="-date"), today=TODAY).query)
    order = sql.rsplit("ORDER BY", 1)[1]
    assert '"session_date" DESC NULLS LAST' in order
    for column in ("directive_id", "unit_id"):
        assert f'"{column}" DESC' in order and f'"{column}" DESC NULLS' not in order
    tasks = Task.objects.filter(pk__in=[book[k].pk for k in ("a1", "b1", "b2", "a3", "dep3")])
    newest = sorted(tasks, key=lambda t: (t.session_date, t.directive_id, t.unit_id), reverse=True)
    assert run(office, sort="-date") == [t.pk for t in newest]
