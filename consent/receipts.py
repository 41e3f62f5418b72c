"""What a storyteller can do with their receipt: open it, change any consent, withdraw, and
what staff can do for them (find a story by its reference, issue a new secret).

Unknown references and wrong secrets get the same answer and cost the same time. What the
receipt page shows of the story's progress comes from the later stages; `receipt_record` is
consent's part of it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import segno
import sqlite_utils

from consent import references, withdrawal_journal
from consent.activities import current_notice, get_activity
from consent.capture import check_contact, check_equality, store_contact, store_equality
from consent.errors import ConsentError
from consent.purposes import METHODS, PURPOSES
from consent.withdrawal import withdraw, withdraw_purpose
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso

# Purposes whose data the published database shows: quotes, and equality answers in the
# reach and community totals. Withdrawing one rebuilds publication, so its data leaves it.
PUBLISHED_PURPOSES = ("publish_quotes", "equality_monitoring")


@dataclass
class StoryKey:
    """Proof that someone holds a receipt: the story it opens (None once withdrawn)."""

    reference: str
    story_id: int | None
    activity_id: int | None
    withdrawn: bool


@dataclass
class ConsentChange:
    """What a consent change did, and what the caller must queue afterwards."""

    purpose: str
    granted: bool
    changed: bool
    withdrawn: bool = False
    theme_ids: list[int] = field(default_factory=list)
    republish: bool = False


def verify(db: sqlite_utils.Database, reference: str, secret: str) -> StoryKey | None:
    """The story a reference and secret open, or None (for unknown and wrong alike).

    Finds withdrawn tombstones too. Always runs exactly one argon2 verification.
    """
    canonical = references.normalise_reference(reference)
    story = tombstone = None
    if canonical:
        story = db.execute(
            "SELECT id, secret_hash, activity_id FROM stories WHERE reference = ?", [canonical]
        ).fetchone()
        if story is None:
            tombstone = db.execute(
                "SELECT secret_hash, activity_id FROM withdrawals WHERE reference = ?", [canonical]
            ).fetchone()
    if story:
        stored_hash = story[1]
    elif tombstone:
        stored_hash = tombstone[0]
    else:
        stored_hash = references.DUMMY_HASH
    if not references.secret_matches(stored_hash, secret) or not (story or tombstone):
        return None
    if story is None:
        return StoryKey(canonical, None, tombstone[1], withdrawn=True)
    if references.needs_rehash(stored_hash):
        # Imported receipts were hashed with lighter parameters; upgrade on first use.
        with wdb.write(db):
            db["stories"].update(story[0], {"secret_hash": references.hash_secret(secret)})
    return StoryKey(canonical, story[0], story[2], withdrawn=False)


def _purposes(db: sqlite_utils.Database, story_id: int) -> list[dict]:
    rows = {
        row["purpose"]: row
        for row in db.query(
            "SELECT purpose, granted, method, recorded_at FROM consents WHERE story_id = ?",
            [story_id],
        )
    }
    return [
        {
            "name": name,
            "label": purpose.label,
            "description": purpose.description,
            "required": purpose.required,
            "granted": bool(rows[name]["granted"]) if name in rows else False,
            "recorded_at": rows[name]["recorded_at"] if name in rows else None,
        }
        for name, purpose in PURPOSES.items()
    ]


def key_for_reference(db: sqlite_utils.Database, reference: str) -> StoryKey | None:
    """The story (or tombstone) a reference names, without its secret: for staff acting on a
    storyteller's behalf, who have only the reference, which is not secret."""
    canonical = references.normalise_reference(reference)
    if canonical is None:
        return None
    story = db.execute(
        "SELECT id, activity_id FROM stories WHERE reference = ?", [canonical]
    ).fetchone()
    if story:
        return StoryKey(canonical, story[0], story[1], withdrawn=False)
    tombstone = db.execute(
        "SELECT activity_id FROM withdrawals WHERE reference = ?", [canonical]
    ).fetchone()
    return StoryKey(canonical, None, tombstone[0], withdrawn=True) if tombstone else None


