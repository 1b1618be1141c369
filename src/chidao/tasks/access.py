"""The gatekeeper of tasks: which tasks, directives and attachments a user may see or act on.

One access module per domain: sessions and source documents in ``chidao.meetings.access``,
units and leaders in ``chidao.organisation.access``, tasks and directives (an officer's
directives are those that gave their unit a task) here. Pages, htmx partials, exports and the
API all go through them; the API's filters run inside ``tasks_visible_to`` so that they never
reveal another unit's tasks.

Views never fetch a task, directive or attachment by a user-supplied id themselves: they call
``get_task_for_user``, ``get_directive_for_user`` or ``get_attachment_for_user``, which answer
Http404 for "missing" and "not yours" alike.

- office, leaders, administrators: everything of their province;
- unit officers: only their own unit's tasks (and the directives that gave them one).

Who may act is said by small predicates (``can_report``, ``can_decide``) that combine with
``&`` and ``|``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from chidao.meetings.models import Directive, Session
from chidao.organisation.access import (  # noqa: F401 (units and leaders: re-exported for the views)
    can_read_province,
    get_person_for_user,
    get_unit_for_user,
    is_office,
    is_officer,
    profile_of,
    province_code_of,
    unit_of,
    units_visible_to,
)
from chidao.organisation.models import Unit
from chidao.organisation.users import RequestUser
from chidao.tasks.models import Attachment, Task


class Predicate:
    """A named permission test ``(user, task) -> bool`` that combines with ``&``, ``|`` and ``~``."""

    def __init__(self, test: Callable[[Any, Task], bool], name: str = "") -> None:
        self.test = test
        self.name = name or test.__name__

    def __call__(self, user: RequestUser, task: Task) -> bool:
        return bool(self.test(user, task))

    def __and__(self, other: Predicate) -> Predicate:
        return Predicate(lambda u, t: self(u, t) and other(u, t), f"({self.name} & {other.name})")

    def __or__(self, other: Predicate) -> Predicate:
        return Predicate(lambda u, t: self(u, t) or other(u, t), f"({self.name} | {other.name})")

    def __invert__(self) -> Predicate:
        return Predicate(lambda u, t: not self(u, t), f"~{self.name}")

    def __repr__(self) -> str:
        return f"<Predicate {self.name}>"


def predicate(test: Callable[[Any, Task], bool]) -> Predicate:
    """Decorator turning a function into a combinable :class:`Predicate`."""
    return Predicate(test)


def _task_province(task: Task) -> str:
    return task.unit.province_code


@predicate
def is_task_unit_officer(user: RequestUser, task: Task) -> bool:
    """The user is an officer of the unit the task is assigned to."""
    profile = profile_of(user)
    return bool(is_officer(user) and profile is not None and profile.unit_id == task.unit_id)


@predicate
def is_province_office(user: RequestUser, task: Task) -> bool:
    """The user is office staff of the task's province."""
    return is_office(user) and province_code_of(user) == _task_province(task)


@predicate
def is_province_reader(user: RequestUser, task: Task) -> bool:
    """The user reads everything of the task's province (office, leader, administrator)."""
    return can_read_province(user) and province_code_of(user) == _task_province(task)


can_report = is_task_unit_officer
"""The unit's officer reports progress, completion, extension requests, impossibility."""

can_decide = is_province_office
"""The office accepts or returns completions, grants or refuses extensions, edits, reopens."""

can_view = is_province_reader | is_task_unit_officer
"""Who may open the task page, its history and its attachments."""


# ---------------------------------------------------------------- querysets


def in_province(code: str) -> Q:
    """The tasks of units of province ``code``, without a join to the units: either no unit
    of the database is of another province (one province an installation, the usual case;
    an uncorrelated test the database evaluates once, so the tasks are then read through
    whatever index the query's order or filter needs) or the task's unit is one of the
    province's."""
    others = Unit.objects.exclude(province_code=code)
    mine = Unit.objects.filter(province_code=code).values("pk")
    return ~Exists(others) | Q(unit_id__in=mine)


