"""What a receipt page says of the themes a story is in: a label only once an analyst has
reviewed it (a machine label is made of other tellers' words, and may hold those of a story
withdrawn since), and "published" only once the published file served counts the story."""

from __future__ import annotations

import pytest
from consent_support import anonymise, capture_story, new_theme, open_activity, staff_user
from test_receipt_web import open_receipt

from consent.withdrawal import withdraw
from nlp.themes import store as theme_store
from plumbing import db as wdb
from workbench.publishing import publish

MACHINE_LABEL = "Ringing / phone / morning"


@pytest.fixture
def story(db):
    user = staff_user(db, "analyst")
    activity = open_activity(db, user)
    receipt = capture_story(db, activity, user, text="The phone rang out every morning.")
    anonymise(db, receipt.story_id, "The phone rang out every morning.")
    theme_id = new_theme(db, activity, MACHINE_LABEL)
    with wdb.write(db):
        db["theme_members"].insert(
            {"theme_id": theme_id, "story_id": receipt.story_id, "source": "model"}
        )
    return receipt, theme_id


def receipt_page(client, receipt) -> str:
    response = open_receipt(client, receipt.reference, receipt.secret)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_machine_label_no_analyst_has_reviewed_is_not_shown(client, db, story):
    receipt, theme_id = story
    page = receipt_page(client, receipt)
    assert MACHINE_LABEL not in page
    assert "A theme an analyst has not named yet: being reviewed by an analyst" in page

    theme_store.mark_not_for_publication(db, theme_id)  # reviewed: the analyst saw the label
    assert f"Theme “{MACHINE_LABEL}”: used internally" in receipt_page(client, receipt)


def test_a_label_a_withdrawal_made_stale_waits_for_review_again(client, db, story):
    receipt, theme_id = story
    theme_store.approve_theme(db, theme_id)
    other = capture_story(db, db["themes"].get(theme_id)["activity_id"], None).story_id
    with wdb.write(db):
        db["theme_members"].insert({"theme_id": theme_id, "story_id": other, "source": "model"})
    assert MACHINE_LABEL in receipt_page(client, receipt)

    withdraw(db, other, "staff", "user:1")
    assert MACHINE_LABEL not in receipt_page(client, receipt)
    theme_store.approve_theme(db, theme_id)  # approving stale words does not show them
    assert MACHINE_LABEL not in receipt_page(client, receipt)

    theme_store.refresh_keywords(db, [theme_id])  # the job the withdrawal queued
    rebuilt = db["themes"].get(theme_id)["label"]
    assert rebuilt != MACHINE_LABEL  # one story left: no word two stories share
    assert rebuilt not in receipt_page(client, receipt)
    theme_store.approve_theme(db, theme_id)  # an analyst reviews the rebuilt label
    assert f"Theme “{rebuilt}”: approved" in receipt_page(client, receipt)


def test_the_receipt_says_published_only_once_the_published_file_counts_the_story(
    client, db, app, story
):
    receipt, theme_id = story
    theme_store.rename_theme(db, theme_id, "Phones ringing out")
    theme_store.approve_theme(db, theme_id)
    page = receipt_page(client, receipt)
    assert 'aria-current="step">In a theme' in page
    assert "Theme “Phones ringing out”: approved, and published at the next update" in page
    assert "published</li>" not in page

    publish.build(db, app.config["WORKBENCH_PUBLISHED_DB"])
    page = receipt_page(client, receipt)
    assert 'aria-current="step">Published' in page
    assert "Theme “Phones ringing out”: published</li>" in page

    theme_store.set_theme_status(db, theme_id, "draft")  # taken back: not published any more
    assert 'aria-current="step">In a theme' in receipt_page(client, receipt)


def test_a_copy_exported_elsewhere_does_not_count_as_published(db, app, story, monkeypatch):
    from click.testing import CliRunner

    from nlp import progress
    from workbench.commands.publishing import publish as publish_command

    receipt, theme_id = story
    theme_store.approve_theme(db, theme_id)
    monkeypatch.setenv("WORKBENCH_DB", app.config["WORKBENCH_DB"])
    monkeypatch.setenv("WORKBENCH_PUBLISHED_DB", app.config["WORKBENCH_PUBLISHED_DB"])
    export = str(app.config["WORKBENCH_PUBLISHED_DB"]).replace("published.db", "copy.db")
    result = CliRunner().invoke(publish_command, ["--to", export])
    assert result.exit_code == 0, result.output
    assert progress.story_stage(db, receipt.story_id) == "in a theme"
    result = CliRunner().invoke(publish_command, [])
    assert result.exit_code == 0, result.output
    assert progress.story_stage(db, receipt.story_id) == "published"
