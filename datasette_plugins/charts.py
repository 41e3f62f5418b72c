"""Server-side SVG bar charts: no JavaScript and no external CDN, readable without colour.

Withheld counts ("[c]") are drawn as labels with no bar, never as a guessed length.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_AREA, VALUE_WIDTH = 22, 6, 190, 320, 60


def bar_chart(title: str, items: list[tuple[str, int | str]]) -> Markup:
    """A horizontal bar chart of labelled counts, with a text alternative for screen readers."""
    numbers = [value for _, value in items if isinstance(value, int)]
    largest = max(numbers, default=0) or 1
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    summary = "; ".join(f"{label}: {value}" for label, value in items) or "no stories"
    parts = [
        f'<svg class="planner-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}: '
        f'{escape(summary)}"><title>{escape(title)}</title>'
    ]
    for n, (label, value) in enumerate(items):
        y = GAP + n * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT * 0.7
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.0f}" text-anchor="end">'
            f"{escape(_shorten(label))}</text>"
        )
        length = BAR_AREA * value / largest if isinstance(value, int) else 0
        if length:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
                f'class="bar"></rect>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{middle:.0f}">{escape(str(value))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _shorten(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
