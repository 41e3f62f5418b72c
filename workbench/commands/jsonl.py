"""JSON Lines in and out for the file-to-file commands (`anonymise`, `themes`, `tag`, `signals`).

One pair of options and one reader, so every command takes its files the same way and reports
a missing file or a bad line the same way: the file and line number and what is wrong, never
the line's text, which may be someone's story.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click


def input_option(help: str) -> Callable:
    """`--in PATH`: the JSON Lines file to read (`read_records` reports a missing one)."""
    return click.option(
        "--in",
        "in_path",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help=help,
    )


def output_option(help: str) -> Callable:
    """`--out PATH`: the JSON Lines file to write."""
    return click.option(
        "--out",
        "out_path",
        required=True,
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help=help,
    )


def read_records(
    path: Path, required: tuple[str, ...] = ("text",), unique_ids: bool = False
) -> list[tuple[int, dict]]:
    """(line number, object) for each non-blank line; a bad line stops with a ClickException.

    Every key in `required` must be present and "text", when required, must be a string. With
    `unique_ids`, an "id" seen on an earlier line is refused, so outputs can be joined back.
    """
    path = Path(path)
    if not path.is_file():
        raise click.ClickException(f"{path}: no such file")
    records: list[tuple[int, dict]] = []
    first_line: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            where = f"{path}, line {number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise click.ClickException(f"{where}: not valid UTF-8") from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise click.ClickException(f"{where}: not valid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise click.ClickException(f"{where}: expected a JSON object")
            missing = [key for key in required if key not in record]
            if missing:
                raise click.ClickException(f"{where}: missing {', '.join(map(repr, missing))}")
            if "text" in required and not isinstance(record["text"], str):
                raise click.ClickException(f"{where}: 'text' must be a string")
            if unique_ids:
                key = json.dumps(record.get("id"), sort_keys=True)
                if key in first_line:
                    raise click.ClickException(f"{where}: repeats the id of line {first_line[key]}")
                first_line[key] = number
            records.append((number, record))
    return records
