"""Mutation testing of the modules that guard promises, each against its own tests.

Usage: .venv/bin/python scripts/mutation.py [NAME ...]   (`make mutation` runs them all)

mutmut (3.x) changes one thing at a time inside a module's functions and runs the tests that
exercise that function; a change no test notices is a "survivor". mutmut reads its settings
from pyproject.toml in the folder it runs in, so each module gets a scratch folder,
.mutation/NAME/, with links to the packages and tests and a pyproject.toml whose
[tool.mutmut] table names that module and its own tests. Each run starts afresh.

To read a survivor: cd .mutation/NAME && ../../.venv/bin/mutmut show MUTANT
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".mutation"
PACKAGES = ("plumbing", "consent", "workbench", "nlp", "datasette_plugins")
# Each module with the tests written for its promises (not every test that happens to call it).
MODULES = {
    "withdrawal": (
        "consent/withdrawal.py",
        [
            "tests/test_consent_withdrawal.py",
            "tests/test_withdrawal_cleanups.py",
            "tests/test_withdrawal_processes.py",
            "tests/test_consent_retention.py",
            "tests/test_consent_receipts.py",  # a purpose withdrawn alone clears its rows
            "tests/test_withdrawal_journal.py",  # a restore cannot undo a withdrawal
        ],
    ),
    "journal": (
        "consent/withdrawal_journal.py",
        ["tests/test_withdrawal_journal.py"],
    ),
    "journal_replay": (
        "consent/journal_replay.py",
        ["tests/test_withdrawal_journal.py", "tests/test_backup.py"],  # restore replays
    ),
    "suppression": (
        "workbench/suppression.py",
        ["tests/test_publish_suppression.py", "tests/test_suppression_boundaries.py"],
    ),
    "purposes": (
        "consent/purposes.py",
        ["tests/test_equality_answers.py", "tests/test_consent_capture.py"],
    ),
    "policy": (
        "workbench/policy.py",
        ["tests/test_role_matrix.py", "tests/test_access_policy.py", "tests/test_auth.py"],
    ),
}
TARGET = 90.0

# Mutants that cannot change behaviour, recognised by the line they change (not by mutmut's
# numbering, which shifts when code moves), each with the reason. A survivor that matches none
# of these is a gap in the tests.
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|DELETE|UPDATE|VALUES|FROM|WHERE|UNION|ORDER BY)\b")
SQL_CASE = "SQL in another letter case: SQLite reads keywords and names in any case"
ZIP_STRICT = (
    "suppress() has already refused rows of different widths, so zip's strict check never fires"
)
REQUEUED = (
    "a node is queued again, but the other side is still marked as seen, so the search still "
    "ends and reaches the same nodes, in more steps"
)
EQUIVALENT_LINES = {
    # consent/purposes.py
    (
        'cleaned = (value or "").strip().upper()',
        'cleaned = (value or "XXXX").strip().upper()',
    ): "no value becomes XXXX instead of the empty string: neither is an outward code "
    "(no postcode area starts with X), so the answer is None either way",
    # workbench/suppression.py
    **{
        (
            "grid.append([sum(column) for column in zip(*grid, strict=True)])",
            f"grid.append([sum(column) for column in zip(*grid, {strict})])",
        ): ZIP_STRICT
        for strict in ("strict=None", "strict=False", "")
    },
    ("seen_columns.add(j)", "seen_columns.add(None)"): REQUEUED,
    ("seen_rows.add(i)", "seen_rows.add(None)"): REQUEUED,
    **{
        ('frontier.append(("column", j))', f'frontier.append(("{label}", j))'): (
            "every queued node not labelled row is searched as a column"
        )
        for label in ("XXcolumnXX", "COLUMN")
    },
    **{
        ("for i in by_column.get(node, ()):", f"for i in by_column.get(node, {default}):"): (
            "a column is only queued from a withheld entry in it, so it is always in by_column "
            "and the default is never used"
        )
        for default in ("None", "")
    },
    (
        "zeros = sum(1 for a, b in added if grid[a][b] == 0)",
        "zeros = sum(2 for a, b in added if grid[a][b] == 0)",
    ): "counting each zero twice keeps the order of the costs, so the same rectangle is cheapest",
    **{
        (
            'assert best is not None, "a table with totals always has a second row and column"',
            f'assert best is not None, "{message}"',
        ): "the assertion cannot fail (the grid always has a totals row and column), so its "
        "message is never seen"
        for message in (
            "XXa table with totals always has a second row and columnXX",
            "A TABLE WITH TOTALS ALWAYS HAS A SECOND ROW AND COLUMN",
        )
    },
}
# Survivors that do change behaviour, left alive on purpose: still counted as not killed.
ACCEPTED_LINES = {
    ("if best is None or cost < best[0]:", "if best is None or cost <= best[0]:"): (
        "takes the last of equally cheap rectangles instead of the first: the same number and "
        "sum of counts withheld, equally protected; which of two equals is not a promise"
    ),
}


def equivalent(removed: str, added: str) -> str | None:
    """Why a mutant changing line `removed` into `added` cannot change behaviour, if it can't."""
    if removed.lower() == added.lower() and SQL_WORDS.search(removed) and "'" not in removed:
        return SQL_CASE
    return EQUIVALENT_LINES.get((removed.strip(), added.strip()))


