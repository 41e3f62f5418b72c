"""Times on staff pages, in the organisation's clock (`WORKBENCH_TIMEZONE`) and written as
people read them: "Wed 2 Dec 2026, 14:05", not "2026-12-02T14:05:00+00:00".

Stored times stay UTC ISO 8601 (plumbing/clock.py); only what a page shows is converted, in
a `<time>` element whose `datetime` keeps the exact UTC value for machines and tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Flask
from flask_babel import format_date, format_datetime
from markupsafe import Markup, escape

DATE_FORMAT = "EEE d MMM y"
TIME_FORMAT = "EEE d MMM y, HH:mm"


def parse_stored(value: str) -> datetime | date:
    """A stored ISO 8601 value: a date, or a time (UTC when it names no offset)."""
    if "T" not in value and " " not in value.strip():
        return date.fromisoformat(value[:10])
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_text(value: str | None) -> str:
    """The stored time in the organisation's clock as plain text ('' for nothing)."""
    if not value:
        return ""
    moment = parse_stored(value)
    if isinstance(moment, datetime):
        return format_datetime(moment, TIME_FORMAT)
    return format_date(moment, DATE_FORMAT)


def staff_time(value: str | None) -> Markup:
    """The `staff_time` filter: the local time inside a `<time>` element. A value that is not
    a time is shown as it is, escaped, rather than failing the page."""
    if not value:
        return Markup("")
    try:
        text = local_text(value)
    except ValueError:
        return escape(value)
    return Markup('<time datetime="{}">{}</time>').format(value, text)


def init_app(app: Flask) -> None:
    app.jinja_env.filters["staff_time"] = staff_time
