"""Load test: gunicorn and PostgreSQL under fifty members of staff for two minutes.

Prepares a PostgreSQL database with the demo commune (once; ``--fresh`` starts
again), serves it with gunicorn in production settings, and runs the Locust
scenario of ``bench/locustfile.py`` headless: staff browsing procedures,
services, news and courses, searching in French and Arabic, and reception
agents typing at the desk and opening answer cards. Prints throughput, latency
percentiles and errors, per kind of request and in all.

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/load.py                       # 50 users, 2 minutes
    .venv/bin/python bench/load.py --users 100 --duration 5m --workers 5

The first ``users / spawn-rate`` seconds, while people sign in, and the
``--warm-up`` that follows are left out of the figures: staff sign in once in the
morning, and each gunicorn worker fills its cache in its first minutes of work.
Errors count over the whole run.

``--scenario sign-in-storm`` measures the start of the working day instead: the
whole staff signing in at once (``--users`` people, each signing in, opening the
home page, and signing in again as the next colleague) while ``--readers``
colleagues already at work read kept pages. Signing in writes to the database
(the session, the time of the sign-in): it must leave the content version, and
so every kept page, alone. The storm needs no locust:

    .venv/bin/python bench/load.py --scenario sign-in-storm --users 30 --duration 1m
"""

import argparse
import csv
import http.client
import itertools
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/load")
parser.add_argument("--fresh", action="store_true", help="drop and rebuild the database first")
parser.add_argument("--users", type=int, default=50)
parser.add_argument("--spawn-rate", type=float, default=2, help="users signing in per second")
parser.add_argument("--duration", default="2m", help="how long all users work: 90s, 2m, 1h")
parser.add_argument(
    "--warm-up",
    default="30s",
    help="work after everyone has signed in, before the figures start (errors still count)",
)
parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
parser.add_argument("--port", type=int, default=8100)
parser.add_argument(
    "--scenario",
    choices=["work", "sign-in-storm"],
    default="work",
    help="a working day (locust), or everyone signing in at once while others read",
)
parser.add_argument(
    "--readers", type=int, default=10, help="sign-in storm: people reading kept pages meanwhile"
)
arguments = parser.parse_args()

WORKDIR = Path(tempfile.gettempdir()) / "intranet-load"
WORKDIR.mkdir(exist_ok=True)
ENVIRONMENT = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": arguments.database_url,
    "MEDIA_ROOT": str(WORKDIR / "media"),
    "STATIC_ROOT": str(WORKDIR / "static"),
    "LOG_LEVEL": "WARNING",
    "CONN_MAX_AGE": "600",
}


def manage(*args):
    # The demo's notification emails go to the console backend: not shown here.
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=ENVIRONMENT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare_database():
    import psycopg

    name = arguments.database_url.rsplit("/", 1)[1]
    server = arguments.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and arguments.fresh:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--no-input", "-v", "0")
    manage("collectstatic", "--no-input", "-v", "0")  # the demo renders PDFs with them
    with psycopg.connect(arguments.database_url) as connection:
        pages = connection.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0]
    if pages <= 2:  # a fresh database: the root and Wagtail's welcome page
        manage("load_demo")


def write_targets():
    """The addresses the simulated staff visit, read from the demo database."""
    os.environ.update(ENVIRONMENT)
    import django

    django.setup()
    from wagtail.models import Page

    from bench.relevance_queries import QUERIES
    from intranet.core.demo import demo_accounts, demo_password

    def urls(model_name):
        pages = Page.objects.live().filter(content_type__model=model_name).specific()
        return [page.url for page in pages if page.url]

    targets = {
        "password": demo_password(),
        "procedures": urls("procedurepage"),
        "services": urls("servicepage") + urls("divisionpage"),
        "news": urls("newspage") + urls("councildecisionpage"),
        "courses": urls("coursepage"),
        "sections": urls("procedureindexpage") + urls("newsindexpage") + urls("trainingindexpage"),
        "queries": [(query, language) for query, language, _code in QUERIES],
        "accounts": [username for username, _roles in demo_accounts()],
    }
    empty = [kind for kind, values in targets.items() if not values]
    if empty:
        sys.exit(f"The demo database has no pages of these kinds: {', '.join(empty)}")
    path = WORKDIR / "targets.json"
    path.write_text(json.dumps(targets, ensure_ascii=False), encoding="utf-8")
    return path


