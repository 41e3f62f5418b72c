"""Numbers taken for ages that are a list's numbering or no one's age as said (issue 20,
round 43).

Three kinds of false age were shared by three or more writers' sets:

- a list's number in brackets or before a bracket, where the list's next or last number is
  written the same way: "(3) explore transport; (4) discuss the alarm", "2) pendant alarm
  3) OT to assess". An age in brackets after a name or a word for a person ("Alfie (4)",
  "my lad (9)") has a word before its bracket, and stays;
- a rough age given with "-odd" or "-something": "he's eighty-odd", "I am sixty-odd",
  "forty-odd in the queue". Like a decade ("in his 60s", seventh round) it is left as said:
  the sets that write it never mark it;
- the first try of an age corrected at once: "I'm seventy... seventy-six", "sixty...
  sixty-eight", "eighty-something— eighty-five": the age is the number said after it, which
  stays; "seventy... seventy-one in May" is the age now and the age to come, and both stay.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

# What stands before a list's number: the text's or a line's start, or the end of a clause.
LIST_START = re.compile(r"(?:^|[\n;:.!?,•*-])[ \t]*$")
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|[2-9]0)"
VAGUE_AFTER = re.compile(r"-?(?i:odd|something|ish)\b")
RESTARTED_AFTER = r"(?:\.{{2,3}}|…|[ \t]*[—–-])?[ \t]*{tens}[- ]"
COMING_AFTER = re.compile(r"[ \t]+(?i:in|on|next|this|come|by|at)\b")


def _list_number(text: str, f: Finding) -> bool:
    value = text[f.start : f.end]
    if not value.isdigit() or len(value) > 2 or not text.startswith(")", f.end):
        return False
    n = int(value)
    bracketed = f.start > 0 and text[f.start - 1] == "("
    before = f.start - 1 if bracketed else f.start
    if not bracketed:  # "(Maggie, 4)": an age inside a bracket opened before it
        line = text[text.rfind("\n", 0, f.start) + 1 : f.start]
        if line.rfind("(") > line.rfind(")"):
            return False
    if not LIST_START.search(text, max(0, before - 6), before):
        if bracketed or not re.search(r"[a-z][ \t]+$", text[max(0, before - 3) : before]):
            return False
    siblings = [str(k) for k in (n - 1, n + 1) if k > 0]
    shape = r"\((?:{})\)" if bracketed else r"(?<![\d(])(?:{})\)"
    return re.search(shape.format("|".join(siblings)), text) is not None


def _vague_age(text: str, f: Finding) -> bool:
    value = text[f.start : f.end]
    if not re.fullmatch(TENS, value, re.IGNORECASE):
        return False
    if VAGUE_AFTER.match(text, f.end):
        return True
    again = re.compile(RESTARTED_AFTER.format(tens=re.escape(value)) + r"\w+", re.IGNORECASE)
    restart = again.match(text, f.end)
    # "seventy... seventy-one in May": the age now, then the one to come, both the writer's
    return restart is not None and not COMING_AFTER.match(text, restart.end())


def without_list_numbers_and_vague_ages(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without ages that are a list's numbering, a rough "-odd" age or a first try."""
    if not any(f.label == "AGE" for f in found):
        return found
    return [
        f
        for f in found
        if not (f.label == "AGE" and (_list_number(text, f) or _vague_age(text, f)))
    ]
