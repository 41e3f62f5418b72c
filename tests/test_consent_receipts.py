"""The storyteller's receipt: find the story again, see its progress, change any consent."""

from __future__ import annotations

import io
import random

import pytest
import zxingcpp
from consent_support import (
    ALL_YES,
    anonymise,
    consent_db,
    derive_everything,
    new_theme,
    told_story,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFilter

from consent import receipts, references
from consent.errors import ConsentError
from nlp.themes import store as theme_store
from plumbing import db as wdb
from workbench.receipt_view import receipt_view

db = consent_db


@pytest.fixture
def setting(db):
    return told_story(db, text="Original: Dr Patel at Hillside saw me.")


@pytest.mark.parametrize(
    "typed_reference, typed_secret",
    [
        (lambda r: r.reference, lambda s: s),
        (lambda r: r.reference.lower().replace("-", " "), lambda s: s.lower()),
        (lambda r: r.reference.removeprefix("SW-"), lambda s: s.replace("-", "")),
    ],
    ids=["as printed", "lower case with spaces", "without prefix or dashes"],
)
def test_verify_accepts_the_receipt_however_it_is_typed(db, setting, typed_reference, typed_secret):
    _user, activity, receipt = setting
    key = receipts.verify(db, typed_reference(receipt), typed_secret(receipt.secret))
    assert key == receipts.StoryKey(receipt.reference, receipt.story_id, activity, False)


@pytest.mark.parametrize("symbols", ["SWJDG52X", "SW2345AB", "7KQ2M9XD"])
@pytest.mark.parametrize("typed", ["{s}", "SW-{s}", "sw {s}", "{dashed}", "SW{s}"])
def test_a_reference_typed_without_its_prefix_keeps_letters_that_look_like_the_prefix(
    symbols, typed
):
    """A reference whose own symbols begin with SW (one in about a thousand) once lost them
    when typed without the prefix, so its storyteller could not open the receipt."""
    canonical = f"SW-{symbols[:4]}-{symbols[4:]}"
    value = typed.format(s=symbols, dashed=f"{symbols[:4]}-{symbols[4:]}")
    assert references.normalise_reference(value) == canonical


@pytest.mark.parametrize("typed", ["XY-7KQ2-M9XD", "SW-SW-7KQ2-M9XD", "7KQ2-M9X", "SW-7KQ2-M9XDA"])
def test_a_value_that_is_not_eight_symbols_after_the_prefix_is_no_reference(typed):
    assert references.normalise_reference(typed) is None


def test_an_unknown_reference_and_a_wrong_secret_get_the_same_answer(db, setting, monkeypatch):
    _user, _activity, receipt = setting
    checks = []
    real = references.secret_matches
    monkeypatch.setattr(references, "secret_matches", lambda h, s: checks.append(h) or real(h, s))
    wrong_secret = receipts.verify(db, receipt.reference, references.new_secret())
    unknown = receipts.verify(db, references.new_reference(), receipt.secret)
    garbage = receipts.verify(db, "not a reference", receipt.secret)
    assert wrong_secret is unknown is garbage is None
    assert len(checks) == 3  # one argon2 verification each, so the timing matches


def test_the_receipt_view_shows_only_the_anonymised_text(db, setting):
    _user, activity, receipt = setting
    key = receipts.verify(db, receipt.reference, receipt.secret)
    view = receipt_view(db, key)
    assert view["stage"] == "received" and view["anonymised_text"] is None
    assert view["anonymised_message"]
    anonymise(db, receipt.story_id, "Original: [PERSON] at [LOCATION] saw me.", status="checked")
    theme = new_theme(db, activity, "Being seen", status="approved")
    with wdb.write(db):  # approved, but its label (rebuilt since) not yet reviewed
        db.execute("UPDATE themes SET label_reviewed = 0 WHERE id = ?", [theme])
    derive_everything(db, receipt.story_id, theme, "saw me")
    view = receipt_view(db, key)
    assert view["anonymised_text"] == "Original: [PERSON] at [LOCATION] saw me."
    # Approved, but no published file counts it yet; the label no analyst reviewed is hidden.
    assert view["stage"] == "in a theme"
    assert [(t["label"], t["status"]) for t in view["themes"]] == [(None, "approved")]
    theme_store.approve_theme(db, theme)  # an analyst reviews it, label and all
    theme_store.mark_published(db, {theme: [receipt.story_id]})  # as publishing does
    view = receipt_view(db, key)
    assert view["stage"] == "published"
    assert [(t["label"], t["status"]) for t in view["themes"]] == [("Being seen", "published")]
    assert {p["name"]: p["granted"] for p in view["purposes"]} == ALL_YES
    assert "Patel" not in repr(view) and "Hillside" not in repr(view)


def test_a_pending_anonymisation_is_not_shown(db, setting):
    _user, _activity, receipt = setting
    anonymise(db, receipt.story_id, "draft text not yet ready", status="pending")
    view = receipt_view(db, receipts.verify(db, receipt.reference, receipt.secret))
    assert view["anonymised_text"] is None and view["stage"] == "received"


def test_withdrawing_publish_quotes_deletes_the_story_quotes(db, setting):
    _user, activity, receipt = setting
    theme = new_theme(db, activity, "Being seen", status="approved")
    derive_everything(db, receipt.story_id, theme, "saw me")
    change = receipts.change_consent(
        db, receipt.story_id, "publish_quotes", False, "storyteller", "online"
    )
    assert change.changed and change.republish and change.theme_ids == [theme]
    assert db["quotes"].count == 0
    assert db["theme_members"].count == 1  # still part of the theme's analysis
    event = list(db.query("SELECT * FROM consent_events ORDER BY id DESC LIMIT 1"))[0]
    assert (event["purpose"], event["granted"], event["by"]) == ("publish_quotes", 0, "storyteller")
    consent = db["consents"].get((receipt.story_id, "publish_quotes"))
    assert consent["granted"] == 0 and consent["method"] == "online"


@pytest.mark.parametrize(
    "purpose, table, published",
    [("contact", "contacts", False), ("equality_monitoring", "equality_answers", True)],
)
def test_withdrawing_contact_or_equality_deletes_those_answers(
    db, setting, purpose, table, published
):
    """Equality answers are in the published reach totals, so taking them back rebuilds
    publication (probing found the totals unchanged until someone published by hand)."""
    _user, _activity, receipt = setting
    assert db[table].count == 1
    change = receipts.change_consent(db, receipt.story_id, purpose, False, "user:1", "verbal")
    assert db[table].count == 0
    assert db["stories"].count == 1
    assert change.republish is published


def test_withdrawing_analysis_withdraws_the_whole_story(db, setting):
    _user, _activity, receipt = setting
    change = receipts.change_consent(
        db, receipt.story_id, "analysis", False, "storyteller", "online"
    )
    assert change.withdrawn and change.republish
    assert db["stories"].count == 0
    assert db["withdrawals"].get(receipt.reference)["method"] == "receipt"


def test_granting_again_is_recorded_and_repeating_the_same_answer_changes_nothing(db, setting):
    _user, _activity, receipt = setting
    events = db["consent_events"].count
    receipts.change_consent(db, receipt.story_id, "share_partners", False, "storyteller", "online")
    regrant = receipts.change_consent(
        db, receipt.story_id, "share_partners", True, "storyteller", "online"
    )
    same = receipts.change_consent(
        db, receipt.story_id, "share_partners", True, "storyteller", "online"
    )
    assert regrant.changed and not same.changed
    assert db["consent_events"].count == events + 2
    audited = [
        r["detail"]
        for r in db.query("SELECT detail FROM audit_log WHERE action = 'consent_changed'")
    ]
    assert len(audited) == 2


@pytest.mark.parametrize(
    "purpose, granted, method, field",
    [
        ("marketing", False, "online", "purpose"),
        ("contact", "no", "online", "granted"),
        ("contact", False, "pigeon", "method"),
    ],
)
def test_a_forged_consent_change_is_refused(db, setting, purpose, granted, method, field):
    _user, _activity, receipt = setting
    with pytest.raises(ConsentError) as raised:
        receipts.change_consent(db, receipt.story_id, purpose, granted, "storyteller", method)
    assert field in raised.value.errors
    assert db["consents"].count_where("granted = 1") == 5


def test_reissuing_a_secret_replaces_the_old_one(db, setting):
    _user, _activity, receipt = setting
    new_secret = receipts.reissue_secret(db, receipt.story_id, by="user:1")
    assert receipts.verify(db, receipt.reference, receipt.secret) is None
    assert receipts.verify(db, receipt.reference, new_secret).story_id == receipt.story_id
    assert [r["action"] for r in db.query("SELECT action FROM audit_log ORDER BY id")][-1] == (
        "receipt_secret_reissued"
    )
    assert new_secret not in "\n".join(db.conn.iterdump())


def test_a_lightly_hashed_imported_secret_is_upgraded_on_first_use(db, setting):
    _user, _activity, receipt = setting
    secret = references.new_secret()
    db["stories"].update(
        receipt.story_id, {"secret_hash": references.hash_secrets_bulk([secret])[0]}
    )
    assert references.needs_rehash(db["stories"].get(receipt.story_id)["secret_hash"])
    assert receipts.verify(db, receipt.reference, secret)
    upgraded = db["stories"].get(receipt.story_id)["secret_hash"]
    assert not references.needs_rehash(upgraded)
    assert receipts.verify(db, receipt.reference, secret).story_id == receipt.story_id


def test_the_qr_code_decodes_to_the_receipt_url_with_the_secret_in_the_fragment(setting):
    _user, _activity, receipt = setting
    url = receipts.receipt_url("https://stories.example.org", receipt.reference, receipt.secret)
    assert url == f"https://stories.example.org/receipt#{receipt.reference}.{receipt.secret}"
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(receipts.qr_png(url))))
    assert [d.text for d in decoded] == [url]
    assert receipts.qr_svg(url).startswith("<svg")


