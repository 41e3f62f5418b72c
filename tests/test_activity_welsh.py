"""An activity written in Welsh too: each Welsh box optional, part of the notice's text (so a
change to it is a new version), shown on Welsh pages with English where none was given, and
never changing what English pages say."""

from __future__ import annotations

from conftest import post_form
from consent_support import ACTIVITY, open_activity, staff_user
from flask_babel import force_locale

from consent import activities
from workbench.i18n import localised, localised_notice

WELSH = {"title_cy": "Cael apwyntiad", "purpose_cy": "Mae'r practis yn ailgynllunio."}


def test_welsh_wording_is_part_of_the_notice_and_changing_it_makes_a_new_version(db):
    user = staff_user(db, "analyst")
    activity = open_activity(db, user, **WELSH)
    first = activities.current_notice(db, activity)
    assert "Cael apwyntiad" in first["text"] and "Mae'r practis yn ailgynllunio." in first["text"]
    fields = {**activities.get_activity(db, activity), "purpose_cy": "Mae'r practis yn newid."}
    activities.update_activity(db, activity, fields, user)
    assert activities.current_notice(db, activity)["version"] == 2


def test_an_activity_in_english_only_keeps_its_notice_text(db):
    activity = open_activity(db, staff_user(db, "analyst"))
    assert "Cymraeg" not in activities.current_notice(db, activity)["text"]


def test_welsh_pages_show_the_welsh_and_fall_back_to_english_box_by_box(app, db):
    activity = activities.get_activity(db, open_activity(db, staff_user(db, "analyst"), **WELSH))
    with app.test_request_context("/tell"):
        with force_locale("en"):
            assert localised(activity, "title") == ACTIVITY["title"]
            assert localised_notice(activity) == activities.notice_sections(activity)
        with force_locale("cy"):
            assert localised(activity, "title") == "Cael apwyntiad"
            sections = dict(localised_notice(activity))
    assert sections["Why we are asking"] == "Mae'r practis yn ailgynllunio."
    assert sections["What you can influence"] == ACTIVITY["can_influence"]
    assert "Partneriaid a enwir (dim ond os ydych yn cytuno)" in sections["Who will see it"]
    assert sections["How long we keep it"].startswith("Rydym yn cadw storïau am 365 diwrnod")


def test_an_analyst_writes_the_welsh_in_the_activity_form(client, db, login_as):
    login_as("analyst")
    data = {
        **{k: v for k, v in ACTIVITY.items() if k != "channels"},
        "channels": ["online"],
        "opens_on": "2026-01-01",
        "closes_on": "2026-12-31",
        **WELSH,
        "who_sees_cy": "x" * 4001,
    }
    refused = post_form(client, "/capture/activities/new", data)
    assert refused.status_code == 400 and db["activities"].count == 0
    data["who_sees_cy"] = "Ein staff."
    post_form(client, "/capture/activities/new", data)
    saved = db["activities"].get(1)
    assert (saved["title_cy"], saved["who_sees_cy"], saved["can_influence_cy"]) == (
        "Cael apwyntiad",
        "Ein staff.",
        None,
    )
