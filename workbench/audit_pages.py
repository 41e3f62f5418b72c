"""What the audit log page and its CSV export show: people's names instead of `user:3`, story
references instead of row ids, times in the organisation's clock, and the search an admin
filled in turned into `plumbing.audit.Search`.

The log itself stays as it was written (ids, UTC): names are looked up when it is read, so a
renamed or deactivated account still reads right.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlite_utils

import consent
from consent.references import normalise_reference
from plumbing import audit
from workbench import accounts
from workbench.forms import AuditSearchForm
from workbench.times import local_text

PAGE_SIZE = 200
# The events whose detail names a story's reference: its withdrawal (consent/withdrawal.py),
# the only trace of which story id a withdrawn reference had.
REFERENCE_ACTIONS = ("story_withdrawn",)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "id",
    "at_utc",
    "at_local",
    "who",
    "actor",
    "action",
    "object_type",
    "object_id",
    "object",
    "detail",
)


def _user_id(actor: str | None) -> int | None:
    if actor and actor.startswith("user:") and actor[5:].isdigit():
        return int(actor[5:])
    return None


def fill_choices(db: sqlite_utils.Database, form: AuditSearchForm) -> None:
    """Everyone and every action the log holds, by name, to choose from."""
    actors = audit.distinct_values(db, "actor")
    names = accounts.usernames(db, [i for i in map(_user_id, actors) if i is not None])
    people = sorted(
        ((a, names.get(_user_id(a), a) if _user_id(a) else a) for a in actors),
        key=lambda choice: choice[1].casefold(),
    )
    form.user.choices = [("", "Anyone"), *people]
    form.action.choices = [("", "Any action")] + [
        (a, a.replace("_", " ")) for a in audit.distinct_values(db, "action")
    ]


def _utc_start(day: date, zone: ZoneInfo) -> str:
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC).isoformat("T", "seconds")


def search_from(db: sqlite_utils.Database, form: AuditSearchForm, timezone: str) -> audit.Search:
    """The search the (validated) form asks for. Dates are the organisation's days: "to 4
    May" takes in everything before midnight at the end of 4 May, local time. A story is
    found by its reference while it exists and, once withdrawn, through the withdrawal that
    named it."""
    zone = ZoneInfo(timezone)
    reference = normalise_reference(form.reference.data) if form.reference.data else None
    story_ids: set[int] = set()
    if reference:
        key = consent.key_for_reference(db, reference)
        if key is not None and key.story_id is not None:
            story_ids.add(key.story_id)
        named = audit.Search(reference=reference, reference_actions=REFERENCE_ACTIONS)
        for event in audit.every_match(db, named):
            if event["object_type"] == "story" and event["object_id"]:
                story_ids.add(int(event["object_id"]))
    return audit.Search(
        actor=form.user.data or None,
        action=form.action.data or None,
        story_ids=tuple(sorted(story_ids)),
        reference=reference,
        reference_actions=REFERENCE_ACTIONS,
        since=_utc_start(form.since.data, zone) if form.since.data else None,
        until=_utc_start(form.until.data + timedelta(days=1), zone) if form.until.data else None,
    )


def described(db: sqlite_utils.Database, events: Iterable[dict]) -> Iterator[dict]:
    """Each event with `who` (a name) and `object` (what it was done to, in words)."""
    events = list(events)
    user_ids = {_user_id(e["actor"]) for e in events} | {
        int(e["object_id"])
        for e in events
        if e["object_type"] == "user" and (e["object_id"] or "").isdigit()
    }
    names = accounts.usernames(db, [i for i in user_ids if i is not None])
    story_ids = [
        int(e["object_id"])
        for e in events
        if e["object_type"] == "story" and (e["object_id"] or "").isdigit()
    ]
    references = {i: f["reference"] for i, f in consent.story_facts(db, story_ids).items()}
    for event in events:
        user_id = _user_id(event["actor"])
        who = names.get(user_id, event["actor"]) if user_id is not None else event["actor"]
        yield {**event, "who": who, "object": _object(event, names, references)}


def _object(event: dict, names: dict[int, str], references: dict[int, str]) -> str:
    kind, key = event["object_type"], event["object_id"]
    if not kind:
        return ""
    if key and key.isdigit():
        if kind == "user" and int(key) in names:
            return f"account {names[int(key)]}"
        if kind == "story":
            reference = references.get(int(key))
            return f"story {reference}" if reference else f"story #{key} (withdrawn)"
    return f"{kind.replace('_', ' ')} {key or ''}".strip()


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(db: sqlite_utils.Database, where: audit.Search) -> Iterator[str]:
    """The whole matching log as CSV, a few hundred rows at a time, newest first; UTC and
    local time side by side, and no cell a spreadsheet would run as a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    batch: list[dict] = []

    def flush() -> str:
        for event in described(db, batch):
            row = {**event, "at_utc": event["at"], "at_local": local_text(event["at"])}
            writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
        batch.clear()
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text

    yield flush()
    for event in audit.every_match(db, where):
        batch.append(event)
        if len(batch) == PAGE_SIZE:
            yield flush()
    yield flush()
