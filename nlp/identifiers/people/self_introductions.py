"""A message's writer saying who they are, typed in lower case (issue 20, round 79).

Texts, voicemails and notes pushed through a door open with a greeting and the sender's name:
"hiya jo its kam", "hi gill its dot from number 9", "hey amira its ros from the cardiology
secs", "hi this is anthony calling about my mum", "HI ITS PAT WOOD.", "hi its dean harrison
from the dialysis unit". Pooled over the development sets, a name after "its" or "this is" is
marked 160 times in 63 sets and left 18 times, every one of them an English word ("this is
long", "it's mad"); the name rules need a capital or a listed name, and 14 such senders were
missed in thirteen sets.

After a greeting and an addressee, or at a message's very start, "its", "it's" or "this is"
and one word: the sender's name. Not a function word, an everyday word ("hi its me", "hiya its
been ages", "hi its urgent"), a word of kinship ("its ma da") or a possessive ("This is Ryan's
story"); at the start without a greeting, only a word of letters no English word list holds
("It's long.", "This is unacceptable.", "This is cross-posted" are no one). An everyday word
that is also a first name ("dot", "pat") counts when what follows says a sender is speaking
("from", "here", "calling", a comma). A listed family name straight after it joins it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.people.chat_speakers import KIN_LABELS

_WORD = r"[A-Za-z][a-z'’-]*|[A-Z][A-Z'’-]*"
OPENING = gated(
    re.compile(
        r"(?:^|(?<=[\n.!?])[ \t]*)(?P<greeting>(?:hiya|hi|hey|hello|helo|morning|evening|"
        rf"afternoon|alright)[ \t,!]+(?:(?!its\b|it['’]s\b|this\b)(?:{_WORD})[ \t,!]+)?)?"
        r"(?:its|it['’]s|it[ \t]+is|this[ \t]+is)[ \t]+"
        rf"(?P<name>{_WORD})(?:[ \t]+(?P<surname>{_WORD}))?(?P<after>[ \t]*[^\s\w]|[ \t]+\w+|$)",
        re.IGNORECASE | re.MULTILINE,
    )
)
SENDER_WORDS = frozenset("from here calling ringing phoning speaking again".split())


def _speaking_after(after: str) -> bool:
    """What follows the name says a sender is speaking: a word of calling, or punctuation."""
    after = after.strip().lower()
    return not after or not after[0].isalnum() or after in SENDER_WORDS


def self_introductions(text: str) -> Iterator[Finding]:
    """ "hiya jo its kam", "hi this is anthony calling" (see the module's docstring)."""
    g = gazetteer()
    for m in OPENING.finditer(text):
        name = m.group("name")
        low = name.lower()
        if low in KIN_LABELS or len(low) < 2 or low.endswith(("'s", "’s")):
            continue  # "its ma da", "This is Ryan's story"; "hi its me" is an everyday word
        if not m.group("greeting") and (
            m.start() > 0 or low in g.english_words or not low.isalpha()
        ):
            continue  # "It's long.", "This is unacceptable.": no greeting, no sender
        surname = m.group("surname")
        after = m.group("after")
        end = m.end("name")
        if surname and surname.lower() in g.surnames and surname.lower() not in STOP_WORDS:
            if _speaking_after(after):
                end = m.end("surname")
        elif surname:
            after = " " + surname
        if low in g.common_words:
            named = low in g.first_names or low in g.pet_words or low in g.name_words
            if not (named and (end == m.end("surname") or _speaking_after(after))):
                continue
        yield Finding(m.start("name"), end, "PERSON", 0.75, "self_introduction")
