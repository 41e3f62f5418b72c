"""Names, places and care settings found from spaCy tokens, gazetteers and cues.

spaCy's small model finds title-case names and towns well but misses them in lower case and
ALL CAPS. So the document's case decides how it is read (see `case_mode`): ordinary mixed-case
writing gets spaCy's entity recogniser and capitals count as evidence; lower- or upper-case
writing gets the part-of-speech tagger instead, and the gazetteers, the cues ("my son …",
"Dr …", "live in …") and the tags carry the weight. Running only one of the two models per
document is what keeps detection fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import ENT_TYPE, IDX, IS_STOP, LENGTH, LOWER, ORTH, POS, SPACY, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from nlp.identifiers.findings import Finding
from nlp.identifiers.name_gazetteer import (
    COUNTRIES,
    DOMAIN_WORDS,
    EPONYM_FOLLOWERS,
    EPONYMS,
    NOT_A_NAME,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    WELSH_WORDS,
    Gazetteer,
)
from nlp.identifiers.prefilter import gated
from nlp.identifiers.usernames import NOT_USERNAMES

# The tagger is reliable on closed word classes and unreliable on rare words: a name in lower
# case is often tagged VERB or ADV, so only the closed classes rule a word out as a name.
CLOSED_POS = frozenset({"AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM"})
NOT_NAME_POS = CLOSED_POS | {"VERB"}
WORDLIKE = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*['’.]?")
SENTENCE_END = frozenset({".", "!", "?", "\n", "\n\n", '"', "“", ":", ";"})
POSSESSIVE = ("'s", "’s")


@lru_cache(maxsize=256)
def case_mode(text: str) -> str:
    """'lower', 'upper' or 'mixed': how far the capitals in this text can be trusted (asked
    several times of each text, so the answer is kept for the last few)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "mixed"
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper < 0.015:
        return "lower"
    if upper > 0.6:
        return "upper"
    return "mixed"


@dataclass
class View:
    """Per-token facts read once from a spaCy Doc (token objects are costly to re-create)."""

    text: list[str]
    low: list[str]  # lower case
    word: list[str]  # lower case without a possessive ending
    start: list[int]
    end: list[int]  # end offset without a possessive ending
    spaced: list[bool]  # whitespace follows
    title: list[bool]  # capitalised in the original text
    wordlike: list[bool]
    stop: list[bool]
    pos: list[str]
    ent: list[str]
    sent_start: list[bool]
    has_pos: bool
    mode: str
    lowered: str = ""  # the whole text in lower case, for multi-token keys

    def __len__(self) -> int:
        return len(self.text)

    def proper(self, i: int) -> bool:
        """Reads as a proper noun: the tagger says so, or (without it) capitals and the NER."""
        if self.has_pos:
            return self.pos[i] == "PROPN"
        return self.title[i] and (bool(self.ent[i]) or not self.sent_start[i])

    def function_word(self, i: int) -> bool:
        return self.stop[i] or (self.has_pos and self.pos[i] in CLOSED_POS)


# Token attributes `view` reads as one array: creating spaCy Token objects one by one cost more
# than all the name rules together.
# (`doc.has_annotation("TAG")` walks the tokens too, so the TAG column answers it instead.)
# A token's text is its ORTH string: `doc.text` would join every token's text again in Python.
VIEW_ATTRS = [IDX, LENGTH, ORTH, LOWER, SPACY, IS_STOP, POS, ENT_TYPE, TAG]


def view(doc: Doc, original: str, mode: str) -> View:
    """The document's tokens as columns, built a column at a time: one Python loop with a dozen
    appends for each token cost as much as the name rules that read them."""
    array = doc.to_array(VIEW_ATTRS) if len(doc) else None
    # As doc.has_annotation("TAG"), which is true of an empty document.
    has_pos = array is None or bool(array[:, -1].any())
    lowered = original.lower()
    if len(lowered) != len(original):
        lowered = doc.text.lower() if len(doc.text) == len(original) else original
    if array is None:
        return View([], [], [], [], [], [], [], [], [], [], [], [], has_pos, mode, lowered)
    starts, lengths, orths, lowers, spaced, stops, poses, ents, _ = array.T.tolist()
    strings = doc.vocab.strings
    # Each string is looked up once: most words come back, and all word classes do.
    names = {key: strings[key] if key else "" for key in {*orths, *lowers, *poses, *ents}}
    text = [names[key] for key in orths]
    low = [names[key] for key in lowers]
    word = low.copy()
    end = [i + n for i, n in zip(starts, lengths, strict=True)]
    for k, w in enumerate(low):
        if w.endswith(POSSESSIVE):  # rare: the loop below runs for few tokens
            for ending in POSSESSIVE:
                if w.endswith(ending) and len(w) > len(ending):
                    word[k] = w[: -len(ending)]
                    end[k] -= len(ending)
    # str.isalpha() answers WORDLIKE at once for a plain word (letters are never digits or "_").
    wordlike = [
        n > 1 and (t.isalpha() or WORDLIKE.fullmatch(t) is not None)
        for t, n in zip(text, lengths, strict=True)
    ]
    sent_start = [True] + [p.strip() in SENTENCE_END or p.isspace() for p in text[:-1]]
    return View(
        text,
        low,
        word,
        starts,
        end,
        [bool(s) for s in spaced],
        # capitals as written
        [n > 0 and original[i : i + 1].isupper() for i, n in zip(starts, lengths, strict=True)],
        wordlike,
        [bool(s) for s in stops],
        [names[key] for key in poses],
        [names[key] for key in ents],
        sent_start,
        has_pos,
        mode,
        lowered,
    )


