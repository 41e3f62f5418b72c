"""Names known by their shape, with no cue word: initials, nicknames, short sign-offs.

Minutes, attendance lists, advocates' notes and signatures write people as an initial and a
surname ("K. Wojcik", "J.R. Okafor", "H Oyelaran"). No first name is there for the lists to know,
and the surname alone is often in no list either, so the initial is the cue: one or two capital
initials, each with a full stop (or one initial without), then a capitalised surname that is a
listed surname or no everyday word ("B. Then" ends a sentence about plan B, "A. Smith" is a
person); without the stop the surname must be in no English word list at all. Notes also give
a person only initials and an age ("RB (47)", "P.K. (F, 52)"), a nickname in quotes inside
the full name (Bernard "Bernie" Maddox), messages end with an initial and kisses ("T x"), and
callers spell a name or an e-mail out letter by letter ("K-O-W-A-L-S-K-I", "B, O, D, one").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, TITLE_CUES, gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.people.sign_offs import CLOSING

# Round 95: "Mc" and "Mac" before the surname's own capital ("R. McLeod", "K. MacLeod"): the
# capital inside the word had ended the match (eight misses in seven writers' sets).
_PART = r"(?:[OD]['’]|Ma?c)?[A-Z][a-zà-ÿ]+"  # "Wojcik", "O'Hagan", "McArdle"
_SURNAME = rf"{_PART}(?:-{_PART})?"
# An undotted "I" or "A" is a pronoun or an article ("I Can't", "A Jones visited" is rare).
INITIALLED = re.compile(
    rf"(?<![\w.&’'])(?P<initials>(?:[A-Z]\.[ \t]?){{1,2}}|[B-HJ-Z][ \t])(?P<surname>{_SURNAME})"
    r"(?![\w’'-])"
)


# Thirty-eighth round: forms typed in capitals (ambulance sheets, crew lists, signatures on a
# copied record) write the initial and the surname in capitals: "CREW: T. HARDCASTLE
# (PARAMEDIC)", "SIGNED: R. OKORO". Dotted initials only, and a surname no common word
# ("NO. 5", "T. WAVE", "A. FIB" are not names).
_CAPS_PART = r"(?:[OD]['’])?(?:MC|MAC)?[A-Z]{3,}"
INITIALLED_CAPS = re.compile(
    rf"(?<![\w.&’'])(?P<initials>(?:[A-Z]\.[ \t]?){{1,2}})"
    rf"(?P<surname>{_CAPS_PART}(?:-{_CAPS_PART})?)(?![\w’'-])"
)
# Its hand-written gate (`prefilter.gated`'s `behind`): an initial's dot, then three capitals
# of the surname ("MC" and "MAC" are followed by three more); any capital opens the pattern.
DOT_THEN_CAPITALS = re.compile(r"\.[ \t]?(?:[OD]['’])?[A-Z]{3}")
INITIALLED_CAPS = gated(INITIALLED_CAPS, behind=DOT_THEN_CAPITALS)


# Round 95: an initial without its stop before a surname in capitals, as appointment texts,
# theatre lists and pharmacy notices print them ("REMINDER FOR D GAULD ON 28 JANUARY",
# "SURGEON: E WONG", "G A TINDALE"; six misses in three writers' sets). A single capital is
# often something else there: "A" and "I" are words, "L" and "R" sides ("R TKR", "L NOF"),
# "U" is "you", "X" a count ("20 X NUTRISON") and "Y" Welsh ("HEOL Y NANT"), so those never
# open it; the surname must be a listed surname or in no English word list, and no common word
# ("B CELLS", "T WAVE").
INITIAL_BARE_CAPS = re.compile(
    rf"(?<![\w.&’'/-])(?P<initials>[B-HJKM-QSTVWZ][ \t](?:[A-Z][ \t])?)"
    rf"(?P<surname>{_CAPS_PART}(?:-{_CAPS_PART})?)(?![\w’'-])"
)
# Its hand-written gate: a lone capital then a space and three capitals ("O'" may open them).
BARE_THEN_CAPITALS = re.compile(
    r"(?<![\w.&’'/-])[B-HJKM-QSTVWZ][ \t](?:[A-Z][ \t])?(?:[OD]['’])?[A-Z]{3}"
)
INITIAL_BARE_CAPS = gated(INITIAL_BARE_CAPS, behind=BARE_THEN_CAPITALS)
# Round 95: an initial with its stop before a surname, all in lower case, as notes typed in
# lower case write a clinician or a patient ("listed for thr by k. boateng", "handover h. fraser
# - flat 21", "taken by: s. karimi"; five misses in four writers' sets). In lower case the
# surname's capital says nothing, so it must be a listed surname that is no common word
# ("d. smith" is left: "smith" is also a word); and "a.m.", "p.m.", "e.g.", "i.e." are no
# initials.
INITIALLED_LOWER = re.compile(
    r"(?<![\w.&’'@/])(?P<initials>(?:[a-z]\.[ \t]?){1,2})"
    r"(?P<surname>(?:[od]['’])?[a-z]{3,}(?:-[a-z]{3,})?)(?![\w’'@-]|\.\w)"
)
INITIALLED_LOWER = gated(INITIALLED_LOWER)
NOT_INITIALS = frozenset({"am", "pm", "eg", "ie", "nb", "ps", "vs", "cf", "et"})


ROLE_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*[A-Z][A-Z /&-]{1,30}\)")
# Round 40: a letter in capitals signed off with an initial and a surname ("YOURS D. HOLMES",
# "REGARDS, P. BROOK"): after the sign-off word, the surname may be an everyday word too.
SIGN_OFF_BEFORE = re.compile(
    r"\b(?:YOURS(?:[ \t]+(?:SINCERELY|FAITHFULLY|TRULY))?|REGARDS|THANKS|THANK[ \t]+YOU|FROM|"
    r"SIGNED|CHEERS)[ \t]*[,:-]?\s*$"
)


def _caps_surname(word: str, role_after: bool = False) -> bool:
    """A surname in capitals: listed as one, or in no word list; with a role in brackets
    after it, any word but a common one."""
    gaz = gazetteer()
    w = re.sub(r"^[od]['’]", "", word.lower())
    if w in DOMAIN_WORDS or w in ROLE_CUES or w in TITLE_CUES or w in STOP_WORDS:
        return False
    if w in gaz.common_words and not (role_after and w in gaz.surnames):
        return False
    return role_after or w in gaz.surnames or w not in gaz.english_words


def _surname_like(word: str, dotted: bool) -> bool:
    gaz = gazetteer()
    w = word.lower()
    if w in DOMAIN_WORDS or w in ROLE_CUES or w in TITLE_CUES or w in STOP_WORDS:
        return False
    if dotted:  # "A. Smith", "W. Ashdown": a listed surname, even an everyday one, or a rare word
        return w in gaz.surnames or w not in gaz.common_words
    return w not in gaz.english_words  # "H Oyelaran": without the stop, only a word in no list


def initialled_names(text: str) -> Iterator[Finding]:
    for m in INITIALLED.finditer(text):
        dotted = "." in m.group("initials")
        parts = re.sub(r"^[OD]['’]", "", m.group("surname")).split("-")
        if all(_surname_like(p, dotted) for p in parts):
            yield Finding(m.start(), m.end(), "PERSON", 0.8, "initialled_name")
    for m in INITIALLED_CAPS.finditer(text):
        role_after = (
            ROLE_IN_BRACKETS.match(text, m.end()) is not None  # "T. HARDCASTLE (ECA)"
            or SIGN_OFF_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
        )
        first, *rest = m.group("surname").split("-")  # "OYELOWO-PRICE": the first half decides
        if _caps_surname(first, role_after) and all(_caps_surname(p, True) for p in rest):
            yield Finding(m.start(), m.end(), "PERSON", 0.75, "initialled_name")
    gaz = gazetteer()
    for m in INITIAL_BARE_CAPS.finditer(text):
        # a surname in capitals as after a dotted initial with no role after it
        if all(_caps_surname(p) for p in m.group("surname").split("-")):
            yield Finding(m.start(), m.end(), "PERSON", 0.7, "initialled_name")
    for m in INITIALLED_LOWER.finditer(text):
        if m.group("initials").replace(".", "").replace(" ", "") in NOT_INITIALS:
            continue
        parts = re.sub(r"^[od]['’]", "", m.group("surname")).split("-")
        if all(p in gaz.surnames and p not in gaz.common_words for p in parts):
            yield Finding(m.start(), m.end(), "PERSON", 0.7, "initialled_name")


# "RB (47)", "P.K. (F, 52)", "K.L. (f 71)": initials then an age (and sex) in brackets.
INITIALS_BEFORE_AGE = re.compile(
    r"(?<![\w.])(?P<initials>(?:[A-Z]\.){1,3}|[A-Z]{2,3})\s*\((?:[MFmf],?\s*)?(?P<age>\d{1,3})\)"
)
INITIALS_BEFORE_AGE = gated(INITIALS_BEFORE_AGE)
# Bernard "Bernie" Maddox, Olusegun ‘Segun’ Bello, Winifred (Win) Oduya: the nickname, in
# quotes or brackets, is as identifying as the name. Round 42 (sets v46 and others): a quoted
# nickname of initials or with a hyphen ("Kieran "KJ" Jagger", "Jimmy "Jim-boy" Price").
_NICK = r"[A-Z](?:[a-z]+|[A-Z]{1,3})(?:-[A-Za-z][a-z]+)?"
QUOTED_NICKNAME = re.compile(
    rf"\b(?P<first>[A-Z][a-z]+)\s+(?:[\"“‘'](?P<nick>{_NICK})[\"”’']|\((?P<bracketed>[A-Z][a-z]+)\))"
    r"\s+[A-Z][a-z'’-]+"
)
# "... my phone's dying. T x": one capital and kisses closing the message.
INITIAL_AND_KISSES = re.compile(r"(?:^|(?<=[\n.!?]))\s*(?P<initial>[A-WYZ])\s+[xX]{1,4}\s*$")


# Eighth round (issue 20): notes that shield a person still tie the initial to an age or a
# year of birth: "resident E.W. (1937)", "a little girl (R, 6)", "J (he's 19)", "K (aged 4)",
# and a writer may say so outright: "a resident I'll call J", "known as T", "Baby L", "Child
# B" ("(M, 34)" gives a sex, not an initial). The initial then stands for the person wherever
# it recurs (the anonymiser's repeats, as written).
INITIALS_BEFORE_YEAR = re.compile(
    r"(?<![\w.])(?P<initials>(?:[A-Z]\.){1,3}|[A-Z]{2,3})\s*\((?:b\.?\s*|born\s+)?"
    r"(?P<year>(?:19|20)\d{2})\)"
)
INITIALS_BEFORE_YEAR = gated(INITIALS_BEFORE_YEAR)
ONE_INITIAL_AND_AGE = re.compile(
    r"(?<![\w.&'’-])(?P<initial>[B-HJ-Z])\.?[ \t]*\((?P<said>(?:he|she|they)['’](?:s|re)[ \t]+|"
    r"(?:age|aged)[ \t]+)?(?P<age>\d{1,2})(?:[ \t]*(?:yrs?|years?(?:[ \t]+old)?|y/?o))?\)"
    r"|\((?P<initial2>[B-EG-HJ-LN-Z]),[ \t]*(?:age[ \t]+|aged[ \t]+)?(?P<age2>\d{1,2})\)"
)
ONE_INITIAL_AND_AGE = gated(ONE_INITIAL_AND_AGE)
# Words that number or grade with a letter ("Plan B (2)", "Hep C (40)", "Vitamin D (50)").
LETTER_THINGS = frozenset(
    """plan type grade hep hepatitis vitamin vit group class stage section band ward bay room
    block level option category unit wing floor flat zone part appendix table figure""".split()
)
CALLED_INITIAL = re.compile(
    r"\b(?:(?:I['’]ll|I\s+will|we['’]ll|we\s+will|let['’]s|I['’]m\s+going\s+to)\s+call"
    r"(?:\s+(?:him|her|them))?|(?:known|referred\s+to)\s+(?:here\s+)?as|"
    r"\b[Bb]aby|\b[Cc]hild|\b[Yy]oung\s+person)\s+"
    r"(?P<initial>[B-HJ-Z])(?![\w&'’-])"
)
CALLED_INITIAL = gated(CALLED_INITIAL)


# Round 58: a first name and a family name before a bracketed age, as outreach notes write the
# people they met ("April Cook (38) said", "MERERID WATKINS (92), TREORCHY"; a retired set, v67):
# the age says a person is named, so a first name that is also a word or a month ("April",
# "Faith") and a family name that is also a word or a town ("Cook", "Reading") are one person.
# Both words are written alike (capitalised, or both in capitals) and the first is a listed
# first name.
NAME_BEFORE_AGE = re.compile(
    r"(?<![\w'’-])(?P<name>(?P<first>[A-Z][a-z'’]+|[A-Z]{2,})[ \t]+"
    r"(?P<last>[A-Z][a-z'’-]+|[A-Z]{2,}))"
    r"[ \t]*\((?:aged?[ \t]+)?(?P<age>\d{1,3})\)"
)
NAME_BEFORE_AGE = gated(NAME_BEFORE_AGE)


def names_before_an_age(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in NAME_BEFORE_AGE.finditer(text):
        first, last = m.group("first"), m.group("last")
        if first.isupper() != last.isupper() or not 0 < int(m.group("age")) <= 115:
            continue
        if first.lower() in gaz.first_names and last.lower() not in DOMAIN_WORDS:
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "name_before_age")


def initials_before_an_age(text: str) -> Iterator[Finding]:
    for m in INITIALS_BEFORE_AGE.finditer(text):
        letters = m.group("initials").replace(".", "").lower()
        if letters not in DOMAIN_WORDS and 0 < int(m.group("age")) <= 115:
            yield Finding(m.start("initials"), m.end("initials"), "PERSON", 0.75, "initials_age")
    for m in INITIALS_BEFORE_YEAR.finditer(text):
        letters = m.group("initials").replace(".", "").lower()
        if letters not in DOMAIN_WORDS and (len(letters) >= 2 or "." in m.group("initials")):
            yield Finding(m.start("initials"), m.end("initials"), "PERSON", 0.75, "initials_age")
    for m in ONE_INITIAL_AND_AGE.finditer(text):
        group = "initial" if m.group("initial") else "initial2"
        if not m.group("said") and group == "initial":
            before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 15) : m.start()])
            if before and before[-1].lower() in LETTER_THINGS:
                continue  # "Plan B (2)", "Hep C (40)"
        yield Finding(m.start(group), m.end(group), "PERSON", 0.7, "initials_age")
    for m in CALLED_INITIAL.finditer(text):
        yield Finding(m.start("initial"), m.end("initial"), "PERSON", 0.75, "initials_age")
    yield from names_before_an_age(text)


def quoted_nicknames(text: str) -> Iterator[Finding]:
    first_names = gazetteer().first_names
    for m in QUOTED_NICKNAME.finditer(text):
        if m.group("first").lower() in first_names:
            yield Finding(m.start(), m.end(), "PERSON", 0.85, "quoted_nickname")


# Thirtieth round: a note or a message signed with one letter and a full stop. After a dash at
# its end, or before the phone it leaves ("... no dentist. — D. 07700 900 574", "– C."), or
# alone on its line above a signature whose name begins with that letter ("E.\n\nEfosa
# Osagie", a name of no everyday words): the README's and three writers' sets (v10, v19,
# v32) mark the letter as a person.
# "I." and "A." are left (a list's numbering, an answer's letter), and so is a letter alone
# on a line with no signature of its letter below (a list's "B." heading).
DASHED_INITIAL = re.compile(
    r"(?:(?<=[.!?\"”])[ \t]+|^[ \t]*)[–—-][ \t]*(?P<initial>[B-HJ-Z])\."
    r"(?=[ \t]*(?:$|[\"'”’)\]]|\+?\d[\d ]{8,}))",
    re.MULTILINE,
)
INITIAL_ABOVE_SIGNATURE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?P<initial>[B-HJ-Z])\.[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*"
    r"(?P<name>[A-Z][a-z'’-]+[ \t]+[A-Z][A-Za-z'’-]+)[ \t]*(?:\n|$)"
)


# Round 47: the letter alone after a closing phrase ("Cheers, R", "Love, D", "Thanks\nT.\nTamsin
# Hale"), or alone on its line where the message's quoted thread or signature begins ("B xx\n\n--",
# "K\n\n---- On Mon, the office wrote"): five sets by different writers mark it. The
# letter must end its line, or stand before the full name that signs under it. "I" is the
# pronoun ("Thanks. I rang again"), "X" a kiss or a name taken out ("Thank you XXXX"), and a
# line's "A" a list's answer.
CLOSING_INITIAL = re.compile(
    rf"(?:^|(?<=[\n.!?]))[ \t]*(?i:{CLOSING})[ \t]*[,.!-]?[ \t]*\n?[ \t]*"
    r"(?P<initial>[A-HJ-WYZ]\.?)(?:[ \t]*[xX]{1,4})?[ \t]*"
    r"(?=\n|\Z|[\"”\]>]|[ \t\n]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+)",
    re.MULTILINE,
)
CLOSING_INITIAL = gated(CLOSING_INITIAL)
INITIAL_OVER_THREAD = re.compile(
    r"^[ \t]*(?P<initial>[B-HJ-WYZ]\.?)(?:[ \t]*[xX]{1,4})?[ \t]*"
    r"(?=\n[ \t]*\n?[ \t]*(?:-{2,}|>|On[ \t]|Sent[ \t]from|From:))",
    re.MULTILINE,
)


def initial_sign_offs(text: str) -> Iterator[Finding]:
    for m in INITIAL_AND_KISSES.finditer(text):
        if m.group("initial") not in ("I", "A"):  # "XX" is all kisses
            yield Finding(m.start("initial"), m.end("initial"), "PERSON", 0.7, "sign_off")
    for pattern in (CLOSING_INITIAL, INITIAL_OVER_THREAD):
        for m in pattern.finditer(text):
            yield Finding(m.start("initial"), m.end("initial"), "PERSON", 0.7, "sign_off")
    if "." not in text:
        return
    for m in DASHED_INITIAL.finditer(text):
        yield Finding(m.start("initial"), m.end("initial") + 1, "PERSON", 0.7, "sign_off")
    for m in INITIAL_ABOVE_SIGNATURE.finditer(text):
        gaz = gazetteer()
        first, last = (w.lower() for w in m.group("name").split()[:2])
        name_like = first in gaz.first_names or first not in gaz.common_words
        if (
            m.group("name")[0] == m.group("initial")
            and name_like
            and (last in gaz.surnames or last not in gaz.common_words)
        ):
            yield Finding(m.start("initial"), m.end("initial") + 1, "PERSON", 0.7, "sign_off")


# "Spell it K-O-W-A-L-S-K-I", "that's B, O, D, E, N, one, nine, six, two": four or
# more single letters joined by hyphens, commas or spaces, then any digits read out. The "s"
# of "that's" is no letter spelt out.
# Letters with accents count ("W-I-Ś-N-I-E-W-S-K-I": a Polish surname spelt, round 29).
SPELLED_OUT = re.compile(
    r"(?<![\w'’-])[A-Za-zÀ-ÖØ-öø-ſ](?:(?:\s*-\s*|\s*,\s*|\s)[A-Za-zÀ-ÖØ-öø-ſ]){3,}"
    r"(?:\s*,\s*(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d))*(?![\w-])"
)


def spelled_out(text: str) -> Iterator[Finding]:
    for m in SPELLED_OUT.finditer(text):
        yield Finding(m.start(), m.end(), "PERSON", 0.8, "spelled_out")


# "Mrs K (82) was discharged", "Mr B rang", "Dr A Khan": a title and a single initial (not the
# pronoun: "which Dr I see"), with the surname if one follows.
TITLE_AND_INITIAL = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+(?P<initial>[A-HJ-Z])(?=['’]s\b|[^\w’'-]|$)"
    rf"(?:\.?[ \t]+(?P<surname>{_SURNAME})(?![\w’'-]))?"
)
TITLE_AND_INITIAL = gated(TITLE_AND_INITIAL)


def titles_and_initials(text: str) -> Iterator[Finding]:
    for m in TITLE_AND_INITIAL.finditer(text):
        # With a surname the name is "A Khan" (as after any title); alone, the initial is too
        # short to stand for the person without its title.
        start = m.start("initial") if m.group("surname") else m.start()
        yield Finding(start, m.end(), "PERSON", 0.75, "title_initial")


# Welsh patronymics: "Iolo ap Dafydd", "Gwenno ferch Ifan", "Rhys ab Owain": a given name, the
# particle, a father's name; the particle tells the two capitalised words are one name.
PATRONYMIC = re.compile(
    r"(?<![\w'’-])[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷ'’]+(?:\s+[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷ'’]+)?"
    r"\s+(?:ap|ab|ferch|verch)\s+[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷ'’]+(?![\w'’-])"
)
PATRONYMIC = gated(PATRONYMIC)


def patronymics(text: str) -> Iterator[Finding]:
    for m in PATRONYMIC.finditer(text):
        yield Finding(m.start(), m.end(), "PERSON", 0.85, "patronymic")
