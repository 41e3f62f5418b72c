"""People's names found from tokens: gazetteers, capitals, and the cues around a word ("my son
…", "Dr …", "… said"). See `nlp.identifiers.recogniser.token_rules` for how the document's case
decides what counts as evidence."""

from __future__ import annotations

from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    ROLE_CUES,
    TITLE_CUES,
    WEAK_ROLE_CUES,
    Gazetteer,
)
from nlp.identifiers.core.token_view import (
    CLOSED_POS,
    NOT_NAME_POS,
    View,
    is_job_title,
    next_to_a_number,
    not_a_name,
)
from nlp.identifiers.core.token_words import (
    CARE_SUFFIX,
    GENERIC_CARE,
    MONTHS,
    PERSON_VERBS,
    STREET_WORDS,
)

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
    if w in MONTHS and (next_to_a_number(v, i) or (i > 0 and v.low[i - 1] in DATE_WORDS)):
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
    if w in gaz.registered_only_first_names:
        if _names_a_place_or_setting(v, i):
            return False
        if v.mode == "mixed":
            if not v.title[i]:
                return False
            if v.text[i].isupper():  # "the ABI group": initials, but "especially MHAIRI"
                return _name_in_capitals_for_emphasis(v, i, gaz)
            # "Prem babies ...": an English word opening a sentence needs more to be a name.
            return not (v.sent_start[i] and w in gaz.english_words) or (
                v.ent[i] == "PERSON" or _says_or_described(v, i, gaz)
            )
        return w not in gaz.english_words and not v.function_word(i)
    if v.mode == "mixed":
        return v.title[i] or w not in gaz.english_words
    return not v.function_word(i)


