"""Telling storytellers what happened: updates owed to people who agreed to be contacted.

An update is queued for every story an action answers whose teller gave `contact` consent and
left a way to reach them: email when there is an address, otherwise a text message, otherwise
a letter. Emails go through SMTP when `WORKBENCH_SMTP_URL` is set; texts and letters are
exported as CSV for whoever sends them. Contact details are read from `contacts` at the moment
of sending or exporting, so a teller who withdrew (or withdrew contact consent) gets nothing.
Messages say what the organisation did, never what anyone wrote.
"""

from __future__ import annotations

import csv
import io
import smtplib
from datetime import UTC, date, datetime
from email.message import EmailMessage
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import sqlite_utils
from babel.dates import format_date
from babel.support import Translations

from consent import register_cleanup
from plumbing import audit
from plumbing import db as wdb
from workbench.feedback import actions
from workbench.feedback.qdpx import spreadsheet_safe
from workbench.i18n import DEFAULT as DEFAULT_LANGUAGE

SMTP_TIMEOUT_SECONDS = 15
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
CONTACTABLE = """
SELECT s.id AS story_id, s.reference, k.email, k.phone, k.postal_address, k.name, k.language
FROM stories s
JOIN consents c ON c.story_id = s.id AND c.purpose = 'contact' AND c.granted = 1
JOIN contacts k ON k.story_id = s.id
"""


@register_cleanup("outbox")
def _forget_story(db: sqlite_utils.Database, story_id: int) -> None:
    """A withdrawn storyteller is owed nothing more."""
    db.execute("DELETE FROM outbox WHERE story_id = ?", [story_id])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _channel(row: dict) -> str | None:
    if (row["email"] or "").strip():
        return "email"
    if (row["phone"] or "").strip():
        return "sms"
    if (row["postal_address"] or "").strip():
        return "letter"
    return None


def queue_updates(db: sqlite_utils.Database, action_id: int) -> int:
    """Queue one update per contactable teller whose story the action answers; returns how many.

    A teller with an update still waiting for this action is not queued twice.
    """
    queued = 0
    with wdb.write(db):
        for row in db.query(
            CONTACTABLE + " JOIN action_stories a ON a.story_id = s.id WHERE a.action_id = ?",
            [action_id],
        ):
            channel = _channel(row)
            waiting = db.execute(
                "SELECT 1 FROM outbox WHERE story_id = ? AND action_id = ? AND status = 'queued'",
                [row["story_id"], action_id],
            ).fetchone()
            if channel is None or waiting:
                continue
            db["outbox"].insert(
                {
                    "story_id": row["story_id"],
                    "action_id": action_id,
                    "channel": channel,
                    "status": "queued",
                    "created_at": _now(),
                }
            )
            queued += 1
        audit.record(db, "system", "updates_queued", "action", action_id, f"count={queued}")
    return queued


def N_(text: str) -> str:  # noqa: N802 - the name pybabel extracts by default
    """Marks wording for the catalogue; `message_text` translates it per teller."""
    return text


SUBJECT = N_("What happened after you shared your experience")


@lru_cache(maxsize=8)
def _catalogue(language: str) -> Translations:
    return Translations.load(str(TRANSLATIONS), [language])


def subject(language: str = DEFAULT_LANGUAGE) -> str:
    return _catalogue(language).gettext(SUBJECT)


def message_text(
    action: dict, reference: str, activity_title: str | None, language: str = DEFAULT_LANGUAGE
) -> str:
    """The update: what was heard and what was done, naming the receipt but no story text.

    Written in the language the teller chose for updates. What staff typed (you said, we
    did, why) stays as typed: a Welsh frame around English wording says honestly what the
    organisation wrote, where a machine translation would put words in its mouth.
    """
    say = _catalogue(language).gettext
    thanks = (
        say(N_("Thank you for sharing your experience with \u201c%(title)s\u201d."))
        % {"title": activity_title}
        if activity_title
        else say(N_("Thank you for sharing your experience."))
    )
    lines = [
        thanks,
        "",
        say(N_("You said:")) + " " + action["you_said"],
        say(action["status_label"]) + ": " + action["we_did"],
    ]
    if action["status"] == "not_possible" and action["reason"]:
        lines.append(say(N_("Why:")) + " " + action["reason"])
    if action["due_on"] and action["status"] in ("planned", "in_progress"):
        due = format_date(date.fromisoformat(action["due_on"]), "d MMMM y", locale=language)
        lines.append(say(N_("By %(date)s.")) % {"date": due})
    lines += [
        "",
        say(N_("You can see this with your receipt %(reference)s on our website."))
        % {"reference": reference},
        say(
            N_(
                "You are getting this because you agreed to hear back. Reply STOP or use your "
                "receipt to stop these updates."
            )
        ),
    ]
    return "\n".join(lines)


