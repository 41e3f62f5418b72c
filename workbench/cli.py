"""The `workbench` console script: thin click wrappers over the packages' APIs."""

from __future__ import annotations

import importlib
import logging
import sys

import click

from workbench import accounts
from workbench import db as wdb
from workbench.config import default_instance_path, load_config

# Each area's commands live in workbench/commands/<module>.py as click commands.
COMMAND_MODULES = (
    "workbench.commands.services",
    "workbench.commands.demo",
    "workbench.commands.anonymise",
    "workbench.commands.themes",
    "workbench.commands.tag",
    "workbench.commands.signals",
    "workbench.commands.stories",
    "workbench.commands.publishing",
    "workbench.commands.backup",
)


def settings() -> dict:
    """Configuration for commands: the same defaults and environment as the app."""
    return load_config(default_instance_path())


def open_db():
    db = wdb.connect(settings()["WORKBENCH_DB"])
    wdb.migrate(db)
    return db


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
    from workbench import audit

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
    click.echo(f"one-time password for {username}: {password}")


def _add_area_commands() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        for value in vars(module).values():
            if isinstance(value, click.Command) and value.name not in cli.commands:
                cli.add_command(value)


_add_area_commands()


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
