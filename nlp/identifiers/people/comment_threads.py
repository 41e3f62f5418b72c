"""Commenters in a social-media thread pasted as text: "Wendy Slack Same here", "↳ kev_the_van:
washwood heath is a joke", "Comments:\\nTrace Willmott: omg", and usernames given outright
("my username on the portal is sparrow_m91").

Eighth round (issue 20): a Facebook post copied with its comments puts each commenter's full
name at the start of their comment, often with no colon, indented or after a reply arrow, and
the post's writer on a header line ("Tony Bright posted in ...", "Shazia Rahman ► Alum Rock
Noticeboard"). Such a text reads as a thread when it has a header line, a "Comments:" line, or
two indented or arrowed lines or more. In a thread, a line opening with two capitalised words
that read as a first name and a surname (a listed name or a word in no list, never a place, a
role or an everyday word pair such as "Royal Stoke") names its commenter; after a reply arrow or
an indent, a label before a colon (a username too) does, and so does a name or username
alone on the thread's first line. A commenter's first name recurs as that person
("cheers Jazz").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    DOMAIN_WORDS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    gazetteer,
)
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.usernames import NOT_USERNAMES, username_shape
from nlp.identifiers.people.attendee_lists import later_uses

_CAP = r"(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]{1,14}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,14})?"
_LOW = r"[a-zß-öø-ÿ]{2,14}(?:-[a-zß-öø-ÿ]{2,14})?"
_HANDLE = r"[A-Za-z][A-Za-z0-9_.]{2,30}[A-Za-z0-9_]"
ARROWS = r"[↳►▶→>»•*–—-]"
# The writer of the post: "Tony Bright posted in ...", "Shazia Rahman ► Group", "sam whitlock".
HEADER = re.compile(
    rf"(?m)^[ \t]*(?P<who>{_CAP}[ \t]+{_CAP}|{_HANDLE})[ \t]*"
    r"(?:(?i:posted|shared\s+a\s+post|commented|replied|wrote)\b.*|[►▶→>»].*)$"
)
COMMENTS_HEADING = re.compile(
    r"(?im)^[ \t]*(?:\d+[ \t]+)?(?:comments|replies)[ \t]*:?[ \t]*$"
    r"|(?:^|(?<=[\s.!?]))(?:comments|replies)[ \t]*:[ \t]*(?-i:[A-Z][a-z]+[ \t]+[A-Z][a-z]+)[ \t]?:"
)
COMMENTS_HEADING = gated(COMMENTS_HEADING)
INDENTED = re.compile(r"(?m)^(?:[ \t]{2,}|[ \t]*[↳►▶→»][ \t]*)\S")
# A comment's first line: a full name (capitalised, or in lower case in a lower-case thread)
# then the comment, with or without a colon; or after a reply arrow any label and a colon.
COMMENT = re.compile(
    rf"(?m)(?:^(?P<lead>[ \t]*(?:{ARROWS}[ \t]*)?)|(?<=[\s.!?])(?i:comments|replies)[ \t]*:[ \t]*)"
    rf"(?:(?P<name>{_CAP}[ \t]+{_CAP})|(?P<low>{_LOW}[ \t]+{_LOW}))"
    r"(?P<colon>[ \t]?:)?[ \t]+(?=\S)"
)
ARROWED_LABEL = re.compile(
    rf"(?m)^(?:[ \t]*[↳►▶→»]|[ \t]{{2,}})[ \t]*(?P<who>{_HANDLE})[ \t]?:[ \t]+(?=\S)"
)
# The post's writer alone on the thread's first line: "ashleigh_mcd", "Dawn Pilkington".
FIRST_LINE = re.compile(rf"\A[ \t]*(?P<who>{_CAP}[ \t]+{_CAP}|{_HANDLE})[ \t]*\n")
# "My username on the patient portal is sparrow_m91", "my login for the app: jt_walker".
GIVEN_USERNAME = re.compile(
    r"(?i:\b(?:user[ \t]?name|handle|login|log-in|screen[ \t]?name|gamertag|display[ \t]name)"
    r"\b[^.\n:]{0,40}?(?:\bis|\bwas|:))[ \t]+@?"
    rf"(?P<handle>{_HANDLE})(?![\w@])"
)
GIVEN_USERNAME = gated(GIVEN_USERNAME)


def is_thread(text: str) -> bool:
    return bool(
        HEADER.search(text) or COMMENTS_HEADING.search(text) or len(INDENTED.findall(text)) >= 2
    )


def thread_commenters(text: str) -> Iterator[Finding]:
    yield from given_usernames(text)
    if not is_thread(text):
        return
    found: list[Finding] = []
    for m in (*HEADER.finditer(text), *FIRST_LINE.finditer(text)):
        who = m.group("who")
        if (" " in who and _full_name(who)) or _username(who):
            found.append(Finding(m.start("who"), m.end("who"), "PERSON", 0.8, "comment_thread"))
    lower = _mostly_lower(text)
    for m in COMMENT.finditer(text):
        if m.group("name") and _full_name(m.group("name"), labelled=bool(m.group("colon"))):
            found.append(Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "comment_thread"))
        elif m.group("low") and lower and m.group("lead") and _lower_full_name(m.group("low")):
            found.append(Finding(m.start("low"), m.end("low"), "PERSON", 0.7, "comment_thread"))
    for m in ARROWED_LABEL.finditer(text):
        who = m.group("who")
        if _username(who) or (" " not in who and _full_name(who, single=True)):
            found.append(Finding(m.start("who"), m.end("who"), "PERSON", 0.8, "comment_thread"))
    yield from found
    yield from later_uses(text, found)


def given_usernames(text: str) -> Iterator[Finding]:
    for m in GIVEN_USERNAME.finditer(text):
        handle = m.group("handle")
        if _username(handle) or handle.lower() not in gazetteer().english_words:
            yield Finding(m.start("handle"), m.end("handle"), "PERSON", 0.8, "social_handle")


def _username(token: str) -> bool:
    return token.lower() not in NOT_USERNAMES and username_shape(token) is not None


def _plain(word: str) -> bool:
    """Not a word that can never be part of a person's name here."""
    return not (
        word in STOP_WORDS
        or word in DOMAIN_WORDS
        or word in ROLE_CUES
        or word in NOT_IDENTIFIER_WORDS
        or word.rstrip(".") in TITLE_CUES
    )