@settings(max_examples=40, deadline=None)
@given(
    base=st.sampled_from(["https://stories.example.org", "http://localhost:5000"]),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_every_receipt_qr_code_decodes_with_the_fixed_mask(base, seed):
    """The mask is fixed rather than chosen per code: whatever the reference and secret, a
    small printed code (2 pixels per module, softened) still reads back exactly."""
    rng = random.Random(seed)
    symbols = references.ALPHABET
    reference = "SW-" + "-".join("".join(rng.choices(symbols, k=4)) for _ in range(2))
    secret = "-".join("".join(rng.choices(symbols, k=4)) for _ in range(4))
    url = receipts.receipt_url(base, reference, secret)
    image = Image.open(io.BytesIO(receipts.qr_png(url))).convert("L")
    small = image.resize((image.width // 4, image.height // 4), Image.BILINEAR)
    soft = small.filter(ImageFilter.GaussianBlur(0.5))
    assert [d.text for d in zxingcpp.read_barcodes(soft)] == [url]


def test_the_spoken_secret_has_a_word_for_every_symbol(setting):
    _user, _activity, receipt = setting
    words = receipt.spoken_secret.replace(",", "").split()
    assert len(words) == 16
    assert all(w in references.SPOKEN.values() for w in words)


def test_staff_can_find_a_story_by_reference_without_seeing_its_text(db, setting):
    _user, _activity, receipt = setting
    found = receipts.find_by_reference(db, receipt.reference.lower())
    assert found["story_id"] == receipt.story_id and not found["withdrawn"]
    assert "Patel" not in repr(found)
    receipts.change_consent(db, receipt.story_id, "analysis", False, "user:1", "verbal")
    gone = receipts.find_by_reference(db, receipt.reference)
    assert gone["withdrawn"] and gone["story_id"] is None
    assert receipts.find_by_reference(db, "SW-AAAA-AAAA") is None


def test_a_secret_hashed_with_older_capture_parameters_is_moved_to_the_current_ones(db, setting):
    from argon2 import PasswordHasher

    _user, _activity, receipt = setting
    secret = references.new_secret()
    older = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
    db["stories"].update(
        receipt.story_id, {"secret_hash": older.hash(references.normalise_secret(secret))}
    )
    assert not receipts.verify(db, receipt.reference, references.new_secret())
    assert receipts.verify(db, receipt.reference, secret)
    current = db["stories"].get(receipt.story_id)["secret_hash"]
    assert current.startswith("$argon2id$") and "m=19456" not in current
    assert not references.needs_rehash(current)
