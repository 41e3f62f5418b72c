"""Kinds built in the fifty-ninth round (issue 20), from the retired sets v68 and v69.

- Precision in Welsh: frequent Welsh words ("Hoffech", "Cafodd", "Angen cyfieithydd", "Mae" a
  few words before other Welsh) are no names; a name after a role or a title stays one ("Uncle
  Dod").
- "MR BD" (modified release, twice a day) and "an MI" are no people.
- A Welsh birth cue ("a anwyd ar", "fy ngeni ar") before the date.
- A note's age with its "y" or the patient's sex written onto it ("Lewis Main, 88y, CHI ...").
- A Welsh place as Welsh grammar mutates it after a preposition ("o Lanelwy", "ym Mhorthcawl"),
  only among Welsh words.
- The Welsh for a hospital number before it ("Rhif ysbyty: 7731950K").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.places.welsh_mutations import welsh_mutated_places


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Has anybody phoned Uncle Dod? Mam: Aye, he's coming.", "Dod", "PERSON"),
        (
            "Ysgrifennaf ar ran fy nhad, Hywel Pugh, a anwyd ar 4.9.1941. Diolch.",
            "4.9.1941",
            "DATE_OF_BIRTH",
        ),
        ("Patient: Lewis Main, 88y, CHI to follow. Lives alone.", "88", "AGE"),
        ("mae'n 30 munud o lanelwy i'r tŷ nesa ond dim ond 10 ar y rota.", "lanelwy", "LOCATION"),
        ("roedd hi ym Mhorthcawl ddoe ac mae hi'n well heddiw.", "Mhorthcawl", "LOCATION"),
        ("Rhif GIG: dim. Rhif ysbyty: 7731950K. Diolch yn fawr.", "7731950K", "OTHER_ID"),
    ],
)
def test_the_fifty_ninth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hoffech chi i ni gysylltu â chi? Ie, diolch.", "Hoffech"),
        ("Cafodd ei rhyddhau heb asesiad. Angen cyfieithydd ar gyfer apwyntiadau.", "Cafodd"),
        ("Angen cyfieithydd ar gyfer apwyntiadau ysbyty.", "Angen cyfieithydd"),
        ("Mae Dad, Osian, yn saith deg oed ac yn byw ar ei ben ei hun.", "Mae"),
        ("Amoxicillin 500mg MR BD for five days.", "BD"),
        ("He had had an MI last year, the GP said.", "MI"),
        ("Roedd y staff yn wych, diolch.", "wych"),
        ("i met o dear at the shop", "dear"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_a_mutation_is_read_only_among_welsh_words() -> None:
    english = "I attended the course at Ravensdale children's centre, then went to Bangor."
    assert list(welsh_mutated_places(english)) == []
    welsh = "mae'n 30 munud o lanelwy i'r tŷ nesa ond dim ond 10 ar y rota."
    assert [welsh[f.start : f.end] for f in welsh_mutated_places(welsh)] == ["lanelwy"]


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
