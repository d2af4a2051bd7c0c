from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from workers.states import Role

from ..crypto import EncryptedText
from ..extensions import db
from ..timeutil import utcnow
from .checks import state_check
from .volunteer_grant import VolunteerGrant

_hasher = PasswordHasher()

RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
RECOVERY_CODES = 10


def _recovery_hash(code: str) -> str:
    # Codes carry 59 random bits each, so a fast hash is enough (as for receipts).
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode("ascii", "ignore")).hexdigest()


class StaffUser(UserMixin, db.Model):
    """A member of staff who reviews reports. Passwords are argon2id hashes; the TOTP secret is
    encrypted at rest; recovery codes are stored only as hashes."""

    __tablename__ = "staff_user"
    __table_args__ = (state_check("role", Role),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default=Role.REVIEWER)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    # --- two-factor (TOTP), required for every account; set up at first login
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText)
    totp_enabled_at: Mapped[datetime | None]
    # The last accepted 30-second step: a code is accepted once, never replayed.
    totp_last_step: Mapped[int | None]
    recovery_hashes: Mapped[list[str]] = mapped_column(JSON, default=list)

    # --- failed logins: counted for the record; slowing down is per client (auth/throttle.py).
    # locked_until is no longer set (a lock let anyone keep the owner out); kept for old rows.
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    # Set by an administrator's reset: a new password (then two-factor setup) at next sign-in.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)

    # Queues this account may see; empty means every queue.
    queues: Mapped[list[str]] = mapped_column(JSON, default=list)

    def set_password(self, password: str) -> None:
        self.password_hash = _hasher.hash(password)

    def check_password(self, password: str) -> bool:
        try:
            _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if _hasher.check_needs_rehash(self.password_hash):
            self.set_password(password)
        return True

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    @property
    def two_factor_ready(self) -> bool:
        return bool(self.totp_secret and self.totp_enabled_at)

    def new_recovery_codes(self) -> list[str]:
        """Replace the recovery codes; returns the new ones (shown once, stored hashed)."""
        codes = [
            "-".join("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(6)) for _ in range(2))
            for _ in range(RECOVERY_CODES)
        ]
        self.recovery_hashes = [_recovery_hash(code) for code in codes]
        return codes

    def use_recovery_code(self, code: str) -> bool:
        """True (and the code is spent) if `code` is one of this account's unused codes."""
        digest = _recovery_hash(code)
        remaining = list(self.recovery_hashes or [])
        if digest not in remaining:
            return False
        remaining.remove(digest)
        self.recovery_hashes = remaining
        return True

    def can(self, permission: str) -> bool:
        from ..auth.permissions import GRANTED, role_has

        if role_has(self.role, permission):
            return True
        return self.role == Role.VOLUNTEER and permission in GRANTED and self.grant() is not None

    def grant(self) -> VolunteerGrant | None:
        """The supervisor's grant in force for this volunteer, if any (read each time: a
        revoke takes effect on the volunteer's next page)."""
        return db.session.scalar(
            select(VolunteerGrant).where(
                VolunteerGrant.volunteer_id == self.id, VolunteerGrant.revoked_at.is_(None)
            )
        )

    def sees_queue(self, queue: str | None) -> bool:
        return not self.queues or queue in self.queues


class StaffSession(db.Model):
    """One signed-in staff session, held on the server: the cookie carries a random token whose
    SHA-256 is here. Deleting the row ends the session wherever its cookie has been copied;
    logout deletes it, and a password change, a two-factor reset or disabling the account
    deletes every row of the account. Without the row, the secret key alone opens nothing."""

    __tablename__ = "staff_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_user.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
