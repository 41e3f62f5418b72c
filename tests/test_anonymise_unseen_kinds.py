"""Kinds of identifier met in sets built by people who saw no code (issue 20, fourth round).

Every sentence here was written for this file, one or more per kind, with names, streets and
numbers of its own (none taken from a measuring set), and each kind has its reverse: ordinary
text of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged

from nlp.anonymise import detect


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A health-service number after its name, whatever its check digit.
        ("Her NHS number is 123 456 7890 if you need it.", "123 456 7890"),
        ("Patient: Ifor Lloyd, NHS no. 444 555 6662, seen Tuesday.", "444 555 6662"),
        ("DAD'S NHS NO 321 654 0988 PLEASE USE IT", "321 654 0988"),
        ("nhs num 555 000 1113 ok", "555 000 1113"),
        ("My H&C number is 712 334 9081 by the way.", "712 334 9081"),
        ("Her health and care number 600 128 4427 is on the letter.", "600 128 4427"),
    ],
)
def test_health_numbers_after_their_name_are_caught_even_with_a_bad_check_digit(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The NHS spent 2019 2020 and 2021 catching up.", "2019 2020"),
        ("We rang NHS 111 at 0300 in the morning.", "111"),
    ],
)
def test_numbers_near_the_word_nhs_that_are_no_nhs_number_stay(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Attendees: K. Wojcik, B. Ashdown (Chair), Val Prentice.", "K. Wojcik"),
        ("Attendees: K. Wojcik, B. Ashdown (Chair), Val Prentice.", "B. Ashdown"),
        ("The notes were written by H. Oyelaran after.", "H. Oyelaran"),
        ("Signed by J.R. Featherstonehaugh on behalf of the group.", "J.R. Featherstonehaugh"),
        ("Notes taken by S. O'Hagan and checked by M. Adeyinka-Rowe.", "S. O'Hagan"),
        ("Notes taken by S. O'Hagan and checked by M. Adeyinka-Rowe.", "M. Adeyinka-Rowe"),
        ("- T. Blackburn - waiting a year for a hearing aid.", "T. Blackburn"),
    ],
)
def test_an_initial_and_a_surname_is_a_person(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We were told to try plan B. Then nothing happened.", "B. Then"),
        ("She needs vitamin D. Doctors never said.", "D. Doctors"),
        ("I Can't fault them at all.", "I Can't"),
    ],
)
def test_a_capital_letter_before_an_everyday_word_is_no_initial(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The chemist on Bridge Street keeps running out.", "Bridge Street"),
        ("He wants to go home to Station Road where he lived.", "Station Road"),
        ("Surgery moved, now on Park Avenue near the shops.", "Park Avenue"),
        ("The bus stop on Church Lane has gone.", "Church Lane"),
        ("Post it to 7 Duke of York Terrace, please.", "7 Duke of York Terrace"),
        ("Her flat is 3/1 Kelvinhaugh Street, top floor.", "3/1 Kelvinhaugh Street"),
        ("Meet us at the bus stop on Tanfield Lane.", "Tanfield Lane"),
    ],
)
def test_a_street_named_without_a_house_number_is_an_address(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At St Bartholomew's the nurses were kind.", "At"),
        ("That is No Way to treat people.", "No Way"),
        ("The road to recovery was long.", "road"),
    ],
)
def test_saints_and_phrases_ending_in_a_street_word_are_no_street(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The pharmacist at Hendry Pharmacy sorted my inhaler.", "Hendry Pharmacy"),
        ("I collect from the Morrisons pharmacy because it opens late.", "Morrisons pharmacy"),
        ("Kelso Chemists delivered the pills to my door.", "Kelso Chemists"),
        ("He was held at HMP Wakefield for two years.", "HMP Wakefield"),
        ("Healthcare at HMYOI Cookham Wood was poor.", "HMYOI Cookham Wood"),
    ],
)
def test_pharmacies_chemists_and_prisons_named_by_brand_or_place(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I went to the pharmacy and the Pharmacy was shut.", "Pharmacy"),
        ("Our Community Pharmacy service is good.", "Community Pharmacy"),
    ],
)
def test_a_pharmacy_without_a_name_stays(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Written down in Gujarati by her granddaughter.", "Gujarati"),
        ("He speaks Amharic and a bit of Arabic only.", "Amharic"),
        ("A Sudanese man at the drop-in had no GP.", "Sudanese"),
        ("Fasting during Navratri made her dizzy.", "Navratri"),
        ("Clinic is Mon and Weds now, not Thurs.", "Weds"),
        ("The physio only comes on Wednesdays.", "Wednesdays"),
        ("Her scan was cancelled in April and again since August.", "April"),
        ("Dear Sir or Madam, I am writing about my father.", "Madam"),
        ("Dear Councillor, my daughter cannot get a dentist.", "Councillor"),
        ("Caller says the home never rang her back.", "Caller"),
        ("Forwarded from the parish newsletter with thanks.", "Forwarded"),
        ("Interpreted at the family centre by a volunteer.", "Interpreted"),
        ("Nae bus came, an nae taxi either.", "Nae"),
    ],
)
def test_languages_peoples_days_months_and_roles_are_no_names(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I told them the doctor ignored me and the doctor laughed.", "ignored"),
        ("I miss breakfast when the transport is late.", "breakfast"),
    ],
)
def test_an_everyday_word_after_doctor_or_miss_is_no_name(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Councillor Bamidele Ojo raised it at the meeting.", "Bamidele Ojo"),
        ("Mr ap Gruffydd asked for letters in Welsh.", "ap Gruffydd"),
        ("Mr Ramadan was very kind to my mother.", "Ramadan"),
        ("The nurse, Shona, sat with her all night.", "Shona"),
        ("It was a long wait. Ling Okafor, my key worker, phoned.", "Ling Okafor"),
        ("seen by dr okafor on the ward", "okafor"),
        ("Consultant: Mrs. hope marsden. She was kind.", "hope marsden"),
    ],
)
def test_names_after_a_title_or_a_role_still_count(text, value):
    assert covered(text, value)


TRANSCRIPT = (
    "{role}: Good morning, you're through to the advice line.\n"
    "Caller: Hello, it's Doreen Pickersgill.\n"
    "{role}: Thank you Doreen. What's happened?\n"
    "Caller: My husband fell.\n"
)


@pytest.mark.parametrize("role", ["Befriender", "Linkworker", "Advocate"])
def test_a_role_that_opens_the_lines_of_a_transcript_is_no_name_nor_is_its_greeting(role):
    text = TRANSCRIPT.format(role=role)
    assert not flagged(text, role)
    assert not flagged(text, "Good")
    assert not flagged(text, "Thank")
    assert covered(text, "Doreen Pickersgill")


def test_a_name_that_opens_the_lines_of_a_transcript_stays_a_name():
    text = "Tegid: Hello.\nRuth: Hi Tegid, how are you?\nTegid: Fine.\nRuth: Good."
    assert covered(text, "Ruth")
    assert covered(text, "Tegid")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My direct line is 01632 960 0011 after six.", "01632 960 0011"),
        ("PHONE NUMBER IS 01942 960 01877 BUT RING AFTER 5", "01942 960 01877"),
        ("Happy to be contacted on 0113 496 0012 1 any time.", "0113 496 0012 1"),
        ("text me on o7700 900 318 if easier", "o7700 900 318"),
    ],
)
def test_a_phone_number_after_its_cue_with_a_digit_too_many_or_a_letter_o(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOB 1951-11-04, lives alone.", "1951-11-04"),
        ("date of birth 3 9 1947 if you need it", "3 9 1947"),
        ("please write to flat 4, 2 Moor Rd, n16 8 GT thanks", "n16 8 GT"),
        ("contact: bev.and.jim @ yahoo . co . uk", "bev.and.jim @ yahoo . co . uk"),
    ],
)
def test_dates_of_birth_postcodes_and_emails_written_loosely(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We moved the beds from ward E39 as a trial.", " as a"),
        ("The appointment was at 10 20 2020 or so.", "10 20 2020"),
        ("We were told to ring the number on the letter.", "number"),
    ],
)
def test_shapes_near_those_cues_that_are_no_identifier_stay(text, value):
    assert not flagged(text, value)


LETTER = (
    "Sea View\n"
    "Barley Knap\n"
    "Lower Wimbley\n"
    "TA4 9QQ\n"
    "\n"
    "Dear Healthwatch,\n"
    "I am writing about my husband.\n"
)


@pytest.mark.parametrize("value", ["Sea View", "Barley Knap", "Lower Wimbley"])
def test_the_lines_of_an_address_block_above_a_postcode_are_an_address(value):
    assert covered(LETTER, value)


def test_the_parts_of_a_one_line_address_before_a_postcode_are_an_address():
    text = "Send it to The Granary, Nettle Hollow, Great Wimbley, Suffolk IP14 9QQ."
    assert covered(text, "The Granary")
    assert covered(text, "Nettle Hollow")
    assert covered(text, "Great Wimbley")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Many Thanks\nLS6 2AB", "Many Thanks"),
        ("We were seen at the clinic, LS6 2AB is ours.", "We were seen at the clinic"),
    ],
)
def test_closing_words_and_sentences_before_a_postcode_are_no_address(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Posted by @ffion_b_1990: the ward was lovely.", "ffion_b_1990"),
        ("Shared from a public account @NurseTeeJay_ yesterday.", "NurseTeeJay_"),
        ("my snap is beccs.x.o if u need me", "beccs.x.o"),
        ("insta: jaz_the_mc", "jaz_the_mc"),
    ],
)
def test_social_media_handles_are_people(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Follow the trust on instagram for updates.", "instagram"),
        ("The FB breastfeeding group helped.", "breastfeeding"),
        ("Drop-in @ the library, 2pm.", "the library"),
        ("Meet @10am by the doors.", "10am"),
        ("He ignored me.", "ignored"),
    ],
)
def test_words_near_an_at_sign_or_a_platform_that_are_no_handle_stay(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My father-in-law is 83 years, he has a bad chest.", "83"),
        ("The GP said no. He's 20 months. We waited anyway.", "20"),
        ("they're 6, and the twins both have eczema", "6"),
        ("She was still 15 when they moved her to adult services.", "15"),
        ('He says he\'s "only 79" and can manage.', "79"),
        ("He'd have been 88 on Sunday.", "88"),
        ("Her neighbour, a man 86 who lives alone, fell.", "86"),
        ("they let him oot at eighty-one year auld in the rain", "eighty-one"),
        ("I'm sixty... sixty-four, I think.", "sixty-four"),
    ],
)
def test_ages_said_in_passing(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("You're 2 minutes late, the nurse said.", "2"),
        ("She's 3 weeks late with the letter.", "3"),
        ("They're 2 of us on the rota.", "2"),
    ],
)
def test_numbers_after_a_person_that_are_no_age_stay(text, value):
    assert not [f for f in detect(text) if f.label == "AGE"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hiya its tamsin from the parents group, just to say", "tamsin"),
        ("Hello, it's Dot here, I rang last week.", "Dot"),
        ("my mate bash told me to write this", "bash"),
        ("The radiographer (Cookie) was lovely with him.", "Cookie"),
        ("* Button (78) - wants her chiropody back", "Button"),
        ("Client RB (47), sofa surfing. RB now has a GP.", "RB"),
        ("- P.K. (F, 52) - prescription charges", "P.K."),
        ('Client: Bernard "Bernie" Maddox, aged 80', 'Bernard "Bernie" Maddox'),
        ("ok that's everything. — will", "will"),
        ("Can you ring the ward for me? Battery low. J x", "J"),
    ],
)
def test_names_in_introductions_notes_and_sign_offs(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("its lovely here in the summer", "lovely"),
        ("my mate from work said go", "from"),
        ("The speech therapist (SALT) comes weekly.", "SALT"),
        ("Table (2) shows the waits.", "Table"),
        ("* Man (50s) walked from town", "Man"),
        ("Resident (91) fell twice.", "Resident"),
        ("Love to you all. XX", "XX"),
        ("The waiting time was long - Terrible", "Terrible"),
        ("Cases of COPD (3) went up.", "COPD"),
    ],
)
def test_words_in_those_shapes_that_are_no_name_stay(text, value):
    assert not [f for f in detect(text) if f.label == "PERSON" and text[f.start : f.end] in value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They put her on Ward K overnight.", "Ward K"),
        ("WARD K WAS SHORT OF STAFF", "WARD K"),
        ("She has lived at Thornbury Court care home since May.", "Thornbury Court care home"),
        # round 49: the name is found, its lower-case "nursing home" left outside as writers do
        ("Nan is in Elmhurst nursing home now.", "Elmhurst"),
        ("He lives at Willowbank supported living with two others.", "Willowbank supported living"),
        ("Mum moved to Ashdene extra care scheme.", "Ashdene extra care scheme"),
        ("They said no. He's 14 months. We went to A&E.", "14 months"),
    ],
)
def test_wards_by_letter_named_homes_in_lower_case_and_babies_in_months(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ward I was on was noisy.", "ward I"),
        ("The care home was fine but a nursing home is needed.", "care home"),
        ("She wants supported living near her sister.", "supported living"),
        ("A member of the Royal College of Midwives told me.", "Royal College"),
        ("We got a leaflet from the Hope Foundation.", "Hope"),
        ("Mummy has glaucoma and Daddy has a bad hip.", "Mummy"),
        ("Deaf club meets on Fridays; her husband is also Deaf.", "Deaf"),
        ("- Discussed: parking. Dispensing: no change.", "Dispensing"),
    ],
)
def test_wards_homes_bodies_and_family_words_that_name_no_one_stay(text, value):
    assert not flagged(text, value)


def test_a_family_word_inside_a_found_name_is_not_redacted_elsewhere():
    text = "Ask for Auntie Bisi Adeyemi at the desk. Every Auntie knows."
    assert covered(text, "Bisi Adeyemi")
    later = text.index("Every Auntie") + 6
    assert not any(f.start <= later < f.end for f in detect(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Referred from the clinic (Kirkby-in-Ashfield) last May.", "Kirkby-in-Ashfield"),
        ("My daughter goes to Holy Cross Primary in Hull.", "Holy Cross Primary"),
        ("My son goes to Park View Academy now.", "Park View Academy"),
        ("the school (hollins academy) keep sending him home", "hollins academy"),
        ("we live on the hollybush estate if that matters", "hollybush"),
    ],
)
def test_hyphenated_towns_schools_and_estates_are_places(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We live on a council estate near the park.", "council"),
        ("The local academy has a nurse.", "local academy"),
        ("He went to High School in the end.", "High School"),
        ("Referral to the National High Secure service.", "National High"),
        ("She is in year 7 at school now.", "school"),
    ],
)
def test_kinds_of_school_and_estate_without_a_name_stay(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Spell it K-O-W-A-L-S-K-I, with a W.", "K-O-W-A-L-S-K-I"),
        ("It's B, O, D, E, N, one, nine, six, two at gmail.", "B, O, D, E, N, one, nine, six, two"),
        ("Sprout can u bring his glasses tmrw", "Sprout"),
        ("Results next week. tamsin thanks for the lift xx", "tamsin"),
        ("Peaches here again, I wrote to you in the spring.", "Peaches"),
        ("He was in bay 4 and then side room 2.", "side room 2"),
        ("THE BABY IS IN COT 3 BY THE WINDOW", "COT 3"),
    ],
)
def test_spelled_out_names_people_addressed_and_places_in_a_ward(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nurses can you please listen.", "Nurses"),
        ("Parking here is awful.", "Parking"),
        ("He stayed in bed 2 days with flu.", "bed 2"),
        ("He was in bed 14 by the window.", "bed 14"),
        # round 43: a bay named alone, as a bed is (unmarked in eight writers' sets)
        ("He was in bay 4 and then side room 2.", "bay 4"),
        ("We scored it A, B or C.", "A, B"),
    ],
)
def test_words_addressed_and_numbers_that_name_no_one_stay(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her hospital number is RX4 556 7721 on the letter.", "RX4 556 7721"),
        ("Our Tia is only nine and still waiting.", "nine"),
    ],
)
def test_a_hospital_number_with_a_coded_prefix_and_an_age_after_is_only(text, value):
    assert covered(text, value)


def test_a_form_label_is_no_name_but_the_same_word_as_a_nickname_is():
    assert not flagged("Email: d.ross@example.org Tel: 0161 496 0777", "Tel")
    assert covered("The nurse Tel was lovely with my son.", "Tel")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the initial is the person; the title is left out of the span (twenty-eighth round)
        ("Mrs T (79) was sent home at 3am.", "T"),
        ("All of Mr W's team were kind.", "W"),
        ("We saw Dr A Osei in the clinic.", "A Osei"),
        ("Little Fran (my granddaughter, 5) was seen too.", "5"),
    ],
)
def test_a_title_with_an_initial_and_a_relatives_age_in_brackets(text, value):
    assert covered(text, value)


def test_the_pronoun_after_a_title_is_no_initial():
    assert not flagged("It depends which Dr I see that day.", "Dr I")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("HELLO MY NAME IS MAUREEN HOLDSWORTH AND I AM 80", "MAUREEN HOLDSWORTH"),
        ("hi my name is derek priestley and im 71", "derek priestley"),
    ],
)
def test_a_rare_word_after_a_first_name_is_its_surname_where_capitals_mean_little(text, value):
    assert covered(text, value)


def test_an_everyday_word_after_a_first_name_stays_where_capitals_mean_little():
    assert not flagged("my mate sarah reckons its fine", "reckons")
