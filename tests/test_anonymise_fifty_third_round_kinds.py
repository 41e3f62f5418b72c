"""Kinds built in the fifty-third round (issue 20).

- A care setting's name found once with its kind words ("Glenview Manor Care Home", "Mile End
  Hospital") names it again by its distinctive part alone ("glenview", "Mile End"), as a unit's
  name did since the twenty-first round ("Kestrel Unit" ... "Kestrel"). A part made only of
  words an English list holds repeats only as written, and a descriptive phrase ("the Nepali
  community centre") gives none.
- A transcript's key that gives a speaker's code a voice ("MR (mother)", "R: researcher;"), and
  the interview's usual codes ("R:", "CH:"): roles, not initials; staff initials keyed with a
  job in minutes ("RT (district nurse)") stay people.
- What names a home before a found street line: a house number in words ("Eight, Kettering
  Road", "Number eight, The Paddocks") and a tenement flat's floor and side ("2/L, 45 ...").
- The words of Arabic, Malay and Cantonese names beside a found name ("Abu Yusuf", "Ah Fong",
  "Rasha bint Khalid").
- Given names of long-settled communities that the baby-name registers miss (Punjabi,
  Gujarati, Pakistani, Bangladeshi, Yoruba, Igbo, Ghanaian, Somali, Polish short forms, older
  Welsh and Scottish names), and more British pet forms ("Kez", "Jonno", "Mags").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.care_settings.setting_parts import repeats_in_any_case, setting_name_parts
from nlp.identifiers.core.name_gazetteer import gazetteer

# --- a setting's name repeated by its distinctive part ------------------------------------------


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("Kestrel Unit", ["Kestrel"]),  # the twenty-first round's shape, unchanged
        ("Ward 4C", ["4C"]),
        ("Hambleton ward", ["Hambleton"]),  # a ward's kind in lower case still names it
        ("GLENVIEW MANOR CARE HOME", ["GLENVIEW"]),
        ("Ashcombe Hall nursing home", ["Ashcombe"]),
        ("Mile End Hospital", ["Mile End"]),
        ("Lorn and Islands Hospital", ["Lorn and Islands"]),
        ("penhallow house", ["penhallow"]),
        ("Cherry Tree Court", ["Cherry Tree"]),
        ("Royal Infirmary", []),  # one everyday word is no name
        ("General Hospital", []),
        ("Mental Health Unit", []),
        ("Kinship Care", []),  # "Care" alone ends no setting's name
        ("the Nepali community centre", []),  # a description, not a name
        ("rang surgery", []),  # a lower-case word of English
        ("the day unit", []),
        ("Elizabeth House", []),  # a first name repeats as a person, if at all
    ],
)
def test_setting_name_parts(value: str, parts: list[str]) -> None:
    assert setting_name_parts(value) == parts


@pytest.mark.parametrize(
    ("part", "any_case"),
    [("Glenview", True), ("Lorn and Islands", True), ("Cherry Tree", False), ("Mile End", False)],
)
def test_which_parts_repeat_in_any_case(part: str, any_case: bool) -> None:
    assert repeats_in_any_case(part) is any_case


@pytest.mark.parametrize(
    ("text", "value", "nth"),
    [
        (
            "Mum moved into Glenview Manor Care Home in March. The fees at glenview went up "
            "again in June.",
            "glenview",
            0,
        ),
        (
            "Dad has dialysis at Mile End Hospital. The transport gets him to Mile End an hour "
            "early every time.",
            "Mile End",
            1,
        ),
        (
            "She was sent to Tregarthen Hall nursing home for respite. Tregarthen were kind but "
            "short of staff.",
            "Tregarthen",
            1,
        ),
    ],
)
def test_a_setting_part_repeats(text: str, value: str, nth: int) -> None:
    assert covering_label(text, value, nth) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value", "nth"),
    [
        (
            "Nan lives at Cherry Tree Court now. We planted a cherry tree for her in the garden.",
            "cherry tree",
            0,
        ),
        ("We met at the Nepali community centre. Her son speaks Nepali and English.", "Nepali", 1),
        ("They phoned the rang surgery twice. Then I rang again and waited.", "rang", 1),
    ],
)
def test_look_alike_parts_stay(text: str, value: str, nth: int) -> None:
    assert covering_label(text, value, nth) is None


# --- given names of long-settled communities and British pet forms ----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the nurse on nights was lovely, especially tunde who sat with dad", "tunde"),
        ("mum and pushpa went together on the bus", "pushpa"),
        ("dad and hasmukh waited four hours", "hasmukh"),
        ("our neighbour ifor came round with soup", "ifor"),
        ("can you ring kez i cant face it", "kez"),
        ("he said rach would ring back but she never did", "rach"),
    ],
)
def test_a_community_name_or_pet_form_is_a_person(text: str, value: str) -> None:
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("She reads the mags in the waiting room.", "mags"),
        ("we had a right old natter about the wale in the cord fabric", "wale"),
        ("The bola and the sola were both on the menu.", "sola"),
    ],
)
def test_words_that_share_a_name_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_the_community_names_are_held_to_the_stricter_tests() -> None:
    gaz = gazetteer()
    for name in ("jaswinder", "tunde", "hasmukh", "gosia"):
        assert name in gaz.first_names and name in gaz.registered_only_first_names
    assert "bryn" not in gaz.registered_only_first_names  # a place and a Welsh word too


# --- speaker keys ------------------------------------------------------------------------------


def _flagged_values(text: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text)]


def test_a_key_that_gives_a_voice_makes_its_code_a_role() -> None:
    text = (
        "Speakers: INT (interviewer), MR (mother), TR (daughter)\n\n"
        "INT: Thanks both.\nMR: I'm Ruth Abernethy and this is Tilly.\nTR: Only the hospital.\n"
        "MR: We moved to be near her.\nTR: It was hard."
    )
    values = _flagged_values(text)
    assert "MR" not in values and "TR" not in values
    assert "Ruth Abernethy" in values and "Tilly" in values


def test_a_listed_key_gives_a_voice_too() -> None:
    text = (
        "R: researcher; M: mum; B: baby Kenzie (5 months) present\n"
        "R: How did you first hear about it?\nM: My midwife, Gill, told me.\nR: And was it?\n"
        "M: Nah."
    )
    values = _flagged_values(text)
    assert "R" not in values and "M" not in values
    assert "Kenzie" in values and "Gill" in values


def test_an_interviews_usual_codes_are_roles() -> None:
    text = (
        "INT: So you were at the infirmary?\nR: Aye, three weeks.\nINT: How old are you?\n"
        "R: Seventy-nine.\nCH: And the address?\nR: Flat 2, 14 Mill Road."
    )
    values = _flagged_values(text)
    assert "R" not in values and "CH" not in values


def test_staff_initials_keyed_with_a_job_stay_people() -> None:
    text = (
        "Present: KM (social worker, chair), RT (district nurse), AB (housing officer).\n"
        "RT reported pressure sores. Action: AB to arrange repairs."
    )
    assert covering_label(text, "RT", 1) == "PERSON"
    assert covering_label(text, "AB", 1) == "PERSON"


# --- what names a home before a street line -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Write to him at 2/L, 45 Kirk Road, Wishaw.", "2/L, 45 Kirk Road"),
        ("My address is Eight, Kettering Road, Northampton.", "Eight, Kettering Road"),
        ("CALLER: Number eight, The Paddocks, Market Drayton.", "Number eight, The Paddocks"),
    ],
)
def test_a_home_before_a_street_line_is_the_address(text: str, value: str) -> None:
    assert covering_label(text, value) == "ADDRESS"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("we had about twenty, Station Road was packed", "twenty"),
        ("I waited till five, 3 Mill Road was closed", "five"),
    ],
)
def test_counts_before_a_street_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


# --- the words of names from other naming traditions ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The interpreter said Abu Yusuf had not slept since the hotel.", "Abu Yusuf"),
        ("We asked Ah Fong, a volunteer, to translate.", "Ah Fong"),
        ("Present: Rasha bint Khalid, Noor Haddad.", "Rasha bint Khalid"),
    ],
)
def test_a_names_particles_are_the_names(text: str, value: str) -> None:
    assert covering_label(text, value) == "PERSON"


def test_an_interjection_before_a_name_stays() -> None:
    assert not flagged("Ah, Fong said he would come.", "Ah")


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
