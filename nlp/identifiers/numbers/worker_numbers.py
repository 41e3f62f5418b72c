"""The number of the person who took or relayed a call (issue 20, round 36).

A relay or interpreting service, a helpline's operator or an agent gives their own number at
the start of a call, and notes keep it: "Relay assistant no. RA 3321", "operator number 77502",
"interpreter ID 40417". It singles out one worker as a name would. Taken after such a worker's
word and "number", "no." or "ID": up to three capitals, then four to eight figures. A figure run
that begins with a zero is a phone ("operator number 0800 …") and stays to the phone rules.

Round 98: a police officer's collar number after their rank, and the surname after it ("Referrer:
PC 4471 Shaw", "OFFICER: PC 5578 BAXTER"): safeguarding referrals and incident notes name the
officer so, and two writers' sets mark the number (five of them, none left unmarked). The rank in
capitals as written ("PC", "PCSO", "DC", "PS", "DS", "Sgt"), then three to five figures after an
optional letter, not the first pair of a National Insurance number ("PC 87 53 43 B"); the word
after the number is the officer's surname when it is capitalised and a listed surname or no
common word ("PC 4471 attended" stays a number alone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

WORKER_NUMBER = re.compile(
    r"\b(?:operator|assistant|interpreter|agent|adviser|advisor|call[ \t-]?handler|handler|"
    r"staff|badge|employee|relay)[ \t]+(?:number|no\.?|id|ID|#)[ \t]*[:.]?[ \t]*"
    r"(?P<id>(?:[A-Z]{1,3}[ \t-]?)?[1-9]\d{3,7})(?![\w'’/-])",
    re.IGNORECASE,
)
WORKER_NUMBER = gated(WORKER_NUMBER)


OFFICER_NUMBER = gated(
    re.compile(
        r"(?<![\w'’-])(?:PC|PCSO|DC|PS|DS|Sgt|SGT)[ \t]+(?P<id>[A-Z]?[1-9]\d{2,4})"
        r"(?![\w'’/-]|[ \t]+\d)(?:[ \t]+(?P<name>[A-Z][A-Za-z'’-]+)(?![\w'’-]))?"
    )
)


def officer_numbers(text: str) -> Iterator[Finding]:
    """A police officer's collar number after their rank, and their surname after it."""
    for m in OFFICER_NUMBER.finditer(text):
        yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.8, "officer_number")
        name = m.group("name")
        if name:
            gaz = gazetteer()
            low = name.lower()
            if low in gaz.surnames or low not in gaz.common_words:
                yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "officer_number")


_ROLES = (
    "operator", "assistant", "interpreter", "agent", "advis", "handler", "staff", "badge",
    "employee", "relay",
)  # fmt: skip


def worker_numbers(text: str) -> Iterator[Finding]:
    """A call worker's number after their role (see the docstring)."""
    low = text.lower()
    if not any(role in low for role in _ROLES):
        return
    for m in WORKER_NUMBER.finditer(text):
        yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.8, "worker_number")
