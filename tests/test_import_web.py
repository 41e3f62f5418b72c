"""Importing from the page: a file Excel saved in Windows-1252 is shown, as it reads, for a
person to confirm before anything is stored; the receipts come out as letters to post."""

from __future__ import annotations

import io
import re

from conftest import csrf_token
from test_capture_web import signed_in_with_activity

from consent import receipts

HEADER = (
    "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
    "consent_equality_monitoring,consent_method,contact_name,contact_postal_address"
)
ROWS = (
    '"The nurse said it’d cost £20 – the café was shut",yes,yes,no,no,no,written,,',
    '“Brilliant” care from Zoë,yes,no,no,yes,no,written,Zoë Price,"1 High St, Leeds, LS1 1AA"',
)
LETTER = re.compile(r"<article class=\"receipt-letter\" data-letter")
SECRET = re.compile(r"data-reference>([^<]+)<.*?data-secret>([^<]+)<", re.S)


def excel_file(encoding: str = "cp1252") -> bytes:
    return "\r\n".join([HEADER, *ROWS, ""]).encode(encoding)


def upload(client, activity_id: int, data: bytes | None, **fields):
    form = {
        "csrf_token": csrf_token(client, "/capture/import"),
        "activity_id": str(activity_id),
        "channel": "paper",
        "mode": "all_or_nothing",
        **fields,
    }
    if data is not None:
        form["file"] = (io.BytesIO(data), "stories.csv")
    return client.post("/capture/import", data=form, content_type="multipart/form-data")


def hidden(page: str, name: str) -> str:
    return re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page).group(1)


def confirm(client, activity_id: int, page: str, data: bytes | None):
    """The confirmation step: the file carried by `page` sent back as Windows-1252, or `data`
    when another file is chosen there."""
    pending = {name: hidden(page, name) for name in ("pending", "pending_name")}
    return upload(client, activity_id, data, **pending, encoding="cp1252")


def test_a_windows_1252_file_is_shown_for_confirmation_then_imported_as_it_reads(
    client, db, login_as
):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    response = upload(client, activity_id, excel_file())
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-encoding="cp1252"' in page and "Windows-1252" in page
    assert "it’d cost £20 – the café" in page
    assert '<option selected value="cp1252">' in page
    assert db["stories"].count == 0

    # Confirming sends the carried file back with the encoding chosen: no second upload.
    response = confirm(client, activity_id, page, None)
    page = response.get_data(as_text=True)
    assert "2 of 2 rows imported" in page
    texts = [r["text"] for r in db.query("SELECT text FROM stories ORDER BY id")]
    assert texts == [
        "The nurse said it’d cost £20 – the café was shut",
        "“Brilliant” care from Zoë",
    ]


def test_imported_receipts_come_as_one_letter_each_with_the_address_given(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    response = upload(client, activity_id, excel_file(), encoding="cp1252")
    page = response.get_data(as_text=True)
    letters = page[page.index('class="receipt-sheet"') :]
    assert len(LETTER.findall(letters)) == 2
    assert "No postal address was recorded" in letters
    assert "Zoë Price<br>1 High St<br>Leeds<br>LS1 1AA<br>" in letters
    # Each letter's card opens its own story.
    for reference, secret in SECRET.findall(letters):
        assert receipts.verify(db, reference, secret) is not None
    assert len(SECRET.findall(letters)) == 2


def test_a_teller_who_chose_welsh_gets_a_welsh_letter_on_an_english_sheet(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    rows = [
        ROWS[0] + ",",
        'Gofal da,yes,no,no,yes,no,written,Siân Hughes,"2 Stryd Fawr, Bangor, LL57 1AA",cy',
    ]
    data = "\r\n".join([HEADER + ",contact_language", *rows, ""]).encode("utf-8")
    page = upload(client, activity_id, data).get_data(as_text=True)
    english, welsh = page[page.index('class="receipt-sheet"') :].split("<article")[1:]
    assert "Dear storyteller," in english and "Your story receipt" in english
    assert 'lang="cy"' in welsh and "Annwyl Siân Hughes," in welsh
    assert "Derbynneb eich stori" in welsh and "Dear" not in welsh
    assert "Receipt letters, ready to print" in page  # the sheet itself stays in English


def test_a_utf8_file_imports_at_once_and_a_wrong_encoding_choice_is_explained(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    utf8 = excel_file("utf-8")
    page = upload(client, activity_id, utf8).get_data(as_text=True)
    assert "2 of 2 rows imported" in page and "data-encoding" not in page
    with_stray_byte = excel_file() + b"\x81\r\n"
    response = upload(client, activity_id, with_stray_byte, encoding="cp1252")
    assert response.status_code == 400
    assert "cannot be read as Windows-1252" in response.get_data(as_text=True)
    assert db["stories"].count == 2


def test_another_file_chosen_on_the_confirmation_step_is_detected_afresh(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    page = upload(client, activity_id, excel_file()).get_data(as_text=True)
    utf8 = excel_file("utf-8")
    response = confirm(client, activity_id, page, utf8)
    assert "2 of 2 rows imported" in response.get_data(as_text=True)
    texts = [r["text"] for r in db.query("SELECT text FROM stories ORDER BY id")]
    assert texts[0] == "The nurse said it’d cost £20 – the café was shut"  # not mojibake


def test_a_tampered_carried_file_asks_for_the_file_again_and_stores_nothing(client, db, login_as):
    """The confirmation step carries the file in a hidden field; anything in it that is not
    base64 (including letters outside ASCII, found by fuzzing) is a clear error, not a 500."""
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    before = db.execute("select count(*) from stories").fetchone()[0]
    for pending in ("\x80", "é==", "not base64!"):
        response = upload(client, activity_id, None, pending=pending, pending_name="x.csv")
        assert response.status_code == 400
        assert "Choose the CSV file again." in response.get_data(as_text=True)
    assert db.execute("select count(*) from stories").fetchone()[0] == before
