"""Every route of the app, for every role: anonymous users are sent to the login page, users
without the permission get 403, users with it get through. A /staff route without a declared
check, or a route outside /staff that is not one of the public pages, fails this test."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake.auth.permissions import LOGIN_ONLY, PUBLIC, ROLE_PERMISSIONS
from intake.extensions import db
from intake.models import StaffUser

from ..conftest import csrf_token
from .helpers import log_in, make_report, make_staff

# Blueprints whose routes anyone may open: the reporter's side.
PUBLIC_BLUEPRINTS = {"public", "followup", "publication"}
PUBLIC_ENDPOINTS = {"static"}


def staff_rules(app):
    """(rule, method, view permission) for every staff route; fails on routes without a check."""
    found, unchecked = [], []
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rpartition(".")[0]
        if rule.endpoint in PUBLIC_ENDPOINTS or blueprint in PUBLIC_BLUEPRINTS:
            assert not rule.rule.startswith("/staff"), f"{rule} is public but under /staff"
            continue
        view = app.view_functions[rule.endpoint]
        permission = getattr(view, "required_permission", None)
        if permission is None:
            unchecked.append(rule.rule)
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule, method, permission))
    assert not unchecked, f"routes without a permission check: {unchecked}"
    return found


def url_for_rule(rule, report_id: int, user_id: int) -> str:
    values = {}
    for name in rule.arguments:
        values[name] = {"report_id": report_id, "user_id": user_id}.get(name, 1)
    return rule.build(values)[1]


def call(client, method, url, token):
    if method == "GET":
        return client.get(url)
    return client.open(url, method=method, data={"csrf_token": token})


def test_every_route_declares_its_check(app):
    rules = staff_rules(app)
    assert len({r.endpoint for r, _, _ in rules}) >= 15


def test_anonymous_users_are_sent_to_login(app, client, ctx):
    report, _ = make_report()
    token = csrf_token(client, "/staff/login")
    for rule, method, permission in staff_rules(app):
        if permission == PUBLIC:
            continue
        response = call(client, method, url_for_rule(rule, report.id, 1), token)
        assert response.status_code == 302, (rule.rule, method, response.status_code)
        assert response.headers["Location"].startswith("/staff/login"), rule.rule


@pytest.mark.parametrize("role", sorted(ROLE_PERMISSIONS))
def test_each_role_gets_exactly_its_permissions(app, client, ctx, role):
    report, _ = make_report()
    email = make_staff(app, f"{role}@example.org", role=role)
    other = make_staff(app, "other@example.org", role="reviewer")
    other_id = db.session.scalar(select(StaffUser.id).where(StaffUser.email == other))
    assert log_in(client, email).status_code == 302
    token = csrf_token(client, "/staff/login")
    allowed = ROLE_PERMISSIONS[role]
    for rule, method, permission in staff_rules(app):
        if permission == PUBLIC or rule.endpoint == "auth.logout":
            continue
        response = call(client, method, url_for_rule(rule, report.id, other_id), token)
        where = (role, rule.rule, method, response.status_code)
        if permission == LOGIN_ONLY or permission in allowed:
            assert response.status_code != 403, where
            assert not response.headers.get("Location", "").startswith("/staff/login"), where
        else:
            assert response.status_code == 403, where
    # Still signed in after the whole walk (no route logged us out by accident).
    assert client.get("/staff/").status_code == (200 if "view_reports" in allowed else 403)
