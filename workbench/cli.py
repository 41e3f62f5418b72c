"""The `workbench` console script: thin click wrappers over the packages' APIs.

The commands live in the modules `plumbing.registry.COMMANDS` lists and are loaded when the
command line needs them. Any command that may touch the database loads the whole registry
first, so a command that withdraws a story (retention) or runs jobs (the worker) has every
job and clean-up registered. The commands in `FILE_COMMANDS` read one file and write another
(no database, no job, no withdrawal), so they load only their own module: `workbench
anonymise` starts about a second sooner, which is a tenth of a large file's whole run.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from plumbing import registry

# Commands that read and write files only, and the module that defines each.
FILE_COMMANDS = {
    "anonymise": "workbench.commands.anonymise",
    "signals": "workbench.commands.signals",
}


class WorkbenchGroup(click.Group):
    """A click group whose commands come from the registry's modules, loaded when asked for."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in FILE_COMMANDS and cmd_name not in self.commands:
            self._add_commands_of(importlib.import_module(FILE_COMMANDS[cmd_name]))
        else:
            self.load_registered()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load_registered()
        return super().list_commands(ctx)

    def load_registered(self) -> None:
        """Every command of the registry's modules, after loading all of them (jobs and
        clean-ups included)."""
        registry.load()
        for module in registry.modules(registry.COMMANDS):
            self._add_commands_of(module)

    def _add_commands_of(self, module) -> None:
        for value in vars(module).values():
            if isinstance(value, click.Command) and value.name not in self.commands:
                self.add_command(value)


@click.group(cls=WorkbenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Story Workbench: hear people's stories and turn them into evidence planners act on."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


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
