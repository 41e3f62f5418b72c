"""Kinds built in the forty-third round (issue 20): only kinds of miss or false finding that
three or more development sets, each by a different writer, share. A large city typed in lower
case after a word of place, a lower-case first name joined to one found in lower case, a chat
speaker whose name is an everyday pet form, a hospital's initials no list gives, a listed
hospital's initials in lower case after a word of being there, and a word broken over a line by
a hyphen, a listed setting written without its apostrophe, a home named as houses are in
lower case, the rest of a street's name after a found address, a first name no list holds
before a found family name, and national specialist hospitals; and a ward's bay named
alone, a regiment, a list's numbering, a rough "-odd" age and a first try at an age corrected
at once, none of them an identifier.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay unmarked (or marked as before).
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.identifiers.core.prefilter import GatedPattern

# --- a large city in lower case after a word of place -------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my sister drives across bristol every sunday to sit with dad", "bristol"),
        ("we moved to manchester when the twins were small", "manchester"),
        ("he gets the train from glasgow for his clinic appointments", "glasgow"),
        ("the nurse there (newcastle) said she had never seen it so busy", "newcastle"),
    ],
)
def test_a_lower_case_city_after_a_word_of_place(text, value):
    assert covering_label(text, value) == "LOCATION"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the surgery is on london road next to the chemist", "london"),
        ("he only talks about leeds united and his tablets", "leeds"),
        ("we had a bath in the evening and then bed", "bath"),
        ("she got a coat in the sale for half price", "sale"),
    ],
)
def test_a_street_a_team_or_an_everyday_word_is_no_lower_case_city(text, value):
    assert covering_label(text, value) != "LOCATION"


# --- a lower-case first name joined to one found in lower case ---------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the night staff rhiannon and cerys were so kind to her", "cerys"),
        ("my carers are gwenllian and bethan and they never rush", "gwenllian"),
    ],
)
def test_a_lower_case_first_name_joined_to_a_found_one(text, value):
    assert covering_label(text, value) == "PERSON"


def test_an_everyday_word_joined_to_a_lower_case_name_stays():
    text = "the nurse bethan and then the doctor came round at ten"
    assert not flagged(text, "then")


# --- a chat speaker named by an everyday pet form -----------------------------------------------


def test_a_pet_form_speaking_beside_a_name_no_list_holds_is_a_speaker():
    text = (
        "Dot: did they ring you back\n"
        "Yewande: not yet, still on hold with the ward\n"
        "Dot: typical. is she eating\n"
        "Yewande: a bit of toast\n"
        "Dot: ok ill go up after tea"
    )
    assert covering_label(text, "Dot") == "PERSON"
    assert covering_label(text, "Dot", nth=2) == "PERSON"


def test_a_form_field_beside_a_name_no_list_holds_stays_a_field():
    text = (
        "Note: spoke to Yewande on the phone\n"
        "Yewande: says mum is eating again\n"
        "Note: follow up next week\n"
        "Yewande: thanks"
    )
    assert not flagged(text, "Note")


# --- a hospital's initials that no listed name gives -------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My hip op was done at the WMGH and the physio was brilliant.", "WMGH"),
        ("They sent him to the KRCH for a scan on his chest.", "KRCH"),
        ("Her bloods were taken at PDRI before the clinic.", "PDRI"),
    ],
)
def test_unlisted_hospital_initials_after_a_cue_with_care_near(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I rang the NHS about the appointment and waited an hour.", "NHS"),
        ("The social worker made a referral to the MASH about the baby.", "MASH"),
        ("We met the WMGH choir at the church hall on Friday night.", "WMGH"),
    ],
)
def test_initials_that_name_no_hospital_or_stand_far_from_care_stay(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


# --- a listed hospital's initials in lower case after a word of being there -----------------


def test_listed_initials_in_lower_case_after_at():
    text = "sat at qmc with my dad since six and still nobody has come"
    assert covering_label(text, "qmc") == "CARE_SETTING"


def test_listed_initials_in_lower_case_without_a_cue_stay():
    text = "my dad says qmc parking costs a fortune these days"
    assert not flagged(text, "qmc")


# --- a word broken over a line by a hyphen -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("His daughter Kath-\nleen rang the ward twice.", "Kath-\nleen", "PERSON"),
        ("She was taken to the Royal Glamorgan Hos-\npital by ambulance.", "Hos-\npital", None),
    ],
)
def test_a_word_broken_over_a_line_is_read_whole(text, value, label):
    found = covering_label(text, value)
    assert found == label if label else found is not None


def test_an_everyday_word_broken_over_a_line_stays():
    text = "The consultant is a well-\nknown man in the town."
    assert not flagged(text, "known")


# --- false findings: a bay named alone, a regiment ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nurse said she has been moved to bay 4 on ward 6", "bay 4"),
        ("Bay 2 bed 3: comfortable overnight, obs stable.", "Bay 2"),
    ],
)
def test_a_bay_named_alone_is_no_setting(text, value):
    assert not flagged(text, value)


def test_a_bay_after_its_ward_stays_with_it():
    text = "MY DAD WAS IN CEDAR WARD BAY 3 FOR A WEEK AND NOBODY WASHED HIM"
    assert flagged(text, "BAY 3")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I served nine years in the Royal Engineers before my knee went.", "Royal"),
        ("Ex Royal Marines, and nobody asks how I sleep.", "Royal Marines"),
        ("He joined the Royal Navy at sixteen and never talks about it.", "Royal"),
    ],
)
def test_a_regiment_is_no_royal_hospital(text, value):
    assert not flagged(text, value)


def test_a_royal_hospital_stays():
    text = "The ambulance took him to the Royal Gwent and he was seen quickly."
    assert covering_label(text, "Royal Gwent") == "CARE_SETTING"


# --- a listed setting written without its apostrophe ------------------------------------------


def test_a_listed_setting_without_its_apostrophe():
    text = "they took my nan to kings college hospital for her liver"
    assert covering_label(text, "kings college hospital") == "CARE_SETTING"


def test_a_possessive_word_alone_stays_a_word():
    text = "we watched the queens speech at my aunties after dinner"
    assert not flagged(text, "queens")


# --- a home or surgery named as houses are, in lower case ---------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my nan has been in the hollies since june and the carers are lovely", "the hollies"),
        ("the gp surgery (the elms) lost her repeat prescription again", "the elms"),
        (
            "he comes out of the priory on friday and social services have done nothing",
            "the priory",
        ),
    ],
)
def test_a_house_named_setting_in_lower_case(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        # capitals elsewhere: a name would have one ("the orchard" is the NER's to judge)
        "We sat in the orchard after Mum's clinic and had a flask of tea.",
        "we walked to the woodlands with the dog on sunday",  # no care spoken of
        "the nurse said to park in the grove road car park",  # a street's first word
    ],
)
def test_an_orchard_a_wood_or_a_street_is_no_house_named_setting(text):
    from nlp.identifiers.care_settings.house_named_settings import house_named_settings

    assert list(house_named_settings(text)) == []


# --- the rest of a street's name after a found address -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("im at 3 acacia gardens lane if u need to send the letter", "3 acacia gardens lane"),
        ("Please post it to 27 Harbour Road West, Kirkcaldy.", "27 Harbour Road West"),
    ],
)
def test_a_street_keeps_its_second_kind_or_its_side(text, value):
    assert covering_label(text, value) == "ADDRESS"


def test_a_side_before_a_county_stays_outside_the_street():
    text = "She lives at 9 Carr Road North Yorkshire way, near the church."
    assert covering_label(text, "9 Carr Road North") != "ADDRESS"


# --- a list's numbering, a rough "-odd" age and a first try corrected ---------------------------


def test_a_list_number_in_brackets_is_no_age():
    text = (
        "Actions agreed: (1) ring the OT about the rail; (2) chase the bath seat with the council."
    )
    assert not flagged(text, "2")


def test_ages_in_brackets_after_names_stay():
    text = "Kids Jayden (6) and Amelia (5) have not had their jabs."
    assert covering_label(text, "6") == "AGE"
    assert covering_label(text, "5") == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dad's seventy-odd and still drives to the surgery himself.", "seventy"),
        ("I'm sixty... sixty-three, I think, and the stairs are hard now.", "sixty"),
    ],
)
def test_a_rough_or_a_first_try_age_is_left(text, value):
    assert covering_label(text, value) != "AGE"


def test_the_corrected_age_and_an_age_to_come_stay():
    assert covering_label("I'm sixty... sixty-three, I think.", "sixty-three") == "AGE"
    text = "NAN: I'm eighty... eighty-one in June. I still do my own shopping."
    assert covering_label(text, "eighty") == "AGE"


# --- a first name no list holds, before a found family name -----------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Community Mental Health Team: Eilidh Sutherland, 01632 960 101", "Eilidh Sutherland"),
        ("Gwenno Prydderch: my dad waited four hours for the ambulance.", "Gwenno Prydderch"),
    ],
)
def test_an_unlisted_first_name_joins_a_found_family_name(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Annwyl Bethan, thank you for the letter about Taid.", "Annwyl"),
        ("Diolch Carys and the whole team at the surgery.", "Diolch"),
    ],
)
def test_a_greeting_before_a_name_stays_outside_it(text, word):
    assert not flagged(text, word)


# --- national specialist and children's hospitals ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "His hip was done at the Robert Jones and Agnes Hunt in the end.",
            "Robert Jones and Agnes Hunt",
        ),
        (
            "She had her bypass at Liverpool Heart and Chest last spring.",
            "Liverpool Heart and Chest",
        ),
        ("Our boy was in the Great North Children's for a week.", "Great North Children's"),
    ],
)
def test_a_national_specialist_hospital_is_a_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


def test_new_whole_text_patterns_are_gated():
    from nlp.identifiers.care_settings import house_named_settings
    from nlp.identifiers.places import lower_case_cities

    assert isinstance(lower_case_cities.LOWER_CASE_CITY, GatedPattern)
    assert isinstance(house_named_settings.HOUSE_NAMED, GatedPattern)
