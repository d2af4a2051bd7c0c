"""The real options of the staff filters and forms: the configured queues, the languages, the
accounts, the priority levels. Free text is never a filter."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from flask import current_app
from flask_babel import get_locale
from sqlalchemy import select

from workers.states import Priority

from ..extensions import db
from ..labels import PRIORITY_LABELS, STATUS_LABELS
from ..models import Report, StaffUser
from ..vocabulary import CATEGORIES


def configured_queues() -> list[str]:
    """The queues the routing rules in force declare (none if no good rules were loaded)."""
    from .rules import rules_state

    rules = rules_state().rules
    return sorted(rules.queues) if rules else []


def known_queues(user: StaffUser | None = None) -> list[str]:
    """Configured queues and any that reports carry (older rules), within what `user` sees."""
    names = set(configured_queues())
    names |= {q for q in db.session.scalars(select(Report.queue).distinct()) if q}
    if user is not None and user.queues:
        names &= set(user.queues)
    return sorted(names)


def report_languages() -> list[str]:
    """The languages a report can be in: the form's."""
    return sorted(current_app.config.get("LANGUAGES", ("en",)))


def active_staff() -> list[StaffUser]:
    return list(
        db.session.scalars(
            select(StaffUser).where(StaffUser.active.is_(True)).order_by(StaffUser.email)
        )
    )


def display_name(user: StaffUser | None) -> str:
    """The part of an address before the @: short enough for a table cell."""
    if user is None:
        return "—"
    return user.email.split("@", 1)[0]


Options = list[tuple[str, str]]


@dataclass(frozen=True)
class FilterChoices:
    """The option lists of the filter bar, as (value, label) pairs."""

    queue_options: Options
    statuses: dict[str, object]
    priority_options: Options
    staff_options: Options
    categories: dict[str, object]
    agency_options: Options
    language_options: Options


def filter_choices(user: StaffUser, queues: list[str] | None = None) -> FilterChoices:
    from ..models import Agency

    queues = queues if queues is not None else known_queues(user)
    agencies = db.session.execute(
        select(Agency.id, Agency.name, Agency.state).order_by(Agency.state, Agency.name)
    ).all()
    return FilterChoices(
        queue_options=[(q, q) for q in queues],
        statuses=STATUS_LABELS,
        priority_options=[(p, str(PRIORITY_LABELS.get(p, p))) for p in Priority],
        staff_options=[
            (str(user_id), email.split("@", 1)[0])
            for user_id, email in db.session.execute(
                select(StaffUser.id, StaffUser.email)
                .where(StaffUser.active.is_(True))
                .order_by(StaffUser.email)
            )
        ],
        categories=CATEGORIES,
        agency_options=[(str(a.id), f"{a.state} — {a.name}") for a in agencies],
        language_options=[(code, language_name(code)) for code in report_languages()],
    )


def language_name(code: str) -> str:
    """A language's name in the page's language ("Spanish" / "español")."""
    try:
        return Locale.parse(code).get_display_name(str(get_locale() or "en")) or code
    except (ValueError, UnknownLocaleError):
        return code
