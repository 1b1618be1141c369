"""Forms of the insight pages: they parse the query string."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.insight.petitions import PetitionFilters
from chidao.insight.search import KINDS, SearchFilters
from chidao.meetings.models import PetitionState
from chidao.search.models import EntryKind
from chidao.ui.fields import DayInput

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[("", _("Tất cả")), *EntryKind.choices, ("task", _("Nhiệm vụ"))],
        widget=forms.Select(attrs={"id": "s-kind"}),
    )
    date_from = forms.DateField(label=_("Từ ngày"), required=False, input_formats=DATE_FORMATS)
    date_to = forms.DateField(label=_("Đến ngày"), required=False, input_formats=DATE_FORMATS)

    def filters(self) -> SearchFilters:
        """The valid filters (a wrong value is dropped and shown in ``errors``)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        kind = data.get("kind") or ""
        return SearchFilters(
            q=(data.get("q") or "").strip(),
            kind=kind if kind in KINDS else "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


class DashboardForm(forms.Form):
    """The dashboard's period and scope (all optional: this year, the whole province)."""

    period = forms.ChoiceField(
        label=_("Kỳ"),
        required=False,
        choices=[
            ("month", _("Tháng")),
            ("quarter", _("Quý")),
            ("year", _("Năm")),
            ("custom", _("Tùy chọn")),
        ],
        widget=forms.Select(attrs={"id": "d-period"}),
    )
    year = forms.IntegerField(
        label=_("Năm"),
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"id": "d-year"}),
    )
    number = forms.IntegerField(
        label=_("Tháng/Quý"),
        required=False,
        min_value=1,
        max_value=12,
        widget=forms.NumberInput(attrs={"id": "d-number"}),
    )
    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DayInput(attrs={"id": "d-from"}),
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DayInput(attrs={"id": "d-to"}),
    )
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    leader = forms.IntegerField(required=False, widget=forms.HiddenInput)
    topic = forms.CharField(required=False, max_length=120, widget=forms.HiddenInput)


class PetitionFilterForm(forms.Form):
    """The petitions register's filters (all optional)."""

    q = forms.CharField(
        label=_("Tìm"), required=False, max_length=200, widget=forms.TextInput(attrs={"id": "p-q"})
    )
    state = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *PetitionState.choices],
        widget=forms.Select(attrs={"id": "p-state"}),
    )
    answerer = forms.TypedChoiceField(
        label=_("Cơ quan trả lời"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"id": "p-answerer"}),
    )
    raised_by = forms.IntegerField(required=False, widget=forms.HiddenInput)
    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DayInput(attrs={"id": "p-from"}),
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DayInput(attrs={"id": "p-to"}),
    )

    def __init__(self, *args: Any, units: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answerer"].choices = [("", _("Tất cả")), *units]  # type: ignore[attr-defined]

    def filters(self) -> tuple[PetitionFilters, list[str]]:
        """The valid filters, and one message per wrong value (named by its field's label)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        errors = [
            f"{self.fields[name].label if name in self.fields else name}: {' '.join(map(str, errs))}"
            for name, errs in self.errors.items()
        ]
        return (
            PetitionFilters(
                state=data.get("state") or "",
                answerer=data.get("answerer"),
                raised_by=data.get("raised_by"),
                q=(data.get("q") or "").strip(),
                date_from=data.get("date_from"),
                date_to=data.get("date_to"),
            ),
            errors,
        )


class SeriesForm(forms.Form):
    """The office's correction of an indicator series in a unit's dossier: its new name, or
    the series it is merged into (both named by their keys in the dossier)."""

    series = forms.CharField(label=_("Chỉ tiêu"), max_length=400)
    name = forms.CharField(label=_("Tên chỉ tiêu"), max_length=300, required=False)
    into = forms.CharField(label=_("Gộp vào chỉ tiêu"), max_length=400, required=False)
