"""The audit trail: logins, failed logins, exports, refusals, confirmations and role changes
are stored; the administrator reads and filters them; old ones are purged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from chidao.audit.models import AuditEvent, EventKind
from chidao.audit.services import record_event
from conftest import PASSWORD


def kinds():
    return list(AuditEvent.objects.order_by("at", "pk").values_list("kind", flat=True))


def test_a_login_and_a_failed_login_are_recorded_with_the_address(client, office):
    client.post(
        reverse("login"), {"username": "vanphong", "password": "sai"}, REMOTE_ADDR="10.1.2.3"
    )
    client.post(
        reverse("login"), {"username": "vanphong", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3"
    )
    failed, ok = AuditEvent.objects.filter(kind__startswith="login").order_by("pk")
    assert (failed.kind, failed.username, failed.address, failed.actor) == (
        EventKind.LOGIN_FAILED,
        "vanphong",
        "10.1.2.3",
        None,
    )
    assert (ok.kind, ok.actor, ok.address) == (EventKind.LOGIN, office, "10.1.2.3")


def test_an_export_is_recorded_with_its_filters(client, office):
    client.force_login(office)
    client.get(reverse("documents:export_register", args=["xlsx"]), {"q": "đê biển"})
    event = AuditEvent.objects.get(kind=EventKind.EXPORT)
    assert event.actor == office and event.object_type == "documents:export_register"
    assert event.summary.startswith("so-theo-doi-chi-dao-") and "q=" in event.data["query"]


def test_every_download_is_recorded_whatever_the_app(client, office):
    client.force_login(office)
    response = client.get(reverse("documents:export_register", args=["csv"]))
    assert response.status_code == 200
    event = AuditEvent.objects.get(kind=EventKind.EXPORT)
    assert event.actor == office and event.summary.endswith(".csv")


def test_a_permission_refusal_is_recorded(client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("documents:export_register", args=["xlsx"]))
    assert response.status_code == 403
    event = AuditEvent.objects.get(kind=EventKind.PERMISSION_DENIED)
    assert event.actor == officer_a and event.path == response.request["PATH_INFO"]


def test_a_role_change_in_the_admin_is_recorded_with_who_made_it(client, admin, officer_a, unit_b):
    client.force_login(admin)
    profile = officer_a.profile
    response = client.post(
        reverse("admin:organisation_profile_change", args=[profile.pk]),
        {"user": officer_a.pk, "role": "office", "province_code": "38", "unit": "", "person": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.filter(kind=EventKind.ROLE_CHANGED).latest("pk")
    assert event.actor == admin and event.object_id == str(officer_a.pk)
    assert event.data["changes"]["role"] == ["officer", "office"]


def test_record_event_refuses_an_unknown_kind(db):
    with pytest.raises(ValueError, match="unknown audit event kind"):
        record_event(kind="made_up")


def test_the_administrator_filters_the_trail_by_kind(client, admin, office):
    record_event(kind=EventKind.EXPORT, actor=office, summary="so-theo-doi.xlsx")
    record_event(kind=EventKind.LOGIN_FAILED, username="ai-do")
    client.force_login(admin)
    html = client.get(
        reverse("admin:audit_auditevent_changelist"), {"kind": "export"}
    ).content.decode()
    assert "so-theo-doi.xlsx" in html and "ai-do" not in html


def test_others_cannot_read_the_trail(client, office):
    client.force_login(office)
    response = client.get(reverse("admin:audit_auditevent_changelist"))
    assert response.status_code in (302, 403)


def test_the_purge_keeps_the_configured_time(db, settings, capsys):
    settings.CHIDAO_AUDIT_RETENTION_DAYS = 30
    old = record_event(kind=EventKind.LOGIN_FAILED, username="cu")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=31))
    recent = record_event(kind=EventKind.LOGIN_FAILED, username="moi")
    call_command("purge_audit")
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "1 audit events older than 30 days deleted" in capsys.readouterr().out


def test_the_client_address_behind_the_proxy_is_the_one_the_proxy_saw(rf, settings):
    from chidao.audit.services import client_address

    settings.CHIDAO_TRUSTED_PROXIES = ["127.0.0.1"]
    proxied = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    direct = rf.get("/", REMOTE_ADDR="198.51.100.2", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(proxied) == "203.0.113.5"  # the forged "1.2.3.4" is ignored
    assert client_address(direct) == "198.51.100.2"
