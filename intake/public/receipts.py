"""Receipt codes: the reporter's only way back to an anonymous report.

A code is 16 characters from a 30-symbol alphabet without look-alikes (16 x log2(30) = 78.5
bits), shown in groups of four. Only a keyed hash of it is stored: HMAC-SHA-256, under a key
derived from the secret key, of the code's SHA-256 (the form rows had before keys were added,
which migration 0008_keyed_receipt_hashes turned into this one). With 78 bits of entropy a fast
hash is enough, and
it lets a follow-up find the report by an indexed lookup; the key means a copy of the database
and a code found on a seized phone do not find the report without the server's secret too.

Each empty form carries a random submission id (128 bits). The receipt of a report sent from
that form is an HMAC of the id under the app's secret, so sending the same form twice (a
refresh of the receipt page, a double tap, a retry after a dropped connection) gives the same
receipt, which the unique receipt hash turns into "already received" instead of a second report.
Only the reporter's browser ever holds the id; we store neither it nor anything derived from it
but the receipt's hash, so the secret alone does not yield any receipt.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from flask import current_app

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no I, L, O, U, 0, 1: easy to read aloud
LENGTH = 16
SUBMISSION_ID = re.compile(r"[A-Za-z0-9_-]{22}")  # 16 random bytes, URL-safe base64
RECEIPT_FORMAT = re.compile(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}")  # as shown: four groups of four


def _grouped(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def new_receipt() -> str:
    return _grouped("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def new_submission_id() -> str:
    return secrets.token_urlsafe(16)


def receipt_for(submission_id: str) -> str:
    """The receipt of a report sent from the form carrying `submission_id` (see above)."""
    secret = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(secret, b"receipt|" + submission_id.encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest, "big")  # 256 bits for 78.5: the bias is nil
    chars = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return _grouped("".join(chars))


def normalise(code: str) -> str:
    """What the reporter typed, in the form it was hashed: upper case, no separators."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _hash_key(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), b"receipt-hash", hashlib.sha256).digest()


def keyed(unkeyed_hash: str, secret_key: str) -> str:
    """The stored form of a receipt from its plain SHA-256 (also what the migration applies)."""
    return hmac.new(_hash_key(secret_key), unkeyed_hash.encode(), hashlib.sha256).hexdigest()


def receipt_hash(code: str) -> str:
    unkeyed = hashlib.sha256(normalise(code).encode("ascii", "ignore")).hexdigest()
    return keyed(unkeyed, current_app.config["SECRET_KEY"])
