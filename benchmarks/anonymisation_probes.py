"""Context probes for the anonymiser: a grid of contexts crossed with identifiers from our lists.

Why (issue 20, "the misses are of kinds, not of strings"): every benchmark set is one writer's
choice of stories, so its misses show that writer's habits as much as the detector's holes.
This probe writes its own contexts, one per register people use (a chat export, a form field,
an e-mail sign-off, minutes, reported speech, a list, lower case, capitals, Welsh beside
English, a possessive, after a title or a relative, at a sentence's start, beside an age, in
brackets), and crosses each with a seeded sample of identifiers drawn from the project's own
lists (`nlp/data/first_names.txt`, `surnames.txt`, `uk_places.txt`, `uk_localities.txt`,
`care_setting_names.txt`, and the people whose first name or surname is a listed one-word
hospital: "Rosie Smith", "Mrs Freeman") and generated ones (phone numbers, postcodes spaced
oddly, ages in digits and words, dates of birth in many formats, NHS and reference numbers).
The second pass adds, from a generator of its own so that the first pass's grid stays the same:
addresses (flats "Flat 3, 12 ...", "14/3", "0/2, 14 ...", house names, "c/o", with a town, a
postcode spaced oddly or none), e-mails written in a hurry ("jo @ x.com", "jo at x dot com",
capitals, a comma for a dot, trailing "!!"), phone numbers in many groupings with +44, 0044 and
(0), NHS numbers grouped oddly (pairs, dots, slashes, double spaces), NI numbers (spaced, lower
case, dashed), organisations' own references ("H123 456", "PALS/24/0567", "A 12 34 56") with a
cue and without, ages with their years ("88yrs", "79 y/o", "eighty four"), wards ("Ward 7",
"ward 4B", "Rowan Ward", "Alder ward") and practices named after people or streets ("Mill
Road Surgery", "Dr Patel and Partners", "Evans & Hughes Dental").
The third pass adds three contexts of how text is typed and pasted: typed without spaces
beside a bracket, a plus or a field's colon ("{x}(physio)+the night team"), reported speech
pasted with every space a no-break space, and a form's fields as a word processor saves them
(en dashes between figures). The fourth adds a full stop typed with no space after it.
It reports:

- per context x kind, the share of identifiers fully covered by some finding (any label
  covers; a covering finding of another kind is counted again as a mislabel);
- the worst contexts: where many different identifiers fail, a hole of a kind;
- collisions: one identifier that fails in most of its contexts, whatever they are (a first
  name that is also a listed hospital, a surname that is an everyday word).

The grid is deterministic (seeded), so two runs compare line by line, before and after a fix.

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 python benchmarks/anonymisation_probes.py
    ... --per-kind 300 --seed 20 --json /tmp/probes.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.anonymise import detect_many  # noqa: E402
from nlp.identifiers.care_settings.care_setting_names import name_list  # noqa: E402
from nlp.identifiers.core.name_gazetteer import gazetteer  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "nlp" / "data"
SLOT = "{x}"
TITLES = ("Mr", "Mrs", "Dr", "Nurse", "Sister", "Ms", "Miss")

# The kind each identifier is expected to be found as (for the mislabel count).
EXPECTED = {
    "first_name": "PERSON",
    "full_name": "PERSON",
    "titled_surname": "PERSON",
    "setting_named_first": "PERSON",
    "setting_named_titled": "PERSON",
    "town": "LOCATION",
    "locality": "LOCATION",
    "care_setting": "CARE_SETTING",
    "phone": "PHONE",
    "postcode": "POSTCODE",
    "nhs_number": "NHS_NUMBER",
    "reference": "OTHER_ID",
    "age_digits": "AGE",
    "age_words": "AGE",
    "date_of_birth": "DATE_OF_BIRTH",
    # Second pass: the kinds issue 20 names that the first did not cross.
    "address": "ADDRESS",
    "hurried_email": "EMAIL",
    "phone_spaced": "PHONE",
    "nhs_grouped": "NHS_NUMBER",
    "ni_number": "NI_NUMBER",
    "reference_cued": "OTHER_ID",
    "reference_bare": "OTHER_ID",
    "age_forms": "AGE",
    "ward": "CARE_SETTING",
    "practice": "CARE_SETTING",
}
FAMILY = {
    "first_name": "person",
    "full_name": "person",
    "titled_surname": "titled",
    "setting_named_first": "person",
    "setting_named_titled": "titled",
    "town": "place",
    "locality": "place",
    "care_setting": "setting",
    "phone": "number",
    "postcode": "number",
    "nhs_number": "number",
    "reference": "number",
    "age_digits": "age",
    "age_words": "age",
    "date_of_birth": "dob",
    "address": "address",
    "hurried_email": "email",
    "phone_spaced": "number",
    "nhs_grouped": "number",
    "ni_number": "number",
    "reference_cued": "number",
    "reference_bare": "number",
    "age_forms": "age",
    "ward": "ward",
    "practice": "setting",
}

# Each register, with a sentence of our own for each family of identifier it suits. A "{t}"
# is a personal title, chosen per identifier. "lower case" and "capitals" are whole-text cases.
CONTEXTS: dict[str, dict[str, str]] = {
    "chat export": {
        "person": "[14:02] {x} (bro): are you coming to see mum tomorrow or not",
        "titled": "[09:15] Kay (sis): {t} {x} rang about the tablets",
        "place": "[21:40] Kay (sis): stuck in traffic outside {x} again",
        "setting": "[08:03] Kay (sis): they've moved dad to {x} overnight",
        "number": "[10:11] Kay (sis): {x}",
        "age": "[10:12] Kay (sis): she's {x} next week you know",
        "dob": "[10:13] Kay (sis): dob {x} if they ask",
        "address": "[18:20] Kay (sis): new address is {x} if you're sending a card",
        "email": "[18:21] Kay (sis): email me on {x} x",
        "ward": "[18:22] Kay (sis): they put her on {x} last night",
    },
    "form field": {
        "person": "Manager: {x}\nTeam: community nursing",
        "titled": "Consultant: {t} {x}\nClinic: Tuesday mornings",
        "place": "Town: {x}\nHow did you hear about us: leaflet",
        "setting": "Hospital: {x}\nWard: not known",
        "number": "Contact: {x}\nBest time to call: evenings",
        "age": "Age: {x}\nGender: female",
        "dob": "Date of birth: {x}\nGender: male",
        "address": "Address: {x}\nTenure: rented",
        "email": "Email: {x}\nPreferred contact: email",
        "ward": "Ward: {x}\nBed: not known",
    },
    "sign-off": {
        "person": "Thanks again for all you did.\nBest wishes,\n{x}",
        "titled": "With gratitude from all the family,\n{t} {x}",
        "place": "Kind regards,\nJo\n{x}",
        "setting": "Many thanks,\nJo\nVolunteer, {x}",
        "number": "Kind regards,\nJo\n{x}",
        "age": "Yours sincerely,\nJo (aged {x})",
        "dob": "Yours faithfully,\nJo, born {x}",
        "address": "Kind regards,\nJo\n{x}",
        "email": "Best wishes,\nJo\n{x}",
        "ward": "Many thanks,\nJo\nHealthcare assistant, {x}",
    },
    "minutes": {
        "person": "Present: {x}, the ward sister and two governors.",
        "titled": "Present: {t} {x} (chair), the practice manager.",
        "place": "Venue: the community hall, {x}.",
        "setting": "Present: leads from {x} and the commissioning team.",
        "number": "Action: the clerk to call back on {x} by Friday.",
        "age": "Item 3: a patient aged {x} waited nine hours.",
        "dob": "Item 4: records for the patient born {x} were sent.",
        "address": "Action: letter to the resident at {x} by Friday.",
        "email": "Action: the clerk to e-mail {x} with the draft.",
        "ward": "Item 5: staffing on {x} over the winter.",
    },
    "reported speech": {
        "person": "The receptionist told us that {x} would ring back after lunch.",
        "titled": "The porter said {t} {x} had already gone home.",
        "place": "He told me they'd be sending someone out from {x} instead.",
        "setting": "The paramedic said {x} was the only place with a bed.",
        "number": "She told me the number was {x} and to keep trying.",
        "age": "The doctor said that at {x} he was doing very well.",
        "dob": "I told them her date of birth was {x} three times.",
        "address": "She told them she lived at {x} and nobody wrote it down.",
        "email": "He said to send the photos to {x} and he'd pass them on.",
        "ward": "The porter said she had been moved to {x} after tea.",
    },
    "list": {
        "person": "Thanks to the porters, {x} and the whole night team.",
        "titled": "We saw the registrar, {t} {x} and a student.",
        "place": "They cover Llanfair, {x} and the villages around.",
        "setting": "We've been to the GP, {x} and the walk-in centre.",
        "number": "- name: Jo\n- tel/ref: {x}\n- best time: mornings",
        "age": "- my dad\n- aged {x}\n- diabetic",
        "dob": "- my mum\n- dob {x}\n- lives alone",
        "address": "- name: Jo\n- address: {x}\n- best time: mornings",
        "email": "- name: Jo\n- email: {x}\n- best time: mornings",
        "ward": "- my mum\n- on {x}\n- since Tuesday",
    },
    "lower case": {
        "person": "my mum was looked after by {x} on the ward and she was lovely",
        "titled": "we finally saw {t} {x} after three hours",
        "place": "i live in {x} and the buses are hopeless",
        "setting": "they sent him to {x} for the scans",
        "number": "you can reach me on {x} any time",
        "age": "my nan is {x} and still sharp as anything",
        "dob": "her date of birth is {x} if you need it",
        "address": "we live at {x} and nobody came out",
        "email": "you can email me at {x} any time",
        "ward": "she was on {x} for nearly a month",
    },
    "capitals": {
        "person": "WE WANT TO THANK {x} FOR HER CARE",
        "titled": "{t} {x} NEVER EVEN LOOKED AT HIM",
        "place": "THE SERVICE IN {x} IS A DISGRACE",
        "setting": "WAITED SIX HOURS AT {x} WITH NO WATER",
        "number": "PLEASE CALL ME ON {x}",
        "age": "MY DAD IS {x} AND WAS LEFT ON A TROLLEY",
        "dob": "DATE OF BIRTH {x}",
        "address": "PLEASE WRITE TO ME AT {x}",
        "email": "EMAIL ME ON {x}",
        "ward": "THE NIGHT STAFF ON {x} WERE RUDE",
    },
    "Welsh and English": {
        "person": "Diolch yn fawr i {x} am bopeth, thank you so much.",
        "titled": "Roedd {t} {x} yn garedig iawn, she explained everything.",
        "place": "Dw i'n byw yn {x}, so the clinic is a long drive.",
        "setting": "Aethon ni i {x} yn y nos, the staff were lovely.",
        "number": "Ffoniwch fi ar {x}, please ring me back.",
        "age": "Mae Mam yn {x} oed, and she lives on her own.",
        "dob": "Dyddiad geni: {x}, sent in the letter.",
        "address": "Dw i'n byw yn {x}, please send the letter there.",
        "email": "E-bost: {x}, diolch, thank you.",
        "ward": "Roedd hi ar {x} am wythnos, she was there a week.",
    },
    "possessive": {
        "person": "{x}'s kindness made the worst week bearable.",
        "titled": "{t} {x}'s clinic was running an hour late.",
        "place": "{x}'s only chemist shuts at five.",
        "setting": "{x}'s car park is a nightmare on Mondays.",
        "number": "Mum's number is {x} if you need her.",
        "age": "Gran's {x} and walks to the shop every day.",
        "dob": "Dad's date of birth, {x}, was wrong on the letter.",
        "address": "Mum's address is {x} and the key safe code is on file.",
        "email": "Mum's email is {x} if you need her.",
        "ward": "{x}'s nurses were run off their feet.",
    },
    "after a title or relative": {
        "person": "My cousin {x} drove me to the appointment.",
        "titled": "{t} {x} was very kind to my father.",
        "place": "My sister in {x} looks after him at weekends.",
        "setting": "My brother works nights at {x}.",
        "number": "My daughter's mobile is {x}.",
        "age": "My husband, {x}, has dementia.",
        "dob": "My son (born {x}) has autism.",
        "address": "My daughter's address is {x}.",
        "email": "My daughter's email is {x}.",
        "ward": "My brother works nights on {x}.",
    },
    "sentence start": {
        "person": "{x} sat with Dad until the ambulance came.",
        "titled": "{t} {x} sat with Dad until the ambulance came.",
        "place": "{x} has no pharmacy open on a Sunday.",
        "setting": "{x} was brilliant from start to finish.",
        "number": "{x} is the number they gave me.",
        "age": "{x} years old and nobody would listen to him.",
        "dob": "{x} is her date of birth.",
        "address": "{x} is where she lives now.",
        "email": "{x} is the best way to reach me.",
        "ward": "{x} was brilliant from start to finish.",
    },
    "beside an age": {
        "person": "{x}, 84, was discharged on Friday with no care package.",
        "titled": "{t} {x}, 79, lives alone and uses a frame.",
        "place": "A woman, 84, from {x} waited all night.",
        "setting": "A man, 70, was kept at {x} for a week.",
        "number": "Jo, 35, can be reached on {x}.",
        "age": "Jo, {x}, lives alone.",
        "dob": "Jo, 35 (dob {x}), lives alone.",
        "address": "A woman, 84, of {x}, waited all night.",
        "email": "Jo, 35, can be reached at {x}.",
        "ward": "A man, 70, was kept on {x} for a week.",
    },
    # Third pass (twenty-third session): typed fast, with no space beside a bracket, a slash, a
    # plus, an ampersand or a colon, as FFT comments show ("Name(physio)").
    "typed without spaces": {
        "person": "Big thanks to {x}(physio)+the night team!!",
        "titled": "Seen by {t}.{x}(consultant)on Tuesday.",
        "place": "Moved from {x}(near the coast)last year.",
        "setting": "Transferred to {x}(side room)overnight.",
        "number": "Call me on:{x}(mobile)",
        "age": "My dad({x})waited six hours.",
        "dob": "Mum dob:{x}(on her letter)",
        "address": "Address:{x}(flat above the shop)",
        "email": "Email:{x}(work)",
        "ward": "She was on {x}(side room)all week.",
    },
    # Fourth pass (twenty-third session): a full stop typed with no space after it, before an
    # identifier and after one, as a numbered list's "1." too.
    "no space after a full stop": {
        "person": "The night was long.{x} sat with Dad.Then the doctor came.",
        "titled": "We waited hours.{t} {x} came at last.Nobody explained.",
        "place": "1.Moved from {x}.2.Waited a year.",
        "setting": "It was a long night.{x} was full.We went home.",
        "number": "Please ring.{x}.Any time after six.",
        "age": "My dad is {x}.He lives alone.",
        "dob": "Dob is {x}.Lives alone.",
        "address": "Write to me.{x}.Thank you.",
        "email": "Email me.{x}.Thanks.",
        "ward": "She was moved.{x} was short staffed.Nobody came.",
    },
    "in brackets": {
        "person": "The discharge nurse ({x}) went through every tablet.",
        "titled": "The consultant ({t} {x}) apologised in the end.",
        "place": "The clinic (in {x}) was closed when we got there.",
        "setting": "The scan (done at {x}) came back clear.",
        "number": "Ring the ward (tel. {x}) before visiting.",
        "age": "My father ({x}) was left in a corridor.",
        "dob": "My mother (dob: {x}) was sent home.",
        "address": "The letter (sent to {x}) never arrived.",
        "email": "Please reply by e-mail ({x}) rather than post.",
        "ward": "The night staff (on {x}) were wonderful.",
    },
}

# Sixteenth context (twenty-third session): reported speech again, as text pasted from a web
# form, a PDF or a word processor brings it, every space a no-break space (U+00A0).
NO_BREAK = "pasted with no-break spaces"
CONTEXTS[NO_BREAK] = CONTEXTS["reported speech"]
# Seventeenth: a form's fields as a word processor saves them, a hyphen between figures an en
# dash ("12–03–1950", "07700–900–461") and a spaced hyphen a spaced en dash.
WORD_PROCESSOR = "word processor"
CONTEXTS[WORD_PROCESSOR] = CONTEXTS["form field"]

ASCII_WORD = re.compile(r"[a-z][a-z'-]*[a-z]\Z")


@dataclass(frozen=True)
class Probe:
    context: str
    kind: str
    identifier: str
    text: str
    start: int
    end: int


def _list(name: str) -> list[str]:
    return [w.strip() for w in (DATA / name).read_text(encoding="utf-8").splitlines()]


def _capitalised(words: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in words.split())


def _name_sample(name: str, n: int, rng: random.Random) -> list[str]:
    """Plain ASCII names that are no everyday word: "Hope" or "Will" need a cue by design."""
    common = gazetteer().common_words | gazetteer().name_words
    pool = [w for w in _list(name) if ASCII_WORD.match(w) and len(w) >= 3 and w not in common]
    return [_capitalised(w) for w in rng.sample(pool, n)]


def _place_sample(name: str, n: int, rng: random.Random) -> list[str]:
    common = gazetteer().common_words
    pool = [
        w
        for w in _list(name)
        if all(ASCII_WORD.match(p) for p in w.split())
        and len(w) >= 4
        and len(w.split()) <= 3
        and w not in common
    ]
    return [_capitalised(w) for w in rng.sample(pool, n)]


def _setting_sample(n: int, rng: random.Random) -> list[str]:
    pool = [w for w in _list("care_setting_names.txt") if w and w[0] not in "#="]
    return rng.sample(pool, min(n, len(pool)))


def _setting_named_people(n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """People whose first name or surname is also a listed one-word hospital ("Rosie",
    "Freeman"): full names with any surname from the list, everyday words allowed ("Smith"),
    and the surnames alone, each to be said after every title."""
    gaz = gazetteer()
    one_word = sorted(w[0] for w in name_list().names if len(w) == 1 and w[0].isalpha())
    # The older lists only, so the grid stays the same when rarer names are added.
    firsts = [w for w in one_word if w in gaz.older_first_names and w not in gaz.common_words]
    surnames = [w for w in one_word if w in gaz.surnames and w not in gaz.common_words]
    others = [w for w in _list("surnames.txt") if ASCII_WORD.match(w) and len(w) >= 3]
    full = [f"{_capitalised(rng.choice(firsts))} {_capitalised(s)}" for s in rng.sample(others, n)]
    return full, [_capitalised(s) for s in surnames]


def _nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * (10 - k) for k, d in enumerate(digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, digits + [check]))
            return rng.choice((f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"))


def _digits(rng: random.Random, k: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(k))


def _phone(rng: random.Random) -> str:
    d = partial(_digits, rng)
    return rng.choice(
        (
            f"07{d(3)} {d(6)}",
            f"07{d(9)}",
            f"+44 7{d(3)} {d(3)} {d(3)}",
            f"(029) 20{d(2)} {d(4)}",
            f"01792 {d(6)}",
            f"0121 {d(3)} {d(4)}",
            f"020 7{d(3)} {d(4)}",
            f"+44 (0)20 7{d(3)} {d(4)}",
            f"0161-{d(3)}-{d(4)}",
        )
    )


AREAS = "CF SA LL NP SY LD M B LS NE G EH BT SW E N OX BS CH L S NG PL TR EX YO DN".split()
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def _postcode(rng: random.Random) -> str:
    outward = f"{rng.choice(AREAS)}{rng.randrange(1, 30)}"
    inward = f"{rng.randrange(10)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    return rng.choice(
        (
            f"{outward} {inward}",
            f"{outward}{inward}",
            f"{outward}  {inward}",
            f"{outward} {inward}".lower(),
            f"{outward.lower()}{inward.lower()}",
        )
    )


def _reference(rng: random.Random) -> str:
    d = partial(_digits, rng)
    return rng.choice(
        (
            f"COM/{rng.randrange(2018, 2026)}/{d(4)}",
            f"CMP-{d(5)}",
            f"RX{d(7)}",
            f"K{d(6)}",
            f"{rng.randrange(2018, 2026)}/{d(5)}/AB",
            f"H{d(3)} {d(3)}",
        )
    )


# Second pass (issue 20): generators for the kinds the first did not cross. A value may mark
# its identifier with "⟦...⟧" when words around it are part of the telling but not of the
# identifier ("ref ⟦H123 456⟧", "⟦84⟧ years", "⟦jo@x.com⟧!!").
OPEN, CLOSE = "⟦", "⟧"
TREES = "Rowan Cedar Maple Willow Beech Elm Holly Hazel Birch Larch Alder Juniper Laurel".split()
STREET_TYPES = "Road Street Lane Avenue Close Crescent Terrace Drive Way Gardens Grove".split()
MAIL_DOMAINS = "gmail.com hotmail.co.uk btinternet.com outlook.com yahoo.co.uk nhs.net".split()
NI_PREFIXES = "AB CE HJ JK LM NE PA RE SK TL WL YP".split()


def _street(rng: random.Random, names: list[str]) -> str:
    return f"{rng.choice(names + TREES)} {rng.choice(STREET_TYPES)}"


def _address(rng: random.Random, names: list[str], towns: list[str]) -> str:
    street, n = _street(rng, names), rng.randrange(1, 200)
    line = rng.choice(
        (
            f"Flat {rng.randrange(1, 20)}, {n} {street}",
            f"{n}/{rng.randrange(1, 9)} {street}",
            f"{rng.randrange(0, 4)}/{rng.randrange(1, 4)}, {n} {street}",
            f"{rng.choice(TREES)} Cottage, {street}",
            f"The Old Vicarage, {street}",
            f"c/o {n} {street}",
            f"{n}a {street}",
            f"{n} {street}",
        )
    )
    return line + rng.choice(
        ("", f", {rng.choice(towns)}", f", {_postcode(rng)}", f" {_postcode(rng)}")
    )


def _hurried_email(rng: random.Random, firsts: list[str], surnames: list[str]) -> str:
    first, last = rng.choice(firsts).lower(), rng.choice(surnames).lower()
    local = rng.choice(
        (f"{first}.{last}", f"{first}{last}{rng.randrange(10, 99)}", f"{first}_{last}")
    )
    domain = rng.choice(MAIL_DOMAINS)
    name, tld = domain.split(".", 1)
    return rng.choice(
        (
            f"{local} @ {domain}",
            f"{local}@{name} .{tld}",
            f"{local.replace('.', ' dot ')} at {name} dot {tld.replace('.', ' dot ')}",
            f"{local}(at){domain}",
            f"{local}@{domain}".upper(),
            f"{local.title()}@{name.title()}.{tld}",
            f"{OPEN}{local}@{domain}{CLOSE}!!",
            f"{OPEN}{local}@{domain}{CLOSE}.",
            f"{local}@{name},{tld}",
            f"{local}@ {domain}",
        )
    )


def _phone_spaced(rng: random.Random) -> str:
    d = _digits(rng, 6)
    return rng.choice(
        (
            f"07 700 {d[:3]} {d[3:]}",
            f"0770 0{d[:2]} {d[2:]}",
            f"077009 {d[:5]}",
            f"+44 (0) 7700 {d}",
            f"+447700{d}",
            f"0044 7700 {d}",
            f"(0113) 49{d[:1]} {d[1:5]}",
            f"0113-49{d[:1]}-{d[1:5]}",
            f"07700.{d[:3]}.{d[3:]}",
            f"07700-{d[:3]}-{d[3:]}",
            f"01632{d}",
            f"+44 1632 {d}",
        )
    )


def _nhs_grouped(rng: random.Random) -> str:
    s = _nhs_number(rng).replace(" ", "").replace("-", "")
    return rng.choice(
        (
            f"{s[:2]} {s[2:4]} {s[4:6]} {s[6:8]} {s[8:]}",
            f"{s[:4]} {s[4:7]} {s[7:]}",
            f"{s[:3]}  {s[3:6]}  {s[6:]}",
            f"{s[:3]}.{s[3:6]}.{s[6:]}",
            f"{s[:5]} {s[5:]}",
            f"{s[:3]}/{s[3:6]}/{s[6:]}",
        )
    )


def _ni_number(rng: random.Random) -> str:
    p, d, end = rng.choice(NI_PREFIXES), _digits(rng, 6), rng.choice("ABCD")
    return rng.choice(
        (
            f"{p} {d[:2]} {d[2:4]} {d[4:]} {end}",
            f"{p}{d}{end}".lower(),
            f"{p}{d} {end}",
            f"{p} {d[:2]} {d[2:4]} {d[4:]} {end}".lower(),
            f"{p}-{d[:2]}-{d[2:4]}-{d[4:]}-{end}",
            f"{p} {d} {end}",
        )
    )


REFERENCE_CUES = (
    "hospital number",
    "hosp no",
    "ref",
    "ref:",
    "case ref",
    "complaint reference",
    "our ref",
    "MRN",
    "unit no.",
    "PALS ref",
    "your ref:",
)


def _organisation_reference(rng: random.Random) -> str:
    year = rng.randrange(2018, 2026)
    return rng.choice(
        (
            f"H{_digits(rng, 3)} {_digits(rng, 3)}",
            f"RJ{rng.randrange(1, 9)}-{_digits(rng, 4)}",
            f"{_digits(rng, 2)}/{_digits(rng, 4)}/AB",
            f"COMP-{year}-{_digits(rng, 5)}",
            f"PALS/{year % 100}/{_digits(rng, 4)}",
            f"A {_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)}",
            f"E{_digits(rng, 7)}",
            f"C/{year}/{_digits(rng, 5)}",
            f"HN {_digits(rng, 6)}",
            f"W{_digits(rng, 5)}-{year % 100}",
            f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}X",
            f"cmp{_digits(rng, 6)}",
        )
    )


def _age_form(rng: random.Random) -> str:
    n = rng.randrange(18, 100)
    return rng.choice(
        (
            f"{OPEN}{n}{CLOSE} years",
            f"{OPEN}{n}{CLOSE}yrs",
            f"{OPEN}{n}{CLOSE} y/o",
            f"{OPEN}{n}{CLOSE}yo",
            f"{OPEN}{_in_words(n).replace('-', ' ')}{CLOSE}",
            f"{OPEN}{_capitalised(_in_words(n))}{CLOSE}",
            f"{OPEN}{n}{CLOSE} yr old",
        )
    )


def _ward(rng: random.Random, names: list[str]) -> str:
    return rng.choice(
        (
            f"Ward {rng.randrange(1, 40)}",
            f"ward {rng.randrange(1, 40)}{rng.choice('ABCDE')}",
            f"Ward {rng.choice('ABCDEFG')}{rng.randrange(1, 9)}",
            f"{rng.choice(TREES)} Ward",
            f"{rng.choice(names)} Ward",
            f"{rng.choice(TREES)} ward",
            f"{rng.choice(names)} Unit",
            f"Ward {rng.randrange(1, 40)} North",
        )
    )


def _practice(rng: random.Random, names: list[str]) -> str:
    street, name = _street(rng, names), rng.choice(names)
    return rng.choice(
        (
            f"{street} Surgery",
            f"{street} Medical Centre",
            f"{name} Dental Practice",
            f"Dr {name} and Partners",
            f"{name} House Surgery",
            f"The {OPEN}{street} Practice{CLOSE}",
            f"{street} Dental Care",
            f"{name} & {rng.choice(names)} Dental",
            f"{street} Health Centre",
        )
    )


UNITS = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
MONTHS = (
    "January February March April May June July August September October November December".split()
)


def _in_words(n: int) -> str:
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else "-" + UNITS[n % 10])


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _date_of_birth(rng: random.Random) -> str:
    day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(1925, 2015)
    name = MONTHS[month - 1]
    return rng.choice(
        (
            f"{day:02d}/{month:02d}/{year}",
            f"{day}.{month}.{year % 100:02d}",
            f"{_ordinal(day)} {name} {year}",
            f"{name} {day}, {year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{day} {name[:3]} {year % 100:02d}",
            f"{day:02d}-{month:02d}-{year}",
            f"{day} {name} {year}",
        )
    )


def identifiers(per_kind: int, seed: int) -> dict[str, list[str]]:
    """A seeded sample per kind; the same seed gives the same grid."""
    rng = random.Random(seed)
    firsts = _name_sample("first_names.txt", per_kind * 2, rng)
    surnames = _name_sample("surnames.txt", per_kind * 2, rng)
    setting_named_full, setting_named_surnames = _setting_named_people(per_kind, rng)
    pairs = zip(firsts[per_kind:], surnames[per_kind:], strict=True)
    return {
        "first_name": firsts[:per_kind],
        "full_name": [f"{first} {surname}" for first, surname in pairs],
        "titled_surname": surnames[:per_kind],
        "setting_named_first": setting_named_full,
        "setting_named_titled": setting_named_surnames,
        "town": _place_sample("uk_places.txt", per_kind, rng),
        "locality": _place_sample("uk_localities.txt", per_kind, rng),
        "care_setting": _setting_sample(per_kind, rng),
        "phone": [_phone(rng) for _ in range(per_kind)],
        "postcode": [_postcode(rng) for _ in range(per_kind)],
        "nhs_number": [_nhs_number(rng) for _ in range(per_kind)],
        "reference": [_reference(rng) for _ in range(per_kind)],
        "age_digits": [str(rng.randrange(18, 100)) for _ in range(per_kind)],
        "age_words": [_in_words(rng.randrange(18, 100)) for _ in range(per_kind)],
        "date_of_birth": [_date_of_birth(rng) for _ in range(per_kind)],
        **_second_pass(per_kind, random.Random(seed + 1)),
    }


def _second_pass(per_kind: int, rng: random.Random) -> dict[str, list[str]]:
    """The second pass's kinds from a generator of their own, so the first pass's grid is the
    same as before and its figures compare."""
    firsts = _name_sample("first_names.txt", 100, rng)
    surnames = _name_sample("surnames.txt", 100, rng)
    towns = _place_sample("uk_places.txt", 100, rng)
    cues = [f"{rng.choice(REFERENCE_CUES)} {OPEN}" for _ in range(per_kind)]
    return {
        "address": [_address(rng, surnames, towns) for _ in range(per_kind)],
        "hurried_email": [_hurried_email(rng, firsts, surnames) for _ in range(per_kind)],
        "phone_spaced": [_phone_spaced(rng) for _ in range(per_kind)],
        "nhs_grouped": [_nhs_grouped(rng) for _ in range(per_kind)],
        "ni_number": [_ni_number(rng) for _ in range(per_kind)],
        "reference_cued": [cue + _organisation_reference(rng) + CLOSE for cue in cues],
        "reference_bare": [_organisation_reference(rng) for _ in range(per_kind)],
        "age_forms": [_age_form(rng) for _ in range(per_kind)],
        "ward": [_ward(rng, surnames) for _ in range(per_kind)],
        "practice": [_practice(rng, surnames) for _ in range(per_kind)],
    }


def _cased(context: str, text: str) -> str:
    if context == "lower case":
        return text.lower()
    if context == "capitals":
        return text.upper()
    if context == NO_BREAK:
        return text.replace(" ", "\u00a0")
    if context == WORD_PROCESSOR:
        return re.sub(r"(?<=\d)-(?=\d)", "\u2013", text.replace(" - ", " \u2013 "))
    return text


def grid(per_kind: int, seed: int) -> list[Probe]:
    """Every identifier in every context that has a sentence for its family."""
    probes = []
    for kind, values in identifiers(per_kind, seed).items():
        # A short list (the setting-named surnames) is said after every title in turn.
        if len(values) < 50:
            pairs = [(value, title) for value in values for title in TITLES]
        else:
            pairs = [(value, TITLES[k % len(TITLES)]) for k, value in enumerate(values)]
        for value, title in pairs:
            for context, sentences in CONTEXTS.items():
                sentence = sentences.get(FAMILY[kind])
                if sentence is None:
                    continue
                before, after = sentence.replace("{t}", title).split(SLOT)
                lead, _, rest = value.rpartition(OPEN) if OPEN in value else ("", "", value)
                core, _, tail = rest.partition(CLOSE)
                text = _cased(context, before + lead + core + tail + after)
                start = len(before) + len(lead)
                probes.append(Probe(context, kind, value, text, start, start + len(core)))
    return probes


def covered(probe: Probe, found: list) -> tuple[bool, bool]:
    """(every non-space character of the identifier lies in some finding, and one of those
    findings has the expected label)."""
    cover = bytearray(probe.end - probe.start)
    right_label = False
    for f in found:
        a, b = max(f.start, probe.start), min(f.end, probe.end)
        if a < b:
            cover[a - probe.start : b - probe.start] = b"\x01" * (b - a)
            right_label |= f.label == EXPECTED[probe.kind]
    value = probe.text[probe.start : probe.end]
    # An address's parts may be found one by one: the commas between them need no cover.
    gaps = " ," if probe.kind == "address" else " "
    whole = all(cover[k] or value[k].isspace() or value[k] in gaps for k in range(len(value)))
    return whole, right_label


def run(per_kind: int, seed: int) -> dict:
    probes = grid(per_kind, seed)
    started = time.process_time()
    found = detect_many([p.text for p in probes])
    cpu = time.process_time() - started
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    fails_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    contexts_of: dict[tuple[str, str], int] = defaultdict(int)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for probe, fs in zip(probes, found, strict=True):
        whole, right = covered(probe, fs)
        cell = cells[(probe.context, probe.kind)]
        cell[0] += 1
        cell[1] += whole
        cell[2] += whole and not right
        contexts_of[(probe.kind, probe.identifier)] += 1
        if not whole:
            fails_of[(probe.kind, probe.identifier)].append(probe.context)
            if len(examples[(probe.context, probe.kind)]) < 3:
                got = [(probe.text[f.start : f.end], f.label) for f in fs]
                examples[(probe.context, probe.kind)].append(f"{probe.text!r} -> {got}")
    collisions = sorted(
        (
            (kind, value, len(fails), contexts_of[(kind, value)])
            for (kind, value), fails in fails_of.items()
            if len(fails) >= max(3, 0.6 * contexts_of[(kind, value)])
        ),
        key=lambda c: (-c[2] / c[3], c[0], c[1]),
    )
    return dict(
        cpu=cpu,
        probes=len(probes),
        cells={f"{c}|{k}": v for (c, k), v in cells.items()},
        collisions=collisions,
        examples={f"{c}|{k}": v for (c, k), v in examples.items()},
    )


def report(result: dict) -> None:
    kinds = list(EXPECTED)
    contexts = list(CONTEXTS)
    cells = {tuple(key.split("|")): v for key, v in result["cells"].items()}
    short = {k: "".join(w[:3] for w in k.split("_"))[:9] for k in kinds}
    print(f"{result['probes']} probes, detector cpu {result['cpu']:.1f} s")
    print("coverage % (identifiers fully covered by any finding; mislabelled in brackets)")
    worst = [(ok / n, c, k, n - ok) for (c, k), (n, ok, _) in cells.items()]
    # Two tables, the first pass's kinds and then the second's, each narrow enough to read.
    split = kinds.index("address")
    for group in (kinds[:split], kinds[split:]):
        print(f"\n{'context':26}" + "".join(f"{short[k]:>10}" for k in group) + f"{'all':>7}")
        for c in contexts:
            row, n_all, ok_all = f"{c:26}", 0, 0
            for k in group:
                n, ok, wrong = cells.get((c, k), (0, 0, 0))
                n_all, ok_all = n_all + n, ok_all + ok
                row += f"{100 * ok / n:>6.0f}({100 * wrong / n:>2.0f})" if n else f"{'-':>10}"
            print(row + f"{100 * ok_all / n_all:>7.1f}")
    print("\nby kind:")
    for k in kinds:
        n = sum(v[0] for (c, kk), v in cells.items() if kk == k)
        ok = sum(v[1] for (c, kk), v in cells.items() if kk == k)
        wrong = sum(v[2] for (c, kk), v in cells.items() if kk == k)
        print(f"  {k:16} {100 * ok / n:5.1f} % covered, {100 * wrong / n:4.1f} % mislabelled")
    total = sum(v[0] for v in cells.values())
    print(f"  {'all':16} {100 * sum(v[1] for v in cells.values()) / total:5.1f} % covered")
    print("\nworst context x kind (holes of a kind):")
    for share, c, k, misses in sorted(worst)[:30]:
        print(f"  {100 * share:5.1f} %  {c} / {k} ({misses} missed)")
        for example in result["examples"].get(f"{c}|{k}", [])[:2]:
            print(f"           {example[:150]}")
    collisions = result["collisions"]
    print(f"\ncollisions (an identifier missed in most of its contexts): {len(collisions)}")
    for kind in kinds:
        of_kind = [c for c in collisions if c[0] == kind]
        if of_kind:
            shown = ", ".join(f"{value!r} ({fails}/{n})" for _, value, fails, n in of_kind[:4])
            more = f" and {len(of_kind) - 4} more" if len(of_kind) > 4 else ""
            print(f"  {kind:20} {len(of_kind):3}: {shown}{more}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=200, help="identifiers per kind")
    parser.add_argument("--seed", type=int, default=20, help="the grid's seed")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    result = run(args.per_kind, args.seed)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
