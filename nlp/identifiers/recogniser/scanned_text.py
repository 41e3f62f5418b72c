"""Text as it came off a scanner or out of a database, read as it was meant: the same length,
so every offset found in it holds in the original.

Seventeenth round (issue 20): stories reach the service on paper, and paper comes through
optical character recognition, which reads a zero as the letter O and a one as a lower-case l
or a capital I ("O7700 9OO 482", "DDl 4LN", "3l.O8.1958"). No pattern for a phone number, a
postcode or a date of birth matches those, though a reader sees the number at once. Systems'
exports name their fields in snake case and join them with "=" ("relative_nhs=612 884 3310",
"h_and_c_number"), which hides the cue word from the rules that look for "NHS" or "DOB".

`read_as_meant` gives the detector a copy in which:

- in a run of figures, a letter O (either case), l, I or | that stands where a figure does is
  read as 0 or 1: the token holds at least one real figure and no other letter, and either
  figures are at least half of it or the token beside it is all figures ("9OO" in
  "07700 9OO 482"); a word is never touched ("Ph0ne", "outlo0k.com", "lO" alone);
- S, B, G and Z (read for 5, 8, 6 and 2) are figures only in a token of figures with two real
  figures or more (or one, beside a group of figures), never in a postcode's outward shape
  ("48S 7l2" but not "S3", "B12");
- a run of such groups as long as a phone or NHS number (nine figures or more, three real, no
  full stop or comma inside) is read as one number ("O77OO 9OO S48"), a lone look-alike
  capital in it only where the run shows a scanner's hand elsewhere (typed "JY 18 55 48 B 111"
  keeps its NI suffix); a postcode's two halves
  never join a run nor are read beside one ("LS1 0BB. 0000000019" stays as written); a
  date's shape with misread figures is read as a date ("Ol/l2/l93O"), and an ordinal's ending
  is no letter ("l6th");
- a postcode whose district or sector has such a letter where a figure must stand, and one real
  figure, is read with the figure ("BBl8 6QJ", "Ml 4FX", "LL55 lRN", "BS7 BAL");
- a word of letters broken by a figure is read with the letter ("Ho1royd", "Hospita1",
  "0ctober"): a 1 or 0 between letters, a 1 ending a word of four lower-case letters, a 0
  opening a word of four lower-case letters; never a code with figures of its own ("AB10",
  "mary1958") nor a postcode ("ec1a", "le4 0yp");
- an underscore inside a field's name before its value is a space ("patient_dob=",
  "h_and_c_number |"); a username in a sentence keeps its underscores.

Each change keeps the length, so nothing downstream needs a map back. The copy is never shown
or stored: findings are applied to the story as written.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.postcodes import POSTCODE_AREAS

TO_DIGIT = str.maketrans(
    {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8", "G": "6", "Z": "2"}
)
AS_LETTERS = str.maketrans("10", "lo")
CONFUSED = "OolI|"
# Capitals a scanner also takes for figures (S for 5, B for 8, G for 6, Z for 2), but which
# begin postcodes and codes ("S3", "B12", "G42"): read as figures only among two real figures
# or more, never in a postcode's outward shape.
LOOKALIKE = "SBGZ"
OUTWARD_SHAPE = re.compile(r"[A-Z]{1,2}\d{1,2}[A-Z]?")
OUTWARD_ANY_CASE = re.compile(r"[A-Za-z]{1,2}\d{1,2}[A-Za-z]?")
# A whole postcode typed without its space, in any case ("ls11ba", "m11aa"): its "11" is figures
# unless, read as letters, it is an English word ("ca11ed" for "called").
POSTCODE_ANY_CASE = re.compile(r"[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2}")
# A date's shape, each figure perhaps misread: "Ol/l2/l93O", "2B-O2-l96S".
_F = r"[0-9OolI|SBGZ]"
DATE_SHAPE = re.compile(rf"{_F}{{1,2}}[./-]{_F}{{1,2}}[./-](?:{_F}{{2}}|{_F}{{4}})")
ORDINAL_END = re.compile(r"(?<=[0-9OolI|SBGZ])(?:st|nd|rd|th)$")
TOKEN = re.compile(r"[^\s]+")
HAS_FIGURE = re.compile(r"\d")
_D = r"[0-9OlISBGZ]"
POSTCODE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<area>[A-Z]{{1,2}})(?P<district>{_D}{_D}?|{_D}[A-Z])[ \t]?"
    rf"(?P<sector>{_D})(?P<unit>[A-Z]{{2}})(?![A-Za-z0-9])"
)
WORTH_READING = re.compile(
    r"\d[^\n]{0,3}[OolI|SBGZ]|[OolI|SBGZ][^\n]{0,3}\d|[a-z]_[a-z]"
    r"|[A-Za-z][10]+[a-z]|[a-z]1\b|\b0[a-z]"
)
# A word of letters a scanner broke with a figure: "Ho1royd", "E1speth", "Hospita1", "0ctober".
WORDLIKE = re.compile(r"(?<![\w@.])(?=[A-Za-z]*[10])[A-Za-z10]+(?![\w@])")
# A field's name before its value ("patient_dob=", "h_and_c_number |", "nok_phone:"). Before
# a colon only a name with a field's word in it: a thread's username labels its posts the same
# way ("kev_the_van: ...") and keeps its underscores, as does a username in a sentence.
FIELD_NAME = re.compile(r"(?<![\w@./])(?P<name>[a-z]+(?:_[a-z]+)+)(?=[ \t]*(?P<sep>[=|:]))")
FIELD_NAME = gated(FIELD_NAME)
FIELD_WORDS = frozenset(
    """nhs dob birth phone tel mob mobile postcode address addr name surname forename number no
    num id ref chi ni nino email contact kin nok hospital case patient client""".split()
)


def read_as_meant(text: str) -> str:
    """A copy of `text` of the same length with figures misread by a scanner restored and
    field names split, for the detector to read (see the module docstring)."""
    if not _worth_reading(text):
        return text
    chars = list(text)
    tokens = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    # Only tokens with a figure in them can be numbers, misread or not (most are words).
    # A token of letters alone (most) has none: no letter is a figure (r"\d" is a decimal
    # digit, never a letter), so the search runs only on the others.
    numeric = [i for i, (_, t) in enumerate(tokens) if not t.isalpha() and HAS_FIGURE.search(t)]
    # Two passes: a token mostly of figures first, then one beside a token of figures (or one
    # the first pass restored): "4OO 2l7 3386" is three groups of one number.
    for _ in range(2):
        figures = [False] * len(tokens)
        for i in numeric:
            s, t = tokens[i]
            figures[i] = _figures_only("".join(chars[s : s + len(t)]))
        for i in numeric:
            start, token = tokens[i]
            token = "".join(chars[start : start + len(token)])
            if not _numeric_token(token):
                continue
            core = ORDINAL_END.sub("", token.strip(".,;:()[]"))
            if i > 0 and _inward_after_outward(tokens[i - 1][1], core):
                continue  # "ls1 0ll": a postcode's inward code, its letters are letters
            if _real_outward(core):
                continue  # "SO19": Southampton's letters, both of which look like figures
            if i + 1 < len(tokens) and _lower_outward_before_inward(core, tokens[i + 1][1]):
                continue  # "ll11 3ab", "l13 5he": Llandudno's and Liverpool's l is a letter
            digits = sum(c.isdigit() for c in core)
            misread = sum(c in CONFUSED or c in LOOKALIKE for c in core)
            beside = (i > 0 and figures[i - 1]) or (i + 1 < len(tokens) and figures[i + 1])
            if not misread or not (digits >= misread or beside or DATE_SHAPE.fullmatch(core)):
                continue
            lookalikes = not OUTWARD_ANY_CASE.fullmatch(core) and (
                digits >= 2 or (beside and digits >= 1)
            )
            for k, c in enumerate(token):
                if c in CONFUSED or (lookalikes and c in LOOKALIKE):
                    chars[start + k] = c.translate(TO_DIGIT)
    if numeric:
        _long_runs(chars, tokens, {j for i in numeric for j in range(i - 4, i + 5)})
    read = "".join(chars)
    for m in POSTCODE.finditer(read):
        code = m.group("district") + m.group("sector")
        if not any(c.isdigit() for c in code):
            continue  # "NO ISA" in a form typed in capitals: words, no postcode
        if m.group("area") not in POSTCODE_AREAS:
            continue  # "BIRTH IS 2ND APRIL": no postcode starts "I", so "S" stays a letter
        for group in ("district", "sector"):
            for k in range(m.start(group), m.end(group)):
                if read[k] in CONFUSED or read[k] in LOOKALIKE:
                    chars[k] = read[k].translate(TO_DIGIT)
    for m in WORDLIKE.finditer(read):
        for k in _misread_letters(m.group()):
            c = read[m.start() + k]
            chars[m.start() + k] = ("l" if c == "1" else "o") if k else ("I" if c == "1" else "O")
    for m in FIELD_NAME.finditer(text):
        if m.group("sep") == ":" and not FIELD_WORDS & set(m.group("name").split("_")):
            continue
        for k in range(m.start(), m.end()):
            if text[k] == "_":
                chars[k] = " "
    return "".join(chars)


def _long_runs(chars: list[str], tokens: list[tuple[int, str]], near: set[int]) -> None:
    """A run of figure-like groups as long as a phone or an NHS number (nine figures or more,
    three of them real) is one number: every misread figure in it is read as a figure, the
    look-alike capitals too ("O77OO 9OO S48"). Only tokens `near` a token with a figure can
    be in such a run."""
    run: list[tuple[int, str]] = []
    previous = ""
    following = [t for _, t in tokens[1:]] + [""]
    for n, (start, token) in enumerate([*tokens, (-1, "")]):
        if n not in near and not run:
            previous = token
            continue
        token = "".join(chars[start : start + len(token)]) if start >= 0 else ""
        after = following[n] if n < len(following) else ""
        joined = (
            bool(run)
            and start == run[-1][0] + len(run[-1][1]) + 1
            and not run[-1][1].endswith((".", ",", ";", ":"))
        )
        usable = (
            bool(token)
            and _figure_like(token)
            and not _inward_after_outward(previous, token.strip(".,;:()[]"))
            and not _inward_after_outward(token, after.strip(".,;:()[]"))
        )
        previous = token
        if usable and (not run or joined):
            run.append((start, token))
            continue
        cores = [t.strip(".,;:()[]") for _, t in run]
        figures = sum(c.isdigit() or c in CONFUSED or c in LOOKALIKE for t in cores for c in t)
        if figures >= 9 and sum(c.isdigit() for t in cores for c in t) >= 3:
            scanned = _misread_elsewhere(cores)
            for s, t in run:
                if not scanned and t.strip(".,;:()[]") in LOOKALIKE:
                    continue
                for k, c in enumerate(t):
                    if c in CONFUSED or c in LOOKALIKE:
                        chars[s + k] = c.translate(TO_DIGIT)
        run = [(start, token)] if usable else []


def _misread_elsewhere(cores: list[str]) -> bool:
    """Whether a run shows a scanner's hand beyond a lone look-alike capital: a misread
    character, or a look-alike inside a group of figures. Typed figures around a lone capital
    ("JY 18 55 48 B 111": an NI number's suffix, then a number) keep the capital a letter; a
    scanned run ("O l6l S l4 O2l7") reads it as a figure with the rest."""
    return any(c in CONFUSED or (len(core) > 1 and c in LOOKALIKE) for core in cores for c in core)


def _misread_letters(word: str) -> list[int]:
    """Where a figure stands for a letter in a word of letters: a 1 or 0 between two letters,
    a 1 ending a word of four lower-case letters or more, a 0 opening a word of four lower-case
    letters or more ("0ctober"; not a postcode's "0yp"). A word with two lower-case letters at
    least and one or two such figures, none beside another but "11" for "ll"; never a code
    ("AB10", "B12", "mary1958", "covid19")."""
    figures = [k for k, c in enumerate(word) if c in "10"]
    if not figures or len(figures) > 2 or sum(c.islower() for c in word) < 2:
        return []
    if OUTWARD_ANY_CASE.fullmatch(word):
        return []  # "ec1a", "sw1a": a postcode's outward code, typed in lower case
    if POSTCODE_ANY_CASE.fullmatch(word) and (
        word.translate(AS_LETTERS).lower() not in gazetteer().english_words
    ):
        return []  # "ls11ba": a postcode without its space; "ca11ed" is "called"
    if any(k + 1 in figures and word[k : k + 2] != "11" for k in figures):
        return []  # "10" inside a word is a number; "11" between letters is "ll" ("Rei11y")
    found = []
    for k in figures:
        before = word[k - 1] if k else ""
        after = word[k + 1 : k + 3].lstrip("1")
        if word[k - 1 : k] == "1" and k - 1 in figures:
            before = word[k - 2] if k >= 2 else ""
        if before.isalpha() and after[:1].isalpha():
            found.append(k)
        elif word[k] == "1" and k == len(word) - 1 and word[max(0, k - 4) : k].islower() and k >= 4:
            found.append(k)
        elif (
            word[k] == "0"
            and k == 0
            and len(word) >= 5
            and word[1:].isalpha()
            and word[1:].islower()
        ):
            found.append(k)
        else:
            return []  # a figure where no letter could be: a code, not a misread word
    return found


# Twenty-sixth round: an outward code in capitals whose letters are a real postcode area is
# read as written, though its letters look like figures ("SO19", "SO16 4AB": S for 5, O for
# 0; every Southampton postcode was read as "5019" and missed), and so is a whole postcode
# written without its space ("B100BB", once read as "810088").
REAL_OUTWARD = re.compile(r"(?P<area>[A-Z]{1,2})(?:\d{1,2}[A-Z]?|\d[A-Z\d]?\d[A-Z]{2})")


def _real_outward(core: str) -> bool:
    m = REAL_OUTWARD.fullmatch(core)
    return bool(m) and m.group("area") in POSTCODE_AREAS


# Thirtieth round: a postcode typed in lower case whose area begins with "l" (L, LL, LS, LE …)
# was read as figures ("ll11 3ab" as "1111 3ab", "l13 5he" as "113 5he") and lost. An outward
# code in lower case whose letters are a real area, before an inward code (a figure and two
# unit letters), is read as written; a scanned figure run ("l3 4O7") has no such inward code.
LOWER_OUTWARD = re.compile(r"(?P<area>[a-z]{1,2})\d{1,2}[a-z]?")
INWARD = re.compile(r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}")


def _lower_outward_before_inward(core: str, following: str) -> bool:
    m = LOWER_OUTWARD.fullmatch(core)
    return (
        bool(m)
        and m.group("area").upper() in POSTCODE_AREAS
        and bool(INWARD.fullmatch(following.strip(".,;:()[]")))
    )


def _worth_reading(text: str) -> bool:
    """Most stories have no figure beside a letter that could be one, and no field name."""
    return bool(re.search(WORTH_READING, text))


def _numeric_token(token: str) -> bool:
    """Figures, misread figures and the separators numbers are written with, one real figure
    at least, and an ordinal's ending: "8l3", "O7700", "3l.O8.1958", "(O1531)", "l6th"."""
    core = ORDINAL_END.sub("", token.strip(".,;:()[]"))
    return (
        bool(core)
        and any(c.isdigit() for c in core)
        and all(c.isdigit() or c in CONFUSED or c in LOOKALIKE or c in "./-+" for c in core)
    )


def _inward_after_outward(previous: str, core: str) -> bool:
    """Whether `core` is a postcode's inward code (a figure and two letters) after its outward
    code: "0ll" in "ls1 0ll" is "0LL", not figures."""
    return bool(
        re.fullmatch(r"\d[A-Za-z]{2}", core)
        and OUTWARD_ANY_CASE.fullmatch(previous.strip(".,;:()[]"))
    )


def _figure_like(token: str) -> bool:
    """Figures or characters a scanner makes of them, with a number's separators: "l9l", and
    without a real figure only one character or zeros ("O", "OOO"), never a word ("IS", "SO")."""
    core = token.strip(".,;:()[]")
    if not core or not all(
        c.isdigit() or c in CONFUSED or c in LOOKALIKE or c in "./-+" for c in core
    ):
        return False
    # A lone bar is a table's or a list's separator ("| 14/02/1990 | 07700 ..."), never a
    # scanned one: read as a figure, it joined a barred table's cells into one long number
    # and hid the header's columns (twenty-sixth round).
    if core == "|":
        return False
    return any(c.isdigit() for c in core) or len(core) == 1 or set(core) <= set("Oo")


def _figures_only(token: str) -> bool:
    core = token.strip(".,;:()[]+")
    return len(core) >= 2 and core.replace("-", "").isdigit()
