"""Downloads of the lists as XLSX or CSV: the register (with the page's filters), a unit's
dossier, petitions, indicators. Each starts from its domain's gatekeeper."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from chidao.documents import exports
from chidao.insight import petitions as petition_reads
from chidao.insight.forms import PetitionFilterForm
from chidao.insight.petitions import PetitionFilters
from chidao.meetings.access import sessions_visible_to
from chidao.meetings.models import ItemKind, PetitionState, SessionItem
from chidao.meetings.queries import answerer_choices
from chidao.organisation.access import role_required
from chidao.organisation.models import Person, Role
from chidao.organisation.users import RequestUser
from chidao.tasks import access, queries
from chidao.tasks.forms import RegisterFilterForm
from chidao.ui.http import AppRequest

province_readers = role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
signed_in = role_required(*Role.values)
KINDS = ("xlsx", "csv")


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise Http404("unknown format")
    return kind


def _stamp() -> str:
    return f"{timezone.localdate():%Y%m%d}"


FILTER_LABELS = {
    "leader": _lazy("Lãnh đạo chỉ đạo"),
    "unit": _lazy("Đơn vị"),
    "state": _lazy("Tình trạng"),
    "period": _lazy("Lọc theo"),
    "date_from": _lazy("Từ ngày"),
    "date_to": _lazy("Đến ngày"),
    "topic": _lazy("Lĩnh vực"),
    "role": _lazy("Vai trò"),
    "q": _lazy("Tìm kiếm"),
}


def _filters(user: RequestUser, form: RegisterFilterForm) -> list[tuple[str, str]]:
    """The filters the page had, as (label, shown value), for the export's "Bộ lọc" sheet."""
    form.is_valid()
    shown = []
    for name, value in getattr(form, "cleaned_data", {}).items():
        if value in (None, "") or name not in FILTER_LABELS:
            continue
        if name == "unit":
            unit = access.units_visible_to(user).filter(pk=value).first()
            text = unit.name if unit else str(value)
        elif name == "leader":
            person = Person.objects.filter(pk=value).first()
            text = person.full_name if person else str(value)
        elif hasattr(value, "strftime"):
            text = value.strftime("%d/%m/%Y")
        else:
            text = str(dict(getattr(form.fields[name], "choices", []) or []).get(value, value))
        shown.append((str(FILTER_LABELS[name]), text))
    return shown


@province_readers
def register(request: AppRequest, kind: str) -> HttpResponse:
    """The register as filtered on its page (every row, not one page)."""
    form = RegisterFilterForm(request.GET)
    rows = queries.register(request.user, form.filters())
    listing = exports.task_listing(
        rows,
        title=_("Sổ theo dõi chỉ đạo"),
        filename=f"so-theo-doi-chi-dao-{_stamp()}",
        filters=_filters(request.user, RegisterFilterForm(request.GET)),
    )
    return exports.response_for(listing, _kind(kind))


@signed_in
def unit(request: AppRequest, pk: int, kind: str) -> HttpResponse:
    """A unit's dossier: all its tasks (officers: their own unit only; others 404)."""
    obj = access.get_unit_for_user(request.user, pk)
    tasks = queries.with_overdue(access.tasks_visible_to(request.user).filter(unit=obj)).order_by(
        "deadline", "pk"
    )
    listing = exports.task_listing(tasks, title=obj.name, filename=f"nhiem-vu-{obj.pk}-{_stamp()}")
    return exports.response_for(listing, _kind(kind))


def _items(user: RequestUser, kind: str) -> Any:
    return SessionItem.objects.filter(kind=kind, session__in=sessions_visible_to(user))


def _petition_filters(
    user: RequestUser, form: PetitionFilterForm, filters: PetitionFilters
) -> list[tuple[str, str]]:
    """The register's filters as (label, shown value), for the export's "Bộ lọc" sheet."""
    shown: list[tuple[str, str]] = []
    if filters.q:
        shown.append((str(form.fields["q"].label), filters.q))
    if filters.state:
        shown.append((str(form.fields["state"].label), str(PetitionState(filters.state).label)))
    for label, pk in (
        (form.fields["answerer"].label, filters.answerer),
        (_("Đơn vị kiến nghị"), filters.raised_by),
    ):
        if pk:
            unit = access.units_visible_to(user).filter(pk=pk).first()
            shown.append((str(label), unit.name if unit else str(pk)))
    for name, day in (("date_from", filters.date_from), ("date_to", filters.date_to)):
        if day:
            shown.append((str(form.fields[name].label), f"{day:%d/%m/%Y}"))
    return shown


@province_readers
def petitions(request: AppRequest, kind: str) -> HttpResponse:
    """The petitions register as filtered on its page (state, answering body, unit that raised
    them, period, words): every matching row, not one page. A wrong filter value is refused
    with a 400 naming the field, rather than silently exporting more than was asked."""
    kind = _kind(kind)
    form = PetitionFilterForm(request.GET, units=answerer_choices(request.user))
    filters, errors = form.filters()
    if errors:
        return HttpResponseBadRequest(
            _("Không xuất được sổ kiến nghị, bộ lọc sai: %(errors)s")
            % {"errors": "; ".join(errors)},
            content_type="text/plain; charset=utf-8",
        )
    listing = exports.petition_listing(
        petition_reads.petitions(request.user, filters),
        title=_("Kiến nghị"),
        filename=f"kien-nghi-{_stamp()}",
        filters=_petition_filters(request.user, form, filters),
    )
    return exports.response_for(listing, kind)


@province_readers
def indicators(request: AppRequest, kind: str) -> HttpResponse:
    listing = exports.indicator_listing(
        _items(request.user, ItemKind.INDICATOR),
        title=_("Chỉ tiêu, số liệu"),
        filename=f"chi-tieu-{_stamp()}",
    )
    return exports.response_for(listing, _kind(kind))
