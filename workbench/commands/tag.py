"""`workbench tag`: tag a JSON Lines file of texts against a priority framework, no database."""

from __future__ import annotations

import json
from pathlib import Path

import click

from nlp.priorities import FrameworkError, load_framework, resolve_labels
from nlp.tagging import tag_texts
from workbench.commands.jsonl import input_option, output_option, read_records


@click.command("tag")
@click.option(
    "--framework",
    "framework_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Priority framework YAML.",
)
@input_option('JSON Lines of {"id", "text"} to tag.')
@output_option('Where to write JSON Lines of {"id", "labels", "scores", "reasons"}.')
@click.option(
    "--train",
    "train_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Labelled JSON Lines of {"id", "text", "labels"}; labels are priority ids or titles.',
)
def tag(framework_path: Path, in_path: Path, out_path: Path, train_path: Path | None):
    """Tag texts to the priorities of a framework, zero-shot or trained on labelled examples.

    Without --train, each text gets the priorities whose descriptions it is closest to (scores
    are cosine similarities). With --train, a tagger learnt from the labelled file and from
    each priority's title, description and examples tags them (scores are calibrated
    probabilities); a priority with fewer than 3 labelled examples falls back to zero-shot
    similarity. Each label comes with its reason: the sentence of the text that carried it.

    Example: workbench tag --framework dundee.yaml --in stories.jsonl --out tagged.jsonl
    --train labelled.jsonl
    """
    try:
        framework = load_framework(framework_path)
    except FrameworkError as error:
        raise click.ClickException(f"{framework_path}: {error}") from None
    for warning in framework.warnings:
        click.echo(f"warning: {warning}", err=True)
    records = [r for _, r in read_records(in_path, ("id", "text"))]
    training = None
    if train_path is not None:
        labelled = [r for _, r in read_records(train_path, ("id", "text", "labels"))]
        for record in labelled:
            if not isinstance(record["labels"], list) or not all(
                isinstance(label, str) for label in record["labels"]
            ):
                raise click.ClickException(
                    f"{train_path}: 'labels' of id {record['id']!r} must be a list of strings"
                )
        try:
            ids = resolve_labels(framework, [lab for r in labelled for lab in r["labels"]])
        except FrameworkError as error:
            raise click.ClickException(f"{train_path}: {error}") from None
        training = (
            [r["text"] for r in labelled],
            [[ids[label] for label in r["labels"]] for r in labelled],
        )
    try:
        results = tag_texts(framework, [r["text"] for r in records], training)
    except ValueError as error:  # includes tag_learner.TrainingError
        raise click.ClickException(str(error)) from None
    with out_path.open("w", encoding="utf-8") as handle:
        for record, result in zip(records, results, strict=True):
            line = {
                "id": record["id"],
                "labels": result.labels,
                "scores": result.scores,
                "reasons": result.reasons,
            }
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    click.echo(f"tagged {len(records)} texts against {framework.id} into {out_path}")
