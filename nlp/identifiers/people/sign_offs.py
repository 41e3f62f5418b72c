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

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    DOMAIN_WORDS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    gazetteer,
)
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.usernames import NOT_USERNAMES

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
SIGN_OFF = gated(SIGN_OFF)


# "... that's my story. — rowan", "Thanks for reading\n- Marged": a dash before the name that
# ends the message does the closing phrase's work.
DASH_SIGN_OFF = re.compile(
    rf"(?:^|(?<=[\n.!?]))[ \t]*[—–-]{{1,2}}[ \t]*(?P<name>{_NAME}(?:[ \t]+{_NAME}){{0,2}})"
    r"[ \t]*(?:x+|X+)?[ \t]*[.!]?\s*\Z",
    re.IGNORECASE,
)


# "... ~120 leaflets. Abi", "can you ring her? x Fi", "Speak soon\nMags x": a short name
# alone at the very end of a message, after the last sentence's end or on its own line, with
# kisses before or after it, is the writer's sign-off even with no closing phrase.
BARE_SIGN_OFF = re.compile(
    r"(?:[.!?)][ \t]+|\n[ \t]*)(?:[xX]{1,4}[ \t]+)?"
    r"(?P<name>(?:[A-Z]['’])?[A-ZÀ-Ý][a-zà-ÿ]{1,11}(?:-[A-Z][a-zà-ÿ]{1,11})?)"
    r"(?:[ \t]+[xX]{1,4})?[ \t]*[.!]?\s*\Z"
)
# Words that end a message without being anyone's name.
NOT_SIGN_OFFS = frozenset(
    """thanks thank thankyou thx ta cheers bye byee goodbye regards love best sincerely
    faithfully welcome sorry please pls ok okay yes no nope yeah yep done end ends fin
    finished attached enclosed anyway anyways overall help urgent asap tbc tba nil none
    again too also only today tomorrow tonight soon later now then morning afternoon evening
    night everyone all thoughts ideas comments questions diolch hwyl tara cya ciao merci
    gracias danke shukran salaam namaste amen""".split()
)


def bare_sign_offs(text: str) -> Iterator[Finding]:
    """A short capitalised name alone at the end of the message: a first name, or a word in
    no English list; never an everyday word, a role, a day or a month."""
    m = BARE_SIGN_OFF.search(text)
    if not m or len(text) < 40:
        return
    name = m.group("name")
    low = name.lower()
    gaz = gazetteer()
    if low in NOT_SIGN_OFFS or low in DOMAIN_WORDS or low in ROLE_CUES or low in STOP_WORDS:
        return
    if low in MONTHS or low in NOT_IDENTIFIER_WORDS or low in NOT_USERNAMES:
        return
    if low in gaz.places and low not in gaz.first_names:
        return  # "... in Leeds. Chapeltown" is no signature
    kisses = bool(re.search(r"[xX]", m.group().replace(name, "")))
    first = low in gaz.first_names and (low not in gaz.common_words or kisses)
    pet_name = kisses and len(low) <= 3  # "x Fi", "Jo xx": a short name with kisses
    rare = low not in gaz.common_words and (low not in gaz.english_words or len(low) <= 4)
    # On a line of its own any uncommon word closes the message as a name ("Deepak"), unless
    # it is shaped like a verdict ("Disgraceful", "Shocking") or a job under a signature
    # ("Solicitor", "Pharmacist").
    own_line = m.group().lstrip(" \t").startswith("\n") or "\n" in m.group()[:2]
    alone = (
        own_line
        and low not in gaz.common_words
        and not low.endswith(VERDICT_ENDINGS)
        and not (low in gaz.english_words and low.endswith(JOB_ENDINGS))
    )
    if first or pet_name or rare or alone:
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "sign_off")


VERDICT_ENDINGS = (
    "ful", "ing", "ed", "ly", "able", "ible", "ous", "ive", "ness", "ment", "tion", "sion", "less",
)  # fmt: skip
JOB_ENDINGS = ("er", "or", "ist", "ant", "ent", "ian", "ee", "ary", "ive")
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def _written_in_lower_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.015 * len(letters)