def prepare(name: str) -> Path:
    """A fresh folder where mutmut sees the project, configured for this one module."""
    module, tests = MODULES[name]
    folder = SCRATCH / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for entry in (*PACKAGES, "tests"):
        (folder / entry).symlink_to(ROOT / entry, target_is_directory=True)
    settings = {
        "source_paths": list(PACKAGES),
        "only_mutate": [module],
        "pytest_add_cli_args_test_selection": tests,
        # The scratch folder is not a checkout of its own; nothing to compare with git.
        "use_git_change_detection": False,
        # mutmut stops a mutant's tests after this many times their normal time (CPU time, so a
        # busy machine does not cause false timeouts); its default of 15 spent most of a run
        # waiting on suppression's endless-loop mutants.
        "timeout_multiplier": 4.0,
        # Hypothesis draws the same examples every run, so a score does not move by chance.
        "pytest_add_cli_args": ["--hypothesis-seed=0"],
    }
    table = "\n".join(f"{key} = {json.dumps(value)}" for key, value in settings.items())
    pyproject = (ROOT / "pyproject.toml").read_text()
    (folder / "pyproject.toml").write_text(f"{pyproject}\n[tool.mutmut]\n{table}\n")
    return folder


def mutmut(folder: Path, *args: str, log: Path | None = None) -> str:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }
    command = [str(Path(sys.executable).with_name("mutmut")), *args]
    if log is None:
        return subprocess.run(
            command, cwd=folder, env=env, capture_output=True, text=True, check=True
        ).stdout
    with log.open("w") as out:
        subprocess.run(command, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    return ""


def run(name: str, children: int) -> None:
    """Run mutmut afresh on one module, in its own scratch folder."""
    folder = prepare(name)
    log = folder / "mutmut.log"
    print(f"{name}: mutating {MODULES[name][0]} (log: {log.relative_to(ROOT)})", flush=True)
    mutmut(folder, "run", "--max-children", str(children), log=log)


def report(name: str) -> float:
    """Print the last run's survivors and score: killed as % of the mutants not equivalent."""
    folder = SCRATCH / name
    log = folder / "mutmut.log"
    mutmut(folder, "export-cicd-stats")
    stats_file = folder / "mutants" / "mutmut-cicd-stats.json"
    if not stats_file.exists():
        print(f"{name}: mutmut did not finish; see {log}")
        return 0.0
    stats = json.loads(stats_file.read_text())
    # A mutant that makes the tests hang (an endless loop) is caught: the suite never passes.
    caught = stats["killed"] + stats["timeout"]
    alive, equivalents = [], []
    for line in mutmut(folder, "results").splitlines():
        mutant, _, status = line.strip().partition(": ")
        if status == "timeout":
            continue
        diff = mutmut(folder, "show", mutant).splitlines()
        removed = [d[1:] for d in diff if d.startswith("-") and not d.startswith("---")]
        added = [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")]
        pair = (removed[0], added[0]) if len(removed) == len(added) == 1 else ("", "")
        reason = equivalent(*pair)
        accepted = ACCEPTED_LINES.get((pair[0].strip(), pair[1].strip()))
        if reason and status == "survived":
            equivalents.append(f"{mutant}: {reason}")
        elif accepted and status == "survived":
            alive.append(f"{mutant}: survived, accepted: {accepted}")
        else:
            alive.append(f"{mutant}: {status}\n" + "\n".join(diff[4:]))
    judged = stats["total"] - len(equivalents)
    score = 100.0 * caught / judged if judged else 0.0
    print(
        f"{name}: {caught} of {stats['total']} mutants killed ({timeout_note(stats)}), "
        f"{len(equivalents)} equivalent: {score:.1f} % of the rest"
    )
    for entry in equivalents:
        print(f"    equivalent {entry}")
    for entry in alive:
        print("    " + entry.replace("\n", "\n        "))
    return score


def timeout_note(stats: dict) -> str:
    return f"{stats['timeout']} by timing out" if stats["timeout"] else "none by timing out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(MODULES))
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--report", action="store_true", help="report the last run, run nothing")
    args = parser.parse_args()
    unknown = [name for name in args.names if name not in MODULES]
    if unknown:
        parser.error(f"unknown module {unknown}; choose from {', '.join(MODULES)}")
    names = args.names or list(MODULES)
    scores = {}
    for name in names:
        if not args.report:
            run(name, args.children)
        scores[name] = report(name)
    width = max(len("module"), *map(len, scores))
    print(f"\n{'module':<{width}}  killed")
    for name, score in scores.items():
        print(f"{name:<{width}} {score:6.1f} %")
    below = [name for name, score in scores.items() if score < TARGET]
    if below:
        sys.exit(f"below the {TARGET:.0f} % target: {', '.join(below)}")


if __name__ == "__main__":
    main()
