"""Bulk import from CSV: awkward encodings, a per-row report, and an explicit choice between
all-or-nothing and skipping bad rows."""

from __future__ import annotations

import pytest
from consent_support import consent_db, open_activity, row_counts, staff_user

from consent import imports, receipts
from consent.errors import ConsentError

HEADER = (
    "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
    "consent_equality_monitoring,consent_method,consent_note,contact_email,age_band"
)


def csv_bytes(*rows: str, bom: bool = True, newline: str = "\r\n") -> bytes:
    body = newline.join([HEADER, *rows]) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8")


GOOD = "The ward was noisy at night,yes,yes,no,no,no,written,,,"
MULTILINE = '"Line one of the form\r\nline two, with a comma",yes,no,no,no,yes,written,,,65-74'


db = consent_db


@pytest.fixture
def activity(db):
    return open_activity(db, staff_user(db, "analyst"))


def run(db, activity, data, mode="all_or_nothing", mapping=None):
    return imports.import_csv(db, data, activity, "paper", mapping, mode, "user:1", 1)


def test_bom_windows_line_endings_and_quoted_newlines_import_cleanly(db, activity):
    report = run(db, activity, csv_bytes(GOOD, MULTILINE))
    assert (report.imported, report.rejected, report.committed) == (2, [], True)
    texts = [r["text"] for r in db.query("SELECT text FROM stories ORDER BY id")]
    assert texts == [
        "The ward was noisy at night",
        "Line one of the form\nline two, with a comma",  # one kind of line ending
    ]
    assert db["equality_answers"].get(2)["age_band"] == "65-74"
    assert db["consents"].count == 10
    assert {r["method"] for r in db.query("SELECT method FROM consents")} == {"written"}
    assert [r.line for r in report.receipts] == [2, 3]
    assert db["stories"].get(1)["channel"] == "paper"


def test_the_report_names_the_file_line_column_and_problem(db, activity):
    data = csv_bytes(
        MULTILINE,  # lines 2-3
        ",yes,yes,no,no,no,written,,,",  # line 4: empty story
        "Told at the door,,yes,no,no,no,written,,,",  # line 5: no consent recorded
        "Told at the door,maybe,yes,no,no,no,verbal,,,",  # line 6: not yes/no, no verbal note
        "Call me,yes,no,no,yes,no,written,,not-an-email,",  # line 7
        GOOD,  # line 8
    )
    report = run(db, activity, data, mode="skip_bad_rows")
    assert set(report.rejected) >= {
        (4, "text", "Write or transcribe the story: it is empty."),
        (5, "consent_analysis", "No consent recorded: it must be yes or no."),
        (6, "consent_analysis", "Write yes or no."),
        (7, "contact_email", "This does not look like an email address."),
    }
    assert {line for line, _c, _p in report.rejected} == {4, 5, 6, 7}
    assert report.imported == 2 and db["stories"].count == 2


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(db, activity):
    before = row_counts(db)
    report = run(db, activity, csv_bytes(GOOD, "Refused,no,no,no,no,no,written,,,"))
    assert not report.committed and report.imported == 0
    assert report.rejected[0][:2] == (3, "consent_analysis")
    assert row_counts(db) == before


def test_invalid_utf8_is_reported_on_its_own_line(db, activity):
    bad = "Caf\xe9 was closed,yes,no,no,no,no,written,,,".encode("latin-1")
    data = (
        csv_bytes(GOOD).rstrip(b"\r\n")
        + b"\r\n"
        + bad
        + b"\r\n"
        + GOOD.replace("noisy", "cold").encode()
        + b"\r\n"
    )
    report = run(db, activity, data, mode="skip_bad_rows")
    assert [(line, column) for line, column, _p in report.rejected] == [(3, "text")]
    assert "UTF-8" in report.rejected[0][2]
    assert report.imported == 2


def test_a_mapping_reads_fields_from_the_file_own_column_names(db, activity):
    data = (
        b"Story,Agree analysis,Quotes,Partners,Contact,Equality,How\n"
        b"Lovely midwives,Y,N,N,N,N,written\n"
    )
    mapping = {
        "text": "Story",
        "consent_analysis": "Agree analysis",
        "consent_publish_quotes": "Quotes",
        "consent_share_partners": "Partners",
        "consent_contact": "Contact",
        "consent_equality_monitoring": "Equality",
        "consent_method": "How",
    }
    report = run(db, activity, data, mapping=mapping)
    assert report.imported == 1
    assert db["stories"].get(1)["text"] == "Lovely midwives"


def test_a_file_without_consent_columns_is_refused_whole(db, activity):
    before = row_counts(db)
    with pytest.raises(ConsentError) as raised:
        run(db, activity, b"text\nA story with no consent at all\n")
    assert "consent_analysis" in raised.value.errors and "consent_method" in raised.value.errors
    assert row_counts(db) == before


def test_importing_the_same_file_twice_does_not_double_the_stories(db, activity):
    run(db, activity, csv_bytes(GOOD, MULTILINE))
    again = run(db, activity, csv_bytes(GOOD, MULTILINE))
    assert (again.imported, again.already_imported, again.rejected) == (0, 2, [])
    assert db["stories"].count == 2


