"""Kinds built in the seventy-ninth round (issue 20), from the retired sets v108 and v109 and
the development sets that share each kind.

- A town named in a hashtag, alone or run together with who is posting ("#Otley",
  "#CastleDouglas", "#harrogatemums").
- A message's writer saying who they are in lower case ("hiya bev its tamsin", "hi this is
  gethin calling", "HI ITS JOAN PRICE.").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.people.self_introductions import self_introductions
from nlp.identifiers.places.hashtag_places import hashtag_places


def _tags(text: str) -> list[str]:
    return [text[f.start : f.end] for f in hashtag_places(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the nurses were angels tho #nhs #otley", "otley"),
        ("Home at last. #CastleDouglas #grateful", "CastleDouglas"),
        ("anyone else waiting this long? #harrogatemums", "harrogate"),
        ("so proud of our NICU team #Ilkleylife", "Ilkley"),
        ("Great day out #Reading", "Reading"),  # a town that is a word, as a name
    ],
)
def test_towns_in_hashtags_are_found(text: str, value: str) -> None:
    assert value in _tags(text)
    assert covering_label(text, value) == "LOCATION"


@pytest.mark.parametrize(
    "text",
    [
        "so tired #nurselife #socialcare",
        "keep going #hope #reading #bath",  # towns that are everyday words, written as words
        "#mentalhealthawareness #edrecovery #grief",
        "bath night done #bathtime",  # a town that is a word, as a tag's first part
        "#readinglist for the ward",
        "see issue#otley in the log",  # no tag: a word runs into it
        "#otleyxq #harrogatezzv",  # a town run into letters that make no word
    ],
)
def test_tags_without_a_town_stay(text: str) -> None:
    assert _tags(text) == []


def _senders(text: str) -> list[str]:
    return [text[f.start : f.end] for f in self_introductions(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("its oksana here, mum of ivan", "oksana"),  # no greeting, at the very start
        ("hiya bev its tamsin, can u ring me back", "tamsin"),
        ("hi this is gethin calling about my nan", "gethin"),
        ("HI ITS JOAN PRICE. NEED A CALL BACK ABOUT MUM", "JOAN PRICE"),
        ("hi its dot from number 4. bins not collected again", "dot"),
        ("Got your card. hello its oksana mum of ivan in class 3", "oksana"),
        ("hey it's wren here, the carers said friday", "wren"),
    ],
)
def test_senders_who_say_who_they_are_are_found(text: str, value: str) -> None:
    assert value in _senders(text)
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "hi its me again, ring when you can",
        "hiya its been ages since the review",
        "hi its urgent please ring the ward",
        "its ma da. the ambulance took him",
        "ok so this is long sorry, my partner has",
        "i think it's dot matrix printers they still use",  # not a message's opening
        "get the 75 bus, it's gert quicker than driving",  # dialect, not at an opening
        "It's long, sorry. My husband was diagnosed in May.",  # no greeting, an English word
        "This is unacceptable. One nurse for 38 residents.",
        "This is Ryan's story, written down by his support worker.",  # a possessive
        "Kam here. It's kamran, ring me",  # no greeting and not at the very start
        "hiya love its mam, ring me when ur out",  # a word of kinship
        "hiya its kam's mum, ring me",  # a possessive: someone's mother
        "and they all say hello its gert lush here",  # a greeting inside a sentence
        "This is cross-posted from my blog, with thanks",  # no greeting, not a word of letters
        "hi its pat of butter on the tray lol",  # an everyday word, nothing says who speaks
    ],
)
def test_openings_without_a_sender_stay(text: str) -> None:
    assert _senders(text) == []


def test_a_family_name_joins_only_a_speaking_sender() -> None:
    assert _senders("hi its joan price ringing about mum") == ["joan price"]
    assert _senders("hi its tamsin price went up again") == ["tamsin"]
    assert _senders("hi its tamsin thanks, see you friday") == ["tamsin"]


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
