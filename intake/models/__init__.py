"""The database models, one module per aggregate."""

from .agency import Agency
from .attachment import Attachment
from .audit import AuditEvent
from .casework import ContactLogEntry, RedactionCorrection, Referral
from .delivery import Delivery
from .digest import DigestOption, DigestSubscription
from .pattern_alert import PatternAlert, PatternAlertKey
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
    "Delivery",
    "DigestOption",
    "DigestSubscription",
    "PatternAlert",
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