def receipt_record(db: sqlite_utils.Database, key: StoryKey) -> dict:
    """Consent's part of the receipt page, never the text: reference, whether (and when) the
    story was withdrawn, its activity and, while it is kept, when and how it was received
    and what its teller agreed to."""
    activity = get_activity(db, key.activity_id) if key.activity_id else None
    about = (
        {
            k: activity.get(k)
            for k in (
                "id",
                "title",
                "title_cy",
                "feedback_plan",
                "feedback_plan_cy",
                "feedback_date",
                "partners",
            )
        }
        if activity
        else None
    )
    record = {"reference": key.reference, "withdrawn": key.withdrawn, "activity": about}
    if key.withdrawn:
        row = db.execute(
            "SELECT withdrawn_at FROM withdrawals WHERE reference = ?", [key.reference]
        ).fetchone()
        return {**record, "withdrawn_at": row[0] if row else None}
    received_at, channel = db.execute(
        "SELECT created_at, channel FROM stories WHERE id = ?", [key.story_id]
    ).fetchone()
    return {
        **record,
        "received_at": received_at,
        "channel": channel,
        "purposes": _purposes(db, key.story_id),
    }


def change_consent(
    db: sqlite_utils.Database,
    story_id: int,
    purpose: str,
    granted: bool,
    by: str,
    method: str,
    *,
    notice_id: int | None = None,
    method_note: str | None = None,
    contact: dict | None = None,
    equality: dict | None = None,
) -> ConsentChange:
    """Grant or withdraw one purpose; withdrawing `analysis` withdraws the whole story.

    A grant is a new consent against the activity's current notice (what the teller was shown
    when they said yes), not the one they saw when they told the story; `notice_id`, when
    given, must be that notice (a stale page is refused). Granting `contact` may bring the
    contact details, and `equality_monitoring` the equality answers, checked as at capture and
    stored in the same transaction. Withdrawing a purpose runs its clean-ups: `publish_quotes`
    deletes the story's quotes, `contact` its contact details, `equality_monitoring` its
    equality answers. `republish` says the published database must be rebuilt; `theme_ids`
    name themes whose keywords need refreshing.
    """
    errors: dict[str, str] = {}
    if granted is True and contact is not None and purpose == "contact":
        contact = check_contact(contact, errors)
    if granted is True and equality is not None and purpose == "equality_monitoring":
        equality = check_equality(equality, errors)
    if granted is True and method == "verbal" and not (method_note or "").strip():
        errors["method_note"] = "For verbal consent, note what was read out and what was said."
    if purpose not in PURPOSES:
        errors["purpose"] = "That is not one of our purposes."
    if not isinstance(granted, bool):
        errors["granted"] = "Choose yes or no."
    if method not in METHODS:
        errors["method"] = "Say how the change was made: written, online or verbal."
    if errors:
        raise ConsentError(errors)
    if purpose == "analysis" and not granted:
        result = withdraw(db, story_id, "receipt" if by == "storyteller" else "staff", by)
        return ConsentChange(purpose, granted, True, True, result.theme_ids, republish=True)
    with wdb.write(db):
        current = db.execute(
            "SELECT c.granted, c.notice_id, n.sha256, s.activity_id, s.reference FROM consents c "
            "JOIN notices n ON n.id = c.notice_id JOIN stories s ON s.id = c.story_id "
            "WHERE c.story_id = ? AND c.purpose = ?",
            [story_id, purpose],
        ).fetchone()
        if current is None:
            raise ConsentError({"story": "There is no such story (it may have been withdrawn)."})
        if bool(current[0]) == granted:
            return ConsentChange(purpose, granted, changed=False)
        notice = {"id": current[1], "sha256": current[2]}
        if granted:
            notice = current_notice(db, current[3])
            if notice_id is not None and notice_id != notice["id"]:
                raise ConsentError(
                    {
                        "notice": "What we ask has changed since this page was opened. Read it "
                        "again and choose."
                    }
                )
        at = now_iso()
        db.execute(
            "UPDATE consents SET granted = ?, method = ?, method_note = ?, notice_id = ?, "
            "notice_sha256 = ?, recorded_at = ?, recorded_by = ? "
            "WHERE story_id = ? AND purpose = ?",
            [
                int(granted),
                method,
                (method_note or "").strip() or None,
                notice["id"],
                notice["sha256"],
                at,
                by,
                story_id,
                purpose,
            ],
        )
        db.execute(
            "INSERT INTO consent_events (story_id, purpose, granted, method, notice_sha256, at, "
            "by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [story_id, purpose, int(granted), method, notice["sha256"], at, by],
        )
        if granted and purpose == "contact" and contact:
            store_contact(db, story_id, contact)
        if granted and purpose == "equality_monitoring" and equality:
            store_equality(db, story_id, equality)
        change = ConsentChange(purpose, granted, changed=True)
        if not granted:
            # What the purpose allowed goes with it: quotes, contact details, equality answers.
            change.theme_ids = withdraw_purpose(db, story_id, purpose)
            change.republish = purpose in PUBLISHED_PURPOSES
        audit.record(
            db,
            by,
            "consent_changed",
            "story",
            story_id,
            f"{purpose}={'granted' if granted else 'withdrawn'} method={method}"
            + (f" notice_sha256={notice['sha256'][:12]}" if granted else ""),
        )
    if not granted:
        wdb.truncate_wal(db)  # the deleted quotes, contacts or answers leave the log too
    # Every committed change, so a restore knows the last word about each purpose.
    withdrawal_journal.append(db, current[4], purpose, granted, method)
    return change


