"""Kinds built in the eighty-first round (issue 20), from the retired sets v112 and v113 and
the development sets that share each kind.

- Words of the armed forces community taken for people: the services ("ex-RAF"), regiments
  ("the Rifles", "3 Para"), forces charities ("the Legion", "Blesma"), the Covenant, and
  operations ("Op Telic").
- A school named by everyday words, typed in lower case or in capitals ("at park view school",
  "FROM GREENACRE FREE SCHOOL").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.look_alikes.forces_words import without_forces_words
from nlp.identifiers.places.lower_case_schools import lower_case_schools


def _people(text: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Grandad was in the RAF for twenty years and still salutes.", "RAF"),
        ("Okafor (ex-RAF, 74) asked about hearing aids.", "RAF"),
        ("He served with the Rifles in Kenya.", "Rifles"),
        ("Left 2 Para after a knee injury.", "Para"),
        ("The Legion paid for the stairlift.", "Legion"),
        ("Donations to Blesma, please.", "Blesma"),
        ("The Armed Forces Covenant should have covered this.", "Covenant"),
        ("Deployed on Op Herrick twice, then Op Shader.", "Herrick"),
        ("deployed on Operation Toral in 2019", "Toral"),
    ],
)
def test_forces_words_are_not_people(text: str, word: str) -> None:
    assert not any(word in p for p in _people(text))


def test_the_drop_is_the_steps_own() -> None:
    text = "He served with the Rifles in Kenya."
    start = text.index("Rifles")
    guess = Finding(start, start + 6, "PERSON", 0.6, "capitals")
    assert without_forces_words(text, [guess]) == []
    kept = Finding(start, start + 6, "PERSON", 0.9, "title_cue")  # found by a stronger rule
    assert without_forces_words(text, [kept]) == [kept]
    joined = "He joined the RAF at sixteen."
    at = joined.index("the RAF")
    setting = Finding(at, at + 7, "CARE_SETTING", 0.6, "ner")
    assert without_forces_words(joined, [setting]) == []
    legion = "Help came from the Legion."
    at = legion.index("the Legion")
    assert without_forces_words(legion, [Finding(at, at + 10, "PERSON", 0.6, "ner")]) == []
    titled = "Mr Gordons rang again."
    at = titled.index("Gordons")
    named = Finding(at, at + 7, "PERSON", 0.6, "capitals")
    assert without_forces_words(titled, [named]) == [named]  # a title makes it a name
    nurse = "Seen after the Op Oluwaseun came by."
    at = nurse.index("Oluwaseun")
    named = Finding(at, at + 9, "PERSON", 0.6, "name_gazetteer")
    assert without_forces_words(nurse, [named]) == [named]  # a first name after "Op"
    surgery = "Seen post op. Kowalczyk rang after."  # "op" in lower case is surgery
    at = surgery.index("Kowalczyk")
    surname = Finding(at, at + 9, "PERSON", 0.6, "capitals")
    assert without_forces_words(surgery, [surname]) == [surname]
    op = "Back from Op Telic in May."
    at = op.index("Telic")
    assert without_forces_words(op, [Finding(at, at + 5, "PERSON", 0.6, "ner")]) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thank you Raf and the nurses on Ward 4.", "Raf"),  # a first name written as one
        ("Mr Gordons rang about his wife's tablets.", "Gordons"),  # a title before it
        ("My son Kamal Pun was a rifleman for ten years.", "Kamal Pun"),
        ("my foot post op. Siobhan on reception was lovely", "Siobhan"),  # surgery, lower case
    ],
)
def test_names_beside_forces_words_stay(text: str, value: str) -> None:
    assert covering_label(text, value) == "PERSON"


def test_places_and_settings_that_carry_the_words_stay() -> None:
    assert covering_label("He was posted to RAF Valley in 1990.", "Valley") == "LOCATION"
    assert covering_label("A week at Blesma's Blackpool Centre helped.", "Blackpool") is not None


def _schools(text: str) -> list[str]:
    return [text[f.start : f.end] for f in lower_case_schools(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("im her head of year at meadow bank school. she seems low", "meadow bank school"),
        ("when he was 12 and at oakfield academy he stopped eating", "oakfield academy"),
        ("jade from hollins primary sent a card", "hollins primary"),
        ("MY SON GOES TO BRIARWOOD HIGH SCHOOL IN HULL", "BRIARWOOD HIGH SCHOOL"),
        ("Kai attends fernlea free school on Mondays.", "fernlea free school"),
    ],
)
def test_schools_in_one_case_are_found(text: str, value: str) -> None:
    assert value in _schools(text)
    assert covering_label(text, value) == "LOCATION"


@pytest.mark.parametrize(
    "text",
    [
        "she had to miss school to translate",  # a verb, no cue of placing
        "the carer is going to ring school tomorrow",  # "going to" and a verb
        "he is at secondary school now",  # a kind of school, not its name
        "I was at boarding school in the eighties",
        "she started at her brother's school",  # whose school, not which
        "we waited at king's college hospital",  # a hospital named after a college
        "we live in school lane",
        "he went to the school office",
        "He goes to Meadow Bank School.",  # capitalised: the capitals rules' own
        "at sunday school they sang",
        "we met at jamie's school on friday",  # whose school, not which
        "he's at westfield college hospital for his knee",  # a hospital
        "they moved to brook school road last year",  # a street
        "We met the head at OAKFIELD SCHOOL today.",  # capitals that mean something
    ],
)
def test_words_about_school_stay(text: str) -> None:
    assert _schools(text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
