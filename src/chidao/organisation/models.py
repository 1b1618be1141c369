"""Units of a province, people, the positions they hold over time, and users' roles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.extract.spans import fold, strip_marks


def search_key(text: str) -> str:
    """What search compares: lower case, one tone placement, no diacritics ("thieu hoa")."""
    return strip_marks(fold(text or ""))


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố")
    PARTY = "party", _("Cơ quan Đảng")  # Ban Thường vụ, Thường trực, Văn phòng Tỉnh ủy, the boards
    COUNCIL = "council", _("Hội đồng nhân dân")
    COMMITTEE = "committee", _("Ủy ban nhân dân")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    FRONT = "front", _("Mặt trận, đoàn thể")
    FORCE = "force", _("Công an, Quân sự")
    COMMUNE = "commune", _("Xã")
    WARD = "ward", _("Phường")
    SPECIAL_ZONE = "special_zone", _("Đặc khu")
    DISTRICT = "district", _("Huyện, thị xã, thành phố (trước 7/2025)")
    LEGACY_COMMUNE = "legacy_commune", _("Xã, phường, thị trấn (trước 7/2025)")


LOCAL_KINDS = (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE)
LEGACY_KINDS = (UnitKind.DISTRICT, UnitKind.LEGACY_COMMUNE)


class Unit(models.Model):
    """A body that can be given tasks, or a territorial unit (current or before July 2025)."""

    province_code = models.CharField(_("mã tỉnh"), max_length=8, db_index=True)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    level = models.CharField(
        _("cấp"), max_length=40, blank=True
    )  # "xã", "phường", "huyện", "thị xã", "sở"
    name = models.CharField(_("tên"), max_length=255)  # "Xã Minh Sơn", "Sở Tài chính"
    short_name = models.CharField(_("tên ngắn"), max_length=255, blank=True)  # "Minh Sơn"
    code = models.CharField(_("mã"), max_length=32, blank=True)  # official code where there is one
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    successors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    valid_from = models.DateField(_("có hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hết hiệu lực"), null=True, blank=True)
    search_name = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "kind", "name", "code"], name="unit_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def is_legacy(self) -> bool:
        return self.kind in LEGACY_KINDS

    @property
    def label(self) -> str:
        """The name as a picker shows it: a pre-2025 unit says so, with its district.

        "Xã Hoằng Tiến (trước 7/2025, huyện Hoằng Hóa)" beside today's "Xã Hoằng Tiến".
        """
        if not (self.is_legacy or self.valid_to is not None):
            return self.name
        parent = self.parent if self.parent_id else None
        detail = str(_("trước 7/2025"))
        if parent is not None and parent.kind == UnitKind.DISTRICT:
            detail += f", {parent.name[:1].lower()}{parent.name[1:]}"
        return f"{self.name} ({detail})"


class Person(models.Model):
    full_name = models.CharField(_("họ và tên"), max_length=120)
    search_name = models.CharField(max_length=120, db_index=True, editable=False)
    province_code = models.CharField(_("mã tỉnh"), max_length=8, db_index=True, blank=True)

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = search_key(self.full_name)
        super().save(*args, **kwargs)


class Position(models.Model):
    """A title a person holds from ``start`` to ``end`` (open when ``end`` is empty)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(_("chức danh"), max_length=255)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    start = models.DateField(_("từ ngày"), null=True, blank=True)
    end = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        ordering = ["person", "start"]

    def __str__(self) -> str:
        return f"{self.person}: {self.title}"


class Role(models.TextChoices):
    OFFICE = "office", _("Văn phòng (theo dõi, đôn đốc)")
    LEADER = "leader", _("Lãnh đạo")
    OFFICER = "officer", _("Cán bộ đơn vị")
    ADMIN = "admin", _("Quản trị")


class Profile(models.Model):
    """A user's role in one province; an officer belongs to a unit, a leader is a person."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    province_code = models.CharField(_("mã tỉnh"), max_length=8)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="officers"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="users"
    )
    title = models.CharField(_("chức vụ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    must_change_password = models.BooleanField(
        _("phải đổi mật khẩu khi đăng nhập"),
        default=False,
        help_text=_("Bật cho tài khoản có mật khẩu tạm thời (tạo hàng loạt, nhập từ tệp)."),
    )

    class Meta:
        verbose_name = _("hồ sơ người dùng")
        verbose_name_plural = _("hồ sơ người dùng")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="officer") | models.Q(unit__isnull=False),
                name="officer_has_unit",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
