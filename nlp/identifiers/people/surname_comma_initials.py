"""A person written as a record writes them, surname, comma, initial (issue 20, round 102):
"HV: Forbes, S.", "- Kowalska, M., Hillfields", "SIGNED: KAMIŃSKI, W.", "Nwosu, A. J.".

Registers, rotas, signatures and clinic lists name people surname first with their initials
after a comma. Across the development sets the shape, closed by a line's end or a stop, is
written four times (v120, v155), each a name marked whole as "Surname, I."; the name rules found
the surname alone (a finding that stops short of the initial, "[Kowalska], M.", leaves the whole
uncaught) or nothing where the surname is no listed name ("Forbes, S."): three of the four were
missed. A layout every register writes, it is read wherever it is written so; a list of initials
before surnames ("R. Nwosu, D. Lennon") goes on after the initial and is the list rules'.

The surname is capitalised ("Ng, A.", "McAllister, J.", "KAMIŃSKI, W."), no common word and no
listed place ("Thanks, J.", "Love, M.", "Yes, I." and "LONDON, W." stay), and the initial or
initials close the name: a line's or the text's end, a comma, a semicolon or a bracket follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

SURNAME_COMMA_INITIALS = gated(
    re.compile(
        r"(?<![\w'’.-])(?P<surname>[^\W\d_]+(?:['’-][^\W\d_]+)*)"
        r",[ \t]+[A-Z]\.(?:[ \t]?[A-Z]\.)?(?=[ \t]*(?:[,;)\n]|$))"
    )
)


def surname_comma_initials(text: str) -> Iterator[Finding]:
    """ "Forbes, S.", "KAMIŃSKI, W." (see the module)."""
    gaz = None
    for m in SURNAME_COMMA_INITIALS.finditer(text):
        gaz = gaz or gazetteer()
        if not m.group("surname")[0].isupper():
            continue  # "signed okafor, B.": a name is capitalised
        surname = m.group("surname").lower()
        if surname in gaz.common_words or surname in gaz.places:
            continue
        yield Finding(m.start(), m.end(), "PERSON", 0.8, "surname_comma_initials")
