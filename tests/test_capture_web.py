"""Staff pages for activities and story capture, through the real app with CSRF on."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from conftest import login, make_user, post_form
from consent_support import open_activity

from consent import receipts
from consent.references import spoken
from plumbing.clock import today

STORY = "I waited <b>three weeks</b> for a call back about my mum's care plan."
REFERENCE_RE = re.compile(r"SW-[A-Z2-9]{4}-[A-Z2-9]{4}")
SECRET_RE = re.compile(r"data-secret>([A-Z2-9]{4}(?:-[A-Z2-9]{4}){3})<")


def consent_answers(**overrides: str) -> dict[str, str]:
    answers = {
        "consent_analysis": "yes",
        "consent_publish_quotes": "yes",
        "consent_share_partners": "no",
        "consent_contact": "no",
        "consent_equality_monitoring": "no",
    }
    return {**answers, **overrides}


def story_form(**overrides: str) -> dict[str, str]:
    return {
        "channel": "in_person",
        "story": STORY,
        "service": "Community nursing",
        "method": "written",
        **consent_answers(),
        **overrides,
    }


def hidden_fields(client, url: str) -> dict[str, str]:
    """The notice shown and the submission key that the story form at `url` carries."""
    page = client.get(url).get_data(as_text=True)
    return dict(re.findall(r'name="(notice_id|submission_key)"[^>]*value="([^"]*)"', page))


def submit_story(client, url: str, data: dict):
    """Sends a story form as a browser would: with the hidden fields of the page it loaded."""
    return post_form(client, url, {**hidden_fields(client, url), **data})


def record(client, activity_id: int, data: dict):
    return submit_story(client, f"/capture/activities/{activity_id}/stories/new", data)


def signed_in_with_activity(db, login_as, role: str = "gatherer"):
    """Signs in as a new `role` user who opens an activity: (user, activity id)."""
    user = login_as(role)
    return user, open_activity(db, user.id)


def staff_confirmed(client, action: str, reference: str, identity_check: str = "call_back"):
    """A staff action on a found story ("withdraw" or "reissue"), the teller's identity checked
    and the action confirmed."""
    form = {"reference": reference, "identity_check": identity_check, "confirm": "y"}
    return post_form(client, f"/capture/stories/{action}", form, "/capture/stories/find")


def gatherer_recorded_story(app, db):
    """A gatherer (gil) signed in on a client of their own records a story in an activity they
    opened: (that client, activity id, story reference)."""
    gatherer = make_user(db, "gatherer", "gil")
    activity_id = open_activity(db, gatherer.id)
    client = app.test_client()
    login(client, gatherer.username)
    reference, _secret = issued(record(client, activity_id, story_form()))
    return client, activity_id, reference


def issued(response) -> tuple[str, str]:
    page = response.get_data(as_text=True)
    return REFERENCE_RE.search(page).group(0), SECRET_RE.search(page).group(1)


def activity_fields(**overrides) -> dict:
    """The new-activity form filled in as an analyst would."""
    return {
        "title": "Leaving hospital",
        "purpose": "The discharge team wants to hear how leaving hospital went.",
        "can_influence": "How discharge is planned and explained.",
        "cannot_influence": "Bed numbers.",
        "how_used": "Anonymised, themed and reported to the discharge board.",
        "who_sees": "Healthwatch staff.",
        "feedback_plan": "A report on our website in the spring.",
        "opens_on": today().isoformat(),
        "closes_on": (today() + timedelta(days=60)).isoformat(),
        "channels": ["in_person", "online"],
        "retention_days": "400",
        **overrides,
    }


def test_an_analyst_creates_an_activity_with_its_notice(client, db, login_as):
    login_as("analyst")
    fields = activity_fields()
    response = post_form(client, "/capture/activities/new", fields)
    assert response.status_code == 302
    activity = db["activities"].get(1)
    assert activity["title"] == "Leaving hospital"
    assert db["notices"].count_where("activity_id = 1") == 1
    listing = client.get("/capture/activities").get_data(as_text=True)
    assert "Leaving hospital" in listing and "open now" in listing


def test_control_characters_typed_into_any_text_box_are_not_kept(app, client, db, login_as):
    """A NUL in an activity's title reached the public home page raw (found by probing):
    every form's text boxes are cleaned as stories are (workbench/form_base.py)."""
    login_as("analyst")
    fields = activity_fields(
        title="Leaving\x00 hospital\x07", purpose="How leaving hospital went.\r\nAnd after.\x1b"
    )
    response = post_form(client, "/capture/activities/new", fields)
    assert response.status_code == 302
    activity = db["activities"].get(1)
    assert activity["title"] == "Leaving hospital"
    assert activity["purpose"] == "How leaving hospital went.\nAnd after."
    home = app.test_client().get("/").get_data(as_text=True)  # the public home page
    assert "Leaving hospital" in home and "\x00" not in home


