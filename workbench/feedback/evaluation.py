"""'How was it for you?': three optional questions about taking part, asked at the end of
telling a story and again on the receipt page.

Answers are kept per story only so that a later answer replaces an earlier one and a withdrawal
removes them; analysts see them counted per activity, planners see suppressed counts.
"""

from __future__ import annotations

from collections import Counter

import sqlite_utils

import consent
from consent import delete_rows, register_cleanup
from plumbing import db as wdb
from plumbing.clock import now_iso
from workbench import suppression

QUESTIONS = {
    "purpose_clear": "Was it clear why we were asking and what would happen with your story?",
    "listened": "Did you feel listened to?",
    "accessible": "Was it easy to take part (format, language, place, time)?",
}
ANSWERS = {"yes": "Yes", "partly": "Partly", "no": "No"}
PLACES = ("capture", "receipt")


# A withdrawn story's answers go with it.
register_cleanup("evaluations")(delete_rows("evaluations"))


def record_answers(
    db: sqlite_utils.Database, story_id: int, asked_at: str, answers: dict[str, str | None]
) -> bool:
    """Keep the answers given (others skipped); False if nothing was answered.

    Answering again in the same place replaces the earlier answers.
    """
    if asked_at not in PLACES:
        raise ValueError("asked_at must be capture or receipt")
    clean = {q: answers.get(q) if answers.get(q) in ANSWERS else None for q in QUESTIONS}
    if not any(clean.values()):
        return False
    with wdb.write(db):
        story = consent.story_facts(db, [story_id]).get(story_id)
        if story is None:
            return False
        db["evaluations"].upsert(
            {
                "story_id": story_id,
                "activity_id": story["activity_id"],
                "asked_at": asked_at,
                **clean,
                "answered_at": now_iso(),
            },
            pk=("story_id", "asked_at"),
        )
    return True


def _latest_answers(db: sqlite_utils.Database, activity_id: int | None) -> list[dict]:
    """One set of answers per story: the receipt's when given, else the capture's."""
    where, params = ("WHERE activity_id = ?", [activity_id]) if activity_id else ("", [])
    latest: dict[int, dict] = {}
    for row in db.query(
        f"SELECT * FROM evaluations {where} ORDER BY asked_at = 'receipt', answered_at", params
    ):
        latest[row["story_id"]] = row
    return list(latest.values())


def results(db: sqlite_utils.Database, activity_id: int) -> list[dict]:
    """Per question: counts of each answer and how many answered, for analysts (unsuppressed)."""
    rows = _latest_answers(db, activity_id)
    out = []
    for question, wording in QUESTIONS.items():
        counts = Counter(r[question] for r in rows if r[question])
        out.append(
            {
                "question": question,
                "wording": wording,
                "counts": {a: counts.get(a, 0) for a in ANSWERS},
                "answered": sum(counts.values()),
            }
        )
    return out


def suppressed_counts(
    db: sqlite_utils.Database, activity_id: int, k: int = suppression.DEFAULT_K
) -> list[tuple[str, str, int | str]]:
    """(question wording, answer or "All answers", shown count) with small numbers withheld.

    Each question is one row of answers with its total, suppressed like every published table.
    """
    shown = []
    for result in results(db, activity_id):
        if not result["answered"]:
            continue
        grid = [[result["counts"][a] for a in ANSWERS]]
        table = suppression.suppress(grid, k)
        labels = list(ANSWERS.values())
        for j, label in enumerate(labels):
            if grid[0][j] == 0 and table.cells[0][j] is not None:
                continue
            shown.append((result["wording"], label, suppression.display(table.cells[0][j])))
        shown.append(
            (
                result["wording"],
                "All answers",
                suppression.display(table.row_totals[0]),
            )
        )
    return shown
