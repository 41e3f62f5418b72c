"""Lower-case names that run on past the word the name rules found (issue 20, round 41).

Round 41 pooled the misses of every development set and built only kinds that three or more
writers share. Two kinds of lower-case writing left a found first name short of the whole
name:

- a nickname of size before a first name: "big dave", "big mick", "big jim", "big tam" (four
  sets by different writers mark the whole, as they mark "Big Steve" written with capitals);
- a family name typed in lower case after a found lower-case first name: "my name is morag
  mackinnon", "this is carl ashworth", "grandad is stanley armstrong" (five sets). The family
  name is taken when the surname list holds it and it is no everyday word, or, after a cue of
  naming ("name is", "this is", "it's", "i'm", "from"), when it is no English word at all.

Round 42 added the other direction, shared by four more sets: a lower-case first name before
a found lower-case family name ("this is carl ashworth", "grandad is stanley armstrong",
"bernard o'halloran calling"), taken when the first-name list holds the word. The found family
name is the evidence, so a first name that is also a word ("carl", "ruth", "frank") is taken,
except for the words that stand before anyone's name ("will", "may", "said", "told").

Look-alikes that must stay: "a big thank you", "big dave's van" keeps only what is found,
"jordan and", "dave lol", "pat said", "sue ur one", a surname that is an everyday word
("alfie turner", where "turner" is one) and any text whose capitals carry meaning (a found
name written with a capital is the capitals rules' own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

BIG_BEFORE = re.compile(r"(?<![\w'’-])big[ \t]+$")
NEXT_WORD = re.compile(r"[ \t]+(?P<word>[a-z][a-z-]{2,}|o['’][a-z]{3,})(?![\w'’-])")
WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<word>[a-z]{3,})[ \t]+$")
NAMING_CUE = re.compile(
    r"(?:\bname\s+is|\bname['’]s|\bthis\s+is|\bit['’]?s|\bi\s+am|\bi['’]?m|\bis|\bfrom|"
    r"\bcalled)[ \t]+$"
)
# Chat's and speech's words, never a family name, though no dictionary holds them.
NOT_SURNAME = frozenset(
    """lol tbh omg idk ngl btw innit aye nah yeah yep yea hiya ta xx xxx pls plz thx tho
    cos coz bc rn atm smh fyi asap wiv wiv wen wat wot dunno gonna wanna gotta ur urs
    hes shes theyre youre thats whats its ive ill id im dont cant wont didnt isnt wasnt
    mum mam dad nan nana gran grandad""".split()
)


# Words that open or join a clause before a name, though the first-name list holds them.
NOT_FIRST_NAME = frozenset(
    """will may mark can said told asked rang saw met sue bill pat rose grace hope joy dawn
    april june august ray art guy max jack rich chase hunter the and with""".split()
)


def _patronymic(word: str, gaz) -> bool:
    """Round 54: a family name made from a father's first name with an "s" ("roberts",
    "williams", "edwards", "evans") is frequent enough to be a "common" word but is no word
    of English; a plural of an everyday word ("marks", "bills", "wills") is."""
    stem = word[:-1]
    return (
        word.endswith("s")
        and word in gaz.surnames
        and stem in gaz.first_names
        and stem not in gaz.name_words
        and stem not in NOT_FIRST_NAME
        and word not in gaz.places  # "wales", "paris"
    )


def _first_name(word: str, gaz) -> bool:
    return word in gaz.first_names and word not in NOT_FIRST_NAME and word not in NOT_SURNAME


def lower_case_full_names(text: str, found: list[Finding]) -> Iterator[Finding]:
    """A nickname's "big" before, or a family name after, a found lower-case name."""
    gaz = gazetteer()
    for f in found:
        if f.label != "PERSON":
            continue
        value = text[f.start : f.end]
        if not value.islower() or " " in value.strip():
            continue
        if BIG_BEFORE.search(text, max(0, f.start - 8), f.start):
            yield Finding(text.rindex("big", 0, f.start), f.end, "PERSON", f.score, f.source)
        elif value in gaz.surnames and value not in gaz.first_names:
            before = WORD_BEFORE.search(text, max(0, f.start - 16), f.start)
            if before and _first_name(before.group("word"), gaz):
                yield Finding(before.start("word"), f.end, "PERSON", f.score, f.source)
        m = NEXT_WORD.match(text, f.end)
        if m is None:
            continue
        word = m.group("word")
        if word in NOT_SURNAME or (word in gaz.common_words and not _patronymic(word, gaz)):
            continue
        listed = word in gaz.surnames
        unknown = (
            word not in gaz.first_names
            and len(word) >= 4
            and NAMING_CUE.search(text, max(0, f.start - 14), f.start) is not None
        )
        if listed or unknown:
            yield Finding(f.start, m.end("word"), "PERSON", f.score, f.source)
