"""Saving a story with its consent, in one transaction, or saving nothing at all.

Every problem is collected into one ConsentError so a form can show them all together. No
consent is ever assumed: each purpose must arrive as an explicit True or False.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from consent import references
from consent.activities import current_notice, get_activity, listed_area
from consent.errors import ConsentError
from consent.languages import DEFAULT as DEFAULT_LANGUAGE
from consent.languages import LANGUAGES
from consent.purposes import EQUALITY_QUESTIONS, METHODS, PURPOSES, normalise_postcode_district
from consent.text import clean_text
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso
from plumbing.row_ids import next_id

MAX_DETAIL_CHARS = 200
MAX_NOTE_CHARS = 2000
CONTACT_FIELDS = ("name", "email", "phone", "postal_address")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s()-]{7,20}$")


@dataclass
class Receipt:
    """What the storyteller takes away. `secret` is None for a repeated submission."""

    story_id: int
    reference: str
    secret: str | None
    duplicate: bool = False
    line: int | None = None  # the CSV line, for imported stories

    @property
    def spoken_secret(self) -> str | None:
        """The secret as words, for reading it out over the phone."""
        return references.spoken(self.secret) if self.secret else None

    @property
    def spoken_reference(self) -> str:
        return references.spoken(self.reference)


@dataclass
class Submission:
    """A story and its consents after every check passed: ready to store."""

    channel: str
    text: str
    consents: dict[str, bool]
    method: str
    method_note: str | None
    service: str | None = None
    setting: str | None = None
    area: str | None = None
    contact: dict | None = None
    equality: dict | None = None


def _optional_text(value, field: str, errors: dict, limit: int = MAX_DETAIL_CHARS) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        errors[field] = "This must be text."
        return None
    value = clean_text(value).strip()
    if len(value) > limit:
        errors[field] = f"Keep this under {limit} characters."
    return value or None


def is_valid_text(value: str) -> bool:
    """False for lone surrogates, which come from undecodable bytes and cannot be stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_text(text, max_chars: int, errors: dict) -> str:
    if not isinstance(text, str) or not is_valid_text(text):
        errors["text"] = "The story contains characters that are not valid text (UTF-8)."
        return ""
    stripped = clean_text(text).strip()
    if not stripped:
        errors["text"] = "Write or transcribe the story: it is empty."
    elif len(stripped) > max_chars:
        errors["text"] = (
            f"Stories can be up to {max_chars:,} characters; this one has {len(stripped):,}."
        )
    return stripped


def _check_consents(consents, errors: dict) -> dict[str, bool]:
    consents = consents if isinstance(consents, dict) else {}
    if any(name not in PURPOSES for name in consents):
        errors["consents"] = "The form asked about something that is not one of our purposes."
    for name, purpose in PURPOSES.items():
        value = consents.get(name)
        if not isinstance(value, bool):
            errors[f"consent_{name}"] = f"Choose yes or no for \u201c{purpose.label}\u201d."
        elif purpose.required and not value:
            errors[f"consent_{name}"] = (
                "We can only keep a story if its teller agrees to this. Without it, nothing "
                "is saved."
            )
    return {name: consents.get(name) is True for name in PURPOSES}


def check_contact(contact, errors: dict) -> dict | None:
    """Contact details as stored, with any problem added to `errors` (capture and receipts)."""
    language = (contact or {}).get("language") or DEFAULT_LANGUAGE
    contact = {k: v for k, v in (contact or {}).items() if k in CONTACT_FIELDS}
    cleaned = {
        k: _optional_text(contact.get(k), f"contact_{k}", errors, 500) for k in CONTACT_FIELDS
    }
    if language not in LANGUAGES:
        errors["contact_language"] = "Choose a language we write updates in."
    cleaned["language"] = language
    if not (cleaned["email"] or cleaned["phone"] or cleaned["postal_address"]):
        errors["contact"] = "To be contacted, give an email address, phone number or address."
    if cleaned["email"] and not EMAIL.match(cleaned["email"]):
        errors["contact_email"] = "This does not look like an email address."
    if cleaned["phone"] and not PHONE.match(cleaned["phone"]):
        errors["contact_phone"] = "This does not look like a phone number."
    return cleaned


