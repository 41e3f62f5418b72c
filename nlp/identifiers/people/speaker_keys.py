"""Speakers a transcript labels by a role's code, as its key says (issue 20, round 36).

A call's or an interview's transcript often names its speakers by letters and says so in a key
before the turns: "CH = call handler, C = caller", "Y = young person, D = dad, W = worker",
"I = interviewer". A label so keyed is a role, however much one or two capitals look like a
person's initials (a key that gives a name, "KZ = Kasia", keeps it a person). The words of the
call itself ("Handler asked ...", "the relay assistant", "Granda says") are roles and kin too,
wherever a capital or a repeat made them look like a name.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.name_gazetteer import ROLE_CUES
from nlp.identifiers.people.chat_speakers import CALL_ROLES, ROLES

# "CH = call handler", "D = dad", "M = mother (via daughter)", "I: interviewer" in a key's list.
KEY = re.compile(
    r"(?<![\w'’-])(?P<code>[A-Z]{1,3})[ \t]*(?:=|:=)[ \t]*(?:the[ \t]+)?"
    r"(?P<role>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,2})"
)
# Words a key describes a speaker by that no role list holds.
KEY_WORDS = frozenset("person people young patient relative presenter host panel".split())
# Kin and call words a capital or a repeat takes for a name in a call's notes.
CALL_WORDS = frozenset("""handler relay granda grandda""".split())


def _role_word(word: str) -> bool:
    return (
        word in ROLES
        or word in ROLE_CUES
        or word in CALL_ROLES
        or word in KEY_WORDS
        or word.endswith(("er", "or", "ist", "ant"))
    )


# Fifty-third round: a key that gives the role in brackets or after a colon in a list
# ("Speakers: INT (interviewer), MR (mother), TR (daughter)", "R: researcher; M: mum; B: baby").
BRACKET_KEY = re.compile(
    r"(?<![\w'’-])(?P<code>[A-Z]{1,3})[ \t]*\((?:the[ \t]+)?"
    r"(?P<role>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,2})\)"
)
LIST_KEY = re.compile(
    r"(?<![\w'’-])(?P<code>[A-Z]{1,3}):[ \t]*(?:the[ \t]+)?"
    r"(?P<role>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,2})(?=[ \t]*[;,])"
)


# A key in brackets or a list names a voice, not a member of staff, only with these words:
# "MR (mother)", "R: researcher;" are voices; "RT (district nurse)", "KZ (facilitator)" in
# minutes are the initials of staff, whom writers mark as people.
VOICE_WORDS = frozenset(
    """mother father mum mam dad son daughter wife husband partner sister brother aunt uncle
    gran grandma grandmother grandad grandfather nan baby child patient respondent participant
    interviewer interviewee researcher""".split()
)


def keyed_roles(text: str) -> set[str]:
    """The codes the text's key gives a role (in lower case), and the call's role words."""
    roles: set[str] = set()
    if "=" in text:
        for m in KEY.finditer(text):
            words = m.group("role").split()
            if any(_role_word(w) for w in words):
                roles.add(m.group("code").lower())
    keys = [BRACKET_KEY] if "(" in text else []
    keys += [LIST_KEY] if ";" in text or "," in text else []
    for key in keys:
        for m in key.finditer(text):
            if m.group("role").split()[0] in VOICE_WORDS:
                roles.add(m.group("code").lower())
    low = text.lower()
    for word in CALL_WORDS:
        if word in low:
            roles.add(word)
    return roles
