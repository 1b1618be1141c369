"""Themes stored: computed session by session and in full, the office's corrections kept."""

from __future__ import annotations

import pytest

from chidao.meetings.models import Directive
from chidao.themes import services
from chidao.themes.models import Membership, Theme


def themes_now() -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for directive, theme in Membership.objects.filter(theme__isnull=False).values_list(
        "directive_id", "theme_id"
    ):
        groups.setdefault(theme, []).append(directive)
    return sorted(sorted(g) for g in groups.values())


def pks(asked, *keys) -> list[int]:
    return sorted(asked[k].pk for k in keys)


def test_confirming_session_by_session_groups_the_same_ask(asked, sessions):
    for s in sessions:
        services.assign(directives=s.directives.all(), province_code="38")
    assert themes_now() == sorted(
        [
            pks(asked, ("dyke", "An Bình"), ("dyke", "Bình Minh"), ("dyke_again", "Hà Lĩnh")),
            pks(asked, ("resettle", "An Bình")),
            pks(asked, ("rural", "Bình Minh")),
        ]
    )
    dyke = Theme.objects.get(seed=asked[("dyke", "An Bình")])
    assert dyke.size == 3


def test_a_full_rebuild_gives_the_same_themes(asked, sessions):
    for s in sessions:
        services.assign(directives=s.directives.all(), province_code="38")
    before = themes_now()
    done = services.rebuild(province_code="38")
    assert themes_now() == before
    assert (done.directives, done.themes, done.recurring) == (5, 1, 3)


def test_the_offices_corrections_survive_a_rebuild(asked, office):
    services.rebuild(province_code="38")
    dyke = Theme.objects.get(seed=asked[("dyke", "An Bình")])
    rural = Theme.objects.get(seed=asked[("rural", "Bình Minh")])
    services.rename(theme=dyke, name="Giải phóng mặt bằng đê sông Lèn", actor=office)
    services.move_directive(directive=asked[("resettle", "An Bình")], theme=dyke, actor=office)
    services.move_directive(directive=asked[("dyke", "Bình Minh")], theme=None, actor=office)
    services.rebuild(province_code="38")
    dyke.refresh_from_db()
    assert dyke.name == "Giải phóng mặt bằng đê sông Lèn"
    assert sorted(dyke.members.values_list("directive_id", flat=True)) == pks(
        asked, ("dyke", "An Bình"), ("dyke_again", "Hà Lĩnh"), ("resettle", "An Bình")
    )
    out = Membership.objects.get(directive=asked[("dyke", "Bình Minh")])
    assert (out.theme_id, out.by_office) == (None, True)
    assert rural.members.count() == 1


def test_a_merged_theme_takes_its_directives_and_later_ones_too(asked, sessions, office):
    services.rebuild(province_code="38")
    dyke = Theme.objects.get(seed=asked[("dyke", "An Bình")])
    resettle = Theme.objects.get(seed=asked[("resettle", "An Bình")])
    services.merge(theme=resettle, into=dyke, actor=office)
    later = Directive.objects.create(
        session=sessions[2],
        text="Xã Bình Minh hoàn thành giải phóng mặt bằng khu tái định cư Đồng Mé.",
        order=9,
    )
    services.assign(directives=[later], province_code="38")
    services.rebuild(province_code="38")
    dyke.refresh_from_db()
    assert later.pk in set(dyke.members.values_list("directive_id", flat=True))
    assert dyke.size == 5
    assert Theme.objects.get(pk=resettle.pk).size == 0


def test_a_theme_cannot_be_merged_into_itself_or_twice(asked, office):
    services.rebuild(province_code="38")
    dyke = Theme.objects.get(seed=asked[("dyke", "An Bình")])
    rural = Theme.objects.get(seed=asked[("rural", "Bình Minh")])
    with pytest.raises(services.ThemeError, match="chính nó"):
        services.merge(theme=dyke, into=dyke, actor=office)
    services.merge(theme=rural, into=dyke, actor=office)
    with pytest.raises(services.ThemeError, match="chính nó"):
        services.merge(theme=dyke, into=rural, actor=office)  # rural now stands for dyke


def test_a_name_too_long_is_refused_with_its_length(asked, office):
    services.rebuild(province_code="38")
    theme = Theme.objects.first()
    with pytest.raises(services.ThemeError, match="301 ký tự"):
        services.rename(theme=theme, name="x" * 301, actor=office)


def test_confirming_a_session_places_its_directives(db, office, unit_b, leader_person):
    from chidao.meetings.services import ingest_text
    from chidao.workflow.sessions import confirm

    text = (
        "Phó Chủ tịch UBND tỉnh kiểm tra kênh tiêu tại xã Bình Minh\n"
        "Chiều 9-4, đồng chí Đỗ Minh Khôi, Phó Chủ tịch UBND tỉnh đã kiểm tra công tác phòng, "
        "chống úng năm 2026 tại xã Bình Minh.\n"
        "Phát biểu chỉ đạo, đồng chí Đỗ Minh Khôi đề nghị xã Bình Minh nạo vét kênh tiêu Bắc Sơn, "
        "hoàn thành trước ngày 31/10/2026.\n"
    )
    document, _ = ingest_text(text=text, filename="binh-minh.txt", province_code="38", actor=office)
    session = confirm(document=document, actor=office, reason="Có đủ thông tin.")
    directive = session.directives.get()
    assert Membership.objects.get(directive=directive).theme.seed_id == directive.pk
