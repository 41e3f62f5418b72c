"""A generator of realistic, wholly synthetic stories for the demo.

No real personal data: names, places and numbers are made up here (NHS numbers in the
unissued 999 range, phone numbers in Ofcom's drama ranges). Stories are built from pieces so
that themes exist to be found, and identifiers exist to be anonymised.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = [
    "Margaret",
    "John",
    "Aisha",
    "Tom",
    "Priya",
    "Gareth",
    "Siobhan",
    "Kwame",
    "Eilidh",
    "Daniel",
    "Fatima",
    "Hannah",
    "Rhys",
    "Grace",
    "Mohammed",
    "Joan",
    "Callum",
    "Zofia",
]
LAST = [
    "Thompson",
    "Ahmed",
    "Evans",
    "MacLeod",
    "Patel",
    "Nowak",
    "Okafor",
    "Jones",
    "Walsh",
    "Campbell",
    "Hughes",
    "Begum",
    "Fraser",
    "Clarke",
]
TOWNS = ["Dundee", "Arbroath", "Kirriemuir", "Nuneaton", "Rugby", "Coventry", "Bedworth"]
SETTINGS = [
    "Riverside Medical Centre",
    "Hilltop Surgery",
    "St Mary's Hospital",
    "Ward 12",
    "Bluebell Ward",
    "Oakwood Care Home",
    "Ninewells Hospital",
]
RELATIVES = ["my mum", "my dad", "my husband", "my wife", "my son", "my daughter", "my gran"]

TOPICS: dict[str, list[str]] = {
    "gp_access": [
        "I rang the surgery at 8am every day for a week and by the time I got through all the appointments had gone.",
        "The online booking never shows anything and the phone line just says the queue is full.",
        "When I finally saw the GP she listened properly, but it took three weeks to get there.",
        "The receptionist asked me to explain my symptoms in the waiting room where everyone could hear.",
    ],
    "a_and_e_waits": [
        "We waited eleven hours in A&E on plastic chairs with no water offered.",
        "The ambulance took four hours to come and then we queued outside the hospital.",
        "The triage nurse was kind but there were simply not enough staff on that night.",
        "Nobody told us how long the wait would be or what was happening.",
    ],
    "discharge_care": [
        "{rel} was discharged at midnight with no care package in place.",
        "The carers were supposed to come four times a day but often only came twice.",
        "Nobody checked whether the house was safe before sending {rel} home.",
        "The discharge letter had the wrong medication dose on it.",
    ],
    "mental_health": [
        "I was on the waiting list for talking therapy for nine months.",
        "The crisis team phone number rang out when I needed it most.",
        "My community psychiatric nurse was the first person who really listened to me.",
        "Being sent from one service to another made me feel like nobody wanted to help.",
    ],
    "carers": [
        "As the main carer for {rel} I never get a break and respite is impossible to arrange.",
        "The carers' centre helped me fill in the forms and I finally got a carer's assessment.",
        "Nobody asks how the carer is coping; everything is about the patient.",
        "I had to give up work to look after {rel} and money is very tight now.",
    ],
    "maternity": [
        "The midwives on the labour ward were wonderful and made me feel safe.",
        "After the birth I was left alone on the postnatal ward for hours without help feeding.",
        "My birth plan was ignored and nobody explained why.",
        "The health visitor came regularly and spotted my low mood early.",
    ],
    "communication": [
        "Every doctor asked the same questions because nobody had read my notes.",
        "The letters about my appointment came after the appointment date.",
        "They used words I did not understand and there was no interpreter.",
        "When the consultant took time to explain the results it made all the difference.",
    ],
    "transport_parking": [
        "There was nowhere to park and I missed my appointment driving round the car park.",
        "The hospital is two buses away and the patient transport was cancelled.",
        "Parking charges add up when you visit every day for weeks.",
        "The community transport volunteers were a lifeline for getting to clinic.",
    ],
}

IDENTIFIER_SENTENCES = [
    "My name is {name} and I live at {house} {street}, {town} {postcode}.",
    "You can call me on {phone} if you need to.",
    "{rel_cap}'s NHS number is {nhs}.",
    "{name} at {setting} was the only one who helped.",
    "I am {age} and have lived in {town} all my life.",
    "My email is {email}.",
]

SERVICES = ["GP practice", "Hospital", "Mental health", "Social care", "Maternity", "Community"]
STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Close"]
POSTCODES = ["DD1 4HN", "DD3 8EA", "CV11 5XY", "CV21 2QT", "DD11 1AB", "CV1 3HB"]


@dataclass
class DemoStory:
    text: str
    topic: str
    service: str
    area: str


def nhs_number(rng: random.Random) -> str:
    """A valid-looking number in the unissued 999 range (mod-11 check digit)."""
    while True:
        digits = [9, 9, 9] + [rng.randint(0, 9) for _ in range(6)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            digits.append(check)
            text = "".join(map(str, digits))
            return f"{text[:3]} {text[3:6]} {text[6:]}"


def drama_phone(rng: random.Random) -> str:
    return f"07700 900{rng.randint(0, 999):03d}"


def make_story(rng: random.Random) -> DemoStory:
    """One story: two or three topic sentences, sometimes an identifier or two."""
    topic = rng.choice(list(TOPICS))
    rel = rng.choice(RELATIVES)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    town = rng.choice(TOWNS)
    values = {
        "rel": rel,
        "rel_cap": rel[0].upper() + rel[1:],
        "name": name,
        "town": town,
        "house": rng.randint(1, 120),
        "street": rng.choice(STREETS),
        "postcode": rng.choice(POSTCODES),
        "phone": drama_phone(rng),
        "nhs": nhs_number(rng),
        "setting": rng.choice(SETTINGS),
        "age": rng.randint(19, 94),
        "email": name.lower().replace(" ", ".") + "@example.org",
    }
    sentences = rng.sample(TOPICS[topic], k=rng.randint(2, 3))
    if rng.random() < 0.3:  # a second concern, as real stories wander
        other = rng.choice([t for t in TOPICS if t != topic])
        sentences.append(rng.choice(TOPICS[other]))
    for _ in range(rng.choice([0, 1, 1, 2])):
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(IDENTIFIER_SENTENCES))
    text = " ".join(s.format(**values) for s in sentences)
    return DemoStory(text=text, topic=topic, service=rng.choice(SERVICES), area=town)


def make_stories(n: int, seed: int = 7) -> list[DemoStory]:
    rng = random.Random(seed)
    return [make_story(rng) for _ in range(n)]
