"""Kinds built in the eighty-third round (issue 20), from the retired sets v116 and v117 and
the development sets that share each kind.

- Initials in slots only a person fills: after "signed" or "initials", before a room or a job
  in brackets ("Signed L.G. (senior carer)", "participant initials EH", "MP (rm 36):").
- An age in brackets with a capital "Y" after a name in capitals ("BRENDA OSEI (80Y)").
- A patient portal's user ID ("user ID shona745").
- The Ombudsman's eight-figure case number with no cue ("the ombudsman (22 011 316)").
- A centre or unit named after "at", "to" or "from" with no article, typed in one case ("first
  day at sunnyside day centre"), and a found name before "birth centre" or "renal unit".

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.article_free_centres import article_free_centres
from nlp.identifiers.dates_and_ages.ages import ages
from nlp.identifiers.numbers.reference_numbers import other_ids
from nlp.identifiers.people.initials import slot_initials
from nlp.identifiers.people.social_handles import social_handles


def _initials(text: str) -> list[str]:
    return [text[f.start : f.end] for f in slot_initials(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tea given at 4, son visited. Signed JB", "JB"),
        ("Son rang from Leeds, told him. Signed P.K. (care assistant)", "P.K."),
        ("I cannot write so this was read to me. Signed (mark) W.H.", "W.H."),
        ("Signed: AD", "AD"),
        ("He said it was fine, signed DM and dated it.", "DM"),
        ("Screening log: participant initials RT, study ID 4471.", "RT"),
        ("We spoke to a client, initials S.N., who had not collected her script.", "S.N."),
        ("STUDY LOG: PARTICIPANT INITIALS GW, SITE TWO", "GW"),
        ("Night handover\n- AP (rm 12): settled, turns done\n- KT (R4): refused supper", "AP"),
        ("Night handover\n- AP (rm 12): settled, turns done\n- KT (R4): refused supper", "KT"),
        ("Falls this week: JM (room 7) found on floor at 03:10.", "JM"),
        ("GP will ring you back within 48 hours. — LW (receptionist)", "LW"),
        ("CALL BACK WITHIN 2 DAYS. — SB (RECEPTIONIST)", "SB"),
        ("Notes typed by HN (senior carer) after the visit.", "HN"),
    ],
)
def test_initials_in_a_persons_slot_are_people(text: str, value: str) -> None:
    assert value in _initials(text)
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "THE GP HAS NOT SIGNED IT YET AND THE FORM IS SIGNED OFF BY THE MANAGER.",
        "Signed by the GP on Monday.",  # "by": the author rule's own, no initials here
        "Signed GP letter attached.",  # a job's initials
        "The form was signed OK by both of us.",
        "Use initials only on this form, please.",
        "Initials of the nurse in charge go in box 3.",
        "The patient was moved to the GP (room 4) for review.",  # a job before a room
        "Ask the OT (senior nurse) about the frame.",
        "We met in HB (room 2) at the health board offices.",
        "FAMILY ROOM (RM 3) IS FREE",  # words in capitals before a room
        "CONSENT FORM SIGNED YES, COPY GIVEN TO FAMILY",  # a line in capitals
        "The form must be signed OR stamped by the practice.",  # a function word
        "Arnold Ash; IPU (Bay 2); wife Jean",  # a unit's initials before its bay
    ],
)
def test_other_capitals_in_those_slots_stay(text: str) -> None:
    assert _initials(text) == []


def _ages(text: str) -> list[str]:
    return [text[f.start : f.end] for f in ages(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("RECIPIENT: DOREEN ASHBY (71Y), NHS NUMBER TO FOLLOW", "71"),
        ("Recipient: Doreen Ashby (71y), NHS number to follow", "71"),
        ("Recipient: Doreen Ashby (71), NHS number to follow", "71"),
    ],
)
def test_a_bracketed_age_with_its_year_letter_is_an_age(text: str, value: str) -> None:
    assert any(value in a for a in _ages(text))


@pytest.mark.parametrize(
    "text",
    [
        "ex-smoker (20y) and diabetic (10y), both noted",  # durations after lower-case words
        "see alert(1) on the page",
        "ex-smoker (40Y), no alcohol",
    ],
)
def test_other_bracketed_figures_stay(text: str) -> None:
    assert _ages(text) == []


def _handles(text: str) -> list[str]:
    return [text[f.start : f.end] for f in social_handles(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Log in at the portal, user ID maggie512, then choose results.", "maggie512"),
        ("Your userid: tjones_77", "tjones_77"),
        ("USER ID RKHAN88 - keep this safe", "RKHAN88"),
    ],
)
def test_a_portals_user_id_is_found(text: str, value: str) -> None:
    assert value in _handles(text)
    assert covering_label(text, value) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Your user ID is on the letter we sent.",  # no ID given, only words
        "the user id field was empty",
        "ask for your user ID and password at reception",
    ],
)
def test_words_after_user_id_stay(text: str) -> None:
    assert _handles(text) == []


def _ids(text: str) -> list[str]:
    return [text[f.start : f.end] for f in other_ids(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We went to the ombudsman (21 004 517) and they found fault.", "21 004 517"),
        ("The case is 19 018 233 with the Ombudsman now.", "19 018 233"),
        ("ombudsman said 24 010 665 was closed", "24 010 665"),
    ],
)
def test_eight_figure_case_numbers_are_references(text: str, value: str) -> None:
    assert value in _ids(text)
    assert covering_label(text, value) == "OTHER_ID"


@pytest.mark.parametrize(
    "text",
    [
        "The fund is worth £12 450 300 this year.",  # a sum
        "About 12 000 000 people live with a long-term condition.",  # a count
        "The fund holds 12 000 000 for next year.",  # a round figure
        "Ring 0161 22 011 316 for the office.",  # inside a longer number
        "scores were 12 345 678 9 in the table",  # one more group follows
        "The trial ran from 2019 to 2021 with 45 300 100 cases logged.",
    ],
)
def test_other_eight_figure_groups_stay(text: str) -> None:
    assert not any(v.count(" ") == 2 and len(v) == 10 for v in _ids(text))


def _centres(text: str) -> list[str]:
    return [text[f.start : f.end] for f in article_free_centres(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "mum had her first morning at brackenhurst day centre and loved it",
            "brackenhurst day centre",
        ),
        ("she has dialysis at ferncliffe renal unit three times a week", "ferncliffe renal unit"),
        ("they moved him from glanrhyd unit last night", "glanrhyd unit"),
        ("we were sent to glenavon centre for the assessment", "glenavon centre"),
        ("going up to marshfield birth centre if the waters go", "marshfield birth centre"),
    ],
)
def test_article_free_centres_are_care_settings(text: str, value: str) -> None:
    assert value in _centres(text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "we went in to town centre then to city centre for the bus",  # everyday words
        "he was taken to resus unit and then to coronary care unit",  # kinds of unit
        "she goes to day centre on tuesdays and to leisure centre on fridays",
        "referred to memory service and to colposcopy clinic",  # services and clinics
        "we got to the brackenhurst day centre late",  # an article: the other rules' own
        "Mum started at Brackenhurst Day Centre today.",  # capitals: the capitals rules'
        "he walked to this unit from that centre",
        "we drove to bolton town centre for the bus",  # a town's centre
        "moved to orthopaedic unit then to urological unit",  # a specialty's words
        "transferred to obstetric unit, then to ambulatory unit",
        "she was moved to maternity unit and then to respite centre",  # kinds of care
        "loved the brackenhurst day centre, she said",  # no preposition before it
        "She was admitted to Ward 4 and then to glanrhyd unit.",  # capitals mean something
    ],
)
def test_other_centres_after_a_preposition_stay(text: str) -> None:
    assert _centres(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("had my baby in the lewisham birth centre, lovely midwives", "lewisham birth centre"),
        ("hes on dialysis in the ninewells renal unit now", "ninewells renal unit"),
    ],
)
def test_found_names_take_a_birth_or_renal_kind(text: str, value: str) -> None:
    assert covering_label(text, value) == "CARE_SETTING"


def test_an_article_free_centre_is_found_where_no_other_rule_finds_it() -> None:
    text = "he has dialysis at lakeside renal unit three times a week"
    assert covering_label(text, "lakeside renal unit") == "CARE_SETTING"


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
