"""Themes of recurring directives, their inverted index, and each directive's theme."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.meetings.models import Directive


class Theme(models.Model):
    """Directives that ask the same thing. ``seed`` is the first of them: its features
    (``words``) are the theme's, and it identifies the theme when themes are computed again,
    so that the office's name and merges stay."""

    province_code = models.CharField(_("mã tỉnh"), max_length=8)
    seed = models.OneToOneField(Directive, on_delete=models.CASCADE, related_name="seeded_theme")
    words = models.TextField(blank=True)  # the seed's features, space-separated
    label = models.CharField(_("tên tự động"), max_length=300)
    name = models.CharField(_("tên do Văn phòng đặt"), max_length=300, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
        verbose_name=_("đã gộp vào"),
    )
    size = models.PositiveIntegerField(_("số chỉ đạo"), default=0)
    # the tasks of the theme's directives, counted when the theme was last computed or
    # corrected and every night (``chidao themes --stats``): the list of themes reads these,
    # not every task (``chidao.themes.queries.ThemeStats``)
    stats = models.JSONField(default=dict, blank=True)
    stats_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chủ đề chỉ đạo lặp lại")
        verbose_name_plural = _("chủ đề chỉ đạo lặp lại")
        indexes = [models.Index(fields=["province_code", "-size", "id"], name="theme_by_size")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.name or self.label

    def feature_set(self) -> frozenset[str]:
        return frozenset(self.words.split())


class ThemeWord(models.Model):
    """The inverted index: one row per feature of a theme's seed."""

    province_code = models.CharField(max_length=8)
    word = models.CharField(max_length=64)
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="index_words")

    class Meta:
        indexes = [models.Index(fields=["province_code", "word"], name="theme_word_lookup")]

    def __str__(self) -> str:
        return self.word


class Membership(models.Model):
    """The theme of one directive: computed (``by_office`` False) or the office's correction,
    which a new computation keeps; ``theme`` empty with ``by_office`` means "in no theme"."""

    directive = models.OneToOneField(
        Directive, on_delete=models.CASCADE, primary_key=True, related_name="theme_membership"
    )
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="members"
    )
    province_code = models.CharField(max_length=8)
    similarity = models.FloatField(default=1.0)
    by_office = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["theme", "directive"], name="theme_member"),
            models.Index(fields=["province_code", "by_office"], name="theme_member_province"),
        ]

    def __str__(self) -> str:
        return f"{self.directive_id} → {self.theme_id}"
