"""Login forms (the site's and the admin's), with throttling of failed attempts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from chidao.web import throttle


class ThrottleMixin:
    """Refuse a login without checking the password once the username or address is throttled;
    count a failed login; forget the username's failures after a success."""

    request: Any
    cleaned_data: dict[str, Any]
    error_messages: dict[str, Any]

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
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError as e:
            if getattr(e, "code", None) == "invalid_login":
                throttle.record_failure(username, address)
            raise
        throttle.clear_failures(username)
        return cleaned


_THROTTLED = _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)d phút.")


class ThrottledAuthenticationForm(ThrottleMixin, AuthenticationForm):
    """Django's login form, throttled."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "throttled": _THROTTLED,
    }


class ThrottledAdminAuthenticationForm(ThrottleMixin, AdminAuthenticationForm):
    """The admin's login form, throttled with the same counters (no way around the limit)."""

    error_messages = {**AdminAuthenticationForm.error_messages, "throttled": _THROTTLED}
