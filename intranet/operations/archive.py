"""The backup archive: one ``.tar.gz`` holding the database, the media and a manifest.

Members:

``database.json``
    Every row of every table, in Django's serialisation format, so that a backup
    taken on SQLite loads into PostgreSQL and the other way round. Content types
    and permissions are named by natural keys (``["wagtailcore", "page"]``), since
    their ids differ between two databases migrated separately; every other row
    keeps its id, so that pages, revisions and documents keep their addresses.
``media/<name>``
    Every file of the media storage, read through the storage API (local folder
    or S3 bucket alike).
``manifest.json``
    Written last: format, date, versions, database vendor, applied migrations,
    counts, and the SHA-256 of every other member. A restore checks all of it
    before changing anything.

With a key (``BACKUP_ENCRYPTION_KEY``), the whole ``.tar.gz`` is written
encrypted (``encryption.py``); ``open_backup`` recognises such an archive by its
header and decrypts it, checking every chunk, before it reads anything else.

Tables that are rebuilt from the rest (search indexes, the reference index),
transient ones (sessions, queued tasks, editing sessions) and those created by
``migrate`` itself (content types, permissions) are left out.
"""

import datetime
import hashlib
import io
import json
import os
import posixpath
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain

import django
import wagtail
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, router, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from . import encryption

FORMAT = "commune-intranet-backup"
# Backups written before the product served other communes carry this name.
EARLIER_FORMATS = ("beni-mellal-intranet-backup",)
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
MEDIA_PREFIX = "media/"

# Rebuilt after a restore, transient, or created by migrate: never in a backup.
EXCLUDED_APPS = {"contenttypes", "sessions", "wagtailsearch"}
EXCLUDED_MODELS = {
    "auth.permission",
    "wagtailcore.referenceindex",  # rebuild_references_index
    "wagtailadmin.editingsession",
    "search.searchentry",  # search.indexing.rebuild
    "search.searchposting",
    "search.searchterm",
    "search.searchword",
    "django_tasks_database.dbtaskresult",
}
# Named by natural key, because their ids differ from one database to another.
NATURAL_KEY_MODELS = (ContentType, Permission)


class BackupError(Exception):
    """An archive that cannot be restored; the message says why, for the operator."""


def backed_up_models():
    """Every concrete model whose rows go into ``database.json``, in a stable order."""
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
        and router.allow_migrate_model(connection.alias, model)
    ]


