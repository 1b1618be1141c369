from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender: AppConfig, **kwargs: Any) -> None:
    """The database cache (login throttling) needs its table: create it after every migrate."""
    from django.core.management import call_command

    call_command("createcachetable", database=kwargs.get("using", "default"), verbosity=0)


class WebConfig(AppConfig):
    name = "chidao.web"
    label = "web"
    verbose_name = "Chỉ đạo"

    def ready(self) -> None:
        from django.apps import apps

        from chidao.web.storage import prepare_data_dir

        prepare_data_dir()  # the data directory, uploads and database, private (0700/0600)

        # sent once per app with models; the web app has none, so hang it on organisation
        post_migrate.connect(
            _create_cache_table,
            sender=apps.get_app_config("organisation"),
            dispatch_uid="chidao_cache_table",
        )
