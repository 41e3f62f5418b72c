"""Private hospitals by their group's name and their own (issue 20, round 96): "Spire Leeds",
"Nuffield Health Tees", "BMI Three Shires", "Ramsay Duchy Hospital", "at the Nuffield".

The NHS sends people on long waits to independent hospitals, and people name them the way the
groups do: the group, then the hospital's place or name, with or without "Hospital", in any
case ("spire leeds??", "NUFFIELD HEALTH TEES"), or by the group alone ("dr hammond at spire",
"paid privately at the Nuffield in Leicester"). Sixteen writers' sets mark them (53 such names
marked across the development sets); six were missed in four sets and five more in v142.

A group's name before a hospital's is the cue; the words after it must be the hospital's: in
mixed case, capitalised words of which one is a place or no common word ("BMI centile", "Circle
of doom" and "Spire View Road" stay); in lower case or capitals, where capitals no longer tell a
name, a listed place's words, a name that ends in "Hospital", or one word of its own after
"Nuffield Health" ("NUFFIELD HEALTH GYM" stays). "Ramsay", a surname too, only before "Health"
or a name and "Hospital". "Nuffield" alone is a hospital unless a body of that name follows
("the Nuffield Trust", "Nuffield Department of Surgery"); "Spire" alone only as a capitalised
word inside a sentence, or after "at", "to" or "from" before a stop or a word that ends a
place's name ("the church spire" and "at spire view surgery" stay).

Round 100: the independent providers of NHS-funded abortion care name their clinics the same
way, the provider and then the clinic's place ("BPAS Streatham", "bpas swindon", "BPAS Cymru",
"MSI Reproductive Choices Norwich"); two writers' sets mark them (v98, v150: five such names
the rules left).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

# Ramsay is a surname too ("Ramsay MacDonald"): its hospitals only with "Health" or "Hospital".
_GROUP = (
    r"(?P<group>spire|nuffield(?:[ \t]+health)?|bmi|ramsay[ \t]+health(?:[ \t]+care)?"
    r"|circle(?:[ \t]+health)?|bpas|msi[ \t]+reproductive[ \t]+choices)"
)
_WORD = r"[^\W\d_][\w'’-]*"
GROUP_AND_NAME = re.compile(
    rf"(?<![\w'’-])(?i:{_GROUP}|(?P<ramsay>ramsay)(?=[ \t]+{_WORD}[ \t]+(?i:hospital)\b))"
    rf"[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})(?![\w'’-])"
)
NAME_WORD = re.compile(_WORD)
KIND_WORDS = frozenset({"hospital", "hospitals", "clinic"})
GROUP_AND_NAME = gated(GROUP_AND_NAME)
NUFFIELD_ALONE = gated(re.compile(r"(?<![\w'’-])(?i:nuffield)(?![\w'’-])"))
NUFFIELD_BODIES = re.compile(
    r"[ \t]+(?i:trust|department|council|foundation|college|orthopaedic|health|centre|institute)\b"
)
# Not before another capitalised word ("Spire Road" is a street, "Spire Leeds" the rule above's),
# nor after "a" ("as good as a Spire hospital": the group, not one of its hospitals); in lower
# case after "at", "to" or "from", and before a stop or a word that ends a place's name ("at
# spire saw me"; "at spire view surgery" is another place).
SPIRE_ALONE = gated(
    re.compile(
        r"(?<![\w'’-])(?<!\b[Aa] )(?:Spire(?![ \t]+[A-Z])|(?i:(?<=at )|(?<=to )|(?<=from ))spire"
        r"(?=[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:saw|said|did|was|were|is|are|in|for|on|and|but|then|"
        r"today|yesterday|last|next|hospital)\b))\b"
    )
)
# Words that end a hospital's name before they could be part of it.
NOT_NAME_WORDS = frozenset(
    """is was has had at in of on to for and or the a an with by from centile score index
    result results said says""".split()
)


def _name_words_ok(words: list[str], mixed: bool, group: str) -> bool:
    """Whether the words after a group's name are a hospital's own name (its kind after it
    included: "Leeds Hospital")."""
    gaz = gazetteer()
    low = [w.lower() for w in words]
    if low[0] in NOT_NAME_WORDS or low[0] in KIND_WORDS:
        return False
    kind = low[-1] in KIND_WORDS
    own = low[:-1] if kind else low
    place_words = [w in gaz.places or w in gaz.small_places for w in own]
    one_place = " ".join(own) in gaz.places
    if mixed:
        if not all(w[0].isupper() for w in words):
            return False
        return any(place_words) or one_place or kind or any(w not in gaz.common_words for w in own)
    # In capitals or lower case no capital says where the name ends: it ends at its kind
    # ("NUFFIELD HEALTH WESSEX HOSPITAL"), or is a place's words alone ("SPIRE HARROGATE"), or,
    # after "Nuffield Health", one word of its own ("NUFFIELD HEALTH TEES"); "spire" and "bmi"
    # are words there.
    if kind:
        return bool(own)
    if all(place_words) or one_place:
        return True
    return group.startswith("nuffield") and len(own) == 1 and own[0] not in gaz.common_words


def private_hospitals(text: str) -> Iterator[Finding]:
    """ "Spire Leeds", "Nuffield Health Tees", "BMI Three Shires", "at the Nuffield"."""
    mixed = not (text.isupper() or text.islower())
    taken: list[tuple[int, int]] = []
    for m in GROUP_AND_NAME.finditer(text):
        words = []
        for word in NAME_WORD.finditer(text, m.start("name"), m.end("name")):
            if text.startswith(":", word.end()):
                break  # a record's next field: "NUFFIELD HEALTH TEES NAME: ..."
            words.append(word)
        # the longest run of the words after the group that reads as a hospital's name
        for n in range(len(words), 0, -1):
            group = (m.group("group") or m.group("ramsay")).lower()
            if _name_words_ok([w.group() for w in words[:n]], mixed, group):
                taken.append((m.start(), words[n - 1].end()))
                yield Finding(
                    m.start(), words[n - 1].end(), "CARE_SETTING", 0.8, "private_hospital"
                )
                break
    for m in NUFFIELD_ALONE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or NUFFIELD_BODIES.match(text, m.end()):
            continue
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "private_hospital")
    for m in SPIRE_ALONE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group().istitle() and (m.start() == 0 or text[: m.start()].rstrip()[-1:] in ".!?\n"):
            continue  # "Spire" opening a sentence may be the word
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.7, "private_hospital")
