"""A person written surname first as one entry of a list or a log: "BAKER, Rachel – podiatry",
"Pt Wright, Dennis (12/01/1939)", "Evans, Rhian ; Rhyl ; 9 miles", "JONES, MEGAN | DOB: ..."
(issue 20, forty-ninth round; missed in three writers' sets, v8, v46 and v47, which mark the pair
whole as one person).

Round 27's and round 30's rules (`surname_first.py`) take such a pair in a table's cell, after a
form's field or an e-mail header, or in capitals when the surname is no everyday word. A log
line or a pasted list has none of those cues: the pair follows a code or a time, and what closes
it is the entry's own separator, a dash, a semicolon, a bar or a bracket opening on a figure
(an age or a date of birth). There the separator is the cue, and both names must be known:

- every part of the surname is a known surname (so "Baker" and "Wright", everyday words in the
  frequency list, count), never a greeting, a sign-off or a role ("Thanks, Alan –", "Best,
  Sandra", "Nurse, Ruth (band 5)");
- the forename is a known first name and no place ("Joan Proctor, Peterlee" is a person and a
  town);
- the forename is in capitals only when the surname is too ("JONES, MEGAN |").

Each name is its own finding, the comma between them left out.

Round 72: anywhere in a well-cased text, a surname in capitals, a comma and a capitalised first
name, the way hospital records and letters' subject lines write a patient ("Subject: review -
AKINOLA, Oluwaseun", "Triage note: BROWNLOW, Dennis D.O.B. ..."; missed in five writers' sets,
v71, v79, v91, v93 and v95, all marking the pair). The surname is a known surname (in capitals
before a comma and a first name, "JONES" and "BROWN" are surnames), or a word of three letters
or more that no English list holds, with two vowels or more and no place's name; no article or
describing word comes before it ("the ENP, Dafydd", "an IMHA, Dylan Price" name a role and then
its holder). The first name is a known first name that is no everyday word (a second given
name after it is left to the name rules, which read "Carys Mair" as one).

Round 55: a form's or a note's field holds the pair as its value, in whatever case the note is
typed ("service user: zhang, xiu ying, dob ...", "patient: jones, huw   dob", "Bay 3 bed 2:
Ahmadi, Yusuf, 28", "NOTE: SANTOS, INÊS, YEAR 7"; missed in a retired set's case notes,
bay lists and school notes, v60). The field's colon opens it, and a comma, a bracket, a run of
spaces, a cue for a birth date or an age, or the line's end closes it. The surname is a known
one or no everyday word, never a role or a greeting; of the one or two given names after the
comma at least one is a known first name (accents aside) and none an everyday word; and all
the words are written alike (all lower case, all capitals, or all capitalised), as a name typed
into a field is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, Gazetteer, gazetteer, without_accents
from nlp.identifiers.people.surname_first import NOT_CELL_SURNAMES, NOT_SURNAMES

# The entry's separator after the forename: a dash between spaces, a semicolon, a bar, a
# bracket opening on a figure, or the line's end.
LISTED_SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])(?P<surname>(?:Mc|MC|Mac|MAC|O['’])?[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?),"
    r"[ \t]+(?P<first>[A-Z][A-Za-z'’-]+)"
    r"(?=[ \t]*(?:\([ \t]*\d|[–—;|]|-[ \t]|$))",
    re.MULTILINE,
)

_NAME_WORD = r"[^\W\d_](?:[\w'’-]*[^\W\d_])?"
FIELD_SURNAME_FIRST = re.compile(
    rf"(?<=:)[ \t]*(?P<surname>{_NAME_WORD}),[ \t]+(?P<given>{_NAME_WORD}(?:[ \t]{_NAME_WORD})?)"
    r"(?=[ \t]*(?:[,(]|$)|[ \t]{2}|[ \t]+(?i:dob|d\.o\.b|born|aged?|nhs|hosp|chi)\b)",
    re.MULTILINE,
)


def _plain(word: str) -> str:
    """A word in lower case without its accents, as the lists hold it ("gráinne": "grainne")."""
    return without_accents(word.lower())


def _surname_parts(surname: str) -> list[str] | None:
    """A surname's parts, in the case given, without the prefixes "Mc", "Mac" and "O'"; None
    when nothing is left or a part is never a surname ("Thanks", "Nurse", "Room")."""
    parts = [p for p in re.split(r"[-'’]", surname) if p not in ("mc", "mac", "o")]
    if not parts or any(p in NOT_SURNAMES or p in NOT_CELL_SURNAMES for p in parts):
        return None
    return parts


def _everyday(word: str, gaz: Gazetteer) -> bool:
    """An everyday word that is no first name as well ("kevin" and "sarah" are frequent words
    in the frequency list, and names)."""
    return word in gaz.common_words and word not in gaz.first_names


def _written_alike(words: list[str]) -> bool:
    return (
        all(w.islower() for w in words)
        or all(w.isupper() for w in words)
        or all(w[0].isupper() and not w.isupper() for w in words)
    )


def field_surnames_first(text: str) -> Iterator[Finding]:
    """ "service user: zhang, xiu ying, dob ...": a field's value written surname first."""
    if ":" not in text or "," not in text:
        return
    gaz = gazetteer()
    for m in FIELD_SURNAME_FIRST.finditer(text):
        surname, given = m.group("surname"), m.group("given").split()
        if not _written_alike([surname, *given]):
            continue
        key = _plain(surname)
        parts = _surname_parts(key)
        if parts is None:
            continue
        if not all(p in gaz.surnames or p not in gaz.common_words for p in parts):
            continue
        names = [_plain(g) for g in given]
        if any(_everyday(n, gaz) or n in ROLE_CUES or n in gaz.places for n in names):
            continue
        if not any(n in gaz.first_names or n in gaz.registered_only_first_names for n in names):
            continue
        yield Finding(m.start("surname"), m.end("surname"), "PERSON", 0.8, "field_surname_first")
        yield Finding(m.start("given"), m.end("given"), "PERSON", 0.8, "field_surname_first")


