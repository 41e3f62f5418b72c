"""A theme's stories per month as an XmR (statistical process control) chart.

Why: a planner sees a month go up and reads it as a change; most such rises are noise. The
NHS "Making Data Count" approach draws the mean and natural process limits (mean ± 2.66 × mean
moving range) and flags only special causes: a point outside the limits, or a run of 7 or more
points on one side of the mean (a shift).

Only published counts are read. How suppressed months are treated: a month shown as "<5" or
"[c]" has no exact value, and guessing one would either mislead or undo the suppression. So
the chart is drawn only when every month in the series is an exact count; otherwise the page
shows the banded bars and says why. A month with no row in `theme_counts` had no stories (zero
cells are left out there, withheld zeros are kept), so gaps between the first and last month
count as 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_MONTHS = 6
RUN_LENGTH = 7
SIGMA_FACTOR = 2.66


@dataclass(frozen=True)
class Trend:
    """What the trend section shows: `status` is "spc", "too-few", "suppressed" or "empty"."""

    status: str
    months: list[str]
    counts: list
    mean: float = 0.0
    upper: float = 0.0
    lower: float = 0.0
    outside: list[int] = field(default_factory=list)
    shifts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def flagged(self) -> set[int]:
        """Indices of months that are part of a special cause."""
        found = set(self.outside)
        for start, end in self.shifts:
            found.update(range(start, end + 1))
        return found

    def signals(self) -> list[str]:
        """Special causes in words, for the page and the chart's text alternative."""
        words = []
        for i in self.outside:
            where = "above the upper" if self.counts[i] > self.upper else "below the lower"
            words.append(f"{self.months[i]} is {where} limit")
        for start, end in self.shifts:
            side = "above" if self.counts[start] > self.mean else "below"
            words.append(
                f"{end - start + 1} months in a row {side} the mean "
                f"({self.months[start]} to {self.months[end]})"
            )
        return words


def month_series(rows: list[dict]) -> tuple[list[str], list]:
    """Consecutive months from the first to the last published one, missing months as 0.

    `rows` carry `month` ("YYYY-MM"; other values such as "unknown" are left out) and
    `stories` (an int, or a suppressed marker such as "<5" or "[c]").
    """
    shown = {r["month"]: r["stories"] for r in rows if _is_month(r["month"])}
    if not shown:
        return [], []
    months = _month_range(min(shown), max(shown))
    return months, [shown.get(m, 0) for m in months]


def trend(rows: list[dict], min_months: int = MIN_MONTHS) -> Trend:
    """The XmR chart's figures for published monthly rows, or why there is none."""
    months, counts = month_series(rows)
    if not months:
        return Trend("empty", months, counts)
    if not all(isinstance(c, int) for c in counts):
        return Trend("suppressed", months, counts)
    if len(months) < min_months:
        return Trend("too-few", months, counts)
    mean = sum(counts) / len(counts)
    ranges = [abs(b - a) for a, b in zip(counts, counts[1:], strict=False)]
    spread = SIGMA_FACTOR * sum(ranges) / len(ranges)
    upper, lower = mean + spread, max(0.0, mean - spread)
    outside = [i for i, v in enumerate(counts) if v > upper or v < lower]
    shifts = _shifts(counts, mean, RUN_LENGTH)
    return Trend("spc", months, counts, mean, upper, lower, outside, shifts)


def _shifts(values: list[int], mean: float, length: int) -> list[tuple[int, int]]:
    """(first, last) index of each run of `length` or more points on one side of the mean;
    a point on the mean breaks a run."""
    runs, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or _side(values[i], mean) != _side(values[start], mean):
            if _side(values[start], mean) != 0 and i - start >= length:
                runs.append((start, i - 1))
            start = i
    return runs


def _side(value: float, mean: float) -> int:
    return (value > mean) - (value < mean)


def _is_month(value) -> bool:
    return (
        isinstance(value, str)
        and len(value) == 7
        and value[4] == "-"
        and value[:4].isdigit()
        and value[5:].isdigit()
        and 1 <= int(value[5:]) <= 12
    )


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
