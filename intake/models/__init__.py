"""The database models, one module per aggregate."""

from .agency import Agency
from .notification import Notification
from .report import Report
from .staff import StaffUser

__all__ = ["Agency", "Notification", "Report", "StaffUser"]