def check_equality(equality, errors: dict) -> dict | None:
    """Equality answers as stored (None when none given), problems added to `errors`."""
    equality = equality or {}
    if any(field not in EQUALITY_QUESTIONS for field in equality):
        errors["equality"] = "The form asked an equality question we do not ask."
    answers: dict[str, str | None] = {}
    for field, choices in EQUALITY_QUESTIONS.items():
        value = equality.get(field)
        value = value.strip() if isinstance(value, str) else value
        if value in (None, ""):
            answers[field] = None
        elif field == "postcode_district":
            answers[field] = normalise_postcode_district(value)
            if answers[field] is None:
                errors[f"equality_{field}"] = (
                    "Give only the first half of a postcode (e.g. CV1), or leave it empty."
                )
        elif value not in choices:
            errors[f"equality_{field}"] = "Choose one of the answers offered."
        else:
            answers[field] = value
    return answers if any(answers.values()) else None


def check_submission(
    activity: dict | None,
    *,
    channel,
    text,
    consents,
    method,
    method_note=None,
    service=None,
    setting=None,
    area=None,
    contact: dict | None = None,
    equality: dict | None = None,
    max_chars: int = 20_000,
) -> Submission:
    """Every check that needs no database, collected into one ConsentError."""
    errors: dict[str, str] = {}
    if activity is None:
        errors["activity"] = "There is no such activity."
    elif not activity["is_open"]:
        errors["activity"] = (
            f"This activity is open from {activity['opens_on']} to {activity['closes_on']}; "
            "it is not taking stories today."
        )
    elif channel not in activity["channels"]:
        errors["channel"] = "Choose one of this activity's ways of taking part."
    cleaned_text = _check_text(text, max_chars, errors)
    granted = _check_consents(consents, errors)
    if method not in METHODS:
        errors["method"] = "Say how consent was given: written, online or verbal."
    note = _optional_text(method_note, "method_note", errors, MAX_NOTE_CHARS)
    if method == "verbal" and not note:
        errors["method_note"] = "For verbal consent, note what was said, made at the time."
    details = {
        name: _optional_text(value, name, errors)
        for name, value in (("service", service), ("setting", setting), ("area", area))
    }
    if details["area"] and activity is not None:
        details["area"] = listed_area(activity, details["area"])
        if details["area"] is None:
            errors["area"] = "Choose an area from this activity's list, or leave it empty."
    contact_row = check_contact(contact, errors) if granted["contact"] else None
    equality_row = check_equality(equality, errors) if granted["equality_monitoring"] else None
    if errors:
        raise ConsentError(errors)
    # In field order: what was told and agreed, then what the teller chose to add.
    return Submission(
        channel,
        cleaned_text,
        granted,
        method,
        note,
        **details,
        contact=contact_row,
        equality=equality_row,
    )


def _taken(db: sqlite_utils.Database, reference: str) -> bool:
    """Whether a story or a tombstone already has this reference."""
    return (
        db.execute(
            "SELECT 1 FROM stories WHERE reference = ? UNION ALL "
            "SELECT 1 FROM withdrawals WHERE reference = ?",
            [reference, reference],
        ).fetchone()
        is not None
    )


@dataclass(frozen=True)
class Recording:
    """Who records stories into which activity, under which notice, and when: the same for
    every story of one capture or one import."""

    activity_id: int
    notice: dict
    recorded_by: str
    created_by: int | None
    at: str


def store_submission(
    db: sqlite_utils.Database,
    submission: Submission,
    recording: Recording,
    secret_hash: str,
    submission_key: str | None,
    taken: Callable[[str], bool],
) -> tuple[int, str]:
    """Insert the story under a new reference (one `taken` says no story or tombstone has),
    its consents, their events, contact and equality rows; returns its id and reference.

    Runs inside the caller's transaction and uses plain SQL, because imports call it
    thousands of times in one go.
    """
    s = submission
    reference = references.unique_reference(taken)
    activity_id, notice, at = recording.activity_id, recording.notice, recording.at
    recorded_by, created_by = recording.recorded_by, recording.created_by
    story_id = db.execute(
        "INSERT INTO stories (id, activity_id, reference, secret_hash, channel, text, service, "
        "setting, area, submission_key, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            next_id(db, "stories"),  # never a withdrawn story's (plumbing/row_ids.py)
            activity_id,
            reference,
            secret_hash,
            s.channel,
            s.text,
            s.service,
            s.setting,
            s.area,
            submission_key,
            created_by,
            at,
        ],
    ).lastrowid
    db.conn.executemany(
        "INSERT INTO consents (story_id, purpose, granted, method, method_note, notice_id, "
        "notice_sha256, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                story_id,
                name,
                int(granted),
                s.method,
                s.method_note,
                notice["id"],
                notice["sha256"],
                at,
                recorded_by,
            )
            for name, granted in s.consents.items()
        ],
    )
    db.conn.executemany(
        "INSERT INTO consent_events (story_id, purpose, granted, method, notice_sha256, at, by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (story_id, name, int(granted), s.method, notice["sha256"], at, recorded_by)
            for name, granted in s.consents.items()
        ],
    )
    if s.contact:
        store_contact(db, story_id, s.contact)
    if s.equality:
        store_equality(db, story_id, s.equality)
    return story_id, reference


