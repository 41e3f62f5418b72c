"""Care settings found from tokens: "… Surgery", "… Medical Centre", "Bluebell Ward", "Ward
12", prisons, and care homes with house-like names ("The Willows") told by the sentence
around them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    COUNTRIES,
    DOMAIN_WORDS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    Gazetteer,
)
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_view import (
    NOT_NAME_POS,
    POSSESSIVE,
    View,
)
from nlp.identifiers.core.token_words import (
    CARE_SUFFIX,
    GENERIC_CARE,
    MONTHS,
    PERSON_VERBS,
    STREET_WORDS,
)

# ---------------------------------------------------------------------------------------------
# Care settings: "… Surgery", "… Medical Centre", "… Hospital", "Bluebell Ward", "Ward 12"

# Suffixes that name a care setting even written in lower case after a capitalised name
# ("the Grange practice", "Dr Rahman's surgery", "Oakwood dental").
LOWER_SUFFIX_OK = frozenset(
    """hospital infirmary surgery hospice practice centre clinic ward dental dentists pharmacy
    chemist opticians""".split()
)
# Round 46 (five sets): what a person's "hospital" or "surgery" holds of them ("Eli's hospital
# number", "his hospital passport", "Hope's hospital bag"): after a name's possessive the
# lower-case word names the person's record or things, not a setting ("Dr Rahman's surgery").
PERSONS_RECORDS = frozenset(
    """number numbers no no. passport notes records record bag diary letter letters file id
    band wristband card appointment appointments""".split()
)
# Shops of care: named only by a brand or a place ("Hendry Pharmacy"), never by a generic word
# ("Community Pharmacy" is a kind of service).
SHOP_SUFFIX = frozenset("pharmacy chemist chemists opticians optometrists".split())
# Generic words that still make a name when capitalised together ("City Hospital",
# "County Hospital", "General Infirmary"): the "generic names" of real places.
NAME_LIKE_GENERIC = frozenset(
    "city county general royal district university community memorial cottage".split()
)
TITLE_ONLY_SUFFIX = frozenset("lodge manor house court grange wing unit centre center".split())
JOINERS = frozenset({"and", "of", "upon", "on", "&", "st", "st."})
# Round 55: the ward's number goes on with the part of the building it names ("ward 5 north";
# a retired set, v60). A specialty in brackets after it ("Ward 12 (Elderly care)") is left
# out, as six writers' sets leave it.
WARD_NUMBER = re.compile(
    r"\bward[ \t]+\d{1,3}[a-z]?\b(?!:\d)"  # round 95: on one line, and no time after it
    r"(?:\s+(?:north|south|east|west|upper|lower)\b)?",
    re.IGNORECASE,
)
WARD_NUMBER = gated(WARD_NUMBER)
# "bay 4", "cot 3", "side room 2": the part of a ward where someone lay, named like a place
# (a bed number alone is left as a count, as the NER's corpus treats it).
BAY_NUMBER = re.compile(
    r"\b(?:bay|cot|pod|side\s+room)\s+(?:no\.?\s*)?\d{1,2}[a-z]?\b"
    r"(?!\s*(?:hours?|days?|weeks?|nights?|mins?|minutes?|months?|%|am|pm|times?))",
    re.IGNORECASE,
)
BAY_NUMBER = gated(BAY_NUMBER)
# "Ward K", "WARD B2": a ward named by a capital letter (not "ward I was on").
WARD_LETTER = re.compile(r"\b(?:[Ww]ard|WARD)\s+[A-HJ-Z]\d{0,2}(?![\w&'’])")
WARD_LETTER = gated(WARD_LETTER)
# "Thornbury Court care home", "Elmhurst nursing home", "Willowbank supported living": a
# capitalised name, then the kind of home or housing with care in lower case.
NAMED_HOME = re.compile(
    r"(?<![\w'’])(?:[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,3})\s+"
    r"(?:(?:care|nursing|residential|retirement)\s+home|supported\s+living|"
    r"sheltered\s+(?:housing|accommodation)|extra\s+care(?:\s+scheme)?)\b"
)
NAMED_HOME = gated(NAMED_HOME)
CARE_AFTER = frozenset({"dental", "home", "health", "eye", "medical"})
CARE_BEFORE_GROUP = frozenset({"medical", "health", "healthcare", "practice", "dental", "care"})


# Prisons and young offender institutions, where people get their health care: "HMP Wakefield",
# "HMYOI Polmont", "HMP & YOI Parc".
PRISON = re.compile(r"\bHM(?:P|YOI|P\s?(?:&|/)\s?YOI)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")
PRISON = gated(PRISON)
# Round 45 (three sets): a university's own practice, "University Health Centre", "University
# Health Service", "University Medical Practice", capitalised as its name: one practice per
# university, as "Student Health Centre" is. Its words are all generic, so the rule above that
# needs a distinctive word, or leaves "... Centre" of generic words alone, does not see it. In
# lower case ("the uni health centre") it is a kind, and bodies ("University Health Board")
# are not practices.
UNIVERSITY_PRACTICE = re.compile(
    r"(?<![\w'’-])University[ \t]+(?:Health|Medical)[ \t]+(?:Centre|Center|Service|Practice)\b"
)
UNIVERSITY_PRACTICE = gated(UNIVERSITY_PRACTICE)


def care_settings(v: View, gaz: Gazetteer, text: str) -> Iterator[Finding]:
    for m in WARD_NUMBER.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.9, "care_pattern")
    for m in PRISON.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.85, "care_pattern")
    for m in UNIVERSITY_PRACTICE.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.8, "care_pattern")
    for m in BAY_NUMBER.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.8, "care_pattern")
    for m in WARD_LETTER.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.85, "care_pattern")
    if v.mode == "mixed":
        for m in NAMED_HOME.finditer(text):
            first = m.group().split()[0].lower()
            if first not in GENERIC_CARE and first not in STOP_WORDS:
                yield Finding(m.start(), m.end(), "CARE_SETTING", 0.8, "care_pattern")
    for j in range(1, len(v)):
        suffix = v.low[j]
        if suffix not in CARE_SUFFIX:
            continue
        before = v.low[j - 1]
        if suffix == "care" and before not in CARE_AFTER:
            continue
        if suffix in ("group", "partnership") and before not in CARE_BEFORE_GROUP:
            continue  # "Leith Links Medical Group", "Tawe Health Partnership"
        if suffix == "home" and before not in ("care", "nursing", "residential"):
            continue
        if v.mode == "mixed" and not v.title[j]:
            if suffix not in LOWER_SUFFIX_OK or not v.title[j - 1] or v.sent_start[j - 1]:
                if not (v.low[j - 1] in POSSESSIVE and j >= 2 and v.title[j - 2]):
                    continue
            if v.low[j - 1] in POSSESSIVE and j + 1 < len(v) and v.low[j + 1] in PERSONS_RECORDS:
                continue  # "Eli's hospital number": the person's record, no setting (round 46)
        if suffix in TITLE_ONLY_SUFFIX and v.mode != "mixed" and before not in CARE_AFTER:
            if not (j >= 2 and v.low[j - 2] in ("into", "at", "to", "in")):
                continue
        start = _care_name_start(v, j, gaz)
        if start is None:
            continue
        if _person_named_ward(v, start, j, gaz):
            yield Finding(v.start[start], v.end[j], "PERSON", 0.85, "surname_ward")
            continue
        if v.low[start] in TITLE_CUES and v.low[j] in SURNAME_SUFFIX and j > start + 1:
            # Round 56: "Mr Kwok Wing Cheung", "Mrs Ada House": after a title, the word of a
            # setting is a name (a retired set, v62); the capitalised word after it too.
            end = j + 1 if j + 1 < len(v) and v.title[j + 1] and v.wordlike[j + 1] else j
            yield Finding(v.start[start + 1], v.end[end], "PERSON", 0.8, "titled_setting_word")
            continue
        end = _care_name_end(v, j, gaz)
        yield Finding(
            v.start[start], v.start[end] + len(v.text[end]), "CARE_SETTING", 0.85, "care_pattern"
        )


def _care_name_start(v: View, j: int, gaz: Gazetteer) -> int | None:
    """Index where the care setting's name begins, or None if nothing distinctive precedes."""
    i = j - 1
    start = None
    distinctive = False
    while i >= 0 and j - i <= 7:
        low = v.low[i]
        if low in POSSESSIVE:
            i -= 1
            continue
        if v.text[i] in HYPHENS and start == i + 1 and i > 0 and not v.spaced[i - 1]:
            if not v.spaced[i] and v.text[i - 1].isalpha():
                start = i - 1  # "Pen-y-Bont Surgery", "Stockton-on-Tees": one name
                i -= 2
                continue
        if not v.spaced[i] and v.low[i + 1] not in POSSESSIVE and i + 1 != j:
            if not (i + 1 < len(v) and v.text[i + 1] in HYPHENS):
                break
        if low in JOINERS and start is not None and low not in ("st", "st."):
            if low in ("on", "upon") and not _joins_a_place(v, i, start, gaz):
                break  # "Staff on Elizabeth Ward", unlike "Newcastle upon Tyne Hospitals"
            i -= 1
            continue
        if low in ("st", "st."):
            start = i
            i -= 1
            continue
        if not v.wordlike[i] or v.stop[i]:
            break
        if v.mode == "mixed" and not v.title[i]:
            break
        if v.mode != "mixed" and v.has_pos and v.pos[i] in NOT_NAME_POS:
            break
        if _distinctive(v, i, gaz):
            distinctive = True
        start = i
        i -= 1
    while start is not None and start < j and v.low[start] in JOINERS - {"st", "st."}:
        start += 1
    if not distinctive and start is not None and v.mode == "mixed":
        words = range(start, j + 1)
        if all(v.title[k] for k in words) and any(v.word[k] in NAME_LIKE_GENERIC for k in words):
            if not v.sent_start[start] and v.low[j] not in TITLE_ONLY_SUFFIX | SHOP_SUFFIX:
                return start  # "City Hospital", "General Infirmary" named as a place
    return start if distinctive else None


