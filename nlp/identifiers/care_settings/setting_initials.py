"""A care setting's initials where the same story names it in full (issue 20, 25th round).

A writer names a hospital once in full and elsewhere by its initials, before or after ("Scan
was at the KGH (Kettering General Hospital)", "Westmoor Park (WPH) day unit", "the Bishop and
Lyle Infirmary ... back to the B&L"). nlp/identifiers/care_settings/hospital_initials.py knows only
the initials of listed names, and leaves those that also spell a test or a service ("MRI", "CT"),
so a hospital missing from the list, or one whose initials spell a scan, stayed. Here the
initials come from the story's own care settings, found by the other rules: every word's
first letter ("and" as "&" or left out, "of" and "the" left out), with "H" added where the
name carries no word of its kind ("Westmoor Park" -> WPH), and the letters of the name before
its first word of kind ("Bishop and Lyle Infirmary" -> B&L).

Precision: the initials are taken only as written in capitals, three characters or more, and
not after "a", "an" or a possessive, nor before "scan", "results" and the like ("had an MRI",
"his MRI results"), where they name the test and not the place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlp.identifiers.core.findings import Finding

SKIPPED = frozenset("of the upon on in for at".split())
# Words that say a name is a hospital's or a unit's; letters before the first of them are the
# name's own part ("Bishop and Lyle" of "Bishop and Lyle Infirmary").
KIND_WORDS = frozenset(
    """hospital hospitals infirmary university general royal district county community
    memorial centre center clinic unit hospice surgery practice""".split()
)
WORD = re.compile(r"[A-Za-z][\w'’-]*|&")
# The test, not the place: "an MRI", "my MRI", "MRI scan", "the MRI results".
BEFORE_TEST = re.compile(
    r"\b(?:a|an|another|my|his|her|their|your|our|urgent|repeat)[ \t]+$", re.IGNORECASE
)
AFTER_TEST = re.compile(
    r"[ \t]+(?:scans?|scanner|scanning|machine|results?|reports?|images?|request|referral|"
    r"showed|shows|appointment)\b",
    re.IGNORECASE,
)


def _forms(value: str) -> set[str]:
    """The initials people make of a care setting's name, `value` as found."""
    words = WORD.findall(value)
    if words and words[0].lower() == "the":
        words = words[1:]
    kept = [w for w in words if w.lower() not in SKIPPED]
    if len(kept) < 2 or not all(w[0].isupper() or w.lower() == "and" or w == "&" for w in kept):
        return set()
    lower = [w.lower() for w in kept]
    forms: set[str] = set()

    def add(parts: list[str]) -> None:
        with_amp = "".join("&" if p.lower() in ("and", "&") else p[0].upper() for p in parts)
        without = "".join(p[0].upper() for p in parts if p.lower() not in ("and", "&"))
        for form in (with_amp, without):
            if form.strip("&") == form and (len(form) >= 3 and (form.isalpha() or "&" in form)):
                forms.add(form)

    add(kept)
    if not KIND_WORDS.intersection(lower):
        add([*kept, "Hospital"])
    first_kind = next((n for n, w in enumerate(lower) if w in KIND_WORDS), None)
    if first_kind and first_kind >= 2:
        add(kept[:first_kind])
    return forms


def named_setting_initials(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Capitalised initials of a care setting this text names in full, wherever they stand."""
    forms: set[str] = set()
    for f in findings:
        if f.label == "CARE_SETTING":
            forms |= _forms(text[f.start : f.end])
    if not forms:
        return []
    alternatives = "|".join(re.escape(v) for v in sorted(forms, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\w&])(?:{alternatives})(?![\w&])", text):
        if BEFORE_TEST.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if AFTER_TEST.match(text, m.end()):
            continue
        out.append(Finding(m.start(), m.end(), "CARE_SETTING", 0.7, "setting_initials"))
    return out
