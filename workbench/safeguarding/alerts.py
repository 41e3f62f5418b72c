"""Telling the safeguarding lead by email: a message when flags are raised, a second one (to the
escalation address, if set) when flags wait unacknowledged past their time.

The messages go through the one mail path (`workbench/mail.py`, `WORKBENCH_SMTP_URL`) to
`WORKBENCH_SAFEGUARDING_EMAIL`, and hold no story text, reference or signal: only how many
flags, how urgent, when raised and a link to each. The `safeguarding_alerts` job sends them; it
is queued (ahead of other work) whenever a flag is raised, and the worker also runs it once a
minute, for what falls due with time: the next batch, a retry, an overdue flag.

Batching: one message of a kind goes out at most every `SAFEGUARDING_ALERT_MINUTES` (default
3). The first flag after a quiet spell goes at once; flags raised within the interval wait for
the next message, which names them all, so a flood of stories brings a message every few
minutes, not hundreds. A mail server that is down or refuses: the message is marked failed,
its flags keep pointing at it, and the next run tries again with any newer flags added. The
flags themselves are never touched, and the queue shows each one's alert as not yet sent.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

import sqlite_utils

from plumbing import audit, clock
from plumbing import db as wdb
from plumbing.jobs import Progress, job
from workbench import mail
from workbench.safeguarding import reading
from workbench.safeguarding.severity import SEVERITIES, overdue_limits

log = logging.getLogger(__name__)
JOB = "safeguarding_alerts"
# Which flag column points at the message of each kind.
COLUMNS = {"raised": "alert_id", "overdue": "escalation_id"}
# A message still 'sending' after this was cut off (the worker died): it is tried again.
SENDING_LEASE = timedelta(minutes=2)
# A message lists this many flags; the rest are counted, with a link to the queue.
LISTED = 20


@dataclass(frozen=True)
class AlertSettings:
    """Where alerts go and how often, from the configuration."""

    smtp_url: str
    sender: str
    lead: str
    escalation: str
    base_url: str
    interval: timedelta
    overdue: dict[str, timedelta]

    @classmethod
    def from_config(cls, config: dict) -> AlertSettings:
        lead = (config.get("WORKBENCH_SAFEGUARDING_EMAIL") or "").strip()
        return cls(
            smtp_url=(config.get("WORKBENCH_SMTP_URL") or "").strip(),
            sender=(config.get("WORKBENCH_MAIL_FROM") or "").strip() or "no-reply@localhost",
            lead=lead,
            escalation=(config.get("WORKBENCH_SAFEGUARDING_ESCALATION_EMAIL") or "").strip()
            or lead,
            base_url=(config.get("PUBLIC_BASE_URL") or "").rstrip("/"),
            interval=timedelta(minutes=float(config.get("SAFEGUARDING_ALERT_MINUTES", 3))),
            overdue=overdue_limits(config),
        )

    @property
    def configured(self) -> bool:
        """Whether alerts can be sent at all: a mail server and the lead's address."""
        return bool(self.smtp_url and self.lead)


@job(JOB, priority=10, every_minute=True)
def send_alerts(db: sqlite_utils.Database, progress: Progress) -> None:
    """Send what is due to the safeguarding lead, with the worker's settings (the environment).
    The jobs list is visible to all staff: its message says nothing of what was sent."""
    send_due_from_settings(db)
    progress(1.0, "Done")


def send_due_from_settings(db: sqlite_utils.Database) -> dict[str, int]:
    """`send_due` with the settings this process was started with, as in the worker."""
    from workbench.config import settings

    return send_due(db, AlertSettings.from_config(settings()))


def send_due(
    db: sqlite_utils.Database, settings: AlertSettings, now: datetime | None = None
) -> dict[str, int]:
    """Send the message about newly raised flags and the escalation of overdue ones, when each
    is due; returns how many flags each message named (0 when none went)."""
    if not settings.configured:
        return {"raised": 0, "overdue": 0}
    moment = now or clock.now()
    return {kind: _send(db, settings, kind, moment) for kind in COLUMNS}


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _due(db: sqlite_utils.Database, settings: AlertSettings, kind: str, now: datetime):
    """Ids of flags waiting for a message of this kind: unacknowledged, and never sent one, or
    only one that failed or was cut off."""
    column = COLUMNS[kind]
    waiting = (
        f"(f.{column} IS NULL OR a.status = 'failed' OR (a.status = 'sending' AND a.tried_at <= ?))"
    )
    params: list = [_iso(now - SENDING_LEASE)]
    if kind == "raised":
        condition, extra = "f.state = 'open'", []
    else:
        condition, extra = reading.overdue_condition(
            settings.overdue["high"], now, urgent_after=settings.overdue["urgent"]
        )
    return [
        row[0]
        for row in db.execute(
            f"SELECT f.id FROM safeguarding_flags f "
            f"LEFT JOIN safeguarding_alerts a ON a.id = f.{column} "
            f"WHERE {condition} AND {waiting} ORDER BY f.created_at, f.id",
            [*extra, *params],
        ).fetchall()
    ]


