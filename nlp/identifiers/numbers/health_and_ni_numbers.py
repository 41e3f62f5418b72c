"""NHS (and other health service) numbers and National Insurance numbers.

Both are a fixed run of digits (after two letters, for National Insurance) that a story may
group with spaces, hyphens or dots, and both carry a check of their own: the NHS number's
mod-11 check digit, the National Insurance prefixes never allocated. The check is what keeps the
ordinary numbers of a story (doses, phone numbers, counts) from being taken; a number written
right after its own name ("NHS no.", "H&C number", "CHI"), or in the number's own 3-3-4 grouping,
is taken even when the check fails.
Hospitals' own numbers and other references are nlp/identifiers/numbers/reference_numbers.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


# ---------------------------------------------------------------------------------------------
# NHS numbers: 10 digits (3-3-4 with optional space, hyphen or dot) and a valid mod-11 check digit.

AFTER_A_WORDS_STOP = r"(?<=[^\W\d_]{2}\.)"  # "ring.943...": a sentence's stop typed unspaced

# Also grouped with dots as a phone number sometimes is ("978.392.9968", second probes): the
# cue-less dotted shape passed the check in every context and was found in none.
# Also after a sentence's full stop typed with no space ("ring.943 476 5919", fourth probes),
# never after a figure's (a decimal, a version) or an initial's.
NHS_CANDIDATE = re.compile(
    rf"(?:(?<![\w+/.-])|{AFTER_A_WORDS_STOP})(\d{{3}})([ .-]?)(\d{{3}})\2(\d{{4}})(?![\w/-]|\.\d)"
)
# Typed by hand the groups drift: "943  476  5919", "943 4765 919", "943476 5919", "943-476 5919".
# Ten digits in two or three groups of at least three, split by up to two spaces or a hyphen;
# the mod-11 check digit (one in eleven random numbers passes) is what keeps precision. A
# leading zero is a phone number's trunk prefix ("01632 96012"), never this loose shape's.
NHS_LOOSE = re.compile(
    rf"(?:(?<![\w+/.:(-])|{AFTER_A_WORDS_STOP})(?<!\d )(?!0)(\d{{3,7}})(?:[ ]{{1,2}}|[ ]?-[ ]?)"
    r"(\d{3,7})"
    r"(?:(?:[ ]{1,2}|[ ]?-[ ]?)(\d{3,4}))?(?![\w/-]|\.\d|[ -]\d)"
)


def is_valid_nhs_number(digits: str) -> bool:
    """The NHS mod-11 check: weights 10..2 on the first nine digits; 10 is never valid."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# A number written right after its own name is that number even when a digit was mistyped (the
# check digit then fails) or the writer used a made-up or test number: "NHS no. 444 555 6662",
# "H&C number is 712 334 9081" (Northern Ireland's Health and Care number), "CHI: 1103 487 221",
# "NHS number 401.023.2137" (grouped with dots, as a phone number sometimes is).
HEALTH_NUMBER_CUE = re.compile(
    r"\b(?P<kind>nhs|h\s?&\s?c|health\s+(?:and|&)\s+care|chi)\s*"
    r"(?:number|no\.?|num|#)?(?:['’]s)?\s*(?:(?:is|was|given|:)\s*){0,2}:?\s*"
    r"(?P<id>\d(?:[ -]{0,2}\d|\.\d){9})(?![\w/-]|[ .-]\d)",
    I,
)
HEALTH_NUMBER_CUE = gated(HEALTH_NUMBER_CUE)


# Round 47: the Northern Irish or Scottish number told a few words after its name, in the same
# sentence ("wanted my H&C number added to the form 318 442 6071", "H&C no. (from the ward's
# sticker): 318 442 6071", "Mum's H&C number - the one on her blue card - is 318 442 6071"; a scan
# may break the sentence over a line): three sets by different writers, and every such number
# in the development sets is marked. No figure may stand between the name and the number, nor
# a phone's trunk zero open it, and a scan's O or l among the figures ("6O71") is read as the
# digit it stands for when eight real digits are there.
HEALTH_NUMBER_LATER = re.compile(
    r"\b(?i:h[ \t]?&[ \t]?c|health[ \t]+(?:and|&)[ \t]+care|chi)"
    r"(?:[ \t]+(?i:number|no\.?|num))?(?:['’]s)?(?:[^.!?\n\d]|\n(?![ \t]*\n)){1,80}?(?<![\w])"
    r"(?P<id>[1-9](?:[ -]{0,2}[\dOl]){9})(?![\w/-]|[ .-]\d)"
)
HEALTH_NUMBER_LATER = gated(HEALTH_NUMBER_LATER)


