"""Towns, districts and places found from tokens: gazetteers, capitals and place cues ("live
in …", "near …")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    COUNTRIES,
    DOMAIN_WORDS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    Gazetteer,
)
from nlp.identifiers.core.token_view import (
    NOT_NAME_POS,
    View,
    is_eponym,
    next_to_a_number,
)
from nlp.identifiers.core.token_words import (
    CARE_SUFFIX,
    MONTHS,
    STREET_WORDS,
)

# ---------------------------------------------------------------------------------------------
# Places

# The outward code of a postcode ("M33", "CF47", "SW1A").
POSTCODE_START = re.compile(r"[A-Za-z]{1,2}\d[A-Za-z\d]?")
PLACE_CUES = frozenset(
    {"in", "from", "near", "nr", "to", "around", "outside", "at", ",", "across", "via", "through"}
)
STRONG_PLACE_CUES = frozenset(  # looked up for every token
    (
        ("live", "in"),
        ("lives", "in"),
        ("lived", "in"),
        ("living", "in"),
        ("based", "in"),
        ("moved", "to"),
        ("move", "to"),
        ("moving", "to"),
        ("moved", "from"),
        ("me", "from"),
        ("us", "from"),
        ("'m", "from"),
        ("’m", "from"),
        ("im", "from"),
        ("am", "from"),
        ("grew", "up"),
        ("own", "in"),
        ("up", "in"),
        ("family", "in"),
        # round 40: a part of a town named by "of" ("the Hessle Road area of Hull", "the
        # outskirts of Bristol"): a town's name that is also an everyday word needs a cue,
        # and these say a place follows as "live in" does ("part of" is left: "part of LPT",
        # "part of the Trust" name organisations as often)
        ("area", "of"),
        ("areas", "of"),
        ("side", "of"),
        ("outskirts", "of"),
        ("suburbs", "of"),
        ("centre", "of"),
        ("center", "of"),
        ("edge", "of"),
        ("north", "of"),
        ("south", "of"),
        ("east", "of"),
        ("west", "of"),
        ("town", "of"),
        ("city", "of"),
        ("village", "of"),
    )
)


# The source of a place found only in Ordnance Survey's list of small settlements.
SMALL_PLACE = "small_places"


NEAR = ("near", "nr")
# The word right before a place that `_strong_cue` finds: the last of a cue's words.
CUE_ENDS = frozenset(second for _, second in STRONG_PLACE_CUES) | frozenset(NEAR)


def _strong_cue(v: View, i: int) -> bool:
    if i >= 2 and (v.low[i - 2], v.low[i - 1]) in STRONG_PLACE_CUES:
        return True
    return i >= 1 and v.low[i - 1] in NEAR


def places(v: View, gaz: Gazetteer) -> Iterator[Finding]:
    n = len(v)
    i = 0
    while i < n:
        matched = 0
        if v.word[i] in gaz.place_starts:
            for size in (7, 6, 5, 4, 3, 2, 1):  # "pen - y - bont ar ogwr" is 7 tokens
                if i + size > n:
                    continue
                key = v.lowered[v.start[i] : v.end[i + size - 1]]
                listed = key in gaz.places or key in gaz.small_places
                if not listed and "-" in key:
                    key = key.replace("-", " ")  # "Sutton-in-Ashfield" as the list's words
                    listed = key in gaz.places or key in gaz.small_places
                if listed and _place_ok(v, i, size, key, gaz):
                    last = i + size - 1
                    if _place_tail(v, last + 1):
                        last += 1  # "Moss Side", "Kings Heath": the list names only "Moss"
                    source = "uk_places" if key in gaz.places else SMALL_PLACE
                    yield Finding(v.start[i], v.end[last], "LOCATION", 0.75, source)
                    matched = last - i + 1
                    break
        i += matched or 1
    yield from _cued_places(v, gaz)


def _place_ok(v: View, i: int, size: int, key: str, gaz: Gazetteer) -> bool:
    if key in DOMAIN_WORDS or key in COUNTRIES or is_eponym(v, i + size - 1):
        return False
    if key in MONTHS and next_to_a_number(v, i):
        return False  # "in March 2023" is a date, not the town of March
    if not all(
        v.wordlike[k]
        or v.text[k] == "-"
        or (k > i and (v.text[k].isalpha() or v.text[k] in ("'s", "’s")))
        for k in range(i, i + size)
    ):  # inner one-letter words count: "pen-y-bont", "betws-y-coed"; so does the "'s" spaCy
        # splits off "Bullen's Green" (context probes, twenty-second session)
        return False
    if v.mode == "mixed" and not _possessive_place_cased(v, i, size):
        return False  # "Mr Bullen's green jumper": a person's, not "Bullen's Green"
    cue = i > 0 and (v.low[i - 1] in PLACE_CUES or _between_dashes(v, i, size))
    common = key in gaz.common_words or (size == 1 and key in gaz.first_names)
    placed = _strong_cue(v, i) or _place_follows(v, i + size, gaz)
    if key in MONTHS:
        return placed or v.ent[i] in ("GPE", "LOC")  # "treated in March" is a month
    if v.mode == "mixed":
        if not v.title[i]:
            # Lower case in otherwise well-cased writing: a rare word that is a place is one;
            # an English word ("cheshire", "merthyr") needs "in/from/near …" or "… area";
            # an everyday word ("sale", "bath", "reading") needs "live in …", "moved to …"
            # or a postcode or county after it.
            if key not in gaz.english_words:
                return key not in gaz.small_places or cue or placed or _area_follows(v, i + size)
            if common:
                return placed
            return cue or placed or _area_follows(v, i + size)
        if common:
            return (
                v.ent[i] in ("GPE", "LOC")
                or placed
                or (cue and v.proper(i))
                or _large_place_named(v, i, key, gaz)
            )
        return True
    if common:
        # Lower case throughout: "in london", "from bristol" read as places where the tagger,
        # given the sentence, takes the word for a proper noun ("in bath", "for sale" stay).
        return placed or (cue and size == 1 and v.has_pos and v.pos[i] == "PROPN")
    if key in gaz.small_places and v.mode == "lower":
        return cue or placed or _area_follows(v, i + size)  # "weel", "buckfast" typed lower
    if key in gaz.english_words and _owned_or_described(v, i):
        return placed  # "her cardigan", "the blue cardigan", "a wool one" (round 54)
    return (
        cue or placed or _area_follows(v, i + size) or not (v.has_pos and v.pos[i] in NOT_NAME_POS)
    )


DASHES = frozenset("- – —".split())


def _between_dashes(v: View, i: int, size: int) -> bool:
    """A heading's part set off by dashes, as a note names where it was held ("Citizens' panel
    – Edinburgh – session on carers", "Speak Up group – Hull  Who came: ..."): a cue like the
    comma of "Leith, Edinburgh" (round 64, a retired set, v78, and the development sets' event
    notes; a place between dashes was missed wherever the tagger did not call it one)."""
    if v.text[i - 1] not in DASHES:
        return False
    after = i + size
    return (
        after >= len(v)
        or v.text[after] in DASHES
        or not v.text[after].strip()
        or v.text[after] in (",", ":", ";", ".")
    )


OWNERS = frozenset("her his my your their our its a an".split())
DETERMINERS = OWNERS | {"the", "this", "that"}


def _owned_or_described(v: View, i: int) -> bool:
    """A word after a possessive or "a" ("her cardigan"), or after a determiner and one more
    word ("the blue cardigan", "the good cardigan"), is a thing, not a town typed in lower case;
    "the wirral", "in the rhondda" keep their place."""
    if i >= 1 and v.low[i - 1] in OWNERS:
        return True
    return (
        i >= 2
        and v.low[i - 2] in DETERMINERS
        and v.wordlike[i - 1]
        and v.low[i - 1] not in PLACE_CUES
        and v.low[i - 1] not in ("of", "and", "or")
    )


def _possessive_place_cased(v: View, i: int, size: int) -> bool:
    """In well-cased writing a place named with "'s" is capitalised after it too."""
    after = [k for k in range(i + 1, i + size) if v.text[k] in ("'s", "’s")]
    return not after or all(v.title[k] for k in range(after[0] + 1, i + size) if v.wordlike[k])


# Second words of districts named after a village or a feature: "Moss Side", "Kings Heath",
# "Gorton End", "Hyde Park".
PLACE_TAILS = frozenset(
    """side end green heath hill park bridge common cross vale moor bank top bottom town
    village estate fields wood marsh row gate""".split()
)


def _place_tail(v: View, j: int) -> bool:
    if j >= len(v) or not v.spaced[j - 1] or v.word[j] not in PLACE_TAILS:
        return False
    if j + 1 < len(v) and (v.word[j + 1] in STREET_WORDS or v.word[j + 1] in CARE_SUFFIX):
        return False  # "Leeds Park Lane", "Moss Side Surgery": a street or a practice
    if v.mode == "mixed":
        return v.title[j] and v.title[j - 1]
    return True


def _area_follows(v: View, j: int) -> bool:
    """ "the cheshire area", "merthyr way": a word after the name that makes it a place."""
    return j < len(v) and v.low[j] in ("area", "areas", "district", "borough", "county")


def _place_follows(v: View, j: int, gaz: Gazetteer) -> bool:
    """ "sale, cheshire", "sale m33": a county, larger place or postcode right after it."""
    if j < len(v) and v.text[j] == ",":
        j += 1
    if j >= len(v):
        return False
    if POSTCODE_START.fullmatch(v.text[j]):
        return True
    for size in (3, 2, 1):
        if j + size <= len(v):
            key = v.lowered[v.start[j] : v.end[j + size - 1]]
            if key in gaz.places and key not in gaz.common_words:
                return True
    return False


def _cued_places(v: View, gaz: Gazetteer) -> Iterator[Finding]:
    """ "live in splott", "near lochee", "the armley area": unlisted places after a cue."""
    # Only a token after a cue's last word, or before "area", can be one: found in one pass,
    # then each is checked in order as before.
    low = v.low
    after_cue = {k + 1 for k, w in enumerate(low) if w in CUE_ENDS}
    before_area = {k - 1 for k, w in enumerate(low) if w == "area"}
    for i in sorted(k for k in after_cue | before_area if 1 <= k < len(v)):
        area = i + 1 < len(v) and v.low[i + 1] == "area"
        if not (_strong_cue(v, i) or area):
            continue
        if not _unlisted_place_word(v, i, gaz):
            continue
        end = i + 1
        if end < len(v) and not area and _unlisted_place_word(v, end, gaz) and v.spaced[i]:
            if v.mode != "mixed" or v.title[end]:
                end += 1
        yield Finding(v.start[i], v.end[end - 1], "LOCATION", 0.6, "location_cue")


def _unlisted_place_word(v: View, i: int, gaz: Gazetteer) -> bool:
    w = v.word[i]
    if not v.wordlike[i] or v.stop[i] or w in DOMAIN_WORDS or w in COUNTRIES:
        return False
    if w in ROLE_CUES or w in TITLE_CUES or w in NOT_IDENTIFIER_WORDS or w in MONTHS:
        return False  # "moved to Thurs", "from Gujarati", "since April"
    if v.mode == "mixed":
        return v.title[i] or w not in gaz.english_words
    if w in gaz.common_words:
        return False
    return True


def _large_place_named(v: View, i: int, key: str, gaz: Gazetteer) -> bool:
    """A city or county whose name is also a frequent word only because the place is famous
    ("Liverpool", "Glasgow", "Yorkshire"; GeoNames' towns of 15,000 people or more and the
    counties and boroughs, less first names): capitalised inside a well-cased sentence, it is
    the place, cue or none ("call Liverpool Register Office", "Healthwatch Bristol", "by
    Glasgow social work"). Twenty-ninth session: 47 such misses in 31 development sets by
    different writers, with the town needing "in", "from" or a postcode to be read. Not at a
    sentence's start, where any word has a capital, nor in capitals, which a mixed-case text
    keeps for initials and headings."""
    if key in EVERYDAY_TOWN_WORDS or key not in gaz.large_places:
        return False
    if v.sent_start[i] or v.text[i].isupper():
        return False
    if i >= 1 and v.low[i - 1] == "the":
        # "the London crew", "the Derby one" name the place; "the Derby" alone is a race
        nxt = i + 1
        if nxt >= len(v) or not v.text[nxt][:1].isalnum():
            return False
        return not v.stop[nxt] or v.low[nxt] in ("one", "ones")
    return True


# Towns of that size named by an everyday word, which a heading or a title capitalises too
# ("Deal or no Deal", "showing the Rugby"): these still need a cue.
EVERYDAY_TOWN_WORDS = frozenset("bath bow deal fleet hook reading sale jersey rugby".split())
