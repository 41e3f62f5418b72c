"""A place given as a map reference: a what3words address or an Ordnance Survey grid reference
(issue 20, round 50).

Rural households, farms and caravans with no street line give the ambulance service a
what3words address ("///filled.count.soap", which names one three-metre square) or a grid
reference read off the map ("grid ref NY 364 072"). Either finds the house as surely as its
postcode does, so it is an address. A what3words address is its own shape (three words joined by
full stops after three slashes, or after the word "what3words"); a grid reference is two letters
and figures that many other things share ("NT 91 06" could be a form's code), so it is taken
only after the words "grid ref" or "grid reference".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

W3W_WORD = r"[^\W\d_]{2,}"
WHAT3WORDS = re.compile(
    r"(?:///|\bwhat3words(?:[ \t]+address)?(?:[ \t]+(?:is|was))?:?[ \t]+(?:///)?)"
    rf"(?P<words>{W3W_WORD}\.{W3W_WORD}\.{W3W_WORD})\b",
    re.IGNORECASE,
)
WHAT3WORDS = gated(WHAT3WORDS)
# The Ordnance Survey's 100 km squares start with H, N, O, S or T; then 2 to 10 figures, split
# into halves or pairs by spaces or not.
GRID_REFERENCE = re.compile(
    r"\bgrid[ \t]+ref(?:erence)?\.?(?:[ \t]+(?:is|of|was))?:?[ \t]*"
    r"(?P<ref>[HNOST][A-HJ-Z][ \t]?\d{2,5}(?:[ \t]?\d{2,5}){0,2})\b",
    re.IGNORECASE,
)
GRID_REFERENCE = gated(GRID_REFERENCE)


def map_references(text: str) -> Iterator[Finding]:
    """Each what3words address (its three words, with the slashes before them) and each grid
    reference after "grid ref"."""
    for m in WHAT3WORDS.finditer(text):
        slashes = text.rfind("///", m.start(), m.start("words"))
        start = slashes if slashes >= 0 else m.start("words")
        yield Finding(start, m.end("words"), "ADDRESS", 0.9, "map_reference")
    for m in GRID_REFERENCE.finditer(text):
        yield Finding(m.start("ref"), m.end("ref"), "ADDRESS", 0.85, "map_reference")
