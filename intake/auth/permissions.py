"""Roles and what they may do, and the decorator every staff view carries.

A view is either `@requires(PERMISSION)` or `@requires_login` (any signed-in staff member), or
`@open_to_anyone` (the login and two-factor steps). tests/staff/test_authorization.py walks every
route of the app and fails when a /staff route has none of these, so a new page cannot ship
without a check.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user

from workers.states import Role

from ..extensions import login_manager

VIEW_REPORTS = "view_reports"  # see the reports of the queues the account may see
ADD_NOTES = "add_notes"
CHANGE_STATUS = "change_status"  # workflow status and labels
MESSAGE_REPORTER = "message_reporter"  # questions through the anonymous follow-up page
ASSIGN = "assign"
REVEAL_ORIGINAL = "reveal_original"  # original narrative and contact details, with a reason
EXPORT = "export"
VIEW_STATS = "view_stats"
MANAGE_RULES = "manage_rules"
MANAGE_USERS = "manage_users"
VIEW_AUDIT = "view_audit"
ENTER_REPORTS = "enter_reports"  # "New report for someone": a report taken by phone or in person
GRANT_ACCESS = "grant_access"  # let a volunteer see more than the reports they entered

PERMISSIONS = (
    VIEW_REPORTS,
    ADD_NOTES,
    CHANGE_STATUS,
    MESSAGE_REPORTER,
    ASSIGN,
    REVEAL_ORIGINAL,
    EXPORT,
    VIEW_STATS,
    MANAGE_RULES,
    MANAGE_USERS,
    VIEW_AUDIT,
    ENTER_REPORTS,
    GRANT_ACCESS,
)

# A volunteer (hotline, clinic, event) enters reports for people and sees only those.
_VOLUNTEER = frozenset({ENTER_REPORTS})
_REVIEWER = frozenset({VIEW_REPORTS, ADD_NOTES, CHANGE_STATUS, MESSAGE_REPORTER, ENTER_REPORTS})
_SUPERVISOR = _REVIEWER | {ASSIGN, REVEAL_ORIGINAL, EXPORT, VIEW_STATS, MANAGE_RULES, GRANT_ACCESS}
# What a supervisor's grant (models/volunteer_grant.py) adds to a volunteer's own entries.
GRANTED = frozenset({VIEW_REPORTS})
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.VOLUNTEER: _VOLUNTEER,
    Role.REVIEWER: _REVIEWER,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(PERMISSIONS),
}

# Marker values the authorization test reads from each view function.
LOGIN_ONLY = "login"
PUBLIC = "public"

F = TypeVar("F", bound=Callable[..., Any])


def role_has(role: str, permission: str) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def requires(permission: str) -> Callable[[F], F]:
    """Signed in (password and second factor) and holding `permission`; else login or 403."""
    if permission not in PERMISSIONS and permission != LOGIN_ONLY:
        raise ValueError(f"unknown permission {permission!r}")

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if permission != LOGIN_ONLY and not current_user.can(permission):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorate


requires_login = requires(LOGIN_ONLY)


def open_to_anyone(view: F) -> F:
    """Marks a /staff view that must work before login (the login steps themselves)."""
    view.required_permission = PUBLIC  # type: ignore[attr-defined]
    return view
