"""Two-factor at first login (QR drawn locally), replayed codes and recovery codes, failed logins
counted without locking the account, sessions that expire."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp
from sqlalchemy import select

from intake.extensions import db
from intake.models import AuditEvent, StaffSession, StaffUser
from intake.timeutil import utcnow

from ..conftest import csrf_token
from .conftest import browser
from .helpers import current_code, log_in, make_staff, post_password


def user(email):
    db.session.expire_all()
    return db.session.scalar(select(StaffUser).where(StaffUser.email == email))


def send_code(client, path, code):
    return client.post(path, data={"csrf_token": csrf_token(client, path), "code": code})


def test_first_login_sets_up_two_factor_with_a_local_qr_code(app, client, ctx):
    email = make_staff(app, "new@example.org", two_factor=False)
    first = post_password(client, email)
    assert first.headers["Location"] == "/staff/login/setup"
    # Not signed in yet: the password alone opens nothing.
    assert client.get("/staff/").status_code == 302
    page = client.get("/staff/login/setup").get_data(as_text=True)
    assert "<svg" in page
    assert "<img" not in page and "chart.googleapis" not in page
    secret = re.search(r'class="totp-secret">([A-Z2-7]+)<', page).group(1)
    assert user(email).totp_secret == secret
    stored = db.session.execute(db.text("select totp_secret from staff_user")).scalar()
    assert secret not in stored  # encrypted at rest

    wrong = send_code(client, "/staff/login/setup", "000000")
    assert "not valid" in wrong.get_data(as_text=True) and user(email).totp_enabled_at is None
    done = send_code(client, "/staff/login/setup", pyotp.TOTP(secret).now())
    body = done.get_data(as_text=True)
    assert done.status_code == 200 and done.headers["Cache-Control"] == "no-store"
    codes = re.findall(r"<code>([A-Z0-9]{6}-[A-Z0-9]{6})</code>", body)
    assert len(codes) == 10
    account = user(email)
    assert account.two_factor_ready and len(account.recovery_hashes) == 10
    assert not any(code in str(account.recovery_hashes) for code in codes)
    assert client.get("/staff/").status_code == 200

    # Next login: a recovery code works once.
    fresh = browser(app)
    post_password(fresh, email)
    assert send_code(fresh, "/staff/login/two-factor", codes[0]).status_code == 302
    assert fresh.get("/staff/").status_code == 200
    again = browser(app)
    post_password(again, email)
    refused = send_code(again, "/staff/login/two-factor", codes[0])
    assert refused.status_code == 200 and again.get("/staff/").status_code == 302
    assert len(user(email).recovery_hashes) == 9


def test_a_replayed_totp_code_is_refused(app, ctx):
    email = make_staff(app, "replay@example.org")
    first, second = browser(app), browser(app)
    code = current_code()
    post_password(first, email)
    assert send_code(first, "/staff/login/two-factor", code).status_code == 302
    post_password(second, email)
    response = send_code(second, "/staff/login/two-factor", code)
    assert "not valid" in response.get_data(as_text=True)
    assert second.get("/staff/").status_code == 302
    # An older code than the one used is refused too.
    post_password(second, email)
    assert send_code(second, "/staff/login/two-factor", current_code(offset=-1)).status_code == 200


def test_failed_logins_are_counted_and_never_lock_the_owner_out(app, client, ctx):
    # Slowing down is per client and account, in the rate-limit store (tests/robustness/
    # test_sign_in_throttle.py); the account itself is never locked.
    email = make_staff(app, "lock@example.org")
    for _ in range(12):
        post_password(client, email, "wrong password!")
    account = user(email)
    assert account.failed_logins == 12 and account.locked_until is None
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert actions.count("login.failure") == 12 and "login.locked" not in actions
    assert log_in(browser(app), email).status_code == 302
    assert user(email).failed_logins == 0
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "login.success"))


def test_audit_of_logins_holds_no_address(app, client, ctx):
    email = make_staff(app, "who@example.org")
    post_password(client, "nobody@example.org", "whatever password")
    log_in(client, email)
    rows = db.session.execute(db.text("select * from audit_event")).all()
    assert rows and "127.0.0.1" not in str(rows)


def test_sessions_expire_after_inactivity(app, client, ctx):
    email = make_staff(app, "idle@example.org")
    log_in(client, email)
    assert client.get("/staff/").status_code == 200
    row = db.session.scalar(select(StaffSession))
    row.last_seen_at = utcnow() - timedelta(minutes=31)
    db.session.commit()
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert client.get("/staff/").status_code == 302  # really signed out, not just redirected


def test_password_step_alone_expires(app, client, ctx):
    email = make_staff(app, "slow@example.org")
    post_password(client, email)
    with client.session_transaction() as session:
        session["auth_pending"]["at"] -= 301
        session.modified = True
    response = client.get("/staff/login/two-factor")
    assert response.status_code == 302 and response.headers["Location"] == "/staff/login"
    assert client.get("/staff/").status_code == 302


def test_one_client_cannot_try_a_password_on_every_account(app, build_app, private_redis, ctx):
    # Each account slows down and locks on its own; a per-client limit stops one client from
    # spraying a password across many accounts (keyed by an HMAC, no address is stored).
    limited = build_app(
        {"REDIS_URL": private_redis}, RATELIMIT_ENABLED=True, RATELIMIT_LOGIN="4 per hour"
    )
    sprayer = browser(limited)
    emails = [make_staff(app, f"spray{i}@example.org") for i in range(5)]
    statuses = [post_password(sprayer, email, "Summer2026!").status_code for email in emails]
    assert statuses == [200, 200, 200, 200, 429]
    assert "Too many tries" in post_password(sprayer, emails[0]).get_data(as_text=True)
    assert sprayer.get("/staff/login").status_code == 200  # reading is never limited
    # Another client (another address) signs in as usual.
    other = browser(limited)
    other.environ_base["REMOTE_ADDR"] = "198.51.100.20"
    assert log_in(other, emails[0]).status_code == 302
    assert all(user(email).failed_logins <= 1 for email in emails)
    assert all(user(email).locked_until is None for email in emails)
