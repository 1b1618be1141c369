"""The themes pages: readers see them, the office corrects them, officers are kept out."""

from __future__ import annotations

import pytest

from chidao.themes import services
from chidao.themes.models import Membership, Theme


@pytest.fixture
def built(asked):
    services.rebuild(province_code="38")
    return Theme.objects.get(seed=asked[("dyke", "An Bình")])


def test_the_list_shows_recurring_themes_with_units_and_states(client, built, leader):
    client.force_login(leader)
    page = client.get("/themes/").content.decode()
    assert built.label[:40] in page
    assert "Xã An Bình</a> (1)" in page and "Xã Hà Lĩnh</a> (1)" in page
    assert "Mới giao: 3" in page
    assert "nông thôn mới" not in page  # a theme of one directive is not recurring


@pytest.mark.parametrize("extra", [0, 2])
def test_the_list_reads_in_a_fixed_number_of_queries(
    client, built, asked, office, extra, django_assert_max_num_queries
):
    for key in list(asked)[3 : 3 + extra]:  # more themes of two directives
        services.move_directive(directive=asked[key], theme=built, actor=office)
    client.force_login(office)
    with django_assert_max_num_queries(8):
        assert client.get("/themes/").status_code == 200


def test_the_theme_page_lists_its_directives_with_their_tasks(
    client, built, office, django_assert_max_num_queries
):
    client.force_login(office)
    with django_assert_max_num_queries(10):
        page = client.get(f"/themes/{built.pk}/").content.decode()
    assert page.count('class="theme-move"') == 3
    assert "tuyến đê sông Lèn" in page


def test_the_directive_page_loads_its_theme(client, built, asked, leader):
    client.force_login(leader)
    directive = asked[("dyke", "Bình Minh")]
    assert (
        f'hx-get="/themes/directive/{directive.pk}/"'
        in client.get(f"/tasks/directives/{directive.pk}/").content.decode()
    )
    fragment = client.get(f"/themes/directive/{directive.pk}/").content.decode()
    assert f'href="/themes/{built.pk}/"' in fragment and "cùng 2 chỉ đạo khác" in fragment


def test_the_office_renames_moves_and_merges(client, built, asked, office):
    client.force_login(office)
    client.post(f"/themes/{built.pk}/rename/", {"name": "Đê sông Lèn"})
    rural = Theme.objects.get(seed=asked[("rural", "Bình Minh")])
    client.post(
        f"/themes/{built.pk}/move/",
        {"directive": asked[("dyke", "An Bình")].pk, "target": rural.pk},
    )
    response = client.post(f"/themes/{rural.pk}/merge/", {"into": built.pk})
    assert response["Location"] == f"/themes/{rural.pk}/"
    built.refresh_from_db()
    assert (built.name, built.size) == ("Đê sông Lèn", 4)
    assert Membership.objects.get(directive=asked[("dyke", "An Bình")]).by_office


def test_wrong_input_is_said_and_changes_nothing(client, built, asked, office):
    client.force_login(office)
    other = asked[("rural", "Bình Minh")]
    response = client.post(
        f"/themes/{built.pk}/move/", {"directive": other.pk, "target": ""}, follow=True
    )
    assert f"Chỉ đạo số {other.pk} không thuộc chủ đề này." in response.content.decode()
    response = client.post(f"/themes/{built.pk}/merge/", {"into": "abc"}, follow=True)
    assert "Gộp vào chủ đề số: Nhập một số tổng thể." in response.content.decode()
    response = client.post(f"/themes/{built.pk}/merge/", {"into": 999999}, follow=True)
    assert "Không có chủ đề số 999999." in response.content.decode()
    assert not Membership.objects.filter(by_office=True).exists()
    assert Theme.objects.filter(merged_into__isnull=False).count() == 0


def test_officers_are_kept_out(client, built, officer_a):
    client.force_login(officer_a)
    assert client.get("/themes/").status_code == 403
    assert client.get(f"/themes/{built.pk}/").status_code == 403


def test_another_provinces_theme_is_404(client, built, office):
    Theme.objects.filter(pk=built.pk).update(province_code="40")
    client.force_login(office)
    assert client.get(f"/themes/{built.pk}/").status_code == 404
