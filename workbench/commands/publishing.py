"""`workbench publish`: build the published database now and swap it in."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.config import open_db, settings


@click.command("publish")
@click.option(
    "--to",
    "published_path",
    type=click.Path(dir_okay=False),
    help="Published file to write (default: WORKBENCH_PUBLISHED_DB).",
)
def publish(published_path: str | None) -> None:
    """Publish approved, de-identified themes, counts and quotes for planners.

    Builds a new file from approved data only, checks it for leaks, then swaps it in; a
    running Datasette serves the new file from its next request.

    Example: workbench publish --to instance/published.db
    """
    from workbench.publishing import publish as publishing

    served = settings()["WORKBENCH_PUBLISHED_DB"]
    target = published_path or served
    db = open_db()
    try:
        counts = publishing.build(
            db, target, served=Path(target).resolve() == Path(served).resolve()
        )
    except publishing.LeakError as error:
        raise click.ClickException(
            f"not published, the old file is still served: {error}"
        ) from None
    finally:
        db.close()
    click.echo(f"published {target}")
    for table, n in counts.items():
        click.echo(f"  {table:<17} {n:>6} rows")
