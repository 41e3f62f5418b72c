"""Words broken over a line by a hyphen, read whole (issue 20, round 43).

A scanned letter or a pasted column breaks long words at the margin: "his wife Jen-\\nnifer",
"the Northern Gen-\\neral", "Royal Liver-\\npool". No list holds "Jen" or "nifer", so the name
was missed in three development sets by different writers. The detector reads a copy in which
each such word is joined (the hyphen and the line break moved after it as two spaces: the
same length), and its findings are then moved back onto the story as written, a finding over
the joined word covering both halves and the break between them.

Only a letter, a hyphen, the line break and a lower-case letter are joined: "Smith-\\nJones"
(a double-barrelled name across the margin) and a list's "-" at a line's start stay as written.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

BROKEN = re.compile(r"(?<=[A-Za-z])-\n(?P<rest>[a-z]+)")


def joined_words(text: str) -> tuple[str, list[tuple[int, int]]]:
    """A copy of `text` of the same length with each broken word joined, and where each
    second half now stands in the copy (its start and end)."""
    if "-\n" not in text:
        return text, []
    moved: list[tuple[int, int]] = []
    parts: list[str] = []
    last = 0
    for m in BROKEN.finditer(text):
        rest = m.group("rest")
        parts += [text[last : m.start()], rest, "  "]
        moved.append((m.start(), m.start() + len(rest)))
        last = m.end()
    if not moved:
        return text, []
    parts.append(text[last:])
    return "".join(parts), moved


def as_written(found: list[Finding], moved: list[tuple[int, int]]) -> list[Finding]:
    """Findings on the joined copy, moved back onto the text as written: an offset inside a
    second half moves on by the two characters of the break."""
    if not moved:
        return found

    def start(pos: int) -> int:
        return pos + 2 if any(s <= pos < e for s, e in moved) else pos

    def end(pos: int) -> int:
        return pos + 2 if any(s < pos <= e for s, e in moved) else pos

    return [
        Finding(start(f.start), end(f.end), f.label, f.score, f.source)
        if any(f.start < e and f.end > s for s, e in moved)
        else f
        for f in found
    ]
