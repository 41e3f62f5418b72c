"""Kinds built in the fifty-fourth round (issue 20), from the retired sets v55 and v58.

- A reference after a system's initials and "number" or "no" ("Her CAD number was SG/22/1331",
  "HP no. HP 40219"), after "acct", and after whose system holds it ("patient number at your
  practice is ..."); a reference ending in a letter is no count of times ("51028834X").
- A date of birth after Welsh words between the cue and the date ("a'i dyddiad geni yw ...").
- An age after "since we were", "when they were".
- A family name made from a father's first name ("roberts", "williams") after a found lower-case
  first name; a house number before a Welsh name of the land where capitals mean nothing ("86
  BRYN TEG", "68 maes y coed").
- The place inside a regional NHS body's name ("NHS [Lanarkshire]"), as the rules mark a county
  anywhere else, and well-known city neighbourhoods the place lists lacked ("Govan", "Small
  Heath", "Mile End"), and Lurgan.
- Words that are no one: a claim's "Claimant", a form's "Addr:", "UTC" (an urgent treatment
  centre); and a town's name typed in lower case after a possessive or a determiner and a word
  is the thing ("her cardigan", "the blue cardigan"); a diary's date and its entry ("3 Jan. Rang
  the memory service") are no person.
- A place of two words typed without its apostrophe ("Kings Lynn"), a hospital's one-word name
  typed with one ("Bart's"), seven more hospitals' short names ("the RVH"), and the mental
  health hospitals and units the acute trusts' lists lacked ("been under hellesdon").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Her CAD number was SG/22/1331. Her son rang twice.", "SG/22/1331", "OTHER_ID"),
        ("Assessor: R. Sandhu, RGN, HP no. HP 40219", "HP 40219", "OTHER_ID"),
        ("council tax arrears £640 (acct 51028834X)", "51028834X", "OTHER_ID"),
        ("My patient number at your practice is SG/23/9667.", "SG/23/9667", "OTHER_ID"),
        ("a'i dyddiad geni yw 06/07/40. Mae hi'n byw ar ei phen ei hun.", "06/07/40", None),
        ("We'd been married since we were 23, and he still brings me tea.", "23", "AGE"),
        ("We met when they were 19 at the college in Bangor.", "19", "AGE"),
        ("Posted by a reader from Kings Lynn last week.", "Kings Lynn", "LOCATION"),
        ("Her neurologist at Bart's is very good.", "Bart's", "CARE_SETTING"),
        ("they took him to the rvh instead of the city hospital", "the rvh", "CARE_SETTING"),
        ("he's been under hellesdon before, twice", "hellesdon", "CARE_SETTING"),
        ("i don't want him in callington road again", "callington road", "CARE_SETTING"),
        ("my carers declan and chantelle roberts still help me", "chantelle roberts", "PERSON"),
        ("I LIVE AT 86 BRYN TEG. MY NAME IS TOMASZ", "86 BRYN TEG", "ADDRESS"),
        ("we live 68 maes y coed now, near the school", "68 maes y coed", "ADDRESS"),
        ("Her complaint to NHS Lanarkshire was logged in May.", "Lanarkshire", "LOCATION"),
        ("I asked Powys Teaching Health Board to explain.", "Powys", "LOCATION"),
        ("she fell at the bus stop in govan and waited an hour", "govan", "LOCATION"),
        ("The district nurses from Small Heath will pop in.", "Small Heath", "LOCATION"),
        ("mrs quinn from lurgan if anyone knows her", "lurgan", "LOCATION"),
        ("she moved to cardigan last year and likes it", "cardigan", "LOCATION"),
        ("On 12 Jan. Mary Hughes rang the ward.", "Mary Hughes", "PERSON"),
    ],
)
def test_the_fifty_fourth_rounds_kinds_are_found(text: str, value: str, label: str | None) -> None:
    found = covering_label(text, value)
    assert found == (label or "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("THE NUMBER ON THE LETTER 0191 JUST RINGS OUT.", "0191"),
        ("She scored 12 on the PHQ no. 9 scale.", "9"),
        ("when we were 10 minutes from home the car broke down", "10"),
        ("since they were 2 weeks late with the letter", "2"),
        ("Give 3x a day with food.", "3x"),
        ("She kept all the kings and queens in a box.", "kings"),
        ("we saw dave marks the spot on the map", "spot"),
        ("i bought 3 pen refills and 2 pads", "pen"),
        ("I complained to Hywel Dda University Health Board.", "Hywel Dda"),
        ("went to Whipps Cross, UTC said go to A&E", "UTC"),
        ("Claimant's note scribbled in the margin: I was crying.", "Claimant"),
        ("NHS: 999 590 2818 Addr: Flat 11, Luton", "Addr"),
        ("can you bring her glasses and the blue cardigan, they're in the hall x", "cardigan"),
        ("bring her slippers and her cardigan not the brown one", "cardigan"),
        ("3 Jan. Rang the memory service about the agitation.", "Jan. Rang"),
        ("Next meeting: 3 Dec. Contact the group on the website.", "Dec. Contact"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
