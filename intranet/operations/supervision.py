"""No background task is lost when its worker dies.

django-tasks-db marks a task "running" when a worker claims it, and only the
worker marks it done. A worker killed mid-task (SIGKILL, the kernel's memory
killer, a power cut) leaves it "running" for ever, and a restored database can
hold work that no task will ever do. ``recover`` puts such tasks back in the
queue; the worker (``manage.py run_worker``) calls it when it starts and every
few minutes. Sections add their own checks through the
``recover_background_work`` hook (the search section queues the documents left
waiting to be read).

A task is abandoned when its worker ran on this machine and its process is
gone, or, wherever it ran, when it has been running longer than
``TASK_ABANDONED_AFTER``: every task of the intranet is bounded well below it
(reading a document stops at ``DOCUMENT_READING_SECONDS``). A task abandoned
``TASK_MAX_ATTEMPTS`` times is marked failed rather than tried for ever.
"""

import logging
import os
import socket
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail import hooks

logger = logging.getLogger(__name__)


class TaskAbandoned(Exception):
    """Recorded as the failure of a task whose workers kept dying under it."""


@dataclass
class Recovery:
    requeued: list = field(default_factory=list)
    given_up: list = field(default_factory=list)
    other_work: int = 0

    def __str__(self):
        return (
            f"{len(self.requeued)} abandoned task(s) queued again, {len(self.given_up)} given up, "
            f"{self.other_work} waiting item(s) queued"
        )


def new_worker_id():
    """``host:pid:random``: tells a later worker on the same machine whether this one lives."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(8)}"


def recover(this_worker="", now=None):
    """Queue again the tasks whose worker is gone, then the sections' waiting work."""
    now = now or timezone.now()
    recovery = Recovery()
    with transaction.atomic():
        for task in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            if not is_abandoned(task, this_worker, now):
                continue
            if len(task.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                task.set_failed(
                    TaskAbandoned(
                        f"its worker stopped {len(task.worker_ids)} times while running it"
                    )
                )
                recovery.given_up.append(task)
            else:
                task.status, task.started_at = TaskResultStatus.READY, None
                task.save(update_fields=["status", "started_at"])
                recovery.requeued.append(task)
    for check in hooks.get_hooks("recover_background_work"):
        recovery.other_work += check() or 0
    if recovery.requeued or recovery.given_up or recovery.other_work:
        logger.warning("Background work recovered: %s", recovery)
    return recovery


def is_abandoned(task, this_worker, now):
    if task.started_at is None or now - task.started_at > settings.TASK_ABANDONED_AFTER:
        return True
    claimed_by = task.worker_ids[-1] if task.worker_ids else ""
    if claimed_by == this_worker:
        return False
    host, pid = _host_and_pid(claimed_by)
    if host != socket.gethostname()[:40] or pid is None:
        return False  # another machine's worker: only its age tells
    return pid == os.getpid() or not _alive(pid)


def _host_and_pid(worker_id):
    parts = worker_id.split(":")
    if len(parts) != 3 or not parts[1].isascii() or not parts[1].isdigit():
        return None, None
    return parts[0], int(parts[1])


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user holds the number
    return True
