"""TOTP second factor: codes accepted once each (a replayed code is refused), QR drawn locally."""

from __future__ import annotations

import hmac
import time

import pyotp
import segno
from markupsafe import Markup

from ..models import StaffUser

ISSUER = "287(g) intake"
STEP = 30
DRIFT_STEPS = 1  # accept the previous and next 30-second code for clock drift


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: StaffUser) -> str:
    return pyotp.TOTP(user.totp_secret or "").provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_svg(uri: str) -> Markup:
    """The provisioning URI as an inline SVG QR code, made here: no image service sees it."""
    svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return Markup(svg)  # noqa: S704 (segno's own SVG; the URI is encoded as modules, not text)


def verify_totp(user: StaffUser, code: str, now: float | None = None) -> bool:
    """True if `code` is a current code not used before; records its step so it cannot be
    replayed (the caller commits)."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6 or not user.totp_secret:
        return False
    totp = pyotp.TOTP(user.totp_secret)
    current = int((time.time() if now is None else now) // STEP)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.at(step * STEP), code):
            if user.totp_last_step is not None and step <= user.totp_last_step:
                return False  # already used (or an older one): a replay
            user.totp_last_step = step
            return True
    return False
