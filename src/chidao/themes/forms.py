"""The office's corrections of themes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class RenameForm(forms.Form):
    name = forms.CharField(label=_("Tên chủ đề"), max_length=300, required=False)


class MoveForm(forms.Form):
    directive = forms.IntegerField(label=_("Chỉ đạo số"), min_value=1)
    target = forms.IntegerField(
        label=_("Chuyển sang chủ đề số"),
        min_value=1,
        required=False,
        help_text=_("Để trống để đưa chỉ đạo ra khỏi mọi chủ đề."),
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Gộp vào chủ đề số"), min_value=1)
