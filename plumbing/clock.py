"""UTC time, in one place, so every record uses the same clock and format."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """The current time, in UTC."""
    return datetime.now(UTC)


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds, e.g. 2026-05-04T10:15:00+00:00."""
    return now().isoformat(timespec="seconds")


def today() -> date:
    """Today's date in UTC: activities open and close, and retention runs, by this date."""
    return now().date()
