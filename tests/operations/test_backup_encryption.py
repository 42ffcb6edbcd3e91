"""With BACKUP_ENCRYPTION_KEY set, a backup is unreadable without the key, and a restore
refuses, changing nothing, an archive whose key is missing or wrong or whose bytes were altered.

The format is tested on small payloads cut into small chunks, so that every way of
tampering with a chunk (changing, moving, dropping, adding one) is tried quickly;
the commands are tested on a real backup of the demo commune. The round trip of an
encrypted backup into a new instance is in test_backup_restore.py, beside the other.
"""

import gzip
import io
import stat
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from intranet.operations import encryption
from intranet.operations.archive import MANIFEST, counts, open_backup
from intranet.operations.encryption import HEADER_SIZE, TAG_SIZE, EncryptionError

KEY = encryption.generate_key()
OTHER_KEY = encryption.generate_key()
CHUNK = 64


def encrypt(data, key=KEY, chunk_size=CHUNK):
    sealed = io.BytesIO()
    writer = encryption.EncryptingWriter(sealed, encryption.decode_key(key), chunk_size)
    # Written in uneven pieces, as gzip writes: chunks must not follow the writes.
    for start in range(0, len(data), 50):
        writer.write(data[start : start + 50])
    writer.close()
    return sealed.getvalue()


def decrypt(sealed, key=KEY):
    plaintext = io.BytesIO()
    encryption.decrypt(io.BytesIO(sealed), plaintext, encryption.decode_key(key))
    return plaintext.getvalue()


def chunks(sealed, chunk_size=CHUNK):
    body = sealed[HEADER_SIZE:]
    size = chunk_size + TAG_SIZE
    return sealed[:HEADER_SIZE], [body[start : start + size] for start in range(0, len(body), size)]