def reissue_secret(db: sqlite_utils.Database, story_id: int, by: str) -> str:
    """A new secret for a story (after staff checked identity another way); the old one stops
    working. Returns the new secret, to be shown once."""
    secret = references.new_secret()
    secret_hash = references.hash_secret(secret)
    with wdb.write(db):
        if not db["stories"].count_where("id = ?", [story_id]):
            raise ConsentError({"story": "There is no such story (it may have been withdrawn)."})
        db["stories"].update(story_id, {"secret_hash": secret_hash})
        audit.record(db, by, "receipt_secret_reissued", "story", story_id)
    return secret


def receipt_url(base_url: str, reference: str, secret: str) -> str:
    """The receipt link; the secret rides in the fragment, which browsers never send."""
    return f"{base_url.rstrip('/')}/receipt#{reference}.{secret}"


# Choosing the mask by the standard's penalty score costs segno 7 ms per code (all eight are
# drawn and scored), the largest part of answering a sent story. A fixed mask costs 1.5 ms,
# and `benchmarks/qr_scan.py` finds codes with mask 2 decode as often as penalty-chosen ones
# from blurred, noisy, low-resolution photos. Readers must accept every mask.
QR_MASK = 2


def _qr(url: str) -> segno.QRCode:
    return segno.make_qr(url, error="m", mask=QR_MASK)


def qr_svg(url: str, title: str = "QR code that opens your receipt page") -> str:
    """An inline SVG QR code of the receipt URL, for the printable card."""
    return _qr(url).svg_inline(scale=4, border=4, title=title)


def qr_png(url: str) -> bytes:
    """A PNG QR code of the receipt URL, for downloading or printing."""
    buffer = io.BytesIO()
    _qr(url).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def find_by_reference(db: sqlite_utils.Database, reference: str) -> dict | None:
    """What staff may see of a story from its (non-secret) reference: never its text.

    Keys: story_id (None once withdrawn), reference, withdrawn, withdrawn_at, activity_id,
    activity_title, received_at, channel, purposes (as in `receipt_record`).
    """
    key = key_for_reference(db, reference)
    if key is None:
        return None
    record = receipt_record(db, key)
    return {
        "story_id": key.story_id,
        "reference": key.reference,
        "activity_id": key.activity_id,
        "activity_title": record["activity"]["title"] if record["activity"] else None,
        "withdrawn": key.withdrawn,
        "withdrawn_at": record.get("withdrawn_at"),
        "received_at": record.get("received_at"),
        "channel": record.get("channel"),
        "purposes": record.get("purposes", []),
    }