def summary(db: sqlite_utils.Database) -> dict[str, int]:
    """Updates by channel and status, e.g. {'email queued': 3}."""
    return {
        f"{r['channel']} {r['status']}": r["n"]
        for r in db.query(
            "SELECT channel, status, count(*) AS n FROM outbox GROUP BY channel, status "
            "ORDER BY channel, status"
        )
    }


def _pending(db: sqlite_utils.Database, channels: tuple[str, ...]) -> list[dict]:
    marks = ", ".join("?" for _ in channels)
    return list(
        db.query(
            "SELECT o.id, o.action_id, o.channel, c.reference, c.name, c.email, c.phone, "
            "c.postal_address, c.language, t.title AS activity_title FROM outbox o "
            f"JOIN ({CONTACTABLE}) c ON c.story_id = o.story_id "
            "JOIN stories s ON s.id = o.story_id LEFT JOIN activities t ON t.id = s.activity_id "
            f"WHERE o.status = 'queued' AND o.channel IN ({marks}) ORDER BY o.id",
            list(channels),
        )
    )


def send_emails(db: sqlite_utils.Database, smtp_url: str, sender: str) -> dict[str, int]:
    """Send every queued email through the SMTP server at `smtp_url`; returns sent and failed.

    `smtp_url` is smtp://[user:password@]host:port (or smtps://, or smtp+starttls://).
    """
    pending = _pending(db, ("email",))
    if not pending:
        return {"sent": 0, "failed": 0}
    sent = failed = 0
    with _connect(smtp_url) as smtp:
        for row in pending:
            action = actions.get_action(db, row["action_id"])
            message = EmailMessage()
            message["From"] = sender
            message["To"] = row["email"]
            message["Subject"] = subject(row["language"])
            message.set_content(
                message_text(action, row["reference"], row["activity_title"], row["language"])
            )
            try:
                smtp.send_message(message)
            except smtplib.SMTPException as error:
                failed += 1
                _mark(db, row["id"], "failed", type(error).__name__)
            else:
                sent += 1
                _mark(db, row["id"], "sent")
    audit.record(db, "system", "emails_sent", "outbox", None, f"sent={sent} failed={failed}")
    return {"sent": sent, "failed": failed}


def export_letters_and_texts(db: sqlite_utils.Database, by: str) -> str:
    """CSV of queued letters and text messages (marked exported); one row per update."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["channel", "name", "postal_address", "phone", "reference", "language", "message"]
    )
    rows = _pending(db, ("letter", "sms"))
    for row in rows:
        action = actions.get_action(db, row["action_id"])
        writer.writerow(
            [
                row["channel"],
                spreadsheet_safe(row["name"]),
                spreadsheet_safe(row["postal_address"]) if row["channel"] == "letter" else "",
                row["phone"] if row["channel"] == "sms" else "",
                row["reference"],
                row["language"],
                message_text(action, row["reference"], row["activity_title"], row["language"]),
            ]
        )
        _mark(db, row["id"], "exported")
    audit.record(db, by, "updates_exported", "outbox", None, f"count={len(rows)}")
    return buffer.getvalue()


def _mark(db: sqlite_utils.Database, outbox_id: int, status: str, error: str | None = None) -> None:
    with wdb.write(db):
        db["outbox"].update(outbox_id, {"status": status, "sent_at": _now(), "error": error})


def _connect(smtp_url: str) -> smtplib.SMTP:
    url = urlsplit(smtp_url)
    if url.scheme not in ("smtp", "smtps", "smtp+starttls") or not url.hostname:
        raise ValueError("WORKBENCH_SMTP_URL must look like smtp://host:port")
    if url.scheme == "smtps":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            url.hostname, url.port or 465, timeout=SMTP_TIMEOUT_SECONDS
        )
    else:
        smtp = smtplib.SMTP(url.hostname, url.port or 25, timeout=SMTP_TIMEOUT_SECONDS)
        if url.scheme == "smtp+starttls":
            smtp.starttls()
    if url.username:
        smtp.login(unquote(url.username), unquote(url.password or ""))
    return smtp
