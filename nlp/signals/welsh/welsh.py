"""Risk signals in Welsh: the explicit phrasings, and a test of whether a sentence is Welsh.

The English model reads Welsh as noise (it used to fire on the pronoun "i"), so sentences that
read as Welsh are kept from it and read by these rules instead. The rules cover explicit
statements only ("dw i eisiau marw", "mae e'n fy nharo i", "dw i ddim yn teimlo'n ddiogel"),
with the usual mutations (lladd/ladd, taro/nharo, cam-drin/gam-drin/ngham-drin). A Welsh
sentence with a risk word that no rule explains ("marw", "perygl", "tabledi") is kept as
*possible*: the teller is shown the support section and the worker's result says which word,
so a Welsh speaker can read the story. They were written without a Welsh speaker and need one
to review them (docs/safeguarding.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.signals.core import context as signal_context
from nlp.signals.look_alikes.held_back import IN_JEST

# Words that are common in Welsh and (almost) never English words: two of them, making up a
# fifth of a sentence's words, mark it as Welsh. "i", "a", "o", "am", "hi" are left out
# because English has them too.
WELSH_WORDS = frozenset(
    "yn yr mae roedd oedd dw dwi rydw rwy rwyf wedi ddim fy eu gyda efo ydy yw bod hefyd iawn "
    "diolch ond achos oherwydd gan mewn fe fo ein eich nhw chi ei y ydw oes does dydw dydy "
    "sydd cael gael mynd eisiau isio gallu fawr gyd hyn hwn hon yma yna nid na nag ni mewn "
    "ar ôl ac roeddwn roedden doedd dim wnaeth wnes gwneud meddyg ysbyty nyrs plant mam nain "
    "taid gŵr gwraig fi ti dy hun hunan teimlo'n teimlo bob amser".split()
)
WORD = re.compile(r"[\w'’-]+")

# Words before a phrase that make it the name of a service ("tîm hunan-niwed", "y
# gwasanaeth cam-drin domestig"): Welsh puts the noun first.
SERVICE_BEFORE = frozenset(
    "tîm tim gwasanaeth gwasanaethau llinell uned elusen canolfan gweithiwr gweithwyr "
    "swyddog hyfforddiant cwrs polisi taflen atal ymwybyddiaeth".split()
)
NEGATION_BEFORE = frozenset("dim ddim heb nid nad na nac erioed".split())
# Round 18: "asked" in English in a mixed sentence ("The nurse asked os oedd gen i ...").
ASKED = frozenset(
    "gofynnodd gofyn gofynnwyd holodd asked asks ofyn ofynnodd ofynnwyd holi".split()
)  # round 20: the soft-mutated forms after "nath hi" ("nath y fferyllydd ofyn")
# "Roedd hi eisiau marw adref" (she wanted to die at home), with hospice or palliative care
# named: a wish about the end of life, as in English.
# Round 18: the northern and spoken "adra", "adre", "gatre", and a DNACPR ("peidio â cheisio
# dadebru") or cancer named beside the wish.
END_OF_LIFE = frozenset(
    "adref gartref adra adre gatre hosbis lliniarol heddychlon dawel triniaeth dadebru "
    "canser".split()
)
# Round 18: figures about a risk, not a person at risk ("ffigyrau hunanladdiad ymysg dynion").
TOPIC_BEFORE = frozenset(
    "ffigyrau ffigurau cyfraddau cyfradd ystadegau nifer niferoedd data ymchwil".split()
)
MEDIA = frozenset("drama ddrama ffilm rhaglen raglen llyfr lyfr nofel stori cyfres gyfres".split())
CHARACTER = frozenset("cymeriad gymeriad chymeriad nghymeriad cymeriadau gymeriadau".split())


@dataclass(frozen=True)
class WelshRule:
    signal: str
    number: int
    pattern: re.Pattern
    carries_negation: bool = False


def _rules(signal: str, *patterns: str | tuple[str, bool]) -> list[WelshRule]:
    out = []
    for number, spec in enumerate(patterns, start=1):
        text, negated = (spec, False) if isinstance(spec, str) else spec
        out.append(WelshRule(signal, number, re.compile(rf"\b(?:{text})\b"), negated))
    return out


HARM_ME = (
    r"(?:fy|ein) (?:nharo|taro|mrifo|brifo|nghuro|curo|ngham-?drin|cham-?drin|nghicio|cicio"
    r"|nhagu|tagu|mwrw|bwrw|ngwthio|gwthio)"
)
PARTNER = (
    r"(?:gŵr|gwr|ngŵr|ngwr|wraig|gwraig|partner|mhartner|bartner|cariad|nghariad|cyn-?bartner"
    r"|cyn-?ŵr)"
)
PARENT = r"(?:tad|dad|nhad|mam|fam|llystad|lys-?dad|llysfam|ewythr|yncl)"

RULES: list[WelshRule] = [
    *_rules(
        "suicide_self_harm",
        r"(?:eisiau|isio|moyn|eisie) (?:marw|farw)",
        r"(?:l?ladd|ngladd) (?:fy|ei|eu|dy) hun(?:an)?",
        r"hunan-?laddiad|hunanladdol|hunan-?ladd",
        r"hunan-?niw(?:ed|eid)(?:io)?|hunan-?anafu",
        r"(?:n?niweidio|anafu|brifo|frifo|torri|dorri|llosgi|losgi) (?:fy|ei|eu) hun(?:an)?",
        (r"(?:dim|does dim) (?:pwynt|rheswm) (?:i )?(?:byw|fyw|mynd ymlaen|cario ymlaen)", True),
        (r"ddim (?:eisiau|isio|moyn) (?:byw|bod yma|bod yn fyw|deffro)", True),
        r"well (?:eu byd |ei byd )?hebdd(?:a|o) ?i",
        r"gorddos",
        r"(?:diweddu|diwedd ar|cymryd) (?:fy|ei) (?:mywyd|bywyd|fywyd)",
        r"(?:cymryd|cymerais|cymres|llyncu|llyncais) (?:fy |yr )?(?:holl |i gyd )?"
        r"(?:dabledi|tabledi|pils)(?: i gyd)?",
        # Plain words (issue 19): "I'd like to die", "I'd rather be dead", "I don't see the
        # point in going on", "ending it all", "taken too many / a handful of tablets".
        r"(?:hoffwn|hoffen|licien|liciwn|baswn i'n hoffi) (?:i )?(?:farw|marw)",
        r"well (?:gen|gyda|gda) (?:i|fi) (?:fod yn farw|fod wedi marw|farw|marw)",
        (
            r"(?:ddim yn|dim yn) (?:gweld|weld) (?:unrhyw |dim )?(?:pwynt|bwynt|rheswm)"
            r" (?:mewn |i )?(?:byw|fyw|mynd ymlaen|cario ymlaen|bod yma)",
            True,
        ),
        r"d?dod â'?r cyfan i ben|rhoi diwedd ar (?:y cyfan|bopeth|bethau|fy mywyd)",
        r"(?:cymryd|gymryd|nghymryd|cymerais|gymerais|cymres|gymres|llyncu|lyncu|llyncais"
        r"|lyncais) (?:gormod|llond llaw|llwyth|pecyn cyfan|pob un)"
        r" o (?:dabledi|tabledi|bils|pils|barasetamol|paracetamol|foddion|meddyginiaeth)",
        # Second round (issue 19, precision): means kept by the teller, "not worth living",
        # "better for everyone without me", ending one's own life, cutting told as ongoing.
        r"(?:edrych ar|gen i|ganddo|ganddi|gyda fi|efo fi|wedi prynu|prynais|prynu) (?:y |fy |ei"
        r" |'r )?(?:rhaff|raff)",
        (r"(?:ddim|nad|dim)\b.{0,25}\b(?:werth|gwerth) (?:byw|fyw)", True),
        r"(?:well|gwell) (?:off |i bawb |i bawb os |fyddai pawb )?(?:hebdda i|hebddo i|heb(?: fi|"
        r"dda i)|os (?:dw i|dwi|ydw i)'?n mynd|os (?:dw i|dwi) wedi mynd)",
        r"(?:d?dod â|rhoi diwedd ar|gorffen) ?'?(?:fy|ei|i|m) ?(?:mywyd|fywyd|bywyd)",
        r"meddwl am (?:farw|marw|neidio|ladd fy hun|ladd ei hun|eu cymryd|orffen y cyfan)",
        r"neidio (?:oddi ar|o'r|oddi ar y|o flaen) (?:y |'r )?(?:bont|pont|to|clogwyn|adeilad|trên"
        r"|tren)",
        r"wedi bod yn (?:cadw|casglu|hel) (?:fy |ei |y )?(?:nhabledi|tabledi|dabledi|pils|bils)",
        r"(?:cymryd|llyncu) y (?:tabledi|pils|moddion) i gyd",
        r"(?:bod yn|yn|'n) (?:torri|llosgi) (?:ei|fy|eu) (?:breichiau|freichiau|mreichiau|coesau"
        r"|goesau|nghoesau|choesau|arddyrnau|garddyrnau|ngarddyrnau|harddyrnau|hun)",
        # Round 16 (issue 19, precise Welsh phrasings from v21's misses by kind): "better off
        # dead" said with "byd" ("well ei fyd yn farw"); the tablets all taken with the soft
        # mutation after "am" ("am gymryd y tabledi i gyd"); cutting told with the clitic and
        # the spoken plural ("yn torri'i breichia").
        r"(?:well|gwell) (?:fy myd|ei fyd|ei byd|eu byd|dy fyd) (?:yn farw|wedi marw)",
        r"(?:gymryd|nghymryd|lyncu) y (?:tabledi|pils|moddion) i gyd",
        r"(?:yn|'n|’n) (?:torri|llosgi)(?:'i|’i| ei| fy| eu) (?:breichiau|breichia|freichiau"
        r"|freichia|mreichia|coesau|coesa|goesau|goesa|arddyrnau|arddyrna|garddyrnau|garddyrna)",
        # Round 20: a burden "much longer" ("fydda i ddim yn broblem i neb am lawer hirach").
        r"(?:ddim|dim) yn (?:broblem|faich|baich|niwsans|drafferth) i (?:neb|unrhyw un|chi|bawb"
        r"|chdi|ti)\b.{0,30}\bhirach",
    ),
    *_rules(
        "immediate_danger",
        (r"(?:ddim|dim) yn (?:teimlo'?n |teimlo yn )?ddiogel", True),
        r"mewn perygl(?! o)",
        r"(?:mynd i|am|bygwth|wedi bygwth) (?:fy |ein |ei )?(?:lladd|ladd)",
        r"(?:ganddo|ganddi|efo|gyda|gydag) (?:hi |fe |fo )?(?:gyllell|cyllell|chyllell|arf|dryll"
        r"|gwn)",
        r"(?:tu allan|wrth y drws) (?:nawr|rŵan|rwan|heno)",
        r"wedi (?:cymryd|llyncu) (?:fy |yr )?holl (?:dabledi|tabledi)",
        # Second round: a threat to kill said as what he will do, a body in trouble now, someone
        # trying to get in now, a fire, 999 being rung, someone on the floor not answering.
        r"wedi (?:cymryd|llyncu) y (?:tabledi|pils) i gyd",
        r"mae tân|ar dân",
        r"(?:dw i'n|dwi'n|rydw i'n|wedi) ffonio (?:999|ambiwlans)",
        r"(?:cwympo|ar lawr|ar y llawr)\b.{0,60}\b(?:ddim yn ateb|ddim yn symud|methu codi)",
        r"(?:bydd|fydd|wnaiff|neith|wneith|geith) (?:o|e|hi|fe|fo)'?n? (?:fy|ein|ei)"
        r" (?:lladd|ladd)",
        (r"(?:ddim|dim|methu|wedi stopio) (?:yn )?anadlu", True),
        r"(?:trio|trïo|ceisio|cicio|torri)\b.{0,30}\b(?:drws|ffenest|ffenestr)\b.{0,30}"
        r"\b(?:rŵan|rwan|nawr|heno)",
        # Round 16: someone on the floor since last night or all night, and someone with
        # dementia gone missing ("wedi mynd ar goll").
        r"(?:ar lawr|ar y llawr) (?:ers|drwy'r nos|trwy'r nos|drwy’r nos|trwy’r nos)",
        r"(?:wedi mynd|aeth) ar goll\b.{0,150}\b(?:dementia|ddementia)"
        r"|(?:dementia|ddementia)\b.{0,150}\b(?:wedi mynd|aeth) ar goll",
    ),
    *_rules(
        "domestic_abuse",
        r"(?:cam-?drin|gam-?drin|trais) domestig",
        r"rheolaeth (?:drwy|trwy) orfodaeth|ymddygiad (?:rheolaethol|gorfodol)",
        rf"{PARTNER}\b.{{0,40}}\b{HARM_ME}",
        rf"ofn (?:ar )?(?:fy )?{PARTNER}",
        rf"{PARTNER}\b.{{0,40}}\bddim yn (?:fy )?(?:ngadael|gadael) i",
        rf"mae (?:e|o|fe|fo|hi)'?n {HARM_ME}",
        rf"{PARTNER}\b.{{0,30}}\b(?:rheoli|reoli) (?:fy |ein )?(?:arian|ffôn|ffon|mywyd|bopeth"
        r"|popeth)",
        # Round 20: a partner's threat to kill told by someone else ("ei gŵr wedi bygwth ei
        # lladd hi"), and a threat of suicide to stop her leaving ("lladd ei hun os dwi'n
        # gadael").
        rf"{PARTNER}\b.{{0,30}}\b(?:wedi )?(?:bygwth|fygwth) (?:ei|fy|ein) (?:lladd|ladd|brifo"
        r"|frifo)",
        r"(?:lladd|ladd|brifo|frifo) ei hun(?:an)? os (?:dwi'n|dw i'n|wyt ti'n|ti'n|mae hi'n"
        r"|ydw i'n|a i|aiff hi|eith hi) (?:gadael|mynd|madael)",
    ),
    *_rules(
        "child_abuse_neglect",
        r"(?:cam-?drin|gam-?drin|esgeuluso|esgeulustod) plant",
        rf"{PARENT}\b.{{0,40}}\b{HARM_ME}",
        r"(?:plant|babi|mhlant|blant)\b.{0,30}\b(?:ar eu pennau eu hunain|ar eu pen eu hunain"
        r"|heb fwyd|llwgu|newynu)",
    ),
    *_rules(
        "adult_abuse_neglect",
        r"cam-?drin|gam-?drin|ngham-?drin|cham-?drin|camdriniaeth",
        r"esgeulus(?:o|tod|wyd)?",
        r"(?:gofalwr|gofalwyr|gofalwraig|staff)\b.{0,30}\b(?:taro|gweiddi|dwyn|gwthio)",
        # Round 20: bruises no one explains, told by a relative ("cleisiau ... doedd neb yn
        # gwybod sut").
        r"(?:cleisiau|gleisiau|chleisiau|clais|glais|chlais)\b.{0,120}\b(?:neb yn gwybod"
        r"|neb yn gallu esbonio|heb esboniad|dim byd yn y llyfr)",
    ),
    *_rules(
        "complaint",
        r"(?:gwneud|cyflwyno|codi|gwneud) cwyn",
        r"(?:eisiau|isio|moyn) cwyno",
        r"sut (?:mae |ydw i'n |dw i'n )?(?:i )?(?:gwyno|cwyno)",
        r"ombwdsmon",
    ),
]

# Risk words no rule explained: the story is shown support and a Welsh speaker should read it.
CUES: dict[str, str] = {
    "marw": "suicide_self_harm", "farw": "suicide_self_harm", "lladd": "immediate_danger",
    "ladd": "immediate_danger", "perygl": "immediate_danger", "diogel": "immediate_danger",
    "ddiogel": "immediate_danger", "cyllell": "immediate_danger", "bygwth": "immediate_danger",
    "tabledi": "suicide_self_harm", "dabledi": "suicide_self_harm", "nharo": "domestic_abuse",
    "taro": "domestic_abuse", "brifo": "domestic_abuse", "mrifo": "domestic_abuse",
    "ofn": "domestic_abuse", "heddlu": "immediate_danger", "esgeulus": "adult_abuse_neglect",
    "cwyn": "complaint", "cwyno": "complaint", "gwyno": "complaint",
}  # fmt: skip


# Words common in English and not Welsh: an English clause inside a Welsh sentence has some.
ENGLISH_WORDS = frozenset(
    "the and i my me was were is are have has had been about for of on to it he she they we "
    "his her this that with at last night thinking think going got just because but".split()
)
CLAUSE = re.compile(r"[^,;:.!?]+")


def english_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the English clauses in a sentence that reads as Welsh, for a teller who
    switches language mid-sentence ("dwi ddim yn cysgu, and last night I stood on the
    bridge"): the English model reads these, the Welsh rules the rest."""
    found = []
    for start, end in _runs(text):
        words = [w.lower().strip("'’") for w in WORD.findall(text[start:end])]
        english = sum(w in ENGLISH_WORDS for w in words)
        if len(words) >= 4 and english >= 2 and not is_welsh(text[start:end]):
            found.append((start, end))
    return found


