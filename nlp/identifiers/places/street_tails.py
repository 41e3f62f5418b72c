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

from nlp.identifiers.core.findings import Finding

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
