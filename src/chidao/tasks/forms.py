"""Forms of the task pages: they parse input; the services decide and write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.tasks.models import TaskRole, TaskState
from chidao.tasks.outcomes import CLASSES, IMPOSSIBLE, IMPOSSIBLE_LABEL
from chidao.tasks.queries import OVERDUE, SORTS, RegisterFilters
from chidao.ui.fields import DayInput, MultipleFileField

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class VersionedForm(forms.Form):
    """Every action form carries the task version the user saw (the optimistic lock)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ProgressForm(VersionedForm):
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}))
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    lower_reason = forms.CharField(
        label=_("Lý do giảm tiến độ (chỉ khi giảm)"),
        required=False,
        max_length=1000,
        widget=forms.TextInput(),
    )
    files = MultipleFileField(label=_("Tệp đính kèm"))


class CompletionForm(VersionedForm):
    text = forms.CharField(
        label=_("Kết quả"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    files = MultipleFileField(label=_("Tệp đính kèm"))


class ExtensionForm(VersionedForm):
    new_deadline = forms.DateField(
        label=_("Thời hạn đề nghị"), input_formats=DATE_FORMATS, widget=DayInput()
    )
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(VersionedForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(VersionedForm):
    note = forms.CharField(
        label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class RequiredNoteForm(VersionedForm):
    note = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 2}))


class EditForm(VersionedForm):
    deadline = forms.DateField(
        label=_("Thời hạn"), input_formats=DATE_FORMATS, widget=DayInput(), required=False
    )
    unit = forms.ModelChoiceField(label=_("Đơn vị thực hiện"), queryset=None, required=False)  # type: ignore[arg-type]
    note = forms.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from chidao.organisation.models import LEGACY_KINDS, Unit

        self.fields["unit"].queryset = (
            units if units is not None else Unit.objects.exclude(kind__in=LEGACY_KINDS)
        )


class RegisterFilterForm(forms.Form):
    """The register's query string."""

    leader = forms.IntegerField(required=False)
    unit = forms.IntegerField(required=False)
    state = forms.ChoiceField(
        required=False, choices=[("", ""), (OVERDUE, _("Quá hạn")), *TaskState.choices]
    )
    period = forms.ChoiceField(
        required=False, choices=[("session", _("Ngày làm việc")), ("deadline", _("Thời hạn"))]
    )
    date_from = forms.DateField(required=False, input_formats=DATE_FORMATS)
    date_to = forms.DateField(required=False, input_formats=DATE_FORMATS)
    topic = forms.CharField(required=False, max_length=120)
    role = forms.ChoiceField(required=False, choices=[("", ""), *TaskRole.choices])
    outcome = forms.ChoiceField(
        required=False, choices=[("", ""), *CLASSES, (IMPOSSIBLE, IMPOSSIBLE_LABEL)]
    )
    q = forms.CharField(required=False, max_length=200)
    sort = forms.ChoiceField(
        required=False, choices=[(s, s) for key in SORTS for s in (key, f"-{key}")]
    )

    def filters(self) -> RegisterFilters:
        """The valid filters (an invalid value is ignored and reported in ``errors``)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        errors = {name: "; ".join(str(e) for e in errs) for name, errs in self.errors.items()}
        date_from: dt.date | None = data.get("date_from")
        return RegisterFilters(
            leader=data.get("leader"),
            unit=data.get("unit"),
            state=data.get("state") or "",
            period=data.get("period") or "session",
            date_from=date_from,
            date_to=data.get("date_to"),
            topic=data.get("topic") or "",
            role=data.get("role") or "",
            outcome=data.get("outcome") or "",
            q=data.get("q") or "",
            sort=data.get("sort") or "-date",
            errors=errors,
        )
