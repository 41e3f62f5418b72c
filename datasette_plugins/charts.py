"""Server-side SVG bar charts: no JavaScript and no external CDN, readable without colour.

Withheld counts ("[c]") are drawn as labels with no bar, never as a guessed length.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_AREA, VALUE_WIDTH = 22, 6, 190, 320, 60
LINE_HEIGHT = 17
# About this many characters of 14px text fit in the label column; longer labels wrap onto
# more lines, never cut: a cut label ("ed or multiple ethnic gr…") can read as another group.
LABEL_CHARACTERS = 24


def bar_chart(title: str, items: list[tuple[str, int | str]]) -> Markup:
    """A horizontal bar chart of labelled counts, with a text alternative for screen readers."""
    numbers = [value for _, value in items if isinstance(value, int)]
    largest = max(numbers, default=0) or 1
    wrapped = [wrap(label) for label, _ in items]
    heights = [max(BAR_HEIGHT, len(lines) * LINE_HEIGHT + 4) for lines in wrapped]
    height = sum(heights) + GAP * (len(items) + 1)
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    summary = "; ".join(f"{label}: {value}" for label, value in items) or "no stories"
    parts = [
        f'<svg class="planner-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}: '
        f'{escape(summary)}"><title>{escape(title)}</title>'
    ]
    y = GAP
    for (_, value), lines, row_height in zip(items, wrapped, heights, strict=True):
        middle = y + BAR_HEIGHT * 0.7
        first = y + (row_height - len(lines) * LINE_HEIGHT) / 2 + LINE_HEIGHT * 0.8
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{first:.0f}" text-anchor="end">')
        parts += [
            f'<tspan x="{LABEL_WIDTH - 8}" dy="{LINE_HEIGHT if n else 0}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        ]
        parts.append("</text>")
        length = BAR_AREA * value / largest if isinstance(value, int) else 0
        if length:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
                f'class="bar"></rect>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{middle:.0f}">{escape(str(value))}</text>'
        )
        y += row_height + GAP
    parts.append("</svg>")
    return Markup("".join(parts))


def wrap(label: str, limit: int = LABEL_CHARACTERS) -> list[str]:
    """The label as lines of at most `limit` characters, broken between words (a word longer
    than a line is broken inside it); every character is kept."""
    lines: list[str] = []
    for word in label.split() or [""]:
        while len(word) > limit:
            lines.append(word[:limit])
            word = word[limit:]
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
