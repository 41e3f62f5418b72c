"""A withdrawn story's id, and its flags' ids, are never given out again.

Probing found a check page opened for a story, then withdrawn, confirmed onto the next
teller's story (which had taken its id): her name reached the published quotes unchecked.
Audit entries and alert e-mails about a flag pointed at another flag the same way."""

from __future__ import annotations

from consent_support import capture_story, open_activity, staff_user

from consent import withdrawal
from nlp.signals import Signal
from plumbing import db as wdb
from plumbing.row_ids import next_id
from workbench import safeguarding


def test_the_newest_story_withdrawn_does_not_lend_its_id_to_the_next(db):
    user = staff_user(db)
    activity = open_activity(db, user)
    first = capture_story(db, activity, user, text="The ward was kind to me.").story_id
    newest = capture_story(db, activity, user, text="I want to end it all.").story_id
    flag_ids = [safeguarding.raise_concern(db, newest, "domestic_abuse", "A bruise.", user)[0]]
    withdrawal.withdraw(db, newest, "staff", f"user:{user}")
    after = capture_story(db, activity, user, text="The GP listened to me.").story_id
    assert after > newest > first
    new_flag, _ = safeguarding.raise_concern(db, after, "domestic_abuse", "A bruise.", user)
    assert new_flag > max(flag_ids)


def test_ids_stay_above_the_high_water_after_the_table_empties(db):
    user = staff_user(db)
    activity = open_activity(db, user)
    ids = [capture_story(db, activity, user, text=f"Story {n}.").story_id for n in range(3)]
    for story_id in ids:
        withdrawal.withdraw(db, story_id, "staff", f"user:{user}")
    with wdb.write(db):
        assert next_id(db, "stories") == max(ids) + 1
    assert capture_story(db, activity, user, text="Again.").story_id == max(ids) + 1


def test_signal_flags_take_fresh_ids_too(db):
    user = staff_user(db)
    activity = open_activity(db, user)
    story = capture_story(db, activity, user, text="He hits me.").story_id
    first = safeguarding.record_signals(db, story, [Signal("domestic_abuse", "rules", "hits me")])
    withdrawal.withdraw(db, story, "staff", f"user:{user}")
    story = capture_story(db, activity, user, text="He hits me.").story_id
    second = safeguarding.record_signals(db, story, [Signal("domestic_abuse", "rules", "hits me")])
    assert min(second) > max(first)
