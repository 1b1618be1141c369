"""Root URLs: each domain app brings its own ``urls.py``."""

from django.contrib import admin
from django.urls import include, path

from chidao.api.urls import api
from chidao.meetings import urls as meetings_urls
from chidao.web import views
from chidao.workflow import urls as workflow_urls

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("org/", include("chidao.organisation.urls")),
    path(
        "sessions/",
        include((meetings_urls.urlpatterns + workflow_urls.urlpatterns, "meetings")),
    ),
    path("tasks/", include("chidao.tasks.urls")),
    path("insight/", include("chidao.insight.urls")),
    path("documents/", include("chidao.documents.urls")),
    path("notifications/", include("chidao.notifications.urls")),
    path("themes/", include("chidao.themes.urls")),
]

handler500 = "chidao.web.views.server_error"