HYPHENS = ("-", "‐")
SURNAME_SUFFIX = frozenset({"ward", "house", "lodge", "court", "manor", "grange", "wing"})
WARD_BEFORE = frozenset(
    "on onto to at in into from off of the a our his her their my your this that same".split()
)


def _person_named_ward(v: View, start: int, j: int, gaz: Gazetteer) -> bool:
    """ "Kavita Ward told us", "nurse Jo Ward": a given name and a surname that is also a
    care-setting word is a person, unless the words before place it ("on Victoria Ward")."""
    if v.low[j] not in SURNAME_SUFFIX or j - start != 1 or v.word[start] in gaz.places:
        return False
    k = start - 1
    while k >= 0 and v.text[k] in (",", "(", "-", "–"):
        k -= 1
    before = v.low[k] if k >= 0 else ""
    if before in ROLE_CUES or before in TITLE_CUES:
        return True  # "the nurse, Kavita Ward,"
    if j + 1 < len(v) and v.low[j + 1] in PERSON_VERBS:
        return before not in WARD_BEFORE  # "Kavita Ward told us"
    return v.word[start] in gaz.first_names and before not in WARD_BEFORE  # "met Sarah Ward"


def _joins_a_place(v: View, i: int, start: int, gaz: Gazetteer) -> bool:
    key = v.lowered[v.start[i - 1] : v.end[start]] if i > 0 else ""
    return key in gaz.places or key.replace(" ", "-") in gaz.places  # "southend on sea"


