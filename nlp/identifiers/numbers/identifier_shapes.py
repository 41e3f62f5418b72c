"""Identifiers, dates of birth and ages in the shapes people give them by ear or in haste.

Sixth round (issue 20): rules written from one set's misses did not carry to an unseen set, so
each pattern here is a general kind, not a sentence seen:

- numbers read out in words ("nine nine nine, four one two ...", "double seven", "oh"), run
  through a normaliser that keeps offsets, then checked as an NHS number would be;
- digits spaced singly or in odd groups ("9 9 9 9 1 3 5 8 6 2"), kept by the mod-11 check;
- National Insurance numbers with any prefix letters (a mistyped prefix is still someone's);
- dates of birth with spaces round the separators, ordinal words ("the ninth of March 1933"),
  "its"/"it's" after the cue, and a bare date right after a person's name in a note;
- ages as a kind: a small number in an age context (a subject and "is N year", "at N he's",
  "was N when", a birthday ordinal, clinical shorthand "90F"/"M45", Welsh "yn 19 oed"),
  guarded against doses, times, counts and money by the shared unit guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import (
    DIGIT_WORDS,
    NUMBER,
    ORDINAL_NUMBER,
    as_int,
    ordinal_value,
)
from nlp.identifiers.core.prefilter import gated, gated_all
from nlp.identifiers.dates_and_ages.ages import AGE_UNIT_AFTER
from nlp.identifiers.dates_and_ages.birth_dates import DATE, DAY, MONTH, YEAR
from nlp.identifiers.numbers.health_and_ni_numbers import AFTER_A_WORDS_STOP, is_valid_nhs_number

I = re.IGNORECASE  # noqa: E741

# ---------------------------------------------------------------------------------------------
# Spoken digits: any run of nine or more digit words, whatever digit it starts with.

_DIGIT_WORD = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
_SPOKEN = rf"(?:(?:double|treble|triple)\s+)?(?:{_DIGIT_WORD})"
SPOKEN_RUN = re.compile(
    rf"(?<![\w-])(?:{_SPOKEN})(?:(?:\s*[,-]\s*|\s+)(?:{_SPOKEN})){{4,}}(?![\w-])", I
)
NUMBER_CUE = re.compile(
    r"\b(?:nhs|chi|h\s?&\s?c|hospital|patient|number|no\.?|num|ref(?:erence)?)\b[^.\n]{0,40}$", I
)


def spoken_to_digits(text: str) -> tuple[str, list[int]]:
    """Digits spoken in words, and for each digit the offset in `text` where its word starts.

    "double seven" gives two digits at the offset of "double"; anything else is skipped.
    """
    digits: list[str] = []
    offsets: list[int] = []
    repeat = 1
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m.group().lower()
        if word in ("double", "treble", "triple"):
            repeat = 2 if word == "double" else 3
            start = m.start()
            continue
        if word in DIGIT_WORDS:
            at = start if repeat > 1 else m.start()
            digits.extend(DIGIT_WORDS[word] * repeat)
            offsets.extend([at] * repeat)
        repeat = 1
    return "".join(digits), offsets


def spoken_numbers(text: str) -> Iterator[Finding]:
    for m in SPOKEN_RUN.finditer(text):
        digits, _ = spoken_to_digits(m.group())
        cued = NUMBER_CUE.search(text, max(0, m.start() - 50), m.start())
        if len(digits) == 10 and (is_valid_nhs_number(digits) or cued):
            label = "NHS_NUMBER" if not cued or "nhs" in cued.group().lower() else "OTHER_ID"
            yield Finding(m.start(), m.end(), label, 0.9, "spoken_number")
        elif len(digits) >= 9 and cued and not digits.startswith("0"):
            yield Finding(m.start(), m.end(), "OTHER_ID", 0.8, "spoken_number")


# Ten digits in any grouping of single spaces or hyphens ("9 9 9 9 1 3 5 8 6 2", "99 99 135 862"),
# also after a field's colon or a sentence's stop typed with no space ("on:2217 751 913",
# "ring.2217 751 913"), never after a time's or a decimal's.
SPACED_TEN = re.compile(
    r"(?<![\w+/.:-])(?<!\d )(?!0)\d(?:[ -]?\d){9}(?![\w/-]|[ -]\d)"
    rf"|(?:(?<=[^\W\d_]:)|{AFTER_A_WORDS_STOP})(?!0)\d(?:[ -]?\d){{9}}(?![\w/-]|[ -]\d)"
)


def spaced_nhs_numbers(text: str) -> Iterator[Finding]:
    for m in SPACED_TEN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        cue = NUMBER_CUE.search(text, max(0, m.start() - 50), m.start())
        if is_valid_nhs_number(digits) or (cue and "nhs" in cue.group().lower()):
            yield Finding(m.start(), m.end(), "NHS_NUMBER", 0.9, "nhs_spaced")
        elif cue:  # "Reference 943 476 5918": a number by its cue, but no NHS number
            yield Finding(m.start(), m.end(), "OTHER_ID", 0.8, "nhs_spaced")


# ---------------------------------------------------------------------------------------------
# National Insurance numbers with any prefix letters: written in capitals with the suffix
# letter, or in any case after an "NI" cue.

NI_ANY_PREFIX = re.compile(r"(?<![\w])[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D](?!\w)")
NI_CUED = re.compile(
    r"\b(?:ni|nino|n\.i\.|national\s+insurance)(?:\s+(?:number|no\.?|num))?\s*(?:is|:|-)?\s*"
    r"(?P<id>[a-z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}(?:[ -]?[a-d])?)(?!\w)",
    I,
)


def any_prefix_ni_numbers(text: str) -> Iterator[Finding]:
    for m in NI_ANY_PREFIX.finditer(text):
        yield Finding(m.start(), m.end(), "NI_NUMBER", 0.85, "ni_any_prefix")
    for m in NI_CUED.finditer(text):
        yield Finding(m.start("id"), m.end("id"), "NI_NUMBER", 0.9, "ni_any_prefix")


# ---------------------------------------------------------------------------------------------
# Dates of birth.

ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[\s-]first)"
)
SPACED_DATE = r"[0-3]?\d\s*[/.-]\s*[01]?\d\s*[/.-]\s*(?:(?:19|20)\d{2}|\d{2})"
WORDS_DATE = rf"(?:the\s+)?{ORDINAL_WORDS}(?:\s+of)?\s+{MONTH},?\s+{YEAR}"
BIRTH_CUE_WIDE = re.compile(
    r"\b(?:born|date\s+of\s+birth|dob|d\.\s?o\.\s?b\.?|birth\s*date|birthday)"
    r"[\s:,.-]*(?:(?:on|in|is|was|the|of|it['’]?s|its|:|-)\s+){0,3}"
    # round 58: whose birth it is between the cue and the date ("DOB of mum 1940-05-15")
    r"(?:(?:mum|mam|mom|dad|mother|father|nan|gran|husband|wife|son|daughter|child|baby|"
    r"patient|client)\s+)?"
    rf"(?P<date>{SPACED_DATE}|{WORDS_DATE}|{DATE})(?![\w/])",
    I,
)
BIRTH_CUE_WIDE = gated(BIRTH_CUE_WIDE)
# Twenty-ninth session: the date of birth further on in the cue's sentence, where other words
# come between ("date of birth is shown on their file as 3 February 1947", "date of birth
# wrong, it should be 12th of June 1961", "date of birth as well as the name. Peter's is 1 May
# 1946" is two sentences and stays; v38, v44, v45, v72, v77, v79): a whole date, day, month and
# year, within sixty characters of "date of birth" or "DOB", nothing ending the sentence
# between.
FULL_DATE = (
    rf"(?:{DAY}[/.-][01]?\d[/.-](?:(?:19|20)\d{{2}}|\d{{2}})"
    rf"|(?:19|20)\d{{2}}-[01]?\d-[0-3]?\d"
    rf"|{DAY}(?:\s+of)?\s+{MONTH},?\s+(?:19|20)\d{{2}}"
    rf"|{MONTH}\s+{DAY},?\s+(?:19|20)\d{{2}})"
)
BIRTH_CUE_FAR = re.compile(
    r"\b(?:date\s+of\s+birth|dob|d\.o\.b\.?|birth\s*date)\b[^.!?\n]{1,60}?"
    rf"(?<![\w/.-])(?P<date>{FULL_DATE})(?![\w/])",
    I,
)
BIRTH_CUE_FAR = gated(BIRTH_CUE_FAR)
# Twenty-ninth session: "born" and the date further on, after where or how ("was born at
# 04:12 on 14 February 2024", "born sleeping on 2023-10-21", "was stillborn at Singleton
# Hospital on 30 September 2023"; v42, v48, v51, v60 and v87 mark every such date as the date
# of birth): "on" and a whole date within forty characters, with no second clause between
# ("born in Krakow and came here on 3 May 2004" is the day someone came).
BORN_ON = re.compile(
    r"\b(?:still)?born\b(?P<between>[^.!?\n]{1,40}?)\bon[ \t]+(?:the[ \t]+)?"
    rf"(?P<date>{FULL_DATE})(?![\w/])",
    I,
)
BORN_ON = gated(BORN_ON)
SECOND_CLAUSE = re.compile(
    r"\b(?:and|but|then|moved|came|arrived|left|went|returned|married|died)\b", I
)
# A date of something done or due, not of a birth: "booked in for", "seen on", "dated".
SCHEDULED_BEFORE = re.compile(
    r"\b(?:for|on|until|till|from|by|since|dated|at|before|after)[ \t]+(?:the[ \t]+)?$", I
)
# "Albert Gosling, 04/08/31, The Old Forge": a note gives a date right after a person's name;
# written year first too ("Applicant: Siân Thompson, 1936-11-23", twenty-ninth session: v60,
# v84).
_WORD = r"[A-Z][^\W\d_]*[a-zà-ÿ](?:['’-][^\W\d_]+)*"  # "Siân", "MacDonald", "O'Neill"
_NAME = rf"(?:Mr|Mrs|Ms|Miss|Dr)?\.?\s*{_WORD}(?:\s+{_WORD}){{1,2}}"
DATE_AFTER_NAME = re.compile(
    rf"(?<![\w])(?-i:{_NAME}),\s*(?P<date>[0-3]?\d[/.][01]?\d[/.](?:(?:19|20)\d{{2}}|\d{{2}})"
    r"|(?:19|20)\d{2}-[01]\d-[0-3]\d|[0-3]\d-[01]\d-(?:19|20)\d{2})"
    r"(?=\s*[,;)\n]|\s+\()"
)


def dates_of_birth_wide(text: str) -> Iterator[Finding]:
    for m in BIRTH_CUE_WIDE.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.9, "dob_wide")
    for m in BORN_ON.finditer(text):
        if not SECOND_CLAUSE.search(m.group("between")):
            yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_wide")
    for m in BIRTH_CUE_FAR.finditer(text):
        if SCHEDULED_BEFORE.search(text, max(0, m.start("date") - 12), m.start("date")):
            continue  # "took her date of birth and booked her in for 12/03/2025"
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_wide")
    for m in DATE_AFTER_NAME.finditer(text):
        if m.group().startswith("Dr"):  # round 55: "Letter from Dr Jones, 12/6/24": its date
            continue
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_after_name")


# ---------------------------------------------------------------------------------------------
# Ages as a kind: a small number in an age context.

# A capitalised word standing for a person: not a sentence's pronoun or article ("It was 5").
NAME_LIKE = (
    r"(?!(?i:it|that|this|there|which|what|the|time|score|total|price|cost|wait|result)\b)"
    r"(?-i:[A-Z][a-z'’-]+)"
)
N = rf"(?P<n>\d{{1,3}}|{NUMBER})"
SUBJECT = (
    r"(?:i|he|she|they|we|you|who|mum|mam|mom|dad|son|daughter|wife|husband|partner|brother|"
    r"sister|nan|gran|grandad|grandma|grandson|granddaughter|baby|child|boy|girl|patient|pt)"
)
# Hand-written gates (`prefilter.gated`'s `behind`) of three shapes below whose words ("is",
# "was", "her", any capital) are in nearly every story: the parts of their matches few hold.
VERB_THEN_YEARS = re.compile(
    rf"(?:['’]s|\s+is|\s+was|\s+are|\s+am|['’]m)\s+(?:now\s+|only\s+|just\s+)?{N}\s*"
    r"(?:years?|yrs?|yr)\b",
    I,
)
WAS_N_WHEN = re.compile(rf"(?:was|were)\s+{N}\s+(?:when|and\s+(?:was|had|got))\b", I)
ORDINAL_BEFORE_DAY = re.compile(
    r"\d(?:st|nd|rd|th)\b\s+(?:birthday|bday|b-day|party|celebration|is|was|next|coming|last|"
    r"cake)\b",
    I,
)
AGE_SHAPES = (
    # "is 9 year", "was 2 yrs": a subject's number with a year unit but no "old".
    gated(
        re.compile(
            rf"\b(?:{SUBJECT}|{NAME_LIKE})(?:['’]s|\s+is|\s+was|\s+are|\s+am|['’]m)\s+(?:now\s+|only\s+|just\s+)?"
            rf"{N}\s*(?:years?|yrs?|yr)\b(?!\s+(?:ago|later|since|before|after|of|in|on|for|and\s+\d|"
            r"now|back|running|earlier|previously|time|into|out|with|clean|sober|post|since|waiting))"
            # and nothing it qualifies: "Amy's 2 year review" is a review, not an age
            r"(?=\s*(?:[.,;:!?)]|$|and\b|but\b|he\b|she\b|now\b|in\s+\w+\s+\d))",
            I,
        ),
        behind=VERB_THEN_YEARS,
    ),
    # "she's actually 76", "he's nearly 90", "I'm almost 40": a hedge before the age.
    re.compile(
        rf"\b(?:i['’]?m|i\s+am|he['’]s|she['’]s|he\s+is|she\s+is)\s+(?:actually|really|nearly|"
        rf"almost|over|about|coming\s+up|barely|turning)\s+{N}\b{AGE_UNIT_AFTER}"
        r"(?!\s*(?:-|to)\s*\d)",
        I,
    ),
    # "at 71 he's not", "at 19 I", "diagnosed at 7", "retired at 60".
    re.compile(
        r"\bat\s+(?P<n>1[3-9]|[2-9]\d|1[01]\d|(?:thirteen|fourteen|fifteen|sixteen|seventeen|"
        r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\w\s-]{0,8}?)"
        r"\s+(?:he['’]s|she['’]s|i['’]m|he\s+is|she\s+is|he\s+was|she\s+was|"
        r"i\s+was|he\s+(?:doesn|won|can|isn|wasn|didn)|she\s+(?:doesn|won|can|isn|wasn|didn)|"
        r"you['’]re)",
        I,
    ),
    re.compile(
        r"\b(?:diagnosed|retired|widowed|married|orphaned|adopted|fostered|died|passed\s+away|"
        r"left\s+school|started\s+school|emigrated|came\s+over)(?:\s+\w+){0,2}?\s+at\s+"
        rf"(?:the\s+age\s+of\s+|age\s+)?{N}\b{AGE_UNIT_AFTER}(?!\s*(?:am|pm|o['’]?clock|:|\.\d))",
        I,
    ),
    # "was 12 when referred", "I was 17 when": a past age before "when".
    gated(
        re.compile(
            rf"(?:\b(?:i|he|she|they|we|who|{NAME_LIKE})\s+|(?<=\w),\s*)(?:was|were)\s+{N}\s+(?:when|and\s+(?:was|had|got))\b",
            I,
        ),
        behind=WAS_N_WHEN,
    ),
    # "her 90th is on the 14th", "his 80th birthday", "Mum's 100th party"; the ordinal whole.
    gated(
        re.compile(
            r"\b(?:his|her|my|their|your|[A-Za-z]+['’]s)\s+(?P<n>\d{1,3}(?:st|nd|rd|th))\b"
            r"(?=\s+(?:birthday|bday|b-day|party|celebration|is|was|next|coming|last|cake)\b)",
            I,
        ),
        behind=ORDINAL_BEFORE_DAY,
    ),
    # Round 45: "Happy 90th birthday", "his seventieth birthday" (four sets, with the next rule).
    # In words only before the birthday itself ("her second was born" is a child), and a
    # possessive's ordinal ending its clause only after a name or a word for family.
    re.compile(
        rf"\b(?:his|her|my|their|your|happy|[A-Za-z]+['’]s)\s+(?P<n>\d{{1,3}}(?:st|nd|rd|th)|"
        rf"{ORDINAL_NUMBER})(?=\s+(?:birthday|bday|b-day|birthday\s+party|celebration)\b)",
        I,
    ),
    # Clinical shorthand: "pt 90F", "a 45M", "M45", "F 82": sex and a number after a patient.
    re.compile(
        r"\b(?:pt|patient|pts|a|an|this|lady|man|gent)\s+"
        r"(?:(?P<n>\d{1,3})\s?(?-i:[MF])|(?-i:[MF])\s?(?P<n2>\d{1,3}))(?![\w])",
        I,
    ),
    # "He 4.", "She 90 now": a subject and a bare number ending the clause (simplified English).
    re.compile(r"\b(?:he|she)\s+(?P<n>\d{1,3})(?=\s*(?:[.!;]|now\b|next\b))", I),
    # "Cathal Quinn, 2 yrs.", "Mr Baptiste (101!)": a name then the age with a unit or a mark.
    re.compile(rf"(?<![\w'’])[A-Z][a-z'’-]+,\s*{N}\s*(?:yrs?|years?|y/o|yo)\b(?!\s+(?:ago|old))"),
    re.compile(rf"(?<![\w'’])[A-Z][\w'’-]*\s+\(\s*{N}\s*!+\s*\)"),
    # Welsh: "yn 19 oed", "Fi'n 19", "Mae hi'n 82".
    re.compile(rf"\b(?:yn|['’]n)\s+{N}\s+(?:oed|mlwydd)\b", I),
    re.compile(r"\b(?:fi|hi|fe|e|o|rwy|dwi)['’]n\s+(?P<n>\d{1,3})\b(?!\s*(?:%|:|\.\d))", I),
)
AGE_SHAPES = gated_all(AGE_SHAPES)


# A cheap test per shape (its kind word), so most texts skip most patterns: numbers in words
# make these patterns slow.
AGE_HINTS = (
    ("yr", "year"),
    ("'s ", "’s ", "'m ", "’m ", " is ", " am ", " i’m", " i'm"),
    (" at ",),
    (" at ",),
    ("when", " and "),
    ("st ", "nd ", "rd ", "th "),
    ("birthday", "bday", "b-day", "celebration"),
    (),
    ("he ", "she "),
    ("yr", "year", "y/o", "yo"),
    ("!",),
    ("oed", "mlwydd"),
    ("'n ", "’n "),
)


ORDINAL_END = re.compile(r"(?:st|nd|rd|th)$", I)


def shaped_ages(text: str) -> Iterator[Finding]:
    low = text.lower()
    for pattern, hints in zip(AGE_SHAPES, AGE_HINTS, strict=True):
        if hints and not any(h in low for h in hints):
            continue
        for m in pattern.finditer(text):
            key = "n" if m.group("n") else "n2"
            raw = m.group(key)
            n = as_int(raw) if not ORDINAL_END.search(raw) else ordinal_value(raw)
            if n is not None and 0 < n <= 115 and not (not raw.isdigit() and n == 1):
                yield Finding(m.start(key), m.end(key), "AGE", 0.8, "age_shape")


# Round 45: "Mavis's 95th.", "Nan's 90th!": a possessive's ordinal ending its clause is a
# birthday, after a capitalised name (not a pronoun or a day) or a word for family in any case.
# Read from each "'s" the text holds, which few texts hold before an ordinal.
ORDINAL_AFTER_POSSESSIVE = re.compile(
    rf"['’]s[ \t]+(?P<n>\d{{1,3}}(?:st|nd|rd|th)|(?i:{ORDINAL_NUMBER}))(?=[ \t]*(?:[.!?,;)]|$))",
    re.MULTILINE,
)
BIRTHDAY_OWNER = re.compile(
    r"(?<![\w'’])(?:(?!(?:It|He|She|That|What|There|Here|Who|Where|Let|Today|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)$)[A-Z][a-z]+(?:-[A-Z][a-z]+)?|"
    r"(?i:mum|mam|mom|mummy|mother|dad|daddy|father|nan|nana|nanna|gran|granny|grandma|"
    r"grandad|grandpa|grandmother|grandfather|aunt|auntie|uncle|wife|husband|son|daughter))$"
)


def possessive_birthdays(text: str) -> Iterator[Finding]:
    for quote in ("'s", "’s"):
        at = text.find(quote)
        while at != -1:
            m = ORDINAL_AFTER_POSSESSIVE.match(text, at)
            if m and BIRTHDAY_OWNER.search(text, max(0, at - 30), at):
                n = ordinal_value(m.group("n"))
                if n is not None and 1 < n <= 115:
                    yield Finding(m.start("n"), m.end("n"), "AGE", 0.8, "age_shape")
            at = text.find(quote, at + 2)


# Round 70: the clinical shorthand of sex and age standing alone in a crew's or a triage note
# ("pre-alert — 23M, driver", "include: 94F ?NOF", "47M chest pain"; v68, v91; 15 marked in
# the development sets against one class's name): the figure and a capital M or F as one word,
# or a small "f" (round 87: "59f, Culloden area", "morag (59f)", "61f  acl reconstruction";
# v122, v124, v125 mark all seven; a small "m" is as often metres or minutes: "walked 20m"),
# unless a word that numbers a place or a group is right before it ("Ward 12F", "Bay 4M",
# "Class: 4F").
SEX_AND_AGE = gated(
    re.compile(
        r"(?<![\w/.'’£$€-])(?P<n>\d{1,3})(?-i:[MF]|f)(?![\w/'’-])"
        # "2M people", "a £3M budget": millions, not a man of two
        r"(?![ \t]+(?i:people|of|population|residents|patients|users|views|viewers|followers|"
        r"visits|visitors|homes|households|pounds|budget|miles|in\b|more|fewer|less))"
    )
)
NUMBERED_BEFORE = re.compile(
    r"\b(?:ward|bay|bed|room|flat|unit|gate|class|level|floor|block|wing|suite|plot|pitch|year|"
    r"form|group|team|house|stand|row|seat|zone|area|lane|no|number)[ \t:.#]*$",
    I,
)


def sex_and_age_shorthand(text: str) -> Iterator[Finding]:
    for m in SEX_AND_AGE.finditer(text):
        if NUMBERED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if 0 < int(m["n"]) <= 110:
            yield Finding(m.start("n"), m.end("n"), "AGE", 0.75, "age_shape")


# Round 93: the years written onto the figure as one word, standing alone ("Age: 2y", "Mr
# Dhillon, 74y DOB ...", "K2816911  55y  new - acne", "(52y)"): 77 marked in 22 writers' sets,
# and the age rules read it only after a name or a label, missing 18 in five sets. Left out: a
# child's developmental age or a reading age with its months ("at 2y 6m", "reading age 9y 2m")
# and a bound ("last check >2y"), which writers leave, and a law's numbered part ("Section 11Y
# of the ... Act", in a real FFT comment).
LAW_PART_BEFORE = re.compile(
    r"\b(?:section|s\.|article|schedule|paragraph|para|clause|part|regulation|rule)[ \t]*$", re.I
)
YEARS_ON_FIGURE = gated(
    re.compile(
        r"(?<![\w/.'’£$€<>~≥≤-])(?P<n>\d{1,3})[yY](?![\w/'’-])"
        r"(?![ \t]*\d{1,2}[ \t]*(?i:m|mo|mos|mths?|months?)\b)"
    )
)


def years_on_figures(text: str) -> Iterator[Finding]:
    for m in YEARS_ON_FIGURE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if NUMBERED_BEFORE.search(before) or LAW_PART_BEFORE.search(before):
            continue
        if 0 < int(m["n"]) <= 115:
            yield Finding(m.start("n"), m.end("n"), "AGE", 0.75, "age_shape")


def identifier_shape_findings(text: str) -> list[Finding]:
    """Everything above; overlaps are settled by the caller with the other recognisers'."""
    found: list[Finding] = []
    for detector in (
        spoken_numbers,
        spaced_nhs_numbers,
        any_prefix_ni_numbers,
        dates_of_birth_wide,
        shaped_ages,
        possessive_birthdays,
        sex_and_age_shorthand,
        years_on_figures,
    ):
        found.extend(detector(text))
    return found
