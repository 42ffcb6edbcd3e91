"""The background worker, supervised: ``db_worker`` that first recovers abandoned work."""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections
from django_tasks_db.management.commands import db_worker

from intranet.operations import supervision

logger = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = (
        "Run the background worker (django-tasks-db's db_worker). On start and every "
        "TASK_RECOVERY_MINUTES it queues again the tasks whose worker died and the "
        "documents left waiting to be read, so that no task is lost."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # An id that says which machine and process runs the worker, so that a
        # later worker knows whether the one that claimed a task still lives.
        parser.set_defaults(worker_id=supervision.new_worker_id())

    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        report = supervision.recover(this_worker=worker_id)
        self.stdout.write(f"Recovery on start: {report}.")
        if not options.get("batch"):
            checks = threading.Thread(
                target=self.recover_periodically, args=(worker_id,), daemon=True
            )
            checks.start()
        return super().handle(*args, **options)

    def recover_periodically(self, worker_id):
        stop = threading.Event()
        while not stop.wait(settings.TASK_RECOVERY_MINUTES * 60):
            try:
                supervision.recover(this_worker=worker_id)
            except Exception:  # the next round tries again; the worker must keep running
                logger.exception("Recovery of background work failed")
            finally:
                close_old_connections()
