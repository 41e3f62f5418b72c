"""Server-side SVG for the theme pages: a theme map and theme sizes over time.

Plain strings, no JavaScript and no CDN, so the pages work offline and under a strict
Content-Security-Policy. Every label is escaped; points carry only a theme label as tooltip,
never story text. Given a `link`, each point of the map is a link to its story.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

# Okabe-Ito and Tol colours: distinguishable for the common colour-vision deficiencies.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
    "#332288", "#88CCEE", "#117733", "#AA4499", "#882255", "#44AA99", "#999933",
)  # fmt: skip


def colour_for(index: int) -> str:
    """The palette repeats beyond its length; the legend still names every theme."""
    return PALETTE[index % len(PALETTE)]


def _svg(width: int, height: int, title: str, body: list[str], role: str = "img") -> str:
    """A chart is one image to assistive technology, unless it holds links: then a group, whose
    links each keep their own name (an image's parts are presentational)."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="{role}" aria-labelledby="chart-title">'
        f'<title id="chart-title">{escape(title)}</title>' + "".join(body) + "</svg>"
    )


def theme_map_svg(
    points: list[dict],
    width: int = 640,
    height: int = 440,
    link: Callable[[dict], str] | None = None,
) -> str:
    """A scatter of stories (x, y in 0..1) coloured by theme, with a legend.

    `points` is what `nlp.themes.store.theme_map` returns; `link(point)`, if given, is the
    address each point opens (an SVG link, so it works by mouse and keyboard without script).
    """
    if not points:
        return _svg(width, 60, "Theme map", ['<text x="10" y="30">No themed stories yet.</text>'])
    themes = _theme_order(points)
    legend_rows = len(themes)
    plot_w, margin = width - 200, 12
    height = max(height, 30 + 18 * legend_rows)
    body = [f'<rect x="0" y="0" width="{plot_w}" height="{height}" fill="#fafafa"/>']
    for point in points:
        cx = margin + float(point["x"]) * (plot_w - 2 * margin)
        cy = margin + (1 - float(point["y"])) * (height - 2 * margin)
        colour = colour_for(themes[point["theme_id"]][0])
        label = escape(str(point["label"]))
        dot = (
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}" fill-opacity="0.75">'
            f"<title>{label}</title></circle>"
        )
        if link is not None:
            dot = (
                f'<a href="{escape(link(point))}" class="map-point" '
                f'aria-label="A story in {label}">{dot}</a>'
            )
        body.append(dot)
    for theme_id, (index, label) in themes.items():
        y = 20 + 18 * index
        body.append(
            f'<circle cx="{plot_w + 14}" cy="{y - 4}" r="5" fill="{colour_for(index)}"/>'
            f'<text x="{plot_w + 24}" y="{y}" font-size="12" data-theme="{theme_id}">'
            f"{escape(_short(label))}</text>"
        )
    title = "Theme map: each dot is a story, coloured by theme"
    return _svg(width, height, title, body, role="img" if link is None else "group")


def _theme_order(points: list[dict]) -> dict[int, tuple[int, str]]:
    """Themes by size, largest first, so the commonest get the clearest colours."""
    sizes: dict[int, int] = {}
    labels: dict[int, str] = {}
    for point in points:
        sizes[point["theme_id"]] = sizes.get(point["theme_id"], 0) + 1
        labels[point["theme_id"]] = str(point["label"])
    ordered = sorted(sizes, key=lambda t: (-sizes[t], t))
    return {theme_id: (i, labels[theme_id]) for i, theme_id in enumerate(ordered)}


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def sizes_over_time_svg(data: dict, width: int = 640, height: int = 320) -> str:
    """One line per theme: stories per month, each month marked with a dot; with a single
    month, a bar per theme (a line needs two points). `data` is
    `nlp.themes.store.sizes_over_time`."""
    months, series = data.get("months", []), data.get("series", [])
    if not months or not series:
        return _svg(width, 60, "Theme sizes over time", ['<text x="10" y="30">No data yet.</text>'])
    if len(months) == 1:
        return _one_month_svg(months[0], series, width, height)
    left, right, top, bottom = 40, 200, 12, 40
    height = max(height, top + bottom + 18 * len(series))
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(max(s["counts"]) for s in series) or 1
    step = plot_w / max(1, len(months) - 1)

    def xy(i: int, count: int) -> tuple[float, float]:
        return left + i * step, top + plot_h * (1 - count / peak)

    body = _axes(left, top, plot_w, plot_h, peak)
    label_every = max(1, len(months) // 6)
    for i, month in enumerate(months):
        if i % label_every == 0 or i == len(months) - 1:
            x, _ = xy(i, 0)
            body.append(
                f'<text x="{x:.1f}" y="{height - bottom + 16}" font-size="11" '
                f'text-anchor="middle">{escape(month)}</text>'
            )
    for index, item in enumerate(series):
        colour = colour_for(index)
        path = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (xy(i, c) for i, c in enumerate(item["counts"]))
        )
        label = escape(str(item["label"]))
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2">'
            f"<title>{label}</title></polyline>"
        )
        for i, count in enumerate(item["counts"]):
            x, y = xy(i, count)
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}">'
                f"<title>{label}: {count} in {escape(months[i])}</title></circle>"
            )
        body.append(_legend_entry(width - right, top + 10 + 18 * index, colour, item["label"]))
    return _svg(width, height, "Stories per theme per month", body)


def _axes(left: float, top: float, plot_w: float, plot_h: float, peak: int) -> list[str]:
    """The x and y axes with the y axis labelled 0 and `peak`: both chart kinds share them."""
    return [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#555"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#555"/>',
        f'<text x="{left - 6}" y="{top + 10}" font-size="11" text-anchor="end">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" font-size="11" text-anchor="end">0</text>',
    ]


def _legend_entry(x: float, y: float, colour: str, label) -> str:
    """A colour swatch and the theme's shortened name, right of the plot at height `y`."""
    return (
        f'<rect x="{x + 10}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
        f'<text x="{x + 24}" y="{y}" font-size="12">'
        f"{escape(_short(str(label)))}</text>"
    )


def _one_month_svg(month: str, series: list[dict], width: int, height: int) -> str:
    """A bar per theme for the one month there is."""
    left, right, top, bottom = 40, 200, 12, 40
    height = max(height, top + bottom + 18 * len(series))
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(s["counts"][0] for s in series) or 1
    slot = plot_w / len(series)
    bar = max(2.0, min(40.0, slot * 0.7))
    body = [
        *_axes(left, top, plot_w, plot_h, peak),
        f'<text x="{left + plot_w / 2:.1f}" y="{height - bottom + 16}" font-size="11" '
        f'text-anchor="middle">{escape(month)}</text>',
    ]
    for index, item in enumerate(series):
        colour, count = colour_for(index), item["counts"][0]
        bar_h = plot_h * count / peak
        x = left + slot * index + (slot - bar) / 2
        label = escape(str(item["label"]))
        body.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar:.1f}" '
            f'height="{bar_h:.1f}" fill="{colour}" class="month-bar">'
            f"<title>{label}: {count} in {escape(month)}</title></rect>"
        )
        body.append(_legend_entry(width - right, top + 10 + 18 * index, colour, item["label"]))
    return _svg(width, height, f"Stories per theme in {month}", body)
