"""Several writers at once on one SQLite file, as a web server with a worker makes
them: run by ``test_configuration`` in its own interpreter, prints the failures."""

import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import OperationalError, connection, connections, transaction  # noqa: E402

WRITERS, WRITES = 4, 25

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY, value INTEGER)")
    cursor.execute("INSERT OR REPLACE INTO counter (id, value) VALUES (1, 0)")
failures = []


def write():
    try:
        for _ in range(WRITES):
            try:
                with transaction.atomic():  # read, then write: what a form's save does
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT value FROM counter WHERE id = 1")
                        (value,) = cursor.fetchone()
                        time.sleep(0.002)  # the time a form takes between reading and writing
                        cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
            except OperationalError as error:
                failures.append(str(error))
    finally:
        connections.close_all()


threads = [threading.Thread(target=write) for _ in range(WRITERS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT value FROM counter WHERE id = 1")
    (total,) = cursor.fetchone()
    cursor.execute("PRAGMA journal_mode")
    (mode,) = cursor.fetchone()
print(f"failures={len(failures)} total={total} mode={mode}")
