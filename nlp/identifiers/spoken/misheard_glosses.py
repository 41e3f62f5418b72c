"""Words a speech-to-text service misheard, where an editor wrote what was meant beside them
(issue 20, round 36).

A voicemail's or a dictation's transcript keeps what the machine heard and puts what was meant
in brackets after it: "I'm in bull well [ed: Bulwell]", "hes in the are a h {vol: RAH}", "she
lives at twenty one marine drive {vol: 21 Marine Drive}". The gloss is found like any text;
the misheard words before it are the same identifier, though no rule could read them ("bull
well" is two words of English). From a finding that opens a gloss, the words just before the
bracket (one to six, on the same line, after no sentence's end) whose letters sound most like
the gloss's are taken with the same label: letters compared once figures are spelt as words
("21" as "twenty one") and an acronym as its letters' names ("RAH" as "ar a aitch"), and only
where they are alike enough (half their letters in common, in order). A bracket that holds no
identifier ("[ed: inaudible]", "{vol: laughs}") mirrors nothing.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import TEENS, TENS, UNITS

GLOSS = re.compile(
    r"[\[{(](?:ed|editor|vol|volunteer|sic|transcriber|corr|correction|tr|note|meant)\.?[ \t]*"
    r"[:=-][ \t]*(?P<gloss>[^\]}\)\n]{1,80})[\]})]",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"[\w'’-]+[ \t]*$")
MAX_WORDS = 6
ALIKE = 0.5
LETTER_NAMES = {
    "a": "a", "b": "bee", "c": "see", "d": "dee", "e": "ee", "f": "ef", "g": "gee",
    "h": "aitch", "i": "eye", "j": "jay", "k": "kay", "l": "el", "m": "em", "n": "en",
    "o": "oh", "p": "pee", "q": "queue", "r": "are", "s": "es", "t": "tee", "u": "you",
    "v": "vee", "w": "doubleyou", "x": "ex", "y": "why", "z": "zed",
}  # fmt: skip


def _number_words(n: int) -> str:
    if n < 10:
        return ["zero", *UNITS][n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10 - 2] + (UNITS[n % 10 - 1] if n % 10 else "")
    return "".join(_number_words(int(d)) for d in str(n))


def sound_key(said: str) -> str:
    """Letters as heard: figures spelt as words, an acronym as its letters' names."""
    out = []
    for word in re.findall(r"[^\W\d_]+|\d+", said):
        if word.isdigit():
            out.append(_number_words(int(word)) if len(word) <= 3 else word)
        elif word.isupper() and 2 <= len(word) <= 4:
            out.append("".join(LETTER_NAMES.get(c, c) for c in word.lower()))
        else:
            out.append(word.lower())
    return "".join(out)


def _alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


def misheard_before_glosses(text: str, found: list[Finding]) -> list[Finding]:
    """The misheard words before each gloss that opens with a finding (see the docstring)."""
    if ":" not in text:
        return []
    out = []
    for g in GLOSS.finditer(text):
        head = next(
            (f for f in found if f.start == g.start("gloss") and f.end <= g.end("gloss")), None
        )
        if head is None:
            continue
        meant = sound_key(text[head.start : head.end])
        best, best_start = 0.0, None
        end = g.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        start = end
        for _ in range(MAX_WORDS):
            w = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if w is None or w.start() == start:
                break
            start = w.start()
            score = _alike(sound_key(text[start:end]), meant)
            if score > best:
                best, best_start = score, start
            if start > 0 and text[start - 1] not in " \t":
                break  # a sign before the word: the heard words end there
        if best_start is None or best < ALIKE:
            continue
        if any(f.start < end and best_start < f.end for f in found):
            continue  # already found, wholly or in part
        out.append(Finding(best_start, end, head.label, 0.75, "misheard_gloss"))
    return out
