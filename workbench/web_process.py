"""What the web process may load: no machine-learning framework, so no model.

The web pages use spaCy only as a blank tokenizer with rule matchers (the signposting rules)
and presidio only to write placeholders (the check page). Importing spaCy imports thinc, which
imports torch when it is installed: about 290 MB of resident memory that nothing in a request
uses. Models run in the Huey worker. Refusing torch before anything imports spaCy keeps the web
worker near 200 MB, and makes any attempt to run a model in a request fail loudly.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder

KEPT_OUT = frozenset({"torch"})


class _KeepOut(MetaPathFinder):
    """Answers "not installed" for the kept-out packages, as if they were absent."""

    def find_spec(self, fullname, path, target=None):
        if fullname.partition(".")[0] in KEPT_OUT:
            raise ModuleNotFoundError(f"{fullname} is not loaded in the web process", name=fullname)
        return None


def keep_models_out() -> None:
    """Make `import torch` fail in this process; call before the app is created."""
    loaded = KEPT_OUT & {name.partition(".")[0] for name in sys.modules}
    if loaded:
        raise RuntimeError(f"{sorted(loaded)} imported before the web process could keep it out")
    if not any(isinstance(finder, _KeepOut) for finder in sys.meta_path):
        sys.meta_path.insert(0, _KeepOut())
