"""Identifiers given as answers: to a form's field, a call handler's question, a contact block.

Kinds met in stories written by people who never saw this code (issue 20, fifth round). What
they share is that the words around them are a question or a label, not a sentence, so neither
the name cues nor the NER see them:

- run-on form fields typed on a phone: "name - aled rees age - 19 area - rhyl", "Enw / Name:
  Gwenllian Mair Owen" (a bilingual label), "Where do you live? Pensby";
- ages said the Welsh way ("yn 7 oed", "9 mlwydd oed"), listed for children ("the kids (8, 5
  and 1)"), or exclaimed after "at" ("in A&E all night at 84!");
- a call transcript's answer to "your name?", "your postcode?", "date of birth?" or "the number?",
  which may be read out in words or letters ("Ess Kay one-four, three Dee Jay", "the ninth of
  May, nineteen forty-eight", "six two one, four four oh ...");
- a name on its own line just above or beside the phone number that closes a message, a
  lone initial on the last line ("M."), and a bullet's subject as an initial ("- R says");
- telegraphic notes where an age follows a relation and a name ("son Tomasz 9 – asthma");
- a name's own script in brackets after it: "Nguyen Thi Lan (阮氏兰)", "Olena (Олена)";
- a name before who they are in brackets ("bea (his daughter)"), a name typed in lower case
  after a relation ("my nan edna"), and one ending the message ("can u help dave").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, gazetteer
from nlp.identifiers.core.number_words import NUMBER
from nlp.identifiers.core.prefilter import gated

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable

FIELD_LABELS = (
    r"(?:name|age|postcode|post\s+code|area|town|address|tel|phone|mobile|email|e-mail|dob|"
    r"where|what|when|story|comment|tell\s+us|contact|gp|school|location)"
)
# "age - 22", "Age: 31", "age – 7": a field's value even where "age" alone would be too loose.
AGE_FIELD = re.compile(r"\b(?:age|oed)\s*(?:/\s*age\s*)?[-:–=]\s*(?P<age>\d{1,3})(?![\w.:/])", I)
AGE_FIELD = gated(AGE_FIELD)
# "name - callum reid age - 22", "name jas kaur postcode ...": a name between two field labels.
NAME_FIELD_LOWER = re.compile(
    rf"(?:^|(?<=[\n.]))\s*name\s*[-:–]?\s+(?P<name>[a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+){{0,2}})"
    rf"\s*[-,]?\s+(?={FIELD_LABELS}\b)",
)
NAME_FIELD_LOWER = gated(NAME_FIELD_LOWER)
# "Enw / Name: Sioned", "Enw: Gwion", "Ainm / Name – Ciarán Ó Dálaigh": a Welsh or Irish label
# (with or without its English) before the name; "Oed: 8" is the Welsh form's age.
BILINGUAL_NAME = re.compile(
    r"\b(?:Enw|ENW|Ainm|AINM)\s*(?:/\s*(?:Name|NAME)\s*)?[:–-]\s*"
    r"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|ap|ab|verch|Ó|Ní|Mac|Nic)){0,3})"
)
BILINGUAL_NAME = gated(BILINGUAL_NAME)
NEXT_LABEL = re.compile(r"\s+\S+(?=(?:\s+\w+)?\s*[/:])")
FIELD_WORDS = frozenset("name age postcode tel phone email story comment what when".split())
# "area - dundee", "Where do you live? Hartcliffe", "Town: Pensby": the place the form asks for.
PLACE_FIELD = re.compile(
    r"\b(?:(?:area|town|village)\s*[-:–]|where\s+do\s+you\s+live\s*[-:–?]|"
    r"where\s+you\s+live\s*[-:–])\s*"
    r"(?P<place>[A-Za-z][a-z'’-]+(?-i:(?:[ -][A-Z][a-z'’-]+)?))",
    I,
)
PLACE_FIELD = gated(PLACE_FIELD)
NOT_PLACE = frozenset(
    """the a an my our yes no n/a na none not home here there local near rural urban city
    town village nearby""".split()
)

# Welsh: "yn 8 oed" (is 8 years old), "9 mlwydd oed".
WELSH_AGE = re.compile(r"\b(?:yn\s+)?(?P<age>\d{1,3})\s+(?:mlwydd\s+|mlwydd-)?oed\b", I)
WELSH_AGE = gated(WELSH_AGE)
# "our three children (9, 6 and 2)", "the grandkids, aged 4 and 7": every age in the list.
CHILD_AGES = re.compile(
    r"\b(?:children|kids|sons|daughters|grandchildren|grandkids|boys|girls|twins|triplets|"
    r"little\s+ones)\s*,?\s*(?P<list>\((?:aged?\s+)?\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+\)"
    r"|(?:aged?|are|were|are\s+now)\s+\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+"
    r"(?!\s*(?:hours?|days?|weeks?|months?|years|mins?|minutes?|times|%|mg|ml)\b))",
    I,
)
CHILD_AGES = gated(CHILD_AGES)
# "3 ambulance trips in one day at 77!", "walking again at 91.": an old age said after "at"
# closing a clause; measurements ("sats at 88.") and times are not ages.
AGE_AT_END = re.compile(r"\bat\s+(?P<age>\d{2,3})(?=\s*[!?]|\.(?!\d)|\s*[,;)]\s)")
MEASURE_BEFORE = re.compile(
    r"\b(?:sats?|saturations?|oxygen|o2|bp|pressure|pulse|rate|temp|temperature|score|level|"
    r"sugars?|glucose|hba1c|weight|speed|mph|page|number|no|bus|junction|gate|platform|"
    r"stayed|stuck|capped|set|reading|readings|kept)\b[^.!?\n]{0,25}$",
    I,
)

# A transcript's question, the speaker's label, then the answer up to the end of its sentence.
ASKED = re.compile(
    r"(?P<what>your\s+name|name\s+please|postcode|post\s+code|date\s+of\s+birth|birthday|"
    r"\bdob|(?:nhs|health\s+and\s+care|h&c|chi|hospital)\s+number)[^?\n]{0,30}\?\s*"
    # the answer may be the next turn of a transcript, after its time stamp and speaker
    # ("[09:04] Customer: ", "[00:02:37] INTERPRETER: "; thirty-fifth round)
    r"(?:\[[\d:. ]{3,12}\][ \t]*)?(?:[A-Z][\w ]{0,20}:\s*)?"
    r"(?:(?:it['’]s|it\s+is|yes|yeah|aye|sure|erm|um|uh|that['’]s)"
    r"[,.]?\s+)*(?P<answer>[^.?!\n]{1,60})",
    I,
)
ASKED = gated(ASKED)
SPELT_TOKEN = (
    r"(?:[A-Za-z]|[A-Za-z]{1,4}(?:-[A-Za-z]{1,5})+|"
    rf"{NUMBER}|oh|zero|double\s+\w+|ay|bee|cee|dee|ee|eff|gee|aitch|jay|kay|ell|em|en|pee|"
    r"cue|ar|ess|tee|you|vee|ex|why|zed|zee|\d{1,4}|[A-Z]{1,2}\d{1,2}[A-Z]?|\d[A-Z]{2})"
)
# Tokens are split by a comma, a hyphen or a space (never by nothing, which would let "oh" be
# read as "o" and "h" and the search backtrack), and a read-out answer has at most 16 of them.
SPELT_ANSWER = re.compile(rf"{SPELT_TOKEN}(?:(?:\s*[,-]\s*|\s+){SPELT_TOKEN}){{2,15}}(?![\w-])", I)
SPELT_AGAIN = re.compile(rf"\.\s+(?P<spelt>{SPELT_ANSWER.pattern})(?=\s*[.\n]|\s*$)", I)
ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|twenty[\s-]+(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)|thirtieth|thirty[\s-]+first)"
)
MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
YEAR_WORDS = (
    rf"(?:nineteen|twenty|two\s+thousand)(?:[\s-]+(?:and\s+)?(?:oh[\s-]+)?{NUMBER})?"
    r"|(?:19|20)\d{2}"
)
SPOKEN_DATE = re.compile(
    rf"(?:the\s+)?{ORDINAL}(?:\s+of)?\s+{MONTHS},?\s+(?:{YEAR_WORDS})"
    rf"|{MONTHS}\s+(?:the\s+)?{ORDINAL},?\s+(?:{YEAR_WORDS})",
    I,
)
SPOKEN_DATE = gated(SPOKEN_DATE)
BIRTH_CUE = re.compile(r"\b(?:date\s+of\s+birth|dob|d\.o\.b|born|birthday)\b", I)
BIRTH_CUE = gated(BIRTH_CUE)

# "Tolu\n0121 496 0558", "Gemma Beckett 01438 496 0917" closing a message: the contact block.
NAME_BESIDE_PHONE = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:[ \t]+[A-ZÀ-Ý][a-zà-ÿ'’-]+){0,2})[ \t]*"
    r"(?:[,|–-][ \t]*)?(?:\n[ \t]*|[ \t]+)(?:tel\.?:?\s*|mob\.?:?\s*|t:\s*|m:\s*)?"
    r"(?=(?:\+44\s?|0)\d(?:[ \t-]?\d){8,10}\b)",
)
# Thirty-fifth round: the same contact line typed in lower case ("stephen blofeld – 07700
# 900264"): taken only when its first word is a first name and the surname after it (or the
# name alone) is no everyday word ("call me – 0161 ...", "mum – 07700 ...", "will - 07700 ...",
# "mark urgent - 07700 ..." stay).
NAME_BESIDE_PHONE_LOWER = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})[ \t]*"
    r"(?:[,|–-][ \t]*)?(?:\n[ \t]*|[ \t]+)(?:tel\.?:?\s*|mob\.?:?\s*|t:\s*|m:\s*)?"
    r"(?=(?:\+44\s?|0)\d(?:[ \t-]?\d){8,10}\b)",
)
LONE_INITIAL = re.compile(r"\n[ \t]*\n[ \t]*(?P<initial>[A-HJ-WYZ]\.?)[ \t]*\Z")
# A name's own script, in brackets right after it: Han, Hangul, Cyrillic, Arabic, Devanagari,
# Gurmukhi, Bengali, Greek, Hebrew, Thai.
OWN_SCRIPT = re.compile(
    r"(?<=[A-Za-z])\s*\((?P<name>[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff"
    r"\u0900-\u09ff\u0a00-\u0a7f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
    r"][\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u09ff\u0a00-\u0a7f"
    r"\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\s·]{0,30})\)"
)


NOT_AN_ANSWER = STOP_WORDS | {"sorry", "yes", "no", "oh", "hello", "hi", "thanks", "well"}


# Meeting notes: "- R says she has had no review", "• T cares for his wife": a bullet's subject
# given as one capital (not "I", "A") before a verb of what they said or do.
BULLET_INITIAL = re.compile(
    r"(?:^|\n)[ \t]*[-•*–][ \t]*(?P<initial>[B-HJ-Z])[ \t]+(?=(?:says|said|cares|has|had|is|was|"
    r"lives|reports|reported|told|feels|felt|wants|wanted|asked|explained|described|raised)\b)"
)
# Telegraphic notes: "son Tomasz 9 – asthma", "husband Piotr 41, warehouse injury", "wife
# marguerite 79 coping": a relation, a name (in lower case only if it is a first name and no
# everyday word), then a bare number that is the person's age, before punctuation or a verb
# in -ing that says how they are.
RELATION_NAME_AGE = re.compile(
    r"\b(?i:son|daughter|husband|wife|partner|mum|mother|dad|father|brother|sister|nan|gran|"
    r"grandson|granddaughter|grandad|grandma|baby|child|aunt|uncle|nephew|niece)\s+"
    r"(?P<name>[A-Za-z][a-z'’-]+)\s+(?P<age>\d{1,3})"
    r"(?=\s*[–—,;:)(]|\s+-\s|\s*$|\s+[a-z]{2,}ing\b)"
)
RELATION_NAME_AGE = gated(RELATION_NAME_AGE)


RELATIONS = (
    r"(?:son|daughter|wife|husband|partner|mum|mam|mom|dad|mother|father|brother|sister|nan|"
    r"gran|granny|grandma|grandad|grandson|granddaughter|carer|nephew|niece|aunt|auntie|uncle|"
    r"cousin|neighbour|friend|boy|girl|baby)"
)
# "ally (his son) 07700 ...", "Spoke to Bea (daughter)": a name, then who they are in brackets.
NAME_THEN_RELATION = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Za-z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)\s+\((?:his|her|my|their|our|"
    rf"the|pt['’]s|patient['’]s)?\s*{RELATIONS}\)",
    I,
)
NAME_THEN_RELATION = gated(NAME_THEN_RELATION)
PEOPLE_WORDS = frozenset(
    """man woman lady gentleman gent boy girl person someone somebody patient client caller
    child kid kids baby people family adult lad lass chap fella bloke""".split()
)
# "my gran mary-kate o'neill (88)": a name typed in lower case after who they are; the first
# word must be a listed first name and no everyday word ("my son will ...").
LOWER_NAME_AFTER_RELATION = re.compile(
    rf"\b(?:my|our|his|her)\s+{RELATIONS}\s+(?P<name>[a-z][a-z'’]+(?:-[a-z][a-z'’]+)?"
    r"(?:\s+(?:o['’]|mc|mac)?[a-z][a-z'’]+(?:-[a-z]+)?)?)"
)
LOWER_NAME_AFTER_RELATION = gated(LOWER_NAME_AFTER_RELATION)
# "... can u help tony", "cheers dave": a first name in lower case ending the message.
LOWER_LAST_NAME = re.compile(
    r"(?:\b(?:help|thanks|thank\s+you|cheers|ta|regards|love|from)\s+|[—–]\s*|\s-\s*)"
    r"(?P<name>[a-z][a-z'’-]+)[\s.!x]*\Z"
)
# People in meeting notes and answers, by what the sentence does with them:
# "Ken to write to the board" (an action), "Tom is my best friend there" (an introduction),
# "Alasdair (BSL user) explained ..." (a bracketed description, then what they did), and
# "it's Big Davie here" (a nickname's word before a first name).
ACTION_NAME = re.compile(
    r"(?:^|(?<=[.!?\n•;])|(?<=[.!?]\s)|(?<=\n\s)|(?<=[-•]\s))(?P<name>[A-Z][a-z'’]+)\s+to\s+"
    r"(?:write|chase|contact|follow|ring|call|email|e-mail|send|check|speak|raise|find|look|"
    r"arrange|invite|share|circulate|update|liaise|book|feed\s+back|report|draft|ask)\b"
)
INTRODUCED_NAME = re.compile(
    r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?P<name>[A-Z][a-z'’]+)\s+(?:is|was|has\s+been)\s+"
    r"(?:my|our|his|her|their)\s+(?:best\s+|new\s+|old\s+|main\s+)?(?:friend|carer|key\s?worker|"
    r"support\s+worker|neighbour|mate|buddy|partner|boyfriend|girlfriend|social\s+worker)\b"
)
DESCRIBED_NAME = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z'’]+)\s+\([^()\n]{2,30}\)\s+(?:said|says|explained|told|asked|"
    r"rang|raised|described|shared|reported|consented|agreed|wants|wanted|feels|felt|added)\b"
)
DESCRIBED_NAME = gated(DESCRIBED_NAME)
NICKNAMED = re.compile(r"(?<=[a-z,] )(?:Big|Wee|Young|Auld|Little|Old)\s+(?P<name>[A-Z][a-z]+)\b")
NICKNAMED = gated(NICKNAMED)


DIGIT = re.compile(r"\d")
TAIL = 80  # the last characters, where a sign-off is
ACTION_GATE = re.compile(
    r"\bto\s+(?:write|chase|contact|follow|ring|call|e-?mail|send|check|speak|raise|find|look|"
    r"arrange|invite|share|circulate|update|liaise|book|feed\s+back|report|draft|ask)\b"
)
INTRODUCED_GATE = re.compile(r"\b(?:is|was|been)\s+(?:my|our|his|her|their)\s")


def _everyday_role(word: str) -> bool:
    return word in DOMAIN_WORDS or word in ROLE_CUES or word in PEOPLE_WORDS


def _everyday(words: list[str]) -> bool:
    gaz = gazetteer()
    return any(w in DOMAIN_WORDS or w in ROLE_CUES for w in words) or all(
        w in gaz.common_words and w not in gaz.first_names for w in words
    )


def _ages(text: str) -> Iterator[Finding]:
    for pattern in (AGE_FIELD, WELSH_AGE):
        for m in pattern.finditer(text):
            if 0 < int(m.group("age")) <= 115:
                yield Finding(m.start("age"), m.end("age"), "AGE", 0.8, "form_age")
    for m in CHILD_AGES.finditer(text) if DIGIT.search(text) else ():
        for d in re.finditer(r"\d{1,2}", m.group("list")):
            start = m.start("list") + d.start()
            yield Finding(start, start + len(d.group()), "AGE", 0.8, "form_age")
    gaz = gazetteer()
    for m in RELATION_NAME_AGE.finditer(text):
        name = m.group("name")
        if name.islower() and (name in gaz.common_words and name not in gaz.first_names):
            continue  # "son got 9 stitches"
        if 0 < int(m.group("age")) <= 110:
            yield Finding(m.start("age"), m.end("age"), "AGE", 0.75, "form_age")
    for m in AGE_AT_END.finditer(text):
        age = int(m.group("age"))
        if 50 <= age <= 110 and not MEASURE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield Finding(m.start("age"), m.end("age"), "AGE", 0.7, "form_age")


def _fields(text: str) -> Iterator[Finding]:
    for m in NAME_FIELD_LOWER.finditer(text):
        if not _everyday(m.group("name").lower().split()):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "form_name")
    for m in BILINGUAL_NAME.finditer(text):
        end = m.end("name")
        label = NEXT_LABEL.search(text[m.start("name") : m.end("name") + 24])
        if (
            label and m.start("name") + label.start() < end
        ):  # "Sioned Haf Parry Cod post / Postcode": the next bilingual label
            end = m.start("name") + label.start()
        if end > m.start("name"):
            yield Finding(m.start("name"), end, "PERSON", 0.85, "form_name")
    places = gazetteer().places
    common = gazetteer().common_words
    for m in PLACE_FIELD.finditer(text):
        place = m.group("place")
        end = m.end("place")
        if " " in place and place.split()[-1].lower() in common:
            place = place.rsplit(" ", 1)[0]  # "Pensby Tell us:": the next field's label
            end = m.start("place") + len(place)
        low = place.lower()
        if low.split()[0] in NOT_PLACE or low in FIELD_WORDS or low.split()[0] in STOP_WORDS:
            continue
        if place[:1].isupper() or low in places or low not in common:
            yield Finding(m.start("place"), end, "LOCATION", 0.75, "form_place")


def _answers(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in ASKED.finditer(text) if "?" in text else ():
        what = m.group("what").lower()
        answer = m.group("answer")
        start = m.start("answer")
        if "name" in what:
            name = re.match(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}", answer)
            words = name.group().lower().split() if name else []
            if words and not any(w in NOT_AN_ANSWER or w in DOMAIN_WORDS for w in words):
                if words[0] in gaz.common_words and not gaz.is_name_part(words[0]):
                    continue  # "Use it.", "Call me anything": a word, no name (round 31)
                yield Finding(start, start + name.end(), "PERSON", 0.8, "asked_answer")
            continue
        if "birth" in what or what == "dob":
            date = SPOKEN_DATE.match(answer)
            if date:
                yield Finding(start, start + date.end(), "DATE_OF_BIRTH", 0.85, "asked_answer")
            continue
        label = "POSTCODE" if "post" in what else "OTHER_ID"
        spelt = SPELT_ANSWER.match(answer)
        if spelt and len(spelt.group()) >= 6:
            yield Finding(start, start + spelt.end(), label, 0.8, "asked_answer")
        # "GL14 2AX. Gee-ell-one-four ...": the same answer spelt out in the next sentence.
        again = SPELT_AGAIN.match(text, m.end("answer"), m.end("answer") + 90)
        if again and len(again.group("spelt")) >= 6:
            yield Finding(again.start("spelt"), again.end("spelt"), label, 0.8, "asked_answer")
    for m in SPOKEN_DATE.finditer(text) if BIRTH_CUE.search(text) else ():
        if any(c.isdigit() for c in m.group()):
            continue  # dates in digits are dates_of_birth's, with its own cues
        if BIRTH_CUE.search(text, max(0, m.start() - 50), m.start()):
            yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", 0.8, "spoken_date")


def _contact_blocks(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in NAME_BESIDE_PHONE.finditer(text) if DIGIT.search(text) else ():
        words = m.group("name").lower().split()
        dictionary = all(w in gaz.english_words and w not in gaz.first_names for w in words)
        if not _everyday(words) and not dictionary:  # "Helpline\n0800 ..." is no name
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "contact_block")
    for m in NAME_BESIDE_PHONE_LOWER.finditer(text) if DIGIT.search(text) else ():
        words = m.group("name").lower().replace("’", "'").split()
        rest = words[1:] or words  # a surname after the first name, or the first name alone
        if words[0] in gaz.first_names and not any(w in gaz.common_words for w in rest):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "contact_block")
    tail = max(0, len(text) - TAIL)
    for m in LONE_INITIAL.finditer(text, tail):
        yield Finding(m.start("initial"), m.end("initial"), "PERSON", 0.7, "sign_off")
    gaz_first = gaz.first_names
    common = gaz.common_words
    for m in NAME_THEN_RELATION.finditer(text) if "(" in text else ():
        name = m.group("name")
        words = name.lower().split()
        # The bracketed relation is the cue: the word before it is a name unless it is a
        # function word or a word for a person ("the man (her son)").
        if not any(w in STOP_WORDS or w in PEOPLE_WORDS for w in words) and not any(
            w in DOMAIN_WORDS or w in ROLE_CUES for w in words
        ):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "name_relation")
    for m in LOWER_NAME_AFTER_RELATION.finditer(text):
        words = m.group("name").split()
        parts = words[0].split("-")
        # A double name ("mary-kate") is a name even when each part is an everyday word.
        if all(p in gaz_first and (len(parts) > 1 or p not in common) for p in parts):
            second = words[1] if len(words) > 1 else ""
            # "leanne leanne dot …": a name said twice is no surname (thirty-third round)
            surname = (
                second and second != words[0] and second not in common and gaz.is_name_part(second)
            )
            keep = m.group("name") if surname or not second else words[0]  # not "beryl shes"
            start = m.start("name")
            yield Finding(start, start + len(keep), "PERSON", 0.7, "name_relation")
    for m in LOWER_LAST_NAME.finditer(text, tail):
        name = m.group("name")
        if name in gaz_first and name not in STOP_WORDS and not _everyday_role(name):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "sign_off")
    for pattern, gate in ((ACTION_NAME, ACTION_GATE), (INTRODUCED_NAME, INTRODUCED_GATE)):
        for m in pattern.finditer(text) if gate.search(text) else ():
            name = m.group("name").lower()
            if name in gaz_first and not _everyday_role(name):
                yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "name_in_notes")
    for m in DESCRIBED_NAME.finditer(text) if "(" in text else ():
        name = m.group("name").lower()
        if (name in gaz_first or name not in common) and not _everyday_role(name):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "name_in_notes")
    for m in NICKNAMED.finditer(text):
        name = m.group("name").lower()
        if name in gaz_first or name not in common:
            yield Finding(m.start(), m.end(), "PERSON", 0.75, "nickname")
    for m in BULLET_INITIAL.finditer(text):
        yield Finding(m.start("initial"), m.end("initial"), "PERSON", 0.7, "bullet_initial")
    for m in OWN_SCRIPT.finditer(text) if "(" in text else ():
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "own_script")


def form_answers(text: str) -> Iterator[Finding]:
    yield from _ages(text)
    yield from _fields(text)
    yield from _answers(text)
    yield from _contact_blocks(text)