# --- The format ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7])
def test_what_is_encrypted_decrypts_to_the_same_bytes_whatever_its_length(size):
    data = bytes(range(256)) * (size // 256 + 1)
    data = data[:size]
    sealed = encrypt(data)
    assert sealed.startswith(encryption.MAGIC)
    assert decrypt(sealed) == data


def test_two_archives_of_the_same_content_differ_entirely():
    data = b"Proces-verbal " * 100
    first, second = encrypt(data), encrypt(data)
    assert chunks(first)[1][0] != chunks(second)[1][0]


def test_the_wrong_key_is_named_as_such():
    with pytest.raises(EncryptionError, match="not the key this backup was encrypted with"):
        decrypt(encrypt(b"x" * 300), key=OTHER_KEY)


def tampered(how):
    header, parts = chunks(encrypt(bytes(range(200)) * 2))  # 400 bytes: 7 chunks
    parts = how(parts)
    return header + b"".join(parts)


def flip(parts):
    parts[2] = parts[2][:5] + bytes([parts[2][5] ^ 1]) + parts[2][6:]
    return parts


@pytest.mark.parametrize(
    "how",
    [
        pytest.param(flip, id="one bit changed"),
        pytest.param(lambda parts: [parts[1], parts[0], *parts[2:]], id="two chunks swapped"),
        pytest.param(lambda parts: parts[:1] + parts[2:], id="a chunk removed"),
        pytest.param(lambda parts: parts[:-1], id="cut short at a chunk's end"),
        pytest.param(lambda parts: [*parts[:-1], parts[-1][:-3]], id="cut short in a chunk"),
        pytest.param(lambda parts: [*parts, parts[0]], id="a chunk added at the end"),
    ],
)
def test_an_altered_archive_is_refused(how):
    with pytest.raises(EncryptionError, match="altered, damaged or cut short"):
        decrypt(tampered(how))


def test_a_changed_header_is_refused_too():
    sealed = bytearray(encrypt(b"x" * 300))
    chunk_size_at = len(encryption.MAGIC) + 1
    sealed[chunk_size_at + 3] ^= 1  # chunk size 64 becomes 65
    with pytest.raises(EncryptionError):
        decrypt(bytes(sealed))


@pytest.mark.parametrize("text", ["", "secret", "c2VjcmV0", encryption.generate_key()[:-4]])
def test_a_key_that_is_not_32_bytes_in_base64_is_refused_with_how_to_make_one(text):
    with pytest.raises(EncryptionError, match="--generate-key"):
        encryption.decode_key(text)


# --- The commands -------------------------------------------------------------------


@pytest.fixture(scope="module")
def encrypted_archive(django_db_setup, django_db_blocker, tmp_path_factory):
    path = tmp_path_factory.mktemp("backup") / "intranet.tar.gz.enc"
    output = io.StringIO()
    with django_db_blocker.unblock(), override_settings(BACKUP_ENCRYPTION_KEY=KEY):
        call_command("backup_intranet", output=str(path), stdout=output)
    assert "Encrypted with BACKUP_ENCRYPTION_KEY" in output.getvalue()
    return path


def test_the_backup_command_prints_a_new_key():
    output = io.StringIO()
    call_command("backup_intranet", generate_key=True, stdout=output)
    assert len(encryption.decode_key(output.getvalue())) == 32


def test_an_encrypted_backup_is_neither_a_gzip_nor_a_tar_and_only_its_owner_reads_it(
    encrypted_archive,
):
    data = encrypted_archive.read_bytes()
    assert data.startswith(encryption.MAGIC)
    assert not data.startswith(b"\x1f\x8b")
    with pytest.raises(tarfile.TarError):
        tarfile.open(encrypted_archive, "r:*")
    assert stat.S_IMODE(encrypted_archive.stat().st_mode) == 0o600


@pytest.mark.django_db
def test_with_its_key_an_encrypted_backup_opens_and_its_checksums_verify(encrypted_archive):
    backup = open_backup(encrypted_archive, key=encryption.decode_key(KEY))
    assert backup.encrypted
    assert backup.manifest["counts"] == counts()
    with backup.open() as tar:
        assert MANIFEST in tar.getnames()
        assert any(name.startswith("media/documents/") for name in tar.getnames())


def restore_refused(path):
    before = counts()
    with pytest.raises(CommandError) as refusal:
        call_command("restore_intranet", str(path), "--force", stdout=io.StringIO())
    assert counts() == before
    message = str(refusal.value)
    assert "Nothing was changed" in message
    assert "Traceback" not in message
    return message


@pytest.mark.django_db
def test_without_the_key_an_encrypted_backup_is_refused(encrypted_archive, settings):
    settings.BACKUP_ENCRYPTION_KEY = ""
    assert "This backup is encrypted: set BACKUP_ENCRYPTION_KEY" in restore_refused(
        encrypted_archive
    )


@pytest.mark.django_db
def test_with_another_key_an_encrypted_backup_is_refused(encrypted_archive, settings):
    settings.BACKUP_ENCRYPTION_KEY = OTHER_KEY
    assert "not the key this backup was encrypted with" in restore_refused(encrypted_archive)


@pytest.mark.django_db
def test_an_encrypted_backup_altered_after_it_was_written_is_refused(
    encrypted_archive, settings, tmp_path
):
    settings.BACKUP_ENCRYPTION_KEY = KEY
    data = bytearray(encrypted_archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered = tmp_path / "altered.tar.gz.enc"
    altered.write_bytes(bytes(data))
    assert "altered, damaged or cut short" in restore_refused(altered)


def test_a_malformed_key_stops_the_backup_before_anything_is_written(db, settings, tmp_path):
    settings.BACKUP_ENCRYPTION_KEY = "secret"
    path = tmp_path / "intranet.tar.gz"
    with pytest.raises(CommandError, match="No backup was written"):
        call_command("backup_intranet", output=str(path), stdout=io.StringIO())
    assert not path.exists()


def test_an_unencrypted_backup_still_restores_when_a_key_is_set(db, settings, tmp_path):
    path = tmp_path / "plain.tar.gz"
    call_command("backup_intranet", output=str(path), stdout=io.StringIO())
    with gzip.open(path) as plain:
        assert plain.read(1)
    settings.BACKUP_ENCRYPTION_KEY = KEY
    backup = open_backup(path, key=encryption.configured_key())
    assert not backup.encrypted and backup.manifest["counts"] == counts()
