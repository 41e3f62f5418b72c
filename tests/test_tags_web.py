"""Analyst review of priority tags and admin upload of frameworks, CSRF on."""

from __future__ import annotations

import pytest
from conftest import post_form
from publish_fixtures import seed_under_framework


@pytest.fixture
def seeded(db):
    return seed_under_framework(db)


def test_the_priorities_page_shows_metrics_stories_and_tags(client, login_as, seeded):
    login_as("analyst")
    page = client.get(f"/review/priorities/?activity={seeded['activity']}")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Access to GP services" in body
    assert "[PERSON]" in body  # anonymised text only
    assert "Canaryphrase" not in body


def test_an_analyst_confirms_rejects_and_adds_tags(client, login_as, db, seeded):
    login_as("analyst")
    page = f"/review/priorities/?activity={seeded['activity']}"
    story = seeded["stories"][1]  # proposed 'discharge'
    post_form(
        client,
        "/review/priorities/decide",
        {"story": story, "framework": "icb-plan", "priority": "discharge", "decision": "reject"},
        form_page=page,
    )
    post_form(
        client,
        "/review/priorities/decide",
        {"story": story, "framework": "icb-plan", "priority": "access", "decision": "add"},
        form_page=page,
    )
    states = dict(
        db.execute("SELECT priority_id, state FROM tags WHERE story_id = ?", [story]).fetchall()
    )
    assert states == {"discharge": "rejected", "access": "confirmed"}


def test_bulk_decisions_for_a_theme(client, login_as, db, seeded):
    login_as("analyst")
    theme = seeded["themes"]["Kind staff"]
    post_form(
        client,
        "/review/priorities/theme",
        {"theme": theme, "framework": "icb-plan", "priority": "access", "action": "add"},
        form_page=f"/review/priorities/?activity={seeded['activity']}",
    )
    missing = db.execute(
        "SELECT count(*) FROM theme_members m WHERE m.theme_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM tags t WHERE t.story_id = m.story_id AND t.priority_id = 'access' "
        "AND t.state = 'confirmed')",
        [theme],
    ).fetchone()[0]
    assert missing == 0


def test_admins_upload_frameworks_and_bad_yaml_is_explained(client, login_as, db):
    login_as("admin")
    good = (
        "id: carers\ntitle: Carers strategy\npriorities:\n"
        "  - id: respite\n    title: Respite\n    description: Breaks from caring.\n"
    )
    post_form(client, "/review/priorities/frameworks", {"yaml": good})
    assert db["frameworks"].get("carers")["version"] == 1
    response = post_form(
        client,
        "/review/priorities/frameworks",
        {"yaml": "id: x\ntitle: X\npriorities:\n  - id: a\n  - id: a\n"},
    )
    assert response.status_code == 400
    assert "not saved" in response.get_data(as_text=True)
    assert db["frameworks"].count == 1


def test_a_server_file_path_in_the_form_is_never_read(client, login_as, db, tmp_path):
    login_as("admin")
    secret_file = tmp_path / "private.yaml"
    secret_file.write_text(
        "id: private-plan-on-disk\ntitle: Private\npriorities:\n"
        "  - id: one\n    title: One\n    description: Read from the server's disk.\n",
        encoding="utf-8",
    )
    response = post_form(client, "/review/priorities/frameworks", {"yaml": str(secret_file)})
    assert response.status_code == 400
    assert "private-plan-on-disk" not in response.get_data(as_text=True)
    assert db["frameworks"].count == 0


def test_tagging_and_training_are_queued_for_the_worker(client, login_as, db, seeded):
    login_as("analyst")
    page = f"/review/priorities/?activity={seeded['activity']}"
    post_form(
        client,
        "/review/priorities/run",
        {"activity": seeded["activity"], "what": "tag"},
        form_page=page,
    )
    post_form(
        client,
        "/review/priorities/run",
        {"activity": seeded["activity"], "what": "train"},
        form_page=page,
    )
    names = [r[0] for r in db.execute("SELECT name FROM jobs ORDER BY id")]
    assert names == ["tag", "train_tagger"]


