"""A Hypothesis state machine over capture → anonymise → theme and quote → approve → publish
→ withdraw → change consent.

Invariants, checked after every step:
- a withdrawn story's text, identifiers (a fake NHS number, an email address, a unique word)
  and quotes appear nowhere in the working database and nowhere in the published one;
- a story's quotes are never published unless its teller currently consents to that.

Every withdrawal or consent change that the API says needs republishing is followed by a
build, as the queued `publish` job would do. Quotes are chosen for stories without consent too
(as a careless analyst might), so publication's own consent gate is exercised.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from consent_support import (
    ALL_YES,
    anonymise,
    capture_story,
    migrated_db,
    new_theme,
    open_activity,
    staff_user,
)
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from consent import receipts, withdrawal
from plumbing import db as wdb
from plumbing.clock import now_iso
from workbench.publishing import publish

_numbers = itertools.count(1)


@dataclass
class Story:
    """The model's view of one story: what it said and what its teller currently allows."""

    story_id: int
    reference: str
    canary: str  # a fake NHS number: an identifier that must never travel
    token: str  # a made-up word that survives anonymisation, so derived text can be traced
    raw: str
    anonymised: str
    quote: str
    publish_quotes: bool
    is_anonymised: bool = False
    withdrawn: bool = False
    quote_rows: int = 0  # quotes chosen and not yet taken away by a consent change


