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


SPC_WIDTH, SPC_HEIGHT, SPC_LEFT, SPC_RIGHT, SPC_TOP, SPC_BOTTOM = 640, 260, 48, 150, 14, 46


def spc_chart(title: str, trend) -> Markup:
    """An XmR chart: monthly counts joined by a line, the mean (solid) and the process limits
    (dashed). Special-cause months are drawn as squares, the rest as circles, so the chart
    reads without colour; the text alternative names the limits and each signal."""
    counts: list[int] = trend.counts
    n = len(counts)
    top_value = max([*counts, trend.upper, 1]) * 1.05
    plot_w = SPC_WIDTH - SPC_LEFT - SPC_RIGHT
    plot_h = SPC_HEIGHT - SPC_TOP - SPC_BOTTOM

    def x(i: int) -> float:
        return SPC_LEFT + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(value: float) -> float:
        return SPC_TOP + plot_h * (1 - value / top_value)

    signals = trend.signals()
    summary = (
        f"{n} months from {trend.months[0]} to {trend.months[-1]}; mean {trend.mean:.1f}, "
        f"upper limit {trend.upper:.1f}, lower limit {trend.lower:.1f}; "
        + ("; ".join(signals) if signals else "no special cause: the changes are within noise")
    )
    parts = [
        f'<svg class="planner-chart planner-spc" role="img" '
        f'viewBox="0 0 {SPC_WIDTH} {SPC_HEIGHT}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}: {escape(summary)}">'
        f"<title>{escape(title)}</title><desc>{escape(summary)}</desc>",
        f'<line class="axis" x1="{SPC_LEFT}" y1="{SPC_TOP + plot_h}" x2="{SPC_LEFT + plot_w}" '
        f'y2="{SPC_TOP + plot_h}"></line>',
    ]
    for value, name, css in (
        (trend.upper, "upper limit", "limit"),
        (trend.mean, "mean", "mean"),
        (trend.lower, "lower limit", "limit"),
    ):
        parts.append(
            f'<line class="{css}" x1="{SPC_LEFT}" y1="{y(value):.1f}" x2="{SPC_LEFT + plot_w}" '
            f'y2="{y(value):.1f}"></line><text x="{SPC_LEFT + plot_w + 6}" '
            f'y="{y(value) + 4:.1f}">{name} {value:.1f}</text>'
        )
    points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(counts))
    parts.append(f'<polyline class="series" points="{points}"></polyline>')
    flagged = trend.flagged
    for i, value in enumerate(counts):
        if i in flagged:
            parts.append(
                f'<rect class="signal" x="{x(i) - 5:.1f}" y="{y(value) - 5:.1f}" '
                f'width="10" height="10"></rect>'
            )
        else:
            parts.append(
                f'<circle class="point" cx="{x(i):.1f}" cy="{y(value):.1f}" r="4"></circle>'
            )
    step = max(1, (n + 7) // 8)
    for i in range(0, n, step):
        parts.append(
            f'<text x="{x(i):.1f}" y="{SPC_TOP + plot_h + 18}" text-anchor="middle">'
            f"{escape(trend.months[i])}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