# "... his inr is on thurs. please sort. paula": a listed first name in lower case alone at the
# end, from a writer who opens sentences in lower case (a practice's name or a code may still
# put capitals in the text).
LOWER_BARE_SIGN_OFF = re.compile(
    r"(?:[.!?][ \t]+|\n[ \t]*)(?P<name>[a-z]{2,12})[ \t]*[.!]?[ \t]*(?:x+)?\s*\Z"
)
SENTENCE_OPENING = re.compile(r"(?:\A|[.!?][ \t]+|\n[ \t]*)([^\W\d_])")


def lower_case_sign_off(text: str) -> Iterator[Finding]:
    m = LOWER_BARE_SIGN_OFF.search(text)
    if not m or len(text) < 40:
        return
    name = m.group("name")
    gaz = gazetteer()
    if name not in gaz.first_names or name in gaz.common_words or name in NOT_SIGN_OFFS:
        return
    openings = [c.group(1) for c in SENTENCE_OPENING.finditer(text)]
    if len(openings) >= 3 and sum(c.islower() for c in openings) * 2 > len(openings):
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "sign_off")


def _last_line_alone(text: str, m: re.Match, words: list[str]) -> bool:
    """Round 39: "thanks\nstu" ending a message: the closing phrase on its line and the name
    alone on the last one say "name" however it is written; an everyday word is still none
    ("thanks\nbye")."""
    return (
        "\n" in text[m.start() : m.start("name")].strip(" \t")
        and not text[m.end() :].strip()
        and len(words) == 1
        and not any(
            w in gazetteer().common_words or w in NOT_SIGN_OFFS or w in STOP_WORDS for w in words
        )
        and not words[0].endswith(VERDICT_ENDINGS)
    )


# Round 56: "... SURELY THIS ISN'T RIGHT?  HUDA 07700 900 545", "oksana horvat +447700900494
# horvat.oksana30@...": a message ends with the writer's name and how to reach them, no closing
# phrase between (a retired set, v62, three times). After a sentence's end or at a line's start,
# one to three words right before a telephone number are a name when the first is a known first
# name (an everyday word only in capitals or capitalised) and the others are no function words.
NAME_BEFORE_PHONE = re.compile(
    r"(?:^|(?<=[.!?])|(?<=[.!?][ \t])|(?<=[.!?][ \t]{2}))[ \t]*"
    r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,2})[ \t]*[,:-]?[ \t]*\n?[ \t]*"
    r"(?=(?:\+44[ \t]?|0)\d{2,4}[ \t]?\d{3}[ \t]?\d{3,4}\b)",
    re.MULTILINE,
)


PHONE_WORDS = frozenset("number no tel phone mobile mob landline contact ring call text".split())


def names_before_phones(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in NAME_BEFORE_PHONE.finditer(text):
        words = m.group("name").split()
        if any("'" in w or "’" in w or w.lower() in PHONE_WORDS for w in words):
            continue  # "Ma number's 0141 ...": whose number, not who
        first = words[0].lower()
        if first not in gaz.first_names and first not in gaz.registered_only_first_names:
            continue
        if first in gaz.common_words and words[0].islower():
            continue  # "call 0161 ...", "mum 07700 ...": a word, not a name
        rest = [w.lower() for w in words[1:]]
        if any(w in STOP_WORDS or w in DOMAIN_WORDS or w in ROLE_CUES for w in [first, *rest]):
            continue
        if any(w in gaz.common_words and w not in gaz.surnames for w in rest):
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "name_before_phone")


def sign_off_names(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in (*SIGN_OFF.finditer(text), *DASH_SIGN_OFF.finditer(text)):
        name = m.group("name")
        if re.fullmatch(r"(\w)\1+", name, re.IGNORECASE):
            continue  # "Thank you XXXX": a name someone already took out
        words = [w.lower() for w in re.split(r"\s+", name)]
        known = all(w in gaz.first_names or w not in gaz.english_words for w in words)
        if not name[:1].isupper() and not (
            (known and _written_in_lower_case(text)) or _last_line_alone(text, m, words)
        ):
            continue  # lower case counts only where nothing is capitalised ("thanks, eilidh")
        if any(w in DOMAIN_WORDS or w in ROLE_CUES for w in words):
            continue  # "Thanks, NHS", "Love, Mum"
        if all(w in gaz.common_words and w not in gaz.first_names for w in words):
            continue  # "Thanks, Everyone", "Regards, The Team"
        if words[0] in ("the", "a", "an", "all", "everyone", "everybody"):
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "sign_off")
    yield from bare_sign_offs(text)
    yield from lower_case_sign_off(text)
    yield from names_before_phones(text)
