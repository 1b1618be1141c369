"""What the office corrects in the insight pages: the name of an indicator series."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeriesName(models.Model):
    """The office's name for the indicators of one computed series key (``indicators.
    series_key``: the folded name read from the sentence and the unit of measure). Readings
    are grouped by the name they show, so giving two keys the same name merges their series;
    the key is computed from the reading's text, so a report read again keeps the name."""

    province_code = models.CharField(_("mã tỉnh"), max_length=8)
    key = models.CharField(_("khóa tự động"), max_length=400)
    name = models.CharField(_("tên do Văn phòng đặt"), max_length=200)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tên chỉ tiêu")
        verbose_name_plural = _("tên chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["province_code", "key"], name="one_name_per_series_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.name}"
