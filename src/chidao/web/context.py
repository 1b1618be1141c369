"""Template context shared by every page: the navigation of the signed-in user's role.

Links are built with ``reverse`` and a link whose URL name does not exist (an app not
installed, or a page not written yet) is left out rather than breaking every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.organisation.access import person_of, profile_of, role_of, unit_of
from chidao.organisation.models import Role


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    active: bool


# (label, URL name, argument-getter or None) per role, in the order shown
_ITEMS: dict[str, list[tuple[Any, str, str | None]]] = {
    Role.OFFICE: [
        (_("Công việc"), "tasks:worklist", None),
        (_("Tổng hợp"), "insight:dashboard", None),
        (_("Chờ duyệt"), "meetings:document_list", None),
        (_("Nhập báo cáo"), "meetings:ingest", None),
        (_("Buổi làm việc"), "meetings:session_list", None),
        (_("Sổ chỉ đạo"), "tasks:register", None),
        (_("Chỉ đạo lặp lại"), "themes:list", None),
        (_("Kiến nghị"), "insight:petitions", None),
        (_("Báo cáo"), "documents:report", None),
        (_("Nhập sổ theo dõi"), "documents:import", None),
        (pgettext_lazy("danh sách", "Đơn vị"), "organisation:unit_list", None),
        (_("Tài khoản"), "organisation:officer_accounts", None),
        (_("Tìm kiếm"), "insight:search", None),
    ],
    Role.LEADER: [
        (_("Chỉ đạo của tôi"), "tasks:leader", "person"),
        (_("Tổng hợp"), "insight:dashboard", None),
        (_("Sổ chỉ đạo"), "tasks:register", None),
        (_("Chỉ đạo lặp lại"), "themes:list", None),
        (_("Kiến nghị"), "insight:petitions", None),
        (_("Buổi làm việc"), "meetings:session_list", None),
        (pgettext_lazy("danh sách", "Đơn vị"), "organisation:unit_list", None),
        (_("Tìm kiếm"), "insight:search", None),
    ],
    Role.OFFICER: [
        (_("Việc được giao"), "tasks:inbox", None),
        (_("Đơn vị của tôi"), "tasks:unit", "unit"),
        (_("Hồ sơ đơn vị"), "insight:dossier", "unit"),
        (_("Tìm kiếm"), "insight:search", None),
    ],
    Role.ADMIN: [
        (pgettext_lazy("danh sách", "Đơn vị"), "organisation:unit_list", None),
        (_("Sổ chỉ đạo"), "tasks:register", None),
        (_("Buổi làm việc"), "meetings:session_list", None),
        (_("Tài khoản"), "organisation:officer_accounts", None),
        (_("Quản trị"), "admin:index", None),
    ],
}


def _url(name: str, arg: Any) -> str | None:
    try:
        return reverse(name, args=[arg]) if arg is not None else reverse(name)
    except NoReverseMatch:
        return None


def nav_links(request: HttpRequest) -> list[NavLink]:
    """The links of the navigation bar for the user of ``request`` (none when signed out)."""
    user = getattr(request, "user", None)
    role = role_of(user)
    if role is None:
        return []
    found: list[tuple[str, str]] = []
    for label, name, needs in _ITEMS.get(role, []):
        arg = None
        if needs == "person":
            person = person_of(user)
            if person is None:
                continue
            arg = person.pk
        elif needs == "unit":
            unit = unit_of(user)
            if unit is None:
                continue
            arg = unit.pk
        url = _url(name, arg)
        if url is not None:
            found.append((str(label), url))
    # the one active link: the longest URL the current path starts with
    matching = [url for _, url in found if request.path.startswith(url) and url != "/"]
    active = max(matching, key=len, default=None)
    return [NavLink(label, url, url == active) for label, url in found]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``nav_links``, the user's ``profile`` and ``role``."""
    user = getattr(request, "user", None)
    return {
        "nav_links": nav_links(request),
        "profile": profile_of(user),
        "role": role_of(user),
    }
