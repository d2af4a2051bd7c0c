"""The database models, one module per aggregate."""

from .agency import Agency
from .attachment import Attachment
from .audit import AuditEvent
from .digest import DigestDelivery, DigestOption, DigestSubscription
from .notification import Notification
from .report import Report
from .staff import StaffUser
from .workflow import ReportMessage, ReportNote, StatusChange

__all__ = [
    "Agency",
    "Attachment",
    "AuditEvent",
    "DigestDelivery",
    "DigestOption",
    "DigestSubscription",
    "Notification",
    "Report",
    "ReportMessage",
    "ReportNote",
    "StaffUser",
    "StatusChange",
]
