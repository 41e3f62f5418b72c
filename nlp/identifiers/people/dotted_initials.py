"""A person named by two initials with their full stops, alone (issue 20, round 91): "Thanks,
E.S.", "young person (J.K., room 4)", "Saw R.M. again at the library", "— C.M.", "Finding R. P. |".

Notes, logs, incident reports and sign-offs name people this way to keep them private, and
the initials still point at one person. The name rules take initials beside a title, a role or
a surname ("Mr D.K.", "Midwife K.O.", "A. R. Hebblethwaite"); alone they were left: 43 of the
88 such pairs that writers mark, in 35 sets, were missed. Across every set the same shape left
unmarked is only an abbreviation: "P.S.", "E.G." and the first two letters of "D.O.B".

So two capitals, each with its full stop (a space between allowed), are a person unless:

- a letter or a third initial follows ("D.O.B", "I.C.U", "R.I.P."), or a capitalised word
  (initials before a surname are the name rules', which take the whole name);
- it is a common abbreviation written with stops ("P.S.", "N.B.", "U.K.", "T.V.", "G.P.",
  "O.T."): in real Care Opinion and FFT comments every pair of this shape is one ("the O.T.
  who visited me", "only a few channels on the T.V.");
- a figure comes before it ("10 A.M."), or an article or a determiner ("the O.M. service",
  "not enough P.T."): a person's initials take none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

DOTTED_PAIR = re.compile(
    r"(?<![\w.&'’-])(?P<name>(?P<first>[A-Z])\.[ ]?(?P<second>[A-Z])\.)"
    r"(?![ ]?[A-Z]\.)(?![\w&'’-])(?![ \t]+[A-Z][a-z])"
)
ABBREVIATIONS = frozenset(
    """PS NB EG IE UK US EU UN OK TV GP OT PT PE RE IT HR DV IC QC KC JP MP BA MA MD BC AD VC
    DC PC""".split()
)
WORD_BEFORE = re.compile(
    r"(?:\d[ \t]*|\b(?:the|a|an|my|our|your|his|her|their|this|that|enough|any|no|some|per|each)"
    r"[ \t]+)$",
    re.IGNORECASE,
)


def dotted_initials(text: str) -> Iterator[Finding]:
    """Two initials with their full stops, standing alone, as a person."""
    if "." not in text:
        return
    for m in DOTTED_PAIR.finditer(text):
        if m.group("first") + m.group("second") in ABBREVIATIONS:
            continue
        if WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "dotted_initials")
