"""People named in the lists and credits of minutes and notes: "Present: Lorraine (chair),
Bernard, Mo", "Notes by Kit", "Arabic interpreter: Yousef", and those names used again later.

Eighth round (issue 20): minutes, meeting notes and outreach write-ups name people by a lone
first name, often one no list holds ("Mo", "Kit") or one that is also a word ("June", "Sandy").
The list's heading is the cue: after "Present:", "Attendees:" or "Apologies:" each item is a
person once its role words ("practice manager", "(chair)") are set aside; after "Notes by",
"Chair:" or "<language> interpreter:" the capitalised word or two is the person. A name found
in such a list is that person wherever it recurs in the text as written, capitalised ("Mo
disputed this", "June reported that"), unless a date reads it as a month ("in June", "June
2024") or a question as a verb ("Will you ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    DOMAIN_WORDS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    gazetteer,
)
from nlp.identifiers.core.prefilter import gated

_WORD = r"(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]{1,14}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,14})?"
NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|[A-Z]\.?))?(?:[ \t]+{_WORD})?"
# Headings of a list of people: each item after one is a person.
LIST_HEADING = re.compile(
    r"(?im)(?:^|(?<=[\n.;]))[ \t]*(?:also[ \t]+)?(?:present|attendees|attending|attended|"
    r"in[ \t]+attendance|apologies(?:[ \t]+received)?|apols|members(?:[ \t]+present)?|"
    r"staff[ \t]+present|those[ \t]+present|absent|invited)[ \t]*[:\-–—][ \t]*"
    r"(?P<items>[^\n]+)"
)
LIST_HEADING = gated(LIST_HEADING)
# Credits and roles that name one person: "Notes by Kit", "Chair: Marcia", "Minute-taker: Olu",
# "Arabic interpreter: Yousef", "Warden: Bernie".
CREDIT = re.compile(
    r"(?:(?i:notes|minutes|minuted|written|taken|recorded|compiled|facilitated|chaired|led)"
    r"(?:[ \t]+(?i:taken|written|recorded))?[ \t]+(?i:by)[ \t]*:?"
    r"|(?i:chair|chairperson|chaired|facilitator|minute[ -]?taker|note[ -]?taker|scribe|"
    r"warden|interpreter|translator)[ \t]*:"
    r"|\b[A-Z][a-z]+[ \t]+(?i:interpreter|translator)[ \t]*:)"
    rf"[ \t]*(?P<name>{NAME})(?=[ \t]*(?:[.,;(\n]|$))"
)
CREDIT = gated(CREDIT)
# Titles before a listed name ("Revd. Jonathan Kitto", "Cllr Amin"): the name follows them.
TITLES = r"(?:Revd|Rev|Fr|Cllr|Prof|Dr|Mrs|Mr|Ms|Miss|Mx|Sr|Sir|Dame|Lady|Lord)\.?"
# Words that stand where a list's item or a credit's name would and name no one.
NOT_PEOPLE = frozenset(
    """none nil n/a na tbc tba tbd all everyone everybody nobody no one chair chairperson
    secretary treasurer staff members member residents patients carers volunteers team reps
    rep others guests guest public manager lead minutes notes apologies present via zoom teams
    online phone video see above below same as unknown anon anonymous various yes no""".split()
)
# Words before a month or day that read it as a date, and words after "Will", "May", "June"
# that read it as a verb or a date.
DATE_BEFORE = frozenset(
    """in on since until till by of last next early late mid from to during before after
    this every each""".split()
)
VERB_AFTER = frozenset(
    """you we they i he she it the this that there be a an your our their his her""".split()
)


def _words(name: str) -> list[str]:
    return [w.lower().strip("'’") for w in re.split(r"[ \t]+", name) if w]


def _person_like(name: str) -> bool:
    words = _words(name)
    if not words or words[0] in NOT_PEOPLE:
        return False
    if words[0] in STOP_WORDS and words[0] not in gazetteer().first_names:
        return False  # "All", "Others"; but "Will" in a list of people is Will
    return not any(
        w in NOT_PEOPLE
        or w in DOMAIN_WORDS
        or w in ROLE_CUES
        or w in NOT_IDENTIFIER_WORDS
        or w.rstrip(".") in TITLE_CUES
        for w in words
    )


def _items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the names in a list's items: "practice manager Helen Binns (chair)" gives
    "Helen Binns"; an item with no capitalised name in it gives nothing."""
    piece = text[start:end]
    # Parenthesised notes ("(chair)", "(OT, not a member)") are blanked, keeping offsets.
    piece = re.sub(r"\([^()\n]*\)", lambda m: " " * len(m.group()), piece)
    for m in re.finditer(r"[^,;&]+", piece):
        item = m.group()
        for part in re.split(r"\band\b", item):
            offset = m.start() + item.index(part) if part else m.start()
            found = re.search(rf"(?<![\w'’-]){NAME}(?=[ \t]*$|[ \t]*[.\-–—:])", part.rstrip())
            if not found:
                continue
            lead = part[: found.start()].strip()
            title = re.match(rf"{TITLES}(?=[ \t]|$)", found.group())
            if title:  # "Revd. Jonathan Kitto": the title is no name, what follows is
                continue
            # Only role words in lower case, or a title, may come before the name.
            if lead and not re.fullmatch(rf"(?:[a-z][a-z \t/-]*|{TITLES})", lead):
                continue
            yield start + offset + found.start(), start + offset + found.end()