def _runs(text: str) -> list[tuple[int, int]]:
    """The clauses of `text` (split at punctuation), each split again at its Welsh words and
    clitics: a teller switches language without a comma as often as with one ("Un o'r plant
    said her dad's friend touches her mewn ffordd sy'n ..."), and the English run between the
    Welsh words is what the English model can read."""
    runs = []
    for clause in CLAUSE.finditer(text):
        start: int | None = None
        last = clause.start()
        for word in WORD.finditer(clause.group(0)):
            at = clause.start() + word.start()
            if _welsh_hits(word.group(0).lower().strip("'’")):
                if start is not None:
                    runs.append((start, last))
                start = None
                continue
            start = at if start is None else start
            last = clause.start() + word.end()
        if start is not None:
            runs.append((start, last))
    return runs


# Welsh joins a pronoun or the article to the word before it with an apostrophe ("i'n",
# "o'n", "mae'n", "drwy'r", "wedi'i", "wedi'u", "i'w"); English's own endings are 's, 't, 'll, 're,
# 've, 'd and 'm, so a word ending in one of these is a Welsh word, and its stem is read too
# ("wedi'i" is "wedi" and "i"). Without them a Welsh sentence of clitics and content words
# ("Dw i'n dymuno cyflwyno cwyn drwy'r drefn") read as English, and the English model, which
# reads Welsh as noise, raised risk to life and abuse on it.
_CLITIC = re.compile(r"^(\w+)['’](?:n|r|i|u|w)$")


