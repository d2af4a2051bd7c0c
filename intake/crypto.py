"""Encryption at rest for what identifies a reporter: original narrative and contact details.

Keys come from INTAKE_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first), never from the
repo. MultiFernet decrypts with any listed key and encrypts with the first, so a key is rotated by
putting a new one in front and re-encrypting (`flask --app intake keys rotate`).
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app
from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

from .config import ConfigError


def build_fernet(keys: str) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.strip()) for key in keys.split(",") if key.strip()])
    except (ValueError, TypeError) as exc:
        raise ConfigError(
            "INTAKE_ENCRYPTION_KEYS must be comma-separated Fernet keys "
            "(make one with: python -c 'from cryptography.fernet import Fernet;"
            "print(Fernet.generate_key().decode())')"
        ) from exc


def fernet() -> MultiFernet:
    return current_app.extensions["intake.fernet"]


class EncryptedText(TypeDecorator[str]):
    """A text column stored as a Fernet token; plaintext exists only in the process."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: object) -> str | None:
        if value is None:
            return None
        return fernet().encrypt(value.encode("utf-8")).decode("ascii")

    def process_result_value(self, value: str | None, dialect: object) -> str | None:
        if value is None:
            return None
        try:
            return fernet().decrypt(value.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise ConfigError(
                "a stored value cannot be decrypted with INTAKE_ENCRYPTION_KEYS: "
                "is a key missing from the list?"
            ) from exc