def store_contact(db: sqlite_utils.Database, story_id: int, contact: dict) -> None:
    """Keep checked contact details for a story (inside the caller's transaction)."""
    db.execute(
        "INSERT OR REPLACE INTO contacts (story_id, name, email, phone, postal_address, language) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [story_id, *(contact[k] for k in CONTACT_FIELDS), contact["language"]],
    )


def store_equality(db: sqlite_utils.Database, story_id: int, equality: dict) -> None:
    """Keep checked equality answers for a story (inside the caller's transaction)."""
    columns = list(EQUALITY_QUESTIONS)
    db.execute(
        f"INSERT OR REPLACE INTO equality_answers (story_id, {', '.join(columns)}) "
        f"VALUES (?, {', '.join('?' for _ in columns)})",
        [story_id, *(equality.get(c) for c in columns)],
    )


def _existing(db: sqlite_utils.Database, submission_key: str | None) -> Receipt | None:
    if not submission_key:
        return None
    row = db.execute(
        "SELECT id, reference FROM stories WHERE submission_key = ?", [submission_key]
    ).fetchone()
    return Receipt(row[0], row[1], None, duplicate=True) if row else None


def capture_story(
    db: sqlite_utils.Database,
    *,
    activity_id: int,
    channel: str,
    text: str,
    consents: dict[str, bool],
    method: str,
    method_note: str | None = None,
    notice_id: int,
    recorded_by: str,
    created_by: int | None,
    service: str | None = None,
    setting: str | None = None,
    area: str | None = None,
    contact: dict | None = None,
    equality: dict | None = None,
    submission_key: str | None = None,
    max_chars: int = 20_000,
) -> Receipt:
    """Save one story with its consents and return its receipt; ConsentError saves nothing.

    The same `submission_key` twice returns the first story's receipt (without a secret,
    which only its hash remembers) instead of a second story.
    """
    earlier = _existing(db, submission_key)
    if earlier:
        return earlier
    activity = get_activity(db, activity_id)
    errors: dict[str, str] = {}
    try:
        submission = check_submission(
            activity,
            channel=channel,
            text=text,
            consents=consents,
            method=method,
            method_note=method_note,
            service=service,
            setting=setting,
            area=area,
            contact=contact,
            equality=equality,
            max_chars=max_chars,
        )
    except ConsentError as error:
        errors.update(error.errors)
    notice = current_notice(db, activity_id) if activity else None
    if notice and notice_id != notice["id"]:
        errors["notice"] = (
            "The information about this activity changed while the form was open. "
            "Please read it again and confirm your choices."
        )
    if not isinstance(recorded_by, str) or not recorded_by.strip():
        errors["recorded_by"] = "Say who recorded this consent."
    if errors:
        raise ConsentError(errors)
    # Hashing is slow on purpose, so it happens before the write lock is taken.
    secret = references.new_secret()
    secret_hash = references.hash_secret(secret)
    with wdb.write(db):
        earlier = _existing(db, submission_key)
        if earlier:
            return earlier
        recording = Recording(activity_id, notice, recorded_by, created_by, now_iso())
        story_id, reference = store_submission(
            db, submission, recording, secret_hash, submission_key, lambda r: _taken(db, r)
        )
        audit.record(db, recorded_by, "story_captured", "story", story_id, f"channel={channel}")
    return Receipt(story_id, reference, secret)
