"""What a keyboard, a word processor or a web page typed in place of a plain space or hyphen,
read as the plain one: the same length, so every offset holds; the story is never changed.

Twenty-third session (issue 20), found by the context probes (`benchmarks/
anonymisation_probes.py`), not by any writer's set:

* **spaces**: text copied from a web form, a PDF or a word processor often carries a no-break
  space (U+00A0) or a thin one (U+2009, U+202F) where a space was typed, inside a postcode
  ("LS1 1BA"), a date, an address or a name. Many rules write a space as a space or a tab, so
  a postcode with a no-break space was found as its outward half only (context "pasted with
  no-break spaces": 67.6 % covered, 98.2 % with plain spaces). Every Unicode space separator
  (category Zs) is read as a plain space.
* **dashes between figures**: a word processor turns "12-03-1950" into "12–03–1950", and a phone
  or NHS number grouped with hyphens comes out with en dashes or non-breaking hyphens
  ("07700–900–461"); the number patterns know only the plain hyphen, so none was found (context
  "word processor"). A dash of any kind (U+2010–U+2015, U+2212, and the small and full-width
  hyphen-minus) between two figures is read as a hyphen. Dashes between words stay as they are,
  since rules read "–" in lists and minutes ("BAKER, Rachel – podiatry").
"""

from __future__ import annotations

import re

# Unicode's space separators (category Zs) besides U+0020, as of Unicode 15.
OTHER_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)
DASH_BETWEEN_FIGURES = re.compile(r"(?<=\d)[\u2010-\u2015\u2212\ufe63\uff0d](?=\d)")


def plain_typography(text: str) -> str:
    """`text` with every space separator read as U+0020, and every dash between two figures
    as a hyphen-minus."""
    if text.isascii():
        return text
    return DASH_BETWEEN_FIGURES.sub("-", text.translate(OTHER_SPACES))
