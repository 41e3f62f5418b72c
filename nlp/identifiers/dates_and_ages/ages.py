"""Ages that narrow who someone is, and the ten-year band the anonymiser writes for an age.

An age alone identifies nobody, but with a place and a condition a very old or very young
person is one of few. Each rule needs a cue that the number is a person's age ("aged 92", "I'm
84", "84 years old", "Carly (88)", "a man of 79"), and AGE_UNIT_AFTER (shared with
nlp/identifiers/numbers/identifier_shapes.py) keeps out the numbers a unit follows: doses,
durations, times, counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.number_words import NUMBER, as_int
from nlp.identifiers.core.prefilter import gated, gated_all
from nlp.identifiers.dates_and_ages.birth_dates import RELATIVES

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


# Ages that narrow who someone is: "aged 92", "I'm 84", "84 years old", "Carly (88)".

AGE_UNIT_AFTER = (
    r"(?!\s*(?:%|am\b|pm\b|a\.m|p\.m|mg|mcg|ml|kg|g\b|cm|mm|miles?|weeks?|days?|hours?|hrs?|"
    r"minutes?|mins?|months?|times?|stone|st\b|lbs?|pounds?|o'?clock|:|\.\d|/(?=\s*\d)|percent|"
    r"people|patients|beds|steps|calls|nights?|x\b|of\b|or\b|more\b|other\b|hundred\b|"
    r"year[ \t]+(?!old\b)[a-z]))"  # "my sons 2 year review": a check's name, not an age
)
# A slash after the number rules it out only before a figure ("3/4", "12/05"): a form's fields
# parted by slashes ("Name ... / age 37 / NHS no ...") keep their age (round 57, v64).
# An age in digits or in words ("84", "eighty-four").
N = rf"(?P<n>\d{{1,3}}|{NUMBER})"
# Where an age ends: at a word's end, or where the years are written onto it in a hurry
# ("aged 88yrs", "she's 79yr"), as the spaced "aged 88 years" already is (second probes).
N_END = r"(?:\b|(?=yrs?\b))"
# The hand-written gate (`prefilter.gated`'s `behind`) of the two bracketed ages below: their
# tail, a space and a bracketed number. Their words ("son", "Mum", any capital) are in nearly
# every story; a bracketed number after a space is in few.
SPACE_BRACKETED_AGE = re.compile(rf"\s\(\s*{N}(?:\s*(?:yrs?|years|y))?\s*\)", I)
AGES = (
    re.compile(rf"\b(?:aged|age|ages)\s*(?:of\s+)?:?\s*{N}{N_END}{AGE_UNIT_AFTER}", I),
    # Round 71: "95 years young", as tributes and cards say it (marked in v29, v45 and v92).
    re.compile(
        rf"\b{N}\s*(?:-|\s)?\s*(?:years?|yrs?|yr)\s*(?:-|\s)?\s*(?:old|auld|young|of\s+age)\b", I
    ),
    # Round 71: a death notice's "in his 69th year" (v92); "in their 25th year of marriage"
    # and "in her 12th year at the school" count something else.
    re.compile(
        r"\bin\s+(?:his|her|their)\s+(?P<n>\d{2,3})(?:st|nd|rd|th)\s+year\b"
        r"(?!\s+(?:of|at|in|as|with|on|for|since|working|teaching)\b)",
        I,
    ),
    re.compile(r"\b(?P<n>\d{1,3})\s*(?:yo|y/o|y\.o\.?)(?!\w)", I),
    # "a man of 79", "a lady of ninety", "a gentleman of 91": a person described by age.
    re.compile(
        r"\b(?:man|woman|lady|gentleman|gent|person|patient|boy|girl|lad|lass|child|chap|"
        rf"fellow|widow|widower|pensioner)\s+of\s+{N}\b{AGE_UNIT_AFTER}"
        r"(?!\s*(?:years?|yrs?|foot|feet|ft|inches|in\b|words|visits?))",
        I,
    ),
    # "she's 78", "they're 3", "she's still 17", "she's "only 78"", "she'd have been 90", and
    # the north's "I were nine" for "I was" (twenty-sixth round).
    re.compile(
        r"\b(?:i'?m|i\s+am|i\s+was|i\s+were|he'?s|she'?s|he\s+is|she\s+is|they\s+are|who\s+is|who'?s|"
        r"(?:he|she)\s+was(?=\s+still\b)|they['’]?re|we['’]re|you['’]?re|ur|"
        # fifty-third round: "married since we were 23", "when they were 19"
        r"(?:since|when|till|until)\s+(?:we|they)\s+were|"
        r"(?:would|he['’]d|she['’]d|i['’]d)\s+(?:have\s+)?(?:been|be)|"
        r"is\s+now|is\s+only|is\s+just|was\s+only|turned|turns|turning|reached|"
        # Round 84 (v119; v73 too): a letter's "as you are now 19", and the future "when I
        # turn 18", "you will turn 18" (22 sets mark "now N", 21 mark a birthday turned); not
        # "once they turn eighteen", said of young people at large.
        r"you\s+are|(?:i|you|he|she|will|['’]ll|to)\s+turn|"
        r"at\s+the\s+age\s+of)\s+"
        rf"[\"“‘']?(?:just\s+|now\s+|only\s+|still\s+)?{N}{N_END}{AGE_UNIT_AFTER}",
        I,
    ),
    # "He's 20 months.", "she's 6 weeks and": a baby's age without "old".
    re.compile(
        r"\b(?:he['’]?s|she['’]?s|he\s+is|she\s+is|they['’]?re|baby\s+is|baby['’]s)\s+"
        rf"(?:only\s+|just\s+)?{N}\s*(?:months?|weeks?|days?)(?=\s*(?:[.,;!?)]|$|and\b))",
        I,
    ),
    # "a gent 79 lives alone", "a man 86 who": a person described by a bare age.
    re.compile(
        r"\b(?:man|woman|lady|gentleman|gent|chap|fella|fellow|widow|widower|pensioner)\s+"
        rf"{N}\s+(?=(?:lives|lived|is|was|has|had|who|with|walked|waiting|cares)\b)",
        I,
    ),
    # "Carly Bartlett (88)": a bracketed number after a capitalised word and a space (not the
    # "1" of "alert(1)"), or after "then", "now", "aged" inside the brackets.
    # Round 64 (v59, v79): with a note's "y" for years, "Apenisa Seruvatu (71y)".
    # Round 83 (v117): a capital "Y" as well, after a name in capitals ("BRENDA OSEI (80Y)").
    gated(
        re.compile(rf"(?<![\w'’])[A-Z][\w'’-]*\s+\(\s*{N}(?:[yY])?\s*\)"),
        behind=SPACE_BRACKETED_AGE,
    ),
    # "my dad (79)", "her husband (82)": the same after a relative, written in lower case,
    # also with its years ("my dad (79 years)", "my father (88yrs)").
    gated(
        re.compile(rf"\b{RELATIVES.pattern}\s+\(\s*{N}(?:\s*(?:yrs?|years))?\s*\)", I),
        behind=SPACE_BRACKETED_AGE,
    ),
    # "(my grandson, 4)", "(her sister, 70)": a relative and an age in brackets.
    re.compile(
        r"\(\s*(?:my|her|his|our|their)?\s*(?:grand|great-grand)?(?:son|daughter|child|"
        rf"{RELATIVES.pattern})\s*,\s*{N}\s*\)",
        I,
    ),
    # "My husband, 79yrs, has dementia", "her dad, eighty two years, lives alone": a relative,
    # then the age between commas, its years written or not (second probes: with its years
    # it was missed in every telling, without them only the trained NER found it).
    re.compile(
        rf"\b(?:my|her|his|our|their)\s+{RELATIVES.pattern},[ \t]*{N}{N_END}"
        r"(?:[ \t]*(?:yrs?|years)(?:[ \t]+old)?)?,[ \t]",
        I,
    ),
    # "Bill, 82, was left": a capitalised word, then the age between commas, then the sentence
    # goes on in lower case (not a list of numbers).
    re.compile(
        r"(?<![\w'’])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|"
        r"April|May|June|July|August|September|October|November|December)\b)"
        rf"[A-Z][a-z'’-]+,\s*{N},\s+(?=[a-z])"
    ),
    re.compile(rf"\(\s*(?:then|now|aged?|age)\s+{N}\s*\)", I),
    re.compile(rf"\bat\s+{N},\s+(?:she|he|i|they|my|her|his|we)\b", I),
    # "At 19 I was diagnosed": without the comma only past the hours of a clock ("at 3 I was").
    re.compile(
        r"\bat\s+(?P<n>1[3-9]|[2-9]\d|1[01]\d)\s+(?:she|he|i|they|we)\s+"
        r"(?:was|were|had|got|became|lost|left|moved|started|found|joined|married)\b",
        I,
    ),
    # Twenty-fifth session: typed without the apostrophe ("mums 79", "hes 84") and in Scots
    # ("he wis 79").
    re.compile(
        r"\b(?:he|she|who|they|mum|mom|mam|dad|son|daughter|wife|husband|partner|brother|sister"
        r"|uncle|aunt|auntie|nan|nana|gran|granny|grandad|grandma|grandson|granddaughter|father"
        r"|mother|child|baby|boy|girl|friend|neighbour)(?:-in-law)?(?:\s+(?:is|was|wis|turned)|['’]?s)\s+"
        # "since he was about twenty-five" (round 61: a guess at an age is an age)
        rf"(?:now\s+|only\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+)?"
        rf"{N}{N_END}{AGE_UNIT_AFTER}(?!\s*(?:-|to)\s*\d)",
        I,
    ),
    # Round 59: a note's age with its "y" or the patient's sex written onto it, between commas
    # or at a line's start ("Jamie Buchan, 91y, CHI ...", "73M lives on Mull", "Pt: X, 66y,
    # from"; v68 and v69), not a count ("review in 2y", "Bradford, 2M people"): after the sex's
    # letter only a note's next word or its punctuation. Kept last: tests/test_hand_gates.py
    # names the patterns before it by their place.
    re.compile(
        r"(?:(?<=,[ \t])|(?<=^)|(?<=\n))(?P<n>\d{1,3})"
        r"(?:y(?=[,;.]?[ \t]|[,;]|$)|[MF](?=[,;.]|$|[ \t]+(?:lives?|living|with|who|has|had|"
        r"presents?|presenting|admitted|seen|known|pt|patient)\b))"
    ),
)
AGES = (
    *AGES,
    # Thirty-eighth round: an age to come ("I will be nearly 17", "he'll be 18 in March"), and
    # "you're" written "your" after "when" ("when your 15 nobody listens"). Not a time or a
    # place in a queue ("I'll be 10 minutes", "we'll be 9 till 5", "you'll be 3rd").
    re.compile(
        r"\b(?:(?:i|he|she|you|they|we)(?:\s+will|['’]ll)\s+be(?:\s+(?:nearly|almost|turning))?"
        r"|(?:when|cos|cause|because|if)\s+your(?:\s+(?:only|just|nearly|almost))?)\s+"
        rf"{N}\b{AGE_UNIT_AFTER}(?!\s*(?:till|until|to|-|–|on|at|in\s+(?:a|the)\b|quid|p\b|£|"
        r"(?:streets?|doors?|houses?|stops?|points?|goals?|quid|grand|k)\b))",
        I,
    ),
    # Round 101: a record's field of the age at an event ("Age at booking: 40", "Age on
    # admission: 14", "Age at assessment: 4 years 9 months"; v39, v44, v90, v152), whose label's
    # words after "age" stopped the pattern of "Age: 40".
    re.compile(
        rf"\bage[ \t]+(?:at|on)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]*:[ \t]*{N}{N_END}"
        rf"{AGE_UNIT_AFTER}",
        I,
    ),
)
AGES = gated_all(AGES)
# Twenty-ninth session: the same age to come told with when, which the pattern above leaves for
# fear of a time ("we'll be 9 till 5"): "Lewis, who is 17 and will be 18 next month", "she'll
# be ninety at Easter", "I will be ninety on the eleventh of May" (v50, v72, v75). A person
# before it (a pronoun, "who" or "and"), then a word of when; "we will be 12 at the table" has
# no person before it, and a unit after the number ("will be 10 minutes") is a wait.
AGE_TO_COME_WITH_WHEN = gated(
    re.compile(
        r"\b(?:(?:i|he|she|you|they|who|and)[ \t]+will|(?:i|he|she|you|they)['’]ll)[ \t]+be[ \t]+"
        rf"(?:(?:just|nearly|almost)[ \t]+)?{N}"
        r"(?=[ \t]+(?:next|this|on|at|in|by|before|soon|tomorrow|today)\b)",
        I,
    )
)

# Twenty-sixth round. "mum Kathleen (19), baby 6 wks.", "- baby 9 mths - reflux": a baby's age
# in a note's list of a household, after a comma, a dash, a bullet or a line's start, its name
# perhaps between; not the baby's timing ("baby 2 weeks late", "lost the baby 3 weeks ago").
BABY_IN_A_LIST = re.compile(
    r"(?:^|[,;:(•–—-])[ \t]*(?:new[ \t-]?born|baby|infant)(?:[ \t]+(?-i:[A-Z][a-z'’-]+))?[ \t]+"
    rf"{N}[ \t]*(?:wks?|weeks?|mths?|months?|days?)\b"
    r"(?![ \t]*(?:early|premature|prem|ago|later|after|before|late|overdue|old|pregnant|"
    r"gestation|of\b))",
    re.I | re.M,
)
BABY_IN_A_LIST = gated(BABY_IN_A_LIST)
# An age at an event of a life ("diagnosed at fifty-two") is
# nlp/identifiers/dates_and_ages/stated_ages.py's.


# A baby's or child's age: "20 months old", "six weeks old", "3-month-old". Numbers in words
# make the pattern slow, so it runs only where the cheap check finds "weeks old" and the like.
BABY_AGE = re.compile(
    rf"(?<![\d.,])\b{N}\s*(?:-|\s)?\s*(?:months?|weeks?|days?)\s*(?:-|\s)?\s*old\b", I
)
BABY_AGE_HINT = re.compile(r"(?:month|week|day)s?\s*(?:-|\s)?\s*old\b", I)
BABY_AGE_HINT = gated(BABY_AGE_HINT)


BABY_UNIT = re.compile(r"\s*(?:-|\s)?\s*(?:months?|weeks?|days?|mths?|wks?)\b", I)

# Round 62 (development sets v19, v36, v51, v57, v69, v70, v71 and more: twenty-two babies'
# and toddlers' ages missed in twelve sets): a baby's age told as what the child is now, in
# weeks or months with no "old" ("our daughter Bluma is now five months", "They are 14 months
# now", "he's eight months now", "the baby Winnie is ten month"). Only after a child or a name
# as the subject, and not a time ("the wait is 18 months now") or a pregnancy ("she is 6 months
# pregnant", "he was 3 weeks early", "was 2 weeks in hospital").
CHILD_NOW_UNIT = gated(
    re.compile(
        r"(?<=[\w])[ \t]*(?P<unit>(?i:months?|mths?|weeks?|wks?))\b"
        r"(?![ \t]*(?i:pregnant|gone|late|early|behind|overdue|post|into|ago|in\b|on\b|of\b|at\b|"
        r"for\b|since|sober|clean|waiting|wait|later|after|before|away|off|long|-|jabs?\b|"
        r"checks?\b|check-up|appointments?\b|reviews?\b|scans?\b|injections?\b|"
        r"vaccinations?\b|immunisations?\b))"
    )
)
NUMBER_BEFORE = re.compile(rf"(?<![\w'’-]){N}[ \t]*$", I)
# The unit is sought first, then the number and the subject read back from it (a pattern
# opening on the subject or the number would be tried at every word).
CHILD_SUBJECT_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<who>[A-Za-z]+)(?:[ \t]+(?:is|are|was|were)|['’]s)|"
    r"(?<![A-Za-z])(?P<lone>hes|shes))[ \t]+(?:(?:now|only|just|nearly|almost)[ \t]+)?$",
    I,
)
CHILD_SUBJECTS = frozenset(
    """he she they it baby babies daughter son twins boy girl one child toddler grandson
    granddaughter youngest eldest niece nephew hes shes""".split()
)


def child_ages_now(text: str) -> Iterator[Finding]:
    """ "Bluma is now five months", "They are 14 months now" (round 62)."""
    for u in CHILD_NOW_UNIT.finditer(text):
        m = NUMBER_BEFORE.search(text, max(0, u.start() - 30), u.start())
        if m is None:
            continue
        before = CHILD_SUBJECT_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        who = before.group("who") or before.group("lone")
        if who.lower() not in CHILD_SUBJECTS and not _a_childs_name(who):
            continue  # "the wait is 18 months", "Appointment was 3 months": no child
        if who.lower() in ("it", "they") and not _child_near(text, m.start()):
            continue  # "it is 6 weeks": a wait, unless a child was just named
        n = as_int(m.group("n"))
        if n is not None and 1 <= n <= 36:
            yield Finding(m.start("n"), u.end("unit"), "AGE", 0.75, "age_cue")


def _a_childs_name(word: str) -> bool:
    """A capitalised word that is a name, not a word or a place ("Bluma", "Winnie"; not
    "Wait", "That" or "London")."""
    if not (word[0].isupper() and word[1:].islower()):
        return False
    gaz = gazetteer()
    low = word.lower()
    if low in gaz.places:
        return False
    return low in gaz.first_names or low not in gaz.common_words


CHILD_WORDS = re.compile(r"(?i)\b(?:baby|babies|twins|daughter|son|little\s+one|toddler|child)\b")


def _child_near(text: str, start: int) -> bool:
    return CHILD_WORDS.search(text, max(0, start - 120), start) is not None


# "I'm seventy... seventy-six", "he's 86 - 87 in May", "she's 90, no, 91": a speaker corrects
# or adds to an age.
AGE_CORRECTED = re.compile(
    rf"\s*(?:\.{{2,}}|…|—|–|-|,?\s*(?:no|sorry|i\s+mean|or)\s*[,.…—–-]?)\s*{N}\b{AGE_UNIT_AFTER}",
    I,
)


# Round 69: the other ages of a list after "aged" or "ages" ("three children, who are aged 9,
# 6 and 18 months", "two children aged 7 and 4", "(ages 2 and 8)"; v74, v84, v89): the first
# is found above, the rest were not. Figures only, each a child's or an adult's age (a baby's
# keeps its unit), joined by commas or "and"; not a time, a measure or a count after it.
AGED_LIST_START = gated(re.compile(r"\b(?:aged|ages)[ \t]+(?P<n>\d{1,3})\b", I))
LIST_AGE_NEXT = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?P<n>\d{1,3})"
    r"(?P<unit>[ \t]*(?:months?|mths?|weeks?|wks?))?\b"
    r"(?![ \t]*(?:%|am\b|pm\b|years?[ \t]+ago|minutes?|mins?|hours?|hrs?|days?|miles?|times?|"
    r"people|patients|[.:/]\d))",
    I,
)


def listed_ages(text: str) -> Iterator[Finding]:
    """The second and later ages of "aged 9, 6 and 18 months" (round 69)."""
    for start in AGED_LIST_START.finditer(text):
        at = start.end()
        while (m := LIST_AGE_NEXT.match(text, at)) is not None:
            if not 0 < int(m["n"]) <= 115:
                break
            end = m.end("unit") if m["unit"] else m.end("n")
            yield Finding(m.start("n"), end, "AGE", 0.8, "age_cue")
            at = m.end()


def ages(text: str) -> Iterator[Finding]:
    yield from child_ages_now(text)
    yield from listed_ages(text)
    for m in AGE_TO_COME_WITH_WHEN.finditer(text):
        n = as_int(m.group("n"))
        if n is not None and 1 < n <= 115:
            yield Finding(m.start("n"), m.end("n"), "AGE", 0.8, "age_cue")
    patterns = (*AGES, BABY_AGE) if BABY_AGE_HINT.search(text) else AGES
    for pattern in (*patterns, BABY_IN_A_LIST):
        for m in pattern.finditer(text):
            n = as_int(m.group("n"))
            in_words = not m.group("n").isdigit()
            if n is not None and 1 <= n <= 115 and not (in_words and n == 1):
                # A baby's age keeps its unit: "20 months" says more than "20".
                unit = BABY_UNIT.match(text, m.end("n"))
                end = unit.end() if unit else m.end("n")
                yield Finding(m.start("n"), end, "AGE", 0.85, "age_cue")
                again = AGE_CORRECTED.match(text, m.end("n"), min(len(text), m.end("n") + 40))
                if again and (as_int(again.group("n")) or 0) > 0:
                    yield Finding(again.start("n"), again.end("n"), "AGE", 0.8, "age_cue")


def age_band(age: int) -> str:
    if age < 18:
        return "under 18"
    if age >= 90:
        return "90+"
    low = age // 10 * 10
    return f"{low}-{low + 9}"
