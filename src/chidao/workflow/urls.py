"""URLs of the pages that write across meetings and tasks; ``chidao.web.urls`` puts them in
the ``meetings`` namespace beside ``chidao.meetings.urls`` (same paths and names as before)."""

from django.urls import path

from chidao.workflow import views

urlpatterns = [
    path("<int:pk>/delete/", views.delete_session, name="session_delete"),
    path("<int:pk>/directives/add/", views.add_directive, name="directive_add"),
    path(
        "<int:pk>/directives/<int:directive_pk>/edit/",
        views.edit_directive,
        name="directive_edit",
    ),
    path(
        "<int:pk>/directives/<int:directive_pk>/withdraw/",
        views.withdraw_directive,
        name="directive_withdraw",
    ),
    path(
        "<int:pk>/directives/<int:directive_pk>/reassign/",
        views.reassign_directive,
        name="directive_reassign",
    ),
    path("directives/<int:directive_pk>/comment/", views.comment, name="directive_comment"),
    path("documents/<int:pk>/confirm/", views.confirm, name="review_confirm"),
    path("petitions/<int:pk>/task/", views.petition_task, name="petition_task"),
]
