"""The JSON API (django-ninja); OpenAPI schema at /api/openapi.json, docs at /api/docs.

Authentication is a personal API token (``Authorization: Bearer cd_...``, created on the
account page; no CSRF needed, rate-limited per token) or the Django session of the pages
(cookie; writes need the CSRF token in ``X-CSRFToken``); an anonymous request answers 401.  Access follows the pages' gatekeepers:
``chidao.organisation.access`` for roles, ``chidao.tasks.access`` for tasks.
"""

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import django_auth

from . import directives, extract, sessions, tasks, units
from .tokens import TokenAuth

api = NinjaAPI(
    title="Chỉ đạo API",
    version="1",
    description="Sessions, directives and tasks of one province. Authenticate with a personal token "
    "(Authorization: Bearer ..., created on the account page) or sign in through the web pages.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)
api.add_router("/", sessions.router)
api.add_router("/", directives.router)
api.add_router("/", tasks.router)
api.add_router("/", extract.router)
api.add_router("/", units.router)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not Found"}, status=404)
