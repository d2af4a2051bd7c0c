"""Staff accounts: the address rule, the queues an account may be given, and what each role
means in words (the permissions themselves: intake/auth/permissions.py)."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l

from workers.states import Role

# The one address a machine-local install has (intake/setup.py creates it); email_validator
# refuses "localhost" as a special-use domain.
LOCAL_DOMAIN = "localhost"

ROLE_DESCRIPTIONS: dict[str, object] = {
    Role.VOLUNTEER: _l(
        "Enters reports for people who call, visit or speak another language, and sees only "
        "the reports they entered."
    ),
    Role.REVIEWER: _l(
        "Reads the reports of their queues, adds notes, changes status and labels, writes to "
        "reporters and logs calls. Cannot reveal originals, export or see statistics."
    ),
    Role.SUPERVISOR: _l(
        "Everything a reviewer does, and assigns reports, reveals originals for a stated "
        "reason, corrects redaction, exports for partners, reads statistics and tries the "
        "routing rules."
    ),
    Role.ADMIN: _l(
        "Everything a supervisor does, and manages staff accounts, reads the audit log and the "
        "redaction corrections, and sets the digest emails' options."
    ),
}


def staff_email(value: str) -> str:
    """The address, normalised and lower-cased; raises EmailNotValidError if it is not one."""
    value = value.strip()
    local, _, domain = value.rpartition("@")
    if domain.lower() == LOCAL_DOMAIN and local:
        checked = validate_email(f"{local}@example.org", check_deliverability=False)
        return f"{checked.local_part.lower()}@{LOCAL_DOMAIN}"
    return validate_email(value, check_deliverability=False).normalized.lower()


class UnknownQueues(ValueError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


def chosen_queues(values: list[str], configured: list[str]) -> list[str]:
    """The queues ticked for an account; each must be one that exists (none ticked: all)."""
    chosen = sorted({v.strip() for v in values if v.strip()})
    unknown = [q for q in chosen if q not in configured]
    if unknown:
        raise UnknownQueues(unknown)
    return chosen


__all__ = ["EmailNotValidError", "ROLE_DESCRIPTIONS", "chosen_queues", "staff_email"]
