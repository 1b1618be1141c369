"""Production serving: `chidao serve` (gunicorn), whitenoise, `check --deploy`, the CSP."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

import chidao
from chidao.web.management.commands.serve import default_workers

SRC = Path(chidao.__file__).parent


def test_workers_follow_the_cpu_count_within_bounds():
    assert [default_workers(n) for n in (1, 2, 4, 32)] == [3, 5, 9, 16]


def test_serve_prints_its_gunicorn_settings(capsys, monkeypatch):
    monkeypatch.setenv("CHIDAO_TIMEOUT", "45")
    call_command("serve", "--print-config", "--port", "8123", "--workers", "3")
    out = capsys.readouterr().out
    assert "bind = 127.0.0.1:8123" in out and "workers = 3" in out and "timeout = 45" in out
    assert "accesslog = -" in out


def _check_deploy(tmp_path, **env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("CHIDAO_")}
    environ |= {"CHIDAO_DATA_DIR": str(tmp_path), **env}
    environ.pop("DATABASE_URL", None)
    environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' runner
    return subprocess.run(
        [sys.executable, "-m", "chidao.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_once_https_key_and_hosts_are_set(tmp_path):
    done = _check_deploy(
        tmp_path,
        CHIDAO_HTTPS="1",
        CHIDAO_SECRET_KEY="k9#Qm2!vX7rT4pL0zW8yN3bH6jF1dS5gA-cE9uR2oI7kM4nB0vC8xZ3qW6eY1tU5",
        CHIDAO_ALLOWED_HOSTS="chidao.tinh.gov.vn",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_check_deploy_warns_without_https(tmp_path):
    done = _check_deploy(tmp_path)
    assert done.returncode != 0
    assert "security.W004" in done.stderr + done.stdout  # no HSTS


def test_every_page_carries_a_content_security_policy_without_inline_code(client, office):
    client.force_login(office)
    policy = client.get(reverse("tasks:worklist"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


def test_no_template_has_an_inline_script_or_style():
    """The policy forbids inline code: a template with some would break in the browser."""
    offenders = []
    for template in SRC.rglob("templates/**/*.html"):
        html = template.read_text(encoding="utf-8")
        for m in re.finditer(r"<script\b([^>]*)>", html):
            attrs = m.group(1)
            if "src=" not in attrs and 'type="application/json"' not in attrs:
                offenders.append(f"{template.relative_to(SRC)}: inline <script>")
        if re.search(r"<style\b", html) or re.search(r"\sstyle=", html):
            offenders.append(f"{template.relative_to(SRC)}: inline style")
        if re.search(r"\son[a-z]+=", html):
            offenders.append(f"{template.relative_to(SRC)}: inline event handler")
    assert offenders == []


def test_static_files_are_served_by_the_application(client):
    response = client.get("/static/web/app.css")
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_health_check_answers_ok(client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.django_db
def test_serve_warms_every_template_up_before_the_workers_fork():
    from django.db import connection
    from django.template import engines
    from django.test.utils import CaptureQueriesContext

    from chidao.web.management.commands.serve import warm_up

    ours = {p.as_posix().split("/templates/", 1)[1] for p in SRC.rglob("templates/**/*.html")}
    with CaptureQueriesContext(connection) as queries:
        assert warm_up() >= len(ours)  # the admin's and the other apps' too
    loader = engines["django"].engine.template_loaders[0]
    while not hasattr(loader, "get_template_cache"):  # template_partials wraps the cached one
        loader = loader.loaders[0]
    assert ours <= {key.split(":")[0] for key in loader.get_template_cache}
    assert "tasks/register.html" in ours
    assert len(queries) == 0  # nothing from the database: no connection for the workers to share


@pytest.mark.django_db
def test_serve_puts_what_the_master_built_out_of_the_collectors_reach(monkeypatch):
    import gc
    import io

    from django.core.management import call_command
    from gunicorn.app.base import BaseApplication

    frozen: list[int] = []
    monkeypatch.setattr(BaseApplication, "run", lambda self: frozen.append(gc.get_freeze_count()))
    try:
        call_command("serve", "--no-collect", stdout=io.StringIO())
    finally:
        gc.unfreeze()
    # the workers fork with the modules and the compiled templates frozen: a full
    # collection in a worker walks what its requests left, not those
    assert len(frozen) == 1 and frozen[0] > 10_000
