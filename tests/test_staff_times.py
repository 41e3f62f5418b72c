"""Staff pages show times in the organisation's clock, written for people: "Sat 4 Jul 2026,
11:15", never "2026-07-04T10:15:00+00:00"."""

from __future__ import annotations

import re

import pytest
from consent_support import capture_story, open_activity, staff_user

from nlp.signals import Signal
from plumbing import db as wdb
from workbench import create_app, safeguarding
from workbench.times import staff_time

ISO_ON_PAGE = re.compile(r">[^<]*\d{4}-\d\d-\d\dT\d\d:\d\d")


@pytest.mark.parametrize(
    ("zone", "stored", "shown"),
    [
        ("Europe/London", "2026-07-04T10:15:00+00:00", "Sat 4 Jul 2026, 11:15"),  # BST
        ("Europe/London", "2026-12-02T10:15:00+00:00", "Wed 2 Dec 2026, 10:15"),  # GMT
        ("Europe/London", "2026-03-29T00:30:00+00:00", "Sun 29 Mar 2026, 00:30"),  # before 01:00
        ("Europe/London", "2026-03-29T01:30:00+00:00", "Sun 29 Mar 2026, 02:30"),  # after
        ("America/New_York", "2026-07-04T10:15:00+00:00", "Sat 4 Jul 2026, 06:15"),
        ("Europe/London", "2026-07-04", "Sat 4 Jul 2026"),
    ],
)
def test_times_are_in_the_configured_clock(tmp_path, zone, stored, shown):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "WORKBENCH_DB": str(tmp_path / "w.db"),
            "WORKBENCH_QUEUE": f"sqlite:///{tmp_path}/q.db",
            "WORKBENCH_TIMEZONE": zone,
        }
    )
    with app.test_request_context("/"):
        assert str(staff_time(stored)) == f'<time datetime="{stored}">{shown}</time>'


def test_something_that_is_not_a_time_is_shown_escaped_not_an_error(app):
    with app.test_request_context("/"):
        assert str(staff_time("<b>soon</b>")) == "&lt;b&gt;soon&lt;/b&gt;"
        assert str(staff_time(None)) == ""


def test_the_safeguarding_queue_and_a_flag_show_local_times(client, db, login_as):
    activity = open_activity(db, staff_user(db))
    story = capture_story(db, activity, None, text="Written for this test.").story_id
    signal = Signal("domestic_abuse", "rules", 'matched "hits me" (rule domestic_abuse#3)')
    safeguarding.record_signals(db, story, [signal])
    with wdb.write(db):
        db.execute("UPDATE safeguarding_flags SET created_at = '2026-07-04T10:15:00+00:00'")
    login_as("safeguarding")
    queue = client.get("/safeguarding").get_data(as_text=True)
    assert "Sat 4 Jul 2026, 11:15" in queue
    flag_id = db.execute("SELECT id FROM safeguarding_flags").fetchone()[0]
    flag = client.get(f"/safeguarding/flags/{flag_id}").get_data(as_text=True)
    assert "Sat 4 Jul 2026, 11:15" in flag
    for page in (queue, flag):
        assert not ISO_ON_PAGE.search(page.split("<main")[1])


def test_the_dashboard_and_publishing_show_job_times_locally(client, db, login_as):
    with wdb.write(db):
        db["jobs"].insert(
            {
                "name": "publish",
                "params": "{}",
                "status": "done",
                "progress": 1.0,
                "created_at": "2026-12-02T10:15:00+00:00",
                "finished_at": "2026-12-02T10:16:00+00:00",
            }
        )
    login_as("analyst")
    for url in ("/dashboard", "/publishing/"):
        page = client.get(url).get_data(as_text=True)
        assert "Wed 2 Dec 2026, 10:15" in page, url
        assert not ISO_ON_PAGE.search(page.split("<main")[1]), url


def test_activity_dates_are_written_for_people(client, db, login_as):
    user = login_as("analyst")
    open_activity(db, user.id, opens_on="2026-05-04", closes_on="2099-06-30")
    page = client.get("/capture/activities").get_data(as_text=True)
    assert "Mon 4 May 2026" in page and "Tue 30 Jun 2099" in page
    assert not re.search(r">[^<]*\d{4}-\d\d-\d\d", page.split("<main")[1])
