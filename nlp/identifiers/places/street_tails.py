"""The rest of a street's name after a found address (issue 20, round 43).

An address rule stops at the first word of a street's kind, but some streets have two ("6
spring gardens lane", "5 Church View Terrace") or a side after their kind ("Saltwell Road
South", "19 Stanley Park Ave North"). Round 43 pooled the misses of every development set and
found the part left behind in three sets by different writers. A found address takes the words
straight after it when each is a word of a street's kind, or a side after one, written in the
address's own case; a side before another capitalised word ("Road North Yorkshire") is a
county's, and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

KINDS = (
    r"road|rd|street|lane|ln|avenue|ave|close|drive|way|crescent|gardens|grove|place|row|walk|"
    r"mews|square|terrace|villas|parade"
)
SIDES = r"north|south|east|west|upper|lower"
TAIL = re.compile(rf"[ \t]+(?P<word>(?i:{KINDS}|{SIDES}))\b")
SIDE = re.compile(rf"(?i:{SIDES})")
ANOTHER_NAME = re.compile(r"[ \t]+[A-Z][a-z]")
LAST_KIND = re.compile(rf"(?i:{KINDS}|st|view|hill|court)\.?$")


def _same_case(word: str, value: str) -> bool:
    if value.islower():
        return word.islower()
    if value.isupper():
        return word.isupper()
    return word[:1].isupper()


def street_tails(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Found addresses widened over the street's kind or side straight after them."""
    for f in found:
        if f.label != "ADDRESS":
            continue
        value = text[f.start : f.end]
        end = f.end
        for _ in range(2):
            tail = TAIL.match(text, end)
            if tail is None or not _same_case(tail.group("word"), value):
                break
            if SIDE.fullmatch(tail.group("word")):
                if not LAST_KIND.search(text[f.start : end]) or ANOTHER_NAME.match(
                    text, tail.end("word")
                ):
                    break
            end = tail.end("word")
        if end > f.end:
            yield Finding(f.start, end, "ADDRESS", f.score, f.source)


# Round 62 (development sets v20, v33, v37, v43, v47, v60, v64, v65, v68, v71, v73, v75 and
# more: sixteen misses in fourteen sets by different writers): the town or district written
# straight after a found street, with or without a comma ("1 Gorse Crescent Edinburgh", "4
# Larch Close Penwortham", "28 grantham road handsworth", "58 KELSO DRIVE GOVAN PA12QD"). The
# place lists hold most of them; written in the address's own case, one or two words the lists
# know are the place. Typed in lower case, a place's name that is also an everyday word ("sale",
# "reading") is taken only where the line ends or a comma, a full stop or a postcode follows
# ("12 mill lane sale." but not "12 mill lane reading the letter").
PLACE_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?P<w1>[A-Za-z][A-Za-z'’.-]*[A-Za-z])"
    r"(?:[ \t]+(?P<w2>[A-Za-z][A-Za-z'’-]*[A-Za-z]))?"
)
POSTCODE_AFTER = re.compile(r"[ \t]*,?[ \t]*[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]?\d[A-Za-z]{2}\b")
ENDS_HERE = re.compile(r"[ \t]*(?:[,.;)\n]|$)")


def places_after_streets(text: str, found: list[Finding]) -> Iterator[Finding]:
    """The town or district straight after a found street (round 62)."""
    gaz = gazetteer()

    def known(words: str) -> bool:
        return words in gaz.places or words in gaz.small_places

    for f in found:
        if f.label != "ADDRESS" or not LAST_KIND.search(text[f.start : f.end]):
            continue
        m = PLACE_AFTER.match(text, f.end)
        if m is None:
            continue
        value = text[f.start : f.end]
        w1, w2 = m.group("w1"), m.group("w2")
        if not _same_case(w1, value):
            continue
        if w2 and _same_case(w2, value) and known(f"{w1} {w2}".lower()):
            yield Finding(m.start("w1"), m.end("w2"), "LOCATION", 0.75, "place_after_street")
            continue
        low = w1.lower()
        if not known(low) or low in STOP_WORDS:
            continue
        if (
            w1.islower()
            and low in gaz.common_words
            and not (ENDS_HERE.match(text, m.end("w1")) or POSTCODE_AFTER.match(text, m.end("w1")))
        ):
            continue
        yield Finding(m.start("w1"), m.end("w1"), "LOCATION", 0.75, "place_after_street")
