"""Numbers taken for a person's age that are no one's (issue 20, round 47): a test's result, the
age of a thing, and the age that opens a service to a whole group.

Each kind was found as an age in three development sets by different writers, and no writer
marks one:

- a blood test's or a reading's value after its name ("her HbA1c came back at 81", "BM 27 at
  teatime", "Haemoglobin 84"): the model read "was 81" as someone's age;
- the age of a chair, a car or a boiler ("the scooter is 10 yrs old", "a hoist that's
  fifteen years old", "our car was 9 years old"): the rule for "N years old" took it for the
  owner's;
- the age a service is offered from or to, said of a group ("anyone aged 75 or over",
  "kids under 12", "all aged 60+", "mainly aged 55-80"): a threshold or a band, not the
  exact age that narrows one person. "Mum, aged 65,", "my two children aged 3 and 6" and "she
  is 90 and over the moon" stay.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

# "HbA1c came back at 81", "BM 27", "Haemoglobin 84", "sats down to 88"; a scan's
# reading may have made "HbA1c" "HbAlc" (recogniser/scanned_text.py).
_MEASURES = (
    r"hba[1l]c|a[1l]c|haemoglobin|hemoglobin|hb|sugars?|glucose|bms?|inr|sats|saturations?|"
    r"potassium|sodium|e?gfr|creatinine|cholesterol|ferritin|platelets|crp|psa|tsh|b12|"
    r"ketones|peak[ \t]+flow|pulse|heart[ \t]+rate|bmi|score|reading"
)
_BETWEEN = (
    r"(?:[ \t]+(?:that|this|the|his|her|my|their|level|levels|readings?|results?|morning|"
    r"evening|night|today|yesterday|was|were|is|are|of|at|came|back|went|up|down|to|dropped|"
    r"rose|fell|now|only|just|about|around|still))*"
)
MEASURE_BEFORE = re.compile(rf"\b(?i:{_MEASURES}){_BETWEEN}[ \t]*[:=]?[ \t]*$")
# "the scooter is 10 yrs old", "a hoist that's fifteen years old", "the boiler was 9 years old".
_THINGS = (
    r"chair|wheelchair|powerchair|scooter|car|van|boiler|bed|mattress|hoist|stairlift|house|"
    r"flat|fridge|cooker|machine|phone|laptop|computer|hearing[ \t]+aids?|glasses|roof|"
    r"windows?|carpet|sofa|frame|walker|equipment"
)
THING_BEFORE = re.compile(
    rf"\b(?i:{_THINGS})[ \t]+(?i:that['’]s|that[ \t]+is|which[ \t]+is|is|was|are|were|['’]s)"
    r"(?:[ \t]+(?i:only|nearly|almost|over|about|now|already))?[ \t]+$"
)
YEARS_OLD_AFTER = re.compile(r"[ \t-]*(?i:years?|yrs?)[ \t-]+(?i:old)\b")
# "anyone aged 75 or over", "kids under 12", "all aged 60+", "mainly aged 55-80".
GROUP_BEFORE = re.compile(
    r"\b(?:(?i:everyone|everybody|anyone|anybody|those|all|most|mostly|mainly|largely)"
    r"[ \t]+(?i:aged|under|over|below|above)"
    r"|(?i:people|patients|children|kids|adults|women|men|residents|pupils|students|carers)"
    r"[ \t]+(?i:under|over|below|above))[ \t]+(?:\d{1,3}[ \t]*[-–][ \t]*)?$"
)
AGED_BEFORE = re.compile(r"\b(?i:aged|age)[ \t]+$")
THRESHOLD_AFTER = re.compile(
    r"[ \t]*\+|[ \t]+(?i:and|or)[ \t]+(?i:over|above|older|under|younger)\b(?![ \t]+the\b)"
)


# Round 85: a dose after the figure ("Abasaglar 31 units", "16 units given"): the NER and the
# name-then-number rule read it as the person's age (v120).
DOSE_AFTER = re.compile(r"[ \t]*(?i:units?|iu|mmol)\b")


def _no_ones_age(text: str, f: Finding) -> bool:
    if DOSE_AFTER.match(text, f.end):
        return True
    before = text[max(0, f.start - 60) : f.start]
    if MEASURE_BEFORE.search(before):
        return True
    if THING_BEFORE.search(before) and YEARS_OLD_AFTER.match(text, f.end):
        return True
    if GROUP_BEFORE.search(before):
        return True
    return bool(AGED_BEFORE.search(before) and THRESHOLD_AFTER.match(text, f.end))


def without_ages_of_no_one(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the ages that are a test's value, a thing's age or a group's threshold."""
    return [f for f in found if not (f.label == "AGE" and _no_ones_age(text, f))]
