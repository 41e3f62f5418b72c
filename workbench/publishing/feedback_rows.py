"""Published rows for closing the loop: actions, reach and how taking part felt.

Called from `tables.published_rows` with the public numbering it chose, so actions sit
beside the same theme ids planners see. No story id, reference or per-person answer leaves:
actions carry theme labels and a size band, reach and evaluation are suppressed counts.
"""

from __future__ import annotations

import sqlite_utils

from nlp.themes import store as theme_store
from workbench import suppression
from workbench.feedback import actions, evaluation, reach
from workbench.feedback.actions import STATUSES
from workbench.publishing.bands import size_band


def feedback_rows(
    db: sqlite_utils.Database,
    stories: dict[int, dict],
    activity_ids: dict[int, int],
    theme_ids: dict[int, int],
    k: int = suppression.DEFAULT_K,
) -> dict[str, list[dict]]:
    """Rows of `actions`, `action_themes`, `reach_counts` and `evaluation_counts`."""
    published, action_themes = _actions(db, stories, activity_ids, theme_ids)
    return {
        "actions": published,
        "action_themes": action_themes,
        "reach_counts": _reach(db, stories, activity_ids, k),
        "evaluation_counts": _evaluation(db, activity_ids, k),
    }


def _actions(db, stories, activity_ids, theme_ids) -> tuple[list[dict], list[dict]]:
    """Actions that answer a published theme or a priority, numbered oldest first."""
    published_members: dict[int, set[int]] = {}
    for theme_id, story_ids in theme_store.members(db, theme_ids).items():
        for story_id in story_ids:
            if story_id in stories:
                published_members.setdefault(story_id, set()).add(theme_ids[theme_id])
    labels = {
        theme_ids[theme_id]: theme["label"]
        for theme_id, theme in theme_store.themes_by_id(db, theme_ids).items()
    }
    covered = actions.covered_stories(db)
    published, links = [], []
    for row in sorted(actions.list_actions(db), key=lambda a: (a["created_at"], a["id"])):
        ids = covered.get(row["id"], [])
        themes = sorted({t for s in ids for t in published_members.get(s, ())})
        if not themes and not row["priority_title"]:
            continue
        public_id = len(published) + 1
        published.append(
            {
                "id": public_id,
                "activity_id": activity_ids.get(row["activity_id"]),
                "themes": "; ".join(labels[t] for t in themes),
                "priority": row["priority_title"],
                "you_said": row["you_said"],
                "we_did": row["we_did"],
                "status": STATUSES[row["status"]],
                "reason": row["reason"],
                "owner": row["owner"],
                "due_on": row["due_on"],
                "done_on": row["done_on"],
                "stories": size_band(sum(1 for s in ids if s in stories)),
            }
        )
        links += [{"action_id": public_id, "theme_id": t} for t in themes]
    return published, links


def _reach(db, stories, activity_ids, k) -> list[dict]:
    population = reach.profile(db)
    rows = []
    for working, public in sorted(activity_ids.items(), key=lambda kv: kv[1]):
        counts, _channels = reach.participant_answers(
            db, working, set(stories), {s: story["area"] for s, story in stories.items()}
        )
        for row in reach.reach_table(counts, population, k):
            rows.append(
                {
                    "activity_id": public,
                    "characteristic": row["characteristic"],
                    "community_group": row["community_group"],
                    "stories": row["stories"],
                    "share_of_answers": _percent(row["share"]),
                    "population_share": _percent(row["population_share"]),
                    "heard": row["judgement"],
                }
            )
    return rows


def _evaluation(db, activity_ids, k) -> list[dict]:
    return [
        {"activity_id": public, "question": question, "answer": answer, "responses": shown}
        for working, public in sorted(activity_ids.items(), key=lambda kv: kv[1])
        for question, answer, shown in evaluation.suppressed_counts(db, working, k)
    ]


def _percent(value: float | None) -> str | None:
    return None if value is None else f"{100 * value:.1f}%"
