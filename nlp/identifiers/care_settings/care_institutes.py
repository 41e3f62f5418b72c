"""A care institute named by its place or its field (issue 20, round 89).

Some hospitals and specialist centres call themselves an institute: "Leeds Dental Institute",
"Bristol Heart Institute", "St John's Institute" (of Dermatology), "the Institute of
Neurological Sciences". No setting rule took "Institute" as a kind of care setting, so four
writers' sets (v48, v63, v66, v129) missed all eleven they mark, and none leaves one unmarked.

Here a care institute is one of:

- one or two capitalised words (a place, a founder) and a field of care before "Institute"
  ("Leeds Dental Institute", "Bristol Heart Institute");
- a saint's name before "Institute" ("St John's Institute");
- "Institute of" and a field of care ("Institute of Neurological Sciences").

Typed in one case ("leeds dental institute"), the same shapes are read in any case. An
institute with no field of care ("the Women's Institute", "Chartered Institute of Housing")
names no care setting and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.name_start import name_start
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little

FIELDS = (
    r"Dental|Heart|Cardiac|Cancer|Eye|Neurological|Neurology|Neurosciences?|Orthopaedics?|"
    r"Children['’]s|Child[ \t]+Health|Kidney|Renal|Liver|Diabetes|Dermatology|Skin|"
    r"Psychiatry|Mental[ \t]+Health|Ophthalmology|Urology|Cardiovascular|Oncology|Spinal"
)
_CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*"
NAMED_INSTITUTE = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_CAP}[ \t]+){{1,2}}(?:{FIELDS})[ \t]+Institute"
    rf"|(?:St\.?|Saint)[ \t]+{_CAP}(?:['’]s)?[ \t]+Institute"
    rf"|Institute[ \t]+of[ \t]+(?:{FIELDS})(?:[ \t]+(?:Sciences?|Research|Care))?)(?![\w'’-])"
)
NAMED_INSTITUTE_ANY_CASE = re.compile(NAMED_INSTITUTE.pattern, re.IGNORECASE)
FIELD_FIRST = re.compile(rf"(?:{FIELDS})[ \t]", re.IGNORECASE)


def care_institutes(text: str) -> Iterator[Finding]:
    """Institutes of care named by a place, a founder, a saint or their field."""
    if "nstitute" not in text and "NSTITUTE" not in text:
        return
    pattern = NAMED_INSTITUTE_ANY_CASE if capitals_mean_little(text) else NAMED_INSTITUTE
    for m in pattern.finditer(text):
        # "at edinburgh dental institute", "The Heart Institute": the words before the name
        start = name_start(text, m.start("name"), m.end("name"), STOP_WORDS.__contains__)
        if FIELD_FIRST.match(text, start):
            continue  # "the Dental Institute": its kind alone, no name left
        yield Finding(start, m.end("name"), "CARE_SETTING", 0.8, "care_institute")