def _name_in_capitals_for_emphasis(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "especially MHAIRI who stayed", "The play specialist, RIVKA, was": in a text written in
    mixed case, a rarer registered name typed in capitals on its own is a name stressed, not
    initials, when it is long enough not to be an acronym and no English word, and no word in
    capitals stands beside it (a heading or an organisation's initials would)."""
    w = v.word[i]
    if len(w) < 4 or w in gaz.english_words or not v.text[i].isalpha():
        return False
    for k in (i - 1, i + 1):
        if 0 <= k < len(v) and v.wordlike[k] and v.text[k].isupper():
            return False
    return True


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


# Words before a place's own name ("North Tyne", "Upper Wharfedale").
COMPASS_WORDS = frozenset("north south east west upper lower great little mid".split())


def _names_a_place_or_setting(v: View, i: int) -> bool:
    """ "Oakleigh House", "Aspen Road", "North Tyne": a rarer registered first name that is
    also a word of a place's name, with a kind or a compass word beside it. The older lists'
    names keep their own tests."""
    j = i + 1
    if j < len(v) and v.spaced[i] and (v.word[j] in CARE_SUFFIX or v.word[j] in STREET_WORDS):
        return True
    return i > 0 and v.word[i - 1] in COMPASS_WORDS and v.title[i - 1] == v.title[i]


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


# Words before a month that make it a date ("in May", "since August", "by June").
DATE_WORDS = frozenset(
    "in on since until till by of last next early late mid from to during before after".split()
)


def surname_ok(v: View, j: int, gaz: Gazetteer) -> bool:
    """The word after a first name or a title: a surname if the lists or the capitals say so."""
    if not v.spaced[j - 1] or not_a_name(v, j) or v.stop[j]:
        return False
    w = v.word[j]
    if v.mode == "mixed":
        if v.title[j] or (w in gaz.surnames and w not in gaz.common_words):
            return True
        # "alfie turner at the surgery": a name typed in lower case inside a capitalised text
        # is typed so whole, so a listed surname after a first name in lower case is its own
        # even where it is an everyday word too.
        return (
            w in gaz.surnames
            and v.word[j - 1] in gaz.first_names
            and v.text[j - 1].islower()
            and not (v.has_pos and v.pos[j] in CLOSED_POS)
            and not looks_like_a_verb(v, j, gaz)
        )
    if (v.has_pos and v.pos[j] in CLOSED_POS) or looks_like_a_verb(v, j, gaz):
        return False
    if v.word[j - 1] in gaz.first_names and w not in gaz.common_words:
        return True  # "JOHN WARBURTON": after a first name, a rare word is the surname
    return gaz.is_name_part(w) or w not in gaz.english_words


# The words a figure is said with: no surname is one of them.
SAID_FIGURES = frozenset("oh zero nought double treble".split())


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
        if v.word[j] == v.word[j - 1] and v.wordlike[j]:
            break  # "leanne leanne dot …": a name said twice is two mentions (round 33)
        if v.word[j] in SAID_FIGURES:
            break  # "my boyfriend tyrell oh seven seven …": his number begins (round 33)
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
    if v.has_pos and v.pos[i] in CLOSED_POS and not _pet_form(v, i, gaz):
        return False
    if v.low[i - 1] == ":" and w in gaz.common_words and w not in gaz.first_names:
        return False  # "Advocate: Good morning", "Consultant: Thank you" (not ": Okafor")
    if _after_weak_role(v, i) and w in gaz.common_words and w not in gaz.first_names:
        return False  # "interpreter, Language Line", "VOLUNTEER SUMMARY" (thirty-first round)
    if v.mode == "mixed" and v.title[i]:
        return not _department_after_role(v, i, gaz)
    if v.mode == "mixed":  # lower case where capitals are used: a name only if no word
        if w not in gaz.english_words or (w in gaz.first_names and w not in gaz.common_words):
            return True
        if w in gaz.first_names and lower_writer(v):
            return True  # "ring his daughter anna" by a writer whose capitals are codes only
        if (w in gaz.first_names or w not in gaz.english_words) and lower_turn(v, i):
            return True  # "Customer: our son alan is in perth" (thirty-third round)
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


def _pet_form(v: View, i: int, gaz: Gazetteer) -> bool:
    """ "my husband dougie he's …": in lower case the tagger takes a pet form it does not know
    for a closed word class (a preposition, a determiner); every closed class is common words,
    so a rare word ending as pet forms do ("-ie") is a name's (thirty-third round)."""
    w = v.word[i]
    return v.mode != "mixed" and w.endswith("ie") and len(w) > 3 and w not in gaz.common_words


def _after_weak_role(v: View, i: int) -> bool:
    """Whether the cue before token i ("interpreter", "volunteer, ") is a weak role's."""
    k = i - 2 if i > 1 and v.low[i - 1] == "," else i - 1
    return k >= 0 and v.word[k] in WEAK_ROLE_CUES


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
    # Twenty-eighth round: qualities and treatments ("Negligence", "Locality", "Chemotherapy",
    # "Urosepsis"); names so ending ("Florence", "Felicity") are name parts and stay.
    "ence", "ance", "ity", "therapy", "itis", "osis",
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
    if k > 0 and v.low[k] in ("m", "'m", "’m") and v.low[k - 1] == "i" and not v.title[i]:
        name_like = v.word[i] in gaz.first_names or v.word[i] not in gaz.english_words
        if name_like and (v.mode != "mixed" or lower_writer(v)):
            return "role"  # "hi im kasia": "I am" run together by a lower-case writer (round 40)
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


LOWER_TURN_WORDS = 5


def lower_turn(v: View, i: int) -> bool:
    """Token i stands in a turn typed all in lower case, in a text with capitals elsewhere: a
    chat's or a transcript's line after its speaker's label ("[08:59] Customer: our son alan
    is in perth"), whose writer's capitals say nothing of names, though the adviser's lines
    and the labels use them. The turn runs from the label's colon (or the line's start) to the
    line's end and has five words or more, none capitalised (thirty-third round)."""
    start = i
    while start > 0 and "\n" not in v.text[start - 1] and v.low[start - 1] != ":":
        start -= 1
    end, n = i, len(v)
    while end < n and "\n" not in v.text[end]:
        end += 1
    words = 0
    for k in range(start, end):
        if v.wordlike[k]:
            if v.title[k]:
                return False
            words += 1
    return words >= LOWER_TURN_WORDS


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
    if (
        v.mode == "mixed"
        and i > 0
        and v.text[i - 1].isupper()
        and len(v.text[i - 1]) > 1
        and not gaz.is_name_part(v.word[i])
    ):
        return True  # "MR asked", "DR agreed": initials in capitals, a verb after them
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


_plain: tuple[Gazetteer | None, frozenset[str]] = (None, frozenset())


def plain_words(gaz: Gazetteer) -> frozenset[str]:
    """Everyday words that are no first name: common, in the English list, and not in the
    first names. Worked out once for the process's one gazetteer."""
    global _plain
    last = _plain  # read once: another thread may replace it
    if last[0] is not gaz:
        last = (gaz, (gaz.common_words & gaz.english_words) - gaz.first_names)
        _plain = last
    return last[1]


def people(v: View, gaz: Gazetteer) -> Iterator[Finding]:
    n = len(v)
    i = 0
    # In a text of mixed case, a word in lower case that `plain_words` holds gives no name
    # unless a title ("Mr", "dr.") stands right before it, so most tokens are passed over
    # without looking for a cue. Why each test below says no to such a word:
    # - a title cue needs a title before it (`_known_as` needs a capital, the other way is
    #   the word before in TITLE_CUES), which is what is asked here;
    # - `cued_name_ok` for a lower-case word in mixed case needs it to be unlisted as
    #   English, a first name, or not common (the "called becca" and pet-name ways);
    # - `first_name_ok` needs a capital for a pet word, and a first name otherwise;
    # - `unlisted_title_name`, `surname_at_sentence_start` and, in mixed case,
    #   `_beside_an_age` all need a capital.
    plain = plain_words(gaz) if v.mode == "mixed" else frozenset()
    while i < n:
        if not v.wordlike[i]:
            # Punctuation, figures, one letter: every test below says no to such a token
            # (`not_a_name` first), so the cue is not looked for either.
            i += 1
            continue
        if (
            v.word[i] in plain
            and not v.title[i]
            and (i == 0 or v.word[i - 1].rstrip(".") not in TITLE_CUES)
        ):
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
            if i < n and v.word[i] == v.word[i - 1] and v.wordlike[i]:
                # "my nan mavis mavis ellery": said again, with its surname (round 33)
                end = extend_name(v, i, gaz)
                yield Finding(v.start[i], v.end[end - 1], "PERSON", score, "repeat")
                i = end
            if _joined_name(v, i, gaz):  # "becca or bekki", "Shona and Morven"
                yield Finding(v.start[i + 1], v.end[i + 1], "PERSON", 0.7, "joined_name")
                i += 2
            continue
        i += 1
