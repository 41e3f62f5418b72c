"""A product's code and a journey's length: no ward and no address (round 40).

Two kinds of everyday writing share the shape of a place:

- a code of letter and figures before what it names ("B12 injections", "E45 cream", "D3
  drops", "K2 tablets") is a vitamin or a product; the ward-code rules read "on E45" as
  a stay on a ward when a word of care is near, and a ward's code before a product noun
  is not how anyone writes a ward ("on C12 for two weeks", "ward E45" stay);
- a figure, a unit of time or distance and a way of going ("5 Minutes Walk", "10 Mins Drive",
  "2 Miles Walk") is how far something is; "Walk" and "Drive" end streets' names, so the
  address rules take it for a house number and street, and a guess for a person ("Miles
  Walk"). "3 Mile End Road" (the singular, a street's own name) stays.

A finding is dropped only when it is wholly inside such a phrase (a product's code) or starts
the journey's words (a person or address guess).
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

# A code alone, as the ward rules find it.
CODE = re.compile(r"[A-Z]{1,2}\d{1,3}[A-Z]?")
PRODUCT_AFTER = re.compile(
    r"[ \t]+(?i:injections?|jabs?|shots?|tablets?|pills?|capsules?|drops|cream|creams|lotion|"
    r"ointment|emollient|gel|spray|patch(?:es)?|supplements?|vitamins?|syrup|sachets?|"
    r"levels?|deficiency|deficient|mg|mcg|micrograms?|iu)\b"
)
TRAVEL = re.compile(
    r"(?i:minutes|mins?|hours|hrs?|seconds|secs|miles|metres|meters|yards|kms?)[ \t]+"
    r"(?i:walk|drive|ride|cycle|run|journey|away)\b"
)
NUMBER_BEFORE = re.compile(r"\d(?:\.\d+)?[ \t]*$")
ADDRESS_TRAVEL = re.compile(r"\d+(?:\.\d+)?[ \t]*")


def _journey(text: str, f: Finding) -> bool:
    if f.label == "ADDRESS":
        lead = ADDRESS_TRAVEL.match(text, f.start)
        return bool(lead and TRAVEL.match(text, lead.end()))
    if f.label == "PERSON":
        return bool(
            TRAVEL.match(text, f.start) and NUMBER_BEFORE.search(text, max(0, f.start - 8), f.start)
        )
    return False


def without_measured_things(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without a product's code taken for a ward and a journey's length taken for an
    address or a person (see the module's docstring)."""
    kept = []
    for f in found:
        if (
            f.label == "CARE_SETTING"
            and CODE.fullmatch(text, f.start, f.end)
            and PRODUCT_AFTER.match(text, f.end)
        ):
            continue
        if f.label in ("ADDRESS", "PERSON") and _journey(text, f):
            continue
        kept.append(f)
    return kept
