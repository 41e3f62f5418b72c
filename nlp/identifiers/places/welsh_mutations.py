"""A Welsh place's name as Welsh grammar changes it after a preposition (issue 20, round 59).

In Welsh the first letter of a word changes after certain words: "o Lanrwst" (from Llanrwst),
"i Gonwy" (to Conwy), "ym Mhrestatyn" (in Prestatyn), "yn Ninbych-y-pysgod". The place lists
hold the radical forms, so a mutated place was in no list and was missed, most of all typed in
lower case in a Welsh message (a development set written in Welsh and English, v69, missed
eight). Here a word right after a Welsh preposition is taken back to each form it can have come
from, by the soft mutation after "o", "i", "am", "ar", "at", "gan", "dan", "drwy", "heb", "hyd",
"tan", "wrth", "dros", and the nasal after "yn", "ym", "yng"; the word is a place when one of
those forms, or the word itself, is a listed place. The mutated word must be no everyday English
word, and Welsh words must stand near, as "at", "am" and "i" are English too ("at Ravensdale
children's centre", "i met" and "o dear" stay English).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import WELSH_WORDS, gazetteer

SOFT_AFTER = "o i am ar at gan dan drwy heb hyd tan wrth dros".split()
NASAL_AFTER = "yn ym yng".split()
AFTER_PREPOSITION = re.compile(
    r"(?<![\w'’-])(?P<prep>" + "|".join(SOFT_AFTER + NASAL_AFTER) + r")[ \t]+"
    r"(?P<word>[^\W\d_][\w'’]*(?:-[\w'’]+){0,3})",
    re.IGNORECASE,
)
# The mutated first letters and the radical letters they come from.
SOFT = (("dd", "d"), ("ll", "ll"), ("rh", "rh"), ("g", "c"), ("b", "p"), ("d", "t"), ("f", "b"),
        ("f", "m"), ("l", "ll"), ("r", "rh"))  # fmt: skip
NASAL = (("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("m", "b"), ("n", "d"))


def radical_forms(word: str, nasal: bool) -> set[str]:
    """The forms a mutated Welsh word can have come from, with the word itself."""
    forms = {word}
    for mutated, radical in NASAL if nasal else SOFT:
        if word.startswith(mutated):
            forms.add(radical + word[len(mutated) :])
    if not nasal and word[:1] in "aeiouwyâêîôûŵŷ":
        forms.add("g" + word)  # soft mutation drops a "g": "o Wynedd", "i Aerwen"
    return forms


def welsh_mutated_places(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in AFTER_PREPOSITION.finditer(text):
        written = m.group("word")
        word = written.lower()
        if word in gaz.common_words or word in WELSH_WORDS or len(word) < 4:
            continue
        if not _welsh_near(text, m.start(), m.end()):
            continue  # "at Ravensdale children's centre": English, whose prepositions look alike
        nasal = m.group("prep").lower() in NASAL_AFTER
        forms = radical_forms(word, nasal)
        if any(f in gaz.places or f in gaz.small_places for f in forms):
            yield Finding(m.start("word"), m.end("word"), "LOCATION", 0.75, "welsh_mutated_place")


def _welsh_near(text: str, start: int, end: int) -> bool:
    around = re.findall(r"[^\W\d_][\w'’]*", text[max(0, start - 60) : end + 60].lower())
    return sum(w in WELSH_WORDS or w.endswith(("'n", "’n")) for w in around) >= 2
