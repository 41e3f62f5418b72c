"""Kinds built in the eightieth round (issue 20), from the retired sets v110 and v111 and the
development sets that share each kind.

- An urgent care centre named by its place and what it is ("Dewsbury OOH base", "Harehills
  walk-in", "ely miu", "Whitstable minor injuries").
- A local phone number given without its area code after words only a phone takes ("ring us
  back on 9649 6547", "TEL 9649 6010").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.place_named_urgent_care import place_named_urgent_care
from nlp.identifiers.numbers.phone_numbers import phones


def _centres(text: str) -> list[str]:
    return [text[f.start : f.end] for f in place_named_urgent_care(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The GP told us to bring her to Huddersfield OOH base at ten.", "Huddersfield OOH base"),
        ("the Rotherham out-of-hours centre rang back", "Rotherham out-of-hours centre"),
        ("We sat in Harehills walk-in for three hours with our lad.", "Harehills walk-in"),
        ("waited 4 hrs at bootle walk in wiv my daughter", "bootle walk in"),
        ("Went to Whitby minor injuries with a cut hand.", "Whitby minor injuries"),
        ("took him to Barnsley urgent treatment centre", "Barnsley urgent treatment centre"),
        ("got an appt at Leicester dental access centre at 9pm", "Leicester dental access centre"),
        ("went to buxton miu last night with my ankle", "buxton miu"),
        ("Seen at North Tyneside UTC in the evening.", "North Tyneside UTC"),
        ("Her results from Westwood urgent care centre", "Westwood urgent care centre"),
    ],
)
def test_urgent_care_centres_named_by_place_are_found(text: str, value: str) -> None:
    assert value in _centres(text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "Told to go to the walk-in centre, which was shut.",  # no place before it
        "The out-of-hours centre rang back at midnight.",
        "patients from Leeds walk in to the clinic without a booking",  # the verb
        "In Bradford walk in the park every day if you can.",
        "Thank you to Zainab UTC staff were kind",  # a first name, no place
        "Thanks Oluwaseun urgent care centre staff were kind",  # a first name, not a place
        "Forches walk-in was shut",  # a place no list holds, before "walk-in" alone
        "we need an urgent treatment centre in this town",
        "Saturday OOH base was busy",  # an English word, no place
        "Leeds utc was busy",  # initials in lower case where capitals mean something
        "Forches UTC was shut",  # a place no list holds, before initials only
    ],
)
def test_centres_without_a_place_stay(text: str) -> None:
    assert _centres(text) == []


def _phones(text: str) -> list[str]:
    return [text[f.start : f.end] for f in phones(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my new phone number is 9649 6514 save it", "9649 6514"),
        ("could you ring us back on 9649 6547 after two", "9649 6547"),
        ("NEXT OF KIN SON. TEL 9649 6010. KNOWN TO THE TEAM", "9649 6010"),
        ("Best contact is 9649 6887.", "9649 6887"),
        ("mobile: 496 0123 (evenings)", "496 0123"),
        ("just call 8812-4471 if he wanders", "8812-4471"),
    ],
)
def test_local_numbers_after_a_phone_cue_are_found(text: str, value: str) -> None:
    assert value in _phones(text)
    assert covering_label(text, value) == "PHONE"


@pytest.mark.parametrize(
    "text",
    [
        "bus pass number 3945 5278 on the form",  # a bare "number" is no phone's cue
        "ring 2019 2020 in the diary",  # two years
        "call the Samaritans on 116 123",  # a helpline's six figures
        "ring on 0800 1234",  # a trunk zero: the national rules' own
        "tel 1234 5678 9012 on the card",  # more figures follow
        "call 1234 5678/2 for the ward",  # a reference's shape
        "phone 1.5 1234 tablets",
    ],
)
def test_other_figures_after_a_cue_stay(text: str) -> None:
    assert _phones(text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
