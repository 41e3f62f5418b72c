"""Social-media handles: "@ffion_b_1990", "my snap is beccs.x.o", "insta: jaz_the_mc".

Stories copied from public posts name their writer by handle, and young people give theirs
as a contact. A handle is an identifier however it is spelt, and no name list holds it: the
"@" (not inside an e-mail address) or the platform named just before it is the cue.

Seventh round (issue 20): a forum thread names its writers without an "@": "Reply from
PebbleDash77:", "Posted by tired_but_trying", "I'm walking.with.ms on here", "find me on
Instagram, walking.with.ms". After such a cue a token shaped like a username (usernames.py),
or one that is no English word, is the writer's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.usernames import NOT_USERNAMES, STRONG, username_shape

_HANDLE = r"[A-Za-z_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"  # not "@10am", a time
AT_HANDLE = re.compile(rf"(?<![\w@.+-])@(?P<handle>{_HANDLE})(?![\w@])")
AT_HANDLE = gated(AT_HANDLE)
PLATFORM_HANDLE = re.compile(
    r"\b(?:snap|snapchat|insta|instagram|ig|tiktok|twitter|facebook|fb|threads|reddit|discord|"
    r"youtube|telegram|mumsnet|handle|username|user\s?name|"
    # round 83: a patient portal's login ("user ID shona745"; v117, beside v16, v73, v97)
    r"user\s?id|"
    # round 40: messaging apps whose account is a name the user chose ("My WeChat is …")
    r"wechat(?:\s+id)?|weixin|viber|skype|kakao(?:talk)?|zalo|line\s+id)\b"
    r"(?:\s+(?:(?:is|as)\s+)?|\s*[:=,-]\s*)@?"
    rf"(?P<handle>{_HANDLE})(?![\w@])",
    re.IGNORECASE,
)
PLATFORM_HANDLE = gated(PLATFORM_HANDLE)

# Cues of a forum: who posted or replied, who wrote a quoted post, who the writer is "on here".
POSTED_BY = re.compile(
    r"\b(?:(?:reply|replies|comment|response|quote|message|review)\s+from|"
    r"(?:posted|replied|commented|quoted|written|shared|started|reviewed)\s+by)[ \t]*:?[ \t]*"
    rf"[\"“'‘]?@?(?P<handle>{_HANDLE})(?![\w@])",
    re.IGNORECASE,
)
POSTED_BY = gated(POSTED_BY)
WROTE = re.compile(
    rf"(?m)^[ \t]*(?P<handle>{_HANDLE})[ \t]+(?:wrote|said|replied|posted|commented|asked)[ \t]*:"
)
WROTE = gated(WROTE)
ON_HERE = re.compile(
    rf"\b(?:(?:I['’]?m|I\s+am|as|called)\s+@?(?P<handle>{_HANDLE})\s+on\s+(?:here|this\s+"
    r"(?:forum|site|board|group|page)|the\s+(?:forum|site|board|group|page))\b|"
    r"(?:name|username|user\s?name|handle)\s+on\s+(?:here|this\s+(?:forum|site)|the\s+forum)"
    rf"\s+(?:is\s+)?@?(?P<handle2>{_HANDLE})(?![\w@]))",
    re.IGNORECASE,
)
ON_HERE = gated(ON_HERE)
REDDIT_USER = re.compile(rf"(?<![\w/])u/(?P<handle>{_HANDLE})(?![\w@])")
REDDIT_USER = gated(REDDIT_USER)
# Round 47: a review site's or a thread's own label for its writer, in five sets by different
# writers: the handle opening a line before the time or the stars the site prints after it
# ("BlueKettle55 · Wed 10:02", "fen_walker ★★☆☆☆") or before the colon of a turn
# ("salford_sue: the assessor was fair"), a user field ("user: sistergem91"), or a handle to
# follow back ("follow me back dot_and_bea_x"). Only a token shaped like a username
# (usernames.py: an underscore, digits, capitals inside a word) is taken, and never an
# export's field ("q3_service:", "sender_phone:") nor a label the system gave ("Guest_3321:").
THREAD_LABEL = re.compile(rf"(?m)^[ \t]*(?P<handle>{_HANDLE})(?=[ \t]*(?::\s|[·•][ \t]|[ \t][★☆]))")
USER_FIELD = re.compile(rf"\b(?i:user)[ \t]*[:=][ \t]*@?(?P<handle>{_HANDLE})(?![\w@])")
USER_FIELD = gated(USER_FIELD)
FOLLOW_ME = re.compile(
    rf"\b(?i:follow[ \t]+(?:me|us)(?:[ \t]+back)?(?:[ \t]+on[ \t]+\w+)?)[ \t]+@?"
    rf"(?P<handle>{_HANDLE})(?![\w@])"
)
FOLLOW_ME = gated(FOLLOW_ME)
# "Mum2Freya", "Nan4Kids": words either side of a figure, a handle's shape too.
WORDS_AROUND_DIGITS = re.compile(r"[A-Za-z]{2,}\d{1,2}[A-Z][a-z]+")


def social_handles(text: str) -> Iterator[Finding]:
    for m in AT_HANDLE.finditer(text):
        yield Finding(m.start("handle"), m.end("handle"), "PERSON", 0.85, "social_handle")
    english = gazetteer().english_words
    for m in PLATFORM_HANDLE.finditer(text):
        handle = m.group("handle")
        # "on facebook is great", "the FB breastfeeding group": a handle has a mark or is no word
        if re.search(r"[._\d]", handle) or handle.lower() not in english:
            yield Finding(m.start("handle"), m.end("handle"), "PERSON", 0.8, "social_handle")
    yield from forum_usernames(text)


def forum_usernames(text: str) -> Iterator[Finding]:
    """Usernames after a forum's cues: shaped as usernames, or (after "Reply from", "posted
    by", "on here") no English word, a name in a list, never "Admin" or "Anonymous"."""
    english = gazetteer().english_words
    for pattern, loose in ((POSTED_BY, True), (ON_HERE, True), (WROTE, False)):
        for m in pattern.finditer(text):
            group = "handle" if m.group("handle") else "handle2"
            handle = m.group(group)
            low = handle.lower()
            if low in NOT_USERNAMES:
                continue
            if username_shape(handle) or (loose and low not in english and len(handle) > 2):
                yield Finding(m.start(group), m.end(group), "PERSON", 0.8, "social_handle")
    for m in REDDIT_USER.finditer(text):
        yield Finding(m.start("handle"), m.end("handle"), "PERSON", 0.85, "social_handle")
    for pattern in (THREAD_LABEL, USER_FIELD, FOLLOW_ME):
        for m in pattern.finditer(text):
            handle = m.group("handle")
            shaped = username_shape(handle) == STRONG or WORDS_AROUND_DIGITS.fullmatch(handle)
            if not shaped or _field_or_system_label(handle):
                continue
            yield Finding(m.start("handle"), m.end("handle"), "PERSON", 0.8, "social_handle")


def _field_or_system_label(handle: str) -> bool:
    """ "q3_service", "sent_by", "sender_phone": an export's field, its pieces everyday words
    or a question's number; "Guest_3321", "user_2031": a label the system gave; and a
    heading that is one English word ("ClInIc")."""
    pieces = re.split(r"[_.]", handle.lower())
    if pieces[0] in NOT_USERNAMES | {"guest", "visitor", "caller", "client", "patient"}:
        return True
    if handle.lower() in gazetteer().english_words:
        return True  # "ClInIc:", a heading whose i's a scan or a keyboard made capitals
    common = gazetteer().common_words
    return handle.islower() and all(
        p in common or re.fullmatch(r"[a-z]{0,2}\d*", p) for p in pieces
    )
