"""Staff sessions end for real: a copied cookie opens nothing after logout, a password change,
a two-factor reset or disabling the account; the secret key alone forges no session. Password
change and an administrator's reset (page and command line). After sign-in only paths of the
staff area are followed. Ids beyond the database's integer and control characters in filters
are a 404 or an ordinary page, never an error."""

from __future__ import annotations

import re

from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import select

from intake.extensions import db
from intake.models import StaffSession, StaffUser

from ..conftest import csrf_token
from .conftest import browser
from .helpers import PASSWORD, current_code, form_token, log_in, make_staff, post_password


def account(email: str) -> StaffUser:
    db.session.expire_all()
    return db.session.scalar(select(StaffUser).where(StaffUser.email == email))


def copy_of(app, client):
    """Another browser holding a copy of `client`'s cookies (a stolen cookie)."""
    thief = browser(app)
    for name in ("session",):
        cookie = client.get_cookie(name)
        thief.set_cookie(name, cookie.value, domain=cookie.domain or "localhost")
    return thief


def signed_in(client) -> bool:
    return client.get("/staff/").status_code == 200


def test_a_copied_cookie_replayed_after_logout_opens_nothing(app, client, ctx):
    email = make_staff(app, "copy@example.org")
    assert log_in(client, email).status_code == 302
    thief = copy_of(app, client)
    assert signed_in(thief)  # the copy works while the session lives
    other_device = browser(app)
    log_in(other_device, email)
    client.post("/staff/logout", data={"csrf_token": form_token(client, "/staff/")})
    assert not signed_in(client)
    assert not signed_in(thief)
    assert signed_in(other_device)  # logout ends that session, not the account's others


def test_the_secret_key_alone_forges_no_session(app, client, ctx):
    email = make_staff(app, "forged@example.org")
    user_id = account(email).id
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    forged = serializer.dumps(
        {"_user_id": str(user_id), "_fresh": True, "staff_session": "guessed", "since": 0}
    )
    client.set_cookie("session", forged, domain="localhost")
    assert not signed_in(client)
    forged = serializer.dumps({"_user_id": str(user_id), "_fresh": True})
    client.set_cookie("session", forged, domain="localhost")
    assert not signed_in(client)


def test_password_change_ends_every_other_session(app, client, ctx):
    email = make_staff(app, "change@example.org")
    log_in(client, email)
    thief = copy_of(app, client)
    elsewhere = browser(app)
    log_in(elsewhere, email)
    page = "/staff/account/password"
    wrong = client.post(
        page,
        data={
            "csrf_token": csrf_token(client, page),
            "current": "not my password",
            "password": "a brand new long password",
            "confirm": "a brand new long password",
        },
    )
    assert "not your current password" in wrong.get_data(as_text=True)
    done = client.post(
        page,
        data={
            "csrf_token": csrf_token(client, page),
            "current": PASSWORD,
            "password": "a brand new long password",
            "confirm": "a brand new long password",
        },
    )
    assert done.status_code == 302
    assert signed_in(client)  # the browser that changed it stays in
    assert not signed_in(thief) and not signed_in(elsewhere)
    assert log_in(browser(app), email).status_code == 200  # the old password is refused
    assert log_in(browser(app), email, "a brand new long password").status_code == 302


def test_admin_actions_end_every_session_of_the_account(app, ctx):
    admin = browser(app)
    log_in(admin, make_staff(app, "boss@example.org", role="admin"))
    for action in ("two-factor/reset", "deactivate"):
        email = make_staff(app, f"{action.replace('/', '-')}@example.org")
        member = browser(app)
        log_in(member, email)
        thief = copy_of(app, member)
        target = account(email).id
        admin.post(
            f"/staff/users/{target}/{action}",
            data={"csrf_token": form_token(admin, "/staff/users")},
        )
        assert not signed_in(member) and not signed_in(thief), action
        assert db.session.scalar(select(StaffSession).filter_by(user_id=target)) is None


