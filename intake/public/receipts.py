"""Receipt codes: the reporter's only way back to an anonymous report.

A code is 16 characters from a 30-symbol alphabet without look-alikes (16 x log2(30) = 78.5
bits), shown in groups of four. Only its SHA-256 is stored: with 78 bits of entropy a fast hash
is enough, and it lets a follow-up find the report by an indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no I, L, O, U, 0, 1: easy to read aloud
LENGTH = 16


def new_receipt() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(code: str) -> str:
    """What the reporter typed, in the form it was hashed: upper case, no separators."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def receipt_hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode("ascii", "ignore")).hexdigest()
