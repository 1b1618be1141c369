"""Forms of the notice page: they parse input; the services decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.documents.content import NoticeText
from chidao.documents.models import NoticeFormat
from chidao.ui.fields import DayInput

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


def _area(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class NoticeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    format = forms.ChoiceField(label=_("Thể thức"), choices=NoticeFormat.choices)
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, widget=_area(2))
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=40)
    place = forms.CharField(label=_("Địa danh"), max_length=80)
    summary = forms.CharField(label=_("Trích yếu"), max_length=500, widget=_area(2))
    opening = forms.CharField(label=_("Thông tin buổi làm việc"), widget=_area(4))
    assessment = forms.CharField(label=_("Đánh giá chung"), required=False, widget=_area(6))
    directives_heading = forms.CharField(label=_("Tiêu đề phần nhiệm vụ"), max_length=200)
    closing = forms.CharField(label=_("Đoạn kết"), required=False, widget=_area(2))
    recipients = forms.CharField(label=_("Nơi nhận"), widget=_area(5))
    signature = forms.CharField(label=_("Thẩm quyền ký"), widget=_area(3))
    signer = forms.CharField(label=_("Người ký"), max_length=120, required=False)

    def text(self) -> NoticeText:
        data = self.cleaned_data
        return NoticeText(**{k: data.get(k) or "" for k in NoticeText.__dataclass_fields__})


class IssueForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    number = forms.CharField(label=_("Số"), max_length=20)
    issued_on = forms.DateField(
        label=_("Ngày ban hành"), input_formats=DATE_FORMATS, widget=DayInput()
    )


PERIOD_CHOICES = [
    ("month", _("Tháng")),
    ("quarter", _("Quý")),
    ("half", _("6 tháng")),
    ("year", _("Năm")),
    ("custom", _("Tùy chọn")),
]


class ReportForm(forms.Form):
    """Period and scope of the periodic report, and the office's texts."""

    kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=PERIOD_CHOICES, initial="quarter")
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=_("Tháng / quý / nửa năm"), min_value=1, max_value=12, required=False, initial=1
    )
    start = forms.DateField(
        label=_("Từ ngày"), input_formats=DATE_FORMATS, widget=DayInput(), required=False
    )
    end = forms.DateField(
        label=_("Đến ngày"), input_formats=DATE_FORMATS, widget=DayInput(), required=False
    )
    unit = forms.TypedChoiceField(label=_("Đơn vị"), coerce=int, required=False, empty_value=None)
    leader = forms.TypedChoiceField(
        label=_("Lãnh đạo"), coerce=int, required=False, empty_value=None
    )
    assessment = forms.CharField(label=_("Đánh giá chung"), required=False, widget=_area(5))
    proposals = forms.CharField(label=_("Đề xuất, kiến nghị"), required=False, widget=_area(4))

    def __init__(self, *args, units=(), leaders=(), **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("Toàn tỉnh"))] + [(u.pk, u.name) for u in units]
        self.fields["leader"].choices = [("", _("Tất cả lãnh đạo"))] + [
            (p.pk, p.full_name) for p in leaders
        ]

    def clean(self):  # type: ignore[no-untyped-def]
        from chidao.documents.report import custom_period, period_of

        data = super().clean()
        if self.errors:
            return data
        if data.get("unit") and data.get("leader"):
            raise forms.ValidationError(_("Chọn một đơn vị hoặc một lãnh đạo, không chọn cả hai."))
        try:
            if data["kind"] == "custom":
                if not data.get("start") or not data.get("end"):
                    raise forms.ValidationError(_("Kỳ tùy chọn cần ngày bắt đầu và ngày kết thúc."))
                data["period"] = custom_period(data["start"], data["end"])
            else:
                data["period"] = period_of(data["kind"], data["year"], data.get("number") or 1)
        except ValueError as e:
            raise forms.ValidationError(str(e)) from e
        return data


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Sổ theo dõi (.xlsx hoặc .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


def mapping_form_class(headers: tuple[str, ...]) -> type[forms.Form]:
    """A form with one column choice per field of the import (guessed, editable)."""
    from chidao.documents.importer import FIELDS

    choices = [("", _("(không có)"))] + [(str(i), h or f"#{i + 1}") for i, h in enumerate(headers)]
    attrs = {
        name: forms.TypedChoiceField(
            label=label, choices=choices, required=False, coerce=int, empty_value=None
        )
        for name, label in FIELDS
    }
    return type("MappingForm", (forms.Form,), attrs)
