"""Forms of the insight pages: they parse the query string."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.insight.search import KINDS, SearchFilters
from chidao.search.models import EntryKind

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