def _welsh_hits(word: str) -> int:
    clitic = _CLITIC.match(word)
    if clitic:
        return 1 + (clitic.group(1) in WELSH_WORDS)
    return int(word in WELSH_WORDS)


def is_welsh(text: str) -> bool:
    """Whether a sentence reads as Welsh (two or more Welsh-only words or clitics, a fifth of
    all its words)."""
    words = [w.lower().strip("'’") for w in WORD.findall(text)]
    hits = sum(_welsh_hits(w) for w in words)
    return hits >= 2 and hits * 5 >= len(words)


@dataclass(frozen=True)
class WelshHit:
    signal: str
    label: str
    phrase: str
    start: int
    end: int
    held_back: str | None


def hits(text: str) -> list[WelshHit]:
    """Every Welsh rule that matched `text` (lower case), with why it is held back if it is."""
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            found.append(
                WelshHit(
                    rule.signal,
                    f"cy:{rule.signal}#{rule.number}",
                    match.group(0),
                    match.start(),
                    match.end(),
                    _held_back(text, match.start(), match.end(), rule),
                )
            )
    return found


def _held_back(text: str, start: int, end: int, rule: WelshRule) -> str | None:
    before = [w.lower() for w in WORD.findall(text[max(0, start - 40) : start])][-3:]
    if before and before[-1] in SERVICE_BEFORE:
        return f'names a service ("{before[-1]}")'
    # Round 16: what a programme or a book was about ("drama ar S4C am hunanladdiad").
    if (
        before
        and before[-1] == "am"
        and MEDIA & {w.lower() for w in WORD.findall(text[max(0, start - 60) : start])}
    ):
        return "what a film, book or programme was about"
    # Round 22: a story's character does it ("mae'r prif gymeriad yn lladd ei hun ar y diwedd").
    if CHARACTER & {w.lower() for w in WORD.findall(text[max(0, start - 40) : start])}:
        return "what a film, book or programme was about"
    # Round 19: a story or an essay about someone who does it ("stori i'r Eisteddfod am ferch
    # sy'n hunan-niweidio"), with no teller ("fy", "fi", "dw") between the "am" and the words.
    if rule.signal == "suicide_self_harm" and _story_about_someone(text, start):
        return "what a film, book or programme was about"
    # Round 19: a routine medicine taken ("cymryd tabledi pwysau gwaed bob bore").
    if rule.signal == "suicide_self_harm" and _routine_medicine(text, start, end):
        return "a routine medicine taken"
    if TOPIC_BEFORE & set(before[-2:]):
        return "talk about the topic in general"
    # Round 21: "dim meddyliau am hunan-niweidio" (no thoughts of), a screening answered no.
    if (
        not rule.carries_negation
        and len(before) == 3
        and before[0] in NEGATION_BEFORE
        and before[1] in THOUGHTS_OF
        and before[2] == "am"
    ):
        return f'negated by "{before[0]}"'
    if not rule.carries_negation and NEGATION_BEFORE & set(before[-2:]):
        return f'negated by "{next(w for w in before if w in NEGATION_BEFORE)}"'
    sentence_start = max(text.rfind(".", 0, start), text.rfind("!", 0, start)) + 1
    sentence = text[sentence_start : text.find("?", end) + 1 if "?" in text[end:] else end]
    if sentence.endswith("?") and ASKED & set(WORD.findall(sentence)):
        return "a question someone asked"
    # Reported without its question mark, as in English: "gofynnodd y nyrs a oeddwn i ...";
    # round 20: never when the answer told is yes ("nes i ddeud do").
    if ASKED & {w.lower() for w in WORD.findall(text[sentence_start:start])} and not (
        ANSWERED_YES.search(text[start : end + 200].lower())
    ):
        return "a question someone asked"
    # A threat to kill said with a laugh ("mynd i fy lladd i pan welith o'r bil, haha"): as in
    # English, hyperbole is left to the model (round 13).
    if rule.signal == "immediate_danger" and "ladd" in text[start:end]:
        line_end = min([i for i in (text.find(".", end), text.find("!", end)) if i >= 0] or [None])
        if signal_context.said_in_jest(text[sentence_start:line_end], ""):
            return IN_JEST
    # Round 20: "meddwl am ladd fy hun" is a thought of suicide (its own rule), not a threat.
    if rule.signal == "immediate_danger" and re.match(r"\s*(?:fy|ei|eu) hun", text[end : end + 12]):
        return "killing oneself, the suicide rule's"
    if rule.signal == "suicide_self_harm" and _past_and_well(text, sentence_start, end):
        return "past, and well now"
    if rule.signal == "suicide_self_harm" and text[end - 4 : end] in ("marw", "farw"):
        line_end = min([i for i in (text.find(".", end), text.find("!", end)) if i >= 0] or [None])
        whole = text[sentence_start:line_end]
        if END_OF_LIFE & set(WORD.findall(whole)):
            return "a wish about the end of life"
    return None


