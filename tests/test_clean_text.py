"""Control characters and Windows line endings never reach storage or the REFI-QDA export, and
its code names are unique (issue 18, item 16)."""

from __future__ import annotations

import io
import re
import zipfile

from consent_support import capture_story, consent_db, open_activity, staff_user
from publish_fixtures import seed
from test_consent_imports import csv_bytes

from consent import imports
from plumbing import db as wdb
from workbench.feedback import qdpx

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r]")
TYPED = "First line\r\nSecond\x0b line\rThird\x00 line\x1b[31m\u0085 end"
KEPT = "First line\nSecond line\nThird line[31m end"


db = consent_db


def test_capture_keeps_one_line_ending_and_no_control_characters(db):
    activity = open_activity(db, staff_user(db, "analyst"), areas="North ward")
    receipt = capture_story(db, activity, None, text=TYPED, area="North\x07 ward\r\n")
    story = db["stories"].get(receipt.story_id)
    assert story["text"] == KEPT
    assert story["area"] == "North ward"


def test_import_keeps_one_line_ending_and_no_control_characters(db):
    activity = open_activity(db, staff_user(db, "analyst"))
    row = '"' + TYPED + '",yes,yes,no,no,no,written,,,'
    report = imports.import_csv(
        db, csv_bytes(row), activity, "paper", None, "all_or_nothing", "user:1", 1
    )
    assert report.imported == 1, report.rejected
    assert db["stories"].get(1)["text"] == KEPT


def universal_newlines(data: bytes) -> str:
    """A source as QualCoder reads it: text mode, universal newlines."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None).read()


def test_the_export_survives_stored_control_characters_crlf_and_shared_code_names(tmp_path):
    db = wdb.connect(tmp_path / "w.db")
    wdb.migrate(db)
    ids = seed(db, n_stories=12)
    activity = ids["activity"]
    quote = next(
        db.query(
            "SELECT q.* FROM quotes q JOIN anonymisations a ON a.story_id = q.story_id "
            "AND a.status = 'checked' JOIN consents c ON c.story_id = q.story_id "
            "AND c.purpose = 'analysis' AND c.granted = 1 ORDER BY q.story_id LIMIT 1"
        )
    )
    anonymised = db["anonymisations"].get(quote["story_id"])["text"]
    # Rows stored before capture cleaned text: a CR LF before the quote, control characters.
    with wdb.write(db):
        db["anonymisations"].update(
            quote["story_id"], {"text": "Before\r\nthe\x01 quote\r\n" + anonymised}
        )
        db["quotes"].update(quote["id"], {"text": "the\x01 quote\r\n" + anonymised[:20]})
        db["activities"].update(activity, {"title": "Leaving\x02 hospital"})
        db["stories"].update(quote["story_id"], {"area": "North\x03 ward"})
        # A theme called as a priority is: QualCoder matches codes by name.
        db["themes"].update(quote["theme_id"], {"label": "Access to GP services\x04"})
    data = qdpx.build_qdpx(db, activity)  # validated against Project.xsd
    project = qdpx.read_qdpx(data)
    names = [name for group in project["codes"].values() for name in group]
    assert len(names) == len({n.casefold() for n in names})
    assert "Access to GP services (theme)" in project["codes"]["Themes"]
    assert "Access to GP services (priority)" in project["codes"]["Priorities"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        everything = [archive.read(name) for name in archive.namelist()]
    assert not any(CONTROL.search(part.decode("utf-8")) for part in everything)
    quoted = [
        (source, start, end)
        for source in project["sources"].values()
        for start, end, codes in source["segments"]
        if codes == ["Access to GP services (theme)"]
    ]
    assert quoted, "the quote is still coded as a segment"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        read_back = {
            universal_newlines(archive.read(name))
            for name in archive.namelist()
            if name.startswith("sources/")
        }
    for source, start, end in quoted:
        assert source["text"] in read_back  # QualCoder sees the same characters
        assert source["text"][start:end] == "the quote\n" + anonymised[:20]
    story_codes = [
        set(codes) for source in project["sources"].values() for _s, _e, codes in source["segments"]
    ]
    assert any(
        {"Access to GP services (theme)", "Access to GP services (priority)"} <= c
        for c in story_codes
    ) or all(len(c) > 0 for c in story_codes)
    db.close()
