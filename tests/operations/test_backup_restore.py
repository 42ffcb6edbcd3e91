"""One archive holds the whole intranet; a restore brings all of it back, or changes nothing.

The round trip restores into a separate, freshly migrated SQLite database in a
subprocess (its own DATABASE_URL and MEDIA_ROOT), so that the session's demo
database, shared by every other test, is never emptied.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from intranet.operations import encryption
from intranet.operations.archive import DATABASE, MANIFEST, counts

from .snapshot import snapshot

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """A backup of the demo commune, with the picture of what it held."""
    path = tmp_path_factory.mktemp("backup") / "intranet.tar.gz"
    with django_db_blocker.unblock():
        call_command("backup_intranet", output=str(path), stdout=io.StringIO())
        before = snapshot()
    return path, before


def manage(instance, *arguments, **variables):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.dev",
        "DATABASE_URL": f"sqlite:///{instance / 'db.sqlite3'}",
        "MEDIA_ROOT": str(instance / "media"),
        "ELASTICSEARCH_URL": "",
        "BACKUP_ENCRYPTION_KEY": "",
        **variables,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def restored(archive, tmp_path_factory):
    """A new, empty instance (migrate only) into which the backup is restored."""
    path, _before = archive
    instance = tmp_path_factory.mktemp("instance")
    migrated = manage(instance, "migrate", "--no-input", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    restore = manage(instance, "restore_intranet", str(path))
    assert restore.returncode == 0, restore.stderr
    taken = manage(
        instance,
        "shell",
        "--no-imports",
        "-c",
        "import json; from tests.operations.snapshot import snapshot; "
        "print(json.dumps(snapshot()))",
    )
    assert taken.returncode == 0, taken.stderr
    return restore.stdout, json.loads(taken.stdout), instance


def members(path):
    with tarfile.open(path, "r:gz") as tar:
        return {member.name: tar.extractfile(member).read() for member in tar}


def write_archive(path, files):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


# --- What the archive holds ----------------------------------------------------


@pytest.mark.django_db
def test_the_archive_holds_the_database_every_media_file_and_a_manifest_of_checksums(archive):
    path, _before = archive
    files = members(path)
    manifest = json.loads(files[MANIFEST])
    assert manifest["format_version"] == 1
    assert manifest["counts"] == counts()
    assert set(manifest["members"]) == set(files) - {MANIFEST}
    assert any(name.startswith("media/documents/") for name in files)
    labels = {row["model"] for row in json.loads(files[DATABASE])}
    assert {
        "wagtailcore.page",
        "wagtailcore.revision",
        "auth.user",
        "reception.receptionvisit",
    } <= labels
    # Rebuilt or created by migrate, so never carried over.
    assert not labels & {
        "contenttypes.contenttype",
        "auth.permission",
        "sessions.session",
        "search.searchentry",
        "wagtailsearch.indexentry",
    }


# --- The round trip --------------------------------------------------------------


def test_a_restore_into_an_empty_instance_prints_the_restored_counts(archive, restored):
    output, _after, _instance = restored
    assert "checksums verified" in output
    assert "pages: " in output and "(the backup had" not in output


@pytest.mark.parametrize(
    "part",
    [
        "pages",
        "revisions",
        "documents",
        "users",
        "groups",
        "page_permissions",
        "collection_permissions",
        "workflow_states",
        "task_states",
        "reception_visits",
    ],
)
def test_the_round_trip_keeps_every_row_of(part, archive, restored):
    _path, before = archive
    _output, after, _instance = restored
    assert before[part], f"the demo has no {part}: the comparison would prove nothing"
    assert after[part] == before[part]


def test_restoring_over_a_used_instance_needs_force_and_then_replaces_its_content(
    archive, restored
):
    path, _before = archive
    _output, _after, instance = restored
    refused = manage(instance, "restore_intranet", str(path))
    assert refused.returncode != 0
    assert "not empty" in refused.stderr and "--force" in refused.stderr
    forced = manage(instance, "restore_intranet", str(path), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "(the backup had" not in forced.stdout


def test_an_encrypted_backup_restores_with_its_key(restored, tmp_path):
    _output, _after, instance = restored
    key = encryption.generate_key()
    path = tmp_path / "intranet.tar.gz.enc"
    written = manage(instance, "backup_intranet", "--output", str(path), BACKUP_ENCRYPTION_KEY=key)
    assert written.returncode == 0, written.stderr
    forced = manage(instance, "restore_intranet", str(path), "--force", BACKUP_ENCRYPTION_KEY=key)
    assert forced.returncode == 0, forced.stderr
    assert "decrypted, checksums verified" in forced.stdout
    assert "(the backup had" not in forced.stdout


# --- Refusals: nothing changes ----------------------------------------------------


def restore_refused(path, *options):
    before = counts()
    with pytest.raises(CommandError) as refusal:
        call_command("restore_intranet", str(path), *options, stdout=io.StringIO())
    assert counts() == before
    assert "Nothing was changed" in str(refusal.value)
    return str(refusal.value)


@pytest.mark.django_db
def test_a_damaged_archive_is_refused(archive, tmp_path):
    path, _before = archive
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(bytes(data))
    assert "damaged" in restore_refused(damaged, "--force")


@pytest.mark.django_db
def test_a_member_changed_after_the_backup_fails_its_checksum(archive, tmp_path):
    path, _before = archive
    files = members(path)
    files[DATABASE] = files[DATABASE].replace(b"Beni Mellal", b"Beni Mellaj", 1)
    altered = tmp_path / "altered.tar.gz"
    write_archive(altered, files)
    assert "does not match its checksum" in restore_refused(altered, "--force")


@pytest.mark.django_db
def test_an_archive_without_manifest_is_refused(archive, tmp_path):
    path, _before = archive
    files = members(path)
    del files[MANIFEST]
    foreign = tmp_path / "foreign.tar.gz"
    write_archive(foreign, files)
    assert "no manifest.json" in restore_refused(foreign, "--force")


@pytest.mark.django_db
def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    text = tmp_path / "notes.tar.gz"
    text.write_text("Procès-verbal de la session de février")
    assert "not a backup archive" in restore_refused(text, "--force")


@pytest.mark.django_db
def test_an_archive_with_an_unlisted_member_is_refused(archive, tmp_path):
    path, _before = archive
    files = members(path)
    files["media/../../etc/cron.d/intrus"] = b"* * * * * root true"
    hostile = tmp_path / "hostile.tar.gz"
    write_archive(hostile, files)
    assert "unexpected member" in restore_refused(hostile, "--force")


@pytest.mark.django_db
def test_a_database_that_is_not_empty_is_refused_without_force(archive):
    path, _before = archive
    message = restore_refused(path)
    assert "not empty" in message and "migrate" in message


@pytest.mark.django_db
def test_a_backup_from_a_newer_version_of_the_intranet_is_refused(archive, tmp_path):
    path, _before = archive
    files = members(path)
    manifest = json.loads(files[MANIFEST])
    manifest["migrations"]["home"].append("9999_from_the_future")
    files[MANIFEST] = json.dumps(manifest).encode()
    newer = tmp_path / "newer.tar.gz"
    write_archive(newer, files)
    assert "newer version" in restore_refused(newer, "--force")


@pytest.mark.django_db
def test_only_its_owner_may_read_an_archive(archive, tmp_path):
    import stat

    path, _before = archive
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    older = tmp_path / "older.tar.gz"
    older.write_bytes(b"")
    older.chmod(0o644)
    call_command("backup_intranet", output=str(older), stdout=io.StringIO())
    assert stat.S_IMODE(older.stat().st_mode) == 0o600