def listed_people(text: str) -> Iterator[Finding]:
    """Items of attendee lists and names after credits, then each name's later uses."""
    found: list[Finding] = []
    for m in LIST_HEADING.finditer(text):
        end = m.end("items")
        stop = re.search(r"\.(?:[ \t]|$)", text[m.start("items") : end])
        if stop:  # "Present: A, B. Apologies: C" - the next list has its own heading
            end = m.start("items") + stop.start()
        for s, e in _items(text, m.start("items"), end):
            name = text[s:e].rstrip(".")
            if _person_like(name):
                found.append(Finding(s, s + len(name), "PERSON", 0.8, "attendee_list"))
    for m in CREDIT.finditer(text):
        name = m.group("name")
        if _person_like(name):
            found.append(Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "attendee_list"))
    yield from found
    yield from later_uses(text, found)
    yield from paired_items(text)


# A note's list item opening with two people: "Stan and Mavis — both positive", "Callum &
# Fraser: want evening clinics".
PAIR_ITEM = re.compile(
    rf"(?m)^[ \t]*(?:[-*•·][ \t]*)?(?P<a>{_WORD})[ \t]+(?:and|&)[ \t]+(?P<b>{_WORD})"
    r"[ \t]*(?:[—–:]|-[ \t])"
)


def paired_items(text: str) -> Iterator[Finding]:
    """Both words of a line-opening pair are first names (or words in no list), and not both
    everyday words ("Fish and Chips —", "Rose and Crown —" name no one)."""
    gaz = gazetteer()
    for m in PAIR_ITEM.finditer(text):
        words = [m.group("a").lower(), m.group("b").lower()]
        if not all(_person_like(w) for w in words):
            continue
        if not all(w in gaz.first_names or w not in gaz.english_words for w in words):
            continue
        if all(w in gaz.common_words for w in words) or any(w in gaz.places for w in words):
            continue
        for group in ("a", "b"):
            yield Finding(m.start(group), m.end(group), "PERSON", 0.7, "list_item")


def later_uses(text: str, found: list[Finding]) -> Iterator[Finding]:
    """The first word of each found name wherever it recurs as written (a thread's "cheers
    Jazz", the minutes' "Mo disputed this"), unless a date or a question reads it as a word."""
    firsts = {re.split(r"[ \t]+", text[f.start : f.end])[0] for f in found}
    taken = {(f.start, f.end) for f in found}
    for first in firsts:
        if len(first) < 2:
            continue
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(first)}(?![\w-])", text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            before = re.findall(r"[\w']+", text[max(0, m.start() - 20) : m.start()])
            after = re.match(r"\W{0,3}([\w']+)", text[m.end() : m.end() + 20])
            nxt = after.group(1).lower() if after else ""
            if before and before[-1].lower() in DATE_BEFORE:
                continue  # "in June", "since May"
            if nxt.isdigit() or re.fullmatch(r"\d+(?:st|nd|rd|th)", nxt) or nxt in VERB_AFTER:
                continue  # "June 2024", "Will you ...", "May I ..."
            yield Finding(m.start(), m.end(), "PERSON", 0.7, "attendee_list")