THOUGHTS_OF = frozenset("meddyliau meddyliau syniadau teimladau awydd arwyddion hanes".split())
STORY_WORK = MEDIA | frozenset("traethawd draethawd cerdd gerdd prosiect stori".split())
TELLER = frozenset("fy fi dw dwi rydw rwy rwyf mi nhw'n".split())


def _story_about_someone(text: str, start: int) -> bool:
    """A story, essay or poem in the sentence before the words, "am" (about) after it, and no
    teller between "am" and the words."""
    sentence_start = max(text.rfind(".", 0, start), text.rfind("!", 0, start)) + 1
    before = [w.lower() for w in WORD.findall(text[sentence_start:start])]
    for i, word in enumerate(before):
        if word in STORY_WORK and "am" in before[i + 1 :]:
            told = before[len(before) - before[::-1].index("am") :]
            return not TELLER & set(told) and len(told) <= 4
    return False


# The words after a routine medicine: its kind, when it is taken, who gives it.
ROUTINE = re.compile(
    r"^\s*(?:pwysau gwaed|i'r galon|at y galon|at |ar gyfer|statin|siwgr|bob (?:bore|nos|dydd"
    r"|diwrnod)|yn y bore|gyda'r nos|efo bwyd|ar ôl bwyd)"
)


def _routine_medicine(text: str, start: int, end: int) -> bool:
    """ "Cymryd tabledi" with a medicine's kind or its time after, and nothing of excess."""
    phrase = text[start:end]
    if not re.search(r"tabledi|dabledi|pils|bils", phrase):
        return False
    if any(w in phrase for w in ("holl", "i gyd", "gormod", "llond", "cyfan", "pob un")):
        return False
    line_end = min([i for i in (text.find(".", end), text.find("?", end)) if i >= 0] or [None])
    rest = text[end:line_end]
    return bool(ROUTINE.match(rest)) and not MEDICINE_EXCESS.search(rest)


