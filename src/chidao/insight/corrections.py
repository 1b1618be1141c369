"""The office's corrections of indicator series: a series renamed, two series merged.

A series is named by the office through its computed keys (``indicators.series_key``), so
the name holds for every reading of those keys, those of reports read again too.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from chidao.insight.indicators import Series, unit_of_key
from chidao.insight.models import SeriesName
from chidao.organisation.users import User

MAX_NAME = 200


class SeriesError(ValueError):
    """A correction refused, with the reason in the user's language."""


def rename_series(*, province_code: str, series: Series, name: str, actor: User) -> None:
    """The office names ``series`` (an empty name goes back to the names read from the
    reports).

    Side effects: ``SeriesName`` of each of the series' computed keys."""
    name = " ".join((name or "").split())
    if len(name) > MAX_NAME:
        raise SeriesError(
            _("Tên chỉ tiêu dài %(n)d ký tự; tối đa %(max)d.") % {"n": len(name), "max": MAX_NAME}
        )
    with transaction.atomic():
        rows = SeriesName.objects.filter(province_code=province_code, key__in=series.sources)
        if not name:
            rows.delete()
            return
        for key in series.sources:
            SeriesName.objects.update_or_create(
                province_code=province_code,
                key=key,
                defaults={"name": name, "updated_by": actor},
            )


def merge_series(*, province_code: str, series: Series, into: Series, actor: User) -> None:
    """The office merges ``series`` into ``into`` (the same indicator read from several
    reports): both take ``into``'s name. Refused for a different unit of measure.

    Side effects: ``SeriesName`` of the computed keys of both series."""
    if series.key == into.key:
        raise SeriesError(_("Không thể gộp một chỉ tiêu vào chính nó."))
    if unit_of_key(series.key) != unit_of_key(into.key):
        raise SeriesError(
            _("Không gộp được “%(a)s” vào “%(b)s”: khác đơn vị tính.")
            % {"a": series.label, "b": into.label}
        )
    both = Series(key=into.key, name=into.name, unit=into.unit)
    both.sources = [*into.sources, *series.sources]
    rename_series(province_code=province_code, series=both, name=into.name, actor=actor)
