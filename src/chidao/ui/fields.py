"""Form fields shared by the apps' forms (uploads of several files, days typed dd/mm/yyyy)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class DayInput(forms.DateInput):
    """A day typed as dd/mm/yyyy, whatever the browser's locale.

    ``<input type="date">`` shows mm/dd/yyyy in an English-language Chromium, against the
    dd/mm/yyyy the rest of the application uses; a text input with a pattern does not.
    """

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        base = {
            "placeholder": "dd/mm/yyyy",
            "inputmode": "numeric",
            "pattern": r"\d{1,2}[/\-]\d{1,2}[/\-]\d{4}",
        }
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, each within ``CHIDAO_MAX_UPLOAD_BYTES``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        limit = settings.CHIDAO_MAX_UPLOAD_BYTES
        for f in cleaned:
            if f.size > limit:
                raise forms.ValidationError(
                    _("Tệp “%(name)s” (%(size)s) vượt quá giới hạn %(limit)s."),
                    params={
                        "name": f.name,
                        "size": filesizeformat(f.size),
                        "limit": filesizeformat(limit),
                    },
                )
        return cleaned


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The form's field ``name``, a choice field whose choices the form sets when it is built
    (``Form.fields`` is typed as holding any ``Field``)."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a choice field")
    return field


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's field ``name``, a model choice field whose queryset the form sets."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a model choice field")
    return field
