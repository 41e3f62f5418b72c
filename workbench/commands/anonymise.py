"""`workbench anonymise`: anonymise a JSONL file with exactly the code path the workers use."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import click

from workbench.commands.jsonl import input_option, output_option, read_records

# Stories are read and anonymised in batches so spaCy's nlp.pipe can batch them too: large
# enough that the few stories in one case (the tagger's share) still make a batch of their own.
BATCH = 256


@click.command("anonymise")
@input_option('JSONL input: one {"id": ..., "text": ...} object a line.')
@output_option('JSONL output: each input object plus "anonymised", "findings" and "doubts".')
@click.option(
    "--ner/--no-ner",
    default=None,
    help="Add the trained NER to the rules, or not (default: as the workers run).",
)
def anonymise_command(in_path: Path, out_path: Path, ner: bool | None) -> None:
    """Anonymise stories in a JSONL file, with a progress bar on stderr.

    Each output line is the input object plus "anonymised" (the text with identifiers replaced
    or generalised), "findings" ([{"start", "end", "label", "score"}], offsets into the
    original text) and "doubts" ([{"start", "end", "label"}]: names the trained NER guessed and
    did not redact, for a person to look at).

    Example: workbench anonymise --in stories.jsonl --out anonymised.jsonl
    """
    records = read_records(in_path)
    _load(ner)
    from nlp.anonymise import anonymise_many

    with (
        out_path.open("w", encoding="utf-8") as out,
        click.progressbar(
            length=len(records), label="anonymising", file=click.get_text_stream("stderr")
        ) as bar,
    ):
        for start in range(0, len(records), BATCH):
            batch = records[start : start + BATCH]
            results = anonymise_many([record["text"] for _, record in batch], use_ner=ner)
            for (_, record), result in zip(batch, results, strict=True):
                findings = [
                    {"start": f.start, "end": f.end, "label": f.label, "score": f.score}
                    for f in result.findings
                ]
                doubts = [{"start": f.start, "end": f.end, "label": f.label} for f in result.doubts]
                out.write(
                    json.dumps(
                        {
                            **record,
                            "anonymised": result.text,
                            "findings": findings,
                            "doubts": doubts,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
            bar.update(len(batch))
    click.echo(f"anonymised {len(records)} stories into {out_path}", err=True)


def _load(ner: bool | None) -> None:
    """Import the anonymiser and load its models with no garbage collection on the way.

    Start-up makes a few million objects that live as long as the process, and a collection
    every 700 new ones walks them again and again (a tenth of a second or more of a run); the
    loaders freeze what they loaded (`nlp.anonymise.keep_for_good`), so collections after it
    skip them. The threshold is set to 0 rather than calling `gc.disable`, which spaCy's model
    reader (srsly) undoes. The few thousand objects of garbage start-up leaves stay frozen: a
    megabyte or so. Nothing found changes: a collection frees only what nothing can reach.
    """
    from nlp.identifiers.core.compiled_patterns import kept_compiled

    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        with kept_compiled():  # the rules' patterns compile as the modules import them
            from nlp.anonymise import USE_NER, engine

            engine()
            if USE_NER if ner is None else ner:
                from nlp.identifiers.ner.ner_model import ner_pipeline

                ner_pipeline()
    finally:
        gc.set_threshold(*thresholds)
