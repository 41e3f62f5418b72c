"""Hints from the shape of what people write, for the check page, wherever they are in a story.

The nearby hint (`check_hints.py`) offers capitalised and unusual tokens beside a finding.
Pooled over every development set, most of what it still left unseen fell into a few shapes
that several writers share and the detector does not redact on its own (too often something
else to redact, specific enough to look at):

* numbers said aloud: four or more digit words in a row ("oh one nine four, um, seven two
  double five"), a phone, NHS or case number read out on a call;
* a full date in a year before 2011 ("14th of June 1952", "9.11.57"): a visit is recent, a
  birth is not;
* someone's initials where identifiers are: two capitals beside a finding that are no usual
  abbreviation of care ("JT to phone the GP"), one letter after a title ("dr k", "Mrs B") or
  alone at the end of a message ("Thanks, R");
* an age in words ("my nan is ninety-two", "at fifteen", "six weeks old"), or in figures where
  a label or a person says so ("Age at referral: 12", "dads 81", "the boys (6)"), also as a
  scan misreads them ("Age: S7" for 57);
* a first name or surname from the name lists that opens a sentence or line, where the nearby
  hint never looks ("Ngozi: the ward was cold");
* a run of capitalised everyday words after "at", "to" or "from" beside a finding ("went to
  Happy Teeth", "carers from Kind Hearts"): a service or shop named with ordinary words,
  never a department or a national body ("the Emergency Department", "the Home Office");
* in a message written all in lower case, where capitals say nothing, a word that no English
  word list holds ("at glenrowan", "nurse olamide"): a name the lists lack, or
  a misspelling the reviewer passes over in a glance. Never a contraction, a medicine by its
  stem ("-pril", "-olol"), nor in a message that writes Welsh or another language (more than
  one word in ten unknown).
* a letter or two and six figures in groups, with no cue word before them ("H123 456",
  "A 12 34 56", "hn123 456"): an organisation's hospital or case number as its own letters
  print it (second probes: missed in every context without a cue), too like a code, a grid
  reference or a part number to redact unseen.

Each is offered, never redacted: the person checking decides. Kinds this project decided are
no identifiers are not offered either: regional NHS bodies ("NHS Grampian", "... University
Health Board") and rough decades ("in her 80s", the renderer's own band for an age).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.name_gazetteer import (
    COUNTRIES,
    DOMAIN_WORDS,
    EPONYMS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    WELSH_WORDS,
    Gazetteer,
    gazetteer,
)

COVERED = 0.8  # a span covered this much by findings or hints is already shown

_DIGIT_WORD = (
    r"(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|treble|wan)"
)
_FILLER = r"(?:[ \t,.-]+(?:(?:um|uh|eh|er|erm|then|that's|sorry|no)[ \t,.-]+)?)"
SPOKEN_NUMBER = re.compile(rf"\b{_DIGIT_WORD}(?:{_FILLER}{_DIGIT_WORD}\b){{3,}}", re.I)
_REPEATS = frozenset({"double", "triple", "treble", "one", "oh"})

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"((?:19|20)\d\d)"
FULL_DATES = (
    re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+{_MONTH}\.?,?[ \t]+{_YEAR}\b", re.I
    ),
    re.compile(rf"\b{_MONTH}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+{_YEAR}\b", re.I),
    re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)?\d\d)\b"),
)
LAST_BIRTH_YEAR = 2010  # a full date in this year or before is a birth more often than a visit
TWO_DIGIT_CENTURY = 30  # "84" is 1984, "24" is 2024

# Two-letter abbreviations of care and everyday writing: never someone's initials on their own.
CARE_ABBREVIATIONS = frozenset(
    """sw hv rn dn bp hr ld dm su mh pd od tt qi cf pe bd tb nb dp ds fw bm af rr vm tc ip op
    ab ai ar bs cv dh dr ec ed er fp gi hb hd ic id iv ln lp mo mp ms na nd np ns ot pa pc pm
    pp pr ps pt rd re rm sr st tv uk ut vr wc xr yr ok oh hi cc bc ta ty""".split()
)
TWO_CAPITALS = re.compile(r"\b[A-Z]{2}\b")
TITLED_LETTER = re.compile(
    r"\b(?:dr|mr|mrs|ms|miss|nurse|sister)\.?[ \t]+([A-Za-z])\b(?![’'-])", re.I
)
SIGNED_LETTER = re.compile(
    r"(?:^|,[ \t]*|\b(?:[Ll]ove|[Tt]hanks|[Tt]a|[Cc]heers|[Rr]egards)\W+)([A-HJ-WYZ])"
    r"(?=[ \t]*(?:x+\b|$))",
    re.M,
)

_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TEENS = "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_UNITS = "one two three four five six seven eight nine".split()
_OLDER = rf"(?:(?:{'|'.join(_TENS)})(?:[ \t-](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|hundred)"
_ANY_AGE = rf"(?:{_OLDER}|ten|{'|'.join(_UNITS)})"
_NOT_AN_AGE = (
    r"(?![ \t-]*(?:o['’]clock|am\b|pm\b|minutes|mins|hours|hrs|percent|%|pounds|quid|grand|pence"
    r"|times|days|weeks|months|miles|people|of\b|in[ \t]the|at[ \t]night|p\.m|a\.m|years?[ \t]"
    r"(?:ago|later)|thirty|fifteen|forty[ \t-]five|past|to\b|or\b|\d))"
)
AGE_IN_WORDS = (
    re.compile(
        r"\b(?:(?:she|he|i|who|mum|mam|dad|nan|gran|they|twins|we)(?:[ \t]*(?:is|was|'s|’s|am"
        r"|'m|’m|are|were)|[ \t]+(?:turned|turns))|mums|mum['’]s|dads|dad['’]s|aged|age[d:]?"
        rf"|at(?:[ \t]the[ \t]age[ \t]of)?|since)[ \t]+({_OLDER})\b{_NOT_AN_AGE}",
        re.I,
    ),
    re.compile(rf"\b({_ANY_AGE})[ \t-]+(?:weeks?|months?|years?|yrs?)[ \t-]+old\b", re.I),
)
# two figures, or one beside a letter a scan reads for a figure ("S7", "6B", "4O")
_FIGURES = r"(?:\d[\dOolSB]?|[OolSB]\d)"
_NOT_AFTER_AN_AGE = (
    r"(?![.:/,]\d|[ \t]*(?:o['’]clock|am\b|pm\b|minutes|mins|hours|hrs|%|weeks?|days?|months?"
    r"|times|miles|kg|mg|ml|p\b|pounds|quid|x\b|th\b|st\b|nd\b|rd\b|-\d|–\d|\d))"
)
AGE_IN_FIGURES = (
    re.compile(rf"\bage(?:[ \t]+(?:at|on|when)[ \t]+\w+)?[ \t]*[:=-][ \t]*({_FIGURES})\b", re.I),
    re.compile(
        r"\b(?:she|he|mum|mam|dad|nan|gran|mums|dads)(?:[ \t]*(?:is|was|'s|’s))?[ \t]+"
        rf"(?:only[ \t]+|now[ \t]+|just[ \t]+)?({_FIGURES})\b{_NOT_AFTER_AN_AGE}",
        re.I,
    ),
    re.compile(r"(?<=[A-Za-z])[ \t]+\((\d{1,2}(?:[ \t]*(?:weeks?|months?|mo|yrs?|years?))?)\)"),
)
WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]")


LOWER_CASE_WRITING = 0.03  # under this share of capitalised words, a text is written in lower case
MIN_WORDS_FOR_CASE = 8
UNKNOWN_IN_ENGLISH = 0.1  # above this share of unknown words, a message is not in English
MIN_UNKNOWN_IN_ENGLISH = 3
MEDICINE_STEM = re.compile(
    r"(?:pril|olol|statin|azole|pine|mab|cillin|mycin|oxetine|aline|pam|pram|done|sartan"
    r"|formin|triptyline|gliptin|parin|xaban|tidine|setron|dronate|lukast|caine|cycline"
    r"|floxacin|vir|tinib)$"
)
NAMED_AFTER_A_PREPOSITION = re.compile(
    r"\b(?:at|to|from|in|with|by|into|attend|attended|visit|visited)[ \t]+(?:the[ \t]+)?"
    r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+)\b"
)
# Words that make a capitalised run a department, a plan or a national body, not one place
GENERIC_SERVICE_WORDS = frozenset(
    """department unit office executive network team service services plan plans support
    management disorder syndrome patient patients emergency intensive acute assessment
    government forces advice experience involvement""".split()
)
WELSH_MARKERS = WELSH_WORDS - {"chi"}  # "chi" is also the Scottish CHI number

# The letters open the number and the figures come in groups of three, or pairs after one
# capital; a longer run of either is something else (a postcode is letters, figures, letters).
LETTERED_REFERENCE = re.compile(
    r"(?<![\w/.-])(?:(?i:[a-z]{1,2}\d{3}[ ]\d{3})|[A-Z][ ]\d{2}[ ]\d{2}[ ]\d{2})(?![\w/-]|[ .]\d)"
)


def shape_hints(
    text: str, shown: bytearray, near: bytearray
) -> Iterator[tuple[int, int, str, str]]:
    """Spans in `text` of the shapes in the module docstring, with the likeliest label and the
    shape's name, that findings and hints (`shown`, a flag a character) do not show yet.
    `near` flags the characters close to a finding, where initials and services named with
    everyday words are offered."""
    shapes = {
        "spoken number": _spoken_numbers(text),
        "old full date": _dates_of_birth(text),
        "initials": _initials(text, near),
        "age in words": _ages_in_words(text),
        "name opening a sentence": _names_opening_a_sentence(text),
        "unknown in lower case": _unknown_words_in_lower_case(text),
        "named after a preposition": _named_after_a_preposition(text, near),
        "lettered reference": (
            (m.start(), m.end(), "OTHER_ID") for m in LETTERED_REFERENCE.finditer(text)
        ),
    }
    found = sorted((*span, shape) for shape, spans in shapes.items() for span in spans)
    for start, end, label, shape in found:
        letters = [i for i in range(start, end) if not text[i].isspace()]
        if letters and sum(shown[i] for i in letters) < COVERED * len(letters):
            shown[start:end] = b"\x01" * (end - start)
            yield start, end, label, shape


def _spoken_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    for m in SPOKEN_NUMBER.finditer(text):
        words = re.findall(rf"\b{_DIGIT_WORD}\b", m.group().lower())
        # "one or two, double ..." counts; three distinct digits said aloud is a number
        if sum(w not in _REPEATS for w in words) >= 3:
            yield m.start(), m.end(), "OTHER_ID"


def _dates_of_birth(text: str) -> Iterator[tuple[int, int, str]]:
    for pattern in FULL_DATES:
        for m in pattern.finditer(text):
            year = int(m.groups()[-1])
            if year < 100:
                year += 1900 if year >= TWO_DIGIT_CENTURY else 2000
            if pattern is FULL_DATES[2] and not (
                1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12
            ):
                continue
            if 1900 <= year < LAST_BIRTH_YEAR + 1:
                yield m.start(), m.end(), "DATE_OF_BIRTH"


def _initials(text: str, near: bytearray) -> Iterator[tuple[int, int, str]]:
    gaz = gazetteer()
    for m in TWO_CAPITALS.finditer(text):
        low = m.group().lower()
        if not near[m.start()] or low in CARE_ABBREVIATIONS or low in DOMAIN_WORDS:
            continue
        if low in gaz.common_words or low in COUNTRIES:
            continue
        yield m.start(), m.end(), "PERSON"
    for m in TITLED_LETTER.finditer(text):
        if m.group(1) not in "aAiIxX":  # "the nurse I saw", "Dr x" (already blanked)
            yield m.start(1), m.end(1), "PERSON"
    for m in SIGNED_LETTER.finditer(text):
        yield m.start(1), m.end(1), "PERSON"


def _ages_in_words(text: str) -> Iterator[tuple[int, int, str]]:
    for pattern in (*AGE_IN_WORDS, *AGE_IN_FIGURES):
        for m in pattern.finditer(text):
            yield m.start(1), m.end(1), "AGE"


def _names_opening_a_sentence(text: str) -> Iterator[tuple[int, int, str]]:
    gaz = gazetteer()
    for m in WORD.finditer(text):
        word = m.group()
        if len(word) < 3 or not word[0].isupper() or word.isupper():
            continue
        if not opens_sentence(text, m.start()):
            continue
        low = word.lower().replace("’", "'")
        base = low[:-2] if low.endswith("'s") else low
        if not gaz.is_name_part(base) or base in gaz.common_words or base in gaz.name_words:
            continue
        if base in gaz.pet_words or base in EPONYMS or base in NOT_IDENTIFIER_WORDS:
            continue
        if base in WELSH_WORDS or base in TITLE_CUES or base in ROLE_CUES:
            continue
        yield m.start(), m.start() + len(base), "PERSON"  # "Avril's": the name, not the "'s"


def opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` starts the text, a sentence, a line or what follows a colon."""
    before = text[:at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


def _unknown_words_in_lower_case(text: str) -> Iterator[tuple[int, int, str]]:
    words = list(WORD.finditer(text))
    if len(words) < MIN_WORDS_FOR_CASE:
        return
    if sum(m.group()[0].isupper() for m in words) >= LOWER_CASE_WRITING * len(words):
        return
    if len({m.group() for m in words} & WELSH_MARKERS) >= 2:
        return
    gaz = gazetteer()
    unknown = []
    for m in words:
        word = m.group().replace("’", "'")
        base = word[:-2] if word.endswith("'s") else word
        if len(base) < 3 or not base.isalpha() or not base.islower():
            continue
        if known_english(base, gaz) or MEDICINE_STEM.search(base):
            continue
        if base in NOT_IDENTIFIER_WORDS or base in WELSH_WORDS or base in COUNTRIES:
            continue
        place = base in gaz.places or base in gaz.small_places
        unknown.append((m.start(), m.start() + len(base), "LOCATION" if place else "PERSON"))
    # Many unknown words: another language or a garbled text, where each word would be a hint
    if len(unknown) <= max(MIN_UNKNOWN_IN_ENGLISH, UNKNOWN_IN_ENGLISH * len(words)):
        yield from unknown


def known_english(word: str, gaz: Gazetteer) -> bool:
    """In the English word lists, as written, in American spelling ("patronised") or without
    a common ending ("walked", "kindly", "carers")."""
    spellings = {word, re.sub(r"is(e|ed|es|ing|ation)$", r"iz\1", word), word.replace("our", "or")}
    for ending in ("s", "es", "ed", "d", "ly", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            spellings |= {stem, stem + "e"}
    return any(w in gaz.english_words or w in gaz.common_words for w in spellings)


def _named_after_a_preposition(text: str, near: bytearray) -> Iterator[tuple[int, int, str]]:
    for m in NAMED_AFTER_A_PREPOSITION.finditer(text):
        words = [w.lower() for w in m.group(1).split()]
        if not near[m.start(1)] or any(_generic(w) for w in words):
            continue
        yield m.start(1), m.end(1), "CARE_SETTING"


def _generic(word: str) -> bool:
    return (
        word in GENERIC_SERVICE_WORDS
        or word in DOMAIN_WORDS
        or word in NOT_IDENTIFIER_WORDS
        or word in ROLE_CUES
        or word in TITLE_CUES
        or word in COUNTRIES
    )
