"""The name an e-mail's body opens with, addressing the one it is sent to (issue 20, round 47).

A forwarded or quick e-mail skips the greeting and opens on the reader's name, a dash or a
comma, and the message ("Ifan - see below, the dates have changed", "Tayo - rota attached",
"Bern, could you ring the ward?"). Nothing before the name says "person", and names that no list
holds (Welsh, Yoruba, Irish ones) or short forms ("Bern" for the "Bernadette" of the To: line) were
missed; five development sets by different writers mark the name, two of them where no rule
found it.

Only in a text with an e-mail's header lines ("From:", "To:", "Subject:", "RE:" ...), only on
the line that opens a message (after a blank line or a header line), and only before a dash or
a comma and a word in lower case. The word is a name when it is no everyday English word and
either a listed first name or in no English list ("Also, ...", "Update - ..." are not), or when
it opens a capitalised word of the To: or Cc: line ("Bern" of "Bernadette Quinn").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, gazetteer
from nlp.identifiers.people.sign_offs import MONTHS, NOT_SIGN_OFFS

HEADER_LINE = re.compile(r"(?im)^[ \t]*(?:from|to|cc|subject|sent|date|re|fw|fwd)[ \t]*:")
ADDRESSEE_LINE = re.compile(r"(?im)^[ \t]*(?:to|cc)[ \t]*:(?P<line>[^\n]*)")
OPENING_NAME = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][a-zà-ÿ'’]{1,14})(?:[ \t]*[-–—][ \t]+|,[ \t]+)(?=[a-z])"
)
GREETINGS = frozenset("hi hiya hello hey dear morning afternoon evening folks team".split())


def _opens_a_message(text: str, start: int) -> bool:
    """The line before is blank or a header line ("Subject: ...", "RE: FW: ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return False
    before = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return not before.strip() or HEADER_LINE.match(before) is not None


def _addressees(text: str) -> list[str]:
    return [
        w.lower()
        for m in ADDRESSEE_LINE.finditer(text)
        for w in re.findall(r"[A-Z][a-z]{2,}", m.group("line"))
    ]


def addressee_openings(text: str) -> Iterator[Finding]:
    """ "Ifan - see below ...": the addressee's name opening an e-mail's message."""
    if ":" not in text or not HEADER_LINE.search(text):
        return
    gaz = gazetteer()
    for m in OPENING_NAME.finditer(text):
        name = m.group("name")
        low = name.lower()
        if low in GREETINGS or low in NOT_SIGN_OFFS or low in STOP_WORDS or low in MONTHS:
            continue
        if low in DOMAIN_WORDS or low in ROLE_CUES or not _opens_a_message(text, m.start()):
            continue
        unlisted = low not in gaz.common_words and (
            low in gaz.first_names or low not in gaz.english_words
        )
        short_form = len(low) >= 3 and any(
            w.startswith(low) and w != low for w in _addressees(text)
        )
        if unlisted or short_form:
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "email_opening")
