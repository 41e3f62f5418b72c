"""Where the person checking an anonymisation should look: the machine's doubts, not a word list.

Two kinds of hint, each with offsets into the original text so the check page can highlight
it and offer it as an identifier with one tick:

* *unsure*: a finding the machine made with low confidence (a guess from capitals, a cue or
  a repeat rather than a pattern or checksum): keep it or untick it.
* *nearby*: a capitalised word inside a sentence, or an unusual token (letters mixed with
  digits, a long number), close to something already found and not found itself. Identifiers
  travel together ("Dr Okafor on Ward C4 at ..."), so what sits beside one and looks like a
  name or code is the likeliest miss. A guess of the trained NER that its safeguards set
  aside (a *doubt*, often a name in lower case: "rajesh does wed") is offered the same way,
  near a finding or not: on development sets it never trained on, doubts are names one time
  in five, and with them the check page shows half of what the machine missed, not a sixth.
  Shapes that several writers share and the detector leaves (numbers said aloud, old full
  dates, initials, ages in words, services named with everyday words, unknown words in a
  message written all in lower case: `shape_hints.py`) are offered as nearby hints too, and so
  are a setting found in part before its kind of care and a bare age after a person
  (`leftover_hints.py`), what is read out or written in pieces (postcodes and references
  spelt out, dates of birth in words, house numbers in words: `read_out_hints.py`), a year of
  birth beside a person (`birth_year_hints.py`), a full name in lower case
  (`name_pair_hints.py`) and a screen name (`screen_name_hints.py`).

Ordinary English, health-service words, months and weekdays, titles, and anything in lower
case outside those shapes are never hinted: a Welsh word or "don't" is not a reason to stop a
reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    COUNTRIES,
    DOMAIN_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    gazetteer,
)
from nlp.identifiers.review.birth_year_hints import birth_year_hints
from nlp.identifiers.review.leftover_hints import leftover_hints
from nlp.identifiers.review.name_pair_hints import name_pair_hints
from nlp.identifiers.review.read_out_hints import read_out_hints
from nlp.identifiers.review.screen_name_hints import screen_name_hints
from nlp.identifiers.review.shape_hints import opens_sentence, shape_hints

UNSURE_BELOW = 0.75  # scores under this come from cues and capitals, not patterns
NEAR = 60  # characters either side of a finding that count as "near"
TOKEN = re.compile(r"[^\W_][\w'’&/-]*[^\W_]|[^\W_]")
NOT_HINTS = frozenset(
    """i i'm i've i'd i'll january february march april may june july august september
    october november december english welsh scottish irish british christmas easter ok okay
    covid bank holiday""".split()
)


# Why each kind of hint is offered, in the check page's words.
REASONS = {
    "unsure": "found from a cue or capitals, not a pattern",
    "doubt": "the trained model's guess, set aside",
    "nearby": "capitalised or code-like, beside an identifier",
    "spoken number": "a number said aloud",
    "old full date": "a full date long ago: a birth?",
    "initials": "someone's initials?",
    "age in words": "an age",
    "name opening a sentence": "a name opening a sentence",
    "unknown in lower case": "a word no dictionary holds",
    "named after a preposition": "a service named with everyday words",
    "lettered reference": "a reference number",
    "leftover": "the rest of a setting, or an age after a person",
    "read out": "read out in pieces",
    "birth year": "a year of birth",
    "name pair": "a full name in lower case",
    "screen name": "a screen name",
}
# The kinds that lay on a missed identifier at least four times in ten on the development
# sets, pooled and held out (benchmarks/check_hints_as_findings.py; docs/measured/
# anonymisation.md, "Check-page hints redacted by default"): the check page lists them first.
OFTEN_RIGHT = frozenset(
    {"birth year", "old full date", "screen name", "spoken number", "read out", "name pair"}
    | {"leftover", "age in words"}
)


@dataclass(frozen=True)
class Hint:
    start: int
    end: int
    kind: str  # "unsure" or "nearby"
    label: str  # the finding's label, or the likeliest one for a nearby token
    text: str
    source: str = ""  # why it is offered: "unsure", "doubt", "nearby", a shape or a module

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def reason(self) -> str:
        """Why it is offered, in plain words for the person checking."""
        return REASONS.get(self.source, "")

    @property
    def often_right(self) -> bool:
        """Whether hints of this kind were identifiers at least four times in ten when measured
        (a care setting the model guessed counts among them)."""
        return self.source in OFTEN_RIGHT or (
            self.source == "doubt" and self.label == "CARE_SETTING"
        )


def surest_first(hints: Iterable[Hint]) -> list[Hint]:
    """The hints for a decision, the kinds most often right first, each kind in text order."""
    return sorted(hints, key=lambda h: (not h.often_right, h.start))


def review_hints(
    text: str, findings: Iterable[Finding | dict], doubts: Iterable[Finding] = ()
) -> list[Hint]:
    """Hints for one original text and the findings currently proposed for it. `doubts` are
    the trained NER's guesses that its safeguards set aside (`nlp.anonymise.detect_with_doubts`):
    each one that no finding covers now is a *nearby* hint with the NER's label, wherever it is
    in the text, and the tokens inside it are not hinted again. Then the shapes of
    `shape_hints.py`, `leftover_hints.py` and the fourth pass's modules that findings and hints
    do not show yet, as *nearby* hints."""
    spans = sorted(
        (f["start"], f["end"], f["label"], f.get("score", 1.0))
        if isinstance(f, dict)
        else (f.start, f.end, f.label, f.score)
        for f in findings
    )
    hints = [
        Hint(s, e, "unsure", label, text[s:e], "unsure")
        for s, e, label, score in spans
        if score < UNSURE_BELOW
    ]
    covered = bytearray(len(text))
    near = bytearray(len(text))
    for s, e, _, _ in spans:
        covered[s:e] = b"\x01" * (e - s)
        lo, hi = max(0, s - NEAR), min(len(text), e + NEAR)
        near[lo:hi] = b"\x01" * (hi - lo)
    for doubt in doubts:
        s, e = max(0, doubt.start), min(len(text), doubt.end)
        if any(not covered[i] and text[i].isalnum() for i in range(s, e)):
            # no name or place holds a digit: "QX77" guessed as a person is a code
            digits = doubt.label in ("PERSON", "LOCATION") and any(c.isdigit() for c in text[s:e])
            label = "OTHER_ID" if digits else doubt.label
            hints.append(Hint(s, e, "nearby", label, text[s:e], "doubt"))
            covered[s:e] = b"\x01" * (e - s)
    for m in TOKEN.finditer(text):
        s, e = m.span()
        if not near[s] or any(covered[s:e]):
            continue
        label = _suspicious(text, m)
        if label:
            hints.append(Hint(s, e, "nearby", label, m.group(), "nearby"))
    shown = bytearray(covered)
    for h in hints:
        shown[h.start : h.end] = b"\x01" * (h.end - h.start)
    for s, e, label, shape in shape_hints(text, shown, near):
        hints.append(Hint(s, e, "nearby", label, text[s:e], shape))
    so_far = [(s, e, label) for s, e, label, _ in spans]
    so_far += [(h.start, h.end, h.label) for h in hints]
    for s, e, label in leftover_hints(text, so_far, shown):
        if not all(shown[s:e]):
            shown[s:e] = b"\x01" * (e - s)
            hints.append(Hint(s, e, "nearby", label, text[s:e], "leftover"))
    so_far = [(s, e, label) for s, e, label, _ in spans]
    so_far += [(h.start, h.end, h.label) for h in hints]
    for source, found in (
        ("read out", read_out_hints(text, so_far, shown)),
        ("birth year", birth_year_hints(text, so_far, shown)),
        ("name pair", name_pair_hints(text)),
        ("screen name", screen_name_hints(text)),
    ):
        for s, e, label in found:
            if not all(shown[s:e]):
                shown[s:e] = b"\x01" * (e - s)
                hints.append(Hint(s, e, "nearby", label, text[s:e], source))
    return sorted(hints, key=lambda h: h.start)


def _suspicious(text: str, m: re.Match) -> str | None:
    """The likeliest label if this token looks like a missed identifier, else None."""
    token = m.group()
    low = token.lower().replace("’", "'")
    base = low[:-2] if low.endswith("'s") else low
    has_digit = any(c.isdigit() for c in token)
    if has_digit:
        letters = any(c.isalpha() for c in token)
        digits = sum(c.isdigit() for c in token)
        if (letters and digits >= 2 and not re.fullmatch(r"\d+(?:st|nd|rd|th|am|pm|s)", low)) or (
            digits >= 5
        ):
            return "OTHER_ID"
        return None
    if not token[0].isupper() or opens_sentence(text, m.start()):
        return None
    if base in NOT_HINTS or base in DOMAIN_WORDS or base in COUNTRIES:
        return None
    if base.rstrip(".") in TITLE_CUES or base in ROLE_CUES:
        return None
    gaz = gazetteer()
    if base in gaz.common_words and not gaz.is_name_part(base) and base not in gaz.places:
        return None
    if token.isupper() and len(token) <= 4 and base not in gaz.places:
        return None  # abbreviations of services ("CAMHS", "OT") are not people
    return "LOCATION" if base in gaz.places else "PERSON"
