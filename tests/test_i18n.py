"""The storyteller's pages in Welsh: chosen by ?lang=cy or the browser, kept for the visit,
with `<html lang>` saying which; staff pages stay in English."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from conftest import post_form
from consent_support import anonymise, capture_story, new_theme, open_activity, staff_user
from flask_babel import force_locale
from test_receipt_web import online_form, open_receipt, tell

from consent.activities import notice_sections
from consent.purposes import PURPOSES
from nlp.progress import STAGES
from nlp.themes import store as theme_store
from plumbing import db as wdb
from plumbing.clock import today
from workbench import create_app
from workbench.blueprints import storyteller
from workbench.feedback.actions import STATUSES, ActionFields, record_action
from workbench.feedback.evaluation import QUESTIONS
from workbench.forms_capture import ConsentChangeForm, OnlineStoryForm, ReceiptForm, WithdrawForm
from workbench.forms_feedback import EvaluationForm
from workbench.receipt_pages import NOT_MATCHED
from workbench.receipt_view import PREPARING, THEME_STATUS_LABELS
from workbench.safeguarding import signposting

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


def test_the_area_list_and_the_receipts_qr_code_speak_welsh_too(client, db):
    """Probing found the area list's first option and the QR code's title in English on
    Welsh pages."""
    activity = open_activity(db, staff_user(db, "analyst"), areas="Gwynedd\nYnys Môn")
    page = unescape(client.get(f"/tell/{activity}?lang=cy").get_data(as_text=True))
    assert '<option selected value="">Heb ei nodi</option>' in page
    assert "Not given" not in page
    thanks = unescape(tell(client, activity, online_form()).get_data(as_text=True))
    assert "<title>Cod QR sy'n agor tudalen eich derbynneb</title>" in thanks
    assert "Receipt QR code" not in thanks


def test_support_after_a_story_told_on_the_welsh_pages_is_in_welsh(client, db, activity_id):
    client.get(f"/tell/{activity_id}?lang=cy")
    risky = "After the appointment was cancelled I honestly wanted to die."
    response = tell(client, activity_id, online_form(story=risky))
    assert response.status_code == 201
    page = unescape(response.get_data(as_text=True))
    english = signposting.for_signals(["suicide_self_harm"])
    welsh = signposting.for_signals(["suicide_self_harm"], locale="cy")
    assert "Help a chymorth" in page and "ffoniwch" in page and "Help and support" not in page
    for en, cy in zip(
        [english.general, *english.sections], [welsh.general, *welsh.sections], strict=True
    ):
        assert cy.title in page and cy.text in page
        assert en.title not in page and en.text not in page
        assert all(c.phone in page for c in cy.contacts if c.phone)
    assert [row["signal"] for row in db["safeguarding_flags"].rows] == ["suicide_self_harm"]


def test_errors_on_the_welsh_form_are_in_welsh(client, activity_id):
    client.get(f"/tell/{activity_id}?lang=cy")
    response = tell(client, activity_id, online_form(consent_analysis=""))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Mae problem" in page and "Dewiswch ie neu na." in page


def test_staff_pages_stay_in_english_whatever_the_browser_asks(client, login_as):
    login_as("analyst")
    page = client.get("/dashboard", headers={"Accept-Language": "cy"}).get_data(as_text=True)
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
    """The .mo says what the .po says: every translated message, plural and context.

    It compares meaning, not bytes: how Babel lays out a .mo changes between releases."""

    def messages(catalogue) -> dict:
        return {
            (m.context, m.id if isinstance(m.id, str) else tuple(m.id)): (
                m.string if isinstance(m.string, str) else tuple(m.string)
            )
            for m in catalogue
            if m.id and not m.fuzzy and m.string and all(m.string)
        }

    with (MESSAGES / "messages.mo").open("rb") as mo:
        compiled = read_mo(mo)
    source = messages(welsh_catalogue())
    assert source, "the Welsh catalogue has no translated messages"
    assert messages(compiled) == source, (
        "messages.mo is stale: run `pybabel compile -d workbench/translations`"
    )
    assert compiled.plural_forms == welsh_catalogue().plural_forms


def test_the_switch_on_the_receipt_page_posts_the_receipt_again(client, db, activity_id):
    receipt = capture_story(db, activity_id, staff_user(db))
    client.get("/receipt?lang=cy")
    page = open_receipt(client, receipt.reference, receipt.secret).get_data(as_text=True)
    assert html_lang(page) == "cy"
    assert 'method="post" action="/receipt?lang=en"' in page
    english = open_receipt(client, receipt.reference, receipt.secret, "/receipt?lang=en")
    assert html_lang(english.get_data(as_text=True)) == "en"


ENGLISH_WORDS = re.compile(r"\b(the|your|you|we|and|of|to|is|was|it|this|will)\b", re.IGNORECASE)


def visible_text(page: str) -> str:
    """What a reader sees (the <title> included): no markup, scripts or styles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())


