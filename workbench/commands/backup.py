"""`workbench backup`, `workbench restore` and `workbench backup-key`."""

from __future__ import annotations

import click

from workbench import backup as backups
from workbench.config import settings


@click.command("backup")
@click.argument("dest", type=click.Path(dir_okay=False))
@click.option("--encrypt", is_flag=True, help="Encrypt with the key in WORKBENCH_BACKUP_KEY.")
def backup_command(dest: str, encrypt: bool) -> None:
    """Copy the working database to DEST while the app keeps running.

    Uses SQLite's online backup API, checks the copy's integrity, and writes DEST only when
    complete (readable by its owner only).

    Example: workbench backup /var/backups/workbench/$(date +%F).db.enc --encrypt
    """
    config = settings()
    key = (config.get("WORKBENCH_BACKUP_KEY") or "") if encrypt else None
    try:
        report = backups.backup(config["WORKBENCH_DB"], dest, key)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from None
    kind = "encrypted backup" if report.encrypted else "backup"
    click.echo(f"{kind} written: {report.path} ({report.size:,} bytes)")
    click.echo(f"  stories {report.tables.get('stories', 0)}, tables {len(report.tables)}")


@click.command("restore")
@click.argument("src", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the working database if it exists.")
def restore_command(src: str, force: bool) -> None:
    """Restore the working database from the backup SRC (decrypting it if needed).

    Stop the web app and workers first. Nothing is written unless the backup decrypts and
    passes SQLite's integrity check; an existing database is replaced only with --force.
    Everything taken back since the backup was made (the withdrawal journal beside the
    database) is taken back again before the command ends.

    Example: workbench restore /var/backups/workbench/2026-05-04.db.enc --force
    """
    config = settings()
    try:
        tables = backups.restore(
            src, config["WORKBENCH_DB"], config.get("WORKBENCH_BACKUP_KEY") or None, force
        )
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"restored {config['WORKBENCH_DB']} from {src}")
    for table in ("stories", "consents", "themes", "users", "jobs"):
        if table in tables:
            click.echo(f"  {table:<10} {tables[table]:>7} rows")
    replayed = backups.reapply_withdrawals(config["WORKBENCH_DB"])
    click.echo(
        f"withdrawn again since the backup: {len(replayed.stories)} stories, "
        f"{len(replayed.purposes)} purposes taken back (from the withdrawal journal)"
    )
    if replayed.stories or replayed.purposes:
        click.echo("run `workbench publish` before reopening, so the published file agrees")


@click.command("backup-key")
def backup_key_command() -> None:
    """Print a new random key for WORKBENCH_BACKUP_KEY.

    Keep it away from the backups (a password manager or the host's secret store): whoever
    holds both can read every story.

    Example: workbench backup-key
    """
    click.echo(backups.new_key())
