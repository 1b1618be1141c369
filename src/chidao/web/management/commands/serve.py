"""``chidao serve``: the application under gunicorn, static files by whitenoise.

Workers from the CPU count (``2 × CPUs + 1``, at most 16; ``--workers`` or
``CHIDAO_WORKERS``), a timeout that stops a runaway request, workers recycled after a
number of requests, the access log on standard output (or a file), and ``X-Forwarded-*``
trusted only from the proxy's address.  Static files are collected first (``--no-collect``
skips it).  Production sits behind nginx (docs/nginx-chidao.conf) on 127.0.0.1.
"""

from __future__ import annotations

import gc
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_workers(cpus: int | None = None) -> int:
    """gunicorn's advice, ``2 × CPUs + 1``, kept between 2 and 16."""
    cpus = cpu_count() if cpus is None else cpus
    return max(2, min(16, 2 * cpus + 1))


def warm_up() -> int:
    """Do in the master, once, what every worker would otherwise do on its first requests:
    compile every template of the apps (Django's cached loader keeps them), load the
    translation catalogues of every language and build the URL resolver. The workers fork
    with it (a worker's first register page cost it ~1 s on a 2-CPU machine, the load
    test's p95). No database connection is opened here. Returns the templates compiled."""
    from django.apps import apps
    from django.conf import settings
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().reverse_dict  # noqa: B018 - builds the resolver's lookup tables
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Sổ chỉ đạo")
    compiled = 0
    for config in apps.get_app_configs():
        root = Path(config.path) / "templates"
        for path in sorted(root.rglob("*.html")) if root.is_dir() else []:
            get_template(path.relative_to(root).as_posix())
            compiled += 1
    return compiled


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


@dataclass(frozen=True)
class ServeOptions:
    """gunicorn's settings, by their gunicorn names."""

    bind: str
    workers: int
    threads: int
    timeout: int
    graceful_timeout: int
    keepalive: int
    max_requests: int
    max_requests_jitter: int
    accesslog: str | None
    access_log_format: str
    errorlog: str
    loglevel: str
    forwarded_allow_ips: str
    worker_tmp_dir: str | None
    proc_name: str = "chidao"
    control_socket_disable: bool = True  # gunicorn ≥ 25: no shared control socket in $HOME


class Command(BaseCommand):
    help = "Serve the application with gunicorn (workers from the CPU count) and whitenoise."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("CHIDAO_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=_env_int("CHIDAO_PORT", 8000))
        parser.add_argument(
            "--workers",
            type=int,
            default=_env_int("CHIDAO_WORKERS", 0),
            help="worker processes (default 2 × CPUs + 1, at most 16)",
        )
        parser.add_argument("--threads", type=int, default=_env_int("CHIDAO_THREADS", 1))
        parser.add_argument(
            "--timeout",
            type=int,
            default=_env_int("CHIDAO_TIMEOUT", 60),
            help="seconds before a silent worker is killed and restarted",
        )
        parser.add_argument(
            "--access-log",
            default=os.environ.get("CHIDAO_ACCESS_LOG", "-"),
            help="file of the access log ('-': standard output, 'off': none)",
        )
        parser.add_argument(
            "--forwarded-allow-ips",
            default=os.environ.get("CHIDAO_FORWARDED_ALLOW_IPS", "127.0.0.1,::1"),
            help="proxies whose X-Forwarded-* headers are trusted",
        )
        parser.add_argument("--no-collect", action="store_true", help="skip collectstatic")
        parser.add_argument(
            "--print-config", action="store_true", help="print the settings and do not serve"
        )

    def options(self, **options: Any) -> ServeOptions:
        access = options["access_log"]
        return ServeOptions(
            bind=f"{options['host']}:{options['port']}",
            workers=options["workers"] or default_workers(),
            threads=max(1, options["threads"]),
            timeout=options["timeout"],
            graceful_timeout=30,
            keepalive=5,
            max_requests=2000,
            max_requests_jitter=200,
            accesslog=None if access == "off" else access,
            access_log_format=ACCESS_LOG_FORMAT,
            errorlog="-",
            loglevel=os.environ.get("CHIDAO_LOG_LEVEL", "info").lower(),
            forwarded_allow_ips=options["forwarded_allow_ips"],
            worker_tmp_dir="/dev/shm" if os.path.isdir("/dev/shm") else None,
        )

    def handle(self, *args: Any, **options: Any) -> None:
        config = self.options(**options)
        if options["print_config"]:
            for key, value in asdict(config).items():
                self.stdout.write(f"{key} = {value}")
            return
        self.check()
        if not options["no_collect"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        from gunicorn.app.base import BaseApplication

        from chidao.web.wsgi import application

        compiled = warm_up()  # before the workers fork: they start with it done
        # what the master built (modules, compiled templates, catalogues: 146,000 objects) out
        # of the collector's reach: a worker's full collection then walks only what requests
        # left, where it walked them all (140-200 ms on a busy 2-CPU machine, the register's
        # one-in-tens outliers); and the collector no longer writes to the pages the workers
        # share with the master
        gc.freeze()

        class Server(BaseApplication):
            def load_config(self) -> None:
                for key, value in asdict(config).items():
                    if value is not None and key in self.cfg.settings:
                        self.cfg.set(key, value)

            def load(self) -> Any:
                return application

        self.stdout.write(
            f"chidao serve: http://{config.bind} · {config.workers} workers × "
            f"{config.threads} threads · timeout {config.timeout}s · "
            f"{compiled} templates compiled"
        )
        Server().run()
