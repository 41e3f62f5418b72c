"""Where each story is on the data path, derived from the NLP tables rather than stored twice.

received → anonymised → checked → in a theme → published (its theme approved and the
published file now served counts it). A story the NLP stages have not touched yet is simply
received.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

import sqlite_utils

import consent

STAGES = ("received", "anonymised", "checked", "in a theme", "published")

_STAGE_SQL = """
SELECT s.value AS story_id,
  CASE
    WHEN EXISTS (SELECT 1 FROM theme_members m JOIN themes t ON t.id = m.theme_id
                 WHERE m.story_id = s.value AND t.status = 'approved' AND m.published)
      THEN 'published'
    WHEN EXISTS (SELECT 1 FROM theme_members m WHERE m.story_id = s.value) THEN 'in a theme'
    WHEN a.status = 'checked' THEN 'checked'
    WHEN a.status = 'ready' THEN 'anonymised'
    ELSE 'received'
  END AS stage
FROM json_each(?) s LEFT JOIN anonymisations a ON a.story_id = s.value
"""


def stages_of(db: sqlite_utils.Database, story_ids: Iterable[int]) -> dict[int, str]:
    """The stage of each given story."""
    ids = json.dumps(sorted({int(s) for s in story_ids}))
    return dict(db.execute(_STAGE_SQL, [ids]).fetchall())


def story_stage(db: sqlite_utils.Database, story_id: int) -> str | None:
    """The stage of one story, or None if there is no such story."""
    if not consent.story_facts(db, [story_id]):
        return None
    return stages_of(db, [story_id])[story_id]


def counts(db: sqlite_utils.Database, activity_id: int | None = None) -> dict[str, int]:
    """How many stories (all, or one activity's) are at each stage, every stage present."""
    found = Counter(stages_of(db, consent.story_ids(db, activity_id)).values())
    return {stage: found.get(stage, 0) for stage in STAGES}
