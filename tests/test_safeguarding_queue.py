"""The lead's queue stays usable under a flood of flagged stories: one row per story, grouped by
activity, paged, the urgent and overdue first, nothing dropped; urgent flags waiting show on the
lead's dashboard and as a count beside "Safeguarding" in the menu."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from consent_support import capture_story, open_activity, staff_user

from nlp.signals import POSSIBLE_PREFIX, Signal
from plumbing import db as wdb
from workbench import safeguarding

URGENT = Signal("suicide_self_harm", "rules", 'matched "want to die" (rule suicide_self_harm#1)')
ABUSE = Signal("domestic_abuse", "rules", 'matched "hits me" (rule domestic_abuse#3)')
DANGER = Signal("immediate_danger", "rules", 'matched "not safe" (rule immediate_danger#2)')


def stories(db, activity: int, n: int, signals: list[Signal], hours_ago: float = 0) -> list[int]:
    ids = []
    for _ in range(n):
        story = capture_story(db, activity, None, text="Written for this test.").story_id
        safeguarding.record_signals(db, story, signals)
        ids.append(story)
    if hours_ago:
        raised = (datetime.now(UTC) - timedelta(hours=hours_ago)).isoformat(timespec="seconds")
        with wdb.write(db):
            db.execute(
                "UPDATE safeguarding_flags SET created_at = ? "
                "WHERE story_id IN (SELECT value FROM json_each(?))",
                [raised, str(ids)],
            )
    return ids


def rows(page: str) -> list[int]:
    return [int(s) for s in re.findall(r'<tr data-story="(\d+)"', page)]


def test_a_flood_is_one_row_per_story_paged_urgent_first_and_nothing_dropped(client, db, login_as):
    user = staff_user(db)
    busy, quiet = open_activity(db, user), open_activity(db, user, title="Dental care")
    old_abuse = stories(db, busy, 40, [ABUSE], hours_ago=2)  # waiting longest, not urgent
    urgent = stories(db, busy, 20, [URGENT, DANGER, ABUSE])
    elsewhere = stories(db, quiet, 10, [ABUSE])
    login_as("safeguarding")
    seen, pages = [], []
    for number in (1, 2, 3):
        page = client.get(f"/safeguarding?page={number}").get_data(as_text=True)
        pages.append(page)
        seen += rows(page)
    assert [len(rows(p)) for p in pages] == [25, 25, 20]
    assert sorted(seen) == sorted(old_abuse + urgent + elsewhere)  # each story once
    assert set(seen[:20]) == set(urgent)  # urgent stories waiting come first
    assert "Page 1 of 3" in pages[0] and "70 stories" in pages[0]
    # Three flags on one story are one row, most urgent first.
    first = pages[0].split(f'<tr data-story="{seen[0]}"')[1].split("</tr>")[0]
    assert first.count("data-flag=") == 3
    assert first.index("Thoughts of suicide") < first.index("Domestic abuse")
    only_dental = client.get(f"/safeguarding?activity={quiet}").get_data(as_text=True)
    assert sorted(rows(only_dental)) == sorted(elsewhere)
    assert "Dental care (10 stories)" in only_dental
    assert "Page 9 of" not in client.get("/safeguarding?page=9").get_data(as_text=True)


def test_overdue_stories_come_before_those_merely_waiting(client, db, login_as):
    activity = open_activity(db, staff_user(db))
    fresh = stories(db, activity, 1, [ABUSE])
    late = stories(db, activity, 1, [ABUSE], hours_ago=5)
    login_as("safeguarding")
    page = client.get("/safeguarding").get_data(as_text=True)
    assert rows(page) == late + fresh
    assert "(overdue)" in page


def test_closed_flags_leave_the_queue_but_stay_on_record(client, db, login_as):
    activity = open_activity(db, staff_user(db))
    [story] = stories(db, activity, 1, [ABUSE])
    [flag] = safeguarding.queue(db)
    safeguarding.close(db, flag["id"], staff_user(db, "safeguarding"), "No concern on review")
    login_as("safeguarding")
    assert rows(client.get("/safeguarding").get_data(as_text=True)) == []
    assert rows(client.get("/safeguarding?closed=1").get_data(as_text=True)) == [story]


def test_the_lead_sees_urgent_flags_on_the_dashboard_and_a_count_in_the_menu(client, db, login_as):
    activity = open_activity(db, staff_user(db))
    stories(db, activity, 2, [URGENT])
    stories(db, activity, 3, [ABUSE])
    login_as("planner")
    assert "data-badge" not in client.get("/dashboard").get_data(as_text=True)
    assert "data-urgent-flags" not in client.get("/dashboard").get_data(as_text=True)
    lead = login_as("safeguarding")
    dashboard = client.get("/dashboard").get_data(as_text=True)
    badge = re.search(
        r'<span class="badge" data-badge>(\d+)<span class="visually-hidden">', dashboard
    )
    assert badge and badge[1] == "2"
    assert "2 urgent safeguarding flags waiting for someone" in dashboard
    urgent_ids = [f["id"] for f in safeguarding.queue(db) if f["severity"] == "urgent"]
    assert f"/safeguarding/flags/{urgent_ids[0]}" in dashboard
    safeguarding.acknowledge(db, urgent_ids[0], lead.id)
    assert ">1<span" in client.get("/safeguarding").get_data(as_text=True)
    safeguarding.acknowledge(db, urgent_ids[1], lead.id)
    after = client.get("/dashboard").get_data(as_text=True)
    assert "data-badge" not in after and "data-urgent-flags" not in after


def test_a_sure_risk_to_life_comes_before_one_the_model_only_thinks_possible(client, db, login_as):
    activity = open_activity(db, staff_user(db))
    possible = Signal(
        "suicide_self_harm",
        "classifier",
        f'{POSSIBLE_PREFIX}model 0.45 (possible from 0.42, sure from 0.62) on the words "x"',
        0.45,
        tier="possible",
    )
    waiting_longer = stories(db, activity, 1, [possible], hours_ago=0.5)
    sure = stories(db, activity, 1, [URGENT])
    login_as("safeguarding")
    page = client.get("/safeguarding").get_data(as_text=True)
    assert rows(page) == sure + waiting_longer
    assert POSSIBLE_PREFIX.strip(": ") in page
