"""Load test: simulated users of mixed roles against `chidao serve`, on PostgreSQL and SQLite.

For each database, in a throw-away data directory: ``chidao generate --tasks N`` (a generated
province), one officer account for each of the busiest units, then ``chidao serve`` on
127.0.0.1 (gunicorn, its default workers) and ``--users`` simulated users for ``--seconds``:

- officers (60 %): their inbox, one of their unit's tasks, a progress report on it (POST);
- the office (20 %): the work list, the register (pages, a search), the documents to review;
- leaders (20 %): their page, the register, the sessions and one session.

Each user signs in once, reads a think time, then works until the deadline (bounded: every loop ends at the
deadline, every request has a timeout), reading each page before the next click: a think
time drawn uniformly from ``--think`` (default ``1-5`` seconds; ``--think 0`` for no pause
at all, a stress figure: with server and clients on one small machine it measures the
queue, not users).  Printed: the think time, requests per second, p50, p95 and p99 latency
and errors (any answer other than 200/302, or no answer) for each database, side by side;
the target is no errors and p95 under 300 ms.  Loopback only.

    python bench/load.py                       # PostgreSQL (scripts/with-postgres.sh) and SQLite
    python bench/load.py --only sqlite --users 20 --seconds 20 --tasks 5000
    python bench/load.py --think 0             # closed loop without pauses: a stress figure
    python bench/load.py --json
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote_plus, urlencode

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"  # loopback only: never aimed at another machine


# ---------------------------------------------------------------- a minimal HTTP client


class Client:
    """One simulated browser: its cookies, CSRF token and a connection to the server."""

    def __init__(
        self,
        port: int,
        record: Callable[[str, float, int], None],
        think: tuple[float, float] = (0.0, 0.0),
        seed: int = 0,
    ) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.record = record
        self.conn = http.client.HTTPConnection(HOST, port, timeout=30)
        self.think = think
        self.thinking = False  # from the first page after signing in
        self.deadline = float("inf")
        self.rng = random.Random(seed)

    def pause(self) -> None:
        """The user reads the page: a think time drawn from ``think``, never past the end."""
        lo, hi = self.think
        if self.thinking and hi > 0:
            left = self.deadline - time.perf_counter()
            if left > 0:
                time.sleep(min(left, self.rng.uniform(lo, hi)))

    def request(self, label: str, method: str, path: str, form: dict | None = None) -> str:
        headers = {"Host": f"{HOST}:{self.port}", "Accept-Language": "vi"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        began = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as e:
            self.conn.close()
            self.record(f"{label} ({type(e).__name__})", time.perf_counter() - began, 0)
            self.pause()
            return ""
        self.record(label, time.perf_counter() - began, response.status)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        self.conn.close()  # gunicorn's sync workers close every connection anyway
        self.pause()
        return data.decode("utf-8", "replace")

    def login(self, username: str, password: str) -> bool:
        self.request("login page", "GET", "/login/")
        self.request(
            "login",
            "POST",
            "/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
            },
        )
        return "sessionid" in self.cookies


TASK_LINK = re.compile(r'href="/tasks/(\d+)/"')
SESSION_LINK = re.compile(r'href="/sessions/(\d+)/"')
VERSION = re.compile(r'name="progress-version" value="(\d+)"')
PERCENT = re.compile(r'name="progress-percent" value="(\d+)"')
LEADER_LINK = re.compile(r'href="(/tasks/leaders/\d+/)"')


def officer(client: Client, deadline: float, rng: random.Random) -> None:
    while time.perf_counter() < deadline:
        inbox = client.request("officer inbox", "GET", "/tasks/inbox/")
        ids = TASK_LINK.findall(inbox)
        if not ids or time.perf_counter() >= deadline:
            continue
        task = rng.choice(ids)
        page = client.request("officer task", "GET", f"/tasks/{task}/")
        version, percent = VERSION.search(page), PERCENT.search(page)
        if not version or not percent or time.perf_counter() >= deadline:
            continue
        new = min(100, int(percent.group(1)) + rng.randint(0, 5))
        client.request(
            "officer progress (POST)",
            "POST",
            f"/tasks/{task}/progress/",
            {
                "progress-version": version.group(1),
                "progress-text": f"Đã triển khai thêm một phần khối lượng ({new}%).",
                "progress-percent": str(new),
            },
        )


def office(client: Client, deadline: float, rng: random.Random) -> None:
    while time.perf_counter() < deadline:
        client.request("office work list", "GET", "/tasks/worklist/")
        page = rng.randint(1, 20)
        client.request("office register", "GET", f"/tasks/register/?page={page}")
        words = rng.choice(["xa", "giai phong mat bang", "de bien", "truong hoc", "nong thon moi"])
        client.request("office register search", "GET", "/tasks/register/?q=" + quote_plus(words))
        client.request("office documents", "GET", "/sessions/documents/")


def leader(client: Client, deadline: float, rng: random.Random) -> None:
    home = ""
    while time.perf_counter() < deadline:
        if not home:
            found = LEADER_LINK.search(client.request("leader register", "GET", "/tasks/register/"))
            home = found.group(1) if found else "/tasks/register/"
        client.request("leader page", "GET", home)
        client.request("leader register", "GET", f"/tasks/register/?page={rng.randint(1, 10)}")
        ids = SESSION_LINK.findall(client.request("leader sessions", "GET", "/sessions/"))
        if ids and time.perf_counter() < deadline:
            client.request("leader session", "GET", f"/sessions/{rng.choice(ids)}/")


# ---------------------------------------------------------------- one database


@dataclass
class Figures:
    database: str
    users: int
    think: str
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    error_kinds: dict[str, int] = field(default_factory=dict)
    by_request: list[tuple[str, int, float, float]] = field(default_factory=list)


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _chidao(env: dict[str, str], *args: str, capture: bool = True) -> str:
    done = subprocess.run(
        [str(BIN / "chidao"), *args], env=env, capture_output=capture, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"chidao {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


SETUP = """
import json, os
from django.db.models import Count
from chidao.organisation import services
from chidao.organisation.models import LOCAL_KINDS, Role, Unit
from chidao.tasks.models import TaskState
code = Unit.objects.exclude(province_code="").values_list("province_code", flat=True).first()
n, password = int(os.environ["LOAD_OFFICERS"]), os.environ["LOAD_PASSWORD"]
units = (Unit.objects.filter(province_code=code, kind__in=LOCAL_KINDS)
         .filter(tasks__state__in=[TaskState.NEW, TaskState.IN_PROGRESS])
         .annotate(n=Count("tasks")).order_by("-n", "pk")[:n])
