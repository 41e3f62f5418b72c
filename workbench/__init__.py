"""Story Workbench: hear people's health and care stories and turn them into evidence.

`create_app` (in `workbench.app`) is the one place configuration is read. It is loaded when
first asked for, so the command line's file commands (`workbench anonymise`) do not import
Flask and the web stack they never use.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from workbench.app import create_app

        return create_app
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
