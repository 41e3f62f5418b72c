"""A name found in part grows to the whole name when that name ends in a kind of setting or of
dwelling (issue 20, round 50).

"Canal Side Medical Practice", "Seven Kings Recovery College", "Glenramskill Farm", "Trinity
Street Approved Premises": one word of the name is found (a first word read as a person, a
town read as a place, a street read as an address), and the rest, which no list holds, is left.
Fourteen sets by different writers mark such a name whole, and each leaves the finding short of
the four fifths of it that hide it. So a person's, place's, address's or setting's finding that
sits inside a run of capitalised words, joined by single spaces on one line (with "of", "and",
"&", "upon" and Welsh or Gaelic joiners between), takes the whole run when the run's last word
names a kind of setting ("Surgery", "Centre", "Pavilion", "Premises", ...) or a dwelling
("Farm", "Cottage", "Bungalow", ...): a care setting, or an address for a dwelling.

Left alone:
- text whose capitals mean little (lower case, ALL CAPS): there a run of capitals is no name;
- a kind word followed by a figure ("Fleming Ward and Ward 5A"): that one is its own setting;
- a body's or a service's words ("Hospitals", "Trust", "Service", "Team", "Board"): writers mark
  the place in "Leeds Teaching Hospitals NHS Trust" or "Wirral Advocacy Service" as often as
  the whole;
- everyday words before the finding ("Address High Greenrigg Farm", "Thank You Bonnard Ward"):
  in Title Case writing they are no part of the name, and growing to the right is enough to
  hide the name; and a title or role before a name that ends in a kind ("Dr Croft").

A person's name that takes only a kind word that is also a surname after it ("Holly" in "Holly
Ward said she would ring") stays a person: the name is hidden either way. Any other
finding the grown one reaches into keeps what lies outside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, TITLE_CUES, gazetteer

SETTING_KINDS = frozenset(
    """hospital infirmary surgery surgeries practice centre center clinic unit ward
    hospice home lodge house court pavilion physiotherapy dental dentists pharmacy chemist
    chemists opticians partners college opportunities suite wing complex shelter premises
    drop-in""".split()
)
# Kinds that are also surnames ("Holly Ward", "Ellen Lodge").
SURNAME_KINDS = frozenset("ward house court lodge".split())
DWELLING_KINDS = frozenset("farm farmhouse cottage cottages bungalow steading".split())
JOINERS = frozenset("of and & upon y yr na an de la".split())
INTRODUCERS = frozenset(
    "the a an at in to from for with when then and but so my our his her their".split()
)
# Capitals that are part of names; other words in capitals ("GP", "WARD") end a run.
NAME_ACRONYMS = frozenset({"NHS"})
WORD = re.compile(r"[^\W_][\w'’\-]*|&")
LABELS = frozenset({"PERSON", "LOCATION", "CARE_SETTING", "ADDRESS"})
PERSONS_CUES = TITLE_CUES | ROLE_CUES
MAX_GROWTH = 5  # words taken after the finding
MAX_LEAD = 3  # words taken before it


def grown_to_whole_names(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each one inside a setting's or dwelling's capitalised name grown to the
    whole name (see the module's docstring); sorted by start."""
    if capitals_mean_little(text) or not any(f.label in LABELS for f in findings):
        return findings
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    # The words' starts and ends, each rising (the words neither overlap nor are empty), so a
    # finding's words are found by bisection, not by reading every word for every finding.
    starts = [w[0] for w in words]
    ends = [w[1] for w in words]
    grown: list[Finding] = []
    others: list[Finding] = []
    for f in findings:
        whole = _whole_name(text, words, f, starts, ends) if f.label in LABELS else None
        (grown if whole else others).append(whole or f)
    if not grown:
        return findings
    grown = _joined(grown)
    kept = list(grown)
    for f in others:
        kept.extend(_outside(text, f, grown))
    return sorted(kept, key=lambda f: (f.start, f.end))


