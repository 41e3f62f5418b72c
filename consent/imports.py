"""Bulk import of transcribed stories (paper forms, other tools) from CSV.

Accepts UTF-8 with or without a byte-order mark, Windows or Unix line endings and quoted
newlines. A file in another encoding (Excel on Windows saves CSV as Windows-1252 in UK
offices) is read in the encoding the caller names, after `detect_encoding` has suggested one
for a person to confirm: a guessed encoding is never used silently.

Every row gets the same checks as a captured story; problems are reported as
(line, column, problem) with the file's own line numbers. The caller chooses explicitly
between importing nothing when any row is bad and importing only the good rows. Rows with
no recorded consent are always rejected. A row imported before (same activity, same
values) is skipped, so running an import twice does not double the stories.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import sqlite_utils
from babel import Locale

from consent import references
from consent.activities import current_notice, get_activity
from consent.capture import (
    Receipt,
    Recording,
    Submission,
    check_submission,
    is_valid_text,
    store_submission,
)
from consent.errors import ConsentError
from consent.languages import LANGUAGES
from consent.purposes import EQUALITY_QUESTIONS, PURPOSES
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso

MODES = ("all_or_nothing", "skip_bad_rows")
CONSENT_FIELDS = [f"consent_{name}" for name in PURPOSES]
CONTACT_FIELDS = [
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_postal_address",
    "contact_language",
]
FIELDS = [
    "text",
    "service",
    "setting",
    "area",
    *CONSENT_FIELDS,
    "consent_method",
    "consent_note",
    *CONTACT_FIELDS,
    *EQUALITY_QUESTIONS,
]
REQUIRED_FIELDS = ["text", *CONSENT_FIELDS, "consent_method"]
YES = {"yes", "y", "true", "1", "agreed", "agree"}
NO = {"no", "n", "false", "0", "declined", "decline"}
# Which input field an error from check_submission is about.
ERROR_FIELD = {"method": "consent_method", "method_note": "consent_note", "contact": "contact"}


@dataclass
class ImportReport:
    """What an import did. `rejected` lists (line, column, problem); nothing is stored from
    a rejected row, and nothing at all when `committed` is False."""

    imported: int = 0
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    receipts: list[Receipt] = field(default_factory=list)
    already_imported: int = 0
    rows: int = 0
    committed: bool = True


UTF8 = "utf-8"
# The legacy encoding UK and Western European offices' spreadsheets save in. Short files often
# decode equally cleanly in several code pages (é is the same byte in Windows-1250 and -1252);
# among those the detector cannot tell apart, this one is suggested.
EXPECTED_LEGACY = "cp1252"
ENCODING_NAMES = {
    UTF8: "UTF-8",
    "cp1252": "Windows-1252 (Excel on Windows, UK and Western Europe)",
    "iso8859_1": "Latin-1 (ISO 8859-1)",
    "iso8859_15": "Latin-9 (ISO 8859-15)",
    "mac_roman": "Mac Roman (older Excel for Mac)",
    "cp1250": "Windows-1250 (Central Europe)",
}
SAMPLES = 5


@dataclass(frozen=True)
class DetectedEncoding:
    """What `detect_encoding` found: the codec name, how a person would call it, whether the
    file is certainly in it (valid UTF-8 is; any other guess needs confirming), and a few
    lines with letters beyond plain ASCII as they read in it, to check by eye."""

    encoding: str
    label: str
    certain: bool
    samples: list[tuple[int, str]]


def encoding_label(encoding: str) -> str:
    """A codec name as people know it ("Windows-1252 (Excel on Windows, …)")."""
    return ENCODING_NAMES.get(codec_name(encoding) or encoding, encoding)


def codec_name(encoding: str) -> str | None:
    """The canonical codec name (`cp1252`, `utf-8`), or None when Python has no such codec."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return UTF8 if name == "utf-8" else name


