"""Relevance of the intranet's search against Wagtail's out-of-the-box search.

Builds the demo commune in a throwaway SQLite database, runs every query of
``relevance_queries.py`` through both, and prints MRR@10 and recall@3.

    .venv/bin/python bench/relevance.py
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["EMAIL_URL"] = "dummymail://"  # the workflow notifications of the demo stay silent

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench.relevance_queries import QUERIES  # noqa: E402
from procedures_manual.models import ProcedurePage  # noqa: E402
from search.query import search  # noqa: E402


def ranked_codes_ours(query, language):
    codes = []
    for hit in search(query, language=language, limit=10).hits:
        page_id = hit.entry.page_id
        page = ProcedurePage.objects.filter(pk=page_id).first() if page_id else None
        codes.append(page.code if page else None)
    return codes


def ranked_codes_wagtail(query, language):
    locale = Locale.objects.get(language_code=language)
    results = ProcedurePage.objects.live().filter(locale=locale).search(query)[:10]
    return [page.code for page in results]


def score(ranker):
    reciprocal, recalled, misses = 0.0, 0, []
    for query, language, expected in QUERIES:
        codes = ranker(query, language)
        rank = codes.index(expected) + 1 if expected in codes else None
        reciprocal += 1 / rank if rank else 0
        recalled += bool(rank and rank <= 3)
        if rank != 1:
            misses.append((query, expected, codes[:3]))
    return reciprocal / len(QUERIES), recalled / len(QUERIES), misses


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
    call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))
    print(f"{len(QUERIES)} queries")
    print(f"{'engine':<32} {'MRR@10':>7} {'recall@3':>9}")
    for name, ranker in (
        ("intranet search", ranked_codes_ours),
        ("Wagtail database search", ranked_codes_wagtail),
    ):
        mrr, recall, misses = score(ranker)
        print(f"{name:<32} {mrr:>7.3f} {recall:>9.3f}")
        if "-v" in sys.argv:
            for query, expected, got in misses:
                print(f"    {query!r}: expected {expected}, got {got}")
