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
    """Reserve an attempt (atomically) before the password is checked: over the limit of the
    account from this address, or of the address, refuse without checking it; a success
    gives the reservation back and forgets the account's failures from this address."""

    request: Any
    cleaned_data: dict[str, Any]
    error_messages: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request)
        if not throttle.reserve(username, address):
            from chidao.audit.models import EventKind
            from chidao.audit.services import record_event

            record_event(
                kind=EventKind.LOGIN_THROTTLED, request=self.request, username=username[:150]
            )
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": max(1, settings.LOGIN_THROTTLE_SECONDS // 60)},
            )
        cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        throttle.release(username, address)  # only reached when the password was right
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
