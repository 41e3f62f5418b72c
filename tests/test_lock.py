"""The venv holds exactly what requirements.lock says, so a fresh install gets what CI ran.

A dependency added to pyproject.toml without `make lock`, or a package upgraded by hand, fails
here with the command that mends it."""

from __future__ import annotations

import re
from importlib.metadata import distribution, distributions
from pathlib import Path

from packaging.requirements import Requirement

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"
NOT_LOCKED = {"story-workbench", "pip", "setuptools", "wheel"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonical(name)] = version
    return pins


def test_every_installed_distribution_is_at_its_locked_version():
    pins = locked()
    wrong = {
        canonical(d.metadata["Name"]): d.version
        for d in distributions()
        if canonical(d.metadata["Name"]) not in NOT_LOCKED
        and pins.get(canonical(d.metadata["Name"])) != d.version
    }
    assert not wrong, f"installed but not as locked (run `make lock`, then commit): {wrong}"


def test_every_declared_dependency_is_locked():
    pins = locked()
    declared = [Requirement(r) for r in distribution("story-workbench").requires or []]
    missing = [r.name for r in declared if canonical(r.name) not in pins]
    assert not missing, f"declared in pyproject.toml but not locked (run `make lock`): {missing}"


def test_torch_is_locked_to_its_cpu_build():
    assert locked()["torch"].endswith("+cpu")
