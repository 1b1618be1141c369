from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "chidao.search"
    label = "search"
    verbose_name = _("Tìm kiếm")

    def ready(self) -> None:
        from chidao.search import signals

        signals.connect()
