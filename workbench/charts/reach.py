"""A server-side SVG of reach: each group's share of answers beside its share of the population.

No JavaScript and no CDN; readable without colour (the population bar is an outline, values
are printed, under-heard groups are marked in words) and described for screen readers.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

ROW, BAR, GAP, LABEL, AREA, VALUE = 44, 16, 4, 230, 300, 170


def reach_chart(title: str, rows: list[dict]) -> Markup:
    """Paired bars for rows from `reach.reach_table` that have a population share."""
    rows = [r for r in rows if r["population_share"] is not None]
    largest = max([r["population_share"] for r in rows] + [r["share"] or 0 for r in rows] + [0.01])
    width, height = LABEL + AREA + VALUE, len(rows) * ROW + 8
    summary = "; ".join(
        f"{r['community_group']}: {_percent(r['share'], r['stories'])} of answers, "
        f"{_percent(r['population_share'])} of population, {r['judgement']}"
        for r in rows
    )
    parts = [
        f'<svg class="reach-chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}: {escape(summary)}">'
        f"<title>{escape(title)}</title>"
    ]
    for n, row in enumerate(rows):
        y = 4 + n * ROW
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + BAR + 2}" text-anchor="end">'
            f"{escape(_shorten(row['community_group']))}</text>"
        )
        share = row["share"] or 0
        answers_width = AREA * share / largest
        population_width = AREA * row["population_share"] / largest
        if answers_width:
            parts.append(
                f'<rect class="answers" x="{LABEL}" y="{y}" width="{answers_width:.1f}" '
                f'height="{BAR}" fill="#1d70b8"></rect>'
            )
        parts.append(
            f'<text x="{LABEL + answers_width + 4:.1f}" y="{y + BAR - 3}">'
            f"{escape(_percent(row['share'], row['stories']))} of answers"
            f"{' (under-heard)' if row['judgement'] == 'under-heard' else ''}</text>"
        )
        parts.append(
            f'<rect class="population" x="{LABEL}" y="{y + BAR + GAP}" '
            f'width="{population_width:.1f}" height="{BAR}" fill="none" stroke="#0b0c0c" '
            f'stroke-dasharray="4 2"></rect>'
            f'<text x="{LABEL + population_width + 4:.1f}" y="{y + 2 * BAR + GAP - 3}">'
            f"{escape(_percent(row['population_share']))} of population</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _percent(value: float | None, shown: int | str | None = None) -> str:
    if value is None:
        return f"{shown} stories" if shown is not None else "not shown"
    return f"{100 * value:.0f}%"


def _shorten(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
