from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from intranet.operations import encryption
from intranet.operations.archive import write_backup


class Command(BaseCommand):
    help = (
        "Write the database and every media file to one .tar.gz archive, "
        "with a manifest of checksums (restore it with restore_intranet). "
        "With BACKUP_ENCRYPTION_KEY set, the archive is encrypted with that key."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (default: intranet-backup-YYYYmmdd-HHMMSS.tar.gz here, "
            "with .enc added when it is encrypted).",
        )
        parser.add_argument(
            "--generate-key",
            action="store_true",
            help="Print a new key for BACKUP_ENCRYPTION_KEY and write no backup.",
        )

    def handle(self, *args, output=None, generate_key=False, **options):
        if generate_key:
            self.stdout.write(encryption.generate_key())
            return
        try:
            key = encryption.configured_key()
        except encryption.EncryptionError as error:
            raise CommandError(f"{error} No backup was written.") from None
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        suffix = ".tar.gz.enc" if key else ".tar.gz"
        path = Path(output or f"intranet-backup-{stamp}{suffix}")
        manifest = write_backup(path, key=key)
        media = sum(1 for name in manifest["members"] if name.startswith("media/"))
        self.stdout.write(f"Database: {manifest['database_vendor']}, Wagtail {manifest['wagtail']}")
        for name, count in manifest["counts"].items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(f"  media files: {media}")
        if key:
            self.stdout.write(
                "Encrypted with BACKUP_ENCRYPTION_KEY: keep that key apart from the archive; "
                "without it the backup cannot be restored."
            )
        self.stdout.write(
            self.style.SUCCESS(f"Backup written: {path.resolve()} ({path.stat().st_size} bytes)")
        )
