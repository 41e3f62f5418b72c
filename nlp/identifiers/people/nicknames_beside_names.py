"""A nickname written beside the found name it stands for (issue 20, round 42).

Outreach notes and family letters give the name someone goes by next to the name on their
papers: "Spider (real name Darren Hollis)", ""Tiny" (real name Michael Stoddart)",
"Chiamaka Okonjo ("Chi-Chi")". Three sets by different writers mark the nickname as a
person; the name rules find only the name it stands beside. A word (quoted or not) straight
before "(real name <found name>" and a quoted word in brackets straight after a found name are
the person too. A bracketed word that is not quoted ("Chiamaka Okonjo (Nigeria)") and a word
before "(real name withheld)" with no name found after it stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

_NICK = r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)?"
BEFORE_REAL_NAME = re.compile(
    rf"(?<![\w'’-])(?P<quote>[\"“‘']?)(?P<nick>{_NICK})[\"”’']?[ \t]*\([ \t]*"
    r"(?i:real|proper|legal|full)[ \t]+name[ \t]*(?:is|:)?[ \t]*$"
)
QUOTED_AFTER = re.compile(rf"[ \t]*\([ \t]*[\"“‘'](?P<nick>{_NICK})[\"”’'][ \t]*\)")


def nicknames_beside_names(text: str, found: list[Finding]) -> Iterator[Finding]:
    """ "Spider" in "Spider (real name Darren Hollis)", "Chi-Chi" in `Chiamaka ("Chi-Chi")`."""
    for f in found:
        if f.label != "PERSON":
            continue
        m = BEFORE_REAL_NAME.search(text, max(0, f.start - 40), f.start)
        if m is not None:
            yield Finding(m.start("nick"), m.end("nick"), "PERSON", 0.75, "nickname_beside")
        m = QUOTED_AFTER.match(text, f.end)
        if m is not None:
            yield Finding(m.start("nick"), m.end("nick"), "PERSON", 0.75, "nickname_beside")