# "Ddeng mlynedd yn ôl ... dw i'n iawn rŵan": years ago in the sentence, well now just after,
# and no "eto" (again) or "dal" (still) to say it is back, as in English.
# Third round: other past markers ("pan o'n i'n ... yn yr ysgol", "yn 2008") and "heb wneud ers"
# (not done since) as a recovery statement.
YEARS_AGO = re.compile(
    r"\b(?:mlynedd|blynedd|flynedd|blwyddyn|flwyddyn|blynyddoedd|flynyddoedd) yn ôl\b"
    r"|\bers talwm\b|\b(?:amser|oes) (?:maith|hir) yn ôl\b"
    r"|\bpan (?:o'?n i|oeddwn i|o'?n i'?n|oeddwn i'?n)\b|\byn (?:19|20)\d\d\b"
)
WELL_NOW = re.compile(
    r"\b(?:iawn|well|gwell|saff|ddiogel|adref|adra|gartref|gatre) (?:rŵan|rwan|nawr|erbyn hyn)\b"
    r"|\bheb (?:wneud|neud|gwneud)(?: \w+)? ers\b"
    # Round 16: healthy or well for a span ("dw i'n iach ers dros ddeng mlynedd").
    r"|\b(?:iach|iawn|well) ers\b"
    # Round 20: "dwi'n grêt rŵan", "lot gwell rŵan".
    r"|\b(?:grêt|gret|champion|hapus|dda) (?:rŵan|rwan|nawr|erbyn hyn)\b"
)
BACK_AGAIN = re.compile(r"\b(?:eto|dal i|dal yn|ail-?ddechrau)\b")


