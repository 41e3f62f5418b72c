"""Kinds built in the ninety-fifth round (issue 20), from the retired sets v140 and v141 and the
development sets that share each kind.

- An initial and a surname: with "Mc" or "Mac" before the surname's capital ("R. McLeod"); an
  undotted initial before a surname in capitals ("REMINDER FOR D GAULD"); a dotted initial and
  a surname in lower case ("listed for thr by k. boateng").
- A reference after its cue with a system's name of seven or eight letters ("our ref SOSCARE
  542766"), a system's initials in mixed case ("reference SWiS 2207719"), or a comma after the
  cue ("a ref, FTSU 24-117").
- A full name typed in capitals among words in mixed case ("In the matter of HARDEV SANDHU
  Of ...", "Bed 1 - HODAN FRASER wt up").
- A ward's number on the ward's own line, with no time after it: a timesheet's "Holly Ward"
  above a date is no "Ward 26", "Bevan Ward 14:00" no "Ward 14".

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.care_setting_names import WARD_CODE
from nlp.identifiers.care_settings.token_care_settings import WARD_NUMBER
from nlp.identifiers.numbers.cued_references import cued_references
from nlp.identifiers.people.capital_full_names import capital_full_names
from nlp.identifiers.people.name_shapes import initialled_names


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bloods taken. Signed H. McAllister (HCA)", "H. McAllister"),
        ("Clinician: D. MacKinnon, podiatry", "D. MacKinnon"),
        ("Yours sincerely, P.J. McGarvey", "P.J. McGarvey"),
        ("Referred by T McCreadie on Monday", "T McCreadie"),
    ],
)
def test_an_initial_before_a_mc_or_mac_surname(text: str, value: str) -> None:
    assert value in found_values(initialled_names, text)
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("TEXT REMINDER FOR K OYEDEPO ON 3 MARCH AT 10:15", "K OYEDEPO"),
        ("Appt reminder for V NAKASHIMA, Tuesday 9am", "V NAKASHIMA"),
        ("SCRUB NURSE: B ADEBAYO-OKAFOR  SURGEON: DR LEE", "B ADEBAYO-OKAFOR"),
        ("PRESCRIBER: W O'DRISCOLL, LAKESIDE SURGERY", "W O'DRISCOLL"),
        ("CONTACT MY SON ON THE NUMBER ABOVE. M J OKORAFOR", "M J OKORAFOR"),
    ],
)
def test_an_undotted_initial_before_a_surname_in_capitals(text: str, value: str) -> None:
    assert value in found_values(initialled_names, text)


@pytest.mark.parametrize(
    "text",
    [
        "POST OP DAY 2 R TKR, MOBILISING WITH FRAME",  # a side, then a procedure
        "FRACTURED L NOF IN MARCH",
        "SHE WAS IN A PAVLIK HARNESS FOR WEEKS",  # the article
        "ORDER: 20 X NUTRISON ENERGY",  # a count
        "3 HEOL Y NANT, CARDIFF",  # Welsh
        "CAN U REBOOK PLEASE",  # "you"
        "T WAVE INVERSION ON THE ECG, B CELLS LOW",  # a common word after the letter
        "VITAMIN D LEVELS WERE LOW",
        "VITAMIN D DEFICIENCY",  # a word of no surname list
        "PARK AT THE ZONE B PARK AND RIDE",  # a surname that is also a common word
        "NEEDS HELP: OPTION B MACMILLAN GRANT",  # care's own word, though a surname too
        "PLEASE CONTACT THE FLAT B KEYWORKER",  # a role
    ],
)
def test_letters_before_words_in_capitals_stay(text: str) -> None:
    assert found_values(initialled_names, text) == []


def test_only_the_lone_capitals_that_open_a_name_do() -> None:
    text = "FOR K OYEDEPO: POST OP R TKR, L NOF, A PAVLIK HARNESS, 20 X NUTRISON, HEOL Y NANT"
    assert found_values(initialled_names, text) == ["K OYEDEPO"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("plan: listed for revision by k. adeyemi. p2 priority", "k. adeyemi"),
        ("call log 09:40 taken by: s. ogunleye", "s. ogunleye"),
        ("handover j.r. okonkwo - 14 elm way - key safe", "j.r. okonkwo"),
        ("review in 6 weeks. m. kowalczyk.", "m. kowalczyk"),
        ("seen by t. adeyemi-okonkwo today", "t. adeyemi-okonkwo"),
    ],
)
def test_a_dotted_initial_and_a_surname_in_lower_case(text: str, value: str) -> None:
    assert value in found_values(initialled_names, text)


@pytest.mark.parametrize(
    "text",
    [
        "assessor: d. smith, finance team",  # "smith" is also an everyday word
        "seen at 7 p.m. patel rang after",  # a time's letters are no initials
        "e.g. fraser said so too",
        "email s.ogunleye.71@protonmail.com today",  # inside an e-mail address
        "see www.nhs.uk/adeyemi for more",
        "i was told a. lot of things",  # a word, not a surname
        "wound swab grew p. aeruginosa",  # a microbe, in no surname list
        "profile at https://team.example/k.adeyemi",  # inside a web address
    ],
)
def test_lower_case_look_alikes_of_an_initialled_name_stay(text: str) -> None:
    assert found_values(initialled_names, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Complaint received, our ref SOCSERV 884201, please quote it", "SOCSERV 884201"),
        ("Package agreed, reference WiSCA 3310942. She stays put", "WiSCA 3310942"),
        ("Council ref: CoS 40518A", "CoS 40518A"),
        ("she gave me a ref, ZXQ 51-880, and said wait", "ZXQ 51-880"),
        ("our ref, 73312094, is on the letter", "73312094"),
    ],
)
def test_a_reference_with_a_long_or_mixed_case_system_name_or_a_comma(
    text: str, value: str
) -> None:
    assert value in found_values(cued_references, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("taxi driver, BP 170/100 on our machine", "170/100"),  # an ordinary noun, then a comma
        ("PATIENT CLIENT COUNCIL - CASE PCC95282", "COUNCIL"),  # a long word is no system name
        ("Our ref, 12 May, was lost", "12 May"),  # a date
        ("the ref, Gary, said 2 minutes", "Gary"),
        ("ref Evaluation 2024 report", "Evaluation"),
        ("quote ref Leeds 40518 on the form", "Leeds"),  # a word with one capital
    ],
)
def test_look_alikes_of_such_references_stay(text: str, absent: str) -> None:
    assert not any(absent in v for v in found_values(cued_references, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In the matter of GURMEET OYELARAN of 4 Elm Row, Hull", "GURMEET OYELARAN"),
        ("Bed 4 - AOIFE NAKASHIMA obs stable, for home", "AOIFE NAKASHIMA"),
        ("Concern raised by: CERYS O'HALLORAN, district nurse", "CERYS O'HALLORAN"),
        ("Wound review - HODAN MCGLINCHEY, sacrum grade 2", "HODAN MCGLINCHEY"),
        ("Re: OLUWASEUN ADEBAYO-OKAFOR, seen today", "OLUWASEUN ADEBAYO-OKAFOR"),
    ],
)
def test_a_full_name_in_capitals_among_mixed_case(text: str, value: str) -> None:
    assert found_values(capital_full_names, text) == [value]
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Dear HOPE JONES, your appointment",  # a first name that is also a word
        "Seen at BETSI CADWALADR UNIVERSITY HEALTH BOARD",  # a Welsh board named for a person
        "Referred to CAMHS TIER 3 and the NHS APP",  # initials and words
        "Message for GURMEET KEYWORKER re housing",  # a role after the first name
        "Please ask KIERAN PARK about it",  # a surname that is also a common word
        "GURMEET REFERRAL form sent",  # an English word of no surname list
        "Booked on the JUNE TKR LIST",  # a first name that is also a word
        "Seen in OPD ADEYEMI clinic room 2",  # a clinic's letters, no first name
        "Room booked: AOIFE HOUSE, 2nd floor",  # a surname that is also a common word
        "Seen by DR ADEBAYO in clinic",  # a title first
    ],
)
def test_capital_pairs_that_are_no_full_name_stay(text: str) -> None:
    assert found_values(capital_full_names, text) == []


@pytest.mark.parametrize(
    ("pattern", "text", "value"),
    [
        (WARD_CODE, "Moved to Ward C4 overnight", "Ward C4"),
        (WARD_CODE, "on ward 3B", "ward 3B"),
        (WARD_NUMBER, "Moved to ward 12 north", "ward 12 north"),
        (WARD_NUMBER, "Ward 7 were lovely", "Ward 7"),
    ],
)
def test_a_ward_by_its_number(pattern, text: str, value: str) -> None:
    assert value in [m.group() for m in pattern.finditer(text)]


@pytest.mark.parametrize("pattern", [WARD_CODE, WARD_NUMBER])
@pytest.mark.parametrize(
    "text",
    [
        "Home ward: Holly Ward\n26/07  07:30-20:00",  # a date on the next line
        "Gethin Ward\n38 Cranbrook Road",  # a person, then the address
        "not occurring on my ward\n3. Very negative",  # a list's number
        "SBAR handover Bevan Ward 14:00",  # a time
    ],
)
def test_a_number_on_another_line_or_a_time_is_no_ward(pattern, text: str) -> None:
    assert [m.group() for m in pattern.finditer(text)] == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
