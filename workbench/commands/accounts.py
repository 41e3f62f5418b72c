"""`workbench init-db`, `create-user` and `reset-password`: the working database and staff
accounts from the command line."""

from __future__ import annotations

import click

from plumbing import audit
from workbench import accounts
from workbench.config import open_db, settings


@click.command("init-db")
def init_db() -> None:
    """Create or upgrade the working database.

    Example: workbench init-db
    """
    db = open_db()
    click.echo(f"working database ready: {settings()['WORKBENCH_DB']}")
    db.close()


@click.command("create-user")
@click.argument("username")
@click.option(
    "--role", required=True, type=click.Choice(accounts.ROLES), help="What the account may do."
)
def create_user(username: str, role: str) -> None:
    """Create an account and print its one-time password.

    Example: workbench create-user sam --role analyst
    """
    db = open_db()
    try:
        user, password = accounts.create_user(db, username, role)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None

    audit.record(db, "cli", "user_created", "user", user.id, role)
    click.echo(f"created {user.username} ({role}); one-time password: {password}")
    click.echo("It must be changed at first login.")


@click.command("reset-password")
@click.argument("username")
def reset_password(username: str) -> None:
    """Issue a new one-time password and end the user's sessions.

    Example: workbench reset-password sam
    """
    db = open_db()
    try:
        password = accounts.reset_password(db, username)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    audit.record(db, "cli", "password_reset", "user", accounts.get_by_username(db, username).id)
    click.echo(f"one-time password for {username}: {password}")
