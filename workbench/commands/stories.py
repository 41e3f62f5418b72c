"""Stories from the command line: bulk import from CSV, and retention."""

from __future__ import annotations

import csv
import os
from datetime import datetime
from pathlib import Path

import click

from consent import imports, retention
from consent.errors import ConsentError
from consent.purposes import CHANNELS
from plumbing import jobs
from plumbing.clock import today as utc_today
from workbench import accounts, flows
from workbench.config import open_db, settings


def _parse_mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.BadParameter(f"{pair!r}: write it as field=column", param_hint="--map")
        mapping[field.strip()] = column.strip()
    return mapping


def _fail(error: ConsentError) -> click.ClickException:
    return click.ClickException(
        "nothing imported:\n" + "\n".join(f"  {k}: {v}" for k, v in error.errors.items())
    )


def _write_receipts(path: str, report: imports.ImportReport) -> None:
    # The secrets exist nowhere else: the file is created readable by its owner only.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["line", "reference", "secret", "secret_read_aloud"])
        for receipt in report.receipts:
            writer.writerow(
                [receipt.line, receipt.reference, receipt.secret, receipt.spoken_secret]
            )


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--activity", "activity_id", type=int, required=True, help="Activity id.")
@click.option(
    "--channel",
    type=click.Choice(list(CHANNELS)),
    default="paper",
    show_default=True,
    help="How the stories were gathered.",
)
@click.option(
    "--all-or-nothing",
    "mode",
    flag_value="all_or_nothing",
    help="Import nothing if any row is bad.",
)
@click.option(
    "--skip-bad-rows",
    "mode",
    flag_value="skip_bad_rows",
    help="Import the good rows and report the bad ones.",
)
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Read FIELD from COLUMN (repeatable), e.g. --map text=Story.",
)
@click.option(
    "--receipts",
    "receipts_path",
    type=click.Path(dir_okay=False),
    help="Write each imported story's reference and secret to this CSV (mode 600).",
)
@click.option("--by", "username", help="The staff account recording the import.")
def import_stories(
    file: Path,
    activity_id: int,
    channel: str,
    mode: str | None,
    maps: tuple[str, ...],
    receipts_path: str | None,
    username: str | None,
) -> None:
    """Import transcribed stories from a CSV file (UTF-8, with or without BOM).

    Columns: text, consent_analysis, consent_publish_quotes, consent_share_partners,
    consent_contact, consent_equality_monitoring (yes/no), consent_method (written, verbal,
    online), consent_note (needed for verbal), and optionally service, setting, area,
    contact_* and the equality fields. Rows without recorded consent are rejected.
    Choose --all-or-nothing or --skip-bad-rows.

    \b
    Example: workbench import forms.csv --activity 3 --channel paper --all-or-nothing
    """
    if mode is None:
        raise click.UsageError("choose --all-or-nothing or --skip-bad-rows")
    mapping = _parse_mapping(maps)
    db = open_db()
    try:
        user = accounts.get_by_username(db, username) if username else None
        if username and user is None:
            raise click.BadParameter(f"no user called {username!r}", param_hint="--by")
        try:
            report = imports.import_csv(
                db,
                file,
                activity_id,
                channel,
                mapping,
                mode,
                recorded_by=user.actor if user else "cli",
                created_by=user.id if user else None,
                max_chars=settings()["STORY_MAX_CHARS"],
            )
        except ConsentError as error:
            raise _fail(error) from None
        for line, column, problem in report.rejected:
            click.echo(f"line {line}: {column or '(row)'}: {problem}", err=True)
        if not report.committed:
            raise click.ClickException(
                f"nothing imported: {len({r[0] for r in report.rejected})} of {report.rows} "
                "rows have problems (fix them, or use --skip-bad-rows)"
            )
        click.echo(
            f"imported {report.imported} stories; {len({r[0] for r in report.rejected})} rows "
            f"rejected; {report.already_imported} already imported"
        )
        if report.receipts:
            jobs.enqueue(
                jobs.make_huey(settings()),
                db,
                "anonymise",
                story_ids=[r.story_id for r in report.receipts],
            )
        if receipts_path and report.receipts:
            _write_receipts(receipts_path, report)
            click.echo(f"receipts written to {receipts_path}: send each storyteller theirs")
        elif report.receipts:
            click.echo("no --receipts file: staff can issue receipts later with a new secret")
    finally:
        db.close()


@click.command("retention")
@click.option("--apply", "apply_", is_flag=True, help="Erase them (without it: a dry run).")
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Count from this date instead of today (UTC).",
)
def retention_command(apply_: bool, today: datetime | None) -> None:
    """List, or with --apply erase, stories past their activity's retention period.

    Erasure is a full withdrawal: everything derived from the story goes, a tombstone stays.

    Example: workbench retention --apply   (without --apply: a dry run)
    """
    day = today.date() if today else utc_today()
    db = open_db()
    try:
        due = retention.due_by_activity(db, day)
        for entry in due:
            click.echo(
                f"activity {entry['activity_id']} ({entry['title']}): {entry['stories']} "
                f"stories older than {entry['retention_days']} days"
            )
        total = sum(entry["stories"] for entry in due)
        if not apply_:
            click.echo(f"dry run: {total} stories due for erasure; --apply erases them")
            return
        config = settings()
        erased = flows.apply_retention(db, jobs.make_huey(config), config, day, "system:retention")
        click.echo(f"erased {erased} stories; republishing (and any theme keyword refresh) queued")
    finally:
        db.close()
