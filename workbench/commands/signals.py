"""`workbench signals`: look for risk signals in a JSON Lines file of texts with exactly the
detector the worker runs, so it can be checked from outside the app (no database)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from workbench.commands.jsonl import input_option, output_option, read_records


@click.command("signals")
@input_option('JSON Lines input, one {"id": ..., "text": ...} per line.')
@output_option(
    'JSON Lines output, one {"id", "signals": [{"type", "reason", "severity"}]} per line.'
)
@click.option(
    "--rules-only",
    is_flag=True,
    help="Run only the rules, as the online form does at the moment of telling.",
)
def signals_command(in_path: Path, out_path: Path, rules_only: bool) -> None:
    """Find risk signals (suicide or self-harm, abuse or neglect, domestic abuse, immediate
    danger, a wish to complain) in each text, with the reason each fired.

    Severity is "urgent" for risk to life, "high" for abuse or neglect and "routine" for a
    complaint. Runs offline; the counts go to stderr, never the texts.

    Example: workbench signals --in stories.jsonl --out signals.jsonl
    """
    records = read_records(in_path, ("id", "text"), unique_ids=True)
    from nlp import signals

    detect = signals.rule_hits if rules_only else signals.detect
    flagged = 0
    with (
        out_path.open("w", encoding="utf-8") as out,
        click.progressbar(
            records, label="reading for signals", file=click.get_text_stream("stderr")
        ) as bar,
    ):
        for _, record in bar:
            found = [
                {"type": s.name, "reason": s.why, "severity": s.severity}
                for s in detect(record["text"]).signals
            ]
            flagged += bool(found)
            out.write(json.dumps({"id": record["id"], "signals": found}, ensure_ascii=False) + "\n")
    click.echo(f"{flagged} of {len(records)} texts with a signal; wrote {out_path}", err=True)