def test_admin_reset_forces_a_new_password_then_two_factor_setup(app, ctx):
    admin = browser(app)
    log_in(admin, make_staff(app, "boss2@example.org", role="admin"))
    email = make_staff(app, "forgot@example.org")
    member = browser(app)
    log_in(member, email)
    target = account(email).id
    page = admin.post(
        f"/staff/users/{target}/reset", data={"csrf_token": form_token(admin, "/staff/users")}
    ).get_data(as_text=True)
    temporary = re.search(r'class="new-password">([^<]+)<', page).group(1)
    assert not signed_in(member)
    assert account(email).must_change_password and not account(email).two_factor_ready

    fresh = browser(app)
    assert post_password(fresh, email).status_code == 200  # the old password is gone
    step = post_password(fresh, email, temporary)
    assert step.headers["Location"] == "/staff/login/new-password"
    assert not signed_in(fresh)  # the temporary password alone opens nothing
    assert fresh.get("/staff/login/two-factor").status_code == 302
    same = fresh.post(
        "/staff/login/new-password",
        data={
            "csrf_token": csrf_token(fresh, "/staff/login/new-password"),
            "password": temporary,
            "confirm": temporary,
        },
    )
    assert "other than the temporary one" in same.get_data(as_text=True)
    chosen = fresh.post(
        "/staff/login/new-password",
        data={
            "csrf_token": csrf_token(fresh, "/staff/login/new-password"),
            "password": "my own long password",
            "confirm": "my own long password",
        },
    )
    assert chosen.headers["Location"] == "/staff/login/setup"
    assert not account(email).must_change_password


def test_reset_from_the_command_line(app, ctx):
    email = make_staff(app, "cli-reset@example.org")
    member = browser(app)
    log_in(member, email)
    result = app.test_cli_runner().invoke(args=["users", "reset", email])
    assert result.exit_code == 0, result.output
    temporary = re.search(r"temporary password \(shown once\): (\S+)", result.output).group(1)
    assert not signed_in(member)
    assert post_password(browser(app), email, temporary).headers["Location"] == (
        "/staff/login/new-password"
    )
    unknown = app.test_cli_runner().invoke(args=["users", "reset", "nobody@example.org"])
    assert unknown.exit_code != 0 and "no account" in unknown.output


def test_after_sign_in_only_paths_of_the_staff_area_are_followed(app, ctx):
    email = make_staff(app, "next@example.org")
    for target, expected in [
        ("%2F%09%2Fevil.example%2F", "/staff/"),
        ("//evil.example/", "/staff/"),
        ("/%5Cevil.example", "/staff/"),
        ("https://evil.example/staff/", "/staff/"),
        ("/staff/%0D%0ASet-Cookie:%20x=1", "/staff/"),
        ("/report", "/staff/"),
        ("/staff/reports/3?tab=notes", "/staff/reports/3?tab=notes"),
    ]:
        client = browser(app)
        token = csrf_token(client, "/staff/login")
        first = client.post(
            f"/staff/login?next={target}",
            data={"csrf_token": token, "email": email, "password": PASSWORD},
        )
        assert first.status_code == 302
        account(email).totp_last_step = None
        db.session.commit()
        done = client.post(
            "/staff/login/two-factor",
            data={
                "csrf_token": csrf_token(client, "/staff/login/two-factor"),
                "code": current_code(),
            },
        )
        assert done.headers["Location"] == expected, target


def test_huge_ids_and_control_characters_in_filters_are_not_errors(app, client, ctx):
    log_in(client, make_staff(app, "ids@example.org", role="admin"))
    huge = 2**31
    assert client.get(f"/staff/reports/{huge}").status_code == 404
    assert client.get(f"/staff/reports/{huge * 10**9}").status_code == 404
    token = form_token(client, "/staff/")
    for path in ("status", "assign", "labels", "notes", "messages", "reveal"):
        response = client.post(f"/staff/reports/{huge}/{path}", data={"csrf_token": token})
        assert response.status_code == 404, path
    for action in ("role", "queues", "language", "deactivate", "activate", "two-factor/reset"):
        response = client.post(f"/staff/users/{huge}/{action}", data={"csrf_token": token})
        assert response.status_code == 404, action
    for query in (
        "q=abc%00def",
        "city=%00",
        "agency=%00",
        "assignee=99999999999",
        "agency=99999999999",
        "page=99999999999",
        "q=%E2%80%AEevil",
    ):
        response = client.get(f"/staff/?{query}")
        assert response.status_code in (200, 400), query
    assert client.get("/staff/audit?report=99999999999").status_code == 200
