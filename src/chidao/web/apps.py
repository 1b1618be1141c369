from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "chidao.web"
    label = "web"
    verbose_name = "Chỉ đạo"
