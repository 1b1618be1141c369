"""Passwords: Django's validators (length ≥ 10, common, numeric, like the user) and the site's
own words; the forms that set a password say what is required."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse


@pytest.fixture
def thanh(db):
    return get_user_model()(username="canbo_thanhtien", first_name="Thanh", last_name="Tiến")


@pytest.mark.parametrize(
    "weak", ["20262026", "Thanhhoa1", "chidao2026", "Thanhhoa2026!", "canbo_thanhtien1"]
)
def test_it_refuses_a_weak_password(thanh, weak, settings):
    settings.CHIDAO_PROVINCE = "Thanh Hóa"
    with pytest.raises(ValidationError):
        validate_password(weak, thanh)


def test_it_accepts_a_long_unrelated_passphrase(thanh):
    validate_password("ruong-lua-mua-gat-7", thanh)


def test_the_demo_password_passes_the_validators(tmp_path):
    from chidao.demo.setup import demo_password

    validate_password(demo_password(tmp_path))


def test_the_admin_form_that_sets_a_password_says_what_is_required(client, admin):
    client.force_login(admin)
    html = client.get(reverse("admin:auth_user_add")).content.decode()
    assert "phải chứa ít nhất 10 ký tự" in html
    assert "không được hoàn toàn bằng số" in html
    assert "Mật khẩu không được chỉ là tên ứng dụng" in html