def _health_numbers_later(text: str) -> Iterator[Finding]:
    for m in HEALTH_NUMBER_LATER.finditer(text):
        if sum(c.isdigit() for c in m.group("id")) >= 8:
            yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.85, "health_number_cue")


GROUPED_FIGURE_AFTER = re.compile(r"[ -]\d")
GROUPED_FIGURE_BEFORE = re.compile(r"(?<![\d/.-])\d{1,4}[ -]\Z")  # not a date's year


def _in_health_number_grouping(m: re.Match) -> bool:
    """Ten digits in the health number's own 3-3-4 grouping, split by spaces or hyphens.

    Round 97: written so, a number is a health number (or a phone number without its trunk
    zero) even when its check digit fails: mistyped, a test number, or an old number told
    beside the new one ("my old one was 999 314 2207"). In 2,557 such numbers across the
    development sets every one is marked (NHS, Health and Care and phone numbers), seven of
    them missed for their check digit, by four writers; the real stories and comments hold none. A
    leading zero is left to the phone rules, which read the trunk prefix. Such a number is
    taken as a personal number of its own (OTHER_ID), not claimed as an NHS number its check
    digit denies.
    """
    if m.group(2) not in (" ", "-") or m.group(1).startswith("0"):
        return False
    # Not one run of a longer row of figures ("shelf 943 476 5918 7", "1 943 476 5918"); a
    # date's year may stand before it ("19/01/1987 999 104 5528").
    text = m.string
    return not (
        GROUPED_FIGURE_AFTER.match(text, m.end())
        or GROUPED_FIGURE_BEFORE.search(text, max(0, m.start() - 8), m.start())
    )


def nhs_numbers(text: str) -> Iterator[Finding]:
    for m in HEALTH_NUMBER_CUE.finditer(text):
        label = "NHS_NUMBER" if m.group("kind").lower() == "nhs" else "OTHER_ID"
        yield Finding(m.start("id"), m.end("id"), label, 0.9, "health_number_cue")
    yield from _health_numbers_later(text)
    for m in NHS_CANDIDATE.finditer(text):
        if is_valid_nhs_number(m.group(1) + m.group(3) + m.group(4)):
            yield Finding(m.start(), m.end(), "NHS_NUMBER", 1.0, "nhs_mod11")
        elif _in_health_number_grouping(m):
            yield Finding(m.start(), m.end(), "OTHER_ID", 0.8, "health_number_grouping")
    for m in NHS_LOOSE.finditer(text):
        digits = "".join(g for g in m.groups() if g)
        if len(digits) == 10 and is_valid_nhs_number(digits):
            yield Finding(m.start(), m.end(), "NHS_NUMBER", 0.95, "nhs_mod11")


# ---------------------------------------------------------------------------------------------
# National Insurance numbers: two prefix letters (D, F, I, Q, U, V never; O never second;
# BG, GB, KN, NK, NT, TN, ZZ never allocated), six digits in any grouping, suffix A-D.

# Not the tail of a longer reference joined by a dash or slash ("HD-OP-778203").
NI_CANDIDATE = re.compile(
    r"(?<![\w])(?<!\w[/-])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})"
    r"(?:[ -]?([A-D]))?(?!\w)(?![/.-]\d)",  # not a date's head: "as 1941-03-05" (round 37)
    I,
)
NI_BAD_PREFIXES = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def is_valid_ni_number(value: str) -> bool:
    compact = re.sub(r"[\s-]", "", value).upper()
    m = re.fullmatch(r"([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]?", compact)
    return bool(m) and m.group(1) not in NI_BAD_PREFIXES


def ni_numbers(text: str) -> Iterator[Finding]:
    for m in NI_CANDIDATE.finditer(text):
        if m.group(1).upper() in NI_BAD_PREFIXES:
            continue
        # Without the suffix letter the shape is weaker evidence (and rarer in the wild).
        yield Finding(m.start(), m.end(), "NI_NUMBER", 1.0 if m.group(5) else 0.7, "ni_prefix")
