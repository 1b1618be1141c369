"""URLs of notifications."""

from django.urls import path

from chidao.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("bell/", views.bell, name="bell"),
    path("read-all/", views.read_all, name="read_all"),
    path("preferences/", views.preferences, name="preferences"),
    path("<int:pk>/read/", views.read, name="read"),
]
