"""Build `kinds_stories.jsonl`, a third measuring set: short stories generated from kinds.

    python benchmarks/data/build_kinds_set.py

The development set is templated and `free_stories.jsonl` is written freely; this one is built a
third way: each story strings together sentences drawn from a list of the KINDS of identifier
issue 20 names (a care home with a house-like name, a ward in either order, a practice named
after a person or a street, an age in words or brackets, a house name before a street, a name
in a sign-off, an NHS number in 3-4-3 groups, a phone number read out in words ...), each kind
with several phrasings, and fills them from value lists written here. A sentence that must stay
untouched (job titles, eponymous conditions, drugs, service numbers, durations) is mixed into
every story, so over-redaction shows in precision. Marks are those of build_free_set.py:
`[[LABEL|text]]` or `[[LABEL|text|gold]]`. Seeded, so the file is reproducible. These
templates were written before the rules they measure were changed; never tune on the output.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_free_set import parse, write_set  # noqa: E402

FIRST = """Maureen Gethin Priya Declan Olwen Fergus Bethan Kwame Agata Hamish Rhiannon Tomasz
Shirley Ifor Nadia Callum Morag Yusuf Glenys Dafydd Eilidh Tariq Bronwen Kofi""".split()
SURNAMES = """Pritchard Okonjo Haldane MacAskill Prendergast Llewelyn Szymanski Mahmood Trelawney
Ogunyemi Rennie Cadwaladr Fairbairn Iqbal Hepworth Quigley Dunleavy Aldous""".split()
HOUSES = """The Cedars|The Laurels|Brambles|Ashgrove House|The Hollies|Willowbank|The Firs|
Meadowview|Larchfield|The Beeches|Holmwood|Fernlea|Oakhurst|The Rowans|Heatherbank""".split("|")
HOUSES = [h.strip() for h in HOUSES]
TREES = "Rowan Hazel Aspen Linden Juniper Sycamore Holly Cherry".split()
WELSH_WARDS = "Alaw Dyfi Teifi Glaslyn Conwy Tawe Llifon Ogwen Menai".split()
DOCTORS = "Shah McCartan Khan Okafor Lindqvist Mehta O'Rourke Adeyemi Rahman Docherty".split()
STREETS = """Elm Lane|Mill Road|Brook Street|Kiln Lane|Ferry Road|Orchard Way|Beech Grove|
Church Lane|Station Road|Quarry Hill""".split("|")
STREETS = [s.strip() for s in STREETS]
PRACTICE_PLACES = """Pen-y-Bont|Leith Links|Castlegate|Abbeyfield|Northgate|Riverside Mews|
Harlow Green|Bryn Hyfryd""".split("|")
PRACTICE_PLACES = [p.strip() for p in PRACTICE_PLACES]
ABBREVIATIONS = "NMGH PAH RSH CGH NDDH QEQM WCH RHCH".split()
HOUSE_NAMES = """Rose Cottage|The Old Forge|Ty Coch|Glenview|The Old Rectory|Bryn Teg|
Orchard House|Ivy Lodge|Hafod Wen""".split("|")
HOUSE_NAMES = [h.strip() for h in HOUSE_NAMES]
STREETS_ANY = """Church Lane|Gallowgate|Heol y Parc|Stryd Fawr|Ffordd Penrhos|Lôn Isaf|
Cilgant y Waun|Rhodfa'r Môr|Maes Gwyn|Market Street|Back Lane""".split("|")
STREETS_ANY = [s.strip() for s in STREETS_ANY]
TOWNS_LOWER = """moss side|pendle|splott|easterhouse|cleator moor|tredegar|toxteth|
ystrad mynach|hartlepool|leigh""".split("|")
TOWNS_LOWER = [t.strip() for t in TOWNS_LOWER]
POSTCODES = ["LL55 1TT", "ll57 2pw", "CF24  3AA", "sa6 6nl", "NE4 6BE", "M14 5TQ", "PR1 8UY"]
WORDS_AGE = """sixty-eight|seventy-nine|eighty two|ninety|forty-one|nineteen|fifty-five|
seventy three""".split("|")
WORDS_AGE = [w.strip() for w in WORDS_AGE]
DIGIT = "oh one two three four five six seven eight nine".split()

