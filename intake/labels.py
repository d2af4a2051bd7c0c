"""The translated labels of the state codes (workers/states.py), for pages and forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workers.states import DeliveryStatus, Labelled, Level, Priority, Role, Status


def labels(codes: type[Labelled]) -> dict[str, object]:
    """{code: label in the page's language} for every member, in declaration order."""
    return {member.value: _l(member.label) for member in codes}


STATUS_LABELS = labels(Status)
PRIORITY_LABELS = labels(Priority)
LEVEL_LABELS = labels(Level)
ROLE_LABELS = labels(Role)
DELIVERY_LABELS = labels(DeliveryStatus)
