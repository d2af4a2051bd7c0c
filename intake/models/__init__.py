"""The database models, one module per aggregate."""

from .agency import Agency
from .attachment import Attachment
from .audit import AuditEvent
from .casework import ContactLogEntry, RedactionCorrection, Referral
from .digest import DigestDelivery, DigestOption, DigestSubscription
from .notification import Notification
from .pattern_alert import PatternAlert, PatternAlertDelivery, PatternAlertKey
from .publication import PublicStatsSnapshot
from .referral import ReferralPacket
from .report import Report
from .staff import StaffSession, StaffUser
from .volunteer_grant import VolunteerGrant
from .workflow import ReportMessage, ReportNote, StatusChange

__all__ = [
    "Agency",
    "Attachment",
    "AuditEvent",
    "ContactLogEntry",
    "DigestDelivery",
    "DigestOption",
    "DigestSubscription",
    "Notification",
    "PatternAlert",
    "PatternAlertDelivery",
    "PatternAlertKey",
    "PublicStatsSnapshot",
    "ReferralPacket",
    "RedactionCorrection",
    "Referral",
    "Report",
    "ReportMessage",
    "ReportNote",
    "StaffSession",
    "StaffUser",
    "StatusChange",
    "VolunteerGrant",
]
