"""Names in the sign-off of a message: "Thanks, Eilidh", "Regards,\\nTariq", "Love, Nan x".

A story sent by e-mail or text often ends with the teller's name on a line of its own after
a closing phrase, where no cue such as "my name is" precedes it and the name (often a Gaelic,
Welsh or Arabic one) is in no list. The closing phrase is the cue: a capitalised word or two
right after it, ending the line or the text, is a name unless it is an everyday word
("Thanks, Everyone").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.findings import Finding
from nlp.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, gazetteer

CLOSING = (
    r"(?:(?:many|kind|kindest|best|warm|warmest|with)\s+)?"
    r"(?:thanks|thank\s+you|regards|wishes|cheers|love|best|sincerely|faithfully|"
    r"yours(?:\s+(?:sincerely|faithfully|truly))?|all\s+the\s+best|take\s+care|ta|diolch)"
)
_NAME = r"(?:[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]{2,})"
SIGN_OFF = re.compile(
    rf"(?:^|(?<=[\n.!?]))[ \t]*{CLOSING}(?:[ \t]+again)?[ \t]*[,.!-]?[ \t]*\n?[ \t]*"
    rf"(?P<name>{_NAME}(?:[ \t]+{_NAME}){{0,2}})[ \t]*(?:x+|X+)?[ \t]*[.!]?[ \t]*(?=\n|$)",
    re.IGNORECASE | re.MULTILINE,
)


# "... that's my story. — rowan", "Thanks for reading\n- Marged": a dash before the name that
# ends the message does the closing phrase's work.
DASH_SIGN_OFF = re.compile(
    rf"(?:^|(?<=[\n.!?]))[ \t]*[—–-]{{1,2}}[ \t]*(?P<name>{_NAME}(?:[ \t]+{_NAME}){{0,2}})"
    r"[ \t]*(?:x+|X+)?[ \t]*[.!]?\s*\Z",
    re.IGNORECASE,
)


def _written_in_lower_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.015 * len(letters)


def sign_off_names(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in (*SIGN_OFF.finditer(text), *DASH_SIGN_OFF.finditer(text)):
        name = m.group("name")
        if re.fullmatch(r"(\w)\1+", name, re.IGNORECASE):
            continue  # "Thank you XXXX": a name someone already took out
        words = [w.lower() for w in re.split(r"\s+", name)]
        if not name[:1].isupper() and not (
            _written_in_lower_case(text)
            and all(w in gaz.first_names or w not in gaz.english_words for w in words)
        ):
            continue  # lower case counts only where nothing is capitalised ("thanks, eilidh")
        if any(w in DOMAIN_WORDS or w in ROLE_CUES for w in words):
            continue  # "Thanks, NHS", "Love, Mum"
        if all(w in gaz.common_words and w not in gaz.first_names for w in words):
            continue  # "Thanks, Everyone", "Regards, The Team"
        if words[0] in ("the", "a", "an", "all", "everyone", "everybody"):
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "sign_off")
