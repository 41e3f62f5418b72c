"""People in paperwork's fields and charts, copied into a story (issue 20, thirty-fifth round).

Development set v39 (paperwork inside people's stories) left people where a document's layout,
not a sentence, says "a person is here":

- a name field's value typed in capitals ("Surname: MACKINNON   Forename: CATRIONA"): the label
  is the cue, so the capitals that hide a name elsewhere do not matter here; a value that is an
  everyday word ("Surname: SAME AS ABOVE", "Surname: N/A") stays. Round 98: in lower case too,
  up to the next field's label ("surname: evans forenames: sunita date of birth:", "Surname:
  o'brien DOB:"), each word a name's or no common word's; eight writers' sets hold nine such
  values the rules left, and no lower-case value of a name field that is no name;
- a chart's signature cells: a medicines or fluid chart whose header row holds dates has one
  cell per day, signed with the giver's initials ("| KL | DS |", "14:10 DS"). The cells under
  dates are the slot, so a test's or a condition's letters ("TB", "DS") are initials there; a
  code the chart's key defines ("R = refused") and the acronyms of a role stay;
- a carer named by first name and initial in a call log's table ("Adewunmi O   15:02"): a
  capitalised word then one capital, alone in a cell of a row that holds a time or a date,
  when the word is a first name or in no English word list ("Vitamin D", "Plan B" stay).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.people.note_takers import WORKER_ROLES

NAME_FIELD = re.compile(
    r"\b(?i:surname|family[ \t]+name|last[ \t]+name|forenames?(?:\(s\))?|first[ \t]+names?|"
    r"given[ \t]+names?|middle[ \t]+names?)[ \t]*[:–-][ \t]*"
    r"(?P<name>[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]+(?:[ \t][A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]+){0,2})"
    r"(?=[ \t]{2,}|\t|[ \t]*(?:\n|$|[|,;]))"
)
NAME_FIELD = gated(NAME_FIELD)
_LABEL = (
    r"\b(?i:surname|family[ \t]+name|last[ \t]+name|forenames?(?:\(s\))?|first[ \t]+names?"
    r"|given[ \t]+names?)[ \t]*[:–-][ \t]*"
)
NAME_FIELD_LOWER = gated(
    re.compile(
        rf"{_LABEL}(?P<name>[a-zß-ÿ][a-zß-ÿ'’-]+(?:[ \t][a-zß-ÿ][a-zß-ÿ'’-]+)?)"
        r"(?=[ \t]{2,}|\t|[ \t]*(?:\n|$|[|,;])|[ \t]+(?i:date[ \t]+of[ \t]+birth|d\.?o\.?b\.?"
        r"|forenames?(?:\(s\))?|first[ \t]+names?|given[ \t]+names?|middle[ \t]+names?|surname"
        r"|last[ \t]+name|family[ \t]+name|age|address|postcode|title|sex|gender|tel|phone|mobile"
        r"|e-?mail|nhs(?:[ \t]+(?:no\.?|number))?)[ \t]*:)"
    )
)
CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+|[ \t]{2,}")
DATE_CELL = re.compile(r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?")
TIME_OR_DATE = re.compile(
    r"(?<![\w:/.])(?:\d{1,2}[:.]\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w:/])"
)
SIGNED_CELL = re.compile(r"(?:\d{1,2}[:.]\d{2}[ \t]+)?(?P<who>[A-Z]{2,3})")
KEY_CODE = re.compile(r"\b(?P<code>[A-Z]{1,3})[ \t]*=")
NAME_AND_INITIAL = re.compile(r"(?P<who>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?[ \t][A-Z])")


def name_fields(text: str) -> Iterator[Finding]:
    """The value of a name field, in capitals or not: "Surname: MACKINNON"."""
    gaz = gazetteer()
    for m in NAME_FIELD.finditer(text):
        words = m.group("name").lower().replace("’", "'").split()
        if all(w in gaz.common_words and not gaz.is_name_part(w) for w in words):
            continue  # "Surname: SAME AS ABOVE", "Forename: Unknown"
        if words[0] in {"n/a", "na", "none", "unknown", "same", "see", "as"}:
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "name_field")


def lower_case_name_fields(text: str) -> Iterator[Finding]:
    """The value of a name field typed in lower case, up to the next field's label."""
    gaz = gazetteer()
    for m in NAME_FIELD_LOWER.finditer(text):
        words = m.group("name").replace("’", "'").split()
        if not all(gaz.is_name_part(w) or w not in gaz.common_words for w in words):
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "name_field")


def _cells(line: str, start: int) -> list[tuple[int, int, str]]:
    """A table line's cells with their places in the text (bars, tabs or wide gaps split)."""
    out, at = [], 0
    for cut in [*CELL_SPLIT.finditer(line), None]:
        end = cut.start() if cut else len(line)
        if line[at:end].strip():
            out.append((start + at, start + end, line[at:end]))
        at = cut.end() if cut else len(line)
    return out


def chart_signatures(text: str) -> Iterator[Finding]:
    """Initials in a chart's cells under dates, and a name with its initial in a log's row."""
    if "|" not in text and "\t" not in text and "   " not in text:
        return
    keys = {m.group("code") for m in KEY_CODE.finditer(text)}
    gaz = gazetteer()
    offset, dated_columns = 0, False
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            dated_columns = False
            continue
        cells = _cells(line, start)
        if len(cells) < 3:
            continue
        if sum(bool(DATE_CELL.fullmatch(c[2].strip())) for c in cells) >= 2:
            dated_columns = True  # a chart's header: one column a day
            continue
        if dated_columns:
            for a, _b, cell in cells[1:]:
                m = SIGNED_CELL.fullmatch(cell.strip())
                if m and m.group("who") not in keys and m.group("who") not in WORKER_ROLES:
                    at = a + cell.index(cell.strip()) + m.start("who")
                    yield Finding(at, at + len(m.group("who")), "PERSON", 0.7, "chart_cell")
        if not TIME_OR_DATE.search(line):
            continue
        for a, _b, cell in cells:
            m = NAME_AND_INITIAL.fullmatch(cell.strip())
            if not m:
                continue
            word = m.group("who").split()[0].lower().replace("’", "'")
            first = word.split("-")[0]
            if first in gaz.first_names or first not in gaz.english_words:
                at = a + cell.index(cell.strip())
                yield Finding(at, at + len(m.group("who")), "PERSON", 0.7, "chart_cell")


def paperwork_fields(text: str) -> list[Finding]:
    """Every person this module finds in a document's fields and charts."""
    return [*name_fields(text), *lower_case_name_fields(text), *chart_signatures(text)]