def english_pattern(msgid: str) -> re.Pattern:
    """A catalogue msgid as it would read on the page, whatever fills its placeholders."""
    parts = re.split(r"%\(\w+\)s", msgid)
    body = r".+?".join(re.escape(part) for part in parts)
    start = r"\b" if re.match(r"\w", msgid) else ""
    end = r"\b" if re.search(r"\w$", msgid) else ""
    return re.compile(start + body + end, re.IGNORECASE)


def receipt_pages(client, db, activity_id: int, lang: str) -> list[str]:
    """Every state of the storyteller's receipt pages, visited in one language."""
    receipt = capture_story(
        db,
        activity_id,
        None,
        consents={**dict.fromkeys(PURPOSES, False), "analysis": True, "publish_quotes": True},
        contact=None,
        equality=None,
    )
    ref, secret = receipt.reference, receipt.secret
    client.get(f"/receipt?lang={lang}")
    pages = [
        open_receipt(client, ref, "WRNG-SECR-ETNO-0000"),
        open_receipt(client, ref, secret),
        open_receipt(client, ref, secret, "/receipt/consent", want_share_partners="yes"),
        open_receipt(client, ref, secret, "/receipt/consent", confirm="y"),
        open_receipt(client, ref, secret, "/receipt/withdraw"),
    ]
    anonymise(db, receipt.story_id, "I rang [PERSON] at 8am every day for a week.")
    theme = new_theme(db, activity_id, "Ringing at 8am")
    theme_store.rename_theme(db, theme, "Ringing at 8am")  # reviewed: receipts show it
    with wdb.write(db):
        db["theme_members"].insert(
            {"theme_id": theme, "story_id": receipt.story_id, "source": "model"}
        )
    for status, dates in (
        ("planned", {"due_on": "2026-12-01"}),
        ("done", {"done_on": "2026-11-01"}),
    ):
        fields = ActionFields("Booking is hard", "Open online booking", "Practice", status, **dates)
        record_action(db, fields, by=None, theme_id=theme)
    pages += [
        open_receipt(
            client, ref, secret, "/receipt/consent", confirm="y", want_publish_quotes="no"
        ),
        open_receipt(
            client, ref, secret, "/receipt/evaluation", asked_at="receipt", listened="partly"
        ),
        open_receipt(client, ref, secret, "/receipt/withdraw", confirm="y"),
        open_receipt(client, ref, secret),
    ]
    return [response.get_data(as_text=True) for response in pages]


def test_the_receipt_pages_in_welsh_show_none_of_their_english_wording(client, db):
    """Each English sentence the catalogue translates, and the common English words, are absent
    once the words people typed (titles, plans, stories, actions) are taken out."""
    activity_id = open_activity(
        db, staff_user(db, "analyst"), feedback_date=(today() + timedelta(days=60)).isoformat()
    )
    # What staff typed, the notice the receipt page shows again among it (English here: the
    # activity was written in English only).
    notice_fields = ("purpose", "can_influence", "cannot_influence", "how_used", "who_sees")
    typed = [
        *(db["activities"].get(activity_id)[k] for k in ("title", "feedback_plan")),
        *(db["activities"].get(activity_id)[k] for k in notice_fields),
        db["activities"].get(activity_id)["partners"],
        "I rang [PERSON] at 8am every day for a week.",
        "Ringing at 8am",
        "Booking is hard",
        "Open online booking",
    ]
    translated = [m for m in welsh_catalogue() if m.id and m.string and m.string != m.id]
    pages = receipt_pages(client, db, activity_id, "cy")
    assert any("Ringing at 8am" in page for page in pages)
    for page in pages:
        assert html_lang(page) == "cy"
        text = visible_text(page)
        for words in typed:
            text = text.replace(words, " ")
        english = [m.id for m in translated if english_pattern(m.id).search(text)]
        assert english == [], text
        assert ENGLISH_WORDS.findall(text) == [], text


def test_the_receipt_pages_welsh_covers_what_the_english_pages_say(client, db):
    """The same visits in English show the sentences the Welsh test looks for: so its
    absence of English means they were translated, not that the page never showed them."""
    activity_id = open_activity(
        db, staff_user(db, "analyst"), feedback_date=(today() + timedelta(days=60)).isoformat()
    )
    english = visible_text(" ".join(receipt_pages(client, db, activity_id, "en")))
    for sentence in (
        "We could not open a receipt with that reference and secret.",
        "Tick the box to confirm the changes.",
        "Nothing has changed: choose a different answer first.",
        "Tick the box to confirm you want to withdraw.",
        "Your story is being anonymised and checked by a person.",
        "Not part of a theme yet.",
        "Theme “Ringing at 8am”: being reviewed by an analyst",
        "We will: Open online booking",
        "We did: Open online booking",
        "Your choices are saved. Publish short anonymised quotes: No.",
        "Thank you for telling us how it was.",
        "This story was withdrawn on",
        "When you will hear back",
    ):
        assert sentence in english, sentence