def _past_and_well(text: str, sentence_start: int, end: int) -> bool:
    # Round 21: the when may follow the words in the same clause ("hunan-niweidio pan o'n i'n
    # teenager, ugain mlynedd yn ôl, ond dw i'n iawn rŵan").
    sentence = text[sentence_start : end + 80]
    after = text[end : end + 200]
    return bool(
        YEARS_AGO.search(sentence) and WELL_NOW.search(after) and not BACK_AGAIN.search(after)
    )


def cue_words(text: str) -> list[tuple[str, str]]:
    """(word, signal) for each risk word in a Welsh text, in order, once each."""
    seen: dict[str, str] = {}
    for word in WORD.findall(text):
        lowered = word.lower()
        for cue, signal in CUES.items():
            if lowered == cue or (len(cue) > 4 and lowered.startswith(cue)):
                seen.setdefault(cue, signal)
    return list(seen.items())


# Round 20: answered yes ("nes i ddeud do", "dywedais i ie"), or no and then taken back ("ond dw
# i wedi").
ANSWERED_YES = re.compile(
    r"\b(?:dywedais|dwedais|dudis|wedes|atebais|ddeud|deud|dweud)(?: i| fi)? (?:ie|do|yndw|ydw)\b"
    r"|\bond (?:dw i|dwi|rydw i|roeddwn i|o'n i|mi o'n i|mi wnes i|mi nes i) ?(?:wedi|'di)"
    r"(?:\W|$)"
)
# Answered no to a question someone asked: "gofynnodd y nyrs ... dywedais i na".
ANSWERED_NO = re.compile(
    r"\b(?:dywedais|dwedais|dudis|wedes|atebais)(?: i| fi)? (?:na|nac|naddo|nad|dim)\b"
    r"|\bnaddo\b|\bnac (?:ydw|oeddwn|oes)\b"
)


