"""Place and house names whose words an article or a preposition joins (twenty-fifth session).

Welsh and Cornish names put an article between a name's words ("Heol-y-Nant", "Nant-y-Fedw",
"Bwthyn y Gof", "Pen-yr-Heol", "Chy-an-Mor"), and English ones a preposition ("Sutton-on-Sea",
"Marton-in-Cleveland", "Stratford-upon-Avon"). The rules find the name's words one by one, often
as people ("Heol", "Nant"), or one word alone ("Sutton"), and the pieces hide too little of the
name for a reader not to know the house or the village. Development sets by several writers mark
such names whole, as an address when a house number stands before them and as a place otherwise.

Here two findings with only such a joiner between them become one finding, and a finding whose
name runs on over a joiner and one capitalised word (or "on sea") takes them. Two people joined
by "le" or "de" stay people ("Jean-le-Gall" is a name).
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

# Between two words of one name: Welsh "y", "yr", "'r", Cornish "an", English prepositions.
WELSH_ARTICLES = r"y|yr|an"
ENGLISH_JOINERS = r"on|upon|in|under|le|by|cum|next|super"
HYPHEN_JOINER = re.compile(rf"-(?:{WELSH_ARTICLES}|{ENGLISH_JOINERS})-", re.IGNORECASE)
SPACED_ARTICLE = re.compile(rf"[ \t]+(?:{WELSH_ARTICLES})[ \t]+")
# A tail the last finding runs on over: a joiner and one capitalised word, or "on sea".
TAIL = re.compile(
    rf"(?:-(?:{WELSH_ARTICLES}|{ENGLISH_JOINERS})-[A-Z][\w'’]+|[ -](?i:on)[ -](?i:sea))(?![\w'’-])"
)
# A head the first finding runs back over: a capitalised word and a Welsh article.
HEAD = re.compile(rf"(?<![\w'’-])[A-Z][\w'’]+(?:-(?:{WELSH_ARTICLES})-|[ \t](?:y|yr)[ \t])$")
HOUSE_NUMBER_BEFORE = re.compile(r"\b\d{1,4}[a-zA-Z]?,?[ \t]+$")
NAMES = ("PERSON", "LOCATION", "ADDRESS", "CARE_SETTING")
PERSON_JOINERS = ("le", "la", "de", "du")


def joined_place_names(text: str, found: list[Finding]) -> list[Finding]:
    """`found` with the pieces of a joined place or house name made one (see the docstring)."""
    if "-" not in text and " y " not in text and " yr " not in text and " sea" not in text.lower():
        return found
    ordered = sorted(found, key=lambda f: (f.start, f.end))
    out: list[Finding] = []
    for f in ordered:
        last = out[-1] if out else None
        if last is not None and last.label in NAMES and f.label in NAMES:
            between = text[last.end : f.start]
            if _joins(between) and not _two_people(last, f, between):
                label = _label(text, last, f)
                start = _numbered_start(text, last.start) if label == "ADDRESS" else last.start
                out[-1] = Finding(start, f.end, label, last.score, last.source)
                continue
        out.append(f)
    return [_with_head_and_tail(text, f) if f.label in NAMES else f for f in out]


def _joins(between: str) -> bool:
    return bool(HYPHEN_JOINER.fullmatch(between) or SPACED_ARTICLE.fullmatch(between))


def _two_people(a: Finding, b: Finding, between: str) -> bool:
    joiner = between.strip(" \t-").lower()
    return a.label == b.label == "PERSON" and joiner in PERSON_JOINERS


def _label(text: str, a: Finding, b: Finding) -> str:
    labels = {a.label, b.label}
    if "ADDRESS" in labels or HOUSE_NUMBER_BEFORE.search(text, max(0, a.start - 8), a.start):
        return "ADDRESS"
    if "CARE_SETTING" in labels:
        return "CARE_SETTING"
    return "LOCATION"


def _with_head_and_tail(text: str, f: Finding) -> Finding:
    start, end = f.start, f.end
    tail = TAIL.match(text, end)
    if tail:
        end = tail.end()
    head = HEAD.search(text, max(0, start - 24), start)
    if head:
        start = head.start()
    if (start, end) == (f.start, f.end):
        return f
    label = f.label
    if label == "PERSON":
        numbered = HOUSE_NUMBER_BEFORE.search(text, max(0, start - 8), start)
        label = "ADDRESS" if numbered else "LOCATION"
    if label == "ADDRESS":
        start = _numbered_start(text, start)
    return Finding(start, end, label, f.score, f.source)


def _numbered_start(text: str, start: int) -> int:
    """ "12 Heol-y-Felin": the house number before the name is the address's too."""
    number = HOUSE_NUMBER_BEFORE.search(text, max(0, start - 8), start)
    return number.start() if number else start
