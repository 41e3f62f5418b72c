"""Kinds built in the fifty-first round (issue 20). The first-name lists came from Faker's
locales and the US census, and lacked many names people in the UK are given: Welsh, Scottish,
South Asian, West African and newer English names. `uk_first_names.txt` adds the names given to
at least twenty babies born in England and Wales (ONS, Open Government Licence), held to
stricter tests than the older lists: capitals where the text has them, not an English word in
lower-case text, not before a street's or a setting's kind word, not after a compass word. A
greeting word that a name rule grew a guess back over ("Diolch Gwenno") is left out of the name.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.care_settings.lower_case_kind_after import with_lower_case_kinds
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

# --- first names registered for babies in England and Wales -------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Couldn't fault them. Carys, ward clerk.", "Carys"),
        ("The staff were lovely. Morag an Iona on nights wid sit wi her.", "Morag"),
        ("big thanks to gwion and the team on the ward", "gwion"),
        ("tbh sioned at the desk was the only one who listened", "sioned"),
        ("OWAIN TOOK ME IN AT SIX AND WAITED.", "OWAIN"),
        ("Darshan on reception was kind.", "Darshan"),
    ],
)
def test_a_registered_first_name_is_a_person(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She moved into Aspen Lodge in the spring.", "Aspen"),
        ("We live a mile up the North Tyne from the farm.", "Tyne"),
        ("Hiya, it's about my mum's hearing aid again.", "Hiya"),
        ("she came hame fae the ward on friday", "fae"),
        ("wen she got home nobody had left the meds", "wen"),
        ("He was referred to the ABI team for rehab.", "ABI"),
    ],
)
def test_a_registered_name_that_is_a_word_here_is_left(text, value):
    labels = {f.label for f in detect(text) if f.start <= text.index(value) < f.end}
    assert "PERSON" not in labels


@pytest.mark.parametrize(
    ("text", "greeting", "name"),
    [
        ("Diolch Gwenno and everyone on the unit.", "Diolch", "Gwenno"),
        ("Merhaba Elif Yilmaz came in with her son.", "Merhaba", "Elif Yilmaz"),
    ],
)
def test_a_greeting_before_a_name_is_left_out_of_it(text, greeting, name):
    assert not flagged(text, greeting)
    assert covering_label(text, name) == "PERSON"


def test_the_older_lists_keep_their_own_tests():
    """A name the older lists hold in lower case inside mixed text stays as it was."""
    text = "Thanks to priya on the desk, she was lovely."
    assert flagged(text, "priya")


def test_registered_names_are_apart_from_words_and_places():
    gaz = gazetteer()
    registered = gaz.registered_only_first_names
    assert len(registered) > 5000
    assert not registered & gaz.common_words
    assert not registered & gaz.places
    assert {"gethin", "eilidh", "darshan"} <= registered
    assert registered <= gaz.first_names


def test_engine_version_names_round_fifty_one():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
    assert detect("") == []


# --- dates of birth written as forms, scanners and memorials leave them ---------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient: Alan Petch D.0.B: 14/02/1961 Ward: 7", "14/02/1961"),
        ("Date of birth: 04 / 09 / 1948   Sex: F", "04 / 09 / 1948"),
        ("DOB: 1980 / 03 / 22   Age: 44", "1980 / 03 / 22"),
        ("In loving memory of Alan Petch (3.5.1940 – 12.1.2024), of Wigan.", "3.5.1940"),
        ("We miss her. Edna (1929–2019), born in Hull, never left.", "1929"),
        ("My son was born with a heart defect on 12 June 2003 at St Mary's.", "12 June 2003"),
        ("HER DATE OF BIRTH IS 4TH JUNE 1950.", "4TH JUNE 1950"),
    ],
)
def test_a_birth_date_is_found_however_written(text, value):
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was born in 1950 and married on 3 June 1975.", "3 June 1975"),
        ("Reports (2019-2020) show the waits grew.", "2019"),
    ],
)
def test_another_events_date_is_no_birth_date(text, value):
    assert covering_label(text, value) != "DATE_OF_BIRTH"


# --- a postcode's shape with no real postcode area ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("HIS BIRTHDAY IS 4TH JUNE 1950 AND HE IS 74.", "IS 4TH"),
        ("RESPITE BOOKED FROM 3RD MAY FOR TWO WEEKS.", "FROM 3RD"),
    ],
)
def test_a_postcode_shape_without_a_real_area_is_no_postcode(text, value):
    labels = {f.label for f in detect(text) if f.start < text.index(value) + len(value)}
    assert "POSTCODE" not in labels


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("SEND IT TO 4 HIGH ST, PORTSMOUTH PO5 2ND.", "PO5 2ND"),
        ("Post code SO19 4AB, flat 2.", "SO19 4AB"),
    ],
)
def test_a_real_area_keeps_its_postcode(text, value):
    assert covering_label(text, value) == "POSTCODE"


# --- a phone in the international form without its "+", and the UK's own web domains ------------


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Replies (sender, text): 447700900412: very good, thanks", "447700900412", "PHONE"),
        ("From 441632960518 at 09:14: please call back", "441632960518", "PHONE"),
        ("Website: cymorthgofalwyr.cymru for help", "cymorthgofalwyr.cymru", "URL"),
        ("The form at hawlio.example.scot/cais kept failing.", "hawlio.example.scot/cais", "URL"),
    ],
)
def test_an_exported_phone_and_a_uk_domain_are_found(text, value, label):
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He scored 4470 points in 2019.", "4470"),
        ("The Scot on ward 4 was lovely.", "Scot"),
    ],
)
def test_their_look_alikes_are_left(text, value):
    labels = {f.label for f in detect(text) if f.start <= text.index(value) < f.end}
    assert not labels & {"PHONE", "URL"}


# --- a name typed in lower case keeps its everyday-word surname; an age after a name -------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Booked in at the Surgery with my son alfie turner at ten.", "alfie turner"),
        ("My mum megan hughes was taken to the Royal on Friday.", "megan hughes"),
    ],
)
def test_a_lower_case_name_keeps_its_surname(text, value):
    assert covering_label(text, value) == "PERSON"


def test_a_capitalised_text_keeps_everyday_words_after_a_lower_case_name():
    text = "We saw Dr Shah and jo said the wait was long."
    assert not flagged(text, "said")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A girl in a red coat – Maisie, 6. Maisie had an earache for weeks.", "6"),
        ("KIERAN WALSH 31 DIED AFTER WAITING NINE HOURS.", "31"),
    ],
)
def test_an_age_right_after_a_name_is_found(text, value):
    assert covering_label(text, value) == "AGE"


def test_a_number_after_a_name_without_a_comma_ending_a_sentence_is_left():
    text = "I gave the form to Dr Patel 2. Then I left."
    assert not flagged(text, "2")


# --- place and house names whose words an article or a preposition joins -------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They moved to 12 Heol-y-Felin, Ystrad, last spring.", "12 Heol-y-Felin"),
        ("Her parents farm at Pant-yr-Onnen up the valley.", "Pant-yr-Onnen"),
        ("Send it to Tŷ'r Ysgol? No, to Bwthyn y Felin, please.", "Bwthyn y Felin"),
        ("She lives out at Chy-an-Gwel near the harbour.", "Chy-an-Gwel"),
        ("The pharmacy in Mablethorpe-on-Sea shut early.", "Mablethorpe-on-Sea"),
        ("We drove to Newton-le-Willows for the clinic.", "Newton-le-Willows"),
    ],
)
def test_a_joined_place_name_is_hidden_whole(text, value):
    assert covering_label(text, value) in ("ADDRESS", "LOCATION")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My mother-in-law came with us.", "mother-in-law"),
        ("Dr Anne-le-Bras saw him on the ward.", "Anne-le-Bras"),
    ],
)
def test_its_look_alikes_stay_as_they_are(text, value):
    labels = {f.label for f in detect(text) if f.start <= text.index(value) < f.end}
    assert not labels & {"ADDRESS", "LOCATION"}


# --- a name typed in lower case takes the setting's kind word after it ----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the day programme at the kirkby centre helped me with meals", "kirkby centre"),
        ("shes at the hartley unit now and they wont tell me anything", "hartley unit"),
    ],
)
def test_a_lower_case_name_takes_its_kind(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("thanks to dave ward for sorting the lift", "dave", "PERSON"),
        ("she moved from leeds ward 5 to the other one", "leeds", "LOCATION"),
        ("we went to the bolton home game", "bolton", "LOCATION"),
        ("It was the Ashgrove unit", "Ashgrove", "CARE_SETTING"),
    ],
)
def test_a_surname_kind_a_numbered_ward_or_a_plain_word_is_left(text, value, label):
    start = text.index(value)
    found = [Finding(start, start + len(value), label, 0.8, "test")]
    assert with_lower_case_kinds(text, found) == found


# --- an age typed without the apostrophe, or in Scots ----------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my nans 91 and they sent her home at 2am", "91"),
        ("hes 84 and lives on his own", "84"),
        ("Ma faither wis 88 when he went in.", "88"),
    ],
)
def test_an_age_typed_in_a_hurry_or_in_scots_is_found(text, value):
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("After my sons 2 year review the health visitor rang.", "2"),
        ("my brothers 20 minutes away so he came", "20"),
    ],
)
def test_a_check_or_a_distance_after_a_relative_is_no_age(text, value):
    assert not flagged(text, value)


# --- more hospitals' everyday abbreviations ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Held at YG for six hours on the trolley.", "YG"),
        ("Far better than the LRI last year.", "LRI"),
        ("He was moved to the RAH in Paisley.", "RAH"),
    ],
)
def test_a_hospitals_abbreviation_is_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"
