"""Gates written by hand before slow rule patterns never hide a match: wherever a pattern
matches, its gate does too (each gate is a part every match of its pattern holds)."""

import pytest

from nlp.identifiers.care_settings import care_setting_kinds, hospital_units, named_providers
from nlp.identifiers.core.prefilter import GatedPattern
from nlp.identifiers.dates_and_ages import ages, community_dates, stated_ages
from nlp.identifiers.numbers import identifier_shapes
from nlp.identifiers.people import (
    community_names,
    minute_initials,
    name_shapes,
    names_in_other_scripts,
)
from nlp.identifiers.places import postcode_districts, street_lines, worded_addresses

# Patterns behind a hand-written gate of their own (`prefilter.gated`'s `behind`, twentieth
# speed session): the gate inside each, checked against the pattern without it.
BEHIND = [
    ages.AGES[8],
    ages.AGES[9],
    hospital_units.STAYED_ON_CODE,
    hospital_units.CODE_AMONG_WARDS,
    identifier_shapes.AGE_SHAPES[0],
    identifier_shapes.AGE_SHAPES[4],
    identifier_shapes.AGE_SHAPES[5],
    care_setting_kinds.QUOTED_NICKNAMES[0],
    community_names._CHILD_AGE,
    worded_addresses.WORDED_WELSH_LINE,
    name_shapes.INITIALLED_CAPS,
    minute_initials.AFTER_WHO,
    stated_ages.EVENT_AGE,
]

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
    *((gated.pattern_, gated.behind) for gated in BEHIND),
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
    # twentieth speed session: what each pattern behind a hand-written gate finds
    "my nan (91) came with Dora Pike ( eighty-two )",
    "moved from the assessment unit to C4, then she was on E6 a week",
    "She's 9 years.\nTommy is 2 yrs, and Ellie was twelve when she was referred",
    'it was her 90th birthday; the home was known as "Rosie\'s" to all',
    "my son tyrone he is 7 and",
    "twelve heol y parc, or seven ffordd yr orsaf",
    "YOURS D. HOLMES\nJ. MCDONALD rang",
    "the chair (JB) said; her carer was KT.",
    "she retired at sixty and he died at the age of 84",
    # look-alikes for them: nothing to find, the gate may pass or not
    "my son (aged) and the ward (C5) at 3 (three) o'clock",
    "I was on A1 and the B12 to C4 road",
    "a long way from London, the nicknamed one",
    "he was 12 weeks late, her 3rd is due",
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


@pytest.mark.parametrize("gated", BEHIND)
def test_a_pattern_behind_a_hand_gate_finds_what_it_found_without_one(gated):
    assert isinstance(gated, GatedPattern) and gated.behind is not None
    for text in TEXTS:
        found = [m.span() for m in gated.finditer(text)]
        assert found == [m.span() for m in gated.pattern_.finditer(text)]
        first = gated.search(text)
        assert (first and first.span()) == (found[0] if found else None)


def test_each_pattern_behind_a_hand_gate_is_met_by_an_example():
    assert all(any(gated.pattern_.search(text) for text in TEXTS) for gated in BEHIND)
