"""Spaces of other kinds read as plain spaces, the same length, so every offset holds.

Twenty-third session (issue 20), found by the context probes' sixteenth context (text pasted
with no-break spaces, `benchmarks/anonymisation_probes.py`): text copied from a web form, a PDF
or a word processor often carries a no-break space (U+00A0) or a thin one (U+2009, U+202F)
where a space was typed, inside a postcode ("LS1 1BA"), a date, an address or a name. Many of
the rules write a space as a space or a tab, so a postcode with a no-break space in it was found
as its outward half only. The detector reads a copy in which every space separator (Unicode
category Zs) is a plain space; the story is never changed.
"""

from __future__ import annotations

# Unicode's space separators (category Zs) besides U+0020, as of Unicode 15.
OTHER_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)


def plain_spaces(text: str) -> str:
    """`text` with every space separator other than U+0020 read as U+0020."""
    return text if text.isascii() else text.translate(OTHER_SPACES)
