"""Whether a token is shaped like a forum or social-media username: "Sandwich_Gen_Sue",
"ThreeBoysAndADog", "MollyMoo84", "breathless.but.brave", "wearyoldbloke".

Seventh round (issue 20): threads copied from forums and group chats label their turns by
username, and writers give their own ("I'm louth_lass_61 on here"). No name list holds a
username, so its shape is the cue: an underscore or a dot between letters, capitals inside a
word (CamelCase), letters run into digits, or, weaker, ordinary words run together in lower
case. A shape alone is never enough to redact: the callers ask for a place where a username
stands (a speaker label in a thread, "Reply from", "posted by", "on here", a platform named).
Products and services spelt in CamelCase ("WhatsApp", "iPhone", "YouTube") are no usernames.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.identifiers.core.name_gazetteer import gazetteer

STRONG = "strong"  # underscore, dot, CamelCase or digits: a username wherever it is a label
WEAK = "weak"  # ordinary words run together in lower case ("wearyoldbloke")

# Products, apps and services written in CamelCase, and words that stand where a username
# would without being one ("Posted by Anonymous", "Reply from Admin").
NOT_USERNAMES = frozenset(
    """whatsapp iphone ipad ipod imac macbook youtube facetime powerpoint systmone linkedin
    tiktok econsult justgiving gofundme paypal facebook snapchat instagram mychart nhsapp
    accurx patchs askmygp myhealth healthunlocked mumsnet netmums bigwhite carersuk ageuk
    childline openreach teams zoom skype outlook gmail hotmail icloud onedrive
    dropbox google microsoft amazon ebay covid19 covid-19 sars-cov-2 anonymous anon admin
    administrator moderator mod mods guest user member op original poster staff team
    novorapid novomix humalog epipen freestyle oxycontin oxynorm duoresp zerobase medihoney
    playstation myfitnesspal patientaccess nhsmail bereal""".split()
)
# Words that number an item or a reading ("Step2:", "Ward12:", "SpO2:") rather than name anyone.
NUMBERED_THINGS = frozenset(
    """q a question answer step stage ward bay room bed day week month year page item form point
    level grade flat unit version v no number part section line table box test dose cycle
    session visit call round spo fio pco news phq gad hba""".split()
)
SHORT_WORDS = frozenset(
    """a i of my me mum the and in on to no is so up at by an or we us our its it""".split()
)
# Endings of drug names ("atorvastatin", "haloperidol", "oramorph"), which a long word list
# can split into fragments.
DRUG_ENDINGS = (
    "statin",
    "olol",
    "pril",
    "sartan",
    "azepam",
    "azole",
    "idol",
    "orph",
    "mab",
    "cillin",
    "mycin",
    "xacin",
    "parin",
    "tide",
    "ine",
    "ide",
    "pam",
    "done",
    "one",
    "ate",
    "ium",
    "in",
)
UNDERSCORED_OR_DOTTED = re.compile(r"[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)+_?|[A-Za-z0-9]+_+")
CAMEL = re.compile(r"(?:[A-Z][a-z]+|[a-z]+)(?:[A-Z][a-z]*)+\d*")
LETTERS_DIGITS = re.compile(r"(?P<letters>[A-Za-z]{3,})\d{1,4}")
LOWER_RUN = re.compile(r"[a-z]{6,24}")
# A dotted token that is a file, a web address or an abbreviation is no username.
FILE_OR_SITE = re.compile(
    r"(?i)(?:^www\.|\.(?:com|org|net|uk|gov|nhs|ac|co|io|pdf|docx?|xlsx?|jpe?g|png|txt)$|"
    r"^(?:[a-z]\.)+[a-z]?$)"
)


def username_shape(token: str) -> str | None:
    """STRONG, WEAK or None for a single token (no spaces)."""
    low = token.lower()
    if len(token) < 4 or low in NOT_USERNAMES or not re.search(r"[A-Za-z]", token):
        return None
    if UNDERSCORED_OR_DOTTED.fullmatch(token):
        if FILE_OR_SITE.search(token):
            return None
        return STRONG
    if CAMEL.fullmatch(token) and len(re.findall(r"[A-Z][a-z]+", token)) >= 2:
        # Two capitalised words or more run together: not "eGFR", "SpO2", "mmHg", "iPhone".
        # "McDonald", "MacLeod" are surnames in CamelCase: still a person, so still found.
        return STRONG
    m = LETTERS_DIGITS.fullmatch(token)
    if m and not m.group("letters").isupper() and m.group("letters").lower() not in NUMBERED_THINGS:
        # not a score or a test in capitals ("NEWS2", "PHQ9", "GAD7")
        return STRONG
    if LOWER_RUN.fullmatch(token) and not low.endswith(DRUG_ENDINGS) and _run_together(low):
        return WEAK
    return None


@lru_cache(maxsize=4096)
def _run_together(word: str) -> bool:
    """Whether a lower-case word that is no word itself splits into two or more words
    ("wearyoldbloke" = weary old bloke). Short pieces must be common words, so that a drug
    name ("omeprazole") does not split into fragments a long word list happens to hold."""
    gaz = gazetteer()
    if word in gaz.english_words or word in gaz.common_words:
        return False

    def is_piece(piece: str) -> bool:
        if len(piece) <= 2:
            return piece in SHORT_WORDS
        if len(piece) == 3:
            return piece in gaz.common_words or piece in SHORT_WORDS
        return piece in gaz.english_words

    # best[i]: fewest pieces covering word[:i] (None where no split reaches i)
    best: list[int | None] = [0] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 15), end):
            prior = best[start]
            if prior is not None and is_piece(word[start:end]):
                if best[end] is None or prior + 1 < best[end]:
                    best[end] = prior + 1
    pieces = best[len(word)]
    return pieces is not None and pieces >= 2
