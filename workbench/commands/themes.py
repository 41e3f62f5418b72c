"""`workbench themes`: theme a JSON Lines file of texts with the same embed-and-fit path the
workbench uses, without a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from workbench.commands.jsonl import input_option, output_option, read_records


@click.command("themes")
@input_option('JSON Lines input, one {"id": ..., "text": ...} per line.')
@output_option('JSON Lines output, one {"id", "theme", "theme_label"} per line (theme -1: none).')
def themes_command(in_path: Path, out_path: Path) -> None:
    """Group texts into themes with BERTopic over all-MiniLM-L6-v2 embeddings.

    Texts should already be anonymised. At least 15 different texts are needed; outliers get
    theme -1. Runs offline; progress goes to stderr.

    Example: workbench themes --in stories.jsonl --out themes.jsonl
    """
    from nlp import embed, themes
    from nlp.themes.store import readable_label

    records = [record for _, record in read_records(in_path, ("id", "text"), unique_ids=True)]
    ids, texts = [r["id"] for r in records], [r["text"] for r in records]
    if len(texts) < themes.MIN_STORIES:
        raise click.ClickException(
            f"themes need at least {themes.MIN_STORIES} texts; {in_path} has {len(texts)}"
        )
    with click.progressbar(length=100, label="Embedding", file=sys.stderr) as bar:
        done = [0]

        def advance(fraction: float, _message: str = "") -> None:
            target = int(fraction * 100)
            bar.update(max(0, target - done[0]))
            done[0] = max(done[0], target)

        vectors = embed.encode(texts, progress=lambda f, m: advance(0.6 * f, m))
        bar.label = "Finding themes"
        fit = themes.fit_themes(texts, vectors)
        advance(1.0)
    if fit.status == "too_few":
        raise click.ClickException(fit.message)
    if fit.status != "done":
        click.echo(fit.message, err=True)
    labels = {
        topic: readable_label(fit.names.get(topic), words) for topic, words in fit.keywords.items()
    }
    topics = fit.topics or [-1] * len(ids)
    with open(out_path, "w", encoding="utf-8") as out:
        for story_id, topic in zip(ids, topics, strict=True):
            record = {"id": story_id, "theme": topic, "theme_label": labels.get(topic, "")}
            out.write(json.dumps(record) + "\n")
    click.echo(
        f"{fit.n_themes} themes, {fit.outlier_share:.0%} of texts in none; wrote {out_path}",
        err=True,
    )
