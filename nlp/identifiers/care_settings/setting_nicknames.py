"""A hospital's local nickname, said beside its full name (issue 20, round 36).

People call a hospital by a short name or a joke and then say which one they mean, or say the
full name and then what everybody calls it: "they took him to City, the City Hospital", "the
London — the Royal London — for her eyes", "the Queen Elizabeth. The Death Star, my grandson
calls it", "the Queen Mother, as everyone round here calls it". The nickname is as identifying
as the name. Taken only beside a care setting already found:
- a capitalised name of one to three words, then a comma or a dash and "the" and the found
  setting, when the name shares a word with the setting (or is its initials);
- a capitalised name of one to three words followed by "(as) ... call(s) it", the caller
  named between ("my grandson", "everyone round here"), with a found setting in the sentence
  or the one before it ("Everybody calls it the Heath" names the caller, not a nickname).
"The doctor, the Royal ..." (no capital), "Monday, the City Hospital" (no shared word) and a
nickname with no setting near ("the Beast, my son calls it", of a car) stay.

Round 48 (five sets by different writers): the nickname glossed straight after the found
setting, in brackets or between dashes, quoted or after "calls it" or "known as": "St
Bartholomew's ("Barty's")", "St James's (he calls it Jimmy's)", "St Aidan's — "Aidan's" to
all of us —", "Elm Court ("the Elmer" as the staff call it)", the kind of setting in lower
case allowed between ("Rowan House care home ("the Rowan")"). The gloss must close where a
gloss does (a bracket, a dash or a comma, or "as" or "to" after the quote): "St Mary's ("Dad"
was there)" stays. A saint's or a queen's nickname is a first name to the name rules, which
find it without its "'s" ("Jimmy" of "Jimmy's") or only its first word ("Queen" of "Queen
Mother"), so a guessed person inside such a nickname gives way to it.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

_NAME = r"[A-Z][\w'’]+(?:[ \t]+[A-Z][\w'’]+){0,2}"
BESIDE = re.compile(rf"(?<![\w'’-])(?P<nick>{_NAME})[ \t]*(?:,|—|–|-{{1,2}})[ \t]*the[ \t]+")
CALLS_IT = re.compile(
    rf"(?<![\w'’-])(?:the[ \t]+|The[ \t]+)?(?P<nick>{_NAME}),?[ \t]+(?:as[ \t]+)?"
    r"(?:[\w'’]+[ \t]+){1,4}call(?:s|ed)?[ \t]+it\b"
)
GLOSS_AFTER = re.compile(
    r"(?:[ \t]+(?:care|nursing|residential|home|hospital|hospice|unit|ward|surgery|practice))*"
    r"[ \t]*(?:\([ \t]*|[—–][ \t]*|-{1,2}[ \t]+)"
    r"(?P<cue>(?:[\w'’]+[ \t]+){1,3}calls?[ \t]+it[ \t]+|known[ \t]+as[ \t]+|aka[ \t]+)?"
    r"(?P<quote>[\"“‘'])?(?:the[ \t]+)?"
    rf"(?P<nick>{_NAME})"
    r"(?(quote)[\"”’'])(?=[ \t]*(?:\)|[—–,]|-{1,2}[ \t])|[ \t]+(?:as|to)[ \t])"
)
_NOT_NICKS = frozenset("the a an and but so he she it they we i you my our his her".split())
NEAR = 120


def _words(said: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", said)} - {"the", "of", "and"}


def setting_nicknames(text: str, found: list[Finding]) -> list[Finding]:
    """Nicknames said beside a found care setting (see the docstring)."""
    settings = [f for f in found if f.label == "CARE_SETTING"]
    if not settings:
        return []
    taken = [(f.start, f.end) for f in found]
    out: list[Finding] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    guesses = [(f.start, f.end) for f in found if f.label != "PERSON"]

    def free_of_all_but_people(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in guesses)

    starts = {f.start: f for f in settings}
    for m in BESIDE.finditer(text):
        full = starts.get(m.end())
        nick = m.group("nick")
        if full is None or nick.lower() in _NOT_NICKS or not free(m.start("nick"), m.end("nick")):
            continue
        full_text = text[full.start : full.end]
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", full_text)).upper()
        if _words(nick) & _words(full_text) or nick.replace(" ", "") == initials:
            out.append(Finding(m.start("nick"), m.end("nick"), "CARE_SETTING", 0.75, "nickname"))
    for setting in settings:
        m = GLOSS_AFTER.match(text, setting.end)
        if m is None or not (m.group("quote") or m.group("cue")):
            continue
        nick = m.group("nick")
        if nick.split()[0].lower() in _NOT_NICKS:
            continue
        if free_of_all_but_people(m.start("nick"), m.end("nick")):
            out.append(Finding(m.start("nick"), m.end("nick"), "CARE_SETTING", 0.75, "nickname"))
    if "call" in text:
        for m in CALLS_IT.finditer(text):
            nick = m.group("nick")
            if nick.split()[0].lower() in _NOT_NICKS:
                continue
            if not free_of_all_but_people(m.start("nick"), m.end("nick")):
                continue
            if any(0 <= m.start() - f.end <= NEAR for f in settings):
                out.append(
                    Finding(m.start("nick"), m.end("nick"), "CARE_SETTING", 0.75, "nickname")
                )
    return out