names = []
for i, unit in enumerate(units):
    name = f"gen_load_{i:03d}"
    services.create_user(username=name, password=password, role=Role.OFFICER,
                         province_code=code, unit=unit)
    names.append(name)
for name, role in (("gen_load_office", Role.OFFICE),):
    services.create_user(username=name, password=password, role=role, province_code=code)
print(json.dumps(names))
"""


def run_one(database: str, args: argparse.Namespace) -> Figures:
    data_dir = Path(tempfile.mkdtemp(prefix=f"chidao-load-{database}-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIDAO_")}
    env |= {"CHIDAO_DATA_DIR": str(data_dir), "CHIDAO_LOG_LEVEL": "WARNING"}
    if database == "sqlite":
        env.pop("DATABASE_URL", None)
    elif not env.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("postgresql: DATABASE_URL is not set (run under scripts/with-postgres.sh)")
    server = None
    try:
        print(f"[{database}] generating a province of {args.tasks:,} tasks…", file=sys.stderr)
        out = _chidao(env, "generate", "--tasks", str(args.tasks))
        leader_password = re.search(r"password of every generated user: (\S+)", out)
        if not leader_password:
            raise SystemExit(f"chidao generate printed no password:\n{out}")
        password = secrets.token_urlsafe(12)
        n_officers = max(1, round(args.users * 0.6))
        setup_env = env | {"LOAD_OFFICERS": str(n_officers), "LOAD_PASSWORD": password}
        officers = json.loads(_chidao(setup_env, "shell", "-c", SETUP).strip().splitlines()[-1])
        port = _free_port()
        cmd = [
            str(BIN / "chidao"),
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--access-log",
            "off",
        ]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        log = open(data_dir / "serve.log", "w")
        server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _wait_until_up(port, server)
        samples: list[tuple[str, float, int]] = []
        lock = threading.Lock()

        def record(label: str, seconds: float, status: int) -> None:
            with lock:
                samples.append((label, seconds, status))

        plan: list[tuple[str, str, Callable[[Client, float, random.Random], None]]] = []
        for i in range(args.users):
            share = i / args.users
            if share < 0.6:
                plan.append((officers[i % len(officers)], password, officer))
            elif share < 0.8:
                plan.append(("gen_load_office", password, office))
            else:
                plan.append(("gen_lanhdao", leader_password.group(1), leader))
        think = parse_think(args.think)
        clients = [Client(port, record, think, seed=n) for n in range(len(plan))]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=4) as pool:  # a login hashes a password: ~1 s
            pairs = zip(clients, plan, strict=True)
            signed = list(pool.map(lambda cp: cp[0].login(cp[1][0], cp[1][1]), pairs))
        for ok, (username, _secret, _role) in zip(signed, plan, strict=True):
            if not ok:
                raise SystemExit(f"[{database}] {username} could not sign in")
        samples.clear()  # the measure starts once everyone is signed in
        print(f"[{database}] {args.users} users for {args.seconds} s…", file=sys.stderr)
        began = time.perf_counter()
        deadline = began + args.seconds
        for client in clients:
            client.deadline, client.thinking = deadline, True
        threads = [
            threading.Thread(
                target=_first_read, args=(role, client, deadline, random.Random(n)), daemon=True
            )
            for n, (client, (_u, _p, role)) in enumerate(zip(clients, plan, strict=True))
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.seconds + 60)
        elapsed = time.perf_counter() - began
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=40)
            except subprocess.TimeoutExpired:
                server.kill()
        if args.keep:
            print(f"[{database}] data and serve.log kept in {data_dir}", file=sys.stderr)
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    latencies = [s for _label, s, _status in samples]
    bad = [(label, status) for label, _s, status in samples if status not in (200, 302)]
    kinds: dict[str, int] = {}
    for label, status in bad:
        kinds[f"{label}: {status or 'no answer'}"] = (
            kinds.get(f"{label}: {status or 'no answer'}", 0) + 1
        )
    by_label: dict[str, list[float]] = {}
    for label, s, _status in samples:
        by_label.setdefault(label, []).append(s)
    table = sorted(
        ((k, len(v), round(_pct(v, 0.5), 1), round(_pct(v, 0.95), 1)) for k, v in by_label.items()),
        key=lambda x: -x[3],
    )
    return Figures(
        database=database,
        users=args.users,
        think=args.think,
        seconds=round(elapsed, 1),
        requests=len(samples),
        rps=round(len(samples) / elapsed, 1),
        p50_ms=round(_pct(latencies, 0.50), 1),
        p95_ms=round(_pct(latencies, 0.95), 1),
        p99_ms=round(_pct(latencies, 0.99), 1),
        errors=len(bad),
        error_kinds=kinds,
        by_request=table,
    )


def _first_read(
    role: Callable[[Client, float, random.Random], None],
    client: Client,
    deadline: float,
    rng: random.Random,
) -> None:
    """A think time before the first click too: signed-in users do not all click at the same
    instant (without it, the first click of the 50 users is one burst, and the first page
    of each role had a p95 of ~1 s on 2 CPUs whatever the page cost: a queue, not a page)."""
    client.pause()
    role(client, deadline, rng)


def parse_think(text: str) -> tuple[float, float]:
    """``"1-5"`` -> (1.0, 5.0) seconds, ``"2"`` -> (2.0, 2.0), ``"0"`` -> no pause."""
    lo, _, hi = text.partition("-")
    low, high = float(lo), float(hi or lo)
    if low < 0 or high < low:
        raise ValueError(f"--think {text!r}: expected SECONDS or MIN-MAX with 0 <= MIN <= MAX")
    return low, high


def _wait_until_up(port: int, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"chidao serve stopped (its log: {server.args})")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("chidao serve did not answer /healthz within two minutes")


# ---------------------------------------------------------------- both databases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--tasks", type=int, default=30_000, help="size of the generated province")
    parser.add_argument(
        "--workers", type=int, default=0, help="gunicorn workers (default: serve's)"
    )
    parser.add_argument(
        "--think",
        default="1-5",
        help="seconds a user reads a page before the next click, uniform MIN-MAX (1-5); "
        "0: no pause (a stress figure)",
    )
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the data directories and logs")
    args = parser.parse_args(argv)
    if args.users < 1 or not 1 <= args.seconds <= 3600:
        parser.error("--users ≥ 1 and 1 ≤ --seconds ≤ 3600")
    try:
        parse_think(args.think)
    except ValueError as e:
        parser.error(str(e))
    results: list[Figures] = []
    if args.only in (None, "postgresql"):
        if args.only == "postgresql":
            results.append(run_one("postgresql", args))
        else:  # on a throw-away PostgreSQL, by the same script
            cmd = ["bash", str(ROOT / "scripts/with-postgres.sh"), sys.executable, __file__,
                   "--only", "postgresql", "--json", "--users", str(args.users),
                   "--seconds", str(args.seconds), "--tasks", str(args.tasks),
                   "--workers", str(args.workers), "--think", args.think]  # fmt: skip
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            sys.stderr.write(done.stderr)
            if done.returncode == 0 and done.stdout.strip():
                results += [Figures(**f) for f in json.loads(done.stdout)]
            else:
                print("postgresql: not measured (see above)", file=sys.stderr)
    if args.only in (None, "sqlite"):
        results.append(run_one("sqlite", args))
    if args.json:
        print(json.dumps([asdict(r) for r in results], ensure_ascii=False))
        return 0
    print(f"{'database':<12}{'users':>6}{'think s':>8}{'requests':>10}{'req/s':>8}{'p50 ms':>9}"
          f"{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")  # fmt: skip
    for r in results:
        print(f"{r.database:<12}{r.users:>6}{r.think:>8}{r.requests:>10}{r.rps:>8}{r.p50_ms:>9}"
              f"{r.p95_ms:>9}{r.p99_ms:>9}{r.errors:>8}")  # fmt: skip
    for r in results:
        for kind, n in r.error_kinds.items():
            print(f"  {r.database} error: {kind} × {n}")
        print(f"  {r.database}, by request: count, p50 ms, p95 ms")
        for label, count, p50, p95 in r.by_request:
            print(f"    {label:<28}{count:>7}{p50:>9}{p95:>9}")
    print(
        f"target: no errors, p95 under 300 ms · think time {args.think} s a page"
        f" · {os.cpu_count()} CPUs, server and clients on one machine"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
