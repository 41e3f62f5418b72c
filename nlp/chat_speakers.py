"""People named as speakers in a chat or message thread: "Nic: anyone had …", "K: ok".

Sixth round (issue 20): a group chat or a text thread written inline names its speakers before
a colon, often by a nickname or an initial no name list holds. When a text reads as a thread
(three turns or more, two speakers or more), each speaker label that is no common word and no
role (SW, GP, Q, A) and no day of a diary ("Mon:", "Th:", and "M:", "T:" where the labels
are days) is a person, wherever it stands as a label. Labels of forms ("Name:",
"Date:", "Subject:") are common words and stay; "Befriender:"-style roles are left to the
anonymiser's own role check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.findings import Finding
from nlp.name_gazetteer import gazetteer

# A turn starts the text or a line, or follows the end of a sentence or an emoji.
TURN = re.compile(
    r"(?:^|(?<=\n)|(?<=[^\w\s,;:'’\"-])[ \t]+)[ \t]*"
    r"(?P<who>[A-Z][a-z]{1,11}|[A-Z]{1,2})[ \t]?:[ \t]+(?=\S)"
)
ROLES = frozenset(
    """q a sw gp nb ps re dr mr ms ok rn hca ot pt me us mum dad nan gran staff nurse carer
    reply answer note ref tel mob fax p c h hx dx rx tx sx son daughter wife husband ward
    meds callback postcode surname forename forenames name address date subject sent cc dob
    email phone mobile plan history notes action outcome""".split()
)
ROLE_ENDINGS = ("er", "or", "ist", "ant", "ent", "ee")
# A diary written by day ("Mon: rang the surgery", "Th: Mam fell") labels its entries with
# days, not people.
DAYS = frozenset(
    """mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat
    saturday sun sunday th sa su""".split()
)
DAY_INITIALS = frozenset("m t w f s".split())


def _is_diary(speakers: set[str]) -> bool:
    """Two or more labels are days (or day initials such as "M", "T", "W", "Th"): the "turns"
    are a diary's days, so every day-like label is a day."""
    lowered = {who.lower() for who in speakers}
    return len(lowered & DAYS) + len(lowered & DAY_INITIALS) >= 2


def chat_speakers(text: str) -> Iterator[Finding]:
    if ":" not in text:
        return
    turns = list(TURN.finditer(text))
    speakers = {m.group("who") for m in turns}
    if len(turns) < 3 or len(speakers) < 2:
        return
    gaz = gazetteer()
    diary = _is_diary(speakers)
    for who in speakers:
        low = who.lower()
        if low in DAYS or (diary and low in DAY_INITIALS):
            continue  # "Mon:", and in a diary by days "M:", "T:"
        if low in ROLES or low in STOP_WORDS or low.endswith(ROLE_ENDINGS):
            continue  # "To:", "Referrer:", "Caller:", "SW:"
        if len(low) > 2 and low in gaz.common_words and low not in gaz.first_names:
            continue
        label = re.compile(rf"(?<![\w'’-]){re.escape(who)}[ \t]?:(?=[ \t]+\S)")
        for m in label.finditer(text):
            yield Finding(m.start(), m.start() + len(who), "PERSON", 0.75, "chat_speaker")
