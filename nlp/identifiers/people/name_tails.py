"""A name's last part that the name rules stopped short of (issue 20, thirty-eighth round).

Two kinds of writing leave the surname outside a name found by its first part:

- a form typed in capitals ("PATIENT: GLORIA MAY THWAITE", "MARGARET (MAGGIE) SUGDEN" as a
  sign-off): the first names come from the lists, and the surname, in capitals like every
  word of the line, gets no capital of its own to be told by. A word in capitals straight
  after a found name in capitals (one space, or a nickname's closing bracket) is its surname
  when the lists know it as one, or it is in no word list; a form's next label ("AGE",
  "DOB", "ADDRESS") or any everyday word is not;
- a double-barrelled surname written in lower case ("mrs adebayo-price"): the title rule
  takes the first half and stops at the hyphen before an everyday word. The half after a
  hyphen is part of the name, unless it is a suffix a word takes ("tom-style", "jo-led").
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, TITLE_CUES, gazetteer

CAPS_WORD_AFTER = re.compile(
    r"(?:\)[ \t]|[ \t])(?P<word>(?:MC|MAC|O['’])?[A-Z]{3,}(?:-[A-Z]{2,})?)\b"
)
HYPHEN_HALF = re.compile(r"-(?P<half>[a-zà-ÿ]{3,})\b(?!-)")
NOT_HALVES = frozenset(
    """like style esque type led based related free shaped ish friendly era year years old
    born aged sized size wise ward wards minded made sort kind""".split()
)


def with_name_tails(text: str, found: list[Finding]) -> list[Finding]:
    """`found` with each person's surname in capitals or hyphenated half taken in."""
    if not any(f.label == "PERSON" for f in found):
        return found
    out = []
    for f in found:
        out.extend(_with_tail(text, f))
    return out


def _with_tail(text: str, f: Finding) -> list[Finding]:
    if f.label != "PERSON":
        return [f]
    value = text[f.start : f.end]
    end = f.end
    if value.isupper() and len(value) > 2:
        m = CAPS_WORD_AFTER.match(text, end)
        if m and _caps_surname(m.group("word")):
            if text[end] == " ":
                end = m.end("word")
            elif f.start > 0 and text[f.start - 1] == "(":  # "MARGARET (MAGGIE) SUGDEN"
                tail = Finding(m.start("word"), m.end("word"), "PERSON", f.score, f.source)
                return [f, tail]
    elif value.islower():
        m = HYPHEN_HALF.match(text, end)
        if m and m.group("half") not in NOT_HALVES:
            end = m.end()
    if end == f.end:
        return [f]
    return [Finding(f.start, end, f.label, f.score, f.source)]


def _caps_surname(word: str) -> bool:
    gaz = gazetteer()
    parts = [re.sub(r"^o['’]", "", p) for p in word.lower().split("-")]
    for w in parts:
        if w in DOMAIN_WORDS or w in ROLE_CUES or w in TITLE_CUES or w in gaz.common_words:
            return False
        if not (w in gaz.surnames or w not in gaz.english_words):
            return False
    return True
