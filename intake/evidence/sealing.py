"""Evidence files encrypted at rest with the keys that encrypt the narrative (intake/crypto.py).

A sealed file is a header line and then the file in 1 MiB pieces, each a Fernet token (stored
as raw bytes, not base64) with its length in front. Every piece is authenticated; the whole
file is checked against the SHA-256 recorded when it arrived (`unseal_to`), so a piece dropped
or swapped in storage is caught. MultiFernet decrypts with any listed key, so files sealed
before a key rotation still open.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.fernet import InvalidToken, MultiFernet

HEADER = b"INTAKE-SEALED-1\n"
PIECE = 1024 * 1024
_LENGTH = struct.Struct(">I")


class SealBroken(Exception):
    """A sealed file does not decrypt with our keys, or not to the fingerprint recorded."""


def seal(keys: MultiFernet, source: BinaryIO, target: BinaryIO) -> tuple[str, int]:
    """Encrypt `source` into `target`; returns the plaintext's SHA-256 (hex) and size."""
    digest = hashlib.sha256()
    size = 0
    target.write(HEADER)
    while piece := source.read(PIECE):
        digest.update(piece)
        size += len(piece)
        _write_piece(keys, piece, target)
    return digest.hexdigest(), size


def _write_piece(keys: MultiFernet, piece: bytes, target: BinaryIO) -> None:
    token = base64.urlsafe_b64decode(keys.encrypt(piece))
    target.write(_LENGTH.pack(len(token)))
    target.write(token)


def pieces(keys: MultiFernet, sealed: BinaryIO) -> Iterator[bytes]:
    """The plaintext of a sealed file, piece by piece."""
    if sealed.read(len(HEADER)) != HEADER:
        raise SealBroken("not a sealed file")
    while length := sealed.read(_LENGTH.size):
        if len(length) != _LENGTH.size:
            raise SealBroken("truncated")
        token = sealed.read(_LENGTH.unpack(length)[0])
        try:
            yield keys.decrypt(base64.urlsafe_b64encode(token))
        except InvalidToken as exc:
            raise SealBroken("a piece does not decrypt with INTAKE_ENCRYPTION_KEYS") from exc


def reseal(keys: MultiFernet, sealed: BinaryIO, target: BinaryIO) -> str:
    """Re-encrypt a sealed file into `target` with the first key (a key rotation); returns the
    plaintext's SHA-256, so the caller can check it before the new file replaces the old."""
    digest = hashlib.sha256()
    target.write(HEADER)
    for piece in pieces(keys, sealed):
        digest.update(piece)
        _write_piece(keys, piece, target)
    return digest.hexdigest()


def unseal_to(keys: MultiFernet, sealed: BinaryIO, target: BinaryIO, sha256: str) -> None:
    """Decrypt into `target` and check the result against the fingerprint recorded."""
    digest = hashlib.sha256()
    for piece in pieces(keys, sealed):
        digest.update(piece)
        target.write(piece)
    if digest.hexdigest() != sha256:
        raise SealBroken("the file does not match the fingerprint recorded when it arrived")
