"""WSGI entry point: ``gunicorn chidao.web.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.web.settings")
application = get_wsgi_application()
