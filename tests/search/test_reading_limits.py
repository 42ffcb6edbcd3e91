"""One costly file never holds the worker: reading stops at a time and a memory limit.

GIVEN a file that takes too long or too much memory to read
WHEN a worker reads it
THEN the reading is stopped at the configured limit, the document says why,
stays downloadable and is found by its title, and the next document is read.
"""

import io
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection

from intranet.core import bounded, extraction
from search.models import DocumentText
from tests.search.asking import ask as search

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not bounded.can_bound(), reason="reading limits need fork (Linux)"),
]


def endless(stream):
    time.sleep(60)
    return "never"


def greedy(stream):
    hoard = bytearray(1024 * 1024 * 1024)  # a gigabyte, far past any limit in these tests
    return str(len(hoard))


def upload(title, filename, content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title=title, collection=Collection.objects.get(name="Procédures administratives")
        )
        document.file.save(filename, ContentFile(content), save=True)
    return document


@pytest.fixture
def slow_and_greedy_formats(monkeypatch):
    monkeypatch.setitem(extraction.EXTRACTORS, ".slow", endless)
    monkeypatch.setitem(extraction.EXTRACTORS, ".greedy", greedy)


def test_a_file_past_the_time_limit_is_too_slow_to_read_and_found_by_its_title(
    settings, slow_and_greedy_formats, django_capture_on_commit_callbacks
):
    settings.DOCUMENT_READING_SECONDS = 1
    document = upload(
        "Registre des naissances 1998", "registre.slow", b"...", django_capture_on_commit_callbacks
    )
    record = DocumentText.objects.get(document=document)

    assert record.status == DocumentText.Status.TOO_SLOW
    assert "1 secondes" in record.reason or "1 seconds" in record.reason
    found = search("registre des naissances 1998", language="fr").hits
    assert f"document:{document.pk}" in [hit.entry.key for hit in found]


def test_the_document_read_after_a_slow_one_is_read(
    settings, slow_and_greedy_formats, django_capture_on_commit_callbacks
):
    settings.DOCUMENT_READING_SECONDS = 1
    upload("Archive lente", "archive.slow", b"...", django_capture_on_commit_callbacks)
    note = upload(
        "Note sur la légalisation",
        "note.txt",
        "La légalisation de signature se fait au guichet 3.".encode(),
        django_capture_on_commit_callbacks,
    )

    assert DocumentText.objects.get(document=note).status == DocumentText.Status.EXTRACTED
    assert "guichet 3" in DocumentText.objects.get(document=note).text


def test_a_file_past_the_memory_limit_is_stopped_and_says_so(
    settings, slow_and_greedy_formats, django_capture_on_commit_callbacks
):
    settings.DOCUMENT_READING_MEMORY_MB = 64
    document = upload("Plan cadastral", "plan.greedy", b"...", django_capture_on_commit_callbacks)
    record = DocumentText.objects.get(document=document)

    assert record.status == DocumentText.Status.FAILED
    assert "64 MB" in record.reason or "64 Mo" in record.reason


def test_a_document_too_slow_to_read_stays_downloadable(
    client, django_user_model, settings, slow_and_greedy_formats, django_capture_on_commit_callbacks
):
    settings.DOCUMENT_READING_SECONDS = 1
    document = upload(
        "Archive lente", "archive.slow", b"contenu", django_capture_on_commit_callbacks
    )
    client.force_login(django_user_model.objects.create_superuser("admin-lecture", "", "x"))

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"contenu"


def test_index_documents_again_reads_those_once_too_slow_under_a_raised_limit(
    settings, slow_and_greedy_formats, django_capture_on_commit_callbacks, monkeypatch
):
    settings.DOCUMENT_READING_SECONDS = 1
    document = upload("Rapport annuel", "rapport.slow", b"...", django_capture_on_commit_callbacks)
    assert DocumentText.objects.get(document=document).status == DocumentText.Status.TOO_SLOW

    monkeypatch.setitem(extraction.EXTRACTORS, ".slow", lambda stream: "rapport lu enfin")
    call_command("index_documents", stdout=io.StringIO())
    assert DocumentText.objects.get(document=document).status == DocumentText.Status.TOO_SLOW

    call_command("index_documents", "--again", stdout=io.StringIO())
    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.EXTRACTED
    assert record.text == "rapport lu enfin"


def test_a_reader_that_dies_is_reported_not_raised():
    def crash(stream):
        import os

        os._exit(3)

    with pytest.raises(extraction.ExtractionFailed, match="exit code 3"):
        extraction.EXTRACTORS[".crash"] = crash
        try:
            extraction.extract_within_limits("x.crash", io.BytesIO(b""))
        finally:
            del extraction.EXTRACTORS[".crash"]


READER_OF_A_KILLED_WORKER = """
import sys, time
sys.path.insert(0, {root!r})
from intranet.core import bounded

def reading(path):
    import os
    with open(path, "w") as pid_file:
        pid_file.write(str(os.getpid()))
    time.sleep(120)

bounded.run(reading, {pid_file!r}, limits=bounded.Limits(seconds=300, megabytes=0))
"""


def test_the_reader_of_a_worker_killed_with_sigkill_does_not_read_on(tmp_path):
    pid_file = tmp_path / "reader.pid"
    script = READER_OF_A_KILLED_WORKER.format(root=str(ROOT), pid_file=str(pid_file))
    worker = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(300):
            if pid_file.exists() and pid_file.read_text():
                break
            time.sleep(0.1)
        reader = int(pid_file.read_text())
    finally:
        worker.kill()
        worker.wait()

    for _ in range(100):
        if not Path(f"/proc/{reader}").exists() or _zombie(reader):
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{reader}").exists() or _zombie(reader)


def _zombie(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True
