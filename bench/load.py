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
"""

import argparse
import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
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
    from intranet.accounts.demo import DEMO_PASSWORD

    def urls(model_name):
        pages = Page.objects.live().filter(content_type__model=model_name).specific()
        return [page.url for page in pages if page.url]

    targets = {
        "password": DEMO_PASSWORD,
        "procedures": urls("procedurepage"),
        "services": urls("servicepage") + urls("divisionpage"),
        "news": urls("newspage") + urls("councildecisionpage"),
        "courses": urls("coursepage"),
        "sections": urls("procedureindexpage") + urls("newsindexpage") + urls("trainingindexpage"),
        "queries": [(query, language) for query, language, _code in QUERIES],
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


if __name__ == "__main__":
    prepare_database()
    targets = write_targets()
    server = serve()
    try:
        prefix = run_locust(targets)
    finally:
        server.terminate()
        server.wait(timeout=30)
    sys.exit(1 if report(prefix) else 0)
