"""Kinds found general in round 29 (issue 20), from the misses of v34 (identifiers as they reach
a listening service: calls, voicemails, speech-to-text, chats, interpreted and relayed calls):
e-mails said aloud or typed without "@", references and dates of birth read out, an NHS number
in words, phones split, repeated or heard as homophones, pieces of identifiers read back, a
postcode cut off or typed a character at a time, a name's spelling and its mishearing, a
caller's own name in lower case, an age said twice.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import detect

# E-mails said aloud after a cue, whole from where the cue ends; and typed without "@".


@pytest.mark.parametrize(
    ("text", "email"),
    [
        (
            "you can email me at gareth price seventy at valleymail dot com thanks",
            "gareth price seventy at valleymail dot com",
        ),
        (
            "my email is h lloyd at fastpost dot co dot uk if easier",
            "h lloyd at fastpost dot co dot uk",
        ),
        (
            "HANDLER: email? CALLER: K JONES 5 5 AT TESTMAIL DOT COM",
            "JONES 5 5 AT TESTMAIL DOT COM",
        ),
        (
            "email address: priya dot k underscore m at inbox dot org",
            "priya dot k underscore m at inbox dot org",
        ),
        ("write to rowan.b(at)carers.example please", "rowan.b(at)carers.example"),
    ],
)
def test_an_email_said_aloud_is_an_email(text, email):
    assert covering_label(text, email) == "EMAIL"


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("contact me on dazza77hotmail no @ sorry", "dazza77hotmail"),
        ("its kelly.1990 gmail if you need me", "kelly.1990 gmail"),
    ],
)
def test_an_email_typed_without_its_at_sign_is_an_email(text, email):
    assert covering_label(text, email) == "EMAIL"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I emailed them at work about it twice, no answer.", "work"),
        ("Please email me back about it as soon as you can.", "back"),
        ("We looked at the leaflet dot by dot with the nurse.", "leaflet"),
        ("I set up my gmail on the new phone.", "gmail"),
        ("She checks her hotmail account daily.", "hotmail"),
    ],
)
def test_ordinary_sentences_with_at_and_dot_are_no_email(text, value):
    assert covering_label(text, value) != "EMAIL"


# References read out: spelt letters, then figures in words; or capitals and single figures.


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        (
            "They gave me a number, R-E-F, three one dash oh four two two.",
            "R-E-F, three one dash oh four two two",
        ),
        (
            "It's on his card: T-H, double four, seven, one, nine.",
            "T-H, double four, seven, one, nine",
        ),
        ("Waiting list number HX 4 0 7 7 2 1 for the flat.", "HX 4 0 7 7 2 1"),
    ],
)
def test_a_reference_read_out_is_an_other_id(text, ref):
    assert covering_label(text, ref) == "OTHER_ID"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She got an A-B grade, two four one.", "A-B"),
        ("I take 2 4 6 tablets over the week, A 1 2 3 4 5 in the list.", "A 1 2 3 4 5"),
        ("The B-G team met on the twenty second of July.", "B-G"),
    ],
)
def test_letters_without_a_read_out_number_are_no_reference(text, value):
    assert covering_label(text, value) != "OTHER_ID"


def test_an_interpreters_number_and_a_short_ref_after_you_gave_me():
    text = "[interpreter number 58123] The ref you gave me was KT 4410 last week."
    assert covering_label(text, "58123") == "OTHER_ID"
    assert covering_label(text, "KT 4410") == "OTHER_ID"


# Dates of birth read as figures or ordinals after the cue.


@pytest.mark.parametrize(
    ("text", "dob"),
    [
        ("DOB: 1 4 0 3 1 9 5 8 (read as digits)", "1 4 0 3 1 9 5 8"),
        ("his date of birth is twenty oh six sixty one", "twenty oh six sixty one"),
        ("her date of birth is the 3rd of the 11th 47 and", "3rd of the 11th 47"),
    ],
)
def test_a_date_of_birth_read_as_figures_is_a_date_of_birth(text, dob):
    assert covering_label(text, dob) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Date of birth: four two one one (the last four of the card)", "four two one one"),
        ("DOB 3 4 5 6 7 8 9 0 is not a date", "3 4 5 6 7 8 9 0"),
        (
            "She takes two tablets three times a day, forty minutes apart.",
            "two tablets three times",
        ),
    ],
)
def test_figures_that_make_no_date_are_no_date_of_birth(text, value):
    assert covering_label(text, value) != "DATE_OF_BIRTH"


# An NHS number in words (by its check digit); a CHI by its first figure is an OTHER_ID.


def test_an_nhs_number_read_out_in_words():
    text = (
        "Reading it off the letter: nine, nine, nine. Four, two, four. Nine, seven, three, eight."
    )
    assert covering_label(text, "nine, nine, nine. Four, two, four. Nine, seven, three, eight") == (
        "NHS_NUMBER"
    )


def test_ten_figures_in_words_failing_the_check_are_no_nhs_number():
    text = "count with me: nine nine nine four two four nine seven three three, done"
    assert covering_label(text, "nine nine nine four two four nine seven three three") != (
        "NHS_NUMBER"
    )


# Phones: a run said twice or cut off and said again, figures typed one by one, homophones.


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        (
            "ring me on 0114 four nine six 0114 496 0 seven seven one ta",
            "0114 496 0 seven seven one",
        ),
        ("number is 07700 900 double 8 1 07700 900881 thanks", "07700 900 double 8 1"),
        ("text 0 7 7 0 0 9 0 0 3 2 1 anytime", "0 7 7 0 0 9 0 0 3 2 1"),
        ("call me on oh 7700 nine hundred to six won please", "oh 7700 nine hundred to six won"),
    ],
)
def test_phones_said_in_awkward_ways_are_phones(text, phone):
    assert covering_label(text, phone) == "PHONE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I went oh one to four for the first time in years", "one to four"),
        ("We counted 1 2 3 4 5 6 7 8 9 10 out loud", "1 2 3 4 5 6 7 8 9 10"),
        ("She waited forty minutes, then two hours, then three days.", "forty minutes"),
        ("It was nineteen ninety eight when we moved.", "nineteen ninety eight"),
    ],
)
def test_counts_times_and_years_are_no_phone(text, value):
    assert not flagged(text, value)


# Pieces read back: of a phone, NHS number, postcode or NI number found in the same text.


@pytest.mark.parametrize(
    ("text", "piece", "label"),
    [
        (
            "Mobile 07700 900 317. A: Sorry, three one seven? B: Three one seven.",
            "Three one seven",
            "PHONE",
        ),
        (
            "Tel 0161 496 0552. Was that nine six oh, five five two?",
            "nine six oh, five five two",
            "PHONE",
        ),
        ("NHS 999 047 3828.. read back 999 047 38 ok", "999 047 38", "NHS_NUMBER"),
        ("It's M14 5 something. M14 5RT, yes.", "M14 5", "POSTCODE"),
        ("Postcode CF10 3AT. Sorry, C F ten? Yes.", "C F ten", "POSTCODE"),
        (
            "NI QQ 12 34 56 C (she said Q Q twelve, thirty-four, fifty-six, C)",
            "Q Q twelve, thirty-four, fifty-six, C",
            "NI_NUMBER",
        ),
    ],
)
def test_a_piece_of_an_identifier_found_is_read_back(text, piece, label):
    assert covering_label(text, piece) == label


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mobile 07700 900 317. She had three one-to-one sessions.", "three one"),
        ("Tel 0161 496 0552. We waited 496 days, then 552 more.", "496 days"),
        ("NHS 999 047 3828 and on 20.03 she went home.", "20.03"),
        ("Postcode M14 5RT. He drove the M1 for hours.", "the M1"),
    ],
)
def test_numbers_that_only_share_figures_are_no_read_back(text, value):
    assert not flagged(text, value)


# A postcode cut off, or typed a character at a time.


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("Postcode: LS9 7?? didn't catch the rest", "LS9 7"),
        ("we live in hull hu56 something cant remember", "hu56"),
        ("so that's G L 5 1 2 J F for the letter", "G L 5 1 2 J F"),
    ],
)
def test_a_postcode_cut_off_or_spaced_is_a_postcode(text, postcode):
    assert covering_label(text, postcode) == "POSTCODE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Take 2 5?? No, take 2 tablets.", "2 5"),
        ("Lines A B 1 2 3 are closed.", "A B 1 2 3"),
        ("She scored 10 9 8 7 6 in the rounds.", "10 9 8 7 6"),
    ],
)
def test_figures_and_letters_that_make_no_postcode_stay(text, value):
    assert not flagged(text, value)


# Names: spelt in part, said before their spelling, misheard then put right, own name in lower
# case after "my name is"; an age said twice.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Surname Okonjo, O-K-O-N-J-O. HANDLER: O-K-O... CALLER: yes.", "O-K-O"),
        ("it's bryony mc nab m c n a b thanks", "mc nab"),
        ("hello this is jess am ann sorry Jessamyn Hart calling", "jess am ann"),
        ("CALLER: hi my name is gordon mcilwraith i am ringing about my dad", "gordon mcilwraith"),
        ("Kamil Wóznicki, she spells W-Ó-Z-N-I-C-K-I slowly", "W-Ó-Z-N-I-C-K-I"),
    ],
)
def test_names_spelt_or_misheard_are_people(text, name):
    assert covering_label(text, name) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CALLER: my name is on the list but nobody rang", "on"),
        ("Use the A-B-C approach, she said.", "A-B-C"),
        ("The G-P-S signal was lost near Olga's house.", "G-P-S"),
        ("he went to the shop no sorry the chemist", "the shop"),
    ],
)
def test_words_near_name_cues_that_are_no_names_stay(text, value):
    assert covering_label(text, value) != "PERSON"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("INT: How old? She says he is nine. Nine years.", "Nine"),
        ("and mum is eighty 80 next week so", "80"),
    ],
)
def test_an_age_said_twice_is_an_age_both_times(text, age):
    assert covering_label(text, age) == "AGE"


def test_a_number_after_an_age_that_goes_on_is_no_age():
    text = "He is nine, nine of us went to the beach."
    assert covering_label(text, "nine", nth=1) != "AGE"


# Wards said as a letter and a number in words; bare reserved web addresses.


def test_a_ward_letter_and_number_in_words_is_a_care_setting():
    text = "he was on ward k fourteen for a week"
    assert covering_label(text, "ward k fourteen") == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    ["on the ward a two hour wait", "the ward c two times a day they came", "ward I twelve"],
)
def test_ward_words_that_are_no_ward_code_stay(text):
    assert not any(f.label == "CARE_SETTING" for f in detect(text))


def test_a_bare_address_on_a_reserved_domain_is_a_url():
    text = "Chat opened from carersline.example/webchat at 19:04"
    assert covering_label(text, "carersline.example/webchat") == "URL"


# Who took the call, in a log's field; an age in words answering after a name; a date of birth
# right after an age whose year fits it.


def test_the_call_taker_in_a_log_field_is_a_person():
    text = "Date: 04/05   Time: 14:10   Call taker: Oluwatobi\nCaller: son of patient"
    assert covering_label(text, "Oluwatobi") == "PERSON"


@pytest.mark.parametrize(
    "text",
    ["HANDLER: Sorry\nCALLER: it's fine", "LISTENER: Okay, go on.", "Handler: Can you hold?"],
)
def test_a_handlers_first_word_of_speech_is_no_name(text):
    assert not any(f.label == "PERSON" for f in detect(text))


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("INT: Who is the patient? P: My son. Tomasz. Twelve.", "Twelve"),
        ("INT: Her name? P: Grace Mensah, seventy-three years.", "seventy-three"),
    ],
)
def test_an_age_in_words_after_a_name_is_an_age(text, age):
    assert covering_label(text, age) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I saw Tomasz. Two days later he rang.", "Two"),
        ("Spell it? O-W-E-N. Four, Glyn Road.", "Four"),
    ],
)
def test_a_number_after_a_name_that_goes_on_is_no_age(text, value):
    assert covering_label(text, value) != "AGE"


def test_a_date_right_after_an_age_whose_year_fits_is_a_date_of_birth():
    text = "mum is 79, 14/6/46, lives alone"
    assert covering_label(text, "14/6/46") == "DATE_OF_BIRTH"


def test_a_date_after_an_age_whose_year_does_not_fit_is_an_event():
    text = "she was 40, 3/4/2019 was when it happened"
    assert covering_label(text, "3/4/2019") != "DATE_OF_BIRTH"


# A date of birth said as three numbers; a postcode in the NATO alphabet.


@pytest.mark.parametrize(
    ("text", "dob"),
    [
        ("d.o.b. twenty, six, fifty-one and she lives alone", "twenty, six, fifty-one"),
        ("DOB: 9 / 10 / nineteen sixty-two", "9 / 10 / nineteen sixty-two"),
    ],
)
def test_a_date_of_birth_as_three_numbers_is_a_date_of_birth(text, dob):
    assert covering_label(text, dob) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOB 1, 2, 3 tablets a day", "1, 2, 3"),
        ("born, twelve, fourteen, sixty", "twelve, fourteen, sixty"),
    ],
)
def test_three_numbers_that_make_no_date_are_no_date_of_birth(text, value):
    assert covering_label(text, value) != "DATE_OF_BIRTH"


def test_a_postcode_in_the_nato_alphabet_is_a_postcode():
    text = "it's lima sierra six, two alpha bravo for the taxi"
    assert covering_label(text, "lima sierra six, two alpha bravo") == "POSTCODE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Charlie two and Victor went to the shop", "Charlie"),
        ("Team alpha bravo won six two", "alpha bravo"),
    ],
)
def test_nato_words_that_make_no_postcode_stay(text, value):
    assert covering_label(text, value) != "POSTCODE"
