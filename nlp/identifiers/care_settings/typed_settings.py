"""Care settings named without capitals: "mums in the laurels", "my gp at the elms",
"moved fae the royal infirmary tae liberton", "everyone at ashgrove".

Seventeenth round (issue 20): in text typed all in lower case the capital that marks "the
Laurels" or "Ashgrove" as a name is gone, so the rules that read "the <Name>" after a word of
place (`care_setting_kinds`) never see it. Writers of nine development sets named care homes,
surgeries and hospitals this way; they were the commonest kind of care setting still missed.
The shapes are the same as with capitals, read in any case only when the text's capitals mean
nothing (`capitals_mean_little`):

- "the <name>" after a word of place, where the name is no everyday English word (nor a town,
  which the place rules find) and a word of care is near: "in the laurels", "at the jessop",
  "the royal glam"; not "in the garden", "at the moment", "to the shops";
- a single word after "at", "in", "to" or "from" made as houses' names are made (an English
  word and an element of place names run together), in no English word list, no town, no
  first name and no misspelling, with a word of care near: "at ashgrove", "to brookvale"; not
  "at teatime", not "in bexleyheath" (a town, found as a place).

Thirty-fifth round: the same shapes in a stretch typed in lower case inside a text that has
capitals (a chat's turn, a quoted message, a hurried note's line: "[08:56] Customer: she goes
to the lomond centre"), read only where the words around the name are in lower case too; and a
name before the word that says what kind of setting it is, in any lower-case stretch, after a
word of place or "is" ("the appt is at musgrave lodge", "was at cardiff royal infirmary", "from
king street dental"), when one of its words is no everyday word (or a town with a hospital's
title, or a street's name); not "at my house", "to the health centre", "at the leisure
centre", "in the white house".

Lower-case text is full of typing slips ("the surgey", "continunity"), which no word list holds
either: a word one letter from a common word is taken for a slip, never for a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.care_setting_kinds import (
    CARE_WORDS,
    ENDS_A_NAME,
    LEADING,
    NOT_A_NAME,
    _department,
    _near_care,
)
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

_WORD = r"[a-z][a-z'’]+"
PLACE_WORD = r"(?:at|to|in|into|from|fae|tae|outside|up\s+to|down\s+to|not|or|and|via)"
THE_NAME = re.compile(
    rf"(?<![\w'’-]){PLACE_WORD}[ \t]+the[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD})?)(?![\w'’-])",
    re.IGNORECASE,
)
BARE_NAME = re.compile(
    rf"(?<![\w'’-])(?:at|to|in|from|fae|tae)[ \t]+(?P<name>{_WORD})(?![\w'’-])",
    re.IGNORECASE,
)
NEXT_WORD = re.compile(r"[ \t]+([a-z][\w'’]*)", re.IGNORECASE)
# A care home or a pharmacy is talked of in words a hospital is not: carers, staff, residents.
HOME_CARE_WORDS = re.compile(
    r"\b(?:care\s+home|carers?|staff|residents?|nursing|hospice|manager|visiting|pharmacy|"
    r"chemist|dentist|smear|prescriptions?|blister\s+packs?|"
    # thirty-fifth round: a dentist's and a hurried note's words
    r"dental|teeth|tooth|appts?|meds)\b",
    re.IGNORECASE,
)
NEAR = 120
# Words British houses, and so care homes and surgeries, are named after: trees, shrubs and
# features of land, mostly plural ("The Laurels", "The Beeches", "The Grange").
HOUSE_NAME_WORDS = frozenset(
    """laurels beeches elms limes willows oaks pines cedars firs hollies poplars rowans maples
    chestnuts sycamores larches hawthorns heathers acorns meadows gables orchards woodlands
    brambles briars ferns laburnums magnolias lilacs hazels alders birches yews junipers
    grange priory manor lodge spinney paddocks orchard cedars conifers mulberries elders
    cherries copse dell glebe knoll""".split()
)
# The endings of English place and house names, joined to a word to make one: "ash|grove",
# "brook|vale", "fern|lea", "bracken|hurst".
PLACE_ELEMENTS = frozenset(
    """grove vale lea ley leigh hurst field fields wood woods brook bank banks side view mount
    lodge court house hill hills dale croft gate green haven holme ford bury thorpe combe mead
    meadow meadows well wells stead worth wick moor ridge hall fold lands dene park garth way
    lands glen brae burn haugh muir shaw stow stone""".split()
)
# Places of worship and gathering, in no English word list but no care setting ("we meet at
# the gurdwara", "after the mandir"; thirty-fifth round).
GATHERING_PLACES = frozenset(
    """gurdwara gurudwara langar mandir masjid mosque synagogue shul temple vihara church chapel
    kirk madrassa madrasa""".split()
)
# A specialty's adjective or noun before a clinic: "antenatal clinic", "rheumatology clinic",
# "paediatric centre", "orthopaedics".
SPECIALTY_ENDINGS = ("ology", "ological", "atal", "atric", "iatry", "aedic", "aedics", "etic")
# Titles hospitals are named by, before a name: "the royal glam", "the princess anne".
TITLES = frozenset("royal princess prince queen queens king kings st saint".split())


# A setting's kind after its name: "musgrave lodge", "cardiff royal infirmary", "king street
# dental".
SETTING_HEADS = (
    r"house|lodge|centre|center|dental|surgery|practice|infirmary|clinic|hospital|hosp|"
    r"manor|court|grange|hospice|medical[ \t]+cent(?:re|er)|health[ \t]+cent(?:re|er)"
)
NOT_FIRST = r"(?:at|to|in|into|from|the|a|an|my|our|your|his|her|their|its|this|that)"
HEAD_NAME = re.compile(
    rf"(?<![\w'’-])(?:at|to|in|into|from|fae|tae|is|was)[ \t]+(?:the[ \t]+)?"
    rf"(?P<name>(?:(?!{NOT_FIRST}\b)[a-z][a-z]+[ \t]+){{1,2}}(?:{SETTING_HEADS}))(?![\w'’-])"
)
HEAD_NAME = gated(HEAD_NAME)
# "our gp is path house", "her dentist was ...": the setting said to be one, whatever its words.
SAID_TO_BE = re.compile(
    r"\b(?:gp|doctors|dentist|surgery|practice)(?:['’]s)?[ \t]+(?:is|was)[ \t]+\Z", re.I
)
STREET_WORDS = frozenset("street road lane avenue".split())
NAME_TITLES = TITLES | {"general", "city", "county", "district", "memorial", "university"}
# What bounds a stretch of words typed together: a line, a quotation, a chat's time stamp or
# speaker's label, a bracket.
STRETCH_EDGE = re.compile(r"\n|[.!?][ \t]+|[\"“”\[\]()]|\d{1,2}:\d{2}|(?<=\S):[ \t]")
# What capitals a lower-case stretch may hold: "I", and an acronym or code in capitals ("GP",
# "A&E", "CRI-SH").
LONE_I = re.compile(
    r"(?<![\w'’])(?:I(?=$|[^\w]|['’](?:m|ve|d|ll)\b)|[A-Z][A-Z&\d-]*[A-Z\d](?![\w'’]))"
)


PART_OF = re.compile(r"[ \t]+(?:at|of|on|by)[ \t]+(?:the|a)[ \t]+(?!hospital|hospice)", re.I)
LOOSE_CUES = frozenset("not or and via".split())
LOWER_RUN = re.compile(r"(?<![\w'’])(?:[a-z]+[ \t]+){4}[a-z]+")


def _lower_stretch(text: str, start: int, end: int) -> bool:
    """The stretch of words around start-end is typed in lower case: five words or more, no
    capital but "I" or an acronym, and its first word not capitalised either (a sentence opened
    with "I", "I had a good time and the ...", is written with capitals)."""
    before = [m.end() for m in STRETCH_EDGE.finditer(text, max(0, start - 160), start)]
    a = before[-1] if before else max(0, start - 160)
    after = STRETCH_EDGE.search(text, end, end + 160)
    b = after.start() if after else min(len(text), end + 160)
    first = re.search(r"[^\W\d_]", text[a:b])
    if first is None or first.group().isupper():
        return False
    piece = LONE_I.sub("i", text[a:b])
    return len(re.findall(r"[a-z]+", piece)) >= 5 and not any(c.isupper() for c in piece)


def typed_settings(text: str) -> Iterator[Finding]:
    """Care settings after a word of place in text typed without meaningful capitals, or in a
    stretch typed in lower case."""
    if capitals_mean_little(text):
        yield from _typed(text, lambda _a, _b: True)
    elif LOWER_RUN.search(text):
        yield from _typed(text, lambda a, b: _lower_stretch(text, a, b))


def _typed(text: str, lower_here) -> Iterator[Finding]:  # noqa: ANN001 - a predicate
    gaz = gazetteer()
    seen: set[int] = set()
    for m in (
        HEAD_NAME.finditer(text.lower()) if capitals_mean_little(text) else HEAD_NAME.finditer(text)
    ):
        words = m.group("name").lower().split()
        named = _named_by_head(words, gaz) or (
            SAID_TO_BE.search(text, max(0, m.start() - 30), m.start("name")) is not None
            and not any(w in STOP_WORDS or w in LEADING for w in words)
        )
        if named and lower_here(m.start("name"), m.end("name")):
            if _near_care_here(text, m.start("name"), m.end("name")):
                seen.add(m.start("name"))
                yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.65, "typed_setting")
    for m in THE_NAME.finditer(text):
        if m.start("name") in seen:
            continue
        name, end = m.group("name"), m.end("name")
        words = [w.rstrip("'") for w in name.lower().replace("’", "'").split()]
        if capitals_mean_little(text) is False and m.group().split()[0].lower() in LOOSE_CUES:
            continue  # in a stretch of a text with capitals, only a word of place cues a name
        if len(words) == 2 and words[1] in ENDS_A_NAME:  # "the laurels up by": one word
            words, end = words[:1], m.start("name") + len(name.split()[0])
        follow = NEXT_WORD.match(text, end)
        if follow and follow.group(1).lower() not in ENDS_A_NAME:
            continue  # "the laurels care home" is another rule's; "the staff room" is no name
        if PART_OF.match(text, end):
            continue  # "the lodge at the golf club", "the grange of the estate": a building's part
        # Whether the words around are typed in lower case is asked last: it reads the most.
        if (
            _settled(words, gaz)
            and lower_here(m.start("name"), m.end("name"))
            and _near_care_here(text, m.start("name"), end)
        ):
            seen.add(m.start("name"))
            yield Finding(m.start("name"), end, "CARE_SETTING", 0.65, "typed_setting")
    for m in BARE_NAME.finditer(text):
        word = m.group("name").lower().replace("’", "'")
        if m.start("name") in seen or len(word) < 5:
            continue
        if (
            word in gaz.english_words
            or word in gaz.places
            or word in gaz.first_names
            or word in GATHERING_PLACES
        ):
            continue
        if not _house_shaped(word, gaz) or _misspelt(word, gaz):
            continue  # "at teatime", "the continunity of care": no house's name
        if lower_here(m.start("name"), m.end("name")) and _near_care_here(
            text, m.start("name"), m.end("name")
        ):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.6, "typed_setting")


def _named_by_head(words: list[str], gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    """The words before a setting's kind make a name: one no common English word list holds (nor a
    misspelling), a town with a hospital's title ("cardiff royal"), or a street ("king
    street"); none a function word, a department, a care word or a possessive."""
    name = words[: -2 if words[-2:-1] in (["medical"], ["health"]) else -1]
    if len(name) == 2 and name[1] in STREET_WORDS:
        return name[0] not in STOP_WORDS and name[0] not in LEADING
    if not name or any(
        w in LEADING
        or w in STOP_WORDS
        or _department(w)
        or w in NOT_A_NAME
        or w in GATHERING_PLACES
        or w.endswith(SPECIALTY_ENDINGS)
        or CARE_WORDS.fullmatch(w)
        for w in name
    ):
        return False
    if any(w in gaz.places for w in name):
        return any(w in NAME_TITLES for w in name)
    return any(
        len(w) >= 4
        and w not in gaz.common_words
        and w not in gaz.first_names
        and not _misspelt(w, gaz)
        for w in name
    )


