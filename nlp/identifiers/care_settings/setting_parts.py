"""The part of a found care setting's name that people repeat on its own (issue 20, 21st round).

A story names a unit or ward once in full ("admitted to the Bluestone Unit", "we were on
Ward 3B") and afterwards, or in its title, by the distinctive part alone ("Bluestone - my
son's admission", "the nurses on 3B"). A name's part is what is left once the words of the
setting's kind are taken off its end; it then repeats like any found value (a code of two
characters only as written). A part that is one everyday word or a first name ("Rainbow
Ward" ... "rainbow", "Elizabeth House" ... "Elizabeth") or a bare number ("Ward 7" ... "7")
gives none.

Fifty-third round: the kind may be several words and the part up to three ("Rosedale Manor
care home" ... "rosedale", "GLENVIEW MANOR CARE HOME" ... "glenview", "Mile End Hospital" ...
"Mile End", "furness general" ... "furness"), and a name found in lower case gives its part
too ("penhallow house" ... "penhallow"). A part made only of words an English list holds
("Cherry Tree Court" ... "Cherry Tree", "Park View Surgery" ... "Park View") repeats only as
written: "the cherry tree in the garden" and "a park view" stay words.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.name_gazetteer import gazetteer

# Kind words taken off a name's end: "Bluestone Unit", "Ravenscourt Lodge", "Keats Ward",
# "Rosedale Manor Care Home", "Furness General", "Mile End Hospital".
KIND_AFTER = frozenset(
    """unit ward wing centre center hospice house lodge suite clinic surgery practice""".split()
)
# More kinds, and words that come before a kind ("Care Home", "Medical Centre", "District
# General Hospital"): taken off only when a kind word ends the name, and the part they leave
# must be in no English list when it is one word ("Kinship Care" gives no "Kinship").
MORE_KINDS = frozenset("manor court hall grange home hospital infirmary general".split())
BEFORE_KINDS = frozenset("care nursing residential district community medical health".split())
ENDING_KINDS = KIND_AFTER | MORE_KINDS  # what a name's last word must be
TAKEN_OFF = ENDING_KINDS | BEFORE_KINDS  # what is taken off its end
# Kind words before a code: "Ward 3B", "Unit C4", "Bay 12A".
KIND_BEFORE = frozenset("ward unit".split())
CODE = re.compile(r"(?:\d{1,2}[A-Z]|[A-Z]\d{1,2}[A-Z]?)")
# A part's words: capitalised, in capitals, or (in a name found in lower case) in lower case;
# "and" may join them ("Lorn and Islands").
WORD = re.compile(r"[A-Z][a-z'’]{2,}|[A-Z]{3,}|[a-z]{3,}")
JOINS = frozenset({"and", "&"})


def setting_name_parts(value: str) -> list[str]:
    """The parts of a care setting's name `value` that name it alone, as written."""
    words = value.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) == 2 and words[0].lower() in KIND_BEFORE and CODE.fullmatch(words[1]):
        return [words[1]]
    if len(words) < 2 or words[-1].lower() not in ENDING_KINDS:
        return []
    core = list(words)
    while len(core) > 1 and core[-1].lower() in TAKEN_OFF:
        core.pop()
    if not 1 <= len(core) <= 3:
        return []
    if core[0].lower() in JOINS or core[-1].lower() in JOINS:
        return []
    if not all(WORD.fullmatch(w) or w.lower() in JOINS for w in core):
        return []
    if len({w.islower() for w in core if w.lower() not in JOINS}) > 1:
        return []  # "Ward blue": a kind before a word, not one name
    first_shape = len(words) == 2 and words[1].lower() in KIND_AFTER  # "Burne ward"
    if core[0].istitle() and words[len(core)].islower() and not first_shape:
        return []  # "the Nepali community centre" describes; "Rosedale Manor care home" names
    gaz = gazetteer()
    if len(core) == 1:
        low = core[0].lower()
        if len(low) < 4 or low in gaz.common_words or low in gaz.first_names:
            return []
        if core[0].islower() and low in gaz.english_words:
            return []  # "rang surgery" gives no "rang"
    elif all(w.lower() in gaz.common_words or w.lower() in JOINS for w in core) and not all(
        w[:1].isupper() for w in core if w.lower() not in JOINS
    ):
        return []  # "the day unit" gives no "the day", nor "quiet lounge" a "quiet"
    return [" ".join(core)]


def repeats_in_any_case(part: str) -> bool:
    """Whether a name's part repeats in any case: only when a word of it is in no English
    list ("Glenview", "Lorn and Islands"); "Kestrel", "Cherry Tree" and "Mile End" repeat
    only as written."""
    words = [w for w in part.split() if w.lower() not in JOINS]
    english = gazetteer().english_words
    return any(w.lower() not in english for w in words)
