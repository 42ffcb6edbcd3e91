"""Restore a checked backup into this instance.

The order matters: the archive is checked whole before anything changes; the
schema is brought up to date; every table (except content types, permissions and
the migration history, which ``migrate`` owns) is emptied and the rows loaded in
ONE transaction, so that a failure leaves the database as it was; then the media
files are written back and the indexes rebuilt from the restored rows.
"""

import json
import tempfile

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .archive import DATABASE, MEDIA_PREFIX, BackupError

# A fresh ``migrate`` creates the root page and one welcome page, nothing more.
PAGES_OF_A_FRESH_INSTANCE = 2


def unknown_migrations(backup):
    """Migrations the backup's database had that this code does not know: a newer intranet."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app_label}.{name}"
        for app_label, names in backup.manifest.get("migrations", {}).items()
        for name in names
        if (app_label, name) not in known
    )


def migrate_if_needed():
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
        return True
    return False


def is_empty():
    """True for an instance that only ``migrate`` has touched."""
    return not (
        get_user_model().objects.exists()
        or get_document_model().objects.exists()
        or get_image_model().objects.exists()
        or Page.objects.count() > PAGES_OF_A_FRESH_INSTANCE
    )


def check_compatible(backup):
    if unknown := unknown_migrations(backup):
        raise BackupError(
            "This backup was made by a newer version of the intranet (unknown migrations: "
            f"{', '.join(unknown[:5])}). Update the code first."
        )


def restore(backup):
    """Replace this instance's content with the backup's; the caller has checked emptiness."""
    check_compatible(backup)
    with backup.open() as tar, tempfile.NamedTemporaryFile(suffix=".json") as dump:
        rows, dropped = _portable(json.load(tar.extractfile(DATABASE)))
        dump.write(json.dumps(rows).encode())
        dump.flush()
        with transaction.atomic():
            _empty_tables()
            # Receivers see raw=True and leave loaded rows alone; the indexes are rebuilt below.
            call_command("loaddata", dump.name, verbosity=0)
        for member in backup.media_members:
            _write_media(member[len(MEDIA_PREFIX) :], tar.extractfile(member))
    rebuild_indexes()
    return dropped


def _portable(rows):
    """Drop grants of permissions this database does not have.

    Some permissions exist on one database engine only (Wagtail's SQLite full-text
    index model, for instance), and the administrators' group holds them all: a
    SQLite backup restored into PostgreSQL names permissions that cannot exist there.
    """
    known = {
        (codename, app_label, model)
        for codename, app_label, model in Permission.objects.values_list(
            "codename", "content_type__app_label", "content_type__model"
        )
    }
    dropped = set()
    kept_rows = []
    for row in rows:
        fields = row["fields"]
        grant = fields.get("permission")
        if isinstance(grant, list) and tuple(grant) not in known:
            dropped.add(".".join(grant[1:2] + grant[:1]))
            continue
        for name in ("permissions", "user_permissions"):
            if name in fields:
                dropped.update(
                    f"{grant[1]}.{grant[0]}" for grant in fields[name] if tuple(grant) not in known
                )
                fields[name] = [grant for grant in fields[name] if tuple(grant) in known]
        kept_rows.append(row)
    return kept_rows, sorted(dropped)


def _empty_tables():
    """Delete every row migrate did not write: the default site, locale, pages, groups..."""
    kept = {ContentType._meta.db_table, Permission._meta.db_table, "django_migrations"}
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in kept
    ]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    connection.ops.execute_sql_flush(statements)


def _write_media(name, file, storage=default_storage):
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, File(file, name=name))
    if saved != name:
        raise BackupError(f"The media storage saved {name} as {saved}.")


def rebuild_indexes():
    """What the backup leaves out because it is derived from the rest."""
    from search import indexing

    indexing.rebuild()
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
