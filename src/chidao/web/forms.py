"""The login form, with throttling of failed attempts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from chidao.web import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form that refuses, without checking the password, once throttled."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "throttled": _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)d phút."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request)
        if throttle.is_throttled(username, address):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": max(1, settings.LOGIN_THROTTLE_SECONDS // 60)},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError as e:
            if getattr(e, "code", None) == "invalid_login":
                throttle.record_failure(username, address)
            raise
        throttle.clear_failures(username)
        return cleaned
