"""Organisation pages: the list of units of the user's province."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from chidao.organisation.access import province_code_of, role_required
from chidao.organisation.models import Role, UnitKind
from chidao.organisation.queries import Period, units_for

PAGE_SIZE = 50


def _has_url(name: str) -> bool:
    try:
        reverse(name, args=[1])
    except NoReverseMatch:
        return False
    return True


@role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
def unit_list(request: HttpRequest) -> HttpResponse:
    """Units of the province: search by name (with or without diacritics), filter by kind and
    period; pre-2025 units show the units that succeeded them. htmx gets the results only."""
    text = request.GET.get("q", "").strip()[:100]
    kind = request.GET.get("kind", "")
    kind = kind if kind in UnitKind.values else ""
    period = request.GET.get("period", "")
    period = period if period in (Period.CURRENT, Period.LEGACY) else ""
    units = units_for(
        province_code=province_code_of(request.user) or "", text=text, kind=kind, period=period
    )
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "units": page.object_list,
        "q": text,
        "kind": kind,
        "period": period,
        "kinds": UnitKind.choices,
        "query": query.urlencode(),
        "unit_pages": _has_url("insight:dossier"),
    }
    template = "organisation/unit_list.html"
    if request.htmx and request.htmx.target == "unit-results":
        template += "#results"
    return render(request, template, context)


@role_required(Role.OFFICE, Role.ADMIN)
def officer_accounts(request: HttpRequest) -> HttpResponse:
    """One officer account per unit, in bulk: the units without an officer, ticked; the
    created accounts' one-time passwords are shown once and offered as a CSV download (they
    are stored nowhere but in their hash)."""
    import base64

    from django.contrib import messages
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from chidao.organisation import accounts

    code = province_code_of(request.user) or ""
    open_units = accounts.units_without_officer(code)
    if request.method == "POST":
        chosen = {int(v) for v in request.POST.getlist("units") if v.isdigit()}
        units = [u for u in open_units if u.pk in chosen]
        if not units:
            messages.error(request, _("Chưa chọn đơn vị nào."))
        else:
            created = accounts.create_unit_officers(province_code=code, units=units)
            messages.success(
                request,
                ngettext(
                    "Đã tạo %(n)d tài khoản cán bộ. Hãy tải danh sách mật khẩu ngay: nó chỉ hiện một lần.",
                    "Đã tạo %(n)d tài khoản cán bộ. Hãy tải danh sách mật khẩu ngay: nó chỉ hiện một lần.",
                    len(created),
                )
                % {"n": len(created)},
            )
            data = base64.b64encode(accounts.accounts_csv(created)).decode("ascii")
            return render(
                request,
                "organisation/officer_accounts_created.html",
                {"created": created, "csv_data": data},
            )
    return render(request, "organisation/officer_accounts.html", {"units": open_units})
