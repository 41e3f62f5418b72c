"""The one list of the modules that plug into Story Workbench, in the spirit of Datasette's
DEFAULT_PLUGINS: migration sets, background jobs, `workbench` commands and withdrawal clean-ups.

Nothing is found by scanning, and a listed module that cannot be imported is an error, never
skipped. Every process loads the list: the web app when it is created, the `workbench` command
(and so the worker it starts) before it runs, a job before it runs, and a withdrawal before its
clean-ups, so a story withdrawn from a page, the command line or a job loses the same things.

The modules are named here, not imported: plumbing stands below the packages it lists, and
loading them is the caller's step, taken at run time.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# Each holds the `migrations` set its tables join; a new database applies them in this order.
# The web shell, safeguarding and closing the loop add theirs to plumbing's set, which keeps
# the name "workbench" that deployed databases recorded.
MIGRATIONS = (
    "plumbing.migrations",
    "workbench.migrations",
    "consent.migrations",
    "nlp.migrations",
    "workbench.safeguarding.migrations",
    "workbench.feedback.migrations",
)

# Register background jobs with `plumbing.jobs.job`.
JOBS = (
    "nlp.pipeline",
    "workbench.safeguarding.flags",
    "workbench.safeguarding.alerts",
    "workbench.publishing.publish",
    "workbench.demo.loader",
)

# Register withdrawal clean-ups with `consent.register_cleanup`, each beside the table it clears.
CLEANUPS = (
    "consent.withdrawal",
    "nlp.checks",
    "nlp.themes.store.scope",
    "nlp.themes.store.model_files",
    "nlp.themes.store.quotes",
    "nlp.themes.store.pending",
    "nlp.tagging.store.training",
    "workbench.safeguarding.flags",
    "workbench.feedback.actions",
    "workbench.feedback.outbox",
    "workbench.feedback.evaluation",
)

# Define the click commands that `workbench` offers besides its own (workbench/cli.py).
COMMANDS = (
    "workbench.commands.accounts",
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


def modules(names: tuple[str, ...]) -> list[ModuleType]:
    """The named modules, imported (each registers what it provides as it is imported)."""
    return [importlib.import_module(name) for name in names]


def load() -> None:
    """Import every module that provides jobs, clean-ups or commands."""
    modules(JOBS + CLEANUPS + COMMANDS)


def migration_sets() -> list:
    """Every migration set, once each, in the order a new database applies them."""
    sets: list = []
    for module in modules(MIGRATIONS):
        if module.migrations not in sets:
            sets.append(module.migrations)
    return sets
