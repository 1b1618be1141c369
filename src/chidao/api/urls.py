"""The JSON API (django-ninja); OpenAPI schema at /api/openapi.json, docs at /api/docs."""

from ninja import NinjaAPI

api = NinjaAPI(title="Chỉ đạo API", version="1")
