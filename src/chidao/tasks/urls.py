"""URLs of the task pages and actions (names used by the navigation: see notes/web.md)."""

from django.urls import path

from chidao.tasks.views import (
    actions,
    attachment,
    directive,
    inbox,
    leader,
    register,
    task,
    unit,
    worklist,
)

app_name = "tasks"
urlpatterns = [
    path("inbox/", inbox.inbox, name="inbox"),
    path("worklist/", worklist.worklist, name="worklist"),
    path("register/", register.register, name="register"),
    path("directives/<int:pk>/", directive.directive, name="directive"),
    path("units/<int:pk>/", unit.unit, name="unit"),
    path("leaders/<int:pk>/", leader.leader, name="leader"),
    path("attachments/<int:pk>/", attachment.attachment, name="attachment"),
    path("<int:pk>/", task.task, name="task"),
    path("<int:pk>/history/", task.task_history, name="task_history"),
    path("<int:pk>/start/", actions.start, name="start"),
    path("<int:pk>/progress/", actions.report_progress, name="report_progress"),
    path("<int:pk>/complete/", actions.report_completion, name="report_completion"),
    path("<int:pk>/extension/", actions.request_extension, name="request_extension"),
    path("<int:pk>/impossible/", actions.report_impossible, name="report_impossible"),
    path("<int:pk>/accept/", actions.accept_completion, name="accept_completion"),
    path("<int:pk>/return/", actions.return_completion, name="return_completion"),
    path("<int:pk>/grant/", actions.grant_extension, name="grant_extension"),
    path("<int:pk>/refuse/", actions.refuse_extension, name="refuse_extension"),
    path("<int:pk>/reopen/", actions.reopen, name="reopen"),
    path("<int:pk>/edit/", actions.edit, name="edit"),
]