def _near_care_here(text: str, start: int, end: int) -> bool:
    """A word of care near: of a hospital (`care_setting_kinds`) or of a home or a pharmacy."""
    return _near_care(text, start, end) or bool(
        HOME_CARE_WORDS.search(text[max(0, start - NEAR) : end + NEAR])
    )


def _settled(words: list[str], gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    """A name no everyday phrase makes up: a word houses are named after ("the laurels",
    "the elms", "the ashgrove"), a royal or saint's title before a name ("the royal glam", "the
    princess anne"), or one word no English word list holds that is no misspelling of a common
    one ("the jessop"; not "the surgey"); none a department, a care word or a town ("the stroke
    ward", "the leeds one", "the lounge", "the sluice room")."""
    if any(
        _department(w)
        or w in NOT_A_NAME
        or w in gaz.places
        or w in GATHERING_PLACES
        or w.endswith(SPECIALTY_ENDINGS)
        for w in words
    ):
        return False
    if " ".join(words) in gaz.places or CARE_WORDS.fullmatch(words[-1]):
        return False
    if words[-1] in HOUSE_NAME_WORDS or _house_shaped(words[-1], gaz):
        return True
    if len(words) == 2:
        return words[0] in TITLES
    word = words[0]
    return len(word) >= 5 and word not in gaz.english_words and not _misspelt(word, gaz)


def _house_shaped(word: str, gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    """A word made as houses' names are: an English word and an element of place names run
    together ("ashgrove", "brookvale", "fernlea", "brackenhurst")."""
    return any(
        word[:i] in gaz.english_words and word[i:] in PLACE_ELEMENTS
        for i in range(3, len(word) - 2)
    )


def _misspelt(word: str, gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    """One letter away from a common word (dropped, doubled, swapped or wrong): "surgey",
    "continunity", "differrent", "asorb" are typing, not names."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    return any(e in gaz.common_words for e in edits if e != word)
