"""Kinds built in the forty-eighth round (issue 20): only kinds that three or more development
sets, each by a different writer, share. Missed: a dental practice named for a smile ("Smile
Studio", "Sunny Smiles Dental", "Smile Lab" and its branch's town, "Moorside Smiles"), which
every set that names one marks as a care setting; and a setting's nickname glossed beside it
("St James's (he calls it Jimmy's)", "at the QEQM, the Queen Mother as we all call it"),
which the name rules took, in part, for a person.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are: the verb and the plural of
"smile", a word of how the writer reached the practice, "Smiles" far from any dental word, and
a quoted word in brackets that is no gloss of the setting.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged, labelled

from nlp.anonymise import ENGINE_VERSION

# --- a dental practice named for a smile ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We gave up waiting and went private at Smile Studio near the market.", "Smile Studio"),
        ("my lad had his check up at smile studio yesterday and it was fine", "smile studio"),
        (
            "WE PHONED HAPPY SMILES DENTAL TWICE BUT THE NHS LIST IS SHUT.",
            "HAPPY SMILES DENTAL",
        ),
        ("Her braces are from Smile Lab Swansea and they cost a fortune.", "Smile Lab Swansea"),
        ("Our dentist is Moorside Smiles and the hygienist there is great.", "Moorside Smiles"),
        ("Smile Right Dental on the corner took the whole family on.", "Smile Right Dental"),
        ("Harbour Smile Studio fitted her crown last week.", "Harbour Smile Studio"),
        ("tried smile clinic rochdale for the kids teeth but no luck", "smile clinic rochdale"),
        ("Luckily Smiles Dental Care had a cancellation that morning.", "Smiles Dental Care"),
    ],
)
def test_a_dental_practice_named_for_a_smile_is_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She smiles at the nurses every morning when they come round.", "smiles"),
        ("The dentist was so gentle that he managed a smile at last.", "smile"),
        ("bright smiles all round after the dentist gave them stickers", "smiles"),
        ("It made me smile, the only good thing this week.", "smile"),
    ],
)
def test_a_smile_itself_is_no_one(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We rang Smile Studio twice about the filling and heard nothing.", "rang"),
        ("So in the end we BOOKED SMILE LAB FOR THE BRACES ourselves.", "BOOKED"),
    ],
)
def test_how_the_writer_reached_the_practice_stays_outside_it(text, value):
    assert not flagged(text, value)


def test_capitalised_smiles_far_from_teeth_is_no_practice():
    text = "Hilltop Smiles was the name of the choir she sang in for years."
    assert "CARE_SETTING" not in labelled(text, "Hilltop Smiles")


# --- a setting's nickname glossed beside it ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was taken to St Bartholomew's (\"Barty's\") on the Friday and kept in.", "Barty's"),
        ("Dad goes to St James's (he calls it Jimmy's) for his bloods every month.", "Jimmy's"),
        (
            "Nan spent her last weeks at St Aidan's — \"Aidan's\" to all of us — and died there.",
            "Aidan's",
        ),
        ('My aunt lives at Rowan House care home ("the Rowie" as the staff say) now.', "Rowie"),
        (
            "Her hip was done in Margate at the QEQM, the Queen Mother as we all call it, in May.",
            "Queen Mother",
        ),
    ],
)
def test_a_settings_nickname_glossed_beside_it_is_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('We went to St Mary\'s ("Dad" was there already) at teatime.', "Dad"),
        ('Gran was at St Luke\'s ("Brilliant" she said later) for a week.', "Brilliant"),
    ],
)
def test_a_quoted_word_that_is_no_gloss_is_no_setting(text, value):
    assert "CARE_SETTING" not in labelled(text, value)


def test_the_engine_names_this_round():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
