"""Kinds built in the ninety-second round (issue 20), from the retired sets v134 and v135 and the
development sets that share each kind.

- An optician's practice named "... Eyecare", as "... Opticians" is ("Mistry Eyecare").
- A patient named after their bed on a ward's board or handover ("bed 1 h. karim - ...").
- Not the reverse: a record's fields before a colon ("Pupil:", "PC:", "NI:"), a letterhead's
  contact letters ("T: 01632 …"), an SBAR note's headings ("S:", "B:") are no speakers, and
  "Rm" before a room's number and "Referral" opening a line are no one.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.people.bed_board_names import bed_board_names
from nlp.identifiers.people.chat_speakers import chat_speakers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Please ring Okonkwo Eyecare on the number below to book.", "Okonkwo Eyecare"),
        ("seen at the Harbour Road Eyecare yesterday for drops", "Harbour Road Eyecare"),
        ("booked dad in at patel eyecare on friday", "patel eyecare"),
        ("FROM: BRAMBLE EYECARE, 12 MILL LANE, LEEDS", "BRAMBLE EYECARE"),
    ],
)
def test_an_eyecare_practice_is_a_care_setting(text: str, value: str) -> None:
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her eyecare has been poor since the move.", "eyecare"),
        ("NHS eyecare is free for children.", "eyecare"),
    ],
)
def test_eyecare_as_a_word_stays(text: str, value: str) -> None:
    assert covering_label(text, value) is None


def _board(text: str) -> list[str]:
    return [text[f.start : f.end] for f in bed_board_names(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Night handover. Bed 4 RT - slept well, obs stable.", "RT"),
        ("bay 1 bed 2 j. okafor - nbm from midnight", "j. okafor"),
        ("BED 6 KOWALSKA  – AWAITING OT ASSESSMENT", "KOWALSKA"),
        ("bed 11 fairclough (91) – for discharge to step-down", "fairclough"),
        ("Board: Bed 3 L. Abernethy - hard of hearing, speak on left", "L. Abernethy"),
        ("Bay 2 Bed 5 mcgregor, isla dob 3 april 1940 - dnacpr", "mcgregor, isla"),
        ("Bed 5 Rose - settled, eating well", "Rose"),  # a name that is a word too
    ],
)
def test_a_name_after_a_bed_on_a_board(text: str, value: str) -> None:
    assert value in _board(text)
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Bed 8: empty – admission expected from the assessment unit.",
        "Bed 4 side room - MRSA screen pending.",  # everyday words
        "bed 3 patient (84) confused overnight",
        "Moved to bed 12 yesterday – much happier.",
        "Bed 6 Nurse - please review.",  # a role
        "Bed 7 interpreter - booked for 10am",
        "bed 2 obs-stable overnight",  # a hyphen inside a note, no separator
        "bed 2 is 358 600 6543 on the board",  # no separator after a name
    ],
)
def test_other_bed_entries_stay(text: str) -> None:
    assert _board(text) == []


def _speakers(text: str) -> list[str]:
    return [text[f.start : f.end] for f in chat_speakers(text)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("CARE PLAN\nPupil: Ayo Bello  Year 3\nSchool: Elm Primary\nPlan: rescue meds", "Pupil"),
        ("Clerking.\nPC: chest pain 2h\nPMH: asthma\nDH: salbutamol\nSH: lives alone", "PC"),
        ("Claimant: Jo Reid\nNI: QQ 12 34 56 C\nCarer: Ann Reid\nNI: QQ 65 43 21 A", "NI"),
        ("Visit note.\nHV: Ruth Kemp\nBaby: well\nNext: 6 weeks", "HV"),
        ("Referral.\nYP: Kai Doran\nDOB: 2/3/2008\nSchool: Park High", "YP"),
        ("Call log.\nCaller: Ann\nQuery: letter lost\nOutcome: resent", "Query"),
        ("Stock check.\nBatch: AB1234\nExpiry: May\nSigned: KT", "Batch"),
        ("Call transcript\nCT: What's the address?\nCALLER: 4 Elm Road\nCT: Thank you", "CT"),
    ],
)
def test_a_records_field_before_a_colon_is_no_speaker(text: str, label: str) -> None:
    assert label not in _speakers(text)


def test_a_letterheads_contact_letters_are_no_speakers() -> None:
    text = (
        "Elm House Care Home, 2 Mill Close\nT: 01632 960315\nE: office@elmhouse.example.org\n"
        "W: www.elmhouse.example.org\nDear Sir, thank you.\nJo: hi\nSam: ok\nJo: bye"
    )
    found = _speakers(text)
    assert "T" not in found and "E" not in found
    assert "Jo" in found and "Sam" in found


def test_a_letter_that_speaks_as_well_as_gives_a_number_is_a_speaker() -> None:
    text = "T: 07700 900123 is my new number\nK: ok\nT: ring me later\nK: will do"
    assert "T" in _speakers(text)


def test_sbar_headings_are_no_speakers() -> None:
    text = (
        "SBAR handover\nS: Mr Jon Pike, 71, bed 4\nB: COPD, lives alone\n"
        "A: sats 88% on air\nR: review by registrar"
    )
    found = _speakers(text)
    assert "S" not in found and "B" not in found


def test_soap_headings_are_no_speakers() -> None:
    text = "S: feels steadier\nO: walked 20m\nA: improving\nP: continue physio"
    found = _speakers(text)
    assert "S" not in found and "O" not in found


def test_two_people_by_initial_stay_speakers() -> None:
    text = "S: hi are you ok\nB: yeah fine\nS: good\nB: see you\nA: bye both"
    found = _speakers(text)
    assert "S" in found and "B" in found


def test_initials_out_of_a_notes_order_stay_speakers() -> None:
    text = "B: on my way\nS: see you there\nA: bring the forms\nK: will do"
    found = _speakers(text)
    assert "S" in found and "B" in found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Resident: Callum Reeve, Rm 22. Found on the floor at 3am.", "Rm"),
        ("00:40 – Kofi (Rm 14) back from A&E.", "Rm"),
        ("12 Oak Road, Perth\nReferral from Riverside Surgery to the eye clinic.", "Referral"),
        ("Thursdays only. Referrals from ED need a witness account.", "Referrals"),
    ],
)
def test_case_note_words_are_no_one(text: str, value: str) -> None:
    assert covering_label(text, value) is None


def test_a_speakers_initials_that_spell_rm_stay_a_person() -> None:
    text = "Host: RM\nRM: Where shall we start?\nDympna: Respite.\nRM: Then?\nDympna: Money."
    assert covering_label(text, "RM", nth=1) == "PERSON"


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
