"""Kinds built in the eighty-second round (issue 20), from the retired sets v114 and v115 and
the development sets that share each kind.

- A family's plot on a Gypsy or Traveller site by its number ("Pitch/plot: plot 16").
- A site named by its street, typed in lower case or capitals ("moved off pear tree lane site").
- A Datix incident number in figures alone ("Datix 570695"), and a bank's sort code.
- "The Herbert Protocol", the police's form for people with dementia, is no person.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.numbers.reference_numbers import other_ids
from nlp.identifiers.places.street_lines import addresses
from nlp.identifiers.places.worded_addresses import one_case_site_lines


def _addresses(text: str) -> list[str]:
    return [text[f.start : f.end] for f in addresses(text) if f.label == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Site visit. Family: Maggie Lee. Pitch/plot: plot 12. Baby due in May.", "plot 12"),
        ("She lives in a trailer on Plot 7 with her mam.", "Plot 7"),
        ("caravan site visit, PLOT 4A, two children seen", "PLOT 4A"),
    ],
)
def test_plots_on_a_site_are_addresses(text: str, value: str) -> None:
    assert value in _addresses(text)
    assert covering_label(text, value) == "ADDRESS"


@pytest.mark.parametrize(
    "text",
    [
        "He has had plot 32 at the allotments since 1990; the site floods.",  # an allotment
        "see plot 3 in the appendix for the trend",  # a graph, nothing of a site
        "the plot 2 results were discussed at the meeting",
    ],
)
def test_other_plots_stay(text: str) -> None:
    assert not any(v.lower().startswith("plot") for v in _addresses(text))


def _sites(text: str) -> list[str]:
    return [text[f.start : f.end] for f in one_case_site_lines(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we got moved off cherry tree lane site by the council", "cherry tree lane site"),
        ("hiya its kezia off the moss road site, mam needs her tablets", "moss road site"),
        ("FLU JABS AT HOLLY DROVE SITE ON THURSDAY", "HOLLY DROVE SITE"),
        ("Visit notes: BROOK FARM SITE, two families seen.", "BROOK FARM SITE"),
        ("nurse came to the brook lane travellers site today", "brook lane travellers site"),
    ],
)
def test_sites_in_one_case_are_found(text: str, value: str) -> None:
    assert value in _sites(text)
    assert covering_label(text, value) is not None


@pytest.mark.parametrize(
    "text",
    [
        "they are building flats on the ring road site",  # a road's plain name
        "the new road site is a car park now",
        "we stop on the lane site",  # no name of its own
        "Visit to Holly Drove site on Thursday",  # capitalised: the capitals rule's own
        "the bus depot on the main road site",
    ],
)
def test_other_sites_stay(text: str) -> None:
    assert _sites(text) == []


def _ids(text: str) -> list[str]:
    return [text[f.start : f.end] for f in other_ids(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("INCIDENT REPORT Datix 570211 Location: lounge", "570211"),
        ("Datix no. 44817 raised by the nurse in charge", "44817"),
        ("Re: Mary Jones, sort code 20-45-77, account 41234567", "20-45-77"),
        ("my sort code is 204577 and the account ends 4567", "204577"),
    ],
)
def test_datix_numbers_and_sort_codes_are_references(text: str, value: str) -> None:
    assert value in _ids(text)
    assert covering_label(text, value) == "OTHER_ID"


@pytest.mark.parametrize(
    "text",
    [
        "a datix was done at 2023 handover",  # no number, a year
        "Datix 12 forms were filled in",  # too few figures
        "sort code 20-45 is missing a pair",
        "sort code 20-45/77 on the form",  # not a sort code's shape
    ],
)
def test_other_figures_after_the_cues_stay(text: str) -> None:
    assert _ids(text) == []


def _people(text: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.label == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Herbert Protocol form updated and a copy sent to the police.",
        "i filled in the herbert protocol form for mum",
        "Has the Herbert Protocol been done for Dad?",
    ],
)
def test_a_protocol_named_after_someone_is_no_person(text: str) -> None:
    assert not any("erbert" in p for p in _people(text))


def test_a_person_before_the_word_protocol_stays() -> None:
    text = "Thank you Herbert, protocol says we wait for the doctor."
    assert covering_label(text, "Herbert") == "PERSON"


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