@pytest.mark.parametrize("query", ["lowest=abc", "lowest=nan&highest=inf", "highest=1e999"])
def test_a_criticality_filter_that_is_not_a_number_shows_the_unfiltered_page(
    client, login_as, seeded, query
):
    login_as("analyst")
    page = client.get(f"/review/priorities/?activity={seeded['activity']}&{query}")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'name="lowest" type="number" min="-5" max="5" step="1" value="-5"' in body
    assert 'name="highest" type="number" min="-5" max="5" step="1" value="5"' in body


def test_the_criticality_filter_narrows_the_stories(client, login_as, db, seeded):
    login_as("analyst")
    scores = sorted(r[0] for r in db.execute("SELECT score FROM criticality"))
    assert len(set(scores)) > 1, "the fixture scores stories differently"
    top = scores[-1]
    url = f"/review/priorities/?activity={seeded['activity']}"
    everything = client.get(url).get_data(as_text=True)
    narrowed = client.get(f"{url}&lowest={top}").get_data(as_text=True)
    shown = narrowed.count('name="decision" value="add"')
    assert shown == sum(score >= top for score in scores)
    assert shown < everything.count('name="decision" value="add"')


def test_each_suggestion_names_its_priority(client, login_as, seeded):
    login_as("analyst")
    body = client.get(f"/review/priorities/?activity={seeded['activity']}").get_data(as_text=True)
    assert '<span class="tag"></span>' not in body
    assert '<span class="tag">Safe hospital discharge</span>' in body


def _newer_activity(db, source_id: int) -> int:
    """A second activity with a framework, newer than the seeded one, so it is listed (and
    shown by default) first."""
    row = dict(db["activities"].get(source_id))
    row.pop("id")
    row.update(title="A newer listening activity", opens_on="2026-06-01")
    with db.conn:
        return db["activities"].insert(row).last_pk


