"""Load the demo data set and queue its journey along the data path."""

import click

import consent
from workbench.config import open_db, public_base_url, settings


@click.command()
@click.option("--stories", default=300, show_default=True, help="How many stories to make.")
@click.option("--if-empty", is_flag=True, help="Do nothing when stories already exist.")
def demo(stories: int, if_empty: bool) -> None:
    """Load synthetic demo stories and queue the whole path for a worker.

    Example: workbench demo --stories 300 --if-empty
    """
    from plumbing import jobs
    from workbench import demo as demo_data

    db = open_db()
    if if_empty and consent.story_ids(db):
        click.echo("demo data already loaded")
        return
    if stories < 1:
        raise click.BadParameter("give at least one story", param_hint="--stories")
    receipts = demo_data.load(db, stories=stories)
    config = settings()
    jobs.enqueue(
        jobs.make_huey(config),
        db,
        "demo_pipeline",
        published_path=config["WORKBENCH_PUBLISHED_DB"],
    )
    click.echo(
        f"loaded {stories} demo stories; a worker will anonymise, theme, tag and publish them"
    )
    from consent.receipts import receipt_url

    base = public_base_url(config)  # the address the app is reached at, as on receipt cards
    click.echo("Demo receipts to try (a storyteller's QR code opens the same address):")
    for receipt in receipts:
        click.echo("  " + receipt_url(base, receipt.reference, receipt.secret))
