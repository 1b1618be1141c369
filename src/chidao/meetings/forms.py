"""Forms of the meetings pages: they parse input; the services decide and write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.meetings.models import SessionKind
from chidao.meetings.queries import SessionFilters
from chidao.ui.fields import DayInput, MultipleFileField, MultipleFileInput, choice_field

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DMY = {
    "placeholder": "dd/mm/yyyy",
    "inputmode": "numeric",
    "pattern": r"\d{1,2}[/\-]\d{1,2}[/\-]\d{4}",
}


class IngestForm(forms.Form):
    """Paste a report (with an optional file name) or upload one or several files."""

    text = forms.CharField(
        label=_("Dán nội dung báo cáo"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    filename = forms.CharField(label=_("Tên tệp (không bắt buộc)"), required=False, max_length=255)
    published = forms.DateField(
        label=_("Ngày đăng (nếu biết; để trống: năm lấy theo ngày ghi trên trang)"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DayInput(),
    )
    # a field named "files": the form's metaclass moves it into base_fields, so it does not
    # shadow BaseForm.files (the uploads), which django-stubs cannot see
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Hoặc tải lên tệp (.txt, .html, .docx, .pdf)"),
        widget=MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.docx,.pdf"}),
    )

    def clean_text(self) -> str:
        """The pasted text, within the limit of uploads (checked before any work)."""
        from chidao.extract import read

        text: str = self.cleaned_data.get("text") or ""
        if len(text) > read.MAX_CHARS:
            raise forms.ValidationError(
                _(
                    "Nội dung dán dài %(n)s ký tự, vượt quá giới hạn %(limit)s ký tự "
                    "(giới hạn của tệp tải lên)."
                ),
                code="max_length",
                params={"n": f"{len(text):,}", "limit": f"{read.MAX_CHARS:,}"},
            )
        return text

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not (data.get("text") or "").strip() and not data.get("files"):
            raise forms.ValidationError(_("Hãy dán nội dung báo cáo hoặc chọn ít nhất một tệp."))
        return data


class VersionedForm(forms.Form):
    """Every draft edit carries the document version the reviewer saw (the optimistic lock)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ConfirmForm(VersionedForm):
    reason = forms.CharField(
        label=_("Lý do xác nhận"), required=False, max_length=1000, widget=forms.Textarea
    )


