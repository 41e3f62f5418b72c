"""The part of a found care setting's name that people repeat on its own (issue 20, 21st round).

A story names a unit or ward once in full ("admitted to the Bluestone Unit", "we were on
Ward 3B") and afterwards, or in its title, by the distinctive part alone ("Bluestone - my
son's admission", "the nurses on 3B"). Only a name of two words, a distinctive word and one
word of the setting's kind, gives its part, which then repeats like any found value (a code
of two characters only as written); a part that is an everyday word or a first name ("Rainbow
Ward" ... "rainbow", "Elizabeth House" ... "Elizabeth") or a bare number ("Ward 7" ... "7")
gives none.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.name_gazetteer import gazetteer

# Kind words after a one-word name: "Bluestone Unit", "Ravenscourt Lodge", "Keats Ward".
KIND_AFTER = frozenset(
    """unit ward wing centre center hospice house lodge suite clinic surgery practice""".split()
)
# Kind words before a code: "Ward 3B", "Unit C4", "Bay 12A".
KIND_BEFORE = frozenset("ward unit".split())
CODE = re.compile(r"(?:\d{1,2}[A-Z]|[A-Z]\d{1,2}[A-Z]?)")
NAME = re.compile(r"[A-Z][a-z]{3,}")


def setting_name_parts(value: str) -> list[str]:
    """The parts of a care setting's name `value` that name it alone, as written."""
    words = value.split()
    if len(words) == 3 and words[0].lower() == "the":
        words = words[1:]
    if len(words) != 2:
        return []
    first, last = words
    if first.lower() in KIND_BEFORE and CODE.fullmatch(last):
        return [last]
    if last.lower() in KIND_AFTER and NAME.fullmatch(first):
        gaz = gazetteer()
        low = first.lower()
        if low in gaz.common_words or low in gaz.first_names:
            return []
        return [first]
    return []
