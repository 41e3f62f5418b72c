"""A hotel or an inn by its own name (issue 20, round 77).

People seeking asylum are housed in hotels for months, families placed by a council wait in
them, and the hotel is then where someone lives: "the Parkview Lodge Hotel", "Room 214,
Britannia Hotel", "THE HOTEL GRAND CENTRAL HOTEL BLACKPOOL", "the Heathrow Skyview Inn". Every
development set that names one marks it (23 places in eleven sets by different writers, none
left unmarked), mostly as an address; the capitals rules find some and leave the rest, whose
words are everyday ones ("Holiday Court Hotel", "Crown Plaza Inn").

One to three capitalised words before "Hotel" or "Inn" (in capitals when the whole name is) are
the hotel's name. Not a kind or a description of hotel ("the Asylum Hotel", "a Contingency
Hotel", "This Hotel"), not a sentence in capitals ("I AM IN THE HOTEL"), not "Hotel" alone
at a sentence's start ("Hotel staff"), and not letters spelled in the phonetic alphabet ("Sierra
Alpha Hotel").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

_WORD = r"[A-Z][A-Za-z'’&-]+"
_CAPS = r"[A-Z][A-Z'’&-]+"
NAMED_HOTEL = gated(
    re.compile(
        rf"(?<![\w'’-])(?P<name>(?:{_WORD}[ \t]+){{1,3}}(?:Hotel|Inn)"
        rf"|(?:{_CAPS}[ \t]+){{1,3}}(?:HOTEL|INN))(?![\w'’-])"
    )
)
# Words that say what kind of hotel it is, or which one, not its name.
NOT_NAME_WORDS = frozenset(
    """the a an this that our your their his her my its any every another which what
    asylum contingency bridging quarantine dispersal emergency temporary initial hotel hotels
    inn budget cheap local nearby airport same other new old big small first second last
    next""".split()
)

# A name spelled out in the phonetic alphabet ends in "Hotel" as often ("Sierra Alpha Hotel").
PHONETIC = frozenset(
    """alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima
    mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray
    x-ray yankee zulu""".split()
)


def named_hotels(text: str) -> Iterator[Finding]:
    """ "the Parkview Lodge Hotel", "Crown Plaza Inn" (see the module's docstring)."""
    for m in NAMED_HOTEL.finditer(text):
        words = m.group("name").split()
        start = m.start("name")
        # Drop leading words that say which or what kind of hotel ("The", "Asylum").
        while words[:-1] and words[0].lower() in NOT_NAME_WORDS:
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if len(words) < 2 or any(w.lower() in STOP_WORDS for w in words[:-1]):
            continue  # "I AM IN THE HOTEL": a sentence in capitals, not a name
        if all(w.lower() in PHONETIC for w in words):
            continue  # "spelled Mike Echo ... Sierra Alpha Hotel": letters, not a hotel
        yield Finding(start, m.end("name"), "ADDRESS", 0.75, "named_hotel")