def test_an_activity_that_closes_before_it_opens_is_refused(client, db, login_as):
    login_as("admin")
    response = post_form(
        client,
        "/capture/activities/new",
        {"title": "Backwards", "opens_on": "2026-05-02", "closes_on": "2026-05-01"},
    )
    assert response.status_code == 400
    assert "on or after the opening date" in response.get_data(as_text=True)
    assert db["activities"].count == 0


def test_editing_the_wording_makes_a_new_notice_version(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    page = client.get(f"/capture/activities/{activity_id}/edit").get_data(as_text=True)
    assert "Getting a GP appointment" in page
    activity = db["activities"].get(activity_id)
    form = {k: activity[k] for k in ("title", "purpose", "can_influence", "who_sees")}
    form.update(
        cannot_influence="Nothing about national contracts.",
        how_used=activity["how_used"],
        feedback_plan=activity["feedback_plan"],
        opens_on=activity["opens_on"],
        closes_on=activity["closes_on"],
        channels=["in_person", "phone"],
        retention_days="365",
    )
    response = post_form(client, f"/capture/activities/{activity_id}/edit", form)
    assert response.status_code == 302
    assert db["notices"].count_where("activity_id = ?", [activity_id]) == 2


def test_a_gatherer_may_record_stories_but_not_manage_activities(client, db, login_as):
    login_as("gatherer")
    assert client.get("/capture/activities").status_code == 403
    assert client.get("/capture/activities/new").status_code == 403
    assert client.get("/capture/stories/new").status_code == 200


def test_the_notice_comes_before_the_story_and_no_consent_is_preselected(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    page = client.get(f"/capture/activities/{activity_id}/stories/new").get_data(as_text=True)
    assert page.index("Why we are asking") < page.index('name="story"')
    assert page.index("What you cannot influence") < page.index('name="story"')
    consent_inputs = re.findall(r'<input[^>]*name="consent_[a-z_]+"[^>]*>', page)
    assert len(consent_inputs) == 10  # yes and no for each of the five purposes
    assert not any("checked" in tag for tag in consent_inputs)


def test_a_gatherer_records_a_story_with_consent_and_gets_a_receipt(client, db, login_as):
    user, activity_id = signed_in_with_activity(db, login_as)
    response = record(client, activity_id, story_form())
    assert response.status_code == 201
    page = response.get_data(as_text=True)
    reference, secret = issued(response)
    assert "shown only this once" in page
    assert spoken(secret) in page and spoken(reference) in page  # to read aloud by phone
    assert "<svg" in page and "/receipt/card.png" in page
    assert "?secret" not in page and secret not in page.split("<svg")[1].split("</svg>")[0]
    story = db["stories"].get(1)
    assert story["reference"] == reference and story["text"] == STORY
    assert story["created_by"] == user.id and story["service"] == "Community nursing"
    consents = {r["purpose"]: r for r in db.query("SELECT * FROM consents")}
    assert consents["analysis"]["granted"] == 1 and consents["contact"]["granted"] == 0
    assert {r["recorded_by"] for r in consents.values()} == {f"user:{user.id}"}
    assert {r["method"] for r in consents.values()} == {"written"}
    key = receipts.verify(db, reference, secret)
    assert key is not None and key.story_id == story["id"]


def test_a_missing_consent_answer_reshows_the_form_and_saves_nothing(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    data = story_form()
    del data["consent_share_partners"]
    response = record(client, activity_id, data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing has been saved" in page and "Choose yes or no." in page
    assert "I waited &lt;b" in page and "<b>three" not in page  # kept, escaped
    assert db["stories"].count == 0 and db["consents"].count == 0


def test_refusing_analysis_saves_nothing(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    response = record(client, activity_id, story_form(consent_analysis="no"))
    assert response.status_code == 400
    assert "We can only keep a story" in response.get_data(as_text=True)
    assert db["stories"].count == 0


def test_verbal_consent_needs_a_note_made_at_the_time(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    response = record(client, activity_id, story_form(channel="phone", method="verbal"))
    assert response.status_code == 400
    assert db["stories"].count == 0
    note = "Read the notice out in full; she said yes to analysis and quotes."
    response = record(
        client, activity_id, story_form(channel="phone", method="verbal", method_note=note)
    )
    assert response.status_code == 201
    assert db["consents"].get((1, "analysis"))["method_note"] == note


def test_an_empty_story_and_a_forged_purpose_save_nothing(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    assert record(client, activity_id, story_form(story="   \n ")).status_code == 400
    forged = {**story_form(), "consent_sell_my_data": "yes"}
    assert record(client, activity_id, forged).status_code == 201
    assert db["consents"].count_where("purpose = 'sell_my_data'") == 0
    assert db["stories"].count == 1


def test_sending_the_same_form_twice_saves_one_story(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    url = f"/capture/activities/{activity_id}/stories/new"
    hidden = hidden_fields(client, url)
    first = post_form(client, url, {**hidden, **story_form()})
    second = post_form(client, url, {**hidden, **story_form()})
    assert first.status_code == second.status_code == 201
    assert "Already saved" in second.get_data(as_text=True)
    assert issued(first)[0] in second.get_data(as_text=True)
    assert db["stories"].count == 1


def test_equality_answers_are_stored_apart_and_never_shown_beside_the_story(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    answers = {"eq_religion": "Buddhist", "eq_postcode_district": "cv4", "eq_carer": "Yes"}
    response = record(client, activity_id, story_form(consent_equality_monitoring="yes", **answers))
    assert response.status_code == 201
    reference, secret = issued(response)
    stored = db["equality_answers"].get(1)
    assert stored["religion"] == "Buddhist" and stored["postcode_district"] == "CV4"
    receipt = response.get_data(as_text=True)
    found = post_form(client, "/capture/stories/find", {"reference": reference})
    status = post_form(
        client, "/receipt", {"reference": reference, "secret": secret}, form_page="/receipt"
    )
    for page in (receipt, found.get_data(as_text=True), status.get_data(as_text=True)):
        # The find page asks the questions again (for a later "yes"): its empty lists of
        # choices name every answer, so look outside them, and at what is selected.
        assert not re.search(r"<option[^>]*selected[^>]*>\s*Buddhist", page)
        outside_lists = re.sub(r"<select.*?</select>", "", page, flags=re.S)
        assert "Buddhist" not in outside_lists and "CV4" not in page


def test_equality_answers_without_their_consent_are_refused(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    response = record(client, activity_id, story_form(eq_religion="Buddhist"))
    assert response.status_code == 400
    assert db["stories"].count == 0 and db["equality_answers"].count == 0


def test_staff_withdraw_a_story_for_someone_after_checking_who_they_are(client, db, login_as):
    user, activity_id = signed_in_with_activity(db, login_as)
    reference, _secret = issued(record(client, activity_id, story_form()))
    found = post_form(client, "/capture/stories/find", {"reference": reference.lower()})
    assert found.status_code == 200 and "Withdraw the story" in found.get_data(as_text=True)
    unchecked = post_form(
        client, "/capture/stories/withdraw", {"reference": reference}, "/capture/stories/find"
    )
    assert unchecked.status_code == 302 and db["stories"].count == 1
    response = staff_confirmed(client, "withdraw", reference)
    assert response.status_code == 302
    assert db["stories"].count == 0
    tombstone = db["withdrawals"].get(reference)
    assert tombstone["method"] == "staff" and tombstone["by"] == f"user:{user.id}"
    assert db["jobs"].count_where("name = 'publish'") == 1
    actions = [r["action"] for r in db.query("SELECT action FROM audit_log")]
    assert "identity_checked" in actions and "story_withdrawn" in actions


def test_staff_reissue_a_secret_and_the_old_one_stops_working(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    reference, old = issued(record(client, activity_id, story_form()))
    response = staff_confirmed(client, "reissue", reference, "story_details")
    assert response.status_code == 201
    new = issued(response)[1]
    assert new != old
    assert receipts.verify(db, reference, old) is None
    assert receipts.verify(db, reference, new) is not None
    assert db["audit_log"].count_where("action = 'receipt_secret_reissued'") == 1


def test_a_closed_activity_takes_no_stories(client, db, login_as):
    user = login_as("gatherer")
    closed = open_activity(
        db,
        user.id,
        opens_on=(today() - timedelta(days=30)).isoformat(),
        closes_on=(today() - timedelta(days=1)).isoformat(),
    )
    assert client.get(f"/capture/activities/{closed}/stories/new").status_code == 404
    assert "Getting a GP appointment" not in client.get("/capture/stories/new").get_data(
        as_text=True
    )


CSV_HEADER = (
    "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
    "consent_equality_monitoring,consent_method,Where"
)


def csv_upload() -> bytes:
    rows = [
        CSV_HEADER,
        '"The ward was calm, and the night staff\r\nchecked on me every hour.",yes,yes,no,no,'
        "no,written,Ward 4",
        "The pharmacy ran out of my inhaler twice.,,,,,,written,High Street",
        "Parking cost more than the prescription.,yes,no,no,no,no,written,Car park",
    ]
    return "\ufeff".encode() + "\r\n".join(rows).encode() + b"\r\n"


def upload(client, activity_id: int, mode: str | None):
    data = {
        "activity_id": str(activity_id),
        "channel": "paper",
        "mapping": "area=Where",
        "file": (io.BytesIO(csv_upload()), "stories.csv"),
    }
    if mode:
        data["mode"] = mode
    return post_form(client, "/capture/import", data, content_type="multipart/form-data")


def test_an_analyst_imports_the_good_rows_and_sees_the_bad_ones_by_line(client, db, login_as):
    user = login_as("analyst")
    activity_id = open_activity(db, user.id, areas=["Ward 4", "Car park"])
    response = upload(client, activity_id, "skip_bad_rows")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 of 3 rows imported" in page
    assert re.search(r"<td>4</td><td>consent_analysis</td><td>No consent recorded", page)
    assert len(set(REFERENCE_RE.findall(page))) == 2
    texts = sorted(r["text"] for r in db.query("SELECT text FROM stories"))
    assert texts[1] == "The ward was calm, and the night staff\nchecked on me every hour."
    assert {r["area"] for r in db.query("SELECT area FROM stories")} == {"Ward 4", "Car park"}


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "admin")
    response = upload(client, activity_id, "all_or_nothing")
    assert response.status_code == 200
    assert "Nothing imported" in response.get_data(as_text=True)
    assert db["stories"].count == 0


def test_an_import_needs_an_explicit_choice_about_bad_rows(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as, "analyst")
    response = upload(client, activity_id, None)
    assert response.status_code == 400
    assert "Choose what happens to rows with problems." in response.get_data(as_text=True)
    assert db["stories"].count == 0
    login_as("gatherer")
    assert client.get("/capture/import").status_code == 403


def test_a_story_over_the_length_limit_is_refused_with_the_limit_named(app, client, db, login_as):
    app.config["STORY_MAX_CHARS"] = 200
    _, activity_id = signed_in_with_activity(db, login_as)
    response = record(client, activity_id, story_form(story="word " * 60))
    assert response.status_code == 400
    assert "longer than 200 characters" in response.get_data(as_text=True)
    assert db["stories"].count == 0


def test_a_gatherer_records_that_a_teller_wants_updates_in_welsh(client, db, login_as):
    _, activity_id = signed_in_with_activity(db, login_as)
    page = client.get(f"/capture/activities/{activity_id}/stories/new").get_data(as_text=True)
    assert '<option selected value="en">English</option>' in page  # staff pages are English
    contact = {"consent_contact": "yes", "contact_phone": "07700 900123"}
    response = record(client, activity_id, story_form(**contact, contact_language="cy"))
    assert response.status_code == 201
    assert db.execute("SELECT language FROM contacts").fetchall() == [("cy",)]