class SessionForm(VersionedForm):
    date = forms.DateField(
        label=_("Ngày làm việc"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.TextInput(attrs=DMY),
    )
    title = forms.CharField(label=_("Tiêu đề"), required=False, max_length=500)
    kind = forms.ChoiceField(label=_("Loại"), choices=SessionKind.choices)
    chairs = forms.CharField(label=_("Chủ trì (họ tên, cách nhau bởi dấu ;)"), required=False)
    localities = forms.CharField(label=_("Địa phương (cách nhau bởi dấu ;)"), required=False)


class DirectiveForm(VersionedForm):
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}))
    issuer = forms.CharField(label=_("Người chỉ đạo"), required=False, max_length=120)
    assignees = forms.CharField(
        label=_("Đối tượng thực hiện (như văn bản, cách nhau bởi dấu ;)"), required=False
    )
    units = forms.TypedMultipleChoiceField(label=_("Đơn vị thực hiện"), coerce=int, required=False)
    support = forms.TypedMultipleChoiceField(label=_("Đơn vị phối hợp"), coerce=int, required=False)
    deadline = forms.DateField(
        label=_("Thời hạn"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.TextInput(attrs=DMY),
    )
    topic = forms.CharField(label=_("Lĩnh vực"), required=False, max_length=120)

    def __init__(self, *args: Any, unit_ids: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "units").choices = [(pk, pk) for pk in unit_ids or []]
        choice_field(self, "support").choices = choice_field(self, "units").choices


class ItemForm(VersionedForm):
    """One item other than a directive: its text, and the field of its kind (titles, value, by)."""

    text = forms.CharField(label=_("Nội dung"), max_length=5000)
    titles = forms.CharField(
        label=_("Chức danh (cách nhau bởi dấu ;)"), required=False, max_length=500
    )
    value = forms.CharField(label=_("Giá trị"), required=False, max_length=40)
    unit = forms.CharField(label=_("Đơn vị tính"), required=False, max_length=40)
    by = forms.CharField(label=_("Người kiến nghị"), required=False, max_length=120)


class SplitForm(VersionedForm):
    offset = forms.IntegerField(label=_("Tách tại ký tự thứ"), min_value=1)


class AddItemForm(VersionedForm):
    KINDS = [
        ("directives", _("Chỉ đạo")),
        ("petitions", _("Kiến nghị")),
        ("difficulties", _("Khó khăn")),
        ("indicators", _("Chỉ tiêu")),
        ("site_visits", _("Khảo sát thực tế")),
        ("agencies", _("Cơ quan")),
        ("localities", _("Địa phương")),
        ("people", _("Người tham dự")),
    ]
    kind = forms.ChoiceField(label=_("Loại"), choices=KINDS)
    fragment = forms.CharField(
        label=_("Đoạn văn bản (chép từ bản gốc)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    start = forms.IntegerField(label=_("Từ ký tự"), required=False, min_value=0)
    end = forms.IntegerField(label=_("Đến ký tự"), required=False, min_value=1)

    def offsets(self, text: str) -> tuple[int, int] | None:
        """The selection: the given offsets, or where the copied fragment first occurs."""
        data = self.cleaned_data
        if data.get("start") is not None and data.get("end") is not None:
            return data["start"], data["end"]
        fragment = " ".join((data.get("fragment") or "").split())
        if fragment:
            at = text.find(fragment)
            if at >= 0:
                return at, at + len(fragment)
        return None


class SessionFilterForm(forms.Form):
    leader = forms.IntegerField(required=False)
    locality = forms.IntegerField(required=False)
    start = forms.DateField(required=False, input_formats=DATE_FORMATS)
    end = forms.DateField(required=False, input_formats=DATE_FORMATS)

    def filters(self) -> SessionFilters:
        """The valid filters (an invalid value is ignored, not an error page)."""
        self.is_valid()
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        return SessionFilters(
            leader=data.get("leader"),
            locality=data.get("locality"),
            start=data.get("start") if isinstance(data.get("start"), dt.date) else None,
            end=data.get("end") if isinstance(data.get("end"), dt.date) else None,
        )


class _UnitsMixin(forms.Form):
    units = forms.TypedMultipleChoiceField(label=_("Đơn vị thực hiện"), coerce=int)
    support = forms.TypedMultipleChoiceField(label=_("Đơn vị phối hợp"), coerce=int, required=False)

    def __init__(self, *args: Any, unit_ids: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(pk, pk) for pk in unit_ids or []]
        choice_field(self, "units").choices = choices
        choice_field(self, "support").choices = choices


class CorrectDirectiveForm(forms.Form):
    text = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea)
    issuer = forms.CharField(label=_("Người chỉ đạo"), required=False, max_length=120)
    deadline = forms.DateField(label=_("Thời hạn"), required=False, input_formats=DATE_FORMATS)
    topic = forms.CharField(label=_("Lĩnh vực"), required=False, max_length=120)


class NewDirectiveForm(CorrectDirectiveForm, _UnitsMixin):
    pass


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=1000, widget=forms.Textarea)


class ReassignForm(ReasonForm, _UnitsMixin):
    pass


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Ý kiến chỉ đạo"), max_length=4000, widget=forms.Textarea)


class PetitionAnswerForm(forms.Form):
    """The office records the answer to a petition (and the body that gave it)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    answerer = forms.TypedChoiceField(
        label=_("Cơ quan trả lời"), required=False, coerce=int, empty_value=None
    )
    answer = forms.CharField(
        label=_("Nội dung trả lời"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: Any, units: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answerer"].choices = [("", "—"), *units]  # type: ignore[attr-defined]


class PetitionTaskForm(forms.Form):
    """The office turns a petition into a task for a unit (the answering body by default)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    unit = forms.TypedChoiceField(
        label=_("Đơn vị nhận nhiệm vụ"), required=False, coerce=int, empty_value=None
    )
    deadline = forms.DateField(
        label=_("Thời hạn"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs=DMY),
    )
    text = forms.CharField(
        label=_("Nội dung nhiệm vụ (mặc định: giải quyết kiến nghị)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, units: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *units]  # type: ignore[attr-defined]


class PetitionCloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
