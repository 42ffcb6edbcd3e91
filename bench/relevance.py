"""Relevance of the intranet's search against Wagtail's out-of-the-box search.

Builds the demo commune in a throwaway SQLite database and runs two query sets
through the JSON API as the reception desk does (``GET /api/search/?q=…&limit=10``,
no language: the query's own decides), signed in as the reception agent:

- agent queries (``relevance_queries.py``): the commune's vocabulary, typed by staff;
- visitor phrasings (``visitor_queries.py``): what visitors say, written before any
  tuning: Darija in Arabic and Latin letters, French questions, Arabic, mixed.

Prints MRR@10 and recall@3 of each set, beside Wagtail's database search over
the live procedures of both languages.

    .venv/bin/python bench/relevance.py [-v]
    BENCH_DATABASE=bench-demo.sqlite3 .venv/bin/python bench/relevance.py   # keep the demo
"""

import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
# BENCH_DATABASE=path keeps the demo database between runs (built once if missing).
DATABASE = os.environ.get("BENCH_DATABASE") or f"{tempfile.mkdtemp()}/bench.sqlite3"
BUILT = Path(DATABASE).exists()
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["EMAIL_URL"] = "dummymail://"  # the workflow notifications of the demo stay silent

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from bench.relevance_queries import QUERIES  # noqa: E402
from bench.visitor_queries import VISITOR_QUERIES  # noqa: E402
from procedures_manual.models import ProcedurePage  # noqa: E402

STYLE = re.compile(r"^\s*# ([^:\n]+)")


def visitor_styles():
    """The style of each visitor phrasing: the comment heading its group in the file."""
    styles, current = {}, "other"
    source = (ROOT / "bench" / "visitor_queries.py").read_text(encoding="utf-8")
    for line in source.splitlines():
        if match := STYLE.match(line):
            current = match.group(1).strip()
        elif line.strip().startswith("("):
            query = line.strip()[1:].split('", "')[0].strip('"')
            styles[query] = current
    return styles


class Ours:
    name = "intranet search (API)"

    def __init__(self):
        from django.contrib.auth import get_user_model

        self.client = Client(HTTP_HOST="localhost")
        self.client.force_login(get_user_model().objects.get(username="accueil"))
        self.codes = {page.url: page.code for page in ProcedurePage.objects.live()}

    def ranked_codes(self, query):
        response = self.client.get("/api/search/", {"q": query, "limit": 10})
        assert response.status_code == 200, (query, response.content)
        return [self.codes.get(result["url"]) for result in response.json()["results"]]


class Wagtail:
    name = "Wagtail database search"

    def ranked_codes(self, query):
        return [page.code for page in ProcedurePage.objects.live().search(query)[:10]]


def score(engine, queries):
    reciprocal, recalled, misses = 0.0, 0, []
    for query, expected in queries:
        codes = engine.ranked_codes(query)
        rank = codes.index(expected) + 1 if expected in codes else None
        reciprocal += 1 / rank if rank else 0
        recalled += bool(rank and rank <= 3)
        if rank is None or rank > 3:
            misses.append((query, expected, codes[:3]))
    return reciprocal / len(queries), recalled / len(queries), misses


def report(title, queries, engines, verbose, groups=None):
    print(f"\n{title}: {len(queries)} queries")
    print(f"{'engine':<32} {'MRR@10':>7} {'recall@3':>9}")
    for engine in engines:
        mrr, recall, misses = score(engine, queries)
        print(f"{engine.name:<32} {mrr:>7.3f} {recall:>9.3f}")
        if groups and isinstance(engine, Ours):
            by_group = defaultdict(list)
            for query, expected in queries:
                by_group[groups.get(query, "other")].append((query, expected))
            for group, members in sorted(by_group.items()):
                group_mrr, group_recall, _misses = score(engine, members)
                print(f"    {group:<40} {len(members):>4} {group_mrr:>7.3f} {group_recall:>9.3f}")
        if verbose:
            for query, expected, got in misses:
                print(f"    {query!r}: expected {expected}, got {got}")


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    if not BUILT:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))
    else:  # the analysis may have changed since the database was built
        call_command("rebuild_search", stdout=open(os.devnull, "w"))
    engines = [Ours(), Wagtail()]
    verbose = "-v" in sys.argv
    agents = [(query, code) for query, _language, code in QUERIES]
    report("Agent queries", agents, engines, verbose)
    styles = visitor_styles()
    groups = {query: style.split(":")[0] for query, style in styles.items()}
    report("Visitor phrasings", VISITOR_QUERIES, engines, verbose, groups)