CARE_HOME = [
    "Mum lives at [[CARE_SETTING|{house}]] now and the staff are kind.",
    "Dad moved to [[CARE_SETTING|{house}]] in the spring after his fall.",
    "She has been at [[CARE_SETTING|{house}]] for two years.",
    "We asked for a review of [[CARE_SETTING|{house}]] because nobody answered the phone.",
    "The staff at [[CARE_SETTING|{house}]] never once rang us.",
    "He was placed in a nursing home called [[CARE_SETTING|{house}]] miles from us.",
    "Nan went into respite at [[CARE_SETTING|{house}]] and came back thinner.",
    "My aunt is a resident at [[CARE_SETTING|{house}]], near the park.",
    "The manager of [[CARE_SETTING|{house}]] told us there were no beds.",
]
WARD = [
    "He was on [[CARE_SETTING|Ward {code}]] for a week.",
    "They moved her to [[CARE_SETTING|{tree} Ward]] overnight.",
    "The nurses on [[CARE_SETTING|Ward {welsh}]] were lovely.",
    "Dad spent three nights on [[CARE_SETTING|ward {code}]] before a bed came up.",
    "She was transferred from [[CARE_SETTING|{tree} ward]] to the discharge lounge.",
    "Staff on [[CARE_SETTING|Ward {welsh}]] did their best with no cover.",
]
PRACTICE = [
    "Our GP at [[CARE_SETTING|Dr {doc} and Partners]] would not give us an appointment.",
    "I rang [[CARE_SETTING|Dr {doc} & Partners]] at 8am and was number 30 in the queue.",
    "The receptionist at [[CARE_SETTING|the {doc} Practice]] was rude to my mother.",
    "We are registered with [[CARE_SETTING|{street} Surgery]] and the doctors are good.",
    "[[CARE_SETTING|{place} Surgery]] sent the prescription to the wrong chemist.",
    "She went to [[CARE_SETTING|{place} Medical Group]] for her bloods.",
    "The nurse at [[CARE_SETTING|{place} Health Centre]] dressed the wound.",
    "My filling came out and [[CARE_SETTING|{street} Dental Care]] saw me the same day.",
    "I have been a patient of [[CARE_SETTING|{doc} Dental Practice]] for years.",
]
ABBREV = [
    "He was admitted to [[CARE_SETTING|the {abbr}]] with a chest infection.",
    "After the fall the ambulance took her to [[CARE_SETTING|the {abbr}]] and she waited in A&E.",
    "The consultant at [[CARE_SETTING|the {abbr}]] said the ward was full.",
    "She was discharged from [[CARE_SETTING|the {abbr}]] at 2am with no transport.",
]
AGE = [
    "My grandson is [[AGE|{months}]] months old and was seen quickly.",
    "A man of [[AGE|{n}]] should not be left on a trolley.",
    "Mum, aged [[AGE|{words}]], was left in a wet bed.",
    "[[PERSON|{first}]] ([[AGE|{n}]]) waited six hours for a bed.",
    "My [[AGE|{n}]]-year-old father was sent home at night.",
    "Dad is [[AGE|{words}]] and very deaf.",
    "My wife (now [[AGE|{n}]]) has had dementia for years.",
    "Our mum, who was [[AGE|{words}]] at the time, was frightened.",
    "He was born in [[DATE_OF_BIRTH|{year}]] and has never been in hospital before.",
    "She turned [[AGE|{n}]] on the ward and nobody noticed.",
    "At [[AGE|{n}]] years of age he still drove himself to clinic.",
    "Being a [[AGE|{n}]] year old woman I expected better.",
]
ADDRESS = [
    "Please write to me at [[ADDRESS|{house_name}, {street_any}]], [[POSTCODE|{postcode}]].",
    "Our address is [[ADDRESS|Flat {flat}, {num} {street}]].",
    "The letter went to [[ADDRESS|{num}b {street}]] instead of our house.",
    "Mam lives at [[ADDRESS|{num} {street_any}]] on her own.",
    "They sent the ambulance to [[ADDRESS|{house_name}]] on [[ADDRESS|{street_any}]] by mistake.",
    "Her postcode is [[POSTCODE|{postcode}]] if you need it.",
    "We live at [[ADDRESS|{num} {street_any}]], [[POSTCODE|{postcode}]].",
]
NAMES = [
    "[[PERSON|{surname}]] said there was nothing more they could do.",
    "[[PERSON|{first}]], [[AGE|{n}]], was left in the corridor.",
    "Then the sister told me [[PERSON|{first}]] would be going home.",
    "The nurse [[PERSON|{lower_first}]] or [[PERSON|{lower_first2}]], I can't remember, was kind.",
    "I spoke to [[PERSON|{caps_first} {caps_surname}]] from the discharge team.",
    "[[PERSON|{first} {surname}]] rang me the next day to apologise.",
    "My neighbour [[PERSON|{first}]] drove me to the clinic.",
    "\u201cYou need to go home,\u201d [[PERSON|{first}]] told him.",
]
SIGN_OFF = [
    "Thanks, [[PERSON|{first}]]",
    "Regards,\n[[PERSON|{first}]]",
    "Kind regards\n[[PERSON|{first} {surname}]]\nSent from my iPhone",
    "Many thanks\n[[PERSON|{first}]]\n\nSent from my iPhone",
    "Best wishes, [[PERSON|{first}]] x",
]
NHS = [
    "My NHS number is [[NHS_NUMBER|{nhs}]].",
    "His NHS no. [[NHS_NUMBER|{nhs}]] was on the letter.",
    "nhs number [[NHS_NUMBER|{nhs}]] in case you need it",
]
PHONE = [
    "Call me on [[PHONE|(07700) 900 {tail3}]] any time.",
    "My mobile is [[PHONE|+44 (0)7700 900{tail3}]].",
    "You can reach me on [[PHONE|0770 0900 {tail3}]].",
    "Ring my daughter on [[PHONE|{spoken}]] after six.",
    "Phone [[PHONE|07 700 900 {tail3}]] and ask for me.",
]
PLACE = [
    "We moved to [[LOCATION|{town}]] last year and had to change GP.",
    "She lives in [[LOCATION|{town}]] with her son.",
    "I'm from [[LOCATION|{TOWN}]] and the bus takes an hour.",
    "They sent the ambulance from [[LOCATION|{town}]] because ours was busy.",
]
KINDS = [CARE_HOME, WARD, PRACTICE, ABBREV, AGE, ADDRESS, NAMES, SIGN_OFF, NHS, PHONE, PLACE]
# Sentences with nothing to find: over-redaction here costs precision.
NEGATIVES = [
    "The practice nurse and the healthcare assistant were run off their feet.",
    "He has Parkinson's disease and Alzheimer's, and she has Down's syndrome.",
    "They gave him amoxicillin and paracetamol, then switched to co-codamol.",
    "Mae hi'n braf iawn, diolch yn fawr, meddai'r nyrs.",
    "She was sectioned under the Mental Health Act for 28 days.",
    "I rang 111 and then 999; the police on 101 were no help and I rang 116 123 at night.",
    "We waited four hours in A&E and then another six on a trolley.",
    "The Discharge Coordinator and the Ward Manager never spoke to each other.",
    "The page showed alert(1) and the app crashed twice.",
    "The consultant anaesthetist explained everything, which I appreciated.",
    "She had a Bell's palsy scare and a Crohn's flare in the same month.",
    "The Occupational Therapist came out on day three.",
]


def nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            s = "".join(map(str, digits)) + str(check)
            a, b, c = s[:3], s[3:6], s[6:]
            return rng.choice(
                [f"{a}  {b}  {c}", f"{a} {s[3:7]} {s[7:]}", f"{a}{b} {c}", f"{a} {b}  {c}",
                 f"{a}-{b} {c}"]
            )  # fmt: skip


def spoken_phone(rng: random.Random, tail: str) -> str:
    digits = "07700900" + tail
    words, i = [], 0
    while i < len(digits):
        if i + 1 < len(digits) and digits[i] == digits[i + 1] and rng.random() < 0.7:
            words.append("double " + DIGIT[int(digits[i])])
            i += 2
        else:
            words.append(DIGIT[int(digits[i])])
            i += 1
    return " ".join(words)


def fill(template: str, rng: random.Random) -> str:
    tail = f"{rng.randint(0, 999):03d}"
    first, surname = rng.choice(FIRST), rng.choice(SURNAMES)
    values = {
        "house": rng.choice(HOUSES),
        "code": rng.choice(["7B", "12", "C4", "3A", "22", "B2"]),
        "tree": rng.choice(TREES),
        "welsh": rng.choice(WELSH_WARDS),
        "doc": rng.choice(DOCTORS),
        "street": rng.choice(STREETS),
        "place": rng.choice(PRACTICE_PLACES),
        "abbr": rng.choice(ABBREVIATIONS),
        "months": str(rng.randint(4, 30)),
        "n": str(rng.randint(19, 97)),
        "words": rng.choice(WORDS_AGE),
        "year": str(rng.randint(1931, 1999)),
        "first": first,
        "surname": surname,
        "lower_first": rng.choice(["becca", "bekki", "shaz", "gemma", "kelsey", "jo"]),
        "lower_first2": rng.choice(["becky", "shazia", "gem", "kels", "joanne"]),
        "caps_first": first.upper(),
        "caps_surname": surname.upper(),
        "house_name": rng.choice(HOUSE_NAMES),
        "street_any": rng.choice(STREETS_ANY),
        "flat": str(rng.randint(1, 24)),
        "num": str(rng.randint(2, 140)),
        "postcode": rng.choice(POSTCODES),
        "nhs": nhs_number(rng),
        "tail3": tail,
        "spoken": spoken_phone(rng, tail),
        "town": rng.choice(TOWNS_LOWER),
    }
    values["TOWN"] = values["town"].upper()
    return template.format(**values)


def stories(n: int = 40, seed: int = 20) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for k in range(n):
        kinds = rng.sample(KINDS, 4)
        sentences = [fill(rng.choice(kind), rng) for kind in kinds if kind is not SIGN_OFF]
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(NEGATIVES))
        body = " ".join(sentences)
        if SIGN_OFF in kinds:
            body += "\n\n" + fill(rng.choice(SIGN_OFF), rng)
        text, spans = parse(body)
        records.append({"id": f"kinds-{k + 1:04d}", "text": text, "spans": spans})
    return records


def main() -> None:
    write_set(stories(), "kinds_stories.jsonl")


if __name__ == "__main__":
    main()
