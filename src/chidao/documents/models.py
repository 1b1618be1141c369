"""Documents that go out: a session's conclusion notice (thông báo kết luận)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.meetings.models import Session


class NoticeFormat(models.TextChoices):
    STATE = "state", _("Văn bản hành chính (Nghị định 30/2020/NĐ-CP)")
    PARTY = "party", _("Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)")


class Notice(models.Model):
    """The conclusion notice of one session: the office's text sections, the kept file, and,
    once issued, its number and date.

    The directives are not copied here: every generation reads them from the session, so a
    corrected directive appears in the next file. ``version`` is the optimistic lock of edits.
    """

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="notice")
    format = models.CharField(
        _("thể thức"), max_length=10, choices=NoticeFormat.choices, default=NoticeFormat.STATE
    )
    issuing_body = models.CharField(
        _("cơ quan ban hành"),
        max_length=200,
        help_text=_(
            "Mỗi dòng một dòng của tên cơ quan, ví dụ 'ỦY BAN NHÂN DÂN' / 'TỈNH THANH HÓA'."
        ),
    )
    symbol = models.CharField(_("ký hiệu"), max_length=40)  # "TB-UBND" or "TB/TU"
    place = models.CharField(_("địa danh"), max_length=80)
    summary = models.CharField(_("trích yếu"), max_length=500)
    opening = models.TextField(_("thông tin buổi làm việc"))
    assessment = models.TextField(_("đánh giá chung"), blank=True)
    directives_heading = models.CharField(_("tiêu đề phần nhiệm vụ"), max_length=200)
    closing = models.TextField(_("đoạn kết"), blank=True)
    recipients = models.TextField(_("nơi nhận"))
    signature = models.TextField(
        _("thẩm quyền ký"),
        help_text=_("Ví dụ 'TL. CHỦ TỊCH' / 'KT. CHÁNH VĂN PHÒNG' / 'PHÓ CHÁNH VĂN PHÒNG'."),
    )
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    number = models.CharField(_("số"), max_length=20, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    file = models.FileField(_("tệp DOCX"), upload_to="notices/%Y/%m", blank=True)
    pdf = models.FileField(_("tệp PDF"), upload_to="notices/%Y/%m", blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("thông báo kết luận")
        verbose_name_plural = _("thông báo kết luận")

    def __str__(self) -> str:
        return self.reference or f"{_('Thông báo kết luận')} #{self.pk}"

    @property
    def is_issued(self) -> bool:
        return bool(self.number and self.issued_on)

    @property
    def reference(self) -> str:
        """ "123/TB-UBND" (state) or "123-TB/TU" (Party); "" before issue."""
        if not self.number:
            return ""
        sep = "-" if self.format == NoticeFormat.PARTY else "/"
        return f"{self.number}{sep}{self.symbol}"


class ImportStatus(models.TextChoices):
    DRAFT = "draft", _("Chờ xác nhận")
    IMPORTED = "imported", _("Đã nhập")


class SheetImport(models.Model):
    """An uploaded tracking sheet between upload, mapping, preview and confirmation."""

    province_code = models.CharField(max_length=8, db_index=True)
    file = models.FileField(upload_to="imports/%Y/%m")
    filename = models.CharField(_("tệp"), max_length=255)
    mapping = models.JSONField(default=dict, blank=True)  # field -> column index
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.DRAFT
    )
    result = models.JSONField(default=dict, blank=True)  # counts written on confirmation
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sổ theo dõi nhập vào")
        verbose_name_plural = _("sổ theo dõi nhập vào")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename


class CalendarFeed(models.Model):
    """A private ICS feed of deadlines: a user's own tasks, or one unit's; reached by a secret
    URL (only its hash is kept), revocable. It shows what its owner may see, when read."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    unit = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lịch hạn nhiệm vụ")
        verbose_name_plural = _("lịch hạn nhiệm vụ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.owner} · {self.unit or _('việc của tôi')}"
