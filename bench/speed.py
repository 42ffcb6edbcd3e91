"""Speed of indexing and of the search API on a generated corpus.

Builds the demo commune in a throwaway database (SQLite by default, or the
database of ``--database-url``), adds generated news pages and DOCX documents
written from the demo's own French and Arabic vocabulary, indexes them, then
times the search API for a fixed list of reception-desk queries.

    .venv/bin/python bench/speed.py --pages 10000 --documents 2000
    .venv/bin/python bench/speed.py --database-url postgres://postgres@127.0.0.1:5432/bench
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser()
parser.add_argument("--pages", type=int, default=10_000)
parser.add_argument("--documents", type=int, default=2_000)
parser.add_argument("--queries", type=int, default=400)
parser.add_argument("--database-url", default="")
parser.add_argument(
    "--reuse",
    action="store_true",
    help="time the queries only, on a --database-url that an earlier run filled",
)
arguments = parser.parse_args()

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
os.environ["DATABASE_URL"] = (
    arguments.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
)
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp()
os.environ["EMAIL_URL"] = "dummymail://"
os.environ["DEBUG"] = "False"  # as in production: no SQL kept for the debug page
os.environ.setdefault("LOG_LEVEL", "WARNING")

warnings.filterwarnings("ignore", message="No directory at")  # static files are not collected

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from docx import Document as WordDocument  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402
from wagtail.models import Collection  # noqa: E402

from bench.relevance_queries import QUERIES  # noqa: E402
from bench.visitor_queries import VISITOR_QUERIES  # noqa: E402
from intranet.news.models import NewsIndexPage, NewsPage  # noqa: E402
from procedures_manual.models import ProcedurePage  # noqa: E402
from search import indexing, text  # noqa: E402
from search.documents import read_pending  # noqa: E402


def vocabulary(language):
    words = []
    for procedure in ProcedurePage.objects.filter(locale__language_code=language):
        words += text.words(
            f"{procedure.title} {procedure.summary} {procedure.audience} {procedure.outcome}"
        )
    return words


def sentence(randomiser, words, length):
    return " ".join(randomiser.choice(words) for _ in range(length)).capitalize() + "."


def generate(randomiser):
    started = time.perf_counter()
    words = {"fr": vocabulary("fr"), "ar": vocabulary("ar")}
    indexes = {
        index.locale.language_code: index
        for index in NewsIndexPage.objects.select_related("locale")
    }
    pages = []
    for number in range(arguments.pages):
        language = "ar" if number % 3 == 0 else "fr"
        page = NewsPage(
            title=sentence(randomiser, words[language], 6)[:250],
            slug=f"bench-{number}",
            introduction=sentence(randomiser, words[language], 30)[:400],
            body=[
                (
                    "paragraph",
                    "<p>"
                    + " ".join(sentence(randomiser, words[language], 25) for _ in range(8))
                    + "</p>",
                )
            ],
        )
        pages.append(indexes[language].add_child(instance=page))
    created = time.perf_counter() - started

    started = time.perf_counter()
    for page in pages:
        indexing.index_page(page)
    page_seconds = time.perf_counter() - started

    collection = Collection.get_first_root_node()
    document_model = get_document_model()
    started = time.perf_counter()  # upload, text extraction and indexing, as the task does them
    for number in range(arguments.documents):
        language = "ar" if number % 3 == 0 else "fr"
        word = WordDocument()
        for _ in range(20):
            word.add_paragraph(sentence(randomiser, words[language], 25))
        buffer = io.BytesIO()
        word.save(buffer)
        document = document_model(
            title=sentence(randomiser, words[language], 5)[:250], collection=collection
        )
        document.file.save(f"bench-{number}.docx", ContentFile(buffer.getvalue()), save=True)
    read_pending()  # nothing left when tasks run at once; the backlog otherwise
    document_seconds = time.perf_counter() - started
    return created, page_seconds, document_seconds


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    call_command("migrate", verbosity=0)
    reusing = arguments.reuse and NewsPage.objects.filter(slug__startswith="bench-").exists()
    if not reusing:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        _created, page_seconds, document_seconds = generate(random.Random(2017))
    with connection.cursor() as cursor:  # fresh statistics for the planner, as autovacuum keeps
        cursor.execute("ANALYZE")

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="accueil"))
    # What the desk asks: agents' queries and visitors' phrasings, with no language.
    queries = [query for query, _language, _code in QUERIES]
    queries += [query for query, _code in VISITOR_QUERIES]
    timings = []
    for number in range(arguments.queries):
        query = queries[number % len(queries)]
        started = time.perf_counter()
        response = client.get("/api/search/", {"q": query, "limit": 10})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
    print(f"database: {connection.vendor}")
    print(
        f"corpus: {NewsPage.objects.filter(slug__startswith='bench-').count()} generated pages "
        f"and the demo, {get_document_model().objects.count()} documents"
    )
    if not reusing:
        print(f"indexing: {arguments.pages / page_seconds:.0f} pages/s")
        print(
            f"documents: {arguments.documents / document_seconds:.0f}/s "
            "(upload, text extraction and indexing)"
        )
    print(
        f"search API, {len(timings)} queries: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(timings):.1f} ms"
    )


if __name__ == "__main__":
    main()