def listed_surnames_first(text: str) -> Iterator[Finding]:
    """ "BAKER, Rachel – podiatry": a known surname, a comma and a known first name, closing a
    list's entry."""
    if "," not in text:
        return
    gaz = gazetteer()
    for m in LISTED_SURNAME_FIRST.finditer(text):
        surname, first = m.group("surname"), m.group("first")
        if first.isupper() and not surname.isupper():
            continue
        parts = _surname_parts(surname.lower())
        if parts is None:
            continue
        if not all(p in gaz.surnames for p in parts):
            continue
        forename = first.lower()
        if forename not in gaz.first_names or forename in gaz.places or forename in ROLE_CUES:
            continue
        # Two findings, not one across the comma: writers who mark the names apart leave it out.
        yield Finding(m.start("surname"), m.end("surname"), "PERSON", 0.8, "listed_surname_first")
        yield Finding(m.start("first"), m.end("first"), "PERSON", 0.8, "listed_surname_first")


# Round 94: a surname's particle in capitals before it ("DE SOUZA, Jade", "DA COSTA, Sheila";
# v116, v139), which the pair's finding takes too, and "Mc" typed with a small "c" ("McGRATH").
_PARTICLE = (
    r"(?:(?:DE|DA|DI|DU|DOS|DAS|DEL|DELLA|VAN|VON|LE|LA|EL|AL)[ \t]+(?:DER[ \t]+|DEN[ \t]+)?)?"
)
CAPITAL_SURNAME_FIRST = re.compile(
    rf"(?<![\w'’-])(?P<surname>{_PARTICLE}(?:MC|Mc|MAC|O['’])?[A-ZÀ-ÖØ-ÞĀ-ſ]{{2,}}"
    r"(?:-[A-ZÀ-ÖØ-ÞĀ-ſ]{2,})?),[ \t]+"
    r"(?P<first>[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*)(?![\w'’-])"
)

VOWELS = frozenset("aeiouy")
WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
# Words that describe what follows, so that a word in capitals after them is a role or a
# service's initials: "the ENP, Dafydd", "an IMHA, Dylan", "the private IBCLC, Louise".
DESCRIBING = frozenset("a an the my our your his her their this that private new local".split())


def _capital_surname(word: str, gaz: Gazetteer) -> bool:
    """A surname written in capitals: a known surname ("JONES", "BROWN": in capitals before a
    comma and a first name, the word is the surname), or a word no English list holds."""
    key = _plain(word)
    parts = _surname_parts(key)
    if parts is None:
        return False
    if key in gaz.places or len(key) < 3:
        return False
    if all(p in gaz.surnames for p in parts):
        return True
    # An unknown word: a name has two vowels or more ("AKINOLA", "STRACHAN"); the initials of a
    # service or a role rarely do ("ENP", "IBCLC", "SVD").
    vowels = sum(c in VOWELS for c in key)
    return vowels >= 2 and all(p not in gaz.english_words for p in parts)


def _known_first_name(word: str, gaz: Gazetteer) -> bool:
    """A known first name that is no everyday word; a double name is known when both its parts
    are ("Mary-Kate", "Jean-Paul"; round 94, v138)."""
    return all(
        (part in gaz.first_names or part in gaz.registered_only_first_names)
        and not _everyday(part, gaz)
        for part in _plain(word).split("-")
    )