def counts():
    """What an operator checks after a restore: the same numbers as in the manifest."""
    return {
        "pages": Page.objects.exclude(depth=1).count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def applied_migrations():
    applied = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


class _Serializer(JSONSerializer):
    """Natural keys only for content types and permissions; ids for everything else.

    Pages have a natural key too (their URL path), but ids are what revisions,
    workflow states and log entries point to, so pages keep them.
    """

    def _natural_for(self, field):
        return issubclass(field.remote_field.model, NATURAL_KEY_MODELS)

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural_for(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural_for(field)
        super().handle_m2m_field(obj, field)


class _ExactEncoder(DjangoJSONEncoder):
    """Keeps microseconds, which Django's encoder cuts to milliseconds (ECMA-262 style):
    a restored revision must carry the very timestamp it had."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def dump_database(stream):
    """Write every backed-up row to a text stream, one model at a time, never all in memory."""
    rows = chain.from_iterable(
        model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=500)
        for model in backed_up_models()
    )
    _Serializer().serialize(rows, stream=stream, cls=_ExactEncoder)


def media_names(storage=default_storage, folder=""):
    """Every file name in the storage, walked through ``listdir`` (folders or S3 prefixes)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        if folder:
            raise
        return  # no file uploaded yet: the media folder does not exist
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        yield from media_names(storage, posixpath.join(folder, name))


class _HashingReader:
    """Hands a file to ``tarfile`` and computes its SHA-256 on the way."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add(tar, name, file, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o640
    reader = _HashingReader(file)
    tar.addfile(info, reader)
    return reader.sha256.hexdigest()


PRIVATE_FILE = 0o600


@contextmanager
def _sealed(file, key):
    """The file itself, or an encrypting writer over it that is sealed on success only:
    an archive cut short by an error must not look finished."""
    if key is None:
        yield file
        return
    writer = encryption.EncryptingWriter(file, key)
    yield writer
    writer.close()


def write_backup(path, storage=default_storage, key=None):
    """Write the whole intranet to ``path``, encrypted if a ``key`` (32 bytes) is given;
    returns the manifest.

    The archive holds password hashes, privacy passwords and feed tokens: only
    its owner may read it (mode 0600), from the first byte written.
    """
    checksums = {}
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    os.chmod(path, PRIVATE_FILE)  # an archive written over an older one, readable by others
    with (
        os.fdopen(descriptor, "wb") as file,
        _sealed(file, key) as output,
        tarfile.open(fileobj=output, mode="w:gz") as tar,
    ):
        with tempfile.TemporaryFile(mode="w+b") as dump:
            # One transaction, so that the rows and the counts are one moment's picture.
            with transaction.atomic():
                if connection.vendor == "postgresql" and not _in_outer_transaction():
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                text = io.TextIOWrapper(dump, encoding="utf-8", newline="\n")
                dump_database(text)
                text.flush()
                text.detach()
                numbers = counts()
                migrations = applied_migrations()
            size = dump.tell()
            dump.seek(0)
            checksums[DATABASE] = _add(tar, DATABASE, dump, size)
        for name in media_names(storage):
            with storage.open(name, "rb") as file:
                checksums[MEDIA_PREFIX + name] = _add(
                    tar, MEDIA_PREFIX + name, file, storage.size(name)
                )
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database_vendor": connection.vendor,
            "migrations": migrations,
            "counts": numbers,
            "members": checksums,
        }
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        _add(tar, MANIFEST, io.BytesIO(data), len(data))
    return manifest


def _in_outer_transaction():
    # Inside our own atomic block only: the isolation level can still be chosen.
    return len(connection.atomic_blocks) > 1


@dataclass
class Backup:
    """An archive whose manifest and checksums have been checked.

    An encrypted archive is read from its decrypted copy, ``plaintext``: an
    anonymous temporary file (mode 0600, no name on disk, gone when closed),
    in TMPDIR, which must have room for the archive.
    """

    path: str
    manifest: dict
    plaintext: object = field(default=None, repr=False)

    @property
    def encrypted(self):
        return self.plaintext is not None

    @property
    def media_members(self):
        return sorted(name for name in self.manifest["members"] if name.startswith(MEDIA_PREFIX))

    def open(self):
        if self.plaintext is None:
            return tarfile.open(self.path, "r:gz")
        self.plaintext.seek(0)
        return tarfile.open(fileobj=self.plaintext, mode="r:gz")


def open_backup(path, key=None):
    """Check an archive completely, changing nothing; raises ``BackupError`` with the reason.

    An encrypted archive needs its ``key`` (32 bytes); it is decrypted whole,
    every chunk authenticated, before anything else is read from it.
    """
    backup = Backup(path=str(path), manifest={})
    try:
        _check(backup, key)
    except BaseException:
        if backup.plaintext is not None:
            backup.plaintext.close()  # the decrypted copy must not outlive a refusal
        raise
    return backup


def _check(backup, key):
    path = backup.path
    try:
        with open(path, "rb") as raw:
            if encryption.is_encrypted(raw):
                backup.plaintext = _decrypted(raw, key)
        with backup.open() as tar:
            _check_compression(tar)
            backup.manifest = _read_manifest(tar)
            _check_members(tar, backup.manifest)
    except FileNotFoundError as error:
        raise BackupError(f"No such file: {path}") from error
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"{path} is damaged or is not a backup archive ({error}).") from error


def _decrypted(raw, key):
    if key is None:
        raise BackupError(
            "This backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was written with."
        )
    plaintext = tempfile.TemporaryFile()
    try:
        encryption.decrypt(raw, plaintext, key)
    except encryption.EncryptionError as error:
        plaintext.close()
        raise BackupError(str(error)) from None
    return plaintext


def _check_compression(tar):
    """Read the compressed stream to its end, so that gzip checks its CRC.

    A changed byte can make ``tarfile`` take a damaged header for the end of the
    archive and stop there quietly: the damage would then look like a missing manifest.
    """
    tar.getmembers()
    while tar.fileobj.read(1024 * 1024):
        pass


def _read_manifest(tar):
    try:
        member = tar.getmember(MANIFEST)
    except KeyError:
        raise BackupError(
            f"The archive has no {MANIFEST}: it is not a backup made by backup_intranet."
        ) from None
    try:
        manifest = json.load(tar.extractfile(member))
    except ValueError as error:
        raise BackupError("The archive's manifest is not readable JSON.") from error
    if not isinstance(manifest, dict) or manifest.get("format") not in (FORMAT, *EARLIER_FORMATS):
        raise BackupError("The archive's manifest is not that of an intranet backup.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This backup has format version {manifest.get('format_version')}; "
            f"this intranet reads version {FORMAT_VERSION}."
        )
    if DATABASE not in manifest.get("members", {}):
        raise BackupError("The archive's manifest lists no database.")
    return manifest


def _check_members(tar, manifest):
    expected = manifest["members"]
    found = set()
    for member in tar:
        if member.name == MANIFEST:
            continue
        if not _is_safe(member) or member.name not in expected:
            raise BackupError(f"The archive holds an unexpected member: {member.name}")
        sha256 = hashlib.sha256()
        file = tar.extractfile(member)
        while chunk := file.read(1024 * 1024):
            sha256.update(chunk)
        if sha256.hexdigest() != expected[member.name]:
            raise BackupError(f"The archive is damaged: {member.name} does not match its checksum.")
        found.add(member.name)
    missing = set(expected) - found
    if missing:
        raise BackupError(f"The archive is incomplete: {', '.join(sorted(missing))} missing.")


def _is_safe(member):
    name = member.name
    return (
        member.isfile()
        and not name.startswith("/")
        and ".." not in name.split("/")
        and (name == DATABASE or name.startswith(MEDIA_PREFIX))
    )