def _claim(
    db: sqlite_utils.Database, settings: AlertSettings, kind: str, now: datetime
) -> tuple[int, list[int]] | None:
    """In one write transaction: the message to send now and the flags it names, or None when
    nothing is due, another sender has it in hand, or the last one went too recently."""
    with wdb.write(db):
        busy = db.execute(
            "SELECT 1 FROM safeguarding_alerts WHERE kind = ? AND status = 'sending' "
            "AND tried_at > ?",
            [kind, _iso(now - SENDING_LEASE)],
        ).fetchone()
        if busy:
            return None
        due = _due(db, settings, kind, now)
        if not due:
            return None
        last = db.execute(
            "SELECT max(sent_at) FROM safeguarding_alerts WHERE kind = ? AND status = 'sent'",
            [kind],
        ).fetchone()[0]
        if last and now - datetime.fromisoformat(last) < settings.interval:
            return None  # the next run after the interval sends these with any newer ones
        column = COLUMNS[kind]
        retry = db.execute(
            f"SELECT min(a.id) FROM safeguarding_flags f "
            f"JOIN safeguarding_alerts a ON a.id = f.{column} "
            "WHERE f.id IN (SELECT value FROM json_each(?))",
            [json.dumps(due)],
        ).fetchone()[0]
        if retry is not None:
            db.execute(
                "UPDATE safeguarding_alerts SET status = 'sending', tried_at = ?, "
                "attempts = attempts + 1, flags = ?, error = NULL WHERE id = ?",
                [_iso(now), len(due), retry],
            )
            alert_id = retry
        else:
            alert_id = (
                db["safeguarding_alerts"]
                .insert(
                    {
                        "kind": kind,
                        "status": "sending",
                        "flags": len(due),
                        "created_at": _iso(now),
                        "tried_at": _iso(now),
                        "attempts": 1,
                    }
                )
                .last_pk
            )
        db.execute(
            f"UPDATE safeguarding_flags SET {column} = ? "
            "WHERE id IN (SELECT value FROM json_each(?))",
            [alert_id, json.dumps(due)],
        )
    return alert_id, due


def _send(db: sqlite_utils.Database, settings: AlertSettings, kind: str, now: datetime) -> int:
    claimed = _claim(db, settings, kind, now)
    if claimed is None:
        return 0
    alert_id, flag_ids = claimed
    flags = reading.flags_by_id(db, flag_ids)
    if not flags:  # every story withdrawn since: there is nothing left to tell
        with wdb.write(db):
            db["safeguarding_alerts"].update(alert_id, {"status": "sent", "flags": 0})
        return 0
    recipient = settings.lead if kind == "raised" else settings.escalation
    message = compose(kind, flags, settings, recipient)
    try:
        with mail.connect(settings.smtp_url) as smtp:
            smtp.send_message(message)
    except mail.SEND_ERRORS as error:
        # Only the exception's type: its message may echo an address.
        failure = type(error).__name__
        with wdb.write(db):
            db["safeguarding_alerts"].update(alert_id, {"status": "failed", "error": failure})
            audit.record(
                db,
                "system",
                "safeguarding_alert_failed",
                "safeguarding_alert",
                alert_id,
                f"kind={kind} flags={len(flag_ids)} error={failure}",
            )
        log.warning("safeguarding alert %s not sent (%s); will retry", alert_id, failure)
        return 0
    with wdb.write(db):
        db["safeguarding_alerts"].update(
            alert_id, {"status": "sent", "sent_at": _iso(now), "error": None}
        )
        audit.record(
            db,
            "system",
            "safeguarding_alert_sent",
            "safeguarding_alert",
            alert_id,
            f"kind={kind} flags={len(flag_ids)}",
        )
    return len(flag_ids)


def compose(kind: str, flags: list[dict], settings: AlertSettings, recipient: str) -> EmailMessage:
    """The email: how many flags and how urgent, when each was raised and how (the rules, the
    model, or a member of staff), and a link to each. Never the story's words, reference,
    activity or the signal: the lead reads those behind the login."""
    counts = {level: sum(f["severity"] == level for f in flags) for level in SEVERITIES}
    total = len(flags)
    noun = "flag" if total == 1 else "flags"
    urgent = f", {counts['urgent']} urgent" if counts["urgent"] else ""
    if kind == "raised":
        subject = f"[Story Workbench] {total} new safeguarding {noun}{urgent}"
        opening = (
            f"{total} new safeguarding {noun} {'is' if total == 1 else 'are'} waiting for you "
            "in Story Workbench."
        )
    else:
        subject = f"[Story Workbench] Overdue: {total} safeguarding {noun} not acknowledged"
        limits = settings.overdue
        opening = (
            f"{total} safeguarding {noun} {'has' if total == 1 else 'have'} not been "
            f"acknowledged in time (urgent flags within {_span(limits['urgent'])}, others "
            f"within {_span(limits['high'])}). Please make sure someone owns each one now."
        )
    lines = [
        opening,
        "Nothing of the story is in this email: open each flag to read it and record what you do.",
        "",
    ]
    for level in SEVERITIES:
        these = [f for f in flags if f["severity"] == level][:LISTED]
        if not these:
            continue
        lines.append("Urgent (risk to life):" if level == "urgent" else "Other flags:")
        lines += [
            f"- Flag {f['id']}, raised {f['created_at'].replace('T', ' ')[:16]} UTC "
            f"by {_how(f)}: {_link(settings, '/safeguarding/flags/' + str(f['id']))}"
            for f in these
        ]
        if counts[level] > len(these):
            lines.append(f"- and {counts[level] - len(these)} more")
        lines.append("")
    lines.append(f"The safeguarding queue: {_link(settings, '/safeguarding')}")
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = recipient
    message["Subject"] = subject
    message.set_content("\n".join(lines))
    return message


def _how(flag: dict) -> str:
    return {"rules": "the rules", "classifier": "the model", "staff": "a member of staff"}.get(
        flag["source"], flag["source"]
    )


def _link(settings: AlertSettings, path: str) -> str:
    return f"{settings.base_url}{path}" if settings.base_url else f"{path} (on Story Workbench)"


def _span(limit: timedelta) -> str:
    minutes = int(limit.total_seconds() // 60)
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'' if hours == 1 else 's'}"
    return f"{minutes} minute{'' if minutes == 1 else 's'}"
