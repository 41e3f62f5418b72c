"""A name written in Arabic script after a title or "my name is" (issue 20, round 40).

A letter begun in Urdu, Farsi or Arabic before its English names the person in that script:
after a title ("آقای رضا محمدی", Farsi "Mr"; "السيد", "السيدة", Arabic "Mr", "Mrs"; "خانم",
Farsi "Mrs") or in "their name is …" ("ان کا نام … ہے", Urdu; "اسمي …", Arabic "my name
is"; "نام من … است", Farsi). The English rules see no capitals there, and round 31 read such
a name only in brackets after its Latin spelling (`form_answers.OWN_SCRIPT`).

The name is one to three words of the script after the cue, stopping at the sentence's verb
or a small word ("است", "ہے", "هو", "و", "کے", "از", "در"), a comma or a full stop of either
script; a title before a word of care ("آقای دکتر", Mr Doctor) names no one here. A word of
the script alone without a cue ("سلام", hello) is never taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

_LETTERS = "[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+"
# The words that end a name in these sentences: verbs "is", small words, relations.
_STOP = frozenset(
    "است هست هستند بود ہے ہیں تھا تھی هو هي و اور که کہ کے کی کا از در به را با برای میں سے کو"
    " دکتر ڈاکٹر الدكتور".split()
)
_WORD = re.compile(_LETTERS)
# Every match of CUED_NAME holds one of these (its gate).
CUE_GATE = re.compile("آقای|خانم|السيد|اسم|نام")
CUED_NAME = re.compile(
    r"(?:آقای|خانم|السيدة|السيد|اسمي|اسمه|اسمها|نام\s+من|نام\s+ایشان|کا\s+نام|کی\s+نام|میرا\s+نام"
    r"|نام)[ \t]+(?P<words>" + _LETTERS + r"(?:[ \t]+" + _LETTERS + r"){0,3})"
)


def names_in_other_scripts(text: str) -> Iterator[Finding]:
    """Names in Arabic script after a title or a "name is" cue (see the module's docstring)."""
    if not CUE_GATE.search(text):
        return
    for m in CUED_NAME.finditer(text):
        kept = []
        for w in _WORD.finditer(text, m.start("words"), m.end("words")):
            if w.group() in _STOP:
                break
            kept.append(w)
        if kept:
            yield Finding(kept[0].start(), kept[-1].end(), "PERSON", 0.75, "script_name")