def sentence_held_back(signal: str, sentence: str, after: str = "") -> str | None:
    """Why the Welsh model may not raise `signal` on a whole sentence (lower case), given the
    sentence after it, or None. The rules' hold-backs, said of a sentence rather than a
    phrase, since a model has no phrase to place a negation against: a question someone asked
    and answered no; a wish about the end of life; a risk years ago and well now; for danger,
    someone said to be well or safe now. Negation and services are held at the phrase by the
    rules (`hits`), whose held-back spans the model also respects."""
    words = {w.lower() for w in WORD.findall(sentence)}
    both = f"{sentence} {after}"
    if ASKED & words and (ANSWERED_NO.search(both) or sentence.rstrip().endswith("?")):
        return "a question someone asked"
    if signal == "suicide_self_harm":
        if words & {"marw", "farw"} and END_OF_LIFE & words:
            return "a wish about the end of life"
        if YEARS_AGO.search(sentence) and WELL_NOW.search(both) and not BACK_AGAIN.search(both):
            return "past, and well now"
        # Round 18: Welsh false friends of self-harm and overdose, for the model.
        if THING_BROKEN.search(sentence) and not SELF_OR_BODY.search(sentence):
            return "a thing broken (torri), not a self-harm"
        if MEDICINE_QUESTION.search(sentence) and not MEDICINE_EXCESS.search(sentence):
            return "a question about a medicine"
    # Danger means now: not on a sentence saying, in Welsh or in the English of a teller who
    # switches ("mae o adref rŵan, and he's doing ok"), that the person is home, well or safe
    # now, nor on the sentence before it: the English model's check (`detector._over_now`).
    if signal == "immediate_danger" and not BACK_AGAIN.search(both):
        if WELL_NOW.search(both) or signal_context.resolved_now(both):
            return "well or safe now"
    return None