def _text_of_database(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


class ConsentLifecycle(RuleBasedStateMachine):
    stories = Bundle("stories")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="consent-machine-"))
        self.db = migrated_db(self.folder)
        self.published = self.folder / "published.db"
        self.user = staff_user(self.db)
        self.activity = open_activity(self.db, self.user)
        self.model: list[Story] = []

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _publish(self) -> None:
        publish.build(self.db, self.published)

    @initialize(target=stories, publish_quotes=st.booleans())
    def first_story(self, publish_quotes: bool) -> Story:
        return self.capture(publish_quotes, contact=True, anonymised=False)

    @rule(
        target=stories,
        publish_quotes=st.booleans(),
        contact=st.booleans(),
        anonymised=st.booleans(),
    )
    def capture(self, publish_quotes: bool, contact: bool, anonymised: bool) -> Story:
        """A new story; `anonymised` runs the anonymisation stage straight after it."""
        n = next(_numbers)
        canary = f"{943 + n % 50:03d} {n % 1000:03d} {n % 10000:04d}"
        token = f"quibblerow{n}x"
        raw = (
            f"My NHS number is {canary} and the {token} clinic kept cancelling my "
            "appointments without telling me why."
        )
        receipt = capture_story(
            self.db,
            self.activity,
            self.user,
            text=raw,
            consents={**ALL_YES, "publish_quotes": publish_quotes, "contact": contact},
            contact={"email": f"{token}@example.org", "phone": "07700 900123"},
        )
        story = Story(
            receipt.story_id,
            receipt.reference,
            canary,
            token,
            raw,
            anonymised=raw.replace(canary, "[NHS_NUMBER]"),
            quote=f"the {token} clinic kept cancelling my appointments",
            publish_quotes=publish_quotes,
        )
        self.model.append(story)
        if anonymised:
            self.anonymise_and_check(story)
        return story

    @rule(story=stories)
    def anonymise_and_check(self, story: Story) -> None:
        if story.withdrawn:
            return
        anonymise(self.db, story.story_id, story.anonymised, status="checked")
        story.is_anonymised = True

    @rule(story=stories, approve=st.booleans())
    def theme_and_quote(self, story: Story, approve: bool) -> None:
        """An analyst puts the story in a theme and picks a quote, with or without consent."""
        if story.withdrawn:
            return
        if not story.is_anonymised:
            self.anonymise_and_check(story)
        theme = new_theme(
            self.db, self.activity, "Cancelled appointments", "approved" if approve else "draft"
        )
        with wdb.write(self.db):
            self.db["theme_members"].insert(
                {"theme_id": theme, "story_id": story.story_id, "source": "model"}
            )
            self.db["quotes"].insert(
                {
                    "theme_id": theme,
                    "story_id": story.story_id,
                    "text": story.quote,
                    "chosen_at": now_iso(),
                }
            )
        story.quote_rows += 1

    @rule()
    def publish(self) -> None:
        self._publish()

    @rule(story=stories, from_receipt_page=st.booleans())
    def withdraw(self, story: Story, from_receipt_page: bool) -> None:
        if story.withdrawn:
            return
        if from_receipt_page:
            receipts.change_consent(
                self.db, story.story_id, "analysis", False, "storyteller", "online"
            )
        else:
            withdrawal.withdraw(self.db, story.story_id, "staff", f"user:{self.user}")
        story.withdrawn = True
        self._publish()

    def _change(self, story: Story, purpose: str, granted: bool) -> None:
        change = receipts.change_consent(
            self.db, story.story_id, purpose, granted, "storyteller", "online"
        )
        if purpose == "publish_quotes":
            if story.publish_quotes and not granted:
                story.quote_rows = 0
            story.publish_quotes = granted
        if change.republish:
            self._publish()

    @rule(story=stories, granted=st.booleans())
    def change_quote_consent(self, story: Story, granted: bool) -> None:
        if not story.withdrawn:
            self._change(story, "publish_quotes", granted)

    @rule(
        story=stories,
        purpose=st.sampled_from(["share_partners", "contact", "equality_monitoring"]),
        granted=st.booleans(),
    )
    def change_other_consent(self, story: Story, purpose: str, granted: bool) -> None:
        if not story.withdrawn:
            self._change(story, purpose, granted)

    @invariant()
    def withdrawn_stories_leave_no_trace(self) -> None:
        gone = [s for s in self.model if s.withdrawn]
        if not gone:
            return
        working = "\n".join(self.db.conn.iterdump())
        published = _text_of_database(self.published) if self.published.exists() else ""
        for story in gone:
            for trace in (story.canary, story.token, story.raw, story.anonymised, story.quote):
                assert trace not in working, "a withdrawn story left data in the working db"
                assert trace not in published, "a withdrawn story is still published"
            assert story.reference not in published

    @invariant()
    def withdrawing_quote_consent_deletes_the_chosen_quotes(self) -> None:
        for story in self.model:
            if not story.withdrawn:
                count = self.db["quotes"].count_where("story_id = ?", [story.story_id])
                assert count == story.quote_rows

    @invariant()
    def quotes_are_published_only_with_consent(self) -> None:
        if not self.published.exists():
            return
        published = _text_of_database(self.published)
        for story in self.model:
            assert story.canary not in published, "an identifier was published"
            if not story.publish_quotes:
                assert story.token not in published, "a quote was published without consent"


ConsentLifecycle.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestConsentLifecycle = ConsentLifecycle.TestCase


def test_a_quote_is_published_with_consent_and_unpublished_when_it_is_withdrawn(tmp_path):
    """The machine checks what must never be published; this checks the path does publish."""
    db = migrated_db(tmp_path)
    user = staff_user(db)
    activity = open_activity(db, user)
    receipt = capture_story(db, activity, user, text="The zenfold ward staff were kind to me.")
    anonymise(db, receipt.story_id, "The zenfold ward staff were kind to me.")
    theme = new_theme(db, activity, "Kind staff", "approved")
    with wdb.write(db):
        db["theme_members"].insert(
            {"theme_id": theme, "story_id": receipt.story_id, "source": "analyst"}
        )
        db["quotes"].insert(
            {
                "theme_id": theme,
                "story_id": receipt.story_id,
                "text": "zenfold ward staff were kind",
                "chosen_at": now_iso(),
            }
        )
    path = tmp_path / "published.db"
    publish.build(db, path)
    assert "zenfold ward staff were kind" in _text_of_database(path)
    change = receipts.change_consent(
        db, receipt.story_id, "publish_quotes", False, "storyteller", "online"
    )
    assert change.republish
    publish.build(db, path)
    assert "zenfold" not in _text_of_database(path)
    db.close()
