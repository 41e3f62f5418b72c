"""The `workbench` console script: thin click wrappers over the packages' APIs."""

from __future__ import annotations

import logging
import sys

import click

from plumbing import audit, registry
from workbench import accounts
from workbench.config import open_db, settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Story Workbench: hear people's stories and turn them into evidence planners act on."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@cli.command("init-db")
def init_db() -> None:
    """Create or upgrade the working database.

    Example: workbench init-db
    """
    db = open_db()
    click.echo(f"working database ready: {settings()['WORKBENCH_DB']}")
    db.close()


@cli.command("create-user")
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


@cli.command("reset-password")
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


def _add_registered_commands() -> None:
    """Every command of the modules `plumbing.registry` lists, after loading them all, so a
    command that withdraws a story (retention) or runs jobs (the worker) has every job and
    clean-up registered."""
    registry.load()
    for module in registry.modules(registry.COMMANDS):
        for value in vars(module).values():
            if isinstance(value, click.Command) and value.name not in cli.commands:
                cli.add_command(value)


_add_registered_commands()


def main() -> None:
    """Entry point: usage errors are click's; anything unexpected is one clear line."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        click.echo(f"error: {type(error).__name__}: {error}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
