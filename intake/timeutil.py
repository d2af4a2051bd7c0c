from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now in UTC, naive: every timestamp column stores UTC without a zone."""
    return datetime.now(UTC).replace(tzinfo=None)