def detect_encoding(data: bytes) -> DetectedEncoding:
    """The file's encoding: UTF-8 when it decodes as UTF-8 (certain), otherwise
    charset-normalizer's best reading, preferring Windows-1252 among readings it rates
    equally. ConsentError when no encoding reads it as text."""
    try:
        text = data.decode(UTF8)
    except UnicodeDecodeError:
        pass
    else:
        return DetectedEncoding(UTF8, ENCODING_NAMES[UTF8], True, _samples(text))
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise ConsentError(
            {"file": "This file does not read as text in any encoding: is it really a CSV?"}
        )
    equally_good = {
        codec_name(name)
        for match in matches
        if match.chaos <= best.chaos
        for name in (match.encoding, *match.could_be_from_charset)
    }
    encoding = EXPECTED_LEGACY if EXPECTED_LEGACY in equally_good else codec_name(best.encoding)
    text = data.decode(encoding or best.encoding)
    return DetectedEncoding(
        encoding or best.encoding, encoding_label(encoding or best.encoding), False, _samples(text)
    )


def _samples(text: str) -> list[tuple[int, str]]:
    """Up to SAMPLES (line number, excerpt) pairs around the first non-ASCII letter of a line."""
    found = []
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        at = next((i for i, ch in enumerate(line) if ord(ch) > 127), None)
        if at is not None:
            start = max(0, at - 30)
            found.append((number, ("…" if start else "") + line[start : at + 30].strip()))
            if len(found) == SAMPLES:
                break
    return found


def _decode(data: bytes, encoding: str) -> str:
    codec = codec_name(encoding)
    if codec is None:
        raise ConsentError({"encoding": f"Unknown encoding {encoding!r}."})
    if codec == UTF8:
        # surrogateescape keeps undecodable bytes as lone surrogates, so one bad row is
        # reported on its own line instead of failing the whole file.
        return data.decode(UTF8, errors="surrogateescape").removeprefix("\ufeff")
    try:
        return data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ConsentError(
            {
                "encoding": f"The file cannot be read as {encoding_label(codec)} (byte "
                f"{error.start + 1}): choose another encoding."
            }
        ) from None


def _yes_no(value: str) -> bool | None:
    value = value.strip().lower()
    return True if value in YES else False if value in NO else None


def _language(value: str | None) -> str | None:
    """A language for updates as a paper form or spreadsheet writes it: `cy`, `Cymraeg` or
    `Welsh`. Anything else is passed on as written, for the consent check to refuse."""
    if not value or not value.strip():
        return None
    wanted = value.strip().casefold()
    for code, own_name in LANGUAGES.items():
        names = {code, own_name.casefold(), Locale(code).get_display_name("en").casefold()}
        if wanted in names:
            return code
    return value.strip()


def _columns(header: list[str], mapping: dict[str, str] | None) -> dict[str, int]:
    """Field → column index, after the mapping; ConsentError when required columns are missing."""
    mapping = mapping or {}
    unknown = [f for f in mapping if f not in FIELDS]
    if unknown:
        raise ConsentError({"mapping": f"Unknown field(s) in the mapping: {', '.join(unknown)}."})
    positions = {name.strip(): i for i, name in enumerate(header)}
    errors = {}
    found: dict[str, int] = {}
    for name in FIELDS:
        column = mapping.get(name, name)
        if column in positions:
            found[name] = positions[column]
        elif name in mapping:
            errors[name] = f"The file has no column called {column!r}."
        elif name in REQUIRED_FIELDS:
            errors[name] = f"The file needs a {column!r} column (or map one to it)."
    if errors:
        raise ConsentError(errors)
    return found


def _row_submission(
    activity: dict, channel: str, values: dict[str, str], max_chars: int
) -> tuple[Submission | None, dict[str, str]]:
    """Check one row; returns the submission or the problems keyed by field."""
    problems: dict[str, str] = {}
    for name, value in values.items():
        if not is_valid_text(value):
            problems[name] = "Not valid UTF-8 text: save the file as UTF-8 and import again."
    consents: dict = {}
    for name in PURPOSES:
        raw = values.get(f"consent_{name}", "")
        if not raw.strip():
            problems.setdefault(f"consent_{name}", "No consent recorded: it must be yes or no.")
        else:
            answer = _yes_no(raw)
            if answer is None:
                problems.setdefault(f"consent_{name}", "Write yes or no.")
            consents[name] = answer
    if problems:
        return None, problems
    equality = {}
    for name, choices in EQUALITY_QUESTIONS.items():
        value = values.get(name, "").strip()
        by_lower = {choice.lower(): choice for choice in choices}
        equality[name] = by_lower.get(value.lower(), value)
    contact = {name.removeprefix("contact_"): values.get(name) or None for name in CONTACT_FIELDS}
    contact["language"] = _language(contact["language"])
    try:
        return check_submission(
            activity,
            channel=channel,
            text=values.get("text", ""),
            consents=consents,
            method=values.get("consent_method", "").strip().lower(),
            method_note=values.get("consent_note") or None,
            service=values.get("service") or None,
            setting=values.get("setting") or None,
            area=values.get("area") or None,
            contact=contact,
            equality=equality,
            max_chars=max_chars,
        ), {}
    except ConsentError as error:
        return None, {ERROR_FIELD.get(k, k): v for k, v in error.errors.items()}


