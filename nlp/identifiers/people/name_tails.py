"""A name's last part that the name rules stopped short of (issue 20, thirty-eighth round).

Two kinds of writing leave the surname outside a name found by its first part:

- a form typed in capitals ("PATIENT: GLORIA MAY THWAITE", "MARGARET (MAGGIE) SUGDEN" as a
  sign-off): the first names come from the lists, and the surname, in capitals like every
  word of the line, gets no capital of its own to be told by. A word in capitals straight
  after a found name in capitals (one space, or a nickname's closing bracket) is its surname
  when the lists know it as one, or it is in no word list; a form's next label ("AGE",
  "DOB", "ADDRESS") or any everyday word is not;
- a double-barrelled surname written in lower case ("mrs adebayo-price"): the title rule
  takes the first half and stops at the hyphen before an everyday word. The half after a
  hyphen is part of the name, unless it is a suffix a word takes ("tom-style", "jo-led").

Round 39: a given name's second syllable after a hyphen ("Park Min-ji", "Hyun-joo").

Round 50: a surname's initial after a found name ("Femi A., Rosie", "Staff: Bethan P",
"[19:04] Samuel T: no bro"): rotas, chats and reviews name people so, and every development set
that writes one marks the initial with the name (44 times in 20 sets; the two left were a
condition's letter, "Hep C"). A single capital after a name in mixed case is taken, with its full
stop; "A" and "I" only with a full stop ("Kerry I think", "Derek A Holmes" aside).
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, TITLE_CUES, gazetteer

CAPS_WORD_AFTER = re.compile(
    r"(?:\)[ \t]|[ \t])(?P<word>(?:MC|MAC|O['’])?[A-Z]{3,}(?:-[A-Z]{2,})?)\b"
)
HYPHEN_HALF = re.compile(r"-(?P<half>[a-zà-ÿ]{3,})\b(?!-)")
# Round 39: a given name of two syllables joined by a hyphen, the second in lower case, as
# Korean and Chinese names are romanised ("Park Min-ji", "Hyun-joo", "Xiao-li"): the rules
# stop at the hyphen. A short lower-case half that is no everyday word is the name's; "Smith-led",
# "Jones-run", "Tom-ish" are words.
INITIAL_AFTER = re.compile(r"[ \t](?:[B-HJ-Z]\.?|[AI]\.)(?=[\s,;:)\]–—-]|$)")
SYLLABLE_AFTER = re.compile(r"-(?P<half>[a-z]{2,5})(?![\w'’-])")
NOT_HALVES = frozenset(
    """like style esque type led based related free shaped ish friendly era year years old
    born aged sized size wise ward wards minded made sort kind ish run led""".split()
)


def with_name_tails(text: str, found: list[Finding]) -> list[Finding]:
    """`found` with each person's surname in capitals or hyphenated half taken in."""
    if not any(f.label == "PERSON" for f in found):
        return found
    out = []
    for f in found:
        out.extend(_with_tail(text, f))
    return out


# Round 39: a nickname's word before a found name ("Big John Buckley", "Wee Jimmy", "Scouse
# Mick"): the conventions mark the nickname whole. Only in capitals, only before a found name
# that opens with a listed first name ("the big John Lewis sale" has no person, and a group's
# name guessed as one, "Tiny Talkers", is not widened); "Old", "Young", "Little", "Tiny" are
# left, being as often a word of age or a group's name ("Old Tom from next door").
NICKNAME_WORD_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Big|Wee|Auld|Scouse|Geordie|Brummie|Cockney)[ \t]$"
)


# Fifty-third round: the words of Arabic, Malay, Cantonese and Welsh names that the lists hold
# no name for. A kunya or a familiar prefix opens the name ("Abu Yusuf", "Umm Khalid", "Ah
# Fong"), and "bin", "binti", "bint", "ibn", "ap" and "ferch" join a name to the father's
# ("Rasha bint Khalid", "Omar ibn Said", "Dafydd ap Gwilym"). Only beside a found name, and the
# father's name capitalised and no everyday word; honorifics ("Haji", "Sheikh") are titles and
# stay outside, as the conventions keep titles.
PREFIX_BEFORE = re.compile(r"(?<![\w'’-])(?:Abu|Abou|Umm|Ah)[ \t]$")
JOINED_AFTER = re.compile(
    r"[ \t](?:bin|binti|bint|ibn|ap|ferch)[ \t](?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
    r"(?![\w'’-])"
)


