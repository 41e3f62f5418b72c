"""Filters on the planner pages: activity, priority, area, community group and period.

Why here: planners compare slices of the publication without writing SQL, and a view they
choose lives in the URL (`/?activity=1&area=Riverside&from=2026-01&to=2026-03`) so it can be
shared and bookmarked. Values are checked against what the publication holds; an unknown one
is named on the page (status 400), never passed to a query or turned into a 500.

Only published rows are read, and each filter's own published count is shown: the count of a
combination (say an area within a period) is not published, so it is never computed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from datasette_plugins.spc import _is_month

NAMES = ("activity", "priority", "area", "group", "from", "to")
GROUP_SEPARATOR = ": "
HEADINGS = {
    "activity": "In this activity",
    "priority": "Stories on this priority",
    "area": "Stories in this area",
    "group": "Stories from this group",
    "period": "Stories in this period",
}


@dataclass(frozen=True)
class Options:
    """What each filter may be set to, read from the published tables."""

    activities: dict[int, str] = field(default_factory=dict)
    priorities: dict[int, str] = field(default_factory=dict)
    areas: list[str] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)
    months: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Chosen:
    """The filters a request set, each checked against `Options`."""

    activity: int | None = None
    priority: int | None = None
    area: str | None = None
    group: tuple[str, str] | None = None
    start: str | None = None
    end: str | None = None

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.activity, self.priority, self.area, self.group))

    @property
    def period(self) -> bool:
        return self.start is not None or self.end is not None

    def in_period(self, month: str) -> bool:
        return (self.start is None or month >= self.start) and (
            self.end is None or month <= self.end
        )


def choose(args, options: Options) -> tuple[Chosen, list[str]]:
    """The filters in a request's query string, and a sentence for each value not usable.

    `args` is anything with `.get(name)` (Datasette's `request.args`). Blank values mean
    "any", so a form submitted with nothing chosen shows everything.
    """
    errors: list[str] = []
    values = {name: (args.get(name) or "").strip() for name in NAMES}
    activity = _known_id(values["activity"], options.activities, "activity", errors)
    priority = _known_id(values["priority"], options.priorities, "priority", errors)
    area = values["area"] or None
    if area is not None and area not in options.areas:
        errors.append("There is no published area of that name.")
        area = None
    group = None
    if values["group"]:
        characteristic, _, name = values["group"].partition(GROUP_SEPARATOR)
        if (characteristic, name) in options.groups:
            group = (characteristic, name)
        else:
            errors.append("There is no published community group of that name.")
    start = _month(values["from"], "start", errors)
    end = _month(values["to"], "end", errors)
    if start and end and start > end:
        errors.append(f"The period starts ({start}) after it ends ({end}).")
        start = end = None
    return Chosen(activity, priority, area, group, start, end), errors


def query_string(chosen: Chosen) -> str:
    """The chosen filters as a URL query, for links that keep the current view."""
    from urllib.parse import urlencode

    pairs = [
        ("activity", chosen.activity),
        ("priority", chosen.priority),
        ("area", chosen.area),
        ("group", GROUP_SEPARATOR.join(chosen.group) if chosen.group else None),
        ("from", chosen.start),
        ("to", chosen.end),
    ]
    return urlencode([(k, v) for k, v in pairs if v is not None])


def _known_id(value: str, known: dict[int, str], name: str, errors: list[str]) -> int | None:
    if not value:
        return None
    if value.isdigit() and int(value) in known:
        return int(value)
    errors.append(f"There is no published {name} with that number.")
    return None


def _month(value: str, which: str, errors: list[str]) -> str | None:
    if not value:
        return None
    if _is_month(value):
        return value
    errors.append(f"The period's {which} must be a month written as YYYY-MM, like 2026-01.")
    return None