def _submission_key(activity_id: int, values: dict[str, str]) -> str:
    digest = hashlib.sha256(str(activity_id).encode())
    for name in FIELDS:
        digest.update(b"\x1f" + values.get(name, "").strip().encode("utf-8", "surrogateescape"))
    return "import:" + digest.hexdigest()


def import_csv(
    db: sqlite_utils.Database,
    path_or_bytes: str | Path | bytes,
    activity_id: int,
    channel: str,
    mapping: dict[str, str] | None,
    mode: str,
    recorded_by: str,
    created_by: int | None,
    max_chars: int = 20_000,
    encoding: str = UTF8,
) -> ImportReport:
    """Import stories from CSV, read in `encoding`, in one transaction. ConsentError for
    file-level problems (unknown or closed activity, wrong channel, missing columns, a file
    that is not in `encoding`, unreadable CSV)."""
    if mode not in MODES:
        raise ConsentError({"mode": "Choose all-or-nothing or skip-bad-rows."})
    activity = get_activity(db, activity_id)
    if activity is None:
        raise ConsentError({"activity": "There is no such activity."})
    if not activity["is_open"]:
        raise ConsentError({"activity": "This activity is not taking stories today."})
    if channel not in activity["channels"]:
        raise ConsentError({"channel": "Choose one of this activity's ways of taking part."})
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    reader = csv.reader(io.StringIO(_decode(data, encoding), newline=""), strict=True)
    report = ImportReport()
    try:
        header = next(reader, None)
        if not header:
            raise ConsentError({"file": "The file is empty: it needs a header row."})
        columns = _columns(header, mapping)
        good: list[tuple[int, Submission, str]] = []
        keys: set[str] = set()
        line = reader.line_num + 1
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            report.rows += 1
            if len(row) > len(header):
                report.rejected.append((start, "", "More values than the header has columns."))
                continue
            values = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
            submission, problems = _row_submission(activity, channel, values, max_chars)
            for name, problem in problems.items():
                report.rejected.append(
                    (start, header[columns[name]] if name in columns else name, problem)
                )
            if submission is None:
                continue
            key = _submission_key(activity_id, values)
            if (
                key in keys
                or db.execute("SELECT 1 FROM stories WHERE submission_key = ?", [key]).fetchone()
            ):
                report.already_imported += 1
                continue
            keys.add(key)
            good.append((start, submission, key))
    except csv.Error as error:
        raise ConsentError(
            {"file": f"Line {reader.line_num}: the CSV cannot be read ({error})."}
        ) from None
    if report.rejected and mode == "all_or_nothing":
        report.committed = False
        return report
    detail = (
        f"imported={len(good)} rejected_rows={len({r[0] for r in report.rejected})} "
        f"already_imported={report.already_imported} mode={mode} channel={channel} "
        f"encoding={codec_name(encoding)}"
    )
    _store(db, report, good, activity_id, recorded_by, created_by, detail)
    return report


def _store(db, report: ImportReport, good, activity_id, recorded_by, created_by, detail) -> None:
    secret_list = [references.new_secret() for _ in good]
    # Hashed before the write lock is taken: the slow part must not block other writers.
    hashes = references.hash_secrets_bulk(secret_list)
    recording = Recording(
        activity_id, current_notice(db, activity_id), recorded_by, created_by, now_iso()
    )
    with wdb.write(db):
        taken = {
            r[0]
            for r in db.execute(
                "SELECT reference FROM stories UNION SELECT reference FROM withdrawals"
            )
        }
        for (line, submission, key), secret, secret_hash in zip(
            good, secret_list, hashes, strict=True
        ):
            story_id, reference = store_submission(
                db, submission, recording, secret_hash, key, taken.__contains__
            )
            taken.add(reference)
            report.receipts.append(Receipt(story_id, reference, secret, line=line))
        report.imported = len(good)
        audit.record(db, recorded_by, "stories_imported", "activity", activity_id, detail)
