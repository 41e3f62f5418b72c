"""Who we heard from, readable: breakdowns with the withheld groups combined into one line.

Why: a breakdown where most groups are "<5" tells a board nothing. Within one published
breakdown (a theme's or an activity's answers to one equality question, with its total), the
groups whose counts are shown stay as they are, and every withheld group is combined into one
"Other groups" line whose count is the total less the shown counts. That sum is already
worked out from the published table by anyone with a calculator, so combining discloses
nothing new; it is still shown as "<5" when small, and not at all when the total is withheld.

Shares of answers are against the breakdown's total; population shares come from the published
`population_share` column (summed for the combined line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_K = 5
TOTAL_GROUPS = ("All groups", "All answers")
UNDER_HEARD_RATIO, OVER_HEARD_RATIO = 0.8, 1.25  # as workbench/feedback/reach.py


@dataclass(frozen=True)
class Line:
    """One line of a readable breakdown."""

    group: str
    stories: int | str
    share: str | None = None
    population_share: str | None = None
    heard: str | None = None
    members: tuple[str, ...] = ()


def k_from(values, about: dict | None = None) -> int:
    """The suppression threshold the publication used.

    Why: the publication records it in `about.suppression_threshold`; a file built before that
    record (or a hand-made table in a test) still says it through a "<k" marker.
    """
    recorded = (about or {}).get("suppression_threshold")
    if recorded is not None and str(recorded).isdigit():
        return int(recorded)
    for value in values:
        found = re.fullmatch(r"<(\d+)", str(value))
        if found:
            return int(found.group(1))
    return DEFAULT_K


def readable(rows: list[dict], about: dict | None = None) -> tuple[list[Line], int | str | None]:
    """Lines for one breakdown (rows with `community_group`, `stories` and optionally
    `share_of_answers`, `population_share`, `heard`), and its total.

    Shown groups come first, largest first; the withheld ones are combined at the end.
    """
    total_rows = [r for r in rows if r["community_group"] in TOTAL_GROUPS]
    total = total_rows[0]["stories"] if total_rows else None
    groups = [r for r in rows if r["community_group"] not in TOTAL_GROUPS]
    k = k_from((r["stories"] for r in rows), about)
    shown = sorted(
        (r for r in groups if isinstance(r["stories"], int)),
        key=lambda r: (-r["stories"], r["community_group"]),
    )
    withheld = [r for r in groups if not isinstance(r["stories"], int)]
    lines = [
        Line(
            r["community_group"],
            r["stories"],
            r.get("share_of_answers") or _share(r["stories"], total),
            r.get("population_share"),
            r.get("heard"),
        )
        for r in shown
    ]
    if len(withheld) == 1:  # a lone withheld group keeps its marker: never subtract it out
        r = withheld[0]
        lines.append(Line(r["community_group"], r["stories"], None, r.get("population_share")))
    elif withheld:
        lines.append(_combined(withheld, shown, total, k))
    return lines, total


def _combined(withheld: list[dict], shown: list[dict], total, k: int) -> Line:
    names = tuple(r["community_group"] for r in withheld)
    label = "Other groups combined" if shown else f"All {len(names)} groups combined"
    population = [_percent(r.get("population_share")) for r in withheld]
    population_total = sum(p for p in population if p is not None) if any(population) else None
    if not isinstance(total, int):
        return Line(label, "withheld", None, _format(population_total), None, names)
    rest = total - sum(r["stories"] for r in shown)
    if rest >= k:
        share = rest / total if total else None
        heard = _heard(share, population_total)
        return Line(label, rest, _format(share), _format(population_total), heard, names)
    return Line(label, f"<{k}" if rest > 0 else 0, None, _format(population_total), None, names)


def _heard(share: float | None, population: float | None) -> str | None:
    if share is None or not population:
        return None
    ratio = share / population
    if ratio < UNDER_HEARD_RATIO:
        return "under-heard"
    return "over-represented" if ratio > OVER_HEARD_RATIO else "about as expected"


def _share(stories, total) -> str | None:
    if isinstance(stories, int) and isinstance(total, int) and total:
        return _format(stories / total)
    return None


def _percent(value) -> float | None:
    if value is None:
        return None
    try:
        return float(str(value).rstrip("%")) / 100
    except ValueError:
        return None


def _format(value: float | None) -> str | None:
    return None if value is None else f"{100 * value:.1f}%"


def by_characteristic(
    rows: list[dict], about: dict | None = None
) -> list[tuple[str, list[Line], int | str | None]]:
    """(characteristic, lines, total) for each characteristic in the rows' order; `about` is the
    publication's `about` table, which says its suppression threshold."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["characteristic"], []).append(row)
    return [(name, *readable(found, about)) for name, found in grouped.items()]
