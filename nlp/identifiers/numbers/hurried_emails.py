"""E-mail addresses written the way people write them in a hurry, or to dodge spam robots.

"jo.smith @ gmail.com", "jo.smith(at)gmail.com", "jo smith at btinternet dot com": Presidio's
e-mail recogniser wants the strict form, so these slip past it. The spelled-out form
("at ... dot ...") needs either a spelled "dot" or a well-known mail provider, so that
"looked at nhs.uk" stays a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import folded

# "example" and "test" are the top-level names reserved for examples (RFC 2606): redacted and
# made-up addresses in feedback and training material end so.
TLD = r"(?:com|co|uk|org|net|ie|info|me|io|wales|cymru|scot|biz|eu|ac|gov|nhs|example|test)"
PROVIDERS = (
    r"(?:gmail|googlemail|hotmail|yahoo|outlook|live|msn|icloud|me|aol|btinternet|btopenworld|"
    r"sky|virginmedia|talktalk|tiscali|ntlworld|blueyonder|protonmail|proton|gmx|mail)"
)
LOCAL = r"[A-Za-z0-9][\w.+'-]*"
# "(at)", "[at]", " at ", " @ "; "(dot)", " dot ", "."
BRACKET_AT = r"\s*[\(\[{<]\s*at\s*[\)\]}>]\s*"
SPACED_AT = r"\s+@\s*|\s*@\s+"
WORD_AT = r"\s+at\s+"
DOT = r"(?:\.|\s*[\(\[{<]\s*dot\s*[\)\]}>]\s*|\s+dot\s+)"
WORD_DOT = r"(?:\s*[\(\[{<]\s*dot\s*[\)\]}>]\s*|\s+dot\s+)"
# Round 39: a second name of the top-level list after the first ("nhs.net", "nhs.example",
# "gov.scot"), not only ".uk": the lazy domain stopped at "nhs".
DOMAIN = rf"[A-Za-z0-9-]+(?:{DOT}[A-Za-z0-9-]+)*?{DOT}{TLD}(?:{DOT}{TLD})?(?![\w.-]*\w)"
# After a spaced or bracketed "at" the dots may be spaced too: "jo.b @ icloud . com".
LOOSE_DOT = rf"(?:\s?\.\s?|{WORD_DOT})"
LOOSE_DOMAIN = (
    rf"[A-Za-z0-9-]+(?:{LOOSE_DOT}[A-Za-z0-9-]+)*?{LOOSE_DOT}{TLD}(?:{LOOSE_DOT}{TLD})?"
    r"(?![\w.-]*\w)"
)

# "jo.smith@gmail,com", "jo@gmail . com", "jo@hotmail", "jo@gmailcom": the @ is there, the rest
# is sloppy. A word, "@" and a word of letters is an address whatever follows: nothing else in a
# story is written so ("2 @ £3" has no word before the "@", "@jo" is a handle).
SLOPPY = (
    rf"{LOCAL}@(?:[A-Za-z0-9-]+(?:\s?[.,]\s?[A-Za-z0-9-]+)*?\s?[.,]\s?{TLD}"
    rf"(?:[.,]uk|\.{TLD}(?![\w-]))?"
    rf"|{PROVIDERS}(?![\w.])|[A-Za-z][A-Za-z0-9-]{{2,}}(?:\.[A-Za-z0-9-]+)*)"
)
# A local part read out: "kaz dot smith 84", "j underscore patel": words joined by a spelled
# dot, underscore or dash, and digits typed after a space.
# Digits may be typed one by one as they were said ("m rooke 1 9 4 4 at ...").
SPOKEN_LOCAL = (
    rf"{LOCAL}(?:\s+(?:and|dot|underscore|dash|hyphen)\s+{LOCAL}){{0,3}}"
    rf"(?:\s+\d{{1,4}}(?:\s\d(?!\w)){{0,6}})?"
)
HURRIED = re.compile(
    rf"(?<![\w.@-])(?:{LOCAL}(?:{BRACKET_AT}|{SPACED_AT}){LOOSE_DOMAIN}|{SLOPPY}"
    rf"|{SPOKEN_LOCAL}{WORD_AT}"
    rf"(?:{PROVIDERS}{DOT}|[A-Za-z0-9-]+{WORD_DOT})(?:[A-Za-z0-9-]+{DOT})*?{TLD}"
    rf"(?:{DOT}{TLD}){{0,2}}\b)",
    re.IGNORECASE,
)

# What every match holds, sought in the text in lower case from a sign or a space: an "@", an
# "at" in brackets, or a spaced "at" before a provider and a dot or before a domain and a spelled
# "dot". Most stories hold none, and `HURRIED` (ignoring case, from any letter) is slow to say so.
AT_BRACKETED = re.compile(r"[\(\[{<]\s*at\s*[\)\]}>]")
AT_THEN_DOMAIN = re.compile(
    rf"\sat\s+(?:{PROVIDERS}(?:\.|\s*[\(\[{{<]\s*dot|\s+dot\s)|[a-z0-9-]+(?:\s*[\(\[{{<]\s*dot|\s+dot\s))"
)


def may_hold_one(text: str) -> bool:
    """Whether `HURRIED` could match `text`: what the comment above says every match holds."""
    if "@" in text:
        return True
    lowered = folded(text)
    return bool(AT_BRACKETED.search(lowered) or AT_THEN_DOMAIN.search(lowered))


def hurried_emails(text: str) -> Iterator[Finding]:
    if not may_hold_one(text):
        return
    for m in HURRIED.finditer(text):
        yield Finding(m.start(), m.end(), "EMAIL", 0.9, "hurried_email")
