"""Other mentions of a person once the story has named them, and name-words that open a
sentence before a verb only a person takes (issue 20, fifteenth round).

A first name that is also an everyday word ("Precious", "Hope", "Will", "Dot") is left alone
by the rules that look at one word, since most of its uses are the word. The story itself says
otherwise: "Precious and Tom on nights" joins it to a name already found, a quoted nickname
inside a found name ("Dorothy "Dot" Fairweather") is the name again wherever it recurs, and a
name found once is the same person when a lower-case sentence opens with it before a verb
("hope is doing better", after "my daughter Hope"). Without any earlier mention, "will said
the care home rang" reads only as a name: "will" as a modal never comes before a past tense.
Some slots are a person's with no earlier mention: a sentence opening "Carys the manager ...",
"me and lucy", "faith is doing much better", and a lower-case sentence opening with a word in
no list before "is ...ing" ("tegen is bringing his switch"). Common words are guarded: the
joined word must be a listed first name and no role or title, a month after a date word stays
a month, a lower-case mention needs the sentence's start and a person's verb after it, and
"me and" takes no everyday word (the first-name list holds "made", "lot" and "job": the real
text check of this round found them there).

Nineteenth round: a surname alone in brackets after a word for the people it names ("family
(Hughes) upset", "the daughter (Okafor) rang"), and a nickname given in quotes after "known as"
or "nicknamed" ("known round here as "Bryn the Milk""): the slot is a name's, and the name's
first word must be a listed name or in no word list.

Thirty-first round: places are joined the same way. A listed town that is also an everyday word
("Derby", "Reading", "Bath", "Sale", "Deal") is left alone when it stands by itself; joined by
"and", "or" or "&" to a place already found ("around Nottingham and Derby", "Bath or
Bristol") it is a place. It must be no first name ("Leeds and Hope"), no month, and no street's
or building's first word ("Leeds and Reading Road").

Forty-third round: a lower-case first name joined by "and" to a name found in lower case
("bethan and cerys"), when it is a listed first name or in no English list, and no common
word, place or month; and a capitalised one joined by the Scots "an" ("Morag an Chantelle").

Forty-fourth round: a lower-case first name before its role, anywhere in a sentence ("pay kate
the PA", "dee the HCA was gentle", "i rang lisa in the SEN team"; three sets by different
writers): the slot is a person's, so a listed first name is taken though the lists count it a
common word; a small word ("will the nurse come") and a verb that is a name too ("hope the
nurse", "ask the nurse") are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    gazetteer,
)
from nlp.identifiers.core.prefilter import FOLD, gated

_CAP_WORD = r"[A-Z][a-z]{2,14}"
# "<Word> and <found name>" / "<found name> and <Word>".
JOINED_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<word>{_CAP_WORD})(?P<join>[ \t]+(?:and|an|&)[ \t]+|,[ \t]*)$"
)
# After a comma the found name must go on as a list does ("Pete, Shazia, me"): "Sorry, Tom."
# is a word said to Tom.
LIST_GOES_ON = re.compile(r"[ \t]*(?:,|&|and\b)")
JOINED_AFTER = re.compile(rf"^[ \t]+(?:and|an|&)[ \t]+(?P<word>{_CAP_WORD})(?![\w'’-])")
# Round 43: the same in lower case, beside a name found in lower case ("tamsin and cerys").
_LOW_WORD = r"[a-z]{3,14}"
LOWER_JOINED_BEFORE = re.compile(rf"(?<![\w'’-])(?P<word>{_LOW_WORD})[ \t]+(?:and|&)[ \t]+$")
LOWER_JOINED_AFTER = re.compile(rf"^[ \t]+(?:and|&)[ \t]+(?P<word>{_LOW_WORD})(?![\w'’-])")
DATE_WORDS = re.compile(
    r"(?i)\b(?:in|on|since|until|by|of|last|next|early|late|mid|from|during|this)[ \t]+$"
)
MONTHS = frozenset("january february march april may june july august september october".split())
# Verbs after which a sentence's first word is its subject, a person here.
PERSON_VERBS = (
    r"is|was|has|had|said|says|told|tells|rang|rings|called|came|went|got|seems|seemed|looks|"
    r"looked|wants|wanted|asked|asks|texted|messaged|starts|started|loves|loved|needs|needed"
)
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
# "will" as a modal never stands before a past tense: "will said", "will rang".
MODAL_THEN_PAST = re.compile(
    r"(?m)(?:^|(?<=[.!?])[ \t]+)(?P<name>[Ww]ill)[ \t]+(?:said|told|rang|called|texted|"
    r"messaged|came|went|was|had|did|asked)\b"
)
MODAL_THEN_PAST = gated(MODAL_THEN_PAST)


def _lower_name_word(word: str) -> bool:
    """A lower-case word joined to a lower-case name is one too when it is a listed first name
    or in no list of English at all ("cerys"); a common word never is ("tea", "will")."""
    gaz = gazetteer()
    return (
        word not in gaz.common_words
        and (word in gaz.first_names or word not in gaz.english_words)
        and word not in gaz.places
        and word not in gaz.small_places
        and word not in ROLE_CUES
        and word not in TITLE_CUES
        and word not in NOT_IDENTIFIER_WORDS
        and word not in MONTHS
    )


def _name_word(word: str) -> bool:
    low = word.lower()
    return (
        low in gazetteer().first_names
        and low not in ROLE_CUES
        and low not in TITLE_CUES
        and low not in NOT_IDENTIFIER_WORDS
    )


PLACE_JOINED_BEFORE = re.compile(rf"(?<![\w'’-])(?P<word>{_CAP_WORD})[ \t]+(?:and|or|&)[ \t]+$")
PLACE_JOINED_AFTER = re.compile(
    rf"[ \t]+(?:and|or|&)[ \t]+(?P<word>{_CAP_WORD})(?![\w'’-]|[ \t]+[A-Z]|[ \t]*:)"
)


def _joined_places(text: str, f: Finding) -> Iterator[Finding]:
    """ "Nottingham and [Derby]", "[Reading] or Oxford": a listed place joined to a found one."""
    places, first_names = gazetteer().places, gazetteer().first_names
    before = PLACE_JOINED_BEFORE.search(text, max(0, f.start - 30), f.start)
    after = PLACE_JOINED_AFTER.match(text, f.end)
    for m in (before, after):
        if m is None:
            continue
        low = m.group("word").lower()
        if low in places and low not in first_names and low not in MONTHS:
            yield Finding(m.start("word"), m.end("word"), "LOCATION", 0.7, "joined")


def joined_to_found(text: str, findings: list[Finding]) -> Iterator[Finding]:
    """A capitalised first name joined by "and" to a name already found: "Precious and Tom";
    and a listed place joined to a place already found."""
    for f in findings:
        if f.label == "LOCATION":
            yield from _joined_places(text, f)
            continue
        if f.label != "PERSON":
            continue
        before = JOINED_BEFORE.search(text, max(0, f.start - 30), f.start)
        if before and before.group("join").startswith(",") and not LIST_GOES_ON.match(text, f.end):
            before = None
        if before and _name_word(before.group("word")):
            word = before.group("word")
            if not (word.lower() in MONTHS and DATE_WORDS.search(text, 0, before.start())):
                yield Finding(before.start("word"), before.end("word"), "PERSON", 0.7, "joined")
        after = JOINED_AFTER.match(text[f.end : f.end + 30])
        if after and _name_word(after.group("word")) and after.group("word").lower() not in MONTHS:
            yield Finding(
                f.end + after.start("word"), f.end + after.end("word"), "PERSON", 0.7, "joined"
            )
        if text[f.start : f.end].islower():
            yield from _lower_case_joined(text, f)


def _lower_case_joined(text: str, f: Finding) -> Iterator[Finding]:
    """ "tamsin and cerys": a lower-case first name joined to one found in lower case."""
    before = LOWER_JOINED_BEFORE.search(text, max(0, f.start - 30), f.start)
    if before and _lower_name_word(before.group("word")):
        yield Finding(before.start("word"), before.end("word"), "PERSON", 0.7, "joined")
    after = LOWER_JOINED_AFTER.match(text[f.end : f.end + 30])
    if after and _lower_name_word(after.group("word")):
        yield Finding(
            f.end + after.start("word"), f.end + after.end("word"), "PERSON", 0.7, "joined"
        )


def quoted_nicknames(text: str, findings: list[Finding]) -> set[str]:
    """ "Dot" in `Dorothy "Dot" Fairweather`: a nickname quoted inside a found name."""
    names = set()
    for f in findings:
        if f.label == "PERSON":
            names.update(re.findall(r"[\"“'‘]([A-Z][a-z]{1,14})[\"”'’]", text[f.start : f.end]))
    return names


# Any word a found name could be, before a person's verb. One pattern for every text, the
# found names checked after: compiling each text's names into a pattern of their own cost more
# than the search. Alone it matches the same places as that pattern would, with `FOLD` for the
# odd letters it takes for ASCII ones ("K", the Kelvin sign, for "k"), except that the names'
# pattern goes on after the verb: `opening_mentions` skips what starts before that.
WORD_BEFORE_VERB = re.compile(
    rf"(?i)(?<![\w'’-])(?P<name>[A-Za-z]{{3,15}})(?=[ \t]+(?-i:(?P<verb>{PERSON_VERBS}))\b)"
)


def opening_mentions(text: str, findings: list[Finding]) -> Iterator[Finding]:
    """A found one-word name in another casing opening a sentence before a person's verb
    ("hope is doing better" after "Hope"), and "will" before a past tense."""
    words = {
        text[f.start : f.end].lower()
        for f in findings
        if f.label == "PERSON" and re.fullmatch(r"[A-Za-z]{3,15}", text[f.start : f.end])
    }
    if words:
        taken = {(f.start, f.end) for f in findings}
        resume = 0  # where a match of the found names, verb and all, would have ended
        for m in WORD_BEFORE_VERB.finditer(text):
            if m.start() < resume or m.group("name").translate(FOLD).lower() not in words:
                continue
            resume = m.end("verb")
            if (m.start(), m.end("name")) in taken:
                continue
            if SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
                yield Finding(m.start(), m.end("name"), "PERSON", 0.7, "opening_mention")
    for m in MODAL_THEN_PAST.finditer(text):
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "opening_mention")


# Phrases whose slot only a person fills, even without an earlier mention:
# "Carys the manager came", "me and lucy", "hope is doing better", "tegen is bringing".
_ROLES = (
    r"manager|nurse|carer|matron|sister|receptionist|physio|consultant|doctor|midwife|"
    r"chaplain|cleaner|cook|chef|driver|volunteer|warden|therapist|pharmacist|paramedic"
)
OPENING_APPOSITION = re.compile(
    rf"(?m)(?:^|(?<=[.!?])[ \t]+)[ \t]*(?P<name>{_CAP_WORD})[ \t]+the[ \t]+(?:{_ROLES})\b"
)
OPENING_APPOSITION = gated(OPENING_APPOSITION)
_LOWER_ROLES = (
    rf"{_ROLES}|hca|pa|sw|ot|dn|cpn|hv|salt|senco|social[ \t]+worker|support[ \t]+worker|"
    r"key[ \t]?worker|health[ \t]+visitor|porter|advocate|interpreter|gp"
)
LOWER_CASE_APPOSITION = gated(
    re.compile(
        r"(?<![\w'’.-])(?P<name>[a-z]{2,14})[ \t]+(?:the[ \t]+(?i:" + _LOWER_ROLES + r")"
        r"|(?:in|from|on)[ \t]+the[ \t]+(?:[\w&-]+[ \t]+){0,3}(?i:team))(?![\w'’-])"
    )
)
DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|our|my|your|his|her|their)[ \t]+$")
# First names that are verbs or everyday words before "the": "hope the nurse comes", "said the
# GP" (the first-name list holds "said"); a past tense longer than "fred" is a verb too.
VERB_NAMES = frozenset(
    "hope pat bill mark sue rob jack drew grant chase bob frank sunny dusty will may said".split()
)
BESIDE_ME = re.compile(
    r"(?i)\b(?:me|myself)[ \t]+(?:and|&|n)[ \t]+(?P<after>[a-z]{3,14})\b(?!['’])"
)
NOT_A_NAME_NEXT = re.compile(
    r"[ \t]+(?:i|you|he|she|we|they|it|the|a|an|that|this|my|me|him|her|us|them|to)\b"
)
DOING_WELL = re.compile(
    r"(?i)(?<![\w'’-])(?P<name>[a-z]{3,14})[ \t]+(?:is|was|'s|’s)[ \t]+doing[ \t]+"
    r"(?:(?:so|much|loads|a[ \t]+lot|really|a[ \t]+bit)[ \t]+)?(?:well|better|great|ok|okay|fine|"
    r"brilliantly|amazing|good)\b"
)
DOING_WELL = gated(DOING_WELL)
LOWER_OPENING = re.compile(
    r"(?m)(?:^|(?<=[.!?])[ \t]+)(?P<name>[a-z]{3,14})[ \t]+(?:is|was)[ \t]+[a-z]{2,}ing\b"
)


# "family (Hughes) upset", "son (Kowalski)": a name in brackets after who they are.
BRACKETED_AFTER_WHO = re.compile(
    r"\b(?i:family|families|relatives?|next[ \t]+of[ \t]+kin|nok|household|parents|son|"
    r"daughter|husband|wife|partner|mother|father|mum|dad|carer|neighbour|brother|sister)"
    r"[ \t]*\([ \t]*(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)[ \t]*\)"
)
BRACKETED_AFTER_WHO = gated(BRACKETED_AFTER_WHO)  # run over whole texts: see prefilter.py
# `known as "Dai the Post"`, `nicknamed 'Tiny'`, `known round here as “Big Jim”`.
# Twentieth round: also "goes by "D"", "calls herself 'Queenie'", "prefers to be called ...".
NICKNAME_CUE = (
    r"known(?:[ \t]+\w+){0,2}[ \t]+as|nicknamed|everyone[ \t]+calls[ \t]+(?:him|her)|"
    r"go(?:es)?[ \t]+by|went[ \t]+by|call(?:s|ed)?[ \t]+(?:him|her|them)sel(?:f|ves)|"
    r"(?:likes|prefers|wants|liked|preferred|wanted)[ \t]+to[ \t]+be[ \t]+called"
)
QUOTED_NICKNAME = re.compile(
    rf"\b(?i:{NICKNAME_CUE})"
    r"[ \t]+[\"“'‘](?P<name>[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3})[\"”'’]"
)


# Unquoted after a cue only a name follows: "a man everyone calls Johnny Boy", "calls himself
# Dazza". One to three capitalised words, the first a listed first name or in no word list.
# Not after "goes by" unquoted: "the bus goes by Asda".
UNQUOTED_NICKNAME = re.compile(
    r"\b(?i:(?:everyone|everybody|people|they|the[ \t]+\w+)[ \t]+call(?:s|ed)?"
    r"(?:[ \t]+(?:him|her))?|call(?:s|ed)?[ \t]+(?:him|her|them)sel(?:f|ves)|"
    r"(?:likes|prefers|wants|liked|preferred|wanted)[ \t]+to[ \t]+be[ \t]+called)"
    r"[ \t]+(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2})(?![\w'’-])"
)


def _name_like(word: str, in_brackets: bool) -> bool:
    """Never a role word (a quoted initial, `goes by "D"`, is taken before this is asked). In
    brackets after who they are, a listed first name or surname (however everyday: "family
    (Hughes)") or a word in no list; in quotes after "known as", any word but
    an everyday one ("Dai the Post", not "Long Covid")."""
    low = word.lower()
    gaz = gazetteer()
    if low in ROLE_CUES or low in TITLE_CUES or low in NOT_IDENTIFIER_WORDS:
        return False
    if not in_brackets:
        return low not in gaz.common_words
    return low in gaz.first_names or low in gaz.surnames or _unlisted(word)


def bracketed_and_quoted_names(text: str) -> Iterator[Finding]:
    """A surname in brackets after who they are, and a quoted nickname after "known as"."""
    for pattern in (BRACKETED_AFTER_WHO, QUOTED_NICKNAME):
        for m in pattern.finditer(text):
            name = m.group("name")
            letters = pattern is QUOTED_NICKNAME and re.fullmatch(r"[A-Z]{1,2}", name)
            if letters or _name_like(name.split()[0], pattern is BRACKETED_AFTER_WHO):
                yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "person_phrase")
    for m in UNQUOTED_NICKNAME.finditer(text):
        first = m.group("name").split()[0]
        if _first_name(first) or (_unlisted(first) and _name_like(first, False)):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "person_phrase")


NICKNAME_HINT = re.compile(r"(?i)known|nicknamed|call|\bby\b")


def _first_name(word: str) -> bool:
    return _name_word(word) and word.lower() not in MONTHS


def _unlisted(word: str) -> bool:
    """A word in no list of English words or places: a name as likely as anything."""
    low = word.lower()
    gaz = gazetteer()
    return low not in gaz.english_words and low not in gaz.places and low not in gaz.common_words


def _lower_case_name_before_role(text: str, word: str, start: int) -> bool:
    """ "kate the PA", "lisa in the SEN team": a listed first name, not a verb, a small word or
    a noun after a determiner ("said the GP"; "to the ward the HCA")."""
    if word.endswith(("ed", "ing")) and len(word) > 4:
        return False
    if DETERMINER_BEFORE.search(text, max(0, start - 8), start):
        return False
    return word not in VERB_NAMES | STOP_WORDS and _first_name(word)


def person_phrases(text: str) -> Iterator[Finding]:
    """Words in a slot only a person fills, found without any earlier mention."""
    for m in OPENING_APPOSITION.finditer(text):
        word = m.group("name")
        if _unlisted(word) or (_first_name(word) and word.lower() not in gazetteer().common_words):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "person_phrase")
    for m in BESIDE_ME.finditer(text):
        word = m.group("after")
        if m.group().isupper() or word.endswith(("ed", "ing")):
            continue  # "ME AND MILES": capitals; "me and walked": a verb
        if NOT_A_NAME_NEXT.match(text, m.end()):
            continue  # "phoned me and said I must": a verb before its object
        if _first_name(word) and word.lower() not in gazetteer().common_words:
            yield Finding(m.start("after"), m.end("after"), "PERSON", 0.7, "person_phrase")
    for m in LOWER_CASE_APPOSITION.finditer(text):
        word = m.group("name")
        if _lower_case_name_before_role(text, word, m.start()):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "person_phrase")
    for m in DOING_WELL.finditer(text):
        if _first_name(m.group("name")):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "person_phrase")
    for m in LOWER_OPENING.finditer(text):
        if _unlisted(m.group("name")):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.65, "person_phrase")
    if "(" in text or NICKNAME_HINT.search(text):
        yield from bracketed_and_quoted_names(text)
