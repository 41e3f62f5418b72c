"""The placeholders `nlp.anonymise.render` writes ("[NAME 1]", "[CARE SETTING]"), kept apart so
every pass that must recognise one (detection, themes' stop words) reads the same list."""

from __future__ import annotations

import re

PLACEHOLDER_NAMES = {
    "PERSON": "NAME",
    "LOCATION": "PLACE",
    "CARE_SETTING": "CARE SETTING",
    "ADDRESS": "ADDRESS",
    "POSTCODE": "POSTCODE",
    "NHS_NUMBER": "NHS NUMBER",
    "NI_NUMBER": "NI NUMBER",
    "PHONE": "PHONE",
    "EMAIL": "EMAIL",
    "URL": "URL",
    "OTHER_ID": "ID",
    "AGE": "AGE",
    "DATE_OF_BIRTH": "DATE OF BIRTH",
}
# A placeholder as written, with its number or generalised value; anything inside one is never
# detected again, which is what makes anonymising an anonymised text a no-op.
PLACEHOLDER = re.compile(
    r"\[(?:" + "|".join(map(re.escape, PLACEHOLDER_NAMES.values())) + r")(?: [^\[\]\n]{1,30})?\]"
)
