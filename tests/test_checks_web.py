"""The human check of anonymisation through the real app: CSRF on, the real spaCy model."""

from __future__ import annotations

import pytest
from conftest import check_page_post, make_user
from consent_support import anonymised_story

from nlp import checks

STORY = (
    "My name is Margaret Thompson and my NHS number is 943 476 5919. The nurse at "
    "Riverside Medical Centre rang me on 07700 900123. My neighbour Bert helped a lot."
)


@pytest.fixture
def story(db):
    return anonymised_story(db, make_user(db, "gatherer", "gemma"), STORY)


def test_the_gatherer_sees_findings_highlighted_beside_the_preview(client, db, story):
    from conftest import login

    login(client, "gemma")
    assert "Check" in client.get("/checks/").get_data(as_text=True)
    page = client.get(f"/checks/{story}").get_data(as_text=True)
    assert '<mark class="finding f-person"' in page
    assert "943 476 5919</mark>" not in page or "f-nhs_number" in page
    preview = page.split("Anonymised preview")[1].split("</div>")[0]
    assert "Margaret" not in preview and "07700 900123" not in preview


def test_confirming_removes_kept_findings_adds_missed_ones_and_deletes_the_original(
    client, db, story
):
    from conftest import login

    login(client, "gemma")
    kept = [
        f"{f.start}:{f.end}:{f.label}"
        for f in checks.findings_for(db, story)
        if "Riverside" not in STORY[f.start : f.end]
    ]
    response = check_page_post(
        client,
        story,
        {"finding": kept, "add_text": "Bert", "add_label": "PERSON", "action": "confirm"},
    )
    assert response.status_code == 302
    row = db["anonymisations"].get(story)
    assert row["status"] == "checked"
    assert "Bert" not in row["text"] and "Margaret" not in row["text"]
    assert "Riverside Medical Centre" in row["text"]  # the reviewer unticked it
    assert db["stories"].get(story)["text"] is None
    assert db.execute("SELECT name FROM jobs").fetchall() == [("after_check",)]
    assert (
        db.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'anonymisation_checked'"
        ).fetchone()[0]
        == 1
    )


def test_added_text_that_is_not_in_the_story_is_refused_and_nothing_changes(client, db, story):
    from conftest import login

    login(client, "gemma")
    response = check_page_post(
        client,
        story,
        {"add_text": "Zebedee", "add_label": "PERSON", "action": "confirm"},
    )
    assert response.status_code == 400
    assert "does not appear" in response.get_data(as_text=True)
    assert db["anonymisations"].get(story)["status"] == "ready"


def test_text_added_over_a_kept_finding_is_joined_to_it_never_shown(client, db, story):
    """Probing found an added address overlapping the machine's findings un-mask part of
    them in the stored text; overlapping findings are now joined, whatever their labels."""
    from conftest import login

    login(client, "gemma")
    start = STORY.index("Riverside")
    kept = [f"{f.start}:{f.end}:{f.label}" for f in checks.findings_for(db, story)]
    kept.append(f"{start}:{start + len('Riverside')}:LOCATION")
    response = check_page_post(
        client,
        story,
        {
            "finding": kept,
            "add_text": "Riverside Medical Centre rang me on 07700",
            "add_label": "CARE_SETTING",
            "action": "confirm",
        },
    )
    assert response.status_code == 302
    text = db["anonymisations"].get(story)["text"]
    for word in ("Riverside", "Medical", "Centre", "rang", "07700", "900123", "Margaret"):
        assert word not in text


@pytest.mark.parametrize(
    "finding", ["0:9999:PERSON", "23:12:PERSON", "5:5:PERSON", "9" * 30 + ":1:PERSON"]
)
@pytest.mark.parametrize("action", ["confirm", "preview"])
def test_a_finding_outside_the_story_is_refused_with_a_message(client, db, story, finding, action):
    from conftest import login

    login(client, "gemma")
    response = check_page_post(client, story, {"finding": [finding], "action": action})
    assert response.status_code == 400
    assert "no longer fits the story" in response.get_data(as_text=True)
    assert db["anonymisations"].get(story)["status"] == "ready"


def test_another_gatherer_cannot_see_the_original(client, db, story, login_as):
    login_as("gatherer")
    assert client.get(f"/checks/{story}").status_code == 403


def test_an_analyst_can_check_any_story(client, db, story, login_as):
    login_as("analyst")
    assert client.get(f"/checks/{story}").status_code == 200


def test_a_check_made_on_another_story_or_text_is_never_applied(client, db, story):
    """The page records which story and text it was opened for; a form from another (ids were
    once reused after a withdrawal) is sent back to be checked again, and nothing is saved."""
    from conftest import csrf_token, login

    login(client, "gemma")
    kept = [f"{f.start}:{f.end}:{f.label}" for f in checks.findings_for(db, story)]
    token = csrf_token(client, f"/checks/{story}")
    for shown in ("", "0" * 32):
        response = client.post(
            f"/checks/{story}",
            data={"csrf_token": token, "shown": shown, "finding": kept, "action": "confirm"},
        )
        assert response.status_code == 302
        assert response.headers["Location"].endswith(f"/checks/{story}")
    assert db["anonymisations"].get(story)["status"] == "ready"
    assert db["stories"].get(story)["text"] == STORY


def test_the_check_takes_the_identifiers_out_of_the_storys_flags_too(client, db, story):
    """A flag quotes the sentence that raised it, as told; probing found names and dates
    there after the check had forgotten the original (and in closed flags for ever)."""
    from conftest import login

    from nlp.signals import Signal
    from workbench import safeguarding

    said = (
        'model 0.91 on the words "My name is Margaret Thompson and my NHS number is 943 476 5919."'
    )
    safeguarding.record_signals(db, story, [Signal("adult_abuse_neglect", "classifier", said)])
    login(client, "gemma")
    kept = [f"{f.start}:{f.end}:{f.label}" for f in checks.findings_for(db, story)]
    response = check_page_post(client, story, {"finding": kept, "action": "confirm"})
    assert response.status_code == 302
    why = db.execute("SELECT why FROM safeguarding_flags WHERE story_id = ?", [story]).fetchone()[0]
    assert "Margaret" not in why and "943 476 5919" not in why
    assert "My name is [NAME]" in why
