"""E-mail addresses said aloud with no e-mail cue, and their local part said again (issue 20,
round 36).

A caller, a voicemail's transcript or a radio host reads an address the way it sounds: "k
dobson dot b s l at gmail dot com", "news at fairfield voices dot org dot uk", "m o r r i s
dash j o, seven two, at yahoo dot co dot uk". The earlier rules want an e-mail cue before it,
or a local part of whole words. Here the anchor is what only an address has, a spoken "at"
before a domain with a spelled "dot" and a top-level name; from there the local part is read
back over letters said one by one, figures, number words, spelled joins ("dot", "dash",
"underscore") and at most three words, up to a word that cannot be in it ("is", "it's",
"email", "me") or a sign other than a comma. "We met at the centre dot com" does not happen,
but "at the" and "at my" never open a domain.

A caller then often says the local part once more, run together, to be sure ("that's
k.dobson95, all one word", "no, no dash: morrisjo72"): a word whose letters and figures are
exactly those of a found address's local part (six or more) is that address too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.number_words import DIGIT_WORDS, TEENS, TENS, UNITS, value

TLD = r"(?:com|co|uk|org|net|ie|info|me|io|wales|cymru|scot|biz|eu|ac|gov|nhs)"
DOMAIN_SAID = re.compile(
    r"(?<![\w'’-])at[ \t]+(?!(?:the|my|a|an|our|your|his|her|their|this|that|home|work)\b)"
    r"(?:[A-Za-z0-9-]+[ \t]+){0,2}[A-Za-z0-9-]+(?:[ \t]+dot[ \t]+[A-Za-z0-9-]+)*?"
    rf"[ \t]+dot[ \t]+{TLD}(?:[ \t]+dot[ \t]+(?:uk|com))?(?![\w'’-])",
    re.IGNORECASE,
)
# One word of the local part, read back from the "at": the word and the commas after it.
_LOCAL_TOKEN = re.compile(r"(?<![\w'’.+-])[A-Za-z0-9][\w'’.+-]*[ \t]*,?[ \t]*$")
JOINS = frozenset("dot dash hyphen underscore".split())
_NUMBER_WORDS = frozenset([*DIGIT_WORDS, *TEENS, *TENS, *UNITS])
STOPS = frozenset(
    """i you we they he she it them me my your our his her their and or but the a an to is was
    are it's its that's thats that this email e-mail mail address on at in for with please
    pls can could would will via from of so yes yeah no ok okay just send write contact
    reach us him email's""".split()
) | frozenset(
    # Verbs that stand before "at" when a web address is said, not an e-mail's local part.
    """look looked looking arrive arrived stay stayed staying work works worked working live
    lives lived living met meet been be am shop shopped go went sign signed log logged find
    found check checked online here there see seen read""".split()
)
MAX_TOKENS = 40
MAX_WORDS = 3


def _local_start(text: str, at: int) -> int | None:
    """Where the local part said before the "at" at `at` begins, or None if nothing is there.

    A comma is crossed only after a letter or a figure said alone ("s h a n, nine five, at"),
    never after a word ("Linda Shaw, lindashaw at ..." names her first), and a word said twice
    ("jo jo dot shaw") was a fresh start."""
    start, tokens, words, right = None, 0, 0, None
    end = at
    while tokens < MAX_TOKENS:
        m = _LOCAL_TOKEN.search(text, max(0, end - 40), end)
        if not m:
            break
        word = m.group().rstrip(" \t,")
        low = word.lower().rstrip(".")
        if low in STOPS and len(low) > 1:
            break  # a letter alone is spelt ("s h a n"), even "a" or "i"
        one = len(low) == 1 or low.isdigit() or low in _NUMBER_WORDS or low in JOINS
        if "," in m.group() and not one:
            break
        if not one:
            if low == right:
                break
            words += 1
            if words > MAX_WORDS:
                break
        tokens += 1
        start, end, right = m.start(), m.start(), low
    if start is None:
        return None
    while True:  # a join cannot open the local part
        first = re.match(r"[\w'’.+-]+", text[start:at])
        if first is None or first.group().lower() not in JOINS:
            break
        start += first.end()
        start += len(text[start:at]) - len(text[start:at].lstrip(" \t,"))
    return start if start < at else None


def spoken_emails(text: str) -> Iterator[Finding]:
    """An address said with "at" and a spelled "dot", its local part read back (docstring)."""
    low = text.lower()
    if " dot " not in low or " at " not in low:
        return
    for m in DOMAIN_SAID.finditer(text):
        start = _local_start(text, m.start())
        if start is not None:
            yield Finding(start, m.end(), "EMAIL", 0.9, "spoken_email")


def local_key(said: str) -> str:
    """A local part's letters and figures, joins dropped and number words as figures."""
    out = []
    for word in re.findall(r"[A-Za-z]+(?:-[a-z]+)?|\d+", said):
        low = word.lower()
        if low in JOINS:
            continue
        if low in DIGIT_WORDS and len(low) > 1:
            out.append(DIGIT_WORDS[low])
            continue
        number = value(low)
        out.append(str(number) if number is not None else re.sub(r"[^a-z0-9]", "", low))
    return _same_zero("".join(out))


def _same_zero(key: str) -> str:
    """A letter "o" and the figure "0" sound alike: keys compare them as one."""
    return key.replace("0", "o")


_AT = re.compile(r"[ \t]*@|[ \t]+at[ \t]+", re.IGNORECASE)
RUN_TOGETHER = re.compile(r"(?<![\w@.'’-])[A-Za-z0-9][\w.+-]*[A-Za-z0-9](?![\w@'’-])")
MIN_KEY = 6


def local_parts_again(text: str, found: list[Finding]) -> list[Finding]:
    """A found address's local part said again on its own, run together (see the docstring)."""
    keys = set()
    for f in found:
        said = text[f.start : f.end]
        if f.label != "EMAIL" or " dot " not in said.lower():
            continue  # only an address said aloud is said again to be sure
        at = _AT.search(said)
        if at:
            key = local_key(said[: at.start()])
            if len(key) >= MIN_KEY:
                keys.add(key)
    if not keys:
        return []
    taken = [(f.start, f.end) for f in found]
    out = []
    for m in RUN_TOGETHER.finditer(text):
        word = m.group()
        if len(word) < MIN_KEY or _same_zero(re.sub(r"[^a-z0-9]", "", word.lower())) not in keys:
            continue
        if word.isalpha() and word.lower() in gazetteer().english_words:
            continue  # "complaints", "transport": a word, whatever an address begins with
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(Finding(m.start(), m.end(), "EMAIL", 0.85, "local_part_again"))
    return out