def _care_name_end(v: View, j: int, gaz: Gazetteer) -> int:
    """ "Airedale Centre for Mental Health": a title-case tail after "for" or "of"."""
    if v.mode != "mixed" or j + 1 >= len(v):
        return j
    if v.title[j + 1] and v.word[j + 1] in gaz.places and v.spaced[j]:
        return j + 1  # "University Hospital Coventry"
    if j + 2 >= len(v) or v.low[j + 1] not in ("for", "of"):
        return j
    k = j + 2
    end = j
    while k < len(v) and k - j <= 4 and v.title[k] and v.wordlike[k]:
        end = k
        k += 1
    return end


def _distinctive(v: View, i: int, gaz: Gazetteer) -> bool:
    w = v.word[i]
    if w in GENERIC_CARE or w in DOMAIN_WORDS:
        return False
    if v.mode == "mixed":
        return True
    return (
        w not in gaz.common_words or w in gaz.places or w in STREET_WORDS or (gaz.is_name_part(w))
    )


# Care homes and practices with house-like names ("The Willows", "Brambles", "the Elms") carry
# no care word; what tells them apart is the sentence around them.
CARE_NOUNS = frozenset(
    "home surgery practice hospital hospice unit centre place clinic dentist dentists".split()
)
CARE_MOVES = frozenset(
    {
        ("moved", "into"),
        ("went", "into"),
        ("gone", "into"),
        ("go", "into"),
        ("going", "into"),
        ("admitted", "to"),
        ("transferred", "to"),
        ("placed", "in"),
        ("placed", "at"),
        ("respite", "at"),
        ("respite", "in"),
        ("lives", "in"),
        ("living", "in"),
        ("resident", "at"),
        ("resident", "of"),
    }
)


