"""Staff raise a safeguarding concern by hand, with a reason, from each page where they read a
story: the check page, a theme and the priorities page. It joins the lead's queue, the lead is
told, and the audit log records who raised what about which story, never the reason."""

from __future__ import annotations

import re

import pytest
from conftest import csrf_token
from consent_support import anonymise, capture_story, open_activity, staff_user
from publish_fixtures import seed_under_framework

from workbench import safeguarding

REASON = "Worried: the teller mentions being left without heating all week; please call back."
CONCERN_FORM = re.compile(
    r'<form method="post" action="(/safeguarding/concerns)".*?</form>', re.DOTALL
)


@pytest.fixture
def seeded(db):
    return seed_under_framework(db)


def concern_forms(page: str) -> list[dict[str, str]]:
    """Each concern form on a page, with the hidden values it would send."""
    forms = []
    for match in CONCERN_FORM.finditer(page):
        hidden = dict(re.findall(r'name="(story|next|csrf_token)" value="([^"]*)"', match[0]))
        forms.append({"action": match[1], **hidden})
    return forms


def raise_from(client, url: str, signal: str = "adult_abuse_neglect", reason: str = REASON):
    """Open the page as staff do, and send the first concern form on it."""
    page = client.get(url)
    assert page.status_code == 200
    form = concern_forms(page.get_data(as_text=True))[0]
    data = {**form, "signal": signal, "reason": reason}
    action = data.pop("action")
    return client.post(action, data=data), int(form["story"]), form["next"]


def audit_details(db) -> str:
    return " ".join(str(r["detail"]) for r in db.query("SELECT detail FROM audit_log"))


@pytest.mark.parametrize("where", ["theme", "priorities"])
def test_an_analyst_raises_a_concern_where_they_read_the_story(client, db, login_as, seeded, where):
    analyst = login_as("analyst")
    url = (
        f"/review/themes/{next(iter(seeded['themes'].values()))}"
        if where == "theme"
        else f"/review/priorities/?activity={seeded['activity']}"
    )
    response, story_id, back = raise_from(client, url)
    assert response.status_code == 302 and response.headers["Location"] == back
    assert back.startswith(url.split("?")[0])
    [flag] = safeguarding.queue(db)
    assert (flag["story_id"], flag["signal"], flag["source"]) == (
        story_id,
        "adult_abuse_neglect",
        "staff",
    )
    assert flag["raised_by"] == analyst.id and REASON in flag["why"]
    assert "safeguarding_raised" in {r["action"] for r in db.query("SELECT action FROM audit_log")}
    assert f"story={story_id} signal=adult_abuse_neglect" in audit_details(db)
    assert "heating" not in audit_details(db)
    assert ("safeguarding_alerts", "{}") in db.execute("SELECT name, params FROM jobs").fetchall()
    assert "in the safeguarding lead" in client.get(back).get_data(as_text=True)


def test_a_gatherer_raises_a_concern_from_the_check_page_of_their_own_story_only(
    client, db, login_as
):
    gatherer = login_as("gatherer")
    activity = open_activity(db, gatherer.id)
    mine = capture_story(db, activity, gatherer.id, text="The carer shouted at dad again.")
    anonymise(db, mine.story_id, "The carer shouted at dad again.", "ready")
    response, story_id, _ = raise_from(client, f"/checks/{mine.story_id}", "other_concern")
    assert response.status_code == 302 and story_id == mine.story_id
    assert [f["signal"] for f in safeguarding.queue(db)] == ["other_concern"]
    assert safeguarding.queue(db)[0]["severity"] == "high"

    theirs = capture_story(db, activity, staff_user(db), text="Another gatherer's story.")
    token = csrf_token(client, f"/checks/{mine.story_id}")
    refused = client.post(
        "/safeguarding/concerns",
        data={
            "csrf_token": token,
            "story": theirs.story_id,
            "signal": "domestic_abuse",
            "reason": REASON,
        },
    )
    assert refused.status_code == 403
    assert len(safeguarding.queue(db)) == 1


def test_planners_cannot_raise_concerns(client, db, login_as, seeded):
    login_as("planner")
    token = csrf_token(client, "/dashboard")
    story = next(iter(seeded["stories"].values()))
    response = client.post(
        "/safeguarding/concerns",
        data={"csrf_token": token, "story": story, "signal": "domestic_abuse", "reason": REASON},
    )
    assert response.status_code == 403 and safeguarding.queue(db) == []


@pytest.mark.parametrize(
    ("signal", "reason", "story"),
    [
        ("adult_abuse_neglect", "   \n\t ", None),  # a reason of only spaces
        ("complaint", REASON, None),  # not something the lead's queue takes
        ("adult_abuse_neglect", "x" * 2001, None),  # over the limit
        ("adult_abuse_neglect", REASON, 999_999),  # no such story
    ],
)
def test_a_concern_that_cannot_be_raised_says_why_and_raises_nothing(
    client, db, login_as, seeded, signal, reason, story
):
    login_as("analyst")
    url = f"/review/priorities/?activity={seeded['activity']}"
    form = concern_forms(client.get(url).get_data(as_text=True))[0]
    data = {**form, "signal": signal, "reason": reason}
    if story:
        data["story"] = story
    response = client.post(data.pop("action"), data=data, follow_redirects=True)
    assert response.status_code == 200
    assert "The concern was not sent" in response.get_data(as_text=True)
    assert safeguarding.queue(db) == []


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/x",
        "/\\evil.example/x",
        "/\t/evil.example/x",  # browsers drop the tab: "//evil.example/x"
        "/\n/evil.example/x",  # was a 500: a line break cannot go into a header
        "/\r\n/evil.example/x",
        "/ /evil.example",
        "https://evil.example/",
        "evil.example",
    ],
)
def test_a_form_sent_elsewhere_returns_to_this_site_only(client, db, login_as, seeded, target):
    login_as("analyst")
    url = f"/review/priorities/?activity={seeded['activity']}"
    form = concern_forms(client.get(url).get_data(as_text=True))[0]
    data = {**form, "signal": "domestic_abuse", "reason": REASON, "next": target}
    response = client.post(data.pop("action"), data=data)
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"


def test_a_second_concern_joins_the_open_flag_and_one_after_closing_raises_a_new_one(db):
    activity = open_activity(db, staff_user(db))
    story = capture_story(db, activity, None, text="We were fine, thank you.").story_id
    first, second = staff_user(db, "analyst"), staff_user(db, "analyst")
    flag_id, new = safeguarding.raise_concern(db, story, "domestic_abuse", REASON, first)
    again, added = safeguarding.raise_concern(db, story, "domestic_abuse", "Also: bruises.", second)
    assert new and not added and again == flag_id
    assert "heating" in safeguarding.get_flag(db, flag_id)["why"]
    assert "bruises" in safeguarding.get_flag(db, flag_id)["why"]
    safeguarding.close(db, flag_id, staff_user(db, "safeguarding"), "Spoke to her; safe.")
    reopened, fresh = safeguarding.raise_concern(db, story, "domestic_abuse", REASON, second)
    assert fresh and reopened != flag_id
    assert [f["id"] for f in safeguarding.queue(db)] == [reopened]
    # The detector adds what it finds to the open flag: nothing new is raised.
    from nlp.signals import Signal

    closed_signal = Signal("domestic_abuse", "rules", 'matched "hits me"')
    assert safeguarding.record_signals(db, story, [closed_signal]) == []
