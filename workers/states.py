"""The closed sets of codes a row can carry: pipeline state, workflow status, priority, level,
message sender, staff role, delivery status. One place, so a misspelt state fails at import or
in the database (migration 0014 adds a CHECK per column) rather than by matching nothing.

Plain Python: the pipeline steps use it without Flask, and `intake` imports it (the dependency
runs intake -> workers, never back). Values are the stored codes and never change once rows
carry them; `label` is the English text, marked for the catalogue with `N_` and translated where
it is shown (`intake.labels`).
"""

from __future__ import annotations

from enum import StrEnum

from .i18n import N_


class Labelled(StrEnum):
    """A StrEnum whose members carry an English label: `Status.NEW.label == "New"`."""

    label: str

    def __new__(cls, value: str, label: str) -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)


class PipelineState(Labelled):
    """Where the worker is with a report: received -> processing -> processed | failed."""

    RECEIVED = "received", N_("Received")
    PROCESSING = "processing", N_("Processing")
    PROCESSED = "processed", N_("Processed")
    FAILED = "failed", N_("Failed")


class Status(Labelled):
    """The review workflow's status of a report (intake/staff/workflow.py holds the steps)."""

    NEW = "new", N_("New")
    IN_REVIEW = "in_review", N_("In review")
    WAITING_REPORTER = "waiting_reporter", N_("Waiting for reporter")
    REFERRED = "referred", N_("Referred")
    RESOLVED = "resolved", N_("Resolved")
    CLOSED = "closed", N_("Closed")


OPEN_STATUSES = (Status.NEW, Status.IN_REVIEW, Status.WAITING_REPORTER, Status.REFERRED)
TERMINAL_STATUSES = (Status.RESOLVED, Status.CLOSED)


class Priority(Labelled):
    """A report's place in the queue, most pressing first (the order is the rank)."""

    URGENT = "urgent", N_("Urgent")
    # Might be urgent: at the top of the queue right after the urgent ones, nobody is paged.
    CHECK_NOW = "check-now", N_("Check now")
    HIGH = "high", N_("High")
    NORMAL = "normal", N_("Normal")
    LOW = "low", N_("Low")

    @property
    def rank(self) -> int:
        """0 for urgent up to 4 for low: the queue sorts on it (report.priority_rank)."""
        return list(Priority).index(self)

    @classmethod
    def rank_of(cls, code: str | None) -> int:
        """The rank of a stored code; an unknown or missing one ranks as normal."""
        return next((member.rank for member in cls if member.value == code), cls.NORMAL.rank)


class Level(Labelled):
    """The urgency level of a routing decision: urgent pages a person, check-now does not."""

    URGENT = "urgent", N_("Urgent")
    CHECK_NOW = "check-now", N_("Check now")
    NORMAL = "normal", N_("Normal")


class Sender(Labelled):
    """Who wrote a message in the follow-up conversation."""

    STAFF = "staff", N_("Staff")
    REPORTER = "reporter", N_("Reporter")


class Role(Labelled):
    """A staff account's role (intake/auth/permissions.py says what each may do)."""

    ADMIN = "admin", N_("Administrator")
    SUPERVISOR = "supervisor", N_("Supervisor")
    REVIEWER = "reviewer", N_("Reviewer")
    VOLUNTEER = "volunteer", N_("Volunteer")


class DeliveryKind(Labelled):
    """What a row of the delivery ledger (intake/models/delivery.py) delivers."""

    DIGEST = "digest", N_("Digest")
    URGENT_ALERT = "urgent-alert", N_("Urgent alert")
    PATTERN_ALERT = "pattern-alert", N_("Pattern alert")
    REFERRAL_REMINDER = "referral-reminder", N_("Referral reminder")
    HEAVY_ENTRY = "heavy-entry", N_("Unusual entry flag")


class Channel(Labelled):
    """How a delivery goes: an email to a person, or a POST to the on-call webhook."""

    EMAIL = "email", N_("Email")
    WEBHOOK = "webhook", N_("Webhook")


class DeliveryStatus(Labelled):
    """One message to one recipient in the delivery ledger (digests and alerts).

    `sending` is claimed by the one process sending it; `rejected` is a permanent refusal
    (the address does not exist), never retried."""

    PENDING = "pending", N_("Waiting to be sent")
    SENDING = "sending", N_("Sending")
    SENT = "sent", N_("Sent")
    FAILED = "failed", N_("Failed, will be retried")
    REJECTED = "rejected", N_("Refused by the mail server")
