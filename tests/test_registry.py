"""One explicit registry of the modules that plug in jobs, commands, clean-ups and migrations:
nothing is found by scanning, a listed module that is missing is an error, and every process
(the web app, the command line and the worker it starts, a bare withdrawal) loads all of it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import app_config
from consent_support import capture_story, migrated_db, open_activity, staff_user

from consent import withdrawal
from plumbing import jobs, registry

ROOT = Path(__file__).resolve().parents[1]
# What a module does that only the registry can make known: (registry list, how it shows).
PROVIDES = {
    "JOBS": lambda call: _named(call) == "job",
    "CLEANUPS": lambda call: _named(call) == "register_cleanup",
    "COMMANDS": lambda call: _named(call) == "command",
}


def _named(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _providers(kind: str) -> set[str]:
    """Modules whose source registers something of `kind`, found by reading them."""
    found = set()
    for package in ("plumbing", "consent", "nlp", "workbench"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if any(isinstance(n, ast.Call) and PROVIDES[kind](n) for n in ast.walk(tree)):
                parts = path.relative_to(ROOT).with_suffix("").parts
                found.add(".".join(parts))
    return found


@pytest.mark.parametrize("kind", sorted(PROVIDES))
def test_every_module_that_registers_something_is_listed(kind):
    # workbench.cli defines the group the listed commands join; plumbing.jobs defines `job`.
    defining = {"workbench.cli", "plumbing.jobs"}
    assert _providers(kind) - defining == set(getattr(registry, kind))


def test_every_module_holding_migrations_is_listed():
    holders = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for package in ("plumbing", "consent", "nlp", "workbench")
        for path in (ROOT / package).rglob("migrations.py")
    }
    assert holders == set(registry.MIGRATIONS)


def test_a_listed_module_that_is_missing_is_an_error(monkeypatch):
    monkeypatch.setattr(registry, "JOBS", (*registry.JOBS, "nlp.a_stage_not_written"))
    with pytest.raises(ModuleNotFoundError, match="a_stage_not_written"):
        registry.load()


PROBE = """
import json, sys
{start}
from consent import withdrawal
from plumbing import jobs
print(json.dumps({{"cleanups": sorted(withdrawal.CLEANUPS), "jobs": sorted(jobs.REGISTRY)}}))
"""
STARTS = {
    "the web app": "from workbench import create_app\ncreate_app(json.loads(sys.argv[1]))",
    "the command line and its worker": (
        "import click\nfrom workbench.cli import cli\ncli.get_command(click.Context(cli), 'worker')"
    ),
    "a withdrawal on its own": (
        "import consent\nfrom plumbing import db\n"
        "consent.withdraw(db.connect(json.loads(sys.argv[1])['WORKBENCH_DB']), 1, 'staff', 'x')"
    ),
}


@pytest.mark.parametrize("process", STARTS)
def test_every_process_registers_every_clean_up_and_job(process, tmp_path):
    database = migrated_db(tmp_path)
    user = staff_user(database)
    assert capture_story(database, open_activity(database, user), user).story_id == 1
    database.close()
    registry.load()
    # The test process itself may hold jobs that test modules registered: leave those out.
    listed = sorted(name for name, fn in jobs.REGISTRY.items() if fn.__module__ in registry.JOBS)
    expected = {"cleanups": sorted(withdrawal.CLEANUPS), "jobs": listed}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE.format(start=STARTS[process]),
            json.dumps(app_config(tmp_path)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == expected
