"""The database models, one module per aggregate."""

from .agency import Agency
from .audit import AuditEvent
from .casework import ContactLogEntry, RedactionCorrection, Referral
from .digest import DigestDelivery, DigestOption, DigestSubscription
from .notification import Notification
from .report import Report
from .staff import StaffUser
from .workflow import ReportMessage, ReportNote, StatusChange

__all__ = [
    "Agency",
    "AuditEvent",
    "ContactLogEntry",
    "DigestDelivery",
    "DigestOption",
    "DigestSubscription",
    "Notification",
    "RedactionCorrection",
    "Referral",
    "Report",
    "ReportMessage",
    "ReportNote",
    "StaffUser",
    "StatusChange",
]