def house_named_settings(v: View, gaz: Gazetteer) -> Iterator[Finding]:
    """ "moved into The Willows", "the home is called Brambles", "my surgery, the Elms,"."""
    if v.mode != "mixed":
        return
    for i in range(2, len(v)):
        cue = (v.low[i - 2], v.low[i - 1]) in CARE_MOVES
        if not cue and v.low[i - 1] in ("called", "named"):
            cue = any(v.word[k] in CARE_NOUNS for k in range(max(0, i - 5), i - 1))
        if not cue and v.low[i - 1] == "the" and v.low[i - 2] == ",":
            cue = i >= 3 and v.word[i - 3] in CARE_NOUNS
        if not cue and (v.low[i - 2], v.low[i - 1]) in HOUSE_CUES:
            cue = _house_shaped(v, i, gaz)
        if not cue:
            continue
        start = i + 1 if v.low[i] == "the" and v.text[i] == "The" else i
        end = start
        while end < len(v) and end - start < 3 and _house_word(v, end, gaz):
            end += 1
        if end > start:
            # A capital "The" is part of a house's name ("The Cedars"), as people write it.
            first = i if start == i + 1 else start
            yield Finding(v.start[first], v.end[end - 1], "CARE_SETTING", 0.65, "care_context")


# Where a care home is named in passing ("lives at The Cedars", "the staff at Fernlea", "a
# review of The Laurels"): the same words also introduce towns and firms, so the name must
# look like a house's as well (see `_house_shaped`).
# "Lives in" and "moved to" introduce towns more often than homes: a stay or a move needs
# "at" ("lives at The Cedars"), "in" only after "been" or "staying" ("been in Larchfield").
HOUSE_CUES = frozenset(
    [
        (verb, "at")
        for verb in """lives living lived live been staying stays stayed stay resident
            residents staff carers manager managers nurses visiting visit visits""".split()
    ]
    + [(verb, "of") for verb in "staff manager managers review inspection residents".split()]
    + [(verb, "in") for verb in "been staying stayed resident".split()]
    + [(verb, "to") for verb in "moved move moving".split()]
)
# Countries and regions named with "the": "moved to The Netherlands" is no care home.
THE_REGIONS = frozenset(
    """netherlands gambia philippines bahamas maldives seychelles caribbean states emirates
    highlands lowlands lakes borders midlands dales valleys cotswolds fens hebrides orkneys
    shetlands wirral fylde potteries""".split()
)
HOUSE_ENDINGS = (
    "field", "bank", "lea", "lee", "leigh", "hurst", "wood", "view", "croft", "dene", "mead",
    "holme", "lands", "haven", "garth", "ridge", "brook", "hill", "grove", "side", "mount",
)  # fmt: skip


def _house_shaped(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "The Cedars" (a capital "The" inside a sentence), "Brambles" (a plural noun written
    as a name), "Oakhurst", "Fernlea" (a house-name ending): not a listed town."""
    if v.mode != "mixed":
        return False
    if v.text[i] == "The" and i + 1 < len(v):
        w = v.word[i + 1]
        return _house_word(v, i + 1, gaz) and w not in gaz.places and w not in THE_REGIONS
    w = v.word[i]
    if not _house_word(v, i, gaz) or w in gaz.places or gaz.is_name_part(w):
        return False
    plural = w.endswith("s") and w[:-1] in gaz.english_words
    return plural or (w.endswith(HOUSE_ENDINGS) and w not in gaz.english_words)


def _house_word(v: View, i: int, gaz: Gazetteer) -> bool:
    w = v.word[i]
    return (
        v.title[i]
        and v.wordlike[i]
        and not v.stop[i]
        and w not in DOMAIN_WORDS
        and w not in COUNTRIES
        and w not in MONTHS
        and w not in GENERIC_CARE
        and w not in NOT_IDENTIFIER_WORDS
        and not (w in gaz.places and v.ent[i] in ("GPE", "LOC"))
    )
