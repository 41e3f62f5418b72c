"""Identifiers in records pasted from another system: a table with its header row (comma, tab,
pipe or semicolon between the cells) and fields given as key and value ("nhs_no": "...",
client.dob=..., patient_name=...).

Seventeenth round (issue 20): people and staff paste into a story what a feedback system, a
case log or a spreadsheet exported. There the words that say what a value is stand in a header
row or in a key, not in a sentence ("first_name,last_name,patient_dob,nhs_no" above the rows),
so the cues the other rules read ("NHS no.", "born", "my mum") are missing beside the values,
and a name in a cell has no sentence around it for the NER. The field's name says what its
value is; this rule reads it:

- a key or a column heading is split into words ("patient_dob", "client.hc_no", "Date of
  birth", "NOK phone") and matched to a kind: DOB or birth is a date of birth, NHS with no/
  number an NHS number, tel/phone/mobile a phone, name/forename/surname a person (not
  "service_name", a setting), town/city a place, postcode, e-mail, address, age, NI, and CHI,
  H&C, MRN, hospital number, case or reference an identifier of its own;
- the value must have the shape of its kind (a phone has nine figures or more, an age one to
  three figures, a person's name letters only, a date of birth a year), so an empty cell, a
  "null" or a row whose cells do not line up with the header marks nothing wrong;
- a table is read only below a header row with at least two headings of known kinds, and only
  rows cut by the same character; a row with more cells than the header (an address with an
  unquoted comma) is lined up from both ends.

Health boards and trusts stay unmarked in a key as in a sentence ("service.trust").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A name's words that make it a setting's ("service_name", "home_name").
_SETTING_WORDS = _words(
    "service hospital practice surgery ward home setting provider clinic hospice"
)
# Words that say the value is a person's name, and words of who it is that say so only with
# one of them or alone ("patient_name", "surname", "patient"; not "patient_type").
_NAME_WORDS = _words("name names forename forenames surname")
_WHO_WORDS = _words("patient client resident relative staff carer first last family given")
# The kind a field's name gives its value, by the words in the name (first match wins):
# (label, any of these words, none of these words).
_KINDS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("DATE_OF_BIRTH", _words("dob birth birthdate born"), frozenset()),
    ("NI_NUMBER", _words("ni nino insurance"), frozenset()),
    ("NHS_NUMBER", _words("nhs"), _words("trust board body org service")),
    (
        "OTHER_ID",
        _words("chi hc h&c mrn crn urn hosp ref reference case submission record pin gmc nmc"),
        _words("type status date opened closed"),
    ),
    ("PHONE", _words("tel telephone phone mobile mob ffon fax"), frozenset()),
    ("EMAIL", _words("email mail"), frozenset()),
    ("POSTCODE", _words("postcode pc zip post"), frozenset()),
    ("ADDRESS", _words("address addr street line"), frozenset()),
    ("AGE", _words("age oed"), frozenset()),
    ("LOCATION", _words("town city village area locality county place"), frozenset()),
    ("CARE_SETTING", _SETTING_WORDS | {"site"}, _words("type trust board area category line")),
    (
        "PERSON",
        _NAME_WORDS | _WHO_WORDS | _words("nok kin handler author"),
        _words("type relationship relation status"),
    ),
)

_SHAPES = {
    "DATE_OF_BIRTH": re.compile(r"(?=.*\d{2})[\w ./,-]{6,20}"),
    "NI_NUMBER": re.compile(r"[A-Za-z]{2}[ ]?(?:\d{2}[ ]?){3}[A-Da-d]?"),
    "NHS_NUMBER": re.compile(r"\d{3}[ -]?\d{3}[ -]?\d{4}"),
    "OTHER_ID": re.compile(r"(?=.*\d)[A-Za-z0-9][A-Za-z0-9 /-]{3,24}"),
    "PHONE": re.compile(r"(?=(?:\D*\d){9})[+\d ()./-]{9,20}"),
    "EMAIL": re.compile(r"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}"),
    "POSTCODE": re.compile(r"[A-Za-z]{1,2}\d[A-Za-z\d]?[ ]?\d[A-Za-z]{2}"),
    "ADDRESS": re.compile(r"(?=.*[A-Za-z])[\w'’ ,./-]{4,60}"),
    "AGE": re.compile(r"\d{1,3}"),
    "LOCATION": re.compile(r"(?:[^\W\d_]|['’ .-]){2,40}"),
    "CARE_SETTING": re.compile(r"(?=.*[A-Z])[\w'’&(),. -]{3,60}"),
    "PERSON": re.compile(r"(?=.*[^\W\d_]{2})(?:[^\W\d_]|['’. -]){2,50}"),
}
NOT_VALUES = frozenset("null none n/a na nil unknown - true false yes no self".split())

# "key": value in JSON, key=value, key: value on a line of fields.
JSON_FIELD = re.compile(
    r'"(?P<key>[A-Za-z][\w .&-]{0,40})"\s*:\s*(?:"(?P<quoted>[^"\n]{0,200})"|(?P<bare>[\w.+-]+))'
)
EQUALS_FIELD = re.compile(
    r'(?<![\w.])(?P<key>[A-Za-z][\w.&-]{0,40})=(?:"(?P<quoted>[^"\n]{0,200})"'
    r"|(?P<bare>[^\s\"=]+(?:[ \t]+(?![\w.&-]+=)[^\s\"=]+)*))"
)
DELIMITERS = (",", "\t", "|", ";")


def key_kind(key: str) -> str | None:
    """The kind of value a field of this name holds, or None: "patient_dob" a date of birth,
    "nhs_no" an NHS number, "service_name" a care setting, "relationship" nothing."""
    found = set(re.split(r"[\s_.\-/#]+", key.lower())) - {""}
    if not found:
        return None
    if {"h", "c"} <= found:
        found.add("h&c")
    if found & {"name", "names"} and found & _SETTING_WORDS:
        return "CARE_SETTING"
    for label, any_of, none_of in _KINDS:
        if not found & any_of or found & none_of:
            continue
        if label == "PERSON" and len(found) > 1 and found & _WHO_WORDS and not found & _NAME_WORDS:
            continue  # "patient_type", "client_group", "first_contact": no name
        return label
    return None


def exported_records(text: str) -> Iterator[Finding]:
    """Values of known kinds in a pasted table or in key-value fields."""
    if "=" in text or '":' in text:
        yield from _fields(text)
    if any(d in text for d in DELIMITERS) and "\n" in text:
        yield from _tables(text)


def _fields(text: str) -> Iterator[Finding]:
    for pattern in (JSON_FIELD, EQUALS_FIELD):
        for m in pattern.finditer(text):
            label = key_kind(m.group("key"))
            group = "quoted" if m.group("quoted") is not None else "bare"
            if label is None or m.group(group) is None:
                continue
            found = _value(text, m.start(group), m.end(group), label)
            if found:
                yield found


def _tables(text: str) -> Iterator[Finding]:
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        start, line = lines[i]
        header = _header(line)
        if header is None:
            i += 1
            continue
        delimiter, kinds = header
        i += 1
        while i < len(lines) and lines[i][1].count(delimiter) >= 1:
            row_start, row = lines[i]
            cells = _cells(row, delimiter)
            for (s, e), label in _lined_up(cells, kinds):
                if label:
                    found = _value(text, row_start + s, row_start + e, label)
                    if found:
                        yield found
            i += 1


def _header(line: str) -> tuple[str, list[str | None]] | None:
    """The delimiter and each column's kind, if this line is a header row: three cells or more,
    none with a figure, two or more of a known kind."""
    for delimiter in DELIMITERS:
        if line.count(delimiter) < 2:
            continue
        names = [line[s:e] for s, e in _cells(line, delimiter)]
        if any(re.search(r"\d", n) and not re.search(r"line[ _]?\d", n, re.I) for n in names):
            continue
        if any(len(n) > 40 for n in names):
            continue
        kinds = [key_kind(n) for n in names]
        if sum(k is not None for k in kinds) >= 2:
            return delimiter, kinds
    return None


def _cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """Each cell's content as (start, end) in the line, quotes and spaces around it set aside."""
    cells: list[tuple[int, int]] = []
    pos, quoted, begin = 0, False, 0
    while pos <= len(line):
        c = line[pos] if pos < len(line) else delimiter
        if c == '"':
            quoted = not quoted
        elif c == delimiter and not quoted:
            s, e = begin, pos
            while s < e and line[s] in ' \t"':
                s += 1
            while e > s and line[e - 1] in ' \t"':
                e -= 1
            cells.append((s, e))
            begin = pos + 1
        pos += 1
    return cells


def _lined_up(
    cells: list[tuple[int, int]], kinds: list[str | None]
) -> list[tuple[tuple[int, int], str | None]]:
    """Cells with their column's kind; a row with more cells than headings has an unquoted
    delimiter inside its address, so the cells either side are lined up from their own end and
    the address takes the middle."""
    if len(cells) == len(kinds):
        return list(zip(cells, kinds, strict=True))
    if len(cells) > len(kinds) and "ADDRESS" in kinds:
        at = kinds.index("ADDRESS")
        extra = len(cells) - len(kinds)
        left = list(zip(cells[:at], kinds[:at], strict=True))
        middle = [((cells[at][0], cells[at + extra][1]), "ADDRESS")]
        right = list(zip(cells[at + extra + 1 :], kinds[at + 1 :], strict=True))
        return left + middle + right
    return []


def _value(text: str, start: int, end: int, label: str) -> Finding | None:
    value = text[start:end].strip()
    if not value or value.lower() in NOT_VALUES:
        return None
    start = text.index(value, start)
    if not _SHAPES[label].fullmatch(value):
        return None
    if label == "PERSON" and len(value.split()) > 5:
        return None
    return Finding(start, start + len(value), label, 0.7, "exported_record")