def tasks_visible_to(user: RequestUser) -> QuerySet[Task]:
    """The tasks ``user`` may see: the province for office/leader/admin, their unit for officers."""
    tasks = Task.objects.all()
    if is_officer(user):
        unit = unit_of(user)
        return tasks.filter(unit=unit) if unit is not None else tasks.none()
    if can_read_province(user):
        code = province_code_of(user)
        if not code:
            return tasks.none()
        return tasks.filter(in_province(code))
    return tasks.none()


def sees_every_task(user: RequestUser) -> bool:
    """Whether ``tasks_visible_to(user)`` is every task of the database: a reader of the
    province (not an officer) in an installation with no unit of another province (one
    query). What counts every task at once (``chidao.insight.tallies``) is read only then."""
    if is_officer(user) or not can_read_province(user):
        return False
    code = province_code_of(user)
    return bool(code) and not Unit.objects.exclude(province_code=code).exists()


def visible_task_q(user: RequestUser, prefix: str = "") -> Q:
    """The condition ``tasks_visible_to`` applies, on a relation to tasks (``prefix="task__"``),
    as a join rather than an ``IN`` over every task of the province."""
    if is_officer(user):
        profile = profile_of(user)
        unit_id = profile.unit_id if profile is not None else None
        return Q(**{f"{prefix}unit_id": unit_id}) if unit_id is not None else Q(pk__in=[])
    if can_read_province(user):
        code = province_code_of(user)
        return Q(**{f"{prefix}unit__province_code": code}) if code else Q(pk__in=[])
    return Q(pk__in=[])


def directives_visible_to(user: RequestUser) -> QuerySet[Directive]:
    """The directives ``user`` may see: the province's, or those that gave the officer's unit a task."""
    directives = Directive.objects.all()
    if is_officer(user):
        unit = unit_of(user)
        if unit is None:
            return directives.none()
        return directives.filter(Exists(Task.objects.filter(directive=OuterRef("pk"), unit=unit)))
    if can_read_province(user):
        code = province_code_of(user)
        return directives.filter(session__province_code=code) if code else directives.none()
    return directives.none()


def issued_by(user: RequestUser, person: Any) -> QuerySet[Directive]:
    """``directives_visible_to(user).filter(issuer=person)``, written so that the database
    reads the leader's directives through the issuer's index (the leader page): for the
    province's readers the province is tested the way ``in_province`` tests a task's unit,
    not by a join that walks every session of the province."""
    if not is_officer(user) and can_read_province(user):
        code = province_code_of(user)
        if not code:
            return Directive.objects.none()
        return Directive.objects.filter(issuer=person).filter(directive_in_province(code))
    return directives_visible_to(user).filter(issuer=person)


def directive_in_province(code: str, prefix: str = "") -> Q:
    """The directives (``prefix="directive__"``: the tasks of directives) of sessions of
    province ``code``, without a join to the sessions (see ``in_province``)."""
    others = Session.objects.exclude(province_code=code)
    mine = Session.objects.filter(province_code=code).values("pk")
    return ~Exists(others) | Q(**{f"{prefix}session_id__in": mine})


# ---------------------------------------------------------------- single objects


def _pk(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        raise Http404 from e


def get_task_for_user(user: RequestUser, pk: Any) -> Task:
    """The task ``pk`` if ``user`` may see it; Http404 for missing and not-yours alike."""
    task = (
        tasks_visible_to(user)
        .select_related("unit", "directive", "directive__session", "directive__issuer")
        .filter(pk=_pk(pk))
        .first()
    )
    if task is None:
        raise Http404("Không tìm thấy nhiệm vụ.")
    return task


def get_directive_for_user(user: RequestUser, pk: Any) -> Directive:
    """The directive ``pk`` if ``user`` may see it; Http404 otherwise."""
    directive = (
        directives_visible_to(user)
        .select_related("session", "session__document", "issuer")
        .filter(pk=_pk(pk))
        .first()
    )
    if directive is None:
        raise Http404("Không tìm thấy chỉ đạo.")
    return directive


def get_attachment_for_user(user: RequestUser, pk: Any) -> Attachment:
    """The attachment ``pk`` if ``user`` may see its task; Http404 otherwise."""
    attachment = (
        Attachment.objects.filter(pk=_pk(pk), task__in=tasks_visible_to(user))
        .select_related("task")
        .first()
    )
    if attachment is None:
        raise Http404("Không tìm thấy tệp đính kèm.")
    return attachment
