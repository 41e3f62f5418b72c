"""Telling storytellers what happened: updates owed to people who agreed to be contacted.

An update is queued for every story an action answers whose teller gave `contact` consent and
left a way to reach them: email when there is an address, otherwise a text message, otherwise
a letter. Emails go through SMTP when `WORKBENCH_SMTP_URL` is set (the one mail path,
`workbench/mail.py`); texts and letters are exported as CSV for whoever sends them. Contact
details are read from `contacts` at the moment of sending or exporting, so a teller who
withdrew (or withdrew contact consent) gets nothing.
Messages say what the organisation did, never what anyone wrote. The outbox also carries one
notice that answers no action: that staff issued a new secret for a teller's receipt
(`queue_secret_notice`), so a teller who did not ask for it hears of it.
"""

from __future__ import annotations

import csv
import io
import smtplib
from datetime import date
from email.message import EmailMessage
from functools import lru_cache
from pathlib import Path

import sqlite_utils
from babel.dates import format_date
from babel.support import Translations

import consent
from consent import delete_rows, register_cleanup
from consent.languages import DEFAULT as DEFAULT_LANGUAGE
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso
from workbench import mail
from workbench.feedback import actions
from workbench.feedback.qdpx import spreadsheet_safe

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
# Where an update goes, read from consent at the moment of sending.
_ADDRESS = ("reference", "name", "email", "phone", "postal_address", "language")


# A withdrawn storyteller is owed nothing more.
register_cleanup("outbox")(delete_rows("outbox"))


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
        answered = actions.covered_story_ids(db, action_id)
        for row in consent.contactable(db, answered).values():
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
                    "created_at": now_iso(),
                }
            )
            queued += 1
        audit.record(db, "system", "updates_queued", "action", action_id, f"count={queued}")
    return queued


def queue_secret_notice(db: sqlite_utils.Database, story_id: int) -> bool:
    """Tell a teller who agreed to contact that their receipt has a new secret (never the
    secret itself): if it was not them who asked, they can say so. Returns whether a notice
    was queued (not when the teller gave no consent to contact or no way to reach them)."""
    with wdb.write(db):
        row = consent.contactable(db, [story_id]).get(story_id)
        channel = _channel(row) if row else None
        if channel is None:
            return False
        db["outbox"].insert(
            {
                "story_id": story_id,
                "action_id": None,
                "kind": "secret_reissued",
                "channel": channel,
                "status": "queued",
                "created_at": now_iso(),
            }
        )
        audit.record(db, "system", "secret_notice_queued", "story", story_id, channel)
    return True


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


SECRET_SUBJECT = N_("A new secret for your receipt")


def secret_notice_text(reference: str, issued_on: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The notice of a reissued secret: names the receipt and the day, never the secret."""
    say = _catalogue(language).gettext
    issued = format_date(date.fromisoformat(issued_on[:10]), "d MMMM y", locale=language)
    return "\n".join(
        [
            say(
                N_(
                    "On %(date)s our staff issued a new secret for your receipt %(reference)s, "
                    "after checking with you that you asked for it. The old secret no longer "
                    "works."
                )
            )
            % {"date": issued, "reference": reference},
            "",
            say(
                N_(
                    "If you did not ask for this, please contact us straight away and quote "
                    "your receipt reference."
                )
            ),
        ]
    )


def _message(db: sqlite_utils.Database, row: dict) -> tuple[str, str]:
    """The subject and text of a pending update or notice."""
    if row["kind"] == "secret_reissued":
        return _catalogue(row["language"]).gettext(SECRET_SUBJECT), secret_notice_text(
            row["reference"], row["created_at"], row["language"]
        )
    action = actions.get_action(db, row["action_id"])
    return subject(row["language"]), message_text(
        action, row["reference"], row["activity_title"], row["language"]
    )


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
    """Queued updates going out on these channels, oldest first, with where to send them, for
    tellers who still agree to hear back (contact details are read now, never stored here).

    The channel is worked out now from the details the teller has now, not the ones they had
    when the update was queued: a teller who took contact back and gave it again with only a
    postal address was once "emailed" at None."""
    queued = list(
        db.query(
            "SELECT id, story_id, action_id, kind, created_at FROM outbox "
            "WHERE status = 'queued' ORDER BY id"
        )
    )
    story_ids = [row["story_id"] for row in queued]
    reach = consent.contactable(db, story_ids)
    activity_of = {sid: s["activity_id"] for sid, s in consent.story_facts(db, story_ids).items()}
    titles = {a["id"]: a["title"] for a in consent.list_activities(db)}
    pending = []
    for row in queued:
        contact = reach.get(row["story_id"])
        channel = _channel(contact) if contact else None
        if channel in channels:
            pending.append(
                {
                    "id": row["id"],
                    "action_id": row["action_id"],
                    "kind": row["kind"],
                    "created_at": row["created_at"],
                    "channel": channel,
                    **{k: contact[k] for k in _ADDRESS},
                    "activity_title": titles.get(activity_of.get(row["story_id"])),
                }
            )
    return pending


def send_emails(db: sqlite_utils.Database, smtp_url: str, sender: str) -> dict[str, int]:
    """Send every queued email through the SMTP server at `smtp_url`; returns sent and failed.

    `smtp_url` is smtp://[user:password@]host:port (or smtps://, or smtp+starttls://).
    """
    pending = _pending(db, ("email",))
    if not pending:
        return {"sent": 0, "failed": 0}
    sent = failed = 0
    with mail.connect(smtp_url) as smtp:
        for row in pending:
            title, text = _message(db, row)
            message = EmailMessage()
            message["From"] = sender
            message["To"] = row["email"]
            message["Subject"] = title
            message.set_content(text)
            try:
                smtp.send_message(message)
            except smtplib.SMTPException as error:
                failed += 1
                _mark(db, row, "failed", type(error).__name__)
            else:
                sent += 1
                _mark(db, row, "sent")
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
        writer.writerow(
            [
                row["channel"],
                spreadsheet_safe(row["name"]),
                spreadsheet_safe(row["postal_address"]) if row["channel"] == "letter" else "",
                row["phone"] if row["channel"] == "sms" else "",
                row["reference"],
                row["language"],
                _message(db, row)[1],
            ]
        )
        _mark(db, row, "exported")
    audit.record(db, by, "updates_exported", "outbox", None, f"count={len(rows)}")
    return buffer.getvalue()


def _mark(db: sqlite_utils.Database, row: dict, status: str, error: str | None = None) -> None:
    """Record what happened to a pending update, and the channel it went out on."""
    with wdb.write(db):
        db["outbox"].update(
            row["id"],
            {"status": status, "sent_at": now_iso(), "error": error, "channel": row["channel"]},
        )
