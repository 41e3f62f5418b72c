"""Gates written by hand before slow rule patterns never hide a match: wherever a pattern
matches, its gate does too (each gate is a part every match of its pattern holds)."""

import pytest

from nlp.identifiers.care_settings import named_providers
from nlp.identifiers.dates_and_ages import community_dates
from nlp.identifiers.people import names_in_other_scripts
from nlp.identifiers.places import postcode_districts, street_lines

GATES = [
    (street_lines.ADDRESS_CHAIN, street_lines.SPACE_THEN_STREET),
    (street_lines.BUILDING_ON_STREET, street_lines.SPACE_THEN_STREET),
    (street_lines.BUILDING_ON_STREET, street_lines.SPACE_ON_STREET),
    (street_lines.HOUSE_NUMBER_ONLY, street_lines.AT_NUMBER),
    (street_lines.WELSH_STREET_LINE, street_lines.WELSH_STREET_WORD),
    (street_lines.WELSH_NAMED_PLACE, street_lines.WELSH_ARTICLE),
    (postcode_districts.PLACE_THEN_CODE, postcode_districts.BRACKETED_CODE),
    # round 40
    (named_providers.PRIMARY_CARE, named_providers.PRIMARY_GATE),
    (named_providers.LOWER_HOME, named_providers.HOME_GATE),
    (names_in_other_scripts.CUED_NAME, names_in_other_scripts.CUE_GATE),
    (community_dates.SHORT_CUED_DATE, community_dates.SHORT_GATE),
]

TEXTS = [
    "Send it to Rose Cottage, Mill Lane please.",
    "Flat 11, Harbour View, 2 Marine Parade",
    "Ty Gwyn, Heol y Felin",
    "The Old Bakery on Quay Street was shut.",
    "Rose Cottage\ton\n Briggate",
    "the key is at no. 14 and she lives at Number 7",
    "I'm FROM\tnumber nine",
    "Lives: Gateshead (NE8), and Cookridge ( LS16 )",
    "Kimberworth Park (S61)",
    "12 Cilgant y Bryn, and Rhodfa'r Môr, 4b,\tGallowgate",
    "Pen y Bryn, 2 Tan  yr Aur, Chy an Mor",
    # look-alikes: nothing to find, the gate may pass or not
    "we went on the bus to the park",
    "at no point did he call",
    "vitamin (B12) and ward (C5)",
    "Seen at Leaf Street\tPrimary  Care today",
    "mum is in the oaks\tnursing\thome now",
    "درباره پدرم، آقای\tعلی کریمی است",
    "Mama UR. 03.04.1950 i ur. 1.2.1960",
]


@pytest.mark.parametrize("pattern, gate", GATES)
@pytest.mark.parametrize("text", TEXTS)
def test_a_gate_matches_wherever_its_pattern_does(pattern, gate, text):
    if pattern.search(text) is not None:
        assert gate.search(text) is not None


def test_the_gated_rules_still_find_their_examples():
    found = {text[f.start : f.end] for text in TEXTS for f in street_lines.addresses(text)}
    assert {"Rose Cottage, Mill Lane", "The Old Bakery", "Quay Street", "no. 14"} <= found
    assert {"12 Cilgant y Bryn", "4b,\tGallowgate", "Pen y Bryn", "Chy an Mor"} <= found
    districts = {
        text[f.start : f.end] for text in TEXTS for f in postcode_districts.postcode_districts(text)
    }
    assert {"NE8", "S61"} <= districts
