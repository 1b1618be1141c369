"""Source documents, their review drafts, confirmed sessions, their items and directives."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.organisation.models import Person, Unit


class DocumentStatus(models.TextChoices):
    REVIEW = "review", _("Chờ rà soát")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    DISCARDED = "discarded", _("Đã loại")


class SourceDocument(models.Model):
    """A report as ingested: its text, the extracted record and the office's review draft.

    ``sha256`` is the content hash of the raw text, ``text_sha256`` that of the cleaned text:
    the same report is never ingested twice, as the same text or in another format (.txt and
    .html of one report clean to the same text).
    ``draft`` starts as a copy of ``record`` and holds the office's edits until confirmation.
    """

    sha256 = models.CharField(max_length=64, unique=True)
    text_sha256 = models.CharField(max_length=64, db_index=True, blank=True)
    filename = models.CharField(_("tệp"), max_length=255, blank=True)
    file = models.FileField(upload_to="sources/%Y/%m", blank=True)
    raw_text = models.TextField()
    text = models.TextField(help_text="cleaned text; item offsets point into it")
    title = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    record = models.JSONField(default=dict)
    draft = models.JSONField(default=dict)
    status = models.CharField(
        max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.REVIEW
    )
    province_code = models.CharField(max_length=8, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)  # optimistic lock for draft edits

    class Meta:
        verbose_name = _("văn bản nguồn")
        verbose_name_plural = _("văn bản nguồn")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title or self.filename or self.sha256[:12]


class SessionKind(models.TextChoices):
    VISIT = "visit", _("Làm việc, kiểm tra tại địa phương")
    CONFERENCE = "conference", _("Hội nghị")
    OTHER = "other", _("Khác")


class Session(models.Model):
    """A confirmed working session."""

    document = models.OneToOneField(
        SourceDocument, on_delete=models.PROTECT, related_name="session"
    )
    province_code = models.CharField(max_length=8, db_index=True)
    date = models.DateField(_("ngày"), null=True, blank=True, db_index=True)
    title = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    kind = models.CharField(
        _("loại"), max_length=20, choices=SessionKind.choices, default=SessionKind.VISIT
    )
    chairs = models.ManyToManyField(
        Person, blank=True, related_name="chaired_sessions", verbose_name=_("chủ trì")
    )
    localities = models.ManyToManyField(
        Unit, blank=True, related_name="sessions", verbose_name=_("địa phương")
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True)
    confirm_reason = models.TextField(
        _("lý do xác nhận"),
        blank=True,
        help_text=_("vì sao một bản ghi thiếu chỉ đạo hoặc lãnh đạo vẫn được xác nhận"),
    )

    deleted_at = models.DateTimeField(_("đã xóa lúc"), null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_reason = models.TextField(_("lý do xóa"), blank=True)

    class Meta:
        verbose_name = _("buổi làm việc")
        verbose_name_plural = _("buổi làm việc")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"


class ItemKind(models.TextChoices):
    PERSON = "person", _("Người tham dự")
    LOCALITY = "locality", _("Địa phương")
    AGENCY = "agency", _("Cơ quan")
    INDICATOR = "indicator", _("Chỉ tiêu")
    DIFFICULTY = "difficulty", _("Khó khăn")
    PETITION = "petition", _("Kiến nghị")
    SITE_VISIT = "site_visit", _("Khảo sát thực tế")


class SessionItem(models.Model):
    """One extracted fact of a session, traced to ``text[start:end]`` of its document."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    text = models.TextField()
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)  # titles, value/unit, petition's "by", ...
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["session", "kind", "order"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Directive(models.Model):
    """An instruction given in a session; its tasks are one per assigned unit."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="directives")
    text = models.TextField(_("nội dung"))
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    issuer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directives",
        verbose_name=_("người chỉ đạo"),
    )
    issuer_name = models.CharField(_("người chỉ đạo"), max_length=120, blank=True)
    assignee_text = models.JSONField(
        _("đối tượng thực hiện (như văn bản)"), default=list, blank=True
    )
    deadline = models.DateField(_("thời hạn"), null=True, blank=True, db_index=True)
    topic = models.CharField(_("lĩnh vực"), max_length=120, blank=True, db_index=True)
    order = models.PositiveIntegerField(default=0)
    withdrawn_at = models.DateTimeField(_("đã rút lúc"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_reason = models.TextField(_("lý do rút"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chỉ đạo")
        verbose_name_plural = _("chỉ đạo")
        ordering = ["session", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class DirectiveComment(models.Model):
    """A follow-up instruction or comment of a leader (or the office) on a directive; the
    units that have a task for it see it."""

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("ý kiến chỉ đạo thêm")
        verbose_name_plural = _("ý kiến chỉ đạo thêm")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class PetitionState(models.TextChoices):
    OPEN = "open", _("Chưa trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    TASKED = "tasked", _("Đã giao thành nhiệm vụ")
    CLOSED = "closed", _("Đã đóng")


class Petition(models.Model):
    """A petition raised at a session (the session item of kind petition) and what became of it.

    ``raised_by`` is the unit that raised it (the session's locality), ``answerer`` the body
    that must answer; the office records ``answer`` or turns the petition into a task
    (``directive``: the directive created for it, whose task the answering body follows).
    ``version`` is the optimistic lock: a write that carries an older version is refused.
    """

    item = models.OneToOneField(
        SessionItem, on_delete=models.CASCADE, primary_key=True, related_name="petition"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="petitions")
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=PetitionState.choices,
        default=PetitionState.OPEN,
        db_index=True,
    )
    raised_by = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions_raised",
        verbose_name=_("đơn vị kiến nghị"),
    )
    answerer = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions_to_answer",
        verbose_name=_("cơ quan trả lời"),
    )
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    directive = models.OneToOneField(
        Directive,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_petition",
        verbose_name=_("chỉ đạo giao từ kiến nghị"),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        ordering = ["-item_id"]

    def __str__(self) -> str:
        return self.item.text[:80] if self.item_id else ""