def test_imported_receipts_work_and_each_import_is_audited(db, activity):
    report = run(db, activity, csv_bytes(GOOD))
    receipt = report.receipts[0]
    assert receipts.verify(db, receipt.reference, receipt.secret).story_id == receipt.story_id
    audit = list(db.query("SELECT * FROM audit_log WHERE action = 'stories_imported'"))
    assert len(audit) == 1 and "imported=1" in audit[0]["detail"]
    assert "noisy" not in audit[0]["detail"]


@pytest.mark.parametrize(
    "activity_id, channel, mode, field",
    [
        (999, "paper", "all_or_nothing", "activity"),
        (None, "home_visit", "all_or_nothing", "channel"),
        (None, "paper", "whatever", "mode"),
    ],
)
def test_file_level_problems_are_refused_before_any_row(
    db, activity, activity_id, channel, mode, field
):
    with pytest.raises(ConsentError) as raised:
        imports.import_csv(
            db, csv_bytes(GOOD), activity_id or activity, channel, None, mode, "user:1", 1
        )
    assert field in raised.value.errors
    assert db["stories"].count == 0


def test_a_row_with_too_many_values_is_rejected(db, activity):
    report = run(db, activity, csv_bytes(GOOD + ",extra"), mode="skip_bad_rows")
    assert report.rejected == [(2, "", "More values than the header has columns.")]


def test_the_language_for_updates_is_read_as_paper_forms_write_it(db, activity):
    header = (
        "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
        "consent_equality_monitoring,consent_method,contact_email,contact_language"
    )
    rows = [
        f"Story {n},yes,no,no,yes,no,written,t{n}@example.org,{language}"
        for n, language in enumerate(["Cymraeg", " welsh ", "CY", "English", ""])
    ]
    data = "\r\n".join([header, *rows, "Story 5,yes,no,no,yes,no,written,t5@example.org,Klingon"])
    report = run(db, activity, data.encode(), mode="skip_bad_rows")
    assert report.imported == 5
    assert report.rejected == [(7, "contact_language", "Choose a language we write updates in.")]
    languages = [r["language"] for r in db.query("SELECT language FROM contacts ORDER BY story_id")]
    assert languages == ["cy", "cy", "cy", "en", "en"]


# What Excel on Windows saves in a UK office: Windows-1252, with a pound sign, curly quotes,
# an en dash and accented letters, none of which are ASCII.
EXCEL_ROWS = (
    '"The nurse said it’d cost £20 – the café was shut",yes,yes,no,no,no,written,,,',
    "“Brilliant” care from Zoë on ward 4,yes,no,no,no,no,written,,,",
)


def excel_csv() -> bytes:
    return "\r\n".join([HEADER, *EXCEL_ROWS, ""]).encode("cp1252")


def test_windows_1252_is_detected_for_confirmation_and_never_certain():
    detected = imports.detect_encoding(excel_csv())
    assert detected.encoding == "cp1252" and not detected.certain
    assert "Windows-1252" in detected.label
    assert [line for line, _text in detected.samples] == [2, 3]
    assert "£20 – the café" in detected.samples[0][1]


def test_utf8_is_certain_and_a_clearly_central_european_file_is_not_read_as_1252():
    assert imports.detect_encoding(csv_bytes(GOOD, bom=False)).certain
    polish = "text\r\nZażółć gęślą jaźń, mówię po polsku, dzień dobry wszystkim\r\n"
    assert imports.detect_encoding(polish.encode("cp1250")).encoding == "cp1250"


def test_a_file_that_is_not_text_in_any_encoding_is_refused():
    with pytest.raises(ConsentError) as refused:
        imports.detect_encoding(bytes(range(256)) * 4)
    assert "file" in refused.value.errors


def test_a_windows_1252_file_imports_exactly_when_its_encoding_is_named(db, activity):
    report = imports.import_csv(
        db, excel_csv(), activity, "paper", None, "all_or_nothing", "user:1", 1, encoding="cp1252"
    )
    assert (report.imported, report.rejected) == (2, [])
    texts = [r["text"] for r in db.query("SELECT text FROM stories ORDER BY id")]
    assert texts == [
        "The nurse said it’d cost £20 – the café was shut",
        "“Brilliant” care from Zoë on ward 4",
    ]
    detail = db.execute("SELECT detail FROM audit_log WHERE action = 'stories_imported'")
    assert "encoding=cp1252" in detail.fetchone()[0]


def test_a_file_not_in_the_named_encoding_is_refused_whole(db, activity):
    before = row_counts(db)
    undefined_in_1252 = excel_csv() + b"\x81\r\n"
    with pytest.raises(ConsentError) as refused:
        imports.import_csv(
            db,
            undefined_in_1252,
            activity,
            "paper",
            None,
            "skip_bad_rows",
            "user:1",
            1,
            encoding="cp1252",
        )
    assert "Windows-1252" in refused.value.errors["encoding"]
    assert row_counts(db) == before
