"""Pages of recurring directives: the themes, one theme, a directive's theme (htmx fragment),
and the office's corrections (rename, move a directive, merge)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.organisation.access import role_required
from chidao.organisation.models import Role
from chidao.tasks import access as task_access
from chidao.themes import queries, services
from chidao.themes.forms import MergeForm, MoveForm, RenameForm
from chidao.themes.models import Theme
from chidao.ui.http import AppRequest


class SizedPaginator(Paginator):
    """Pages of a theme's directives, counted by the theme's stored size (no COUNT)."""

    def __init__(self, *args: Any, size: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._size = size

    @property
    def count(self) -> int:
        return self._size


readers = role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
office_only = role_required(Role.OFFICE)
PAGE_SIZE = 30


@readers
def theme_list(request: AppRequest) -> HttpResponse:
    """The province's recurring themes, the largest first, with their units and states."""
    page = Paginator(queries.themes_for(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    themes = list(page.object_list)
    summary = queries.stored_summaries(themes)
    counted = min((t.stats_at for t in themes if t.stats_at), default=None)
    return render(
        request,
        "themes/list.html",
        {"page": page, "rows": [(t, summary[t.pk]) for t in themes], "counted": counted},
    )


@readers
def theme_detail(request: AppRequest, pk: int) -> HttpResponse:
    """One theme: its directives (sessions, issuers) with their tasks' units and states."""
    theme = queries.get_theme_for_user(request.user, pk)
    if theme.merged_into_id is not None:
        return redirect("themes:detail", theme.merged_into_id)
    page = SizedPaginator(queries.theme_directives(theme), PAGE_SIZE, size=theme.size).get_page(
        request.GET.get("page")
    )
    directives = list(page.object_list)
    tasks = queries.tasks_of(directives)
    context = {
        "theme": theme,
        "summary": queries.stored_summaries([theme])[theme.pk],
        "page": page,
        "rows": [(d, tasks.get(d.pk, [])) for d in directives],
        "can_correct": task_access.is_office(request.user),
        "rename_form": RenameForm(initial={"name": theme.name}),
        "merge_form": MergeForm(),
    }
    return render(request, "themes/detail.html", context)


@readers
def directive_theme(request: AppRequest, pk: int) -> HttpResponse:
    """The theme of a directive (htmx loads it into the directive's page)."""
    directive = task_access.get_directive_for_user(request.user, pk)
    return render(request, "themes/_directive_theme.html", {"found": queries.theme_of(directive)})


def _correct(
    request: AppRequest,
    pk: int,
    form_class: type,
    call: Callable[[Theme, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    theme = queries.get_theme_for_user(request.user, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        errors = "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items())
        messages.error(request, errors)
        return redirect("themes:detail", theme.pk)
    try:
        call(theme, form.cleaned_data)
    except services.ThemeError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, done)
    return redirect("themes:detail", theme.pk)


@office_only
@require_POST
def rename(request: AppRequest, pk: int) -> HttpResponse:
    """The office names the theme (empty: the computed name)."""
    return _correct(
        request,
        pk,
        RenameForm,
        lambda t, d: services.rename(theme=t, name=d["name"], actor=request.user),
        _("Đã đổi tên chủ đề."),
    )


@office_only
@require_POST
def move(request: AppRequest, pk: int) -> HttpResponse:
    """The office moves one directive of this theme to another theme, or out of every theme."""

    def call(theme: Theme, data: dict[str, Any]) -> Any:
        directive = queries.theme_directives(theme).filter(pk=data["directive"]).first()
        if directive is None:
            raise services.ThemeError(
                _("Chỉ đạo số %(n)s không thuộc chủ đề này.") % {"n": data["directive"]}
            )
        target = None
        if data["target"]:
            try:
                target = queries.get_theme_for_user(request.user, data["target"])
            except Http404 as e:
                raise services.ThemeError(
                    _("Không có chủ đề số %(n)s.") % {"n": data["target"]}
                ) from e
        return services.move_directive(directive=directive, theme=target, actor=request.user)

    return _correct(request, pk, MoveForm, call, _("Đã chuyển chỉ đạo."))


@office_only
@require_POST
def merge(request: AppRequest, pk: int) -> HttpResponse:
    """The office merges this theme into another; the page goes to the merged theme."""

    def call(theme: Theme, data: dict[str, Any]) -> Any:
        try:
            into = queries.get_theme_for_user(request.user, data["into"])
        except Http404 as e:
            raise services.ThemeError(_("Không có chủ đề số %(n)s.") % {"n": data["into"]}) from e
        return services.merge(theme=theme, into=into, actor=request.user)

    return _correct(request, pk, MergeForm, call, _("Đã gộp chủ đề."))