def capital_surnames_first(text: str) -> Iterator[Finding]:
    """ "AKINOLA, Oluwaseun": a surname in capitals, a comma and a capitalised first name, in a
    text that is not all capitals (round 72, module docstring)."""
    if "," not in text or text.isupper():
        return
    gaz = gazetteer()
    for m in CAPITAL_SURNAME_FIRST.finditer(text):
        if not _capital_surname(m.group("surname"), gaz):
            continue
        before = WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before and before.group(1).lower() in DESCRIBING:
            continue  # "an IMHA, Dylan Price": a role described, then its holder named
        if not _known_first_name(m.group("first"), gaz):
            continue
        yield Finding(m.start("surname"), m.end("surname"), "PERSON", 0.8, "capital_surname_first")
        yield Finding(m.start("first"), m.end("first"), "PERSON", 0.8, "capital_surname_first")


# Round 91: both names in capitals, and a record's next field straight after them or on the next
# line: a birth date or a date, an NHS, CHI or hospital number's label, or an age ("PATIENT:
# YILMAZ, MING DOB 13021998", "AMOAH, ANJALI NHS NO ...", "HUGHES, CHRISTOS 19TH JUL 1982",
# "APPIAH, AKOSUA, 83 YRS"; five writers' sets, v71, v95, v132 and v133, mark the pair, and the
# rules took one half).
_CAPS_NAME = r"(?:MC|Mc|MAC|O['’])?[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}(?:-[A-ZÀ-ÖØ-ÞĀ-ſ]{2,})?"
# Round 94: the first name capitalised as well as in capitals ("BROWNLOW, Dennis D.O.B. ...",
# "McGRATH, Patrick   Hosp no"), and the field after a bar or a bracket ("THOMPSON, Thi Hoa |
# Hosp No", "FERNANDES, Mary-Kate (DOB"; v91, v129, v136, v138).
_FIRST = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}|[A-Z][a-zà-ÿ'’]+)(?:-(?:[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}|[A-Z][a-zà-ÿ'’]+))?"
_MONTH = r"JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
CAPITAL_PAIR_BEFORE_FIELD = re.compile(
    rf"(?<![\w'’-])(?P<surname>{_PARTICLE}{_CAPS_NAME}),[ \t]+(?P<first>{_FIRST})"
    r",?(?=(?:[ \t]+|[ \t]*\n[ \t]*|[ \t]*[|(][ \t]*)"
    r"(?i:DOB\b|D\.O\.B|NHS\b|CHI\b|H&C\b|HOSP\b|MRN\b|AGED?\b"
    r"|\d{1,3}[ \t]?(?i:y|yrs?|yo|y/o)\b"
    rf"|\d{{1,2}}(?:ST|ND|RD|TH)?[ \t./-]+(?:\d|{_MONTH})))"
)
# A record's own labels, which the pair's second word can be ("EZE, DOB 6.10.35").
FIELD_LABELS = frozenset("dob nhs chi age aged hosp mrn ref tel addr address ward bed room".split())


def capital_pairs_before_fields(text: str) -> Iterator[Finding]:
    """ "YILMAZ, MING DOB ...": a surname in capitals and a first name in capitals or capitalised
    ("BROWNLOW, Dennis D.O.B."), before a record's field.
    The field after the pair is the cue, so each name need only be no everyday word (the
    English list holds "STRACHAN" and "MING"), and one of the two a known name."""
    if "," not in text:
        return
    gaz = gazetteer()
    for m in CAPITAL_PAIR_BEFORE_FIELD.finditer(text):
        surname = _plain(m.group("surname"))
        first = _plain(m.group("first"))
        parts = _surname_parts(surname)
        if parts is None:
            continue
        known_surname = all(p in gaz.surnames for p in parts)
        if not known_surname and (
            surname in gaz.places
            or surname in gaz.common_words
            or sum(c in VOWELS for c in surname) < 2
        ):
            continue
        known_first = all(
            part in gaz.first_names or part in gaz.registered_only_first_names
            for part in first.split("-")
        )
        if first in FIELD_LABELS or first in ROLE_CUES or first in NOT_SURNAMES:
            continue
        if _everyday(first, gaz):
            continue
        if not known_first and first in gaz.places:
            continue
        if not (known_surname or known_first or surname in gaz.first_names):
            continue  # "YILMAZ" is on the lists as a first name
        yield Finding(m.start("surname"), m.end("surname"), "PERSON", 0.8, "capital_pair_field")
        yield Finding(m.start("first"), m.end("first"), "PERSON", 0.8, "capital_pair_field")