# Round 18 (issue 19): "mae'r lifft wedi torri eto" (the lift has broken again) is a thing
# broken; "torri" is also the cutting of self-harm ("wedi torri'i breichia"), so only when no
# self or body is named in the sentence.
THING_BROKEN = re.compile(r"\b(?:wedi|di|newydd) (?:torri|dorri)\b")
SELF_OR_BODY = re.compile(
    r"\b(?:hun|hunan|breich\w*|freich\w*|mreich\w*|arddwrn|garddwrn|arddyrnau|ngarddwrn|croen"
    r"|groen|nghroen|coes\w*|goes\w*|nghoes\w*|gwythienn\w*|wythienn\w*|corff|gorff)\b"
    r"|(?:torri|dorri)(?:'i|’i)"
)
# A question about taking a medicine ("Ga i gymryd paracetamol efo'r tabledi newydd?"): care,
# unless it asks about more than a dose, all of them, or death.
MEDICINE_QUESTION = re.compile(
    r"\b(?:ga i|gaf i|alla i|galla i|ydy hi'?n iawn|ydy'n iawn|oes modd|faint o|pa mor aml)\b"
    r".{0,60}\b(?:paracetamol|tabledi|dabledi|thabledi|tabled|moddion|foddion|meddyginiaeth"
    r"|feddyginiaeth|dos|ibuprofen|calpol|pils|inhaler|antibiotics?)\b[^.!]*\?"
)
MEDICINE_EXCESS = re.compile(
    r"\b(?:i gyd|cyfan|llond|gormod|lladd|marw|farw|gorddos|hunanladdiad|diwedd|angen|digon"
    r"|ddigon|fyddai|byddai|fydde|bydde|cadw|casglu|stopio|deffro|effro)\b"
)


# Round 18: a death awaited in care, in Welsh ("diolch i staff yr hosbis ... yn ystod ei
# wythnosau olaf"): danger means a life in danger now, and the last days in palliative care
# are not, nor a worry about breathing there that a nurse came out for, as "a rattling noise"
# beside end-of-life care is held back in English (round 15). Named anywhere in the story;
# never on a sentence that tells a fall, a person left alone, harm, a weapon, fire or tonight.
CARE_AT_THE_END = re.compile(
    r"\b(?:hosbis|lliniarol|dadebru|wythnosau olaf|dyddiau olaf|oriau olaf|diwedd (?:ei|eu) "
    r"(?:oes|hoes|fywyd|bywyd)|hospice|palliative|end of life|dnacpr)\b"
)
HARM_NOW = re.compile(
    r"\b(?:llawr|syrthio|cwympo|disgyn|ar ben (?:ei|eu) (?:hun|hunan)|neb yn|gadael|anwybydd\w*"
    r"|taro|brifo|clais|cleisiau|lladd|cyllell|tân|dân|mwg|nwy|gwaed|bygwth|heno|oer|rhewi"
    r"|isio marw|eisiau marw|tabledi|rŵan|rwan|nawr|trio|ceisio|cynllun\w*)\b"
)


def death_awaited_in_care(story: str, sentence: str) -> bool:
    """The story (lower case) names end-of-life care and the sentence tells no harm now."""
    return bool(CARE_AT_THE_END.search(story)) and not HARM_NOW.search(sentence)
