"""Who may do what: role predicates and the ``role_required`` view decorator.

Every page asks these small predicates rather than reading ``Profile.role`` itself:

- office staff (``Role.OFFICE``): everything in their province;
- leaders (``Role.LEADER``): read everything in the province, their own directives first;
- unit officers (``Role.OFFICER``): only their own unit's tasks;
- administrators (``Role.ADMIN``, or a Django superuser): users and units, plus read access.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from chidao.organisation.models import Person, Profile, Role, Unit
from chidao.organisation.users import RequestUser, User


def profile_of(user: RequestUser | None) -> Profile | None:
    """The user's profile, or None for an anonymous user or one without a role."""
    if not isinstance(user, User):  # None or an anonymous user
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def role_of(user: RequestUser | None) -> str | None:
    """The user's role (a ``Role`` value); a superuser without a profile counts as admin."""
    profile = profile_of(user)
    if profile is not None:
        return profile.role
    if getattr(user, "is_authenticated", False) and getattr(user, "is_superuser", False):
        return Role.ADMIN
    return None


def is_office(user: RequestUser | None) -> bool:
    """Office staff: assign and follow up everything in their province."""
    return role_of(user) == Role.OFFICE


def is_leader(user: RequestUser | None) -> bool:
    """A leader: reads everything in the province."""
    return role_of(user) == Role.LEADER


def is_officer(user: RequestUser | None) -> bool:
    """An officer of one unit: sees only that unit's tasks."""
    return role_of(user) == Role.OFFICER


def is_admin(user: RequestUser | None) -> bool:
    """An administrator: manages users and units, reads everything."""
    return role_of(user) == Role.ADMIN


def can_read_province(user: RequestUser | None) -> bool:
    """Office, leaders and administrators read everything of their province."""
    return role_of(user) in (Role.OFFICE, Role.LEADER, Role.ADMIN)


def province_code_of(user: RequestUser | None) -> str | None:
    """The code of the province the user works in, or None."""
    profile = profile_of(user)
    if profile is not None:
        return profile.province_code
    if is_admin(user):
        from django.conf import settings

        return _configured_province_code(settings.CHIDAO_PROVINCE)
    return None


def unit_of(user: RequestUser | None) -> Unit | None:
    """The unit of an officer (None for other roles)."""
    profile = profile_of(user)
    return profile.unit if profile is not None else None


def person_of(user: RequestUser | None) -> Person | None:
    """The person a leader is (None when not linked)."""
    profile = profile_of(user)
    return profile.person if profile is not None else None


def role_required(
    *roles: str,
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """Decorate a view so that only users with one of ``roles`` reach it.

    An anonymous user is redirected to the login page; a signed-in user with another
    role (or none) gets 403.
    """
    allowed = {str(r) for r in roles}
    unknown = allowed - set(Role.values)
    if unknown:
        raise ValueError(
            f"role_required: unknown role(s) {sorted(unknown)}; expected {Role.values}"
        )

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if role_of(request.user) not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _configured_province_code(name: str) -> str | None:
    """The code of the province named in settings (for a superuser without a profile)."""
    from chidao.organisation.provinces import find_province, province_code

    try:
        return province_code(find_province(name))
    except LookupError:
        return None


# ---------------------------------------------------------------- units and leaders


def _pk(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        raise Http404 from e


def units_visible_to(user: RequestUser | None) -> QuerySet[Unit]:
    """The units whose dashboard ``user`` may open: the province's, or the officer's own."""
    if is_officer(user):
        unit = unit_of(user)
        return Unit.objects.filter(pk=unit.pk) if unit is not None else Unit.objects.none()
    if can_read_province(user):
        code = province_code_of(user)
        return Unit.objects.filter(province_code=code) if code else Unit.objects.none()
    return Unit.objects.none()


def get_unit_for_user(user: RequestUser | None, pk: Any) -> Unit:
    """The unit ``pk`` if ``user`` may open its dashboard; Http404 otherwise."""
    unit = units_visible_to(user).filter(pk=_pk(pk)).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def get_person_for_user(user: RequestUser | None, pk: Any) -> Person:
    """The person (leader) ``pk`` of the user's province (or who gave directives there), for
    office, leaders and administrators; Http404 otherwise."""
    code = province_code_of(user) if can_read_province(user) else None
    from chidao.meetings.models import Directive  # meetings builds on organisation

    # "gave a directive there" asked as a question (the first one answers), not by joining
    # every directive the person gave (25,000 for the busiest leader at 300,000 tasks)
    gave_there = Exists(
        Directive.objects.filter(issuer=OuterRef("pk"), session__province_code=code)
    )
    in_province = Q(province_code=code) | Q(gave_there)
    person = Person.objects.filter(in_province, pk=_pk(pk)).first() if code else None
    if person is None:
        raise Http404("Không tìm thấy lãnh đạo.")
    return person
