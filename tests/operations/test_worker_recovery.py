"""A killed worker loses no task, and a restore leaves no document unread.

GIVEN a task left "running" by a worker that is gone, or a document left
waiting with no task to read it
WHEN a worker starts (or its periodic check runs)
THEN the task is queued again (given up, with the reason, after too many
tries) and the document is queued, so that the worker reads it.
"""

import io
import socket
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.models import Collection

from intranet.operations import supervision
from search.models import DocumentText

pytestmark = pytest.mark.django_db
HOST = socket.gethostname()[:40]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def dead_process_id():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def uploaded(title, text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title=title, collection=Collection.get_first_root_node()
        )
        document.file.save(f"{title}.txt", ContentFile(text.encode()), save=True)
    return document


def claimed(task, worker_id, started_minutes_ago=1, times=1):
    task.status = TaskResultStatus.RUNNING
    task.started_at = timezone.now() - timedelta(minutes=started_minutes_ago)
    task.worker_ids = [worker_id] * times
    task.save()
    return task


def reading_task(document):
    return DBTaskResult.objects.get(
        task_path="search.documents.read_document", args_kwargs__args=[document.pk]
    )


@pytest.fixture
def run_worker(monkeypatch):
    """The worker, in this test's transaction: its between-task check would close the
    connection (whose autocommit is off inside a test), so it is left out here."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command(
            "run_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO()
        )

    return run


def test_a_document_whose_worker_was_killed_mid_reading_is_read_by_the_next_worker(
    database_queue, django_capture_on_commit_callbacks, run_worker
):
    document = uploaded(
        "Horaires d'été", "Les guichets ferment à 15 heures.", django_capture_on_commit_callbacks
    )
    claimed(reading_task(document), f"{HOST}:{dead_process_id()}:abcdefgh")

    run_worker()

    assert reading_task(document).status == TaskResultStatus.SUCCESSFUL
    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.EXTRACTED
    assert "15 heures" in record.text


def test_a_task_of_a_living_worker_on_this_machine_is_left_to_it(
    database_queue, django_capture_on_commit_callbacks
):
    living = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        document = uploaded("Note", "Texte.", django_capture_on_commit_callbacks)
        task = claimed(reading_task(document), f"{HOST}:{living.pid}:abcdefgh")

        report = supervision.recover(this_worker=f"{HOST}:1:zzzzzzzz")

        task.refresh_from_db()
        assert task.status == TaskResultStatus.RUNNING
        assert report.requeued == []
    finally:
        living.kill()
        living.wait()


def test_a_task_of_another_machine_is_queued_again_only_once_it_ran_too_long(
    database_queue, settings, django_capture_on_commit_callbacks
):
    settings.TASK_ABANDONED_AFTER = timedelta(minutes=60)
    recent = uploaded("Récent", "Texte récent.", django_capture_on_commit_callbacks)
    old = uploaded("Ancien", "Texte ancien.", django_capture_on_commit_callbacks)
    claimed(reading_task(recent), "autre-serveur:4242:abcdefgh", started_minutes_ago=5)
    claimed(reading_task(old), "autre-serveur:4243:abcdefgh", started_minutes_ago=90)

    supervision.recover()

    assert reading_task(recent).status == TaskResultStatus.RUNNING
    assert reading_task(old).status == TaskResultStatus.READY


def test_a_task_whose_workers_kept_dying_is_given_up_and_its_document_says_why(
    database_queue, settings, django_capture_on_commit_callbacks
):
    settings.TASK_MAX_ATTEMPTS = 3
    document = uploaded("Registre", "Texte.", django_capture_on_commit_callbacks)
    claimed(reading_task(document), f"{HOST}:{dead_process_id()}:abcdefgh", times=3)

    report = supervision.recover()

    task = reading_task(document)
    assert task.status == TaskResultStatus.FAILED
    assert "TaskAbandoned" in task.exception_class_path
    assert len(report.given_up) == 1
    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.FAILED
    assert "index_documents --again" in record.reason


def test_documents_restored_while_waiting_are_queued_and_read(
    database_queue, django_capture_on_commit_callbacks, run_worker
):
    document = uploaded(
        "Avis de concours",
        "Concours de recrutement de techniciens.",
        django_capture_on_commit_callbacks,
    )
    DBTaskResult.objects.all().delete()  # a restore brings the documents, not the queue

    run_worker()

    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.EXTRACTED
    assert "techniciens" in record.text


def test_a_document_already_queued_is_not_queued_twice(
    database_queue, django_capture_on_commit_callbacks
):
    uploaded("Avis", "Texte.", django_capture_on_commit_callbacks)

    report = supervision.recover()

    assert report.other_work == 0
    assert DBTaskResult.objects.filter(task_path="search.documents.read_document").count() == 1


def test_worker_ids_name_the_machine_and_the_process():
    host, pid, _random = supervision.new_worker_id().split(":")
    assert host == HOST
    assert pid.isdigit()
