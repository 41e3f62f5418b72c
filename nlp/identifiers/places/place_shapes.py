"""Places the token rules miss by their writing, not their name (issue 20, fifth round).

- A listed town typed in lower case inside an otherwise capitalised story ("a bus across
  leeds", "no dentist in the whole of hull"): the token rules trust capitals in such a text,
  so a lower-case word is left. After a place preposition, a listed place that is no English
  word is a place however it is written ("in sale", "past back" stay).
- A district named by an everyday word and a place tail ("we live in Small Heath", "at the
  home in Stone Cross"): neither word is listed, but after "live in", "moved to" or a care
  home's "in", a capitalised word and a tail such as Heath, Green or End is a place.
- A region or island group named by a plural land word, capitalised after a place
  preposition, with or without a compass word ("no dentist in Borders", "people on the North
  Isles", "across the Valleys"): no list holds every local name for a region (nineteenth
  round).
- An Irish townland by its first syllable ("Ballykeel", "Ballyrashane", "ballyhackamore"):
  "Bally" (baile, a homestead) begins thousands of places in Northern Ireland and no list
  holds them all; twenty sets by other writers mark them as places (thirtieth round). The one
  English word so spelt ("ballyhoo") and "Bally" alone (a shop's name) are left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.lower_case_cities import lower_case_cities
from nlp.identifiers.places.lower_case_localities import lower_case_localities
from nlp.identifiers.places.people_in_districts import people_in_districts

PLACE_PREPOSITION = re.compile(
    r"\b(?:in|into|to|from|across|near|around|round|outside|of|live|lives|living|via|towards)"
    r"\s+(?=(?P<rest>[a-z][a-z'’-]+(?:[ -][a-z][a-z'’-]+){0,2}))"
)
# Round 39: "Fell" and "Ferry" ("Low Fell", "Broughty Ferry"), the north's and the estuaries'.
TAILS = (
    r"Heath|Green|End|Cross|Common|Vale|Moor|Side|Fields|Hill|Bridge|Wood|Town|Gate|Park|Bank|"
    r"Top|Bottom|Marsh|Village|Fell|Ferry"
)
CUED_DISTRICT = re.compile(
    r"\b(?i:live|lives|living|lived|we['’]re|we\s+are|based|moved|move|grew\s+up|born|"
    r"(?:home|house|flat|surgery|practice|centre|unit|hospital)|[A-Z][a-z]+s|"
    # round 39: where a group meets or a team works ("the carers' group in Low Fell")
    r"(?:group|groups|club|café|cafe|team|meeting|meetings|hub|library|church|mosque|temple))"
    r"\s+(?:in|to)\s+"
    rf"(?P<place>[A-Z][a-z]+[ -](?:{TAILS}))(?![\w'’-]|\s+(?:Road|Street|Lane|Avenue|Drive|"
    r"Close|Surgery|Practice|Hospital|Medical|Health|Centre|School|Primary|Academy))"
)
REGION = re.compile(
    r"(?<![\w'’-])(?:in|on|across|around|round|from|to|into|throughout|of)[ \t]+(?:the[ \t]+)?"
    r"(?P<place>(?:(?:North|South|East|West|Northern|Southern|Eastern|Western|Inner|Outer|"
    r"Scottish|Welsh|Small)[ \t]+)?(?:Isles|Islands|Borders|Highlands|Lowlands|Valleys|Dales|"
    r"Fens|Wolds|Marches|Broads|Glens))(?![\w'’-])"
)
CUED_DISTRICT = gated(CUED_DISTRICT)
NOT_FIRST = frozenset("the a an my our his her their this that every any no new old".split())


def lower_case_places(text: str) -> Iterator[Finding]:
    if capitals_mean_little(text):
        return  # the token rules read such a text without capitals already
    gaz = gazetteer()
    for m in PLACE_PREPOSITION.finditer(text):
        words = re.split(r"([ -])", m.group("rest"))
        for size in (5, 3, 1):  # words with their separators: three, two or one words
            key = "".join(words[:size])
            if len(words) < size or key not in gaz.places:
                continue
            if " " not in key and "-" not in key and key in gaz.common_words:
                break
            start = m.start("rest")
            yield Finding(start, start + len(key), "LOCATION", 0.7, "lower_case_place")
            break


def cued_districts(text: str) -> Iterator[Finding]:
    yield from _cued_districts(text)


@lru_cache(maxsize=64)
def _cued_districts(text: str) -> tuple[Finding, ...]:
    """Kept for the last few texts: nlp/identifiers/care_settings/care_setting_names.py asks for
    them too."""
    return tuple(
        Finding(m.start("place"), m.end("place"), "LOCATION", 0.7, "cued_district")
        for m in CUED_DISTRICT.finditer(text)
        if m.group("place").split()[0].lower() not in NOT_FIRST
    )


def regions(text: str) -> Iterator[Finding]:
    """ "in Borders", "on the North Isles": a region by its plural land word, capitalised."""
    if text.isupper():
        return
    for m in REGION.finditer(text):
        yield Finding(m.start("place"), m.end("place"), "LOCATION", 0.7, "region")


TOWNLAND = re.compile(r"(?<![\w'’-])(?:[Bb]ally[a-z]{3,}|BALLY[A-Z]{3,})(?![\w'’-])")
NOT_TOWNLANDS = frozenset({"ballyhoo", "ballyhooed", "ballyhooing", "ballyhoos"})


def townlands(text: str) -> Iterator[Finding]:
    """ "Ballykeel", "ballyhackamore": an Irish place by its first syllable."""
    if "ally" not in text and "ALLY" not in text:
        return
    for m in TOWNLAND.finditer(text):
        if m.group().lower() not in NOT_TOWNLANDS:
            yield Finding(m.start(), m.end(), "LOCATION", 0.75, "townland")


def place_shapes(text: str) -> Iterator[Finding]:
    yield from townlands(text)
    yield from lower_case_places(text)
    yield from regions(text)
    yield from cued_districts(text)
    yield from people_in_districts(text)  # "families in Page Hall" (round 41)
    yield from lower_case_localities(text)  # "we live glodwick" (round 41)
    yield from lower_case_cities(text)  # "a bus across leeds" (round 43)
