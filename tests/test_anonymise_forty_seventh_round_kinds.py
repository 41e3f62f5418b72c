"""Kinds built in the forty-seventh round (issue 20): only kinds that three or more development
sets, each by a different writer, share. Missed: a sign-off by the writer's initial alone, the
addressee's name opening an e-mail, a Northern Irish health and care number told a few words
after its name, a date of birth beside a person in a record's row, and the labels that reviews
and threads give their writers. Taken wrongly: the words of clinical care and conditions named
after people, and a family's words for its relatives, taken for people, specialist medicines by
brand, a test's value, a thing's age or a group's threshold taken for an age, and a town
standing for its football club taken for a place.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged, labelled

from nlp.anonymise import ENGINE_VERSION

# --- words of clinical care and conditions named after people are no one ---------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tues. Dialysis again, then home on the bus and straight to bed.", "Dialysis"),
        ("Spirometry was booked for the spring and then cancelled.", "Spirometry"),
        ("Cannula in at the fourth go, and she was shaking by then.", "Cannula"),
        ("Fatigue hits by noon most days, whatever I eat.", "Fatigue"),
        ("We had a letter from Podiatry about the new insoles.", "Podiatry"),
        ("Gave him Lucozade and waited for the sugar to come up.", "Lucozade"),
    ],
)
def test_a_word_of_clinical_care_is_no_one(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our grandson was diagnosed with Batten disease at five.", "Batten"),
        ("He has Duchenne muscular dystrophy and a new powerchair.", "Duchenne"),
        ("I live with Ehlers-Danlos syndrome and my joints slip.", "Ehlers-Danlos"),
        ("Dupuytren's contracture has bent two of his fingers.", "Dupuytren"),
        ("The X-ray showed a Colles' fracture of the left wrist.", "Colles"),
        ("Her baby has Wolff-Parkinson-White, so the heart team see him.", "Wolff-Parkinson-White"),
    ],
)
def test_a_condition_named_after_a_person_is_no_one(text, value):
    assert "PERSON" not in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dr Doppler saw him on Tuesday and was very kind.", "Doppler"),
        ("Amy's fracture clinic appointment was moved again.", "Amy"),
    ],
)
def test_a_person_beside_the_words_stays_a_person(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was on Avonex for years, then Ocrevus twice a year.", "Ocrevus"),
        ("Since starting Kalydeco my lung function has gone up.", "Kalydeco"),
        ("The Plenvu came in the post with the instructions.", "Plenvu"),
    ],
)
def test_a_specialist_medicine_by_brand_is_no_one(text, value):
    assert not flagged(text, value)


# --- a family's word for a mother, father, aunt or grandparent is no name -----------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The nurse asked whether Amma had eaten, and she had not.", "Amma"),
        ("Mammy liked the night nurses best of all.", "Mammy"),
        ("Baba needs his tablets crushed now.", "Baba"),
        ("Khala came with us to translate at the clinic.", "Khala"),
    ],
)
def test_a_familys_word_for_a_relative_is_no_name(text, value):
    assert "PERSON" not in labelled(text, value)


def test_a_name_beside_a_familys_word_stays_a_name():
    text = "Our Amma, Meena Pillai, was moved to Ward 6 overnight."
    assert covering_label(text, "Meena Pillai") == "PERSON"


# --- a sign-off by the writer's initial alone -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Is the leaflet ready for printing? Cheers, R\n> From: the office", "R"),
        ("I'll be back in on Tuesday. Ta, K", "K"),
        ("Give the cat a cuddle from me. Love, D", "D"),
        ("See you at the group.\nThanks\nT.\nTamsin Hale\nCarers Centre", "T."),
        ("I'll ring you after tea.\n\nB xx\n\n--\nSent from my phone", "B"),
        ("The parking is round the back.\nK\n\n---- On Mon, the office wrote ----", "K"),
    ],
)
def test_a_sign_off_by_an_initial_is_a_person(text, value):
    assert covering_label(text, value, nth=text.count(value) - 1) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thank you. I rang again on Monday and nobody answered.", "I"),
        ("The nurses were wonderful with him. Thank you XXXX", "XXXX"),
    ],
)
def test_a_pronoun_or_a_name_taken_out_is_no_initial(text, value):
    assert not flagged(text, value)


# --- the addressee's name opening an e-mail ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "From: Gareth Price <g.price@example.org>\nSubject: FW: rota for March\n\n"
            "Ifan - see below, the dates have changed again.",
            "Ifan",
        ),
        ("RE: FW: Saturday stall\nTayo - rota attached, sorry it is late.", "Tayo"),
        (
            "To: Bernadette Quinn <b.quinn@example.com>\n\nBern, could you ring the ward?",
            "Bern",
        ),
    ],
)
def test_the_addressee_opening_an_email_is_a_person(text, value):
    assert covering_label(text, value, nth=text.count(value) - 1) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Subject: update\n\nAlso, the ward rang again about the bed.", "Also"),
        ("Subject: update\n\nUpdate - nothing new from the council yet.", "Update"),
        ("Notes from today\n\nBloods - see below, the bed is booked.", "Bloods"),
    ],
)
def test_an_opening_word_or_a_note_without_headers_is_no_addressee(text, value):
    assert "PERSON" not in labelled(text, value)


def test_a_welsh_hospital_in_the_subject_keeps_to_its_line():
    text = "To: Ifan Jones\nSubject: Re: visiting at Ysbyty Gwynedd\n\nIfan - she is on Ward 4."
    assert covering_label(text, "Ysbyty Gwynedd") == "CARE_SETTING"
    assert covering_label(text, "Ifan", nth=1) == "PERSON"


# --- a health and care number told a few words after its name ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mum's H&C number - the one on her blue card - is 318 442 6071, if you need it.",
        "H&C no. (from the ward's sticker): 318 442 6071. Then the line went dead.",
        "Could they print my H&C number on the form\n318 442 6O71 as well, I asked twice.",
    ],
)
def test_a_health_and_care_number_after_a_few_words_is_found(text):
    number = "318 442 6O71" if "6O71" in text else "318 442 6071"
    assert covered(text, number)


def test_a_phone_after_the_health_and_care_number_is_no_number_of_hers():
    text = "Her H&C number was wrong again, so I rang 01632 96012 twice."
    assert "OTHER_ID" not in labelled(text, "01632 96012")


# --- a date of birth beside a person in a record's row --------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Client: Emlyn Hughes, NHS 9991234519,\n03/02/1941. Lives alone.", "03/02/1941"),
        ("Mr D Okafor 3/9/58 rang about a repeat prescription.", "3/9/58"),
        ("PRICE, Joanne 14.3.82 wants a call back after 5pm", "14.3.82"),
        ("Ruth Allen, Jun 12th 1949, rang about her prescription.", "Jun 12th 1949"),
    ],
)
def test_a_date_beside_a_person_in_a_row_is_a_birth_date(text, value):
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Seen by Jane Smith 12/6/24 in clinic.", "12/6/24"),
        ("Seen by Jane Smith 12/06/2024. She was kind.", "12/06/2024"),
    ],
)
def test_a_visit_beside_a_person_is_no_birth_date(text, value):
    assert "DATE_OF_BIRTH" not in labelled(text, value)


# --- the labels reviews and threads give their writers ---------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thread: PIP for ME\n\nsalford_sue:\nThe assessor was fair in the end.", "salford_sue"),
        ("Thread: EHCP\n\nMum2Freya: Agreed, write everything down.", "Mum2Freya"),
        ("BlueKettle55 · Wed 10:02 We waited two years for the assessment.", "BlueKettle55"),
        ("fen_walker ★★☆☆☆ Friendly staff but a long wait.", "fen_walker"),
        ("Shared by a carer (user: sistergem91) about the day unit", "sistergem91"),
        ("Reviewed by TomK_82 in March: the parking is awful.", "TomK_82"),
        ('A review posted by "Jo_T" last spring about the pharmacy.', "Jo_T"),
        ("if you can help, follow me back dot_and_bea_x", "dot_and_bea_x"),
    ],
)
def test_a_writers_label_on_a_review_or_thread_is_a_person(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("q3_service: the eye clinic\nq4_story: fine", "q3_service"),
        ("Guest_3321: is anyone there tonight?", "Guest_3321"),
        ("ClInIc: the nurses were kind.", "ClInIc"),
    ],
)
def test_a_field_a_system_label_or_a_heading_is_no_writer(text, value):
    assert "PERSON" not in labelled(text, value)


# --- a test's value, a thing's age and a group's threshold are no one's age --------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Last year her HbA1c came back at 81 and the nurse was worried.", "81"),
        ("Her sugar that night was 27 and nobody came.", "27"),
        ("Bloods: Haemoglobin 84, platelets fine.", "84"),
        ("The scooter is 10 yrs old and the battery is done.", "10"),
        ("We still have a hoist that's fifteen years old.", "fifteen"),
        ("The shingles jab is offered to everyone aged 70 and over.", "70"),
        ("The soft play is free for kids under 12.", "12"),
        ("The walking group is all aged 60+ now.", "60"),
        ("The choir, mainly aged 55-80, sang on the ward.", "80"),
    ],
)
def test_a_value_a_things_age_or_a_threshold_is_no_age(text, value):
    assert "AGE" not in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mum, aged 65, was sent home at midnight.", "65"),
        ("I came with my two children aged 3 and 6 and we waited an hour.", "3"),
        ("My son is 12 years old and his chair is too small.", "12"),
        ("My dad is 90 and over the moon with the new chair.", "90"),
    ],
)
def test_a_persons_age_stays_an_age(text, value):
    assert covering_label(text, value) == "AGE"


# --- a town standing for its football club is no place ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Grandad still follows Everton on the radio every Saturday.", "Everton"),
        ("Burnley Rovers lost again and he sulked all night.", "Burnley"),
        ("He knew every Wigan player by name.", "Wigan"),
    ],
)
def test_a_football_club_is_no_place(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("We moved to Bolton in 1990 for his work.", "Bolton", "LOCATION"),
        ("I support Kelly Marsh at her reviews every month.", "Kelly Marsh", "PERSON"),
    ],
)
def test_a_town_or_a_person_supported_stays(text, value, label):
    assert covering_label(text, value) == label


def test_the_engine_names_this_round():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
