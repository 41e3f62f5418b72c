"""Names spelt letter by letter with commas, hyphens and what the speaker says between the
letters (issue 20, round 36).

Spelling a name down a phone line, a caller separates the letters with commas or hyphens and
stops to explain one: "R, O, I, S, I, N, dash, M, A, Y", "K-O-W-A-L-S-K-I with a dot, E",
"W, then O with an accent, the little line on top, J, C, I, K", "H for hotel, Y for yellow,
A ...". The earlier rule takes a plain run of letters and stops at the first word. Here a run
goes on across a short remark (ten words at most, no sentence end) that speaks of a letter
("dash", "hyphen", "accent", "dot", "fada", "double", "apostrophe", "as in", "for", "then"),
and the whole spelling is one name. Four letters at least (four only after a word of
spelling: "spelt", "that's"), and at least two of them set apart by a comma or a hyphen
alone; an alphabet's run ("A, B, C, D"), a list ending "and C", a word spelt out
("H-E-L-P") or half a word spelt ("F-E-L-L-stone") is no name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

LETTER = re.compile(r"(?<![A-Za-z0-9'’])[A-Z](?![A-Za-z0-9'’])")
PLAIN_GAP = re.compile(r"[ \t]*[,-][ \t]*|[ \t]+")
JOIN_GAP = re.compile(
    r"[ \t]*[,-]?[ \t]*(?:dash|hyphen|then|space|apostrophe)[ \t]*[,-]?[ \t]*", re.IGNORECASE
)
REMARK = re.compile(
    r"\b(?:dash|hyphen|accent|accents|dot|fada|double|apostrophe|as[ \t]+in|for|then|line|"
    r"umlaut|acute|grave|cedilla|tilde|welsh|irish|capital|little|space)\b",
    re.IGNORECASE,
)
MAX_REMARK_WORDS = 10
MIN_LETTERS = 4
MIN_PLAIN = 2
# Four letters need a word of spelling before them; five or more are spelt by their number.
SPELL_CUE = re.compile(r"\b(?:spell\w*|spelt|that['’]s|it['’]s|letters?)\b", re.IGNORECASE)
CUE_REACH = 60
# Something to spell: most texts hold no capital set apart by a comma or a hyphen.
SPELT = re.compile(r"(?<![A-Za-z0-9'’])[A-Z][ \t]*[,-][ \t]*[A-Z](?![A-Za-z0-9'’])")


def _gap_kind(gap: str) -> str | None:
    """ "plain", "join", "remark" or None (the spelling ends)."""
    if PLAIN_GAP.fullmatch(gap):
        return "plain" if ("," in gap or "-" in gap) else "space"
    if JOIN_GAP.fullmatch(gap):
        return "join"
    if re.search(r"[.?!:;\"“”()\[\]\n—–]", gap) or len(gap.split()) > MAX_REMARK_WORDS:
        return None
    return "remark" if REMARK.search(gap) else None


def _alphabet(letters: list[str]) -> bool:
    return all(ord(b) - ord(a) == 1 for a, b in zip(letters, letters[1:], strict=False))


def spelt_names(text: str) -> Iterator[Finding]:
    """Names spelt with commas, hyphens and remarks between the letters (see the docstring)."""
    if not SPELT.search(text):
        return
    letters = list(LETTER.finditer(text))
    run: list[re.Match[str]] = []
    plain = 0

    def close() -> Iterator[Finding]:
        chars = [m.group() for m in run]
        if len(run) < MIN_LETTERS or plain < MIN_PLAIN or _alphabet(chars):
            return
        if len(run) == MIN_LETTERS and not SPELL_CUE.search(
            text, max(0, run[0].start() - CUE_REACH), run[0].start()
        ):
            return  # "Plan K, H, Y or C": a list of four, with no word of spelling
        if re.match(r"-[A-Za-z]", text[run[-1].end() :]):
            return  # "F-E-A-T-H-E-R-stone": half of a word spelt, left to the earlier rule
        word = "".join(chars).lower()
        if word in gazetteer().english_words and not gazetteer().is_name_part(word):
            return  # a word spelt out ("H-E-L-P") names no one
        yield Finding(run[0].start(), run[-1].end(), "PERSON", 0.85, "spelt_letters")

    for m in letters:
        if run:
            kind = _gap_kind(text[run[-1].end() : m.start()])
            if kind is None:
                yield from close()
                run, plain = [], 0
            elif kind == "plain":
                plain += 1
        run.append(m)
    if run:
        yield from close()
