"""A URL configuration with stand-in pages of the other apps, for testing the home redirect
and the navigation independently of the pages the other apps write."""

from django.http import HttpResponse
from django.urls import include, path

from chidao.organisation.access import role_required
from chidao.web.urls import urlpatterns as real_patterns


def page(request, pk=None):  # stand-in page
    return HttpResponse("stand-in")


@role_required("office")
def office_only(request):
    return HttpResponse("office page")


tasks = (
    [
        path("worklist/", page, name="worklist"),
        path("inbox/", page, name="inbox"),
        path("register/", page, name="register"),
        path("leader/<int:pk>/", page, name="leader"),
        path("unit/<int:pk>/", page, name="unit"),
    ],
    "tasks",
)
meetings = ([path("sessions/", page, name="session_list")], "meetings")
organisation = ([path("units/", page, name="unit_list")], "organisation")

_mine = [p for p in real_patterns if getattr(p, "name", None) in {"home", "login", "logout"}]
_kept = [p for p in real_patterns if str(p.pattern) in {"i18n/", "admin/"}]
urlpatterns = [
    *_mine,
    *_kept,
    path("office-only/", office_only, name="office_only"),
    path("tasks/", include(tasks)),
    path("sessions/", include(meetings)),
    path("org/", include(organisation)),
]
