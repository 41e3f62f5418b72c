"""The storyteller's pages in Welsh: chosen by ?lang=cy or the browser, kept for the visit,
with `<html lang>` saying which; staff pages stay in English."""

from __future__ import annotations

import re
from html import unescape
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from consent_support import capture_story, open_activity, staff_user
from test_receipt_web import online_form, open_receipt, tell

from consent.activities import notice_sections
from consent.purposes import PURPOSES
from workbench.forms_capture import OnlineStoryForm

MESSAGES = Path(__file__).resolve().parents[1] / "workbench" / "translations" / "cy" / "LC_MESSAGES"


@pytest.fixture
def activity_id(db):
    return open_activity(db, staff_user(db, "analyst"))


def html_lang(page: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\"", page).group(1)


def welsh_catalogue():
    with (MESSAGES / "messages.po").open("rb") as po:
        return read_po(po, locale="cy")


def test_the_online_form_is_in_english_by_default(client, activity_id):
    page = client.get(f"/tell/{activity_id}").get_data(as_text=True)
    assert html_lang(page) == "en"
    assert "Send my story" in page and "Use my story to improve services" in page
    assert 'hreflang="cy"' in page and ">Cymraeg</a>" in page


def test_lang_cy_gives_the_online_form_in_welsh_and_the_visit_stays_welsh(client, activity_id):
    page = unescape(client.get(f"/tell/{activity_id}?lang=cy").get_data(as_text=True))
    assert html_lang(page) == "cy"
    for welsh in (
        "Anfon fy stori",
        "Defnyddio fy stori i wella gwasanaethau",
        "Pam rydym yn gofyn",
        "Yr hyn rydych yn cytuno iddo",
        "Neidio i'r cynnwys",
    ):
        assert welsh in page, welsh
    assert "Send my story" not in page
    assert 'hreflang="en"' in page and ">English</a>" in page
    receipt_page = client.get("/receipt").get_data(as_text=True)
    assert html_lang(receipt_page) == "cy" and "Agor fy nerbynneb" in receipt_page


def test_the_browser_language_chooses_welsh_and_lang_en_switches_back(client, activity_id):
    welsh = client.get(f"/tell/{activity_id}", headers={"Accept-Language": "cy,en;q=0.5"})
    assert html_lang(welsh.get_data(as_text=True)) == "cy"
    english = client.get(f"/tell/{activity_id}?lang=en", headers={"Accept-Language": "cy"})
    page = english.get_data(as_text=True)
    assert html_lang(page) == "en" and "Send my story" in page


def test_a_story_told_in_welsh_is_saved_and_thanked_in_welsh(client, db, activity_id):
    client.get(f"/tell/{activity_id}?lang=cy")
    response = tell(client, activity_id, online_form())
    assert response.status_code == 201
    page = response.get_data(as_text=True)
    assert html_lang(page) == "cy" and "Diolch am eich stori" in page
    assert db["stories"].count == 1


def test_errors_on_the_welsh_form_are_in_welsh(client, activity_id):
    client.get(f"/tell/{activity_id}?lang=cy")
    response = tell(client, activity_id, online_form(consent_analysis=""))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Mae problem" in page and "Dewiswch ie neu na." in page


def test_staff_pages_stay_in_english_whatever_the_browser_asks(client, login_as):
    login_as("analyst")
    page = client.get("/", headers={"Accept-Language": "cy"}).get_data(as_text=True)
    assert html_lang(page) == "en" and "Skip to content" in page
    assert 'hreflang="cy"' not in page


def test_a_title_is_escaped_inside_translated_wording(client, db):
    activity = open_activity(db, staff_user(db, "analyst"), title="<script>alert(1)</script>")
    page = client.get(f"/tell/{activity}?lang=cy").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "Ynglŷn â “&lt;script&gt;alert(1)&lt;/script&gt;”" in page


def test_wording_from_python_has_a_welsh_translation(activity_id, app, db):
    """Purposes, notice headings and form labels live in Python; each must be in the catalogue."""
    catalogue = welsh_catalogue()
    with app.test_request_context():
        form = OnlineStoryForm(meta={"csrf": False})
        labels = [
            field.label.text
            for field in form
            if not field.name.startswith("eq_") and field.type not in ("HiddenField",)
        ]
    activity = db["activities"].get(activity_id)
    wording = [
        *(p.label for p in PURPOSES.values()),
        *(p.description for p in PURPOSES.values()),
        *(heading for heading, _text in notice_sections(activity)),
        *[label for label in labels if label not in ("Leave this empty", "", "Notice Id")],
        "Yes",
        "No",
    ]
    untranslated = [text for text in wording if not (catalogue.get(text) or {}).string]
    assert untranslated == []


def test_the_compiled_catalogue_matches_its_source():
    catalogue = welsh_catalogue()
    with (MESSAGES / "messages.mo").open("rb") as mo:
        compiled = read_mo(mo)
    source = {m.id: m.string for m in catalogue if m.id}
    assert {m.id: m.string for m in compiled if m.id} == source
    fresh = BytesIO()
    write_mo(fresh, catalogue)
    assert fresh.getvalue() == (MESSAGES / "messages.mo").read_bytes(), (
        "messages.mo is stale: run `pybabel compile -d workbench/translations`"
    )


def test_the_switch_on_a_page_reached_by_post_leads_to_the_receipt_form(client, db, activity_id):
    receipt = capture_story(db, activity_id, staff_user(db))
    client.get("/receipt?lang=cy")
    page = open_receipt(client, receipt.reference, receipt.secret).get_data(as_text=True)
    assert html_lang(page) == "cy"
    assert 'href="/receipt?lang=en"' in page
    assert client.get("/receipt?lang=en").status_code == 200
