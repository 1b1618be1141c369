from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    """The province at a glance: search, dashboard, dossiers, petitions (reads only)."""

    name = "chidao.insight"
    label = "insight"
    verbose_name = _("Tổng hợp")
