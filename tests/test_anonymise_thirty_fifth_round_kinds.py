"""Kinds found general in the thirty-fifth round (issue 20), for recall, from the misses of the
development sets v37 (spoken and hurried words) and v39 (paperwork inside stories): care
settings named in a stretch typed in lower case, a name field's value in capitals, a chart's
signature cells and a log's "first name and initial", a contact line in lower case, references
after a device's, a licence's or a request's label, and a phone's extension.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

# Care settings in a stretch typed in lower case inside a text with capitals.


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        (
            "[14:02] Agent: How can I help?\n[14:03] Customer: my dad has his appt at "
            "tennyfield lodge on friday for his hip",
            "tennyfield lodge",
        ),
        (
            "Message from Jo (typed): she was at leicester royal infirmary clinic last week "
            "and the nurse lost the letter",
            "leicester royal infirmary",
        ),
        (
            "Callback note. son says his mum goes to the carrowmore centre for her memory "
            "clinic every monday",
            "carrowmore centre",
        ),
        (
            "Hi Sam. i havent had a check up since i left from queen street dental and my "
            "tooth is killing me. Ta",
            "queen street dental",
        ),
        (
            "Lesley: thanks. our gp is beech house and they wont give me an appointment\n"
            "Adviser: OK",
            "beech house",
        ),
    ],
)
def test_a_setting_typed_in_lower_case_is_found(text, setting):
    assert covered(text, setting)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Dear Sir, i was at my house when the nurse came and then went to the health "
            "centre for my bloods.",
            "my house",
        ),
        (
            "Dear Sir, the kids were at the leisure centre while mum had her scan at the hospital.",
            "leisure centre",
        ),
        (
            "Note. after the scan we went to the lodge at the golf club for a drink with the nurse",
            "lodge",
        ),
        (
            "Hi. our gp is very kind and the practice is in a big old house by the park.",
            "big old house",
        ),
    ],
)
def test_everyday_buildings_in_lower_case_stay(text, words):
    assert covering_label(text, words) != "CARE_SETTING"


# A name field's value in capitals.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PATIENT DETAILS\nSurname: OKONKWO-BELL      Forename: Adaeze\nSex: F", "OKONKWO-BELL"),
        ("Family name: DRUMMOND\nGiven names: Euan Iain\nDOB: 02/03/1951", "DRUMMOND"),
    ],
)
def test_a_name_field_value_is_a_person(text, name):
    assert covering_label(text, name) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Surname: SAME AS ABOVE\nForename: N/A",
        "Surname: Unknown\nAddress: no fixed abode",
    ],
)
def test_a_name_field_with_no_name_stays(text):
    assert not flagged(text, text.split(": ")[1].split("\n")[0])


# A chart's signature cells under dates, and a log's first name and initial.

CHART = (
    "MEDICINES RECORD   Page 1\n"
    "| Medicine              | Time  | 11/09 | 12/09 | 13/09 |\n"
    "|-----------------------|-------|-------|-------|-------|\n"
    "| Memantine 10mg        | 09:00 | MJ    | HB    | MJ    |\n"
    "| Paracetamol 1g PRN    | —     | 16:20 HB | X     | 12:05 GP |\n"
    "Key: X = not given   H = hospital\n\n"
    "I asked who HB was and nobody knew."
)


@pytest.mark.parametrize("initials", ["MJ", "HB"])
def test_chart_signature_initials_are_people(initials):
    assert covering_label(CHART, initials) == "PERSON"


def test_a_charts_key_code_and_a_role_stay():
    start = CHART.index("| X ")
    assert not flagged(CHART[start:], "X")
    assert not flagged(CHART, "GP")


def test_initials_in_a_table_without_dates_stay():
    text = "| Test | Result |\n| FBC  | NAD    |\n| CRP  | 12     |\n| U&E  | OK     |"
    assert not flagged(text, "NAD")


LOG = (
    "Day   Visit   Carer          In     Out\n"
    "Tue   AM      Oluwaseun T    08:02  08:20\n"
    "Tue   PM      Marzena K      17:40  17:51\n"
    "Wed   AM      Vitamin D      08:10  08:15\n"
)


@pytest.mark.parametrize("carer", ["Oluwaseun T", "Marzena K"])
def test_a_carer_by_first_name_and_initial_in_a_log(carer):
    assert covered(LOG, carer)


def test_an_everyday_word_and_a_letter_in_a_log_stays():
    assert not flagged(LOG, "Vitamin D")


# A contact line typed in lower case at a message's end.


def test_a_lower_case_name_beside_the_closing_phone():
    text = "They never rang me back about it.\n\nmartin gorringe – 07700900417"
    assert covered(text, "martin gorringe")


@pytest.mark.parametrize(
    "text",
    [
        "They never rang me back.\n\ncall me – 07700900417",
        "They never rang me back.\n\nmark urgent - 07700900417",
        "They never rang me back.\n\nmum - 07700900417",
    ],
)
def test_everyday_words_beside_a_phone_stay(text):
    words = text.split("\n\n")[1].split(" ")[0]
    assert not flagged(text, words)


# References after a device's, a licence's or a request's label.


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Hearing aid returned.\nModel: RIC (L)   Serial 3318Q20917\nThanks", "3318Q20917"),
        ("Licence details\nDriver number: WALSH604127AB3CD\n12 Elm Rise", "WALSH604127AB3CD"),
        ("Your Request ID: 4TR-9QK-LX2   Please keep it safe.", "4TR-9QK-LX2"),
    ],
)
def test_a_reference_after_its_label_is_found(text, ref):
    assert covering_label(text, ref) == "OTHER_ID"


@pytest.mark.parametrize(
    "text",
    [
        "He watched a serial drama at 9 every night.",
        "We took the number 4 bus, in order 2 get there.",
    ],
)
def test_a_label_word_in_a_sentence_stays(text):
    assert not any(c.isdigit() for c in _flagged_text(text))


def _flagged_text(text: str) -> str:
    from nlp.anonymise import detect

    return "".join(text[f.start : f.end] for f in detect(text) if f.label == "OTHER_ID")


# A phone's extension.


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Booking office: 01632 960118 ext. 24 (mornings)", "01632 960118 ext. 24"),
        ("Ring the ward on 0113 496 0721 x4417 after ten.", "0113 496 0721 x4417"),
        ("Call 0161 496 0552 (extension 310) and ask.", "0161 496 0552 (extension 310"),
    ],
)
def test_an_extension_goes_with_its_phone(text, phone):
    assert covered(text, phone)


def test_a_count_after_a_phone_stays_out():
    text = "Pharmacy 0161 496 0552 x 2 boxes please"
    assert not flagged(text, "2 boxes")


# A date of birth answered in the next turn of a transcript, after its time stamp and speaker.


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "[11:20] Agent: Thanks. And his date of birth?\n[11:21] Caller: 2nd march 1948 . "
            "he is 77",
            "2nd march 1948",
        ),
        (
            "[00:01:10] Nurse: Her date of birth, for the form?\n[00:01:14] INTERPRETER: Tenth "
            "of June, nineteen sixty two. She is sixty.",
            "Tenth of June, nineteen sixty two",
        ),
    ],
)
def test_a_birth_date_answered_in_the_next_turn(text, date):
    assert covering_label(text, date) == "DATE_OF_BIRTH"


def test_another_date_in_the_next_turn_stays():
    text = (
        "[10:02] Agent: What is your date of birth?\n[10:03] Caller: I need to check my "
        "appointment on 2nd march 2025"
    )
    assert covering_label(text, "2nd march 2025") != "DATE_OF_BIRTH"


# A ward's number said in words.


@pytest.mark.parametrize(
    ("text", "ward"),
    [
        ("my brother's been on ward two one four since friday", "ward two one four"),
        ("Caller: she's up on Ward Thirty Six now, the stroke one", "Ward Thirty Six"),
    ],
)
def test_a_ward_number_in_words_is_a_setting(text, ward):
    assert covering_label(text, ward) == "CARE_SETTING"


def test_a_count_after_the_ward_stays():
    text = "the ward one night was so loud nobody slept"
    assert not flagged(text, "one night")


# A hospital called by its compass word alone, with care near.


@pytest.mark.parametrize(
    "text",
    [
        "Note: asked whether the Eastern still does blood tests without an appointment.",
        "They took her to the Southern in the ambulance and she was admitted overnight.",
    ],
)
def test_a_hospital_by_its_compass_word(text):
    word = next(w for w in ("Eastern", "Southern") if w in text)
    assert covering_label(text, word) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "In the Western world, hospital waiting lists keep growing.",
        "We watched the Northern lights the night before her scan.",
        "The Eastern side of the town has no clinic at all.",
    ],
)
def test_a_compass_word_with_a_noun_after_it_stays(text):
    word = next(w for w in ("Western", "Northern", "Eastern") if w in text)
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'She said "we go to the gurdwara every day, it is our medicine" at the clinic.',
            "gurdwara",
        ),
        ("Note. she needs a map to get to the antenatal clinic for her scan", "antenatal clinic"),
        ("Hi. he was seen in the rheumatology clinic by the nurse last week", "rheumatology"),
    ],
)
def test_a_place_of_worship_or_a_specialty_in_lower_case_stays(text, words):
    assert covering_label(text, words) != "CARE_SETTING"
