"""A password given with a booking reference (issue 20, round 93): "Booking reference: 7220 9932
7655  Password: kpp2hg", "your Booking Reference Number is 0271 8863 4410 and your password is
fk7q2m", "UBRN: 0009 3421 6650 Password: ghjk7284".

The NHS e-Referral Service's letter gives a patient a booking number and a password, and with
both anyone can see and change the booking; people copy the letter into their stories. Three
writers' sets (v63, v65, v136) mark every such password (6), and the rules, which need figures
or a record's cue, missed them all. Where "password" is only talked about ("password sent
separately", "Password updated on system", "the password reset process") no value follows a
colon or "is", and a value that is an everyday word ("the password is required") is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

PASSWORD = re.compile(
    r"\b(?i:pass(?:word|code)|pass[ \t]+code)[ \t]*(?::|=|[ \t](?i:is|was)[ \t])[ \t]*"
    r"[\"“'‘]?(?P<value>[A-Za-z0-9]{4,16})(?![\w@'’/-]|\.\w)"
)


def passwords(text: str) -> Iterator[Finding]:
    """A password's value after its label."""
    if "ass" not in text and "ASS" not in text:
        return
    gaz = gazetteer()
    for m in PASSWORD.finditer(text):
        value = m.group("value")
        if not any(c.isdigit() for c in value) and value.lower() in gaz.english_words:
            continue
        yield Finding(m.start("value"), m.end("value"), "OTHER_ID", 0.8, "password")
