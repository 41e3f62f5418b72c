"""Social-media handles: "@ffion_b_1990", "my snap is beccs.x.o", "insta: jaz_the_mc".

Stories copied from public posts name their writer by handle, and young people give theirs
as a contact. A handle is an identifier however it is spelt, and no name list holds it: the
"@" (not inside an e-mail address) or the platform named just before it is the cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.findings import Finding
from nlp.name_gazetteer import gazetteer

_HANDLE = r"[A-Za-z_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"  # not "@10am", a time
AT_HANDLE = re.compile(rf"(?<![\w@.+-])@(?P<handle>{_HANDLE})(?![\w@])")
PLATFORM_HANDLE = re.compile(
    r"\b(?:snap|snapchat|insta|instagram|ig|tiktok|twitter|facebook|fb|threads|handle|"
    r"username|user\s?name)\b(?:\s+(?:is\s+)?|\s*[:=-]\s*)@?"
    rf"(?P<handle>{_HANDLE})(?![\w@])",
    re.IGNORECASE,
)


def social_handles(text: str) -> Iterator[Finding]:
    for m in AT_HANDLE.finditer(text):
        yield Finding(m.start("handle"), m.end("handle"), "PERSON", 0.85, "social_handle")
    english = gazetteer().english_words
    for m in PLATFORM_HANDLE.finditer(text):
        handle = m.group("handle")
        # "on facebook is great", "the FB breastfeeding group": a handle has a mark or is no word
        if re.search(r"[._\d]", handle) or handle.lower() not in english:
            yield Finding(m.start("handle"), m.end("handle"), "PERSON", 0.8, "social_handle")
