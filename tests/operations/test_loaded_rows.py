"""Rows loaded from a backup or a fixture are history, not events.

``loaddata`` (and so ``restore_intranet``) saves each row with ``raw=True``.
Every receiver of the project must then leave the row alone: no document read
again, no audit entry for an enrolment made years ago, no query for a user
whose row is not loaded yet. The indexes are rebuilt once everything is in.
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def project_receivers():
    """(model, receiver) for every post_save receiver written in this project."""
    found = []
    for model in apps.get_models():
        sync_receivers, async_receivers = post_save._live_receivers(model)
        for receiver in [*sync_receivers, *async_receivers]:
            source = Path(receiver.__code__.co_filename)
            if source.is_relative_to(settings.BASE_DIR) and ".venv" not in source.parts:
                found.append((model, receiver))
    return found


def test_the_project_has_receivers_to_check():
    names = {receiver.__name__ for _model, receiver in project_receivers()}
    assert {"document_saved", "_enrolment_saved", "_version_saved"} <= names


@pytest.mark.parametrize(
    "model, receiver",
    project_receivers(),
    ids=[f"{m.__name__}-{r.__module__}.{r.__name__}" for m, r in project_receivers()],
)
def test_a_row_saved_raw_triggers_nothing(model, receiver, django_capture_on_commit_callbacks):
    instance = model()  # some defaults query the database (a document's root collection)
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks() as callbacks,
    ):
        receiver(
            signal=post_save,
            sender=model,
            instance=instance,
            created=True,
            update_fields=None,
            raw=True,
            using="default",
        )
    assert (len(queries), len(callbacks)) == (0, 0)
