"""URLs of recurring directives (themes)."""

from django.urls import path

from chidao.themes import views

app_name = "themes"
urlpatterns = [
    path("", views.theme_list, name="list"),
    path("<int:pk>/", views.theme_detail, name="detail"),
    path("<int:pk>/rename/", views.rename, name="rename"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/merge/", views.merge, name="merge"),
    path("directive/<int:pk>/", views.directive_theme, name="directive"),
]