def is_eponym(v: View, i: int) -> bool:
    """ "Parkinson's", "Down's syndrome": conditions, not people or places."""
    nxt = v.low[i + 1] if i + 1 < len(v) else ""
    if v.word[i] in EPONYMS and (v.low[i] != v.word[i] or nxt in POSSESSIVE):
        return True
    if v.word[i].endswith("s") and v.word[i][:-1] in EPONYMS:
        return True  # "parkinsons", typed without the apostrophe
    return nxt in EPONYM_FOLLOWERS or (
        nxt in POSSESSIVE and i + 2 < len(v) and v.low[i + 2] in EPONYM_FOLLOWERS
    )


def not_a_name(v: View, i: int, after_title: bool = False) -> bool:
    w = v.word[i]
    return (
        not v.wordlike[i]
        or w in DOMAIN_WORDS
        or w in NOT_A_NAME
        or (w in NOT_IDENTIFIER_WORDS and not after_title)
        or (w in FORM_LABELS and i + 1 < len(v) and v.low[i + 1] in (":", "."))
        or w in ROLE_CUES
        or w in NOT_USERNAMES  # "WhatsApp", "iPhone", "Admin": products and forum roles
        or w.rstrip(".") in TITLE_CUES
        or is_job_title(w)
        or is_eponym(v, i)
        or in_welsh(v, i)
        or bool(REDACTION_MARK.fullmatch(w))
    )


# Labels on a form ("Tel: 0161 ...", "Mob."), though "my dentist Tel" is a Terry.
FORM_LABELS = frozenset("tel mob fax ph dob ref".split())


# "XXXX", "xxx": where someone already took a name out; nothing is left to find.
REDACTION_MARK = re.compile(r"(.)\1+|\*+")


# "anaesthetist", "radiologist", "paediatrician", "dietitian": the endings of job titles.
JOB_ENDINGS = ("ist", "ists", "ician", "icians", "itian", "itians", "ologist")


def is_job_title(word: str) -> bool:
    return len(word) > 6 and word.endswith(JOB_ENDINGS)


def in_welsh(v: View, i: int) -> bool:
    """ "Mae hi'n braf": a Welsh word that is also a name ("Mae", "Dai"?) inside Welsh words."""
    if v.word[i] not in WELSH_WORDS:
        return False
    near = [v.word[k] for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(v) and k != i]
    return any(w in WELSH_WORDS or w.endswith(("'n", "’n")) for w in near)


# ---------------------------------------------------------------------------------------------
# People


def first_name_ok(v: View, i: int, gaz: Gazetteer) -> bool:
    """A gazetteer first name that reads as a name here (not "will", "hope", "mark" as words)."""
    w = v.word[i]
    if w in gaz.pet_words and v.mode == "mixed" and v.title[i] and not v.text[i].isupper():
        return not not_a_name(v, i) and _pet_name_surname(v, i, gaz)  # "Mo Smith"
    if w not in gaz.first_names or not_a_name(v, i):
        return False
    if i > 0 and v.low[i - 1] in ("christmas", "new", "year's"):
        return False
    if w in PEOPLE_NOUNS and i + 1 < len(v) and v.low[i + 1] == "(":
        return False  # "* Woman (70s) walked from town": a person described, not named
    if w in DESCRIBING_NAMES and i + 1 < len(v) and v.word[i + 1] in KINDS_OF_PERSON:
        return False  # "a Young Carer", "Young mum: ...": a person described, not named
    if _names_an_organisation(v, i):
        return False
    if w in MONTHS and (_next_to_a_number(v, i) or (i > 0 and v.low[i - 1] in DATE_WORDS)):
        return False  # "3rd June 2022", "in May", "since August": a date, not April or June
    if w in gaz.name_words:
        possessive = v.low[i] != w
        if (
            v.mode == "mixed"
            and v.title[i]
            and (
                v.ent[i] == "PERSON"
                or not v.sent_start[i]
                or possessive
                or _says_or_described(v, i, gaz)
            )
        ):
            return True
        return _surname_follows(v, i, gaz)
    if w in gaz.common_words:
        # Mostly a name ("Emily", "Roger") though frequent enough to be listed as a word.
        if v.mode == "mixed":
            return v.title[i]
        after_article = i > 0 and v.low[i - 1] in ("a", "an", "the", "this", "that", "some")
        return v.pos[i] not in NOT_NAME_POS and not v.stop[i] and not after_article
    if v.mode == "mixed":
        return v.title[i] or w not in gaz.english_words
    return not v.function_word(i)


