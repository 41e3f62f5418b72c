"""Reach: who took part in an activity, set against the population the organisation serves.

The organisation loads a population profile (CSV: characteristic, group, proportion[, source]).
For each characteristic, the stories' answers are counted, small numbers are withheld exactly as
in publishing, and each group's share of answers is compared with its share of the population:
a group whose share is under `UNDER_HEARD_RATIO` of its population share is under-heard. A
judgement is only shown when it follows from what is shown (a withheld count whose greatest
possible value, worked out from the shown ones, is still under its share is under-heard).
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from dataclasses import dataclass, field

import sqlite_utils

import consent
from plumbing import db as wdb
from plumbing.clock import now_iso
from workbench import suppression

UNDER_HEARD_RATIO = 0.8
OVER_HEARD_RATIO = 1.25
SUM_TOLERANCE = 0.02
# Equality questions (consent purpose `equality_monitoring`) and the story's own area.
CHARACTERISTICS = {
    "area": "Area",
    "age_band": "Age",
    "sex": "Sex",
    "gender_identity": "Gender identity",
    "ethnicity": "Ethnicity",
    "disability": "Disability",
    "religion": "Religion or belief",
    "sexual_orientation": "Sexual orientation",
    "carer": "Carer",
}
HEADER = ("characteristic", "group", "proportion")


@dataclass
class ProfileReport:
    """What loading a population CSV found: rows read, and problems by line number."""

    rows: list[dict] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def parse_profile(text: str) -> ProfileReport:
    """Read a population CSV; every missing or malformed line is reported by its number.

    Proportions are fractions (0.12) or percentages ("12%", or numbers over 1 when the whole
    characteristic is in percent). Each characteristic's groups must add up to 1 (or 100%).
    """
    report = ProfileReport()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = [(f or "").strip().lower() for f in reader.fieldnames or []]
    missing = [h for h in HEADER if h not in fields]
    if missing:
        report.problems.append(
            (
                1,
                "The first line must name the columns "
                + ", ".join(HEADER)
                + f" (missing: {', '.join(missing)}).",
            )
        )
        return report
    reader.fieldnames = fields
    seen: set[tuple[str, str]] = set()
    raw: list[tuple[int, dict, float, bool]] = []
    for row in reader:
        line = reader.line_num  # blank lines are skipped but still counted
        characteristic = (row.get("characteristic") or "").strip()
        group = (row.get("group") or "").strip()
        value = (row.get("proportion") or "").strip()
        if not any((characteristic, group, value)):
            continue
        key = _characteristic_key(characteristic)
        problem = None
        if not characteristic or not group or not value:
            problem = "needs a characteristic, a group and a proportion."
        elif key is None:
            problem = (
                f"unknown characteristic {characteristic[:40]!r}; use one of "
                + ", ".join(CHARACTERISTICS)
                + "."
            )
        elif (key, group.casefold()) in seen:
            problem = f"{group[:40]!r} appears twice for {key}."
        number, percent = _proportion(value)
        if problem is None and number is None:
            problem = f"the proportion {value[:20]!r} is not a number from 0 to 1 (or 0% to 100%)."
        if problem:
            report.problems.append((line, problem))
            continue
        seen.add((key, group.casefold()))
        raw.append(
            (
                line,
                {
                    "characteristic": key,
                    "community_group": group,
                    "source": (row.get("source") or "").strip() or None,
                },
                number,
                percent,
            )
        )
    by_characteristic: dict[str, list] = {}
    for item in raw:
        by_characteristic.setdefault(item[1]["characteristic"], []).append(item)
    for key, items in by_characteristic.items():
        in_percent = any(p or n > 1 for _, _, n, p in items)
        scale = 100.0 if in_percent else 1.0
        total = sum(n for _, _, n, _ in items) / scale
        if abs(total - 1) > SUM_TOLERANCE:
            lines = ", ".join(str(line) for line, *_ in items)
            report.problems.append(
                (
                    items[0][0],
                    f"the {key} proportions (lines {lines}) add up to {total:.2f}, not 1.",
                )
            )
            continue
        for _line, row, number, _ in items:
            report.rows.append({**row, "proportion": number / scale})
    if not raw and not report.problems:
        report.problems.append((1, "There are no rows after the header."))
    report.problems.sort()
    return report


def _characteristic_key(name: str) -> str | None:
    folded = name.strip().casefold().replace(" ", "_")
    for key, label in CHARACTERISTICS.items():
        if folded in (key, label.casefold().replace(" ", "_")):
            return key
    return None


def _proportion(value: str) -> tuple[float | None, bool]:
    percent = value.endswith("%")
    try:
        number = float(value.rstrip("%").strip())
    except ValueError:
        return None, percent
    if not math.isfinite(number) or number < 0 or number > 100:
        return None, percent
    return number, percent


def load_profile(db: sqlite_utils.Database, text: str) -> ProfileReport:
    """Replace the population profile with the CSV's rows, only if the whole file is sound."""
    report = parse_profile(text)
    if report.ok:
        stamp = now_iso()
        with wdb.write(db):
            db.execute("DELETE FROM population_profile")
            db["population_profile"].insert_all({**r, "loaded_at": stamp} for r in report.rows)
    return report


