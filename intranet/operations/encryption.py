"""Encryption of backup archives, for when they leave the server (a USB disk, a shared drive).

An archive holds password hashes, privacy passwords and feed tokens; mode 0600
protects it on the server only. With ``BACKUP_ENCRYPTION_KEY`` set, the archive
is written encrypted, and a restore needs the same key.

Archives hold every media file, so they are not made in memory: the ``.tar.gz``
stream is cut into chunks, each sealed with AES-256-GCM (the ``cryptography``
library does the cryptography; only the framing is ours). The file is::

    header   MAGIC (26 bytes, readable with ``head -1``)
             version (1 byte, 1)
             chunk size (4 bytes, big-endian: plaintext bytes per chunk)
             salt (16 random bytes)
             nonce prefix (7 random bytes)
             key check (16 bytes)
    chunks   each: ciphertext of ``chunk size`` plaintext bytes (fewer for the
             last, possibly none) followed by its 16-byte GCM tag

The chunk key and the key check are derived from the operator's key and the
archive's salt by HKDF-SHA256, so that no two archives share a chunk key. The
key check tells a wrong key from a damaged archive, for a clear message. Chunk
``n`` is sealed with the nonce ``prefix || n (4 bytes) || last (1 byte)`` and
the whole header as associated data: a changed header, a chunk changed, moved,
removed or added, or an archive cut short, all fail to decrypt (the "STREAM"
construction of Hoang, Reyhanitabar, Rogaway and Vizár, also used by age and Tink).
"""

import base64
import binascii
import hmac
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

MAGIC = b"INTRANET-BACKUP-ENCRYPTED\n"
VERSION = 1
CHUNK_SIZE = 1024 * 1024
# A header could name any chunk size: refuse those that would fill the memory.
MAX_CHUNK_SIZE = 64 * 1024 * 1024
TAG_SIZE = 16
KEY_SIZE = 32
_HEADER = struct.Struct(f">{len(MAGIC)}sBI16s7s16s")
HEADER_SIZE = _HEADER.size
_LAST_CHUNK = 2**32 - 1


class EncryptionError(Exception):
    """A key or an encrypted archive that cannot be used; the message says why."""


def generate_key():
    """A new key, in the form ``BACKUP_ENCRYPTION_KEY`` takes (URL-safe base64 of 32 bytes)."""
    return base64.urlsafe_b64encode(os.urandom(KEY_SIZE)).decode()


def decode_key(text):
    """The 32 bytes of a key given as base64, or ``EncryptionError`` with how to make one."""
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_SIZE:
        raise EncryptionError(
            "BACKUP_ENCRYPTION_KEY must be 32 random bytes in URL-safe base64 "
            "(make one with `manage.py backup_intranet --generate-key`)."
        )
    return key


def configured_key():
    """The key of ``settings.BACKUP_ENCRYPTION_KEY`` as bytes, or None when it is not set."""
    text = settings.BACKUP_ENCRYPTION_KEY
    return decode_key(text) if text else None


def _derive(key, salt, purpose):
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_SIZE if purpose == b"chunks" else 16,
        salt=salt,
        info=b"intranet backup v1 " + purpose,
    ).derive(key)


def _nonce(prefix, number, last):
    if number >= _LAST_CHUNK:
        raise EncryptionError("The archive is too large for this format.")
    return prefix + struct.pack(">IB", number, 1 if last else 0)


def is_encrypted(file):
    """True if the file (open in binary mode, at its start) begins with our header; rewinds."""
    start = file.read(len(MAGIC))
    file.seek(0)
    return start == MAGIC


class EncryptingWriter:
    """A binary file-like object to write into; what it receives goes out encrypted.

    ``close()`` seals the last chunk; it does not close the underlying file.
    """

    def __init__(self, file, key, chunk_size=CHUNK_SIZE):
        salt = os.urandom(16)
        self._prefix = os.urandom(7)
        self._header = _HEADER.pack(
            MAGIC, VERSION, chunk_size, salt, self._prefix, _derive(key, salt, b"key check")
        )
        self._aead = AESGCM(_derive(key, salt, b"chunks"))
        self._file = file
        self._chunk_size = chunk_size
        self._buffer = bytearray()
        self._number = 0
        self.closed = False
        file.write(self._header)

    def write(self, data):
        self._buffer += data
        # Keep the last chunk back: only close() knows that it is the last.
        while len(self._buffer) > self._chunk_size:
            self._seal(bytes(self._buffer[: self._chunk_size]), last=False)
            del self._buffer[: self._chunk_size]
        return len(data)

    def flush(self):
        self._file.flush()

    def close(self):
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._file.flush()
            self.closed = True

    def _seal(self, plaintext, last):
        nonce = _nonce(self._prefix, self._number, last)
        self._file.write(self._aead.encrypt(nonce, plaintext, self._header))
        self._number += 1


def decrypt(source, target, key):
    """Decrypt ``source`` into ``target`` (binary files), checking every chunk.

    Raises ``EncryptionError`` at the first problem; what was written to
    ``target`` by then must be thrown away.
    """
    header = source.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise EncryptionError("The archive is not an encrypted backup, or its header is cut short.")
    _magic, version, chunk_size, salt, prefix, key_check = _HEADER.unpack(header)
    if version != VERSION:
        raise EncryptionError(
            f"This backup is encrypted in format version {version}; "
            f"this intranet reads version {VERSION}."
        )
    if not 0 < chunk_size <= MAX_CHUNK_SIZE:
        raise EncryptionError("The encrypted archive's header is damaged.")
    if not hmac.compare_digest(_derive(key, salt, b"key check"), key_check):
        raise EncryptionError(
            "BACKUP_ENCRYPTION_KEY is not the key this backup was encrypted with "
            "(or the archive's header was altered)."
        )
    aead = AESGCM(_derive(key, salt, b"chunks"))
    sealed_size = chunk_size + TAG_SIZE
    number = 0
    chunk = source.read(sealed_size)
    while True:
        following = source.read(sealed_size)
        last = not following
        try:
            target.write(aead.decrypt(_nonce(prefix, number, last), chunk, header))
        except InvalidTag:
            raise EncryptionError(
                f"The encrypted archive was altered, damaged or cut short (at chunk {number})."
            ) from None
        if last:
            return
        chunk = following
        number += 1
