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
        "from workbench import cli\n"  # the CLI imports nlp.checks, hence nlp.anonymise
        "from nlp.anonymise import anonymise\n"
        "result = anonymise('My son Kacper Nowak was seen at Leeds General Infirmary.')\n"
        "assert '[NAME 1]' in result.text, result.text\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
        "import torch\n"  # a later job in the same worker (embedding) still gets torch
        "print(torch.__name__)\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[]", "torch"]
