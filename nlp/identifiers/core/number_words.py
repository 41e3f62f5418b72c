"""Numbers written as words ("eighty-four", "ninety one", "a hundred and two"), for ages.

People write ages both ways, and an age in words narrows who someone is as much as in digits.
`NUMBER` is a regular-expression fragment for 1 to 119 in words; `value` reads one back.
"""

from __future__ import annotations

import re

UNITS = "one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNIT = "|".join(UNITS)
_TENS = "|".join(TENS)
_TEEN = "|".join(TEENS)
# A unit after a tens word as it is said or heard (round 45, three sets): Scots and Irish
# "wan" and "twa" ("sixty wan", "seventy-twa"), "too" typed for "two" ("eighty too").
HEARD_UNITS = {"wan": 1, "twa": 2, "too": 2}
_HEARD_UNIT = "|".join(HEARD_UNITS)
_UNDER_100 = rf"(?:(?:{_TENS})(?:[\s-]+(?:{_UNIT}|{_HEARD_UNIT}))?|{_TEEN}|{_UNIT})"
UNDER_100 = _UNDER_100  # "nine", "forty-two": a house number or a count said in words
NUMBER = rf"(?:(?:a|one)\s+hundred(?:\s+and\s+{_UNDER_100})?|{_UNDER_100})"
_VALUES = {w: n for n, w in enumerate(UNITS, 1)} | {w: n for n, w in enumerate(TEENS, 10)}
_VALUES |= {w: 10 * n for n, w in enumerate(TENS, 2)}


# What may come before each kind of number word in one number ("one hundred and twenty-two"):
# nothing before a year said in words ("nineteen seventy", "twenty nineteen"), which is two
# numbers, not their sum (round 46: the model's ages over spoken years, four sets).
_MAY_FOLLOW = {"hundred": (None, "unit"), "tens": (None, "hundred"), "teen": (None, "hundred")}
_MAY_FOLLOW["unit"] = (None, "hundred", "tens")
_KIND = {w: "unit" for w in UNITS} | {w: "teen" for w in TEENS} | {w: "tens" for w in TENS}


def value(text: str) -> int | None:
    """The number `text` spells ("Seventy-Two" -> 72), or None if it is not one (a year said
    in words, "nineteen sixty-eight", is two numbers)."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w not in ("and", "a")]
    if not words:
        return None
    total = 0
    last = None
    for word in words:
        kind = "hundred" if word == "hundred" else _KIND.get(word)
        if word in HEARD_UNITS and last == "tens":
            total += HEARD_UNITS[word]
            last = "unit"
            continue
        if kind is None or last not in _MAY_FOLLOW[kind]:
            return None
        total = (total or 1) * 100 if kind == "hundred" else total + _VALUES[word]
        last = kind
    return total or None


def as_int(text: str) -> int | None:
    """Digits or words: "84" -> 84, "eighty four" -> 84."""
    text = text.strip()
    return int(text) if text.isdecimal() else value(text)  # "¹" is a digit int() refuses


# Ordinals, for the birthday an age is ("his 90th birthday", "her eightieth", round 45).
UNIT_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth".split()
TEEN_ORDINALS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
).split()
TENS_ORDINALS = (
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
)
_UNIT_ORDINAL = "|".join(UNIT_ORDINALS)
ORDINAL_NUMBER = (
    rf"(?:(?:{_TENS})[\s-]+(?:{_UNIT_ORDINAL})|{'|'.join(TENS_ORDINALS)}|{'|'.join(TEEN_ORDINALS)}"
    rf"|{_UNIT_ORDINAL}|(?:(?:a|one)\s+)?hundredth)"
)
_ORDINAL_VALUES = (
    {w: n for n, w in enumerate(UNIT_ORDINALS, 1)}
    | {w: n for n, w in enumerate(TEEN_ORDINALS, 10)}
    | {w: 10 * n for n, w in enumerate(TENS_ORDINALS, 2)}
    | {"hundredth": 100}
)


def ordinal_value(text: str) -> int | None:
    """The number an ordinal stands for ("100th" -> 100, "eighty-fifth" -> 85), or None."""
    low = text.lower().strip()
    digits = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", low)
    if digits:
        return int(digits.group(1))
    *head, last = [w for w in re.split(r"[\s-]+", low) if w not in ("a", "one")] or [""]
    if last not in _ORDINAL_VALUES or len(head) > 1 or (head and head[0] not in TENS):
        return None
    return _ORDINAL_VALUES[last] + (value(head[0]) if head else 0)


# Phone numbers read out: "oh seven seven double oh nine ...", "zero one one three, four ...".
DIGIT_WORDS = {"oh": "0", "o": "0", "zero": "0", "nought": "0"} | {
    w: str(n) for n, w in enumerate(UNITS, 1)
}
_DIGIT = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
_SPOKEN_DIGIT = rf"(?:(?:double|treble|triple)\s+)?(?:{_DIGIT})"
# A UK number starts with its trunk zero, so the run starts with a word for zero.
SPOKEN_DIGITS = re.compile(
    r"(?<![\w-])\b(?:oh|o|zero|nought)"
    rf"(?:(?:\s*[,-]\s*|\s+)(?:{_SPOKEN_DIGIT})){{5,}}(?![\w-])",
    re.IGNORECASE,
)


def spoken_digits(text: str) -> str:
    """The digits a run of spoken digit words stands for ("oh double seven" -> "077")."""
    out = []
    repeat = 1
    for word in re.findall(r"[a-z]+", text.lower()):
        if word == "double":
            repeat = 2
        elif word in ("treble", "triple"):
            repeat = 3
        else:
            out.append(DIGIT_WORDS[word] * repeat)
            repeat = 1
    return "".join(out)
