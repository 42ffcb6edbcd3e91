from django.core.management.base import BaseCommand, CommandError

from intranet.operations import encryption, restoring, supervision
from intranet.operations.archive import BackupError, counts, open_backup


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_intranet into an empty instance: "
        "checks the archive (decrypting it with BACKUP_ENCRYPTION_KEY if it is encrypted), "
        "migrates, loads the data in one transaction, writes the media back and rebuilds "
        "the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive written by backup_intranet.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a database that is not empty (it is deleted).",
        )

    def handle(self, *args, archive, force=False, **options):
        try:
            backup = open_backup(archive, key=encryption.configured_key())
            restoring.check_compatible(backup)
        except (BackupError, encryption.EncryptionError) as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        manifest = backup.manifest
        self.stdout.write(
            f"Backup of {manifest['created']} ({manifest['database_vendor']}, "
            f"Wagtail {manifest['wagtail']}): "
            + ("decrypted, " if backup.encrypted else "")
            + "checksums verified."
        )
        if restoring.migrate_if_needed():
            self.stdout.write("Database schema migrated.")
        if not force and not restoring.is_empty():
            raise CommandError(
                "This database is not empty: restoring would replace its content. "
                "Restore into an empty instance (point DATABASE_URL at a new database and run "
                "`manage.py migrate`), or add --force to delete the current content. "
                "Nothing was changed."
            )
        try:
            dropped = restoring.restore(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if dropped:
            self.stdout.write(
                "Permissions this database does not have, left out: " + ", ".join(dropped)
            )
        restored = counts()
        for name, count in restored.items():
            expected = manifest["counts"].get(name)
            note = "" if count == expected else f" (the backup had {expected})"
            self.stdout.write(f"  {name}: {count}{note}")
        self.stdout.write(f"  media files: {len(backup.media_members)}")
        # The queue is not in the backup: documents and previews left waiting are queued now.
        recovery = supervision.recover()
        self.stdout.write(f"  waiting documents and previews queued: {recovery.other_work}")
        self.stdout.write(self.style.SUCCESS(f"Restored {archive}; search index rebuilt."))