def _whole_name(
    text: str, words: list[tuple[int, int, str]], f: Finding, starts: list[int], ends: list[int]
) -> Finding | None:
    """`f` grown over the capitalised run it sits in, up to the run's last kind word and back
    over the name's own words before it; None when nothing grows. `starts` and `ends` are the
    words' own."""
    # The words `f` overlaps: those ending after it starts and starting before it ends.
    first = bisect_right(ends, f.start)
    last = bisect_left(starts, f.end) - 1
    if first > last:
        return None
    reach = last
    while (
        reach + 1 < len(words)
        and reach - last < MAX_GROWTH
        and _spaced(text, words[reach], words[reach + 1])
        and _in_name(words[reach + 1][2])
    ):
        reach += 1
    end, label = None, None
    for j in range(reach, last - 1, -1):
        word = words[j][2]
        kind = word.lower()
        if _capitalised(word) and not _figure_after(text, words[j][1]):
            if kind in SETTING_KINDS:
                end, label = j, "CARE_SETTING"
                break
            if kind in DWELLING_KINDS:
                end, label = j, "ADDRESS"
                break
    if end is None or (end == last and _titled(text, words, first)):
        return None
    start = first
    while (
        start > 0
        and first - start < MAX_LEAD
        and _spaced(text, words[start - 1], words[start])
        and _capitalised(words[start - 1][2])
        and not _introduces(words[start - 1])
    ):
        start -= 1
    whole_start, whole_end = min(f.start, words[start][0]), max(f.end, words[end][1])
    if (whole_start, whole_end) == (f.start, f.end):
        return None  # nothing grows: the finding and its label stay as the rules left them
    if f.label == "PERSON" and start == first and end == last + 1:
        if words[end][2].lower() in SURNAME_KINDS:
            label = f.label  # "Holly [Ward]": a surname that is a kind; hidden either way
    return Finding(whole_start, whole_end, label, f.score, "whole_name")


def _titled(text: str, words: list[tuple[int, int, str]], first: int) -> bool:
    """A title or role before the finding ("Dr Croft", "Nurse Farm"): a person, whose surname
    happens to be a kind of place."""
    return (
        first > 0
        and _spaced(text, words[first - 1], words[first])
        and words[first - 1][2].lower().rstrip(".") in PERSONS_CUES
    )


def _capitalised(word: str) -> bool:
    return word[0].isupper() and (not word.isupper() or word in NAME_ACRONYMS)


def _in_name(word: str) -> bool:
    return _capitalised(word) or word.lower() in JOINERS


def _spaced(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    return text[left[1] : right[0]] == " "


def _figure_after(text: str, end: int) -> bool:
    return bool(re.match(r" \d", text[end : end + 2]))


def _introduces(word: tuple[int, int, str]) -> bool:
    """A word that introduces a name rather than being part of it: an article, a preposition or
    any everyday word."""
    lowered = word[2].lower()
    return lowered in INTRODUCERS or lowered in gazetteer().common_words


def _joined(grown: list[Finding]) -> list[Finding]:
    """Grown findings that overlap become one."""
    joined: list[Finding] = []
    for f in sorted(grown, key=lambda f: (f.start, -f.end)):
        if joined and f.start < joined[-1].end:
            last = joined[-1]
            end = max(last.end, f.end)
            joined[-1] = Finding(last.start, end, last.label, last.score, last.source)
        else:
            joined.append(f)
    return joined


def _outside(text: str, f: Finding, grown: list[Finding]) -> list[Finding]:
    """What of `f` lies outside every grown finding (a neighbour keeps its own letters)."""
    pieces = [(f.start, f.end)]
    for g in grown:
        cut = []
        for a, b in pieces:
            if b <= g.start or a >= g.end:
                cut.append((a, b))
                continue
            cut.extend(part for part in ((a, g.start), (g.end, b)) if part[1] > part[0])
        pieces = cut
    return [
        Finding(a, b, f.label, f.score, f.source) for a, b in pieces if text[a:b].strip(" ,.;:")
    ]