def serve():
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "intranet.wsgi",
        f"--bind=127.0.0.1:{arguments.port}",
        f"--workers={arguments.workers}",
        f"--threads={arguments.threads}",
        # As behind the commune's reverse proxy, which keeps its connections open:
        # with gunicorn's default of 2 s, a client reusing a connection the server
        # is closing gets "connection reset".
        "--keep-alive=75",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=ENVIRONMENT)
    health = urllib.request.Request(
        f"http://127.0.0.1:{arguments.port}/healthz", headers={"X-Forwarded-Proto": "https"}
    )
    for _ in range(60):
        try:
            with urllib.request.urlopen(health, timeout=2):
                return server
        except OSError:
            time.sleep(1)
    server.terminate()
    sys.exit("gunicorn did not answer on /healthz within a minute")


def seconds(duration):
    units = {"s": 1, "m": 60, "h": 3600}
    return (
        int(float(duration[:-1]) * units[duration[-1]]) if duration[-1] in units else int(duration)
    )


def run_locust(targets):
    """Users sign in one after the other (a password check is deliberately slow) and
    work through ``--warm-up``; then the figures start from zero and cover
    ``--duration`` with every user at work."""
    prefix = WORKDIR / "load"
    ramp = int(arguments.users / arguments.spawn_rate) + 1
    warm_up = seconds(arguments.warm_up)
    command = [
        str(Path(PYTHON).parent / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        f"--users={arguments.users}",
        f"--spawn-rate={arguments.spawn_rate}",
        f"--run-time={seconds(arguments.duration) + ramp + warm_up}s",
        f"--host=http://127.0.0.1:{arguments.port}",
        f"--csv={prefix}",
        "--only-summary",
        "--loglevel=WARNING",
    ]
    environment = {
        **ENVIRONMENT,
        "LOAD_TARGETS": str(targets),
        "LOAD_WARM_UP": str(warm_up),
        "LOAD_ALL_ERRORS": f"{prefix}_all_errors.json",
    }
    Path(environment["LOAD_ALL_ERRORS"]).unlink(missing_ok=True)
    subprocess.run(command, cwd=ROOT, env=environment)
    return prefix


def report(prefix):
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = list(csv.DictReader(stats))
    columns = ("count", "errors", "req/s", "p50 ms", "p95 ms", "max ms")
    print(f"\n{'request':<24} " + " ".join(f"{column:>7}" for column in columns))
    for row in rows:
        print(
            f"{row['Name'][:24]:<24} {row['Request Count']:>7} {row['Failure Count']:>7} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>7} {row['95%']:>7} "
            f"{float(row['Max Response Time']):>7.0f}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    errors = int(total["Failure Count"])
    print(
        f"\n{arguments.users} users, {arguments.duration}: "
        f"{float(total['Requests/s']):.1f} requests/s, p95 {total['95%']} ms, "
        f"{errors} errors in {total['Request Count']} requests"
    )
    with open(f"{prefix}_failures.csv", encoding="utf-8") as failures:
        for row in csv.DictReader(failures):
            print(f"  error: {row['Method']} {row['Name']}: {row['Error']} (x{row['Occurrences']})")
    # Errors while people signed in and warmed up are not in the figures, but they count.
    whole_run = json.loads(Path(f"{prefix}_all_errors.json").read_text(encoding="utf-8"))
    if sum(whole_run.values()) > errors:
        print(f"errors over the whole run, sign-in and warm-up included: {sum(whole_run.values())}")
        for error, occurrences in whole_run.items():
            print(f"  error: {error} (x{occurrences})")
    return max(errors, sum(whole_run.values()))


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """One person's connection, kept open as behind the reverse proxy, with cookies
    passed by hand: production settings mark them Secure, and this is plain HTTP."""

    def __init__(self):
        self.connection = None
        self.cookies = {}

    def request(self, method, path, body=None, headers=()):
        headers = {
            "Host": f"127.0.0.1:{arguments.port}",
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            **dict(headers),
        }
        for attempt in (1, 2):  # the server may close a kept connection: open another once
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", arguments.port, timeout=60
                )
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, content.decode("utf-8", "replace")

    def sign_in(self, username, password):
        self.cookies.clear()
        login = "/fr/accounts/login/"
        _status, form = self.request("GET", login)
        token = CSRF_FIELD.search(form).group(1)
        body = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        )
        status, _page = self.request(
            "POST",
            login,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"https://127.0.0.1:{arguments.port}{login}",
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{username} could not sign in ({status})")


def content_version():
    import psycopg

    with psycopg.connect(arguments.database_url) as connection:
        row = connection.execute("SELECT token FROM home_contentversion WHERE id = 1").fetchone()
    return row[0] if row else None


def sign_in_storm(targets_path):
    """Everyone signs in at once while colleagues read kept pages; returns the errors.

    Prints sign-ins per second and their latency, the readers' latency, and how many
    times the content version changed during the storm: none is the target, or each
    sign-in would send every reader back to an empty cache."""
    targets = json.loads(Path(targets_path).read_text(encoding="utf-8"))
    pages = targets["procedures"] + targets["services"] + targets["news"] + targets["sections"]
    accounts = itertools.cycle(targets["accounts"])
    lock = threading.Lock()
    timings = {
        "reader signs in (before)": [],
        "sign in": [],
        "home page after sign-in": [],
        "kept page (reader)": [],
    }
    errors = Counter()
    stop = threading.Event()

    def timed(kind, action):
        """Run ``action``, keeping its time under ``kind``; whether it succeeded."""
        started = time.perf_counter()
        try:
            action()
        except Exception as error:  # counted and reported: the run goes on
            with lock:
                errors[f"{kind}: {error}"] += 1
            return False
        with lock:
            timings[kind].append((time.perf_counter() - started) * 1000)
        return True

    def signing_in():
        browser = Browser()
        while not stop.is_set():
            with lock:
                username = next(accounts)
            if timed("sign in", lambda who=username: browser.sign_in(who, targets["password"])):
                timed("home page after sign-in", lambda: check(browser.request("GET", "/fr/")))

    def reading(number):
        browser = Browser()
        reader = targets["accounts"][0]
        if not timed(
            "reader signs in (before)", lambda: browser.sign_in(reader, targets["password"])
        ):
            return
        for page in itertools.cycle(pages[number :: arguments.readers] or pages):
            if stop.is_set():
                return
            timed("kept page (reader)", lambda page=page: check(browser.request("GET", page)))

    def check(answer):
        status, _content = answer
        if status != 200:
            raise RuntimeError(f"HTTP {status}")

    readers = [threading.Thread(target=reading, args=(n,)) for n in range(arguments.readers)]
    for thread in readers:
        thread.start()
    time.sleep(min(10, seconds(arguments.warm_up)))  # the readers fill the caches first
    before = content_version()
    versions = {before}
    storm = [threading.Thread(target=signing_in) for _ in range(arguments.users)]
    for thread in storm:
        thread.start()
    ends = time.monotonic() + seconds(arguments.duration)
    while time.monotonic() < ends:
        versions.add(content_version())
        time.sleep(0.25)
    stop.set()
    for thread in storm + readers:
        thread.join()
    changes = len(versions - {before})

    print(f"\n{'request':<26} {'count':>7} {'per s':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for kind, values in timings.items():
        if values:
            p95 = values[0]
            if len(values) > 1:
                p95 = statistics.quantiles(values, n=20, method="inclusive")[-1]
            print(
                f"{kind:<26} {len(values):>7} {len(values) / seconds(arguments.duration):>7.1f} "
                f"{statistics.median(values):>7.0f} {p95:>7.0f} {max(values):>7.0f}"
            )
    print(
        f"\nsign-in storm: {arguments.users} people signing in, {arguments.readers} reading, "
        f"{arguments.duration}: content version changed {changes} times, "
        f"{sum(errors.values())} errors"
    )
    for error, occurrences in errors.items():
        print(f"  error: {error} (x{occurrences})")
    return sum(errors.values()) + changes


if __name__ == "__main__":
    prepare_database()
    targets = write_targets()
    server = serve()
    try:
        if arguments.scenario == "sign-in-storm":
            failures = sign_in_storm(targets)
        else:
            failures = report(run_locust(targets))
    finally:
        server.terminate()
        server.wait(timeout=30)
    sys.exit(1 if failures else 0)
