"""The preferences form: two boxes (in the application, by e-mail) per kind of notice."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.notifications.services import Channels


class PreferencesForm(forms.Form):
    def __init__(self, *args: Any, rows: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = [row.kind for row in rows]
        for row in rows:
            self.fields[f"{row.kind}__in_app"] = forms.BooleanField(
                label=_("Trong ứng dụng"), required=False, initial=row.in_app
            )
            self.fields[f"{row.kind}__email"] = forms.BooleanField(
                label=_("Thư điện tử"), required=False, initial=row.email
            )

    def choices(self) -> dict[str, Channels]:
        return {
            kind: Channels(
                in_app=self.cleaned_data[f"{kind}__in_app"],
                email=self.cleaned_data[f"{kind}__email"],
            )
            for kind in self.kinds
        }
