"""URLs of the insight pages."""

from django.urls import path

from chidao.insight import views

app_name = "insight"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("units/<int:pk>/", views.dossier, name="dossier"),
    path("units/<int:pk>/series/", views.series, name="series"),
    path("petitions/", views.petitions, name="petitions"),
]