# Round 72: an Irish woman's surname after "Ní" or "Nic" (daughter of), or a wife's after "Uí",
# typed without the fada as often as with it ("Ms Ni Bhriain", "dr ni bhriain"; v47 and v94).
# The name after the particle is lenited ("Bhriain", "Mhurchú"), which is how "Ni" is told from
# the initials of Northern Ireland; in lower case only the digraphs English and Welsh lack.
IRISH_PARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?i:n[ií]c?|u[ií]|mhic)[ \t]$")
LENITED = re.compile(r"(?:[BCDFGMPST]h|[BDFGM]H|[bdfgm]h)")


def _with_particles(text: str, f: Finding) -> Finding:
    start, end = f.start, f.end
    if text[start : start + 1].isupper():
        before = PREFIX_BEFORE.search(text, max(0, start - 5), start)
        if before:
            start = before.start()
    if LENITED.match(text, start):
        before = IRISH_PARTICLE_BEFORE.search(text, max(0, start - 6), start)
        if before:
            start = before.start()
    after = JOINED_AFTER.match(text, end)
    if after and after.group("name").lower() not in gazetteer().common_words:
        end = after.end()
    if (start, end) == (f.start, f.end):
        return f
    return Finding(start, end, f.label, f.score, f.source)


def _with_tail(text: str, f: Finding) -> list[Finding]:
    if f.label != "PERSON":
        return [f]
    before = NICKNAME_WORD_BEFORE.search(text, max(0, f.start - 9), f.start)
    if before and text[f.start : f.end].split()[0].lower() in gazetteer().first_names:
        f = Finding(before.start(), f.end, f.label, f.score, f.source)
    f = _with_particles(text, f)
    value = text[f.start : f.end]
    end = f.end
    if value.isupper() and len(value) > 2:
        m = CAPS_WORD_AFTER.match(text, end)
        if m and _caps_surname(m.group("word")):
            if text[end] == " ":
                end = m.end("word")
            elif f.start > 0 and text[f.start - 1] == "(":  # "MARGARET (MAGGIE) SUGDEN"
                tail = Finding(m.start("word"), m.end("word"), "PERSON", f.score, f.source)
                return [f, tail]
    elif value.islower():
        m = HYPHEN_HALF.match(text, end)
        if m and m.group("half") not in NOT_HALVES:
            end = m.end()
    elif value[-1:].isalpha() and value.split()[-1][:1].isupper():
        initial = INITIAL_AFTER.match(text, end)
        if initial:
            return [Finding(f.start, initial.end(), f.label, f.score, f.source)]
        m = SYLLABLE_AFTER.match(text, end)
        half = m.group("half") if m else ""
        if (
            m
            and half not in NOT_HALVES
            and (half not in gazetteer().common_words or _romanised_syllable(value.split()[-1]))
        ):
            end = m.end()
    if end == f.end:
        return [f]
    return [Finding(f.start, end, f.label, f.score, f.source)]


def _romanised_syllable(word: str) -> bool:
    """Round 40: the first half is a short syllable that is no everyday word nor a listed
    first name ("Kwok", "Siu", "Wai"), so the second is the name's even when it is an
    everyday word ("Kwok-wing", "Siu-man"); after "Smith", "Ward" or "Tom" a word after the
    hyphen stays a word."""
    low = word.lower()
    gaz = gazetteer()
    return len(low) <= 5 and low not in gaz.common_words and low not in gaz.first_names


def _caps_surname(word: str) -> bool:
    gaz = gazetteer()
    parts = [re.sub(r"^o['’]", "", p) for p in word.lower().split("-")]
    for w in parts:
        if w in DOMAIN_WORDS or w in ROLE_CUES or w in TITLE_CUES or w in gaz.common_words:
            return False
        if not (w in gaz.surnames or w not in gaz.english_words):
            return False
    return True
