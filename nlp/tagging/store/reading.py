"""What pages, exports and publishing read of tags: per story, per theme, the priorities a
group of stories shares, the order of review, and every counted tag."""

from __future__ import annotations

import json

from sqlite_utils import Database

from nlp.tagging import learner as tag_learner
from nlp.tagging.store.vectors import id_chunks

# Tags that count a story towards a priority wherever stories are counted (actions, exports,
# publication): an analyst's confirmation, or the model's proposal not yet rejected.
COUNTED_TAG_STATES = ("confirmed", "proposed")


# A theme is linked to a priority only when at least this share of its stories carry the
# priority. A story carries about 1.2 priority tags, so with the demo's eight priorities a
# priority reaches about 15 % of any group of stories by chance; a quarter is well above that,
# yet low enough for a theme that is about two priorities to be linked to both. Linking on a
# single tagged story (as before) gave themes six or seven of eight priorities each.
THEME_PRIORITY_SHARE = 0.25


_TAG_COLUMNS = (
    "t.story_id, t.framework_id, t.priority_id, p.title, t.score, t.source, t.state, "
    "t.evidence, t.model_version, t.updated_at, t.reviewed_by"
)


def tags_for_story(db: Database, story_id: int, framework_id: str | None = None) -> list[dict]:
    """A story's tags, confirmed first then by score: priority title, score, source, state,
    evidence (the nearest example phrase), model version and reviewer."""
    sql = (
        f"SELECT {_TAG_COLUMNS} FROM tags t JOIN priorities p "
        "ON p.framework_id = t.framework_id AND p.id = t.priority_id WHERE t.story_id = ?"
    )
    params: list = [story_id]
    if framework_id is not None:
        sql += " AND t.framework_id = ?"
        params.append(framework_id)
    sql += (
        " ORDER BY CASE t.state WHEN 'confirmed' THEN 0 WHEN 'proposed' THEN 1 ELSE 2 END, "
        "t.score DESC"
    )
    return [_with_title_key(row) for row in db.query(sql, params)]


def _with_title_key(row: dict) -> dict:
    row["priority_title"] = row.pop("title")
    return row


def tags_for_stories(db: Database, story_ids: list[int], framework_id: str) -> dict[int, list]:
    """Tags of many stories at once, keyed by story id (for list pages)."""
    result: dict[int, list] = {sid: [] for sid in story_ids}
    for chunk in id_chunks(story_ids):
        placeholders = ",".join("?" * len(chunk))
        for row in db.query(
            f"SELECT {_TAG_COLUMNS} FROM tags t JOIN priorities p "
            "ON p.framework_id = t.framework_id AND p.id = t.priority_id "
            f"WHERE t.framework_id = ? AND t.story_id IN ({placeholders}) "
            "ORDER BY t.score DESC",
            [framework_id, *chunk],
        ):
            result[row["story_id"]].append(_with_title_key(row))
    return result


def shared_priorities(
    story_ids: list[int], story_tags: dict[int, dict], minimum: float = THEME_PRIORITY_SHARE
) -> dict:
    """{priority: share of the stories that carry it} for the priorities at least `minimum`
    of the stories carry; `story_tags` maps each story to its priorities (any mapping)."""
    if not story_ids:
        return {}
    counts: dict = {}
    for story_id in story_ids:
        for priority in story_tags.get(story_id, {}):
            counts[priority] = counts.get(priority, 0) + 1
    shares = {priority: count / len(story_ids) for priority, count in counts.items()}
    return {priority: share for priority, share in shares.items() if share >= minimum}


def review_order(db: Database, story_ids: list[int], framework_id: str) -> list[int]:
    """The stories in the order an analyst's review teaches the tagger most: stories with no
    decision yet first, least certain first, then the decided ones.

    Certainty of a story is how far its least certain proposal's calibrated probability is from
    0.5; a story with only zero-shot proposals (no learnt model covers them) or none at all
    counts as least certain. Ties keep the given order.
    """
    certainty: dict[int, float] = {}
    decided: set[int] = set()
    for chunk in id_chunks(story_ids):
        placeholders = ",".join("?" * len(chunk))
        for story_id, state, source, score, version in db.execute(
            f"SELECT story_id, state, source, score, model_version FROM tags "
            f"WHERE framework_id = ? AND story_id IN ({placeholders})",
            [framework_id, *chunk],
        ):
            if state != "proposed" or source != "model":
                decided.add(story_id)
            elif score is not None and (version or "").startswith(tag_learner.VERSION_PREFIX):
                sureness = abs(float(score) - 0.5)
                certainty[story_id] = min(certainty.get(story_id, 1.0), sureness)
    position = {sid: n for n, sid in enumerate(story_ids)}
    return sorted(
        story_ids,
        key=lambda sid: (sid in decided, certainty.get(sid, 0.0), position[sid]),
    )


def tags_for_theme(db: Database, theme_id: int, framework_id: str) -> list[dict]:
    """Per priority of the framework, how many of the theme's stories have it proposed,
    confirmed or rejected; priorities in framework order, including those with no tags."""
    return list(
        db.query(
            "SELECT p.id AS priority_id, p.title AS priority_title, "
            "coalesce(sum(t.state = 'proposed'), 0) AS proposed, "
            "coalesce(sum(t.state = 'confirmed'), 0) AS confirmed, "
            "coalesce(sum(t.state = 'rejected'), 0) AS rejected, "
            "(SELECT count(*) FROM theme_members WHERE theme_id = :theme) AS members "
            "FROM priorities p LEFT JOIN tags t ON t.framework_id = p.framework_id "
            "AND t.priority_id = p.id "
            "AND t.story_id IN (SELECT story_id FROM theme_members WHERE theme_id = :theme) "
            "WHERE p.framework_id = :framework GROUP BY p.id ORDER BY p.rowid",
            {"theme": theme_id, "framework": framework_id},
        )
    )


def stories_with_priority(
    db: Database, framework_id: str, priority_id: str, states: tuple[str, ...] = ("confirmed",)
) -> list[int]:
    """Ids of stories tagged with a priority in the given states (confirmed by default)."""
    placeholders = ",".join("?" * len(states))
    return [
        row[0]
        for row in db.execute(
            f"SELECT story_id FROM tags WHERE framework_id = ? AND priority_id = ? "
            f"AND state IN ({placeholders}) ORDER BY story_id",
            [framework_id, priority_id, *states],
        )
    ]


def counted_tags(db: Database) -> list[dict]:
    """Every tag that counts a story towards a priority (`COUNTED_TAG_STATES`): story_id,
    framework_id, priority_id and state."""
    return list(
        db.query(
            "SELECT story_id, framework_id, priority_id, state FROM tags "
            "WHERE state IN (SELECT value FROM json_each(?)) ORDER BY story_id",
            [json.dumps(COUNTED_TAG_STATES)],
        )
    )


def all_priorities(db: Database) -> list[dict]:
    """Every stored priority with its framework's title: framework_id, framework, id, title
    and description, by framework title, then priority title."""
    return list(
        db.query(
            "SELECT p.framework_id, f.title AS framework, p.id, p.title, p.description "
            "FROM priorities p JOIN frameworks f ON f.id = p.framework_id "
            "ORDER BY f.title, p.title, p.id"
        )
    )
