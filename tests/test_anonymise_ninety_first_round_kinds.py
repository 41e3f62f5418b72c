"""Kinds built in the ninety-first round (issue 20), from the retired sets v132 and v133 and the
development sets that share each kind.

- A hospital called by its royal possessive alone after a word of place ("in King's for six
  days", "at Kings where", "TO KING'S BECAUSE").
- Two initials with their full stops, alone, as a person ("Thanks, E.S.", "(J.K., room 4)").
- A surname and a first name in capitals before a record's field ("YILMAZ, MING DOB ...").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.royal_possessives import royal_possessives
from nlp.identifiers.people.dotted_initials import dotted_initials
from nlp.identifiers.people.listed_surnames_first import capital_pairs_before_fields


def _royal(text: str) -> list[str]:
    return [text[f.start : f.end] for f in royal_possessives(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Grandad was in King's for nine days over Easter.", "King's"),
        ("She is frightened of Queen's because of last time.", "Queen's"),
        ("My sister works nights at Kings where the A&E is.", "Kings"),
        ("They sent him to King's neurosurgery on the Friday.", "King's"),
        ("i was at king's when the call came", "king's"),
        ("Mum rang from Queens today, still no bed", "Queens"),
        ("I'm on a late at King's till ten.", "King's"),
        ("WE WENT BACK TO QUEEN'S BECAUSE IT WAS NEARER", "QUEEN'S"),
        ("we waited at the Queens.", "Queens"),
    ],
)
def test_a_royal_possessive_after_a_word_of_place_is_a_hospital(text: str, value: str) -> None:
    assert value in _royal(text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "We live in King's Lynn now.",  # a town
        "Meet me at Kings Cross at six.",
        "she lives in kings heath with her son",
        "We heard it in the King's speech.",  # a thing the monarch has
        "We watched the coverage of the Queen's funeral.",
        "He studied at King's College.",
        "Horse racing, the sport of kings, is on the telly.",  # the plural noun
        "they are all queens in that show",
        "Kate was at KING'S in a story of small letters",  # capitals alone in small letters
        "The King's Fund published a report.",  # no word of place before it
        "The Three Kings came to the school play.",
    ],
)
def test_other_royal_words_stay(text: str) -> None:
    assert _royal(text) == []


def _initials(text: str) -> list[str]:
    return [text[f.start : f.end] for f in dotted_initials(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Happy to discuss. Thanks, T.W.", "T.W."),
        ("At 21:10 a resident (B.K., room 9) fell in the lounge.", "B.K."),
        ("Visited R.O. again on Tuesday; she is coping.", "R.O."),
        ("Please ring the family back. — S. J.", "S. J."),
        ("Your named worker is H.L., who works Mondays.", "H.L."),
        ("Reviewed by the team. N.Q., Specialist Nurse", "N.Q."),
    ],
)
def test_dotted_initials_alone_are_a_person(text: str, value: str) -> None:
    assert value in _initials(text)
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "P.S. I forgot to say thank you.",  # an abbreviation
        "Bring your medicines, e.g. inhalers. N.B. no food after midnight.",
        "Patient D.O.B 12/03/1950 checked.",  # the start of a longer abbreviation
        "Baby was moved to I.C.U overnight.",
        "The O.T. who came was brilliant.",  # after an article
        "There was not enough P.T. on the ward.",
        "Clinic opens at 9 A.M. sharp.",  # a time
        "Letter signed J. R. Hartley, manager.",  # before a surname: the name rules'
        "Treated in the U.K. since 2019.",
        "Ward staff said the T.V. was broken.",
        "She saw the G.P. twice.",
        "My R.P. friend came.",  # after a determiner
        "Signed for the family: M. J. K. Okoro",  # one of three initials
    ],
)
def test_abbreviations_and_titles_with_stops_stay(text: str) -> None:
    assert _initials(text) == []


def _pairs(text: str) -> list[str]:
    return [text[f.start : f.end] for f in capital_pairs_before_fields(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("PATIENT: KOWALCZYK, WEN DOB 04/02/1977 NHS NO 943 476 5919", ["KOWALCZYK", "WEN"]),
        ("OSEI, KWABENA NHS NO 943 476 5919 ATTENDED CLINIC", ["OSEI", "KWABENA"]),
        ("REFERRAL\nPATIENT: ZHAO, WEN\nDOB 04021977  NHS NO 943 476 5919", ["ZHAO", "WEN"]),
        ("FAO TRIAGE - MORRISON, HAMISH 14TH MAR 1948 FALL AT HOME", ["MORRISON", "HAMISH"]),
        ("Bay 2 Bed 3: DRUMMOND, FERGUS, 79y, from Oban.", ["DRUMMOND", "FERGUS"]),
        ("2) ADEYEMI, FOLAKE, 71 YRS, LEG ULCER DRESSING", ["ADEYEMI", "FOLAKE"]),
        ("NAME MCALLISTER, ISLA CHI 1203481234 AGE 76", ["MCALLISTER", "ISLA"]),
    ],
)
def test_a_capital_pair_before_a_records_field(text: str, names: list[str]) -> None:
    found = _pairs(text)
    for name in names:
        assert name in found
        assert covering_label(text, name) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "LONDON, ENGLAND DOB NOT GIVEN",  # a place
        "DEAR SIR, MADAM NHS COMPLAINTS",  # everyday words
        "PRECIOUS EZE, DOB 6.10.35, NHS 999 4571885",  # the second word is the field's label
        "SEEN IN CLINIC, TODAY 12/03/2024",
        "PLEASE NOTE, URGENT NHS REFERRAL",
        "JONES, MEGAN WAS SEEN",  # no field after the pair
        "MWANGI, URGENT NHS REFERRAL",  # an everyday word after the surname
        "WANJIKU, DONCASTER 12/03/2024 VISIT",  # a town after the surname
        "DONCASTER, AMIR DOB 1/2/1960",  # a town before the first name
        "SOURCES: UKHSA, ONS AGE BANDS",  # neither word a known name
        "REF HCRT, AMIR DOB 1/2/1960",  # initials, no vowels to speak
    ],
)
def test_other_capital_pairs_stay(text: str) -> None:
    assert _pairs(text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
