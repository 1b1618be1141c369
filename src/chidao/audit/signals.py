"""Events recorded from Django's signals: logins, failed logins, logouts and role changes
(a profile's role or unit, a user's staff, superuser or active flag), from any page, the
admin or a command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from chidao.audit.context import current_request
from chidao.audit.models import EventKind
from chidao.audit.services import record_event
from chidao.organisation.models import Profile
from chidao.organisation.users import User

if TYPE_CHECKING:
    from django.http import HttpRequest


@receiver(user_logged_in)
def _logged_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    record_event(kind=EventKind.LOGIN, actor=user, request=request)


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kw: Any
) -> None:
    record_event(
        kind=EventKind.LOGIN_FAILED,
        request=request,
        username=str(credentials.get("username") or "")[:150],
    )


@receiver(user_logged_out)
def _logged_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        record_event(kind=EventKind.LOGOUT, actor=user, request=request)


PROFILE_FIELDS = ("role", "unit_id", "province_code", "person_id")
USER_FIELDS = ("is_superuser", "is_staff", "is_active")


def _snapshot(instance: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(instance, f, None) for f in fields}


@receiver(pre_save, sender=Profile)
@receiver(pre_save, sender=User)
def _before_save(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.pk is None:
        instance._audit_before = None
        return
    fields = PROFILE_FIELDS if sender is Profile else USER_FIELDS
    old = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    instance._audit_before = old


@receiver(post_save, sender=Profile)
@receiver(post_save, sender=User)
def _after_save(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    fields = PROFILE_FIELDS if sender is Profile else USER_FIELDS
    before = getattr(instance, "_audit_before", None)
    after = _snapshot(instance, fields)
    if created:
        if sender is User and not (instance.is_staff or instance.is_superuser):
            return  # a new ordinary account: its role comes with its profile
        changes = {f: [None, v] for f, v in after.items() if v not in (None, "", False)}
    else:
        if before is None:
            return
        changes = {f: [before[f], after[f]] for f in fields if before[f] != after[f]}
    if not changes:
        return
    user = instance.user if sender is Profile else instance
    request = current_request()
    summary = ", ".join(f"{f}: {a} → {b}" for f, (a, b) in changes.items())
    record_event(
        kind=EventKind.ROLE_CHANGED,
        request=request,
        target=user,
        summary=f"{user.get_username()}: {summary}",
        data={"changes": {f: [str(a), str(b)] for f, (a, b) in changes.items()}},
    )


@receiver(post_delete, sender=Profile)
def _profile_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    record_event(
        kind=EventKind.ROLE_CHANGED,
        request=current_request(),
        object_type="auth.user",
        object_id=instance.user_id,
        summary=f"{instance.user_id}: role {instance.role} → —",
        data={"changes": {"role": [instance.role, None]}},
    )
