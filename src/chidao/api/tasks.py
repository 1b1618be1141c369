"""GET /api/tasks, GET /api/tasks/{id}, POST /api/tasks/{id}/progress.

Reads go through the tasks gatekeeper (``tasks_visible_to``, ``get_task_for_user``): an
officer sees only their unit's tasks, and another unit's task answers 404 like a missing one.
"""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from chidao.api.pages import Page, Rows
from chidao.api.params import Id
from chidao.organisation import access
from chidao.tasks import services
from chidao.tasks.access import can_report, get_task_for_user, tasks_visible_to
from chidao.tasks.models import Task, TaskState
from chidao.ui.http import signed_in_user

from . import serialise
from .directives import overdue_q
from .schemas import Error, ProgressIn, TaskDetailOut, TaskOut

router = Router(tags=["tasks"])


class TaskFilters(Schema):
    state: str | None = None  # TaskState value
    overdue: bool | None = None
    unit: Id | None = None
    directive: Id | None = None


def _load(request: HttpRequest, task_id: Id) -> Task:
    """The task for this user through the gatekeeper, with what the detail shows."""
    task = get_task_for_user(request.user, task_id)  # Http404 for missing and not yours alike
    return (
        Task.objects.select_related("unit", "directive")
        .prefetch_related("reports__author", "events__actor")
        .get(pk=task.pk)
    )


@router.get(
    "/tasks", response={200: list[TaskOut], 403: Error, 422: Error}, summary="Tasks visible to you"
)
@paginate(Page)
def list_tasks(request: HttpRequest, filters: Query[TaskFilters]) -> Rows[Task]:
    """Tasks the user may see (an officer: their unit's only), nearest deadline first; paged
    by ``limit`` and ``offset`` (``chidao.api.pages``)."""
    if access.profile_of(request.user) is None:
        raise HttpError(403, "Tài khoản chưa có vai trò.")
    qs = tasks_visible_to(request.user).select_related("unit", "directive")
    if filters.state:
        if filters.state not in TaskState.values:
            raise HttpError(
                422,
                f"state: unknown value {filters.state!r}; expected one of {', '.join(TaskState.values)}",
            )
        qs = qs.filter(state=filters.state)
    today = timezone.localdate()
    if filters.overdue is not None:
        qs = qs.filter(overdue_q(today)) if filters.overdue else qs.exclude(overdue_q(today))
    if filters.unit is not None:
        qs = qs.filter(unit_id=filters.unit)
    if filters.directive is not None:
        qs = qs.filter(directive_id=filters.directive)
    qs = qs.order_by("deadline", "pk")
    return Rows(qs, lambda t: serialise.task(t, today))


@router.get(
    "/tasks/{task_id}",
    response={200: TaskDetailOut, 404: Error},
    summary="One task with its history",
)
def get_task(request: HttpRequest, task_id: Id) -> TaskDetailOut:
    """A task with its progress reports and history; 404 when missing or not yours."""
    return serialise.task_detail(_load(request, task_id))


@router.post(
    "/tasks/{task_id}/progress",
    response={200: TaskDetailOut, 403: Error, 404: Error, 409: Error, 422: Error},
    summary="Report progress on your unit's task",
)
def report_progress(request: HttpRequest, task_id: Id, payload: ProgressIn) -> TaskDetailOut:
    """The unit's officer reports progress (text, percent) against the version they read.

    A version older than the task's answers 409 and changes nothing.
    """
    task = get_task_for_user(request.user, task_id)
    if not can_report(request.user, task):
        raise HttpError(403, "Chỉ cán bộ của đơn vị được giao mới báo cáo tiến độ.")
    try:
        services.report_progress(
            task=task,
            actor=signed_in_user(request),  # the API's auth answers 401 to anonymous callers
            text=payload.text,
            percent=payload.percent,
            version=payload.version,
        )
    except services.NotAllowedError as e:
        raise HttpError(403, str(e)) from e
    except (services.ConflictError, services.TransitionError) as e:
        raise HttpError(409, str(e)) from e
    except services.TaskInputError as e:
        raise HttpError(422, str(e)) from e
    return serialise.task_detail(_load(request, task_id))