def test_a_decision_returns_to_the_activity_and_page_it_was_made_on(client, login_as, db, seeded):
    login_as("analyst")
    newer = _newer_activity(db, seeded["activity"])
    assert newer != seeded["activity"]
    page = f"/review/priorities/?activity={seeded['activity']}&lowest=-4"
    form = client.get(page).get_data(as_text=True)
    assert f'name="activity" value="{seeded["activity"]}"' in form
    response = post_form(
        client,
        "/review/priorities/decide",
        {
            "story": seeded["stories"][1],
            "framework": "icb-plan",
            "priority": "discharge",
            "decision": "confirm",
            "activity": seeded["activity"],
            "page": 1,
            "lowest": -4,
            "highest": 5,
        },
        form_page=page,
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert f"activity={seeded['activity']}" in location and "lowest=-4" in location
    shown = client.get(location).get_data(as_text=True)
    assert f'<option value="{seeded["activity"]}" selected>' in shown


def test_each_suggestion_shows_the_sentence_that_carried_it(client, login_as, db, seeded):
    login_as("analyst")
    story = seeded["stories"][1]
    with db.conn:
        db.execute(
            "UPDATE tags SET evidence = ? WHERE story_id = ? AND priority_id = 'discharge'",
            ["They sent me home with no plan & no help.", story],
        )
    body = client.get(f"/review/priorities/?activity={seeded['activity']}").get_data(as_text=True)
    assert 'Why:</span> <q class="reason">They sent me home with no plan &amp; no help.</q>' in body


def test_decisions_queue_one_retraining_of_the_tagger(client, login_as, db, seeded):
    login_as("analyst")
    page = f"/review/priorities/?activity={seeded['activity']}"
    for story, decision in ((seeded["stories"][1], "reject"), (seeded["stories"][3], "confirm")):
        post_form(
            client,
            "/review/priorities/decide",
            {
                "story": story,
                "framework": "icb-plan",
                "priority": "discharge",
                "decision": decision,
            },
            form_page=page,
        )
    queued = db.execute(
        "SELECT params FROM jobs WHERE name = 'train_tagger' AND status = 'queued'"
    ).fetchall()
    assert queued == [('{"framework_id": "icb-plan"}',)]
    with db.conn:
        db.execute("UPDATE jobs SET status = 'running'")
    post_form(
        client,
        "/review/priorities/decide",
        {
            "story": seeded["stories"][5],
            "framework": "icb-plan",
            "priority": "access",
            "decision": "add",
        },
        form_page=page,
    )
    assert db.execute("SELECT count(*) FROM jobs WHERE status = 'queued'").fetchone()[0] == 1


def test_stories_the_tagger_is_least_sure_of_come_first(client, login_as, db, seeded):
    from nlp.tagging import learner as tag_learner
    from nlp.tagging import store as tag_store

    stories = seeded["stories"]
    learnt = f"{tag_learner.VERSION_PREFIX}/test"
    with db.conn:
        db.execute("UPDATE tags SET state = 'proposed', model_version = ?", [learnt])
        db.execute("UPDATE tags SET score = 0.99")
        db.execute("UPDATE tags SET score = 0.52 WHERE story_id = ?", [stories[5]])
        db.execute("UPDATE tags SET score = 0.7 WHERE story_id = ?", [stories[7]])
        db.execute("UPDATE tags SET state = 'confirmed' WHERE story_id = ?", [stories[1]])
    ids = [stories[n] for n in (1, 3, 5, 7, 9)]
    assert tag_store.review_order(db, ids, "icb-plan") == [
        stories[5],
        stories[7],
        stories[3],
        stories[9],
        stories[1],
    ]
    login_as("analyst")
    body = client.get(f"/review/priorities/?activity={seeded['activity']}").get_data(as_text=True)
    assert body.index(f'name="story" value="{stories[5]}"') < body.index(
        f'name="story" value="{stories[3]}"'
    )


def test_the_whole_theme_and_run_forms_return_to_the_same_view(client, login_as, seeded):
    """Probing found them carrying only the activity: a decision made from a filtered page
    came back to page 1, unfiltered."""
    login_as("analyst")
    body = client.get(f"/review/priorities/?activity={seeded['activity']}&lowest=-4").get_data(
        as_text=True
    )
    for action in ("/review/priorities/theme", "/review/priorities/run"):
        form = body.split(f'action="{action}"')[1].split("</form>")[0]
        assert 'name="lowest" value="-4"' in form and 'name="page" value="1"' in form


def test_a_page_past_the_last_and_a_reversed_filter_read_sensibly(client, login_as, db, seeded):
    login_as("analyst")
    url = f"/review/priorities/?activity={seeded['activity']}"
    last = client.get(f"{url}&page=99").get_data(as_text=True)
    assert "Page 1 of 1" in last and 'name="decision" value="add"' in last
    everything = client.get(url).get_data(as_text=True).count('name="decision" value="add"')
    reversed_ = client.get(f"{url}&lowest=5&highest=-5").get_data(as_text=True)
    assert reversed_.count('name="decision" value="add"') == everything


def test_an_unknown_priority_is_explained_without_python_quotes(client, login_as, seeded):
    login_as("analyst")
    response = post_form(
        client,
        "/review/priorities/decide",
        {"story": seeded["stories"][1], "framework": "icb-plan", "priority": "nope",
         "decision": "confirm", "activity": seeded["activity"]},
        form_page=f"/review/priorities/?activity={seeded['activity']}",
        follow_redirects=True,
    )  # fmt: skip
    body = response.get_data(as_text=True)
    assert "framework &#39;icb-plan&#39; has no priority &#39;nope&#39;" in body
    assert "&#34;framework &#39;icb-plan&#39;" not in body
