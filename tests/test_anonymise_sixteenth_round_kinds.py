"""Kinds found general in round 36 (issue 20), the sixteenth session's round, from the misses of
the development set v40 (words spoken before they were written): characters read out with
helpers (NI numbers, hospital numbers, postcodes), e-mails said with "at" and "dot" and their
local part said again, names spelt with remarks between the letters, hospitals called by a
pair of initials, and speakers a transcript's key names by a role's code.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

# Characters read out with helpers.


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "He wanted my insurance number too, so it's T R, twelve, thirty-four, fifty-six, A.",
            "T R, twelve, thirty-four, fifty-six, A",
            "NI_NUMBER",
        ),
        (
            "Her national insurance, she knows it by heart: tango romeo, four two, one oh, six "
            "six, delta, and then she hung up.",
            "tango romeo, four two, one oh, six six, delta",
            "NI_NUMBER",
        ),
        (
            "The hospital number on the card is K as in kilo 5 5 2 0 9 1 3 if that is any use.",
            "K as in kilo 5 5 2 0 9 1 3",
            "OTHER_ID",
        ),
        (
            "You'll want his hospital number, R, then three, one, oh, eight, eight, two.",
            "R, then three, one, oh, eight, eight, two",
            "OTHER_ID",
        ),
        (
            "the number on the letter is p q x 0 0 3 1 8 8 4 if you need it for the complaint",
            "p q x 0 0 3 1 8 8 4",
            "OTHER_ID",
        ),
        (
            "We're at 4 Mill Lane, C A eleven, nine, R for Robert, Z, if the nurse needs it.",
            "C A eleven, nine, R for Robert, Z",
            "POSTCODE",
        ),
        (
            "Postcode she gave as N E forty-six, three, T for tango, W for whisky, near the park.",
            "N E forty-six, three, T for tango, W for whisky",
            "POSTCODE",
        ),
        ("Flat 2, 9 Holm Road, LS6 3 double R. Thanks so much.", "LS6 3 double R", "POSTCODE"),
    ],
)
def test_characters_read_out_with_helpers_are_found(text, value, label):
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was in room B for a bit, then bay 4 by the window.", "B for a bit"),
        ("The chemist had a two for one on plasters so I got four.", "two for one"),
        ("Press 2 for the pharmacy, then 1 for repeat prescriptions.", "2 for the pharmacy"),
        ("Her hospital number at the new place is on the letter, I'll find it.", "on the letter"),
        ("He put double A batteries in the hearing aid, then went to bed.", "double A"),
    ],
)
def test_helpers_without_an_identifier_stay(text, value):
    assert not flagged(text, value)


# E-mails said with "at" and "dot", and their local part said again.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "you can email her on p marsden dot w k at gmail dot com if easier",
            "p marsden dot w k at gmail dot com",
        ),
        (
            "Write in to the show — news at fairfield voices dot org dot uk — any time.",
            "news at fairfield voices dot org dot uk",
        ),
        (
            "Caller: yeah it's d o y l e dash r o s, seven two, at yahoo dot co dot uk.",
            "d o y l e dash r o s, seven two, at yahoo dot co dot uk",
        ),
        (
            "PHONE SAYS: Tamsin dot greer dot O T at G mail dot com. ME: it never gets it right.",
            "Tamsin dot greer dot O T at G mail dot com",
        ),
    ],
)
def test_an_email_said_aloud_is_found(text, value):
    assert covering_label(text, value) == "EMAIL"


def test_an_email_local_part_said_again_is_found():
    text = (
        "Caller: it's d o y l e dash r o s, seven two, at yahoo dot co dot uk.\n"
        "Handler: thanks.\nCaller: no dash in it. doyleros72, all one word."
    )
    assert covering_label(text, "doyleros72") == "EMAIL"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The talk is at the library dot dot dot, some time in May.", "library"),
        ("We met at the cafe dot com launch last year.", "cafe"),
        ("Meet me at seven, dot on time, by the chemist.", "seven"),
    ],
)
def test_at_and_dot_without_an_address_stay(text, value):
    assert covering_label(text, value) != "EMAIL"


# Names spelt with remarks between the letters.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her name is spelt R, O, I, S, I, N, dash, M, A, Y.", "R, O, I, S, I, N, dash, M, A, Y"),
        ("He spelt it for me: K-O-W-A-L-S-K-I with a dot, E.", "K-O-W-A-L-S-K-I with a dot, E"),
        (
            "She spells it T, then A with an accent, the line on top, M, A, S. Thanks.",
            "T, then A with an accent, the line on top, M, A, S",
        ),
    ],
)
def test_a_name_spelt_with_remarks_is_one_name(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tick A, B, C or D for how the visit went.", "A, B, C"),
        ("Plan: bloods on ward X, then H for handover.", "X, then H"),
    ],
)
def test_letters_that_spell_no_name_stay(text, value):
    assert covering_label(text, value) != "PERSON"


# Hospitals called by a pair of initials.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They took him into the N and N with his chest on Sunday night.", "N and N"),
        ("She has been back to the L and D twice with her breathing.", "L and D"),
        ("He was seen at the RD and E for his heart last spring.", "RD and E"),
    ],
)
def test_a_hospital_by_initial_pairs_is_found(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I went to A and E at the weekend with my wrist.", "A and E"),
        ("We stayed at the B and B near the hospital for two nights.", "B and B"),
        ("Afterwards we went to the M and S cafe for a tea.", "M and S"),
    ],
)
def test_pairs_that_are_no_hospital_stay(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


# Speakers a transcript's key names by a role's code, and the call's own role words.


def test_keyed_role_codes_are_no_people():
    text = (
        "Call notes. CH = call handler, C = caller, D = daughter.\n"
        "CH: Can I take your name?\nC: Mary Lowe.\nCH: Thank you.\nD: She means her mum.\n"
        "C: Aye."
    )
    for code in ("CH", "D"):
        assert not flagged(text, f"{code}:")
    assert covered(text, "Mary Lowe")


def test_initials_keyed_to_a_name_stay_people():
    text = (
        "Group chat, KZ = Kasia, RB = Rob.\nKZ: anyone been to the drop-in?\nRB: not yet\n"
        "KZ: ok\nRB: will go thurs"
    )
    assert flagged(text, "KZ:")


def test_a_call_handler_named_by_role_is_no_person():
    text = "Handler asked for the spelling twice. Handler read back the number and Joan agreed."
    assert not flagged(text, "Handler")
    assert covered(text, "Joan")


def test_a_list_of_four_letters_with_no_word_of_spelling_stays():
    text = "Then pick the survival cards, the Plan K, H, Y, and C cards, and carry on."
    assert covering_label(text, "K, H, Y") != "PERSON"


@pytest.mark.parametrize(
    ("text", "value", "outside"),
    [
        (
            "Anna Price, annaprice at yahoo dot co dot uk, rang twice.",
            "annaprice at yahoo",
            "Price, annaprice",
        ),
        (
            "its tom tom dot rees at hotmail dot co dot uk thanks",
            "tom dot rees at hotmail",
            "tom tom dot",
        ),
    ],
)
def test_a_spoken_email_takes_no_name_before_a_comma_nor_a_restart(text, value, outside):
    assert covering_label(text, value) == "EMAIL"
    assert covering_label(text, outside) != "EMAIL"


# Misheard words before an editor's gloss.


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "Voicemail (auto): hi its me calling from rid rooth [ed: Redruth] about my dad",
            "rid rooth",
            "LOCATION",
        ),
        (
            "Transcript: hes on ward for teen {vol: ward 14} since monday and nobody rang",
            "ward for teen",
            "CARE_SETTING",
        ),
        (
            "Auto text: we live at nine teen mill lane {vol: 19 Mill Lane} by the shop",
            "nine teen mill lane",
            "ADDRESS",
        ),
    ],
)
def test_misheard_words_before_a_gloss_take_its_label(text, value, label):
    assert covering_label(text, value) == label


def test_a_gloss_with_no_identifier_mirrors_nothing():
    text = "Auto text: and then the nurse said sorry [ed: inaudible] and left {vol: laughs}"
    assert not flagged(text, "said sorry")
    assert not flagged(text, "and left")


# Ages said in conversation.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("MUM: And how old are you?\nBOY: Six. Six and a half.\nMUM: He was poorly.", "Six"),
        ("Interviewer: How old was she then?\nDaughter: Oh, about twelve, I think.", "twelve"),
        ("Him? He's three going on thirty, that one.", "three"),
        ("I left school that summer. Sixteen I was. Sixteen!", "Sixteen"),
        ("When I was a girl, I'd have been about eight, we moved to the farm.", "eight"),
        ("Kayleigh and baby Rose (six weeks): the midwives were lovely.", "six weeks"),
    ],
)
def test_an_age_said_in_conversation_is_found(text, value):
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("How old is the building? About forty years, the porter said.", "forty"),
        ("How many tablets? Two. Two in the morning.", "Two"),
        ("We'd have been about twenty minutes late. Two I was sure of.", "Two"),
        ("It would have been about ten, the ambulance came at ten.", "ten"),
    ],
)
def test_numbers_in_conversation_that_are_no_age_stay(text, value):
    assert covering_label(text, value) != "AGE"


# Dates of birth said as an answer, year first, or as a feast.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CH: And his date of birth?\nC: Four, nine, fifty-two. Wait.", "Four, nine, fifty-two"),
        (
            "I was born there, nineteen twenty-nine, the fourth of June, in the front room.",
            "nineteen twenty-nine, the fourth of June",
        ),
        ("She was born on Christmas Day, so we always had two cakes.", "Christmas Day"),
    ],
)
def test_a_date_of_birth_said_in_conversation_is_found(text, value):
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dad rang me on Christmas Day to say he was poorly.", "Christmas Day"),
        ("Q: date of birth?\nA: I'll check, two secs, it's on the card.", "two secs"),
        ("Q: date of birth?\nA: 3, 4, 5 pm no sorry that's the appointment", "3, 4, 5"),
    ],
)
def test_dates_that_are_no_birth_stay(text, value):
    assert covering_label(text, value) != "DATE_OF_BIRTH"


# Phones finished aloud, or cut by a bad line.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my number is 07700 900, 3, 1, 6 if you need it", "07700 900, 3, 1, 6"),
        ("ring me on 07700900 six 12 cheers", "07700900 six 12"),
        ("the number on the sheet, 0113 496 0 to 8 1, didn't work", "0113 496 0 to 8 1"),
        ("call 0161 496 0... [inaudible] ...three one two. Thanks.", "0161 496 0"),
        ("call 0161 496 0... [inaudible] ...three one two. Thanks.", "three one two"),
    ],
)
def test_a_phone_finished_aloud_or_cut_is_found(text, value):
    assert covering_label(text, value) == "PHONE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It cost 0113 for two of them at the market.", "for two"),
        ("Ring 0800 111 for advice, then press 2.", "for advice"),
        ("The appointment is 01/02 at 10 for two hours.", "10 for two"),
    ],
)
def test_numbers_near_a_phone_that_are_no_phone_stay(text, value):
    assert covering_label(text, value) != "PHONE"


# A hospital's nickname said beside its found name.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("After the fall they took her to General, the General Hospital, on Tuesday.", "General"),
        ("He was in the Freeman. The Palace, my sister calls it, the food is that good.", "Palace"),
    ],
)
def test_a_nickname_beside_a_found_setting_is_found(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On Monday, the City Hospital rang to move the appointment.", "Monday"),
        ("It's a big car, that one. The Beast, my son calls it.", "Beast"),
    ],
)
def test_a_nickname_with_no_setting_beside_it_stays(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


# A call worker's own number.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Relay assistant no. RA 4410 joined the call at ten.", "RA 4410"),
        ("I spoke to the operator, operator number 61723, who was kind.", "61723"),
    ],
)
def test_a_call_workers_number_is_found(text, value):
    assert covering_label(text, value) == "OTHER_ID"


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("The operator number is 0800 123 4567 if the line drops.", "0800 123 4567", "PHONE"),
        ("She was staff number one on the ward for years.", "one", None),
        ("The assistant number 2 in the queue was slow.", "2", None),
    ],
)
def test_numbers_after_a_workers_role_that_are_no_id_stay(text, value, label):
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("The wait before radiotherapy (seven weeks) felt like forever.", "seven weeks", "AGE"),
        ("Everybody calls it the Heath, the big hospital in town.", "Everybody", "CARE_SETTING"),
        ("His number is 01484 960 — no, sorry, 0113 496 0120.", "01484 960", "PHONE"),
        ("Q: when's her birthday?\n12/06/2024, 21:03 - Nadia: hi", "12/06/2024", "DATE_OF_BIRTH"),
    ],
)
def test_look_alikes_found_on_other_writers_sets_stay(text, value, label):
    # A wait in brackets, the people who call a hospital so, a number corrected at once and a
    # chat's time stamp after a question are none of the kinds above.
    assert covering_label(text, value) != label