def _says_or_described(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "Andy the driver says sorry", "Bill said no": a name that is also a word, opening a
    sentence, reads as a name before a verb of speech or "the" and a word for what someone does
    ("Art the ..." stays a word before anything else)."""
    nxt = v.low[i + 1 : i + 3]
    if not nxt or not v.spaced[i] or v.stop[i]:
        return False  # "Will the nurse come back?": a question, not Will
    if nxt[0] in SPEECH_VERBS:
        return True
    return (
        len(nxt) == 2
        and nxt[0] == "the"
        and (v.word[i + 2] in ROLE_CUES or (len(nxt[1]) > 4 and nxt[1].endswith(("er", "or"))))
    )


# First names or surnames that are also adjectives for a person ("Young", "Little", "Old"),
# and the words for a kind of person that, after them, show the adjective.
DESCRIBING_NAMES = frozenset("young little old new single elderly".split())
KINDS_OF_PERSON = frozenset(
    """carer carers mum mums dad dads mother mothers father fathers parent parents person
    people man men woman women lady lad lads girl girls boy boys adult adults couple family
    families onset""".split()
)


# Capitalised words that make the word before them part of an organisation's name: "Royal
# College of Nursing", "Hope Foundation", "Grace Trust" are no people.
ORGANISATION_WORDS = frozenset(
    """college society association foundation trust fund union council legion institute
    academy charity club forum network alliance federation partnership""".split()
)


def _names_an_organisation(v: View, i: int) -> bool:
    j = i + 1
    return (
        j < len(v) and v.spaced[i] and v.title[j] and v.word[j] in ORGANISATION_WORDS
    ) and v.mode == "mixed"


def _surname_follows(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "tom hussain": an everyday-word first name counts when a clear surname follows."""
    j = i + 1
    if j >= len(v) or not v.spaced[i] or not_a_name(v, j) or v.stop[j]:
        return False
    w = v.word[j]
    if v.mode == "mixed" and not (v.title[i] and v.title[j]):
        return False
    return (w in gaz.surnames and w not in gaz.common_words) or w not in gaz.english_words


def _pet_name_surname(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "Mo Smith", "Dot Cotton", "Win Jones": a pet form that is an everyday word, written
    with a capital before a capitalised listed surname (even a common one), inside a line
    of mixed case; "Wait a mo. Smith ..." has a full stop between."""
    j = i + 1
    if j >= len(v) or not v.spaced[i] or not v.title[j] or not v.wordlike[j] or v.stop[j]:
        return False
    if v.text[j].isupper() or not_a_name(v, j) or v.word[j] in gaz.places:
        return False
    return v.word[j] in gaz.surnames and not (
        j + 1 < len(v) and v.word[j + 1] in ("street", "road")
    )


NAME_PARTICLES = frozenset("dos da de van von der del della di le la al el bin ibn".split())


MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


# Words before a month that make it a date ("in May", "since August", "by June").
DATE_WORDS = frozenset(
    "in on since until till by of last next early late mid from to during before after".split()
)


def _next_to_a_number(v: View, i: int) -> bool:
    before = v.low[i - 1] if i > 0 else ""
    after = v.low[i + 1] if i + 1 < len(v) else ""
    ordinal = re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", before)
    return bool(ordinal) or before == "of" or bool(re.fullmatch(r"['’]?\d{2,4}", after))


def surname_ok(v: View, j: int, gaz: Gazetteer) -> bool:
    """The word after a first name or a title: a surname if the lists or the capitals say so."""
    if not v.spaced[j - 1] or not_a_name(v, j) or v.stop[j]:
        return False
    w = v.word[j]
    if v.mode == "mixed":
        return v.title[j] or (w in gaz.surnames and w not in gaz.common_words)
    if (v.has_pos and v.pos[j] in CLOSED_POS) or looks_like_a_verb(v, j, gaz):
        return False
    if v.word[j - 1] in gaz.first_names and w not in gaz.common_words:
        return True  # "JOHN WARBURTON": after a first name, a rare word is the surname
    return gaz.is_name_part(w) or w not in gaz.english_words


def extend_name(v: View, i: int, gaz: Gazetteer) -> int:
    """Index after the last token of a name starting at i (takes up to two more name words)."""
    j = i + 1
    while j < len(v) and j - i < 4:
        if (
            v.text[j] in ("-", "‐")
            and j + 1 < len(v)
            and not v.spaced[j - 1]
            and not v.spaced[j]
            and v.wordlike[j + 1]
            and (v.title[j + 1] or v.mode != "mixed")
        ):
            j += 2  # "Lloyd-Jones", "Price-Evans": one double-barrelled surname
            continue
        if v.low[j] in NAME_PARTICLES and j + 1 < len(v) and v.spaced[j]:
            if surname_ok(v, j + 1, gaz):
                j += 2
                continue
            break
        if not surname_ok(v, j, gaz):
            break
        j += 1
    return j


def looks_like_a_verb(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "my mum collapsed", "errol waitted": a verb (even misspelt) is not a name."""
    w = v.word[i]
    if gaz.is_name_part(w):
        return False
    return (v.has_pos and v.pos[i] == "VERB") or w.endswith(("ed", "ing"))


def specialty_before_role(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "Consultant Respiratory Physician", "Specialty Registrar": an everyday word that is no
    name part, right before a role word, is the role's specialty (thirteenth round: signatures
    and letterheads in v13 and v14 gave "Orthopaedic", "Respiratory", "Specialty" as names)."""
    if i + 1 >= len(v) or not v.spaced[i]:
        return False
    w, nxt = v.word[i], v.word[i + 1]
    if w not in gaz.english_words or gaz.is_name_part(w):
        return False
    return nxt in ROLE_CUES or is_job_title(nxt)


def cued_name_ok(v: View, i: int, gaz: Gazetteer) -> bool:
    """The word after "my son", "nurse", "called": a name unless it reads as a plain word."""
    if not_a_name(v, i) or v.stop[i] or looks_like_a_verb(v, i, gaz):
        return False
    if specialty_before_role(v, i, gaz):
        return False
    w = v.word[i]
    if v.has_pos and v.pos[i] in CLOSED_POS:
        return False
    if v.low[i - 1] == ":" and w in gaz.common_words and w not in gaz.first_names:
        return False  # "Advocate: Good morning", "Consultant: Thank you" (not ": Okafor")
    if v.mode == "mixed" and v.title[i]:
        return not _department_after_role(v, i, gaz)
    if v.mode == "mixed":  # lower case where capitals are used: a name only if no word
        if w not in gaz.english_words or (w in gaz.first_names and w not in gaz.common_words):
            return True
        if w in gaz.first_names and lower_writer(v):
            return True  # "ring his daughter anna" by a writer whose capitals are codes only
        if (
            i > 1
            and v.low[i - 1] in ("called", "named")
            and (v.word[i - 2] in ROLE_CUES or v.word[i - 2] in PEOPLE_NOUNS)
            and w not in gaz.common_words
            and w not in GENERIC_CARE
        ):
            return True  # "a nurse called becca", "a lady named jo" (not "I called reception")
        # "the nurse becca or bekki", "carer shaz said": a rare word shaped like a pet name
        nxt = v.low[i + 1] if i + 1 < len(v) else ""
        pet_name = w.endswith(("a", "i", "y", "ie", "o", "z")) and not w.endswith("ly")
        return pet_name and w not in gaz.common_words and (nxt in NAME_FOLLOWERS or nxt == "or")
    return w in gaz.first_names or w not in gaz.common_words


def _department_after_role(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "Fiona Guthrie, Lead Midwife, Inpatient Maternity", "Ward Manager, Oncology": after a
    job title written in capitals and a comma comes the department that signs with it, not a
    person ("my wife, Carly" has no capitals on its role). A listed first name still is one."""
    if i < 2 or v.low[i - 1] != "," or not v.title[i - 2] or v.word[i] in gaz.first_names:
        return False
    if v.word[i - 2] not in ROLE_CUES:
        return False
    w = v.word[i]
    return abstract_noun(w, gaz) or (w in gaz.english_words and not gaz.is_name_part(w))


# Endings of abstract nouns and of the names of disciplines ("Advocacy", "Loneliness",
# "Dentistry", "Midwifery", "Oncology", "Orthopaedics"): no first name or surname ends so unless
# a list knows it ("Clement", "Florence"), and the nouns that name care homes and places
# ("Brambles", "The Laurels", "Trinity") end otherwise.
ABSTRACT_ENDINGS = (
    "ness", "acy", "ifery", "istry", "ology", "ics", "tion", "sion", "ment", "ism", "ship",
    "hood",
)  # fmt: skip


def abstract_noun(w: str, gaz: Gazetteer) -> bool:
    """A lower-case word shaped like an abstract noun or a discipline, and known as no name."""
    return w.endswith(ABSTRACT_ENDINGS) and len(w) > 5 and not gaz.is_name_part(w)


# Words for a kind of person that a note gives an age after: "Resident (91)", "Patient (84)".
KINDS_OF_PEOPLE = frozenset(
    """patient patients client clients resident residents member members carer carers user
    service adult adults child children teen teenager pensioner widow widower female male
    mother father parent parents age aged""".split()
)
PEOPLE_NOUNS = frozenset(
    "lady man woman girl boy guy bloke chap lad lass person someone somebody gentleman".split()
)


def _cue_before(v: View, i: int, gaz: Gazetteer) -> str | None:
    """'title' or 'role' when a cue precedes token i (allowing "my wife, Carly")."""
    k = i - 1
    if k >= 0 and v.low[k] == "," and k > 0:
        k -= 1
        if v.word[k] in ROLE_CUES:
            return "role"
        return None
    if k < 0:
        return "role" if v.word[i] not in gaz.common_words and _addressed(v, i) else None
    if _known_as(v, k, i):
        return "title"
    if v.low[k] == ":" and k > 0 and (v.word[k - 1] in ROLE_CUES or v.word[k - 1] == "name"):
        return "role"  # "Consultant: Okafor", "Name: Chidi Nwosu"
    prev = v.word[k].rstrip(".")
    if prev in TITLE_CUES:
        return "title"
    if prev in ROLE_CUES:
        return "role"
    if k > 0 and v.low[k] in ("is", "am", "'s") and v.low[k - 1] in ("name", "i", "i'm"):
        return "role"
    if _introduced(v, k, i):
        return "role"  # "hiya its tamsin from the parents group", "it's Dot here"
    if v.sent_start[i] and v.word[i] not in gaz.common_words and _addressed(v, i):
        return "role"  # "Sprout can u bring his glasses", "Peaches here again"
    if (
        v.low[k] == "("
        and k > 0
        and i + 1 < len(v)
        and v.low[i + 1] == ")"
        and not v.text[i].isupper()
    ):
        if v.word[k - 1] in ROLE_CUES or is_job_title(v.word[k - 1]) or _doer(v.word[k - 1], gaz):
            return "role"  # "the radiographer (Cookie)", not "the therapist (SALT)"
    if k > 0 and (v.low[k - 1], v.low[k]) in CARE_FOR_CUES:
        return "role"
    if v.low[k] in GREETINGS and (k == 0 or v.sent_start[k]) and not v.title[i]:
        if v.mode != "mixed" or lower_writer(v):
            return "role"  # "hi sue its bernie", "hiya jo": a message opening on whom it is for
    if (
        v.low[k] == "("
        and i + 1 < len(v)
        and v.low[i + 1] == ")"
        and (v.mode != "mixed" or (not v.title[i] and lower_writer(v)))
    ):
        before = range(max(0, k - 4), k)
        if any(v.word[m] in PEOPLE_NOUNS or v.word[m] in ROLE_CUES for m in before):
            return "role"  # "the woman i saw (becca)", "the nurse on nights (shaz)"
    return None


def _known_as(v: View, k: int, i: int) -> bool:
    """ "(known as "Kenny")", "I like to be called: Ash", "goes by Sid": the name someone
    goes by, capitalised, even when it is also a word; quotes and a colon may stand between."""
    if v.mode != "mixed" or not v.title[i] or v.text[i].isupper():
        return False
    while k > 0 and v.low[k] in QUOTES_AND_COLON:
        k -= 1
    pair = (v.low[k - 1], v.low[k]) if k > 0 else ("", v.low[k])
    return pair in KNOWN_AS


QUOTES_AND_COLON = frozenset(['"', "'", "“", "‘", ":"])
KNOWN_AS = frozenset({("known", "as"), ("be", "called"), ("goes", "by"), ("go", "by")})


def lower_writer(v: View) -> bool:
    """A writer who opens sentences in lower case ("hi sue its bernie. can u chase"), though a
    code, an e-mail address or a practice's name puts capitals in the text: two or more
    sentence openings, most of them lower case. Asked only where a cue has been seen."""
    opened = [v.title[k] for k in range(len(v)) if v.sent_start[k] and v.wordlike[k]]
    return len(opened) >= 2 and sum(opened) * 2 < len(opened)


# Words a message opens with before the name of whom it is for.
GREETINGS = frozenset("hi hiya hey hello dear morning evening afternoon".split())


def _doer(word: str, gaz: Gazetteer) -> bool:
    """ "radiographer", "porter", "driver", "assessor": a word for what someone does (the
    lists lack many job words, so the ending decides, except for everyday words)."""
    return len(word) > 5 and word.endswith(("er", "or")) and word not in gaz.common_words


def _addressed(v: View, i: int) -> bool:
    """ "Sprout can u bring ...", "tamsin thanks for the lift", "Peaches here again": a message or
    sentence that opens by naming whom it speaks to, or who is speaking."""
    nxt = v.low[i + 1 : i + 3]
    if not nxt:
        return False
    if nxt[0] in ("ur", "thanks", "pls", "plz", "here"):
        return True
    return len(nxt) == 2 and nxt[0] in ("can", "could", "will", "would") and nxt[1] in ("u", "you")


def _introduced(v: View, k: int, i: int) -> bool:
    """ "its tamsin from the group", "it's Dot here", "this is Gwilym again": someone
    introducing themselves on the phone or in a message."""
    nxt = v.low[i + 1] if i + 1 < len(v) else ""
    if nxt not in ("here", "from", "again", ","):
        return False
    if v.low[k] == "its" or (k > 0 and v.low[k - 1] == "it" and v.low[k] in ("'s", "’s")):
        return True
    return k > 0 and v.low[k - 1] == "this" and v.low[k] == "is"


CARE_FOR_CUES = frozenset(
    {
        ("care", "for"),
        ("cared", "for"),
        ("caring", "for"),
        ("look", "after"),
        ("looking", "after"),
        ("looked", "after"),
        ("visit", "from"),
        ("spoke", "to"),
    }
)


NAME_FOLLOWERS = frozenset(
    """is was has had 's ’s said says told needed waited went moved came did does didn't
    doesn't wasn't couldn't can't won't got kept asked on from at and who would could will
    lives lived loves""".split()
)


# spaCy entity types that are never identifiers of a person or place ("Punjabi", "March").
NOT_IDENTIFIER_ENTS = frozenset(
    """DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT LANGUAGE EVENT LAW WORK_OF_ART
    PRODUCT NORP""".split()
)


def unlisted_title_name(v: View, i: int, gaz: Gazetteer) -> bool:
    """A capitalised word in no list ("Harjit", "Tash") where a name would stand: inside a
    sentence, or opening one and followed by a verb such as "was" or "needed"."""
    if v.mode != "mixed" or not v.title[i] or not v.wordlike[i] or v.stop[i]:
        return False
    w = v.word[i]
    if w in gaz.common_words or w in gaz.places or not_a_name(v, i) or v.text[i].isupper():
        return False
    if w in GENERIC_CARE or (i + 1 < len(v) and v.low[i + 1] in CARE_SUFFIX):
        return False  # "the Cardiology ward": a department, or part of a care setting
    if i + 1 < len(v) and (v.word[i + 1] in ROLE_CUES or is_job_title(v.word[i + 1])):
        if i > 0 and v.low[i - 1] in ("the", "a", "an", "our", "my", "his", "her", "their"):
            return False  # "The Occupational Therapist", "a Discharge Coordinator"
    if specialty_before_role(v, i, gaz):
        return False  # "Dr Owain Tudor, Specialty Registrar"
    if v.ent[i] in NOT_IDENTIFIER_ENTS:
        return False  # spaCy reads a date, number or language here; an ORG may be a place
    line_opening = v.sent_start[i] or (i > 0 and set(v.text[i - 1]) <= set("-–—*•([["))
    if line_opening and w in gaz.english_words and w.endswith(("ed", "ing")):
        if not gaz.is_name_part(w):
            return False  # "Copied from ...", "- Discussed: ...", "--- Forwarded note"
    if _in_hashtag(v, i):
        return False  # "#SickleCellMatters", "#NHSheroes": a tag, not a person
    if not v.sent_start[i]:
        return not _everyday_capital(v, i, gaz)
    if w in gaz.english_words and w.endswith(("ed", "ing")) and not gaz.is_name_part(w):
        return False  # "Copied from ...", "Forwarded by ...", "Translated: ..." open a line
    nxt = v.low[i + 1] if i + 1 < len(v) else ""
    if w in gaz.english_words and not gaz.is_name_part(w):
        if nxt in ("at", "on") and _heads(v, i):
            return False  # "Stall at the community centre", "Outreach on Tuesday": a heading
        if nxt == "and" and w.endswith(QUALITY_ENDINGS):
            return False  # "Informative and helpful.", "Professionalism and care": a verdict
    if abstract_noun(w, gaz) and w in gaz.english_words and not _addressed_in_speech(v, i):
        return _role_apposition(v, i)  # "Loneliness was mentioned a lot": no person
    if _role_apposition(v, i):
        return True  # "Oksana, my midwife, was amazing"
    if _addressed_in_speech(v, i):
        return True  # "“Tegid,” she said"'
    if i + 1 < len(v) and v.title[i + 1] and v.word[i + 1] in gaz.surnames and v.spaced[i]:
        return True  # "Oksana Clarke, 37, contacted us"
    if i + 2 < len(v) and v.spaced[i] and _unlisted_pair(v, i + 1, gaz):
        # "Gethin Rennie rang": two capitalised words in no list, then a verb of a person
        return v.low[i + 2] in NAME_FOLLOWERS or v.low[i + 2] in PERSON_VERBS
    return nxt in NAME_FOLLOWERS or v.ent[i] == "PERSON"


def _in_hashtag(v: View, i: int) -> bool:
    """The word is written onto a "#": a hashtag's words name a cause or a campaign."""
    start = v.start[i]
    return start > 0 and v.lowered[start - 1] == "#"


# Endings of English adjectives and verbs ("Occupational", "Homely", "Translate"): nouns such
# as "Brambles", "Laurels" or "Hillcrest" name homes and places when capitalised; these rarely do.
NOT_NOUN_ENDINGS = ("al", "ly", "ate", "ous", "ive", "ful", "ic", "ise", "ize")


def _everyday_capital(v: View, i: int, gaz: Gazetteer) -> bool:
    """A capitalised English adjective or verb inside a sentence that no list knows as a name
    ("Occupational health", "Google Translate", "- Homely feel"): capitals there mark a title,
    a heading or a brand, so such a word is a person only with a person's cue: a verb or
    follower of a person after it, a role in apposition, a surname after it, or spaCy reading
    a person there. Capitalised nouns keep the guess: they name care homes and places
    ("at Brambles", "The Laurels") whose finding the guess makes."""
    w = v.word[i]
    if w not in gaz.english_words or gaz.is_name_part(w):
        return False
    if not (w.endswith(NOT_NOUN_ENDINGS) or abstract_noun(w, gaz)):
        return False
    nxt = v.low[i + 1] if i + 1 < len(v) else ""
    if nxt in NAME_FOLLOWERS or nxt in PERSON_VERBS or v.ent[i] == "PERSON":
        return False
    if _role_apposition(v, i) or _addressed_in_speech(v, i):
        return False
    return not (i + 1 < len(v) and v.title[i + 1] and v.word[i + 1] in gaz.surnames)


# Endings of words for qualities, which open feedback comments ("Attentive and kind").
QUALITY_ENDINGS = (
    "ful", "ive", "ous", "able", "ible", "ness", "ment", "tion", "sion", "ism", "ity", "ly",
    "less", "ing", "ed",
)  # fmt: skip


def _heads(v: View, i: int) -> bool:
    """Token i opens the text or a line: where a heading stands ("Becca from the team" inside
    a message is a person)."""
    start = v.start[i]
    return (
        start == 0
        or v.lowered[:start].rstrip(" \t").endswith("\n")
        or not v.lowered[:start].strip()
    )


def _unlisted_pair(v: View, j: int, gaz: Gazetteer) -> bool:
    """The second word of two capitalised words in no list ("Gethin Rennie"): a surname."""
    w = v.word[j]
    return (
        v.word[j - 1] not in gaz.english_words
        and v.title[j]
        and v.wordlike[j]
        and not v.text[j].isupper()
        and w not in gaz.common_words
        and w not in gaz.places
        and not not_a_name(v, j)
        and w not in CARE_SUFFIX
    )


def _addressed_in_speech(v: View, i: int) -> bool:
    """ "“Tegid,” she said" or "“Tegid!” the nurse shouted": a word someone is called by."""
    if i + 1 >= len(v) or v.low[i + 1] not in (",", "!", "?"):
        return False
    window = v.low[i + 2 : i + 6]
    return any(
        w in SPEECH_VERBS or w in ("shouted", "called", "whispered", "yelled") for w in window
    )


def _role_apposition(v: View, i: int) -> bool:
    """ "Patel, the practice nurse, ...": a role described right after the word."""
    if i + 3 >= len(v) or v.low[i + 1] != "," or v.low[i + 2] not in APPOSITION_STARTS:
        return False
    return any(v.word[k] in ROLE_CUES for k in range(i + 3, min(i + 6, len(v))))


APPOSITION_STARTS = frozenset("my our the his her their your".split())
SPEECH_VERBS = frozenset("said says told asked explained rang phoned called replied".split())


def _beside_an_age(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "Bill, 82, was left on a trolley", "* Button (78) - wants chiropody": a capitalised word
    with an age between commas or in brackets is a person, even one that is also an everyday
    word ("Bill", "Rose", "Button"), unless it says what kind of person ("Woman (70s)",
    "Patient")."""
    if i + 3 >= len(v) or not v.wordlike[i] or v.stop[i]:
        return False
    if v.low[i + 1] not in ("(", ","):
        return False  # the age needs one of these next; asked first, as it is cheap
    if not_a_name(v, i):
        return False
    if not (v.title[i] or v.mode != "mixed") or v.word[i] in MONTHS or v.word[i] in WEEKDAYS:
        return False
    if v.low[i + 1] == "(" and v.low[i + 3] == ")" and v.mode == "mixed":
        age = v.text[i + 2]
        # An everyday word needs an adult's age: "Table (2)" numbers a table.
        youngest = 16 if v.word[i] in gaz.common_words else 1
        return (
            age.isdigit()
            and youngest <= int(age) <= 115
            and v.word[i] not in PEOPLE_NOUNS
            and v.word[i] not in KINDS_OF_PEOPLE
            and not v.text[i].isupper()
        )
    if v.low[i + 1] != ",":
        return False
    age = v.text[i + 2]
    if not (age.isdigit() and 0 < int(age) <= 115):
        return False
    if v.low[i + 3] == ",":
        return i + 4 < len(v) and not v.text[i + 4][:1].isdigit()
    # A note's list item: "Hyacinth, 77 — waiting for cataract op", "Neve, 17: school nurse"
    return v.text[i + 3] in ("—", "–", "-", ":", ";") and v.mode == "mixed" and v.sent_start[i]


WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _joined_name(v: View, i: int, gaz: Gazetteer) -> bool:
    """A word joined to a name by "or", "and", "&" or "/" that reads as a name itself."""
    if i + 1 >= len(v) or v.low[i] not in ("or", "and", "&", "/"):
        return False
    j = i + 1
    if not v.wordlike[j] or v.stop[j] or not_a_name(v, j) or looks_like_a_verb(v, j, gaz):
        return False
    w = v.word[j]
    if v.has_pos and v.pos[j] in CLOSED_POS:
        return False
    if w in gaz.common_words or w in gaz.places or w in GENERIC_CARE or w.rstrip(".") in TITLE_CUES:
        return False
    if v.mode == "mixed" and v.text[j].isupper():
        return False  # "Lisa and TTI Tina": initials of a role
    return w in gaz.first_names or w not in gaz.english_words


def surname_at_sentence_start(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "Nguyen said ...", "Hughes, the sister in charge, ...": a listed surname opening a
    sentence, followed by a verb of a person or a role in apposition. Surnames that are also
    everyday words ("Young", "Bell") need a verb of speech or the apposition."""
    if v.mode != "mixed" or not v.title[i] or not v.sent_start[i] or v.text[i].isupper():
        return False
    w = v.word[i]
    if w not in gaz.surnames or not_a_name(v, i) or v.stop[i] or w in gaz.places:
        return False
    nxt = v.low[i + 1] if i + 1 < len(v) else ""
    if _role_apposition(v, i) or nxt in SPEECH_VERBS:
        return True
    return w not in gaz.common_words and nxt in NAME_FOLLOWERS


# Titles that are also everyday words: "the doctor said", "I miss her", "a lady came".
EVERYDAY_TITLES = frozenset("doctor miss lady lord sir dame professor reverend councillor".split())


def _plain_word_after_title(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "the doctor ignored me", "I miss breakfast": where capitals carry meaning, a lower-case
    everyday word or verb after "doctor" or "miss" is no name ("dr okafor" still is)."""
    if v.title[i] or v.word[i] in NAME_PARTICLES or v.word[i] in ("ap", "ab", "mac"):
        return False  # "Mr ap Gruffydd", "Dr van Dijk"
    if i == 0 or v.word[i - 1].rstrip(".") not in EVERYDAY_TITLES:
        return False  # "Ms queen rudy": "Mr", "Mrs", "Ms", "Dr" are titles and nothing else
    if v.mode != "mixed":  # no capitals to go by: only a verb gives the word away
        return v.has_pos and v.pos[i] == "VERB" and not gaz.is_name_part(v.word[i])
    # Where capitals carry meaning, "a doctor rang back", "Lady rang from Stockton": a word
    # in lower case after an everyday title is a name only if the lists know it as one.
    return (
        not gaz.is_name_part(v.word[i])
        or v.word[i] in gaz.common_words
        or looks_like_a_verb(v, i, gaz)
    )


def people(v: View, gaz: Gazetteer) -> Iterator[Finding]:
    n = len(v)
    i = 0
    while i < n:
        if not v.wordlike[i]:
            # Punctuation, figures, one letter: every test below says no to such a token
            # (`not_a_name` first), so the cue is not looked for either.
            i += 1
            continue
        cue = _cue_before(v, i, gaz)
        if cue == "title" and v.wordlike[i] and not v.stop[i] and not not_a_name(v, i, True):
            if _plain_word_after_title(v, i, gaz):
                i += 1
                continue
            end = extend_name(v, i, gaz)
            yield Finding(v.start[i], v.end[end - 1], "PERSON", 0.9, "title_cue")
            i = end
            continue
        if (cue == "role" and cued_name_ok(v, i, gaz)) or first_name_ok(v, i, gaz):
            score, source = 0.85, "role_cue" if cue else "name_gazetteer"
        elif unlisted_title_name(v, i, gaz):
            score, source = 0.65, "capitals"  # a guess from capitals alone: the check asks
        elif surname_at_sentence_start(v, i, gaz):
            score, source = 0.7, "surname_start"
        elif _beside_an_age(v, i, gaz):
            score, source = 0.75, "beside_age"
        else:
            score = 0.0
        if score:
            end = extend_name(v, i, gaz)
            yield Finding(v.start[i], v.end[end - 1], "PERSON", score, source)
            i = end
            if _joined_name(v, i, gaz):  # "becca or bekki", "Shona and Morven"
                yield Finding(v.start[i + 1], v.end[i + 1], "PERSON", 0.7, "joined_name")
                i += 2
            continue
        i += 1


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
    )
)


def _strong_cue(v: View, i: int) -> bool:
    if i >= 2 and (v.low[i - 2], v.low[i - 1]) in STRONG_PLACE_CUES:
        return True
    return i >= 1 and v.low[i - 1] in ("near", "nr")


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
                if key not in gaz.places and "-" in key:
                    key = key.replace("-", " ")  # "Sutton-in-Ashfield" as the list's words
                if key in gaz.places and _place_ok(v, i, size, key, gaz):
                    last = i + size - 1
                    if _place_tail(v, last + 1):
                        last += 1  # "Moss Side", "Kings Heath": the list names only "Moss"
                    yield Finding(v.start[i], v.end[last], "LOCATION", 0.75, "uk_places")
                    matched = last - i + 1
                    break
        i += matched or 1
    yield from _cued_places(v, gaz)


def _place_ok(v: View, i: int, size: int, key: str, gaz: Gazetteer) -> bool:
    if key in DOMAIN_WORDS or key in COUNTRIES or is_eponym(v, i + size - 1):
        return False
    if key in MONTHS and _next_to_a_number(v, i):
        return False  # "in March 2023" is a date, not the town of March
    if not all(
        v.wordlike[k] or v.text[k] == "-" or (k > i and v.text[k].isalpha())
        for k in range(i, i + size)
    ):  # inner one-letter words count: "pen-y-bont", "betws-y-coed"
        return False
    cue = i > 0 and v.low[i - 1] in PLACE_CUES
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
                return True
            if common:
                return placed
            return cue or placed or _area_follows(v, i + size)
        if common:
            return v.ent[i] in ("GPE", "LOC") or placed or (cue and v.proper(i))
        return True
    if common:
        # Lower case throughout: "in london", "from bristol" read as places where the tagger,
        # given the sentence, takes the word for a proper noun ("in bath", "for sale" stay).
        return placed or (cue and size == 1 and v.has_pos and v.pos[i] == "PROPN")
    return (
        cue or placed or _area_follows(v, i + size) or not (v.has_pos and v.pos[i] in NOT_NAME_POS)
    )


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
    for i in range(1, len(v)):
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


# ---------------------------------------------------------------------------------------------
# Care settings: "… Surgery", "… Medical Centre", "… Hospital", "Bluebell Ward", "Ward 12"

CARE_SUFFIX = frozenset(
    """hospital hospitals infirmary surgery hospice practice centre center clinic home ward
    unit wing lodge manor house court grange care dental dentists dentist group
    partnership pharmacy chemist chemists opticians optometrists""".split()
)
# Suffixes that name a care setting even written in lower case after a capitalised name
# ("the Grange practice", "Dr Rahman's surgery", "Oakwood dental").
LOWER_SUFFIX_OK = frozenset(
    """hospital infirmary surgery hospice practice centre clinic ward dental dentists pharmacy
    chemist opticians""".split()
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
GENERIC_CARE = frozenset(
    """local general district community medical dental health care nursing residential gp
    nhs mental private city county university teaching children childrens women womens
    new old main big small nearest nearby same other previous usual the a my our his her their
    emergency urgent day maternity psychiatric acute cottage family eye cancer heart knee hip
    back brain spinal keyhole cataract bypass major minor open bariatric cosmetic weight loss
    specialist rehab rehabilitation stroke surgical elderly side busy mixed respite dementia
    assessment admissions discharge treatment walk-in walk in out hours covid royal this that
    every each another first second third nursery home group joint further vet vets animal
    doctor doctors gp's foot eye ear throat nose wrong cardiology oncology neurology renal
    orthopaedic orthopaedics orthopedic respiratory paediatric paediatrics neonatal haematology
    gynaecology urology dermatology ophthalmology radiology fracture endoscopy outpatient
    outpatients inpatient coronary critical intensive dependency burns liver diabetes diabetic
    breast chest kidney sexual fertility memory pain sleep baby birth labour antenatal
    postnatal delivery recovery theatre theatres x-ray scan welsh english scottish irish
    british""".split()
)
JOINERS = frozenset({"and", "of", "upon", "on", "&", "st", "st."})
STREET_WORDS = frozenset(
    """road street lane avenue close drive crescent grove gardens terrace way place park hill
    view rise green square row walk""".split()
)
WARD_NUMBER = re.compile(r"\bward\s+\d{1,3}[a-z]?\b", re.IGNORECASE)
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


def care_settings(v: View, gaz: Gazetteer, text: str) -> Iterator[Finding]:
    for m in WARD_NUMBER.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.9, "care_pattern")
    for m in PRISON.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.85, "care_pattern")
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
        if suffix in TITLE_ONLY_SUFFIX and v.mode != "mixed" and before not in CARE_AFTER:
            if not (j >= 2 and v.low[j - 2] in ("into", "at", "to", "in")):
                continue
        start = _care_name_start(v, j, gaz)
        if start is None:
            continue
        if _person_named_ward(v, start, j, gaz):
            yield Finding(v.start[start], v.end[j], "PERSON", 0.85, "surname_ward")
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
PERSON_VERBS = frozenset(
    """said says told tells asked asks explained explains introduced came come rang phoned
    called helped listened gave made took sat spoke smiled laughed apologised reassured
    who""".split()
)
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


# ---------------------------------------------------------------------------------------------
# spaCy's own entities (mixed-case documents only), trimmed to the README's conventions.

NER_LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION"}


def ner_entities(doc: Doc, v: View, gaz: Gazetteer) -> Iterator[Finding]:
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            continue
        first, last = ent.start, ent.end - 1
        while first <= last and (
            v.word[first].rstrip(".") in TITLE_CUES
            or v.word[first] in ROLE_CUES
            or v.stop[first]
            or not v.wordlike[first]
        ):
            first += 1
        while last >= first and not v.wordlike[last]:
            last -= 1
        if first > last:
            continue
        words = v.word[first : last + 1]
        if all(w in DOMAIN_WORDS or w in COUNTRIES or w in ROLE_CUES for w in words):
            continue
        if " ".join(words) in COUNTRIES or any(is_eponym(v, k) for k in range(first, last + 1)):
            continue
        if not all(v.title[k] for k in range(first, last + 1)):
            continue
        if all(w in gaz.common_words for w in words) and not any(
            gaz.is_name_part(w) for w in words
        ):
            continue  # a capitalised everyday word ("Hope", "Trust") taken for a name
        yield Finding(v.start[first], v.end[last], label, 0.7, "spacy_ner")


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


def token_findings(doc: Doc, gaz: Gazetteer, original: str | None = None) -> list[Finding]:
    """Names, places and care settings in one document. `original` is the text as written
    when spaCy was given a lower-cased copy of an ALL CAPS text."""
    original = doc.text if original is None else original
    mode = case_mode(original)
    if mode == "upper":
        mode = "lower"  # read like lower case: the capitals carry no information
    v = view(doc, original, mode)
    found: list[Finding] = []
    found.extend(people(v, gaz))
    found.extend(places(v, gaz))
    found.extend(care_settings(v, gaz, original))
    found.extend(house_named_settings(v, gaz))
    if mode == "mixed":
        found.extend(ner_entities(doc, v, gaz))
    return found