def profile(db: sqlite_utils.Database) -> dict[str, dict[str, float]]:
    """Characteristic -> group -> population proportion."""
    out: dict[str, dict[str, float]] = {}
    for row in db.query("SELECT * FROM population_profile ORDER BY characteristic, rowid"):
        out.setdefault(row["characteristic"], {})[row["community_group"]] = row["proportion"]
    return out


def participant_answers(
    db: sqlite_utils.Database,
    activity_id: int,
    story_ids: set[int] | None = None,
    areas: dict[int, str | None] | None = None,
) -> tuple[dict[str, Counter], Counter]:
    """Counts per characteristic and group, and per channel, for the activity's stories.

    Equality answers count only where the teller consented to equality monitoring.
    `story_ids` narrows the stories (publishing passes the publishable ones). A story's area
    counts only when it is one of the activity's listed areas; `areas` (story id -> area)
    replaces that choice (publishing passes the areas it publishes).
    """
    counts: dict[str, Counter] = {c: Counter() for c in CHARACTERISTICS}
    channels: Counter = Counter()
    ids = consent.story_ids(db, activity_id)
    if story_ids is not None:
        ids = [sid for sid in ids if sid in story_ids]
    stories = consent.story_facts(db, ids)
    answers = consent.equality_answers(db, ids)  # only where the teller agreed
    activity = consent.get_activity(db, activity_id) or {"areas": []}
    for sid, story in stories.items():
        channels[story["channel"]] += 1
        area = areas.get(sid) if areas is not None else consent.listed_area(activity, story["area"])
        given = {"area": area, **answers.get(sid, {})}
        for characteristic in CHARACTERISTICS:
            value = (given.get(characteristic) or "").strip()
            if value:
                counts[characteristic][value] += 1
    return counts, channels


def reach_table(
    counts: dict[str, Counter],
    population: dict[str, dict[str, float]],
    k: int = suppression.DEFAULT_K,
) -> list[dict]:
    """Rows of characteristic, group, shown count, share, population share and judgement.

    Groups in the population with no stories appear with 0: they are the least heard.
    Answers such as "Prefer not to say" are shown but left out of the comparison.
    """
    rows = []
    for characteristic, label in CHARACTERISTICS.items():
        expected = population.get(characteristic, {})
        groups = list(expected) + sorted(g for g in counts[characteristic] if g not in expected)
        if not counts[characteristic]:
            continue
        grid = [[counts[characteristic].get(g, 0) for g in groups]]
        table = suppression.suppress(grid, k)
        compared = _public_denominator(table, groups, expected)
        for j, group in enumerate(groups):
            shown = suppression.display(table.cells[0][j])
            share = population_share = judgement = None
            if group in expected:
                population_share = expected[group]
                most = table.bounds.get((0, j), (0, table.cells[0][j]))[1]
                share, judgement = _judge(shown, most, compared, population_share)
            rows.append(
                {
                    "characteristic": label,
                    "community_group": group,
                    "stories": shown,
                    "share": share,
                    "population_share": population_share,
                    "judgement": judgement,
                }
            )
        rows.append(
            {
                "characteristic": label,
                "community_group": "All answers",
                "stories": suppression.display(table.row_totals[0]),
                "share": None,
                "population_share": None,
                "judgement": None,
            }
        )
    return rows


def _public_denominator(table, groups: list[str], expected: dict) -> int | None:
    """The answers to compare shares over, worked out only from shown numbers.

    All answers, less the non-comparable ones ("Prefer not to say") that are shown. Using the
    true sum of the comparable groups would let a reader subtract their way to a withheld count.
    """
    if table.row_totals[0] is None:
        return None
    return table.row_totals[0] - sum(
        table.cells[0][j] or 0 for j, g in enumerate(groups) if g not in expected
    )


def _judge(
    shown: int | str, most: float, compared: int | None, population_share: float
) -> tuple[float | None, str]:
    """Share and judgement; `most` is the greatest a withheld count could be, as a reader
    works it out, so an under-heard judgement never rests on the withheld value itself."""
    if not compared or population_share <= 0:
        return None, "too few to say"
    if isinstance(shown, int):
        share = shown / compared
        ratio = share / population_share
        if ratio < UNDER_HEARD_RATIO:
            return share, "under-heard"
        return share, "over-represented" if ratio > OVER_HEARD_RATIO else "about as expected"
    if most / compared < UNDER_HEARD_RATIO * population_share:
        return None, "under-heard"
    return None, "too few to say"


def activity_reach(
    db: sqlite_utils.Database, activity_id: int, k: int = suppression.DEFAULT_K
) -> dict:
    """Everything the reach page shows for one activity."""
    counts, channels = participant_answers(db, activity_id)
    population = profile(db)
    channel_table = (
        suppression.suppress([[channels[c] for c in sorted(channels)]], k) if channels else None
    )
    return {
        "rows": reach_table(counts, population, k),
        "channels": [
            (c, suppression.display(channel_table.cells[0][j]))
            for j, c in enumerate(sorted(channels))
        ]
        if channel_table
        else [],
        "has_profile": bool(population),
    }
