"""Background jobs of the NLP data path, registered with `plumbing.jobs.job`.

Each job is a thin wrapper: it takes the database and a progress callback and calls the stage's
own module, which does the work on plain data.
"""

from __future__ import annotations

import consent
from plumbing import db as wdb
from plumbing.jobs import job


@job("embed")
def embed_stories(db, progress, activity_id: int | None = None) -> None:
    """Cache embeddings of the checked stories (all, or one activity's) that lack them."""
    from nlp import embed
    from nlp.tagging import store as tag_store
    from nlp.themes import store as theme_store

    story_ids = theme_store.checked_story_ids(db, activity_id)
    embed.ensure_embeddings(db, story_ids, progress)
    # Criticality needs only the embedding, not a framework: every checked story gets one.
    tag_store.score_criticality(db, story_ids)


@job("themes")
def fit_themes(db, progress, activity_id: int | None = None, across: bool = False) -> None:
    """Fit themes for one activity, for every activity with checked stories (no
    activity_id), or once over all activities together (across=True)."""
    from nlp.themes import store as theme_store

    if across or activity_id is not None:
        theme_store.run_themes(db, None if across else activity_id, progress)
        return
    activities = theme_store.activities_with_checked_stories(db)
    for index, activity in enumerate(activities):
        theme_store.run_themes(
            db,
            activity,
            lambda fraction, message, i=index: progress((i + fraction) / len(activities), message),
        )


@job("assign_themes")
def assign_themes(db, progress, activity_id: int | None = None) -> None:
    """Place newly checked stories into the existing themes without a refit."""
    from nlp.themes import store as theme_store

    theme_store.assign_new_stories(db, activity_id, progress)


@job("refresh_keywords")
def refresh_keywords(db, progress, theme_ids: list[int] | None = None) -> None:
    """Recompute theme keywords from current members, e.g. after a withdrawal (and empty the
    write-ahead log, which still holds the words replaced)."""
    from nlp.themes import store as theme_store

    theme_store.refresh_keywords(db, theme_ids)
    wdb.truncate_wal(db)
    progress(1.0, "Keywords refreshed")


@job("tag")
def tag_activity(db, progress, activity_id: int) -> None:
    """Tag an activity's stories to its framework and score their criticality; stories not yet
    embeddable wait for the next run."""
    from nlp.tagging import store as tag_store

    tag_store.tag_activity(db, activity_id, progress)


@job("train_tagger")
def train_tagger(db, progress, framework_id: str) -> None:
    """Learn from analysts' confirmed tags, then re-tag the activities using the framework."""
    from nlp.tagging import store as tag_store

    tag_store.retrain(db, framework_id, progress)


@job("retrain_stale_taggers", every_minute=True)
def retrain_stale_taggers(db, progress) -> None:
    """Retrain every tagger a withdrawal left stale (`tag_store.forget_in_taggers`), whichever
    process withdrew the story: the web's flows queue `train_tagger`, but a withdrawal from
    the command line or a job may not, and a stale tagger tags nothing until retrained."""
    from nlp.tagging import store as tag_store

    for framework_id in tag_store.stale_frameworks(db):
        tag_store.retrain(db, framework_id)
    progress(1.0, "Done")


# --- Anonymisation (nlp/anonymise.py, nlp/checks.py) ------------------------------------------


@job("anonymise")
def anonymise_job(db, progress, story_ids: list[int] | None = None) -> None:
    """Anonymise stories on capture or import (all not yet anonymised when story_ids is None).
    Results wait as 'ready' for a person's check; progress messages never quote the text."""
    from nlp import checks

    if story_ids is None:
        story_ids = checks.stories_to_anonymise(db)
    total = len(story_ids)
    for n, story_id in enumerate(story_ids):
        progress(n / total, f"Anonymising story {n + 1} of {total}")
        checks.anonymise_story(db, story_id)
    progress(1.0, f"Anonymised {total} stories" if total != 1 else "Anonymised")


# --- After a person's check: the story joins the analysis -------------------------------------


@job("after_check")
def after_check(db, progress, story_id: int) -> None:
    """Embed a newly checked story, place it in its activity's existing themes and tag it, in
    that order (each step needs the one before), without refitting anything."""
    from nlp import embed
    from nlp.tagging import encoder as tag_encoder
    from nlp.tagging import store as tag_store
    from nlp.themes import store as theme_store

    story = consent.story_facts(db, [story_id]).get(story_id)
    if story is None:
        return  # withdrawn meanwhile: nothing to do
    activity_id = story["activity_id"]
    progress(0.1, "Embedding")
    embed.ensure_embeddings(db, [story_id])
    progress(0.4, "Placing in themes")
    theme_store.assign_new_stories(db, activity_id)
    framework = consent.get_activity(db, activity_id)["framework_id"]
    tag_store.score_criticality(db, [story_id])
    if framework:
        progress(0.7, "Tagging to priorities")
        tag_encoder.ensure_tag_embeddings(db, [story_id])
        tag_store.tag_stories(db, [story_id], framework)
    progress(1.0, "Done")
