"""Load spaCy and Presidio for anonymisation without torch and transformers.

Importing spaCy imports thinc, which imports torch whenever it is installed, and Presidio's
analyzer imports transformers for an NLP engine this project never uses. Anonymisation runs
spaCy's small CPU model and rules: neither needs them, yet together they are about 350 MB
of resident memory. While the anonymisation path imports spaCy and Presidio, `without_torch`
makes those two packages look absent (as if not installed), so thinc and Presidio take their
"not installed" branches. Afterwards they can be imported normally again, so a worker that
later embeds stories still gets sentence-transformers with torch.

The block changes `sys.modules`, which every thread shares: while it is open, another thread
that imports sentence-transformers fails ("'transformers' is not a package"; seen once in a
worker whose first anonymise and signals jobs started together). So the blocks are taken one
at a time, and the worker opens them all before its threads start
(`nlp.anonymise.load_before_threads`).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

KEPT_OUT = ("torch", "transformers")
_ONE_AT_A_TIME = threading.RLock()


@contextmanager
def without_torch() -> Iterator[None]:
    """Within this block `import torch` and `import transformers` fail with ImportError
    (and `importlib.util.find_spec` answers None), unless the process already has them."""
    with _ONE_AT_A_TIME:
        blocked = [name for name in KEPT_OUT if name not in sys.modules]
        for name in blocked:
            sys.modules[name] = None  # type: ignore[assignment]  # the import system's "absent"
        try:
            yield
        finally:
            for name in blocked:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
