"""Load spaCy and Presidio for anonymisation without torch and transformers.

Importing spaCy imports thinc, which imports torch whenever it is installed, and Presidio's
analyzer imports transformers for an NLP engine this project never uses. Anonymisation runs
spaCy's small CPU model and rules: neither needs them, yet together they are about 350 MB
of resident memory. While the anonymisation path imports spaCy and Presidio, `without_torch`
makes those two packages look absent (as if not installed), so thinc and Presidio take their
"not installed" branches. Afterwards they can be imported normally again, so a worker that
later embeds stories still gets sentence-transformers with torch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

KEPT_OUT = ("torch", "transformers")


@contextmanager
def without_torch() -> Iterator[None]:
    """Within this block `import torch` and `import transformers` fail with ImportError
    (and `importlib.util.find_spec` answers None), unless the process already has them."""
    blocked = [name for name in KEPT_OUT if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # the import system's "absent"
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
