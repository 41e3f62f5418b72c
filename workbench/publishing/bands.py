"""Published values given as bands rather than exact numbers, so none can single anyone out:
a theme's size, and its stories' mean criticality as words."""

from __future__ import annotations

from workbench import suppression

TONE_BANDS = (
    (-2.0, "mostly critical"),
    (-0.5, "more critical than positive"),
    (0.5, "mixed"),
    (2.0, "more positive than critical"),
)


def size_band(n: int) -> str:
    """Bands rather than exact sizes, so a theme's size cannot single anyone out."""
    for upper, band in ((5, "<5"), (10, "5-9"), (25, "10-24"), (50, "25-49"), (100, "50-99")):
        if n < upper:
            return band
    return "100+"


def tone(scores: list[float], k: int = suppression.DEFAULT_K) -> str | None:
    """A theme's mean criticality as words; None when fewer than k stories were scored."""
    if len(scores) < k:
        return None
    mean = sum(scores) / len(scores)
    for upper, band in TONE_BANDS:
        if mean < upper:
            return band
    return "mostly positive"
