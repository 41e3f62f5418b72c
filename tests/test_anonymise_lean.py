"""The anonymisation path loads spaCy and Presidio without torch or transformers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_anonymising_in_a_fresh_process_never_imports_torch_and_torch_still_loads_after():
    done = run(
        "import sys\n"
        "from workbench import cli\n"  # the whole command line, as a worker loads it
        "cli.cli.list_commands(None)\n"  # which imports nlp.checks, hence nlp.anonymise
        "from nlp.anonymise import anonymise\n"
        "result = anonymise('My son Kacper Nowak was seen at Leeds General Infirmary.')\n"
        "assert '[NAME 1]' in result.text, result.text\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
        "import torch\n"  # a later job in the same worker (embedding) still gets torch
        "print(torch.__name__)\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[]", "torch"]


def test_the_anonymise_command_loads_neither_the_web_stack_nor_the_database_layer(tmp_path):
    """`workbench anonymise` reads a file and writes one: loading Flask, sqlite-utils (and the
    pandas it pulls in) and every registered module would add about a second to its start."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "Seen by Dr Amara Okafor at Leeds General."}\n')
    args = ["anonymise", "--in", str(source), "--out", str(tmp_path / "out.jsonl")]
    done = run(
        "import sys\n"
        "from workbench.cli import cli\n"
        f"cli.main({args!r}, standalone_mode=False)\n"
        "heavy = ('flask', 'sqlite_utils', 'pandas', 'torch')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-1] == "[]"
    assert "[NAME" in (tmp_path / "out.jsonl").read_text()