def test_receipt_wording_from_python_has_a_welsh_translation(app):
    """Stages, theme and action statuses, form labels and messages reach the receipt page from
    Python and are translated there with `|t`; each must be in the catalogue."""
    catalogue = welsh_catalogue()
    with app.test_request_context():
        change, withdraw = (
            ConsentChangeForm(meta={"csrf": False}),
            WithdrawForm(meta={"csrf": False}),
        )
        evaluation_form = EvaluationForm(meta={"csrf": False})
    forms_wording = [
        change.confirm.label.text,
        withdraw.confirm.label.text,
        ReceiptForm.reference.args[0],
        *(v.message for field in (change.confirm, withdraw.confirm) for v in field.validators),
        *(label for _value, label in change.want_publish_quotes.choices),
        *(evaluation_form[q].label.text for q in QUESTIONS),
        *(label for _value, label in evaluation_form.listened.choices),
    ]
    wording = [
        *STAGES,
        *THEME_STATUS_LABELS.values(),
        PREPARING,
        *STATUSES.values(),
        NOT_MATCHED,
        *forms_wording,
    ]
    untranslated = [text for text in wording if not (catalogue.get(text) or {}).string]
    assert untranslated == []


def test_a_welsh_form_sent_twice_says_so_in_welsh(client, db, activity_id):
    url = f"/tell/{activity_id}?lang=cy"
    page = client.get(url).get_data(as_text=True)
    hidden = dict(re.findall(r'name="(notice_id|submission_key)"[^>]*value="([^"]*)"', page))
    sent = [post_form(client, url, {**hidden, **online_form()}) for _ in range(2)]
    again = visible_text(sent[1].get_data(as_text=True))
    assert "Mae eich stori gennym eisoes" in again and "Anfonwyd eich ffurflen ddwywaith" in again
    assert "Your form was sent twice" not in again
    assert db["stories"].count == 1


@pytest.mark.parametrize(
    ("value", "english", "welsh"),
    [
        # British Summer Time: an hour ahead of UTC, and past midnight into the next day.
        ("2026-07-01T23:30:00+00:00", "2 July 2026, 00:30", "2 Gorffennaf 2026, 00:30"),
        ("2026-01-10T09:05:00+00:00", "10 January 2026, 09:05", "10 Ionawr 2026, 09:05"),
        ("2026-01-10T09:05:00", "10 January 2026, 09:05", "10 Ionawr 2026, 09:05"),
        ("2026-12-01", "1 December 2026", "1 Rhagfyr 2026"),
    ],
)
def test_times_are_shown_in_the_organisations_clock_and_language(app, value, english, welsh):
    with app.test_request_context():
        assert storyteller.when(value) == english
        with force_locale("cy"):
            assert storyteller.when(value) == welsh
    assert storyteller.when(None) == "" and storyteller.when("") == ""


def test_another_time_zone_can_be_configured_and_a_wrong_one_stops_the_app(app, tmp_path):
    elsewhere = create_app({**app.config, "WORKBENCH_TIMEZONE": "America/New_York"})
    with elsewhere.test_request_context():
        assert storyteller.when("2026-01-10T09:05:00+00:00") == "10 January 2026, 04:05"
    with pytest.raises(ValueError, match="WORKBENCH_TIMEZONE='Mars/Olympus'"):
        create_app({**app.config, "WORKBENCH_TIMEZONE": "Mars/Olympus"})


def test_the_list_of_open_activities_gives_its_closing_date_in_welsh(client, db, activity_id):
    closes = db["activities"].get(activity_id)["closes_on"]
    page = client.get("/tell?lang=cy").get_data(as_text=True)
    with client.application.test_request_context(), force_locale("cy"):
        shown = storyteller.when(closes)
    assert shown[-4:].isdigit() and f"tan {shown}" in unescape(page) and closes not in page


def _contact_language(db) -> list[str]:
    return [row["language"] for row in db.query("SELECT language FROM contacts ORDER BY story_id")]


def test_updates_are_in_the_language_of_the_form_unless_the_teller_chooses_another(
    client, db, activity_id
):
    contact = {"consent_contact": "yes", "contact_email": "teller@example.org"}
    client.get(f"/tell/{activity_id}?lang=cy")
    page = client.get(f"/tell/{activity_id}").get_data(as_text=True)
    assert "Iaith y diweddariadau" in page
    assert re.search(r'<option selected value="cy">Cymraeg</option>', page)
    assert tell(client, activity_id, online_form(**contact)).status_code == 201
    chosen = online_form(**contact, contact_language="en")
    assert tell(client, activity_id, chosen).status_code == 201
    refused = tell(client, activity_id, online_form(**contact, contact_language="xx"))
    assert refused.status_code == 400
    assert _contact_language(db) == ["cy", "en"]