def _full_name(name: str, single: bool = False, labelled: bool = False) -> bool:
    """ "Jazz Kaur", "Wendy Slack", "Tamsyn Pascoe": a first name (or a word in no list) and
    a surname (or a word in no list); not "Royal Stoke", "Same Here", "Ring Healthwatch".
    Before a colon ("Trace Willmott: omg") one clear half is enough."""
    gaz = gazetteer()
    words = [w.lower().strip("'’") for w in name.split()]
    if not all(_plain(w) for w in words):
        return False
    if any(w in gaz.places and not gaz.is_name_part(w) for w in words):
        return False
    if single:
        return words[0] in gaz.first_names or words[0] not in gaz.english_words
    first, last = words[0], words[-1]
    first_ok = (first in gaz.first_names and first not in gaz.common_words) or (
        first not in gaz.common_words and first not in gaz.english_words
    )
    last_ok = (last in gaz.surnames and last not in gaz.common_words) or (
        last not in gaz.english_words
    )
    if (first_ok and last_ok) or (labelled and (first_ok or last_ok)):
        return True
    # one everyday-looking word ("Jazz", "Trace", "Will") is fine beside a clear name
    if first_ok:
        return last in gaz.surnames or last not in gaz.common_words
    everyday_first = first in gaz.first_names or first not in gaz.common_words or len(first) <= 4
    return last_ok and everyday_first


def _lower_full_name(name: str) -> bool:
    """ "carys jenkins", "sam whitlock" opening an indented line of a lower-case thread."""
    gaz = gazetteer()
    first, last = name.lower().split()
    if not (_plain(first) and _plain(last)) or first in gaz.places or last in gaz.places:
        return False
    if first in gaz.common_words or first in CHAT_WORDS or len(first) < 3:
        return False
    if first not in gaz.first_names and first in gaz.english_words:
        return False
    return (last in gaz.surnames and last not in gaz.common_words) or (
        last not in gaz.english_words
    )


# Chat shorthand that opens a comment without naming anyone.
CHAT_WORDS = frozenset("lol omg tbh imo imho ngl idk btw fyi smh wtf ikr thx np pmsl lmao".split())


def _mostly_lower(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.03 * len(letters)
