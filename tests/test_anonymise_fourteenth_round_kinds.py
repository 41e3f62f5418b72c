"""Kinds found general in the fourteenth round (issue 20): the NER's guesses that its letter
safeguards dropped, backed instead by the words around them (nlp/identifiers/ner/ner_context.py).

Counted over v3-v15: names that are everyday words or typed in lower case, hospitals by a kind
word or house name alone after "the", and unlisted names or initials after a word of place, in
eight or more sets each. Every sentence here was written for this file (none taken from a
measuring set). Each kind has look-alikes of the same shape that must stay.
"""

from __future__ import annotations

import pytest

from nlp.identifiers.ner.ner_context import person_in_context, place_in_context, setting_in_context
from nlp.identifiers.ner.ner_model import _cased, _plausible, abroad


def _span(text: str, value: str) -> tuple[int, int]:
    start = text.index(value)
    return start, start + len(value)


def _words(text: str, value: str) -> list[str]:
    return [w.lower() for w in value.split()]


# --- a person: a listed name with a cue beside it ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The carer on lates found Hope asleep in the lounge chair.", "Hope"),
        ("Visited on Tuesday and Dot was brighter than last week.", "Dot"),
        ("hiya its kath, can u ring me back about mum", "kath"),
        ("my brother gaz said the home rang at six", "gaz"),
        ("auntie win sat with her all night", "win"),
        ("so kieran does mon and wed, i do the rest", "kieran"),
        ("Will's mum phoned the ward twice this morning.", "Will"),
        ("the night hca precious stayed with her till the end", "precious"),
        ("thanks to sandra and bernie on nights", "bernie"),
    ],
)
def test_a_name_the_letters_cannot_back_passes_with_a_cue_beside_it(text, value):
    assert person_in_context(text, *_span(text, value), _cased(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i hope they ring back today", "hope"),  # no cue: a verb
        ("the bill is on the table", "bill"),  # after "the": a thing
        ("Will you ring the ward for me?", "Will"),  # opens a question: a verb
        ("They will ring back, she said.", "will"),  # a verb before a verb
        ("Hope is all we had left by then.", "Hope"),  # a word of feeling opening a sentence
        ("We got a Royal visit.", "Royal"),  # a kind word of hospitals is never a person here
        ("Mark the date in the diary.", "Mark"),  # opens a sentence, no cue
        ("it was grace and patience that got us through", "grace"),  # "and" with a word
        ("our son will be home soon, the nurse will ring", "will"),  # a role cue, then a verb
        ("we always get our fresh air after lunch", "fresh"),  # "our", then a noun
        ("Thank you so much. Nurse good", "good"),  # a role word, then a word, though a surname
    ],
)
def test_the_same_words_without_a_cue_stay(text, value):
    assert not person_in_context(text, *_span(text, value), _cased(text))


# --- a care setting after "the" or a word of place -------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The paramedics took him to the General, not the Royal.", "General"),
        ("nan was admitted to the royal infirmary on friday", "royal infirmary"),
        ("Her scan is at the County again next month.", "County"),
        ("we had the baby at the kessock, midwives were lovely", "kessock"),
        ("My GP at the Beeches has referred me at last.", "Beeches"),
        ("dad's still at carnbrook, not gone to hosp yet", "carnbrook"),
        ("picked mum up from bqh after her eye appointment", "bqh"),
    ],
)
def test_a_short_form_or_unlisted_name_passes_with_care_near_and_nothing_after(text, value):
    start, end = _span(text, value)
    assert setting_in_context(text, start, end, _words(text, value), _cased(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We sent her card through the Royal Mail after the appointment.", "Royal"),  # continues
        ("nan watched the royal wedding on the ward telly", "royal"),  # continues
        ("The county council cut her care package.", "county"),  # continues
        ("The General Medical Council wrote to the consultant.", "General"),  # continues
        ("We walked round the General store and then went home.", "General"),  # no care near
        ("He was moved to the ward and then the clinic.", "clinic"),  # a generic word
        ("she went back to work after the op", "work"),  # an English word, no "the"
        ("the nurse said the night was quiet", "night"),  # a common word, no name
        ("The psychiatrist I have seen at CAHSM has been great.", "CAHSM"),  # a service, mistyped
        ("after the scan we came back from the brink", "brink"),  # a word, though a surname
        ("i cried in the high street after the appointment", "high street"),  # a street
        ("The ward gave us the Tool Kit for bad days.", "Tool Kit"),  # capitalised words
    ],
)
def test_the_same_shapes_that_name_no_setting_stay(text, value):
    start, end = _span(text, value)
    assert not setting_in_context(text, start, end, _words(text, value), _cased(text))


def test_a_place_abroad_in_lower_case_after_a_word_of_place_passes_and_alone_stays():
    text = "our son is flying back from toronto on friday"
    assert place_in_context(text, *_span(text, "toronto"), abroad())
    text = "toronto blue jays shirt in the lost property"
    assert not place_in_context(text, *_span(text, "toronto"), abroad())


def test_the_hard_safeguards_still_come_first():
    # a drug's stem or a condition named after someone is never let through by a cue
    text = "my brother sertraline said nothing"
    assert not _plausible(text, *_span(text, "sertraline"), "PERSON", False, letters=False)
    text = "auntie parkinson's came back"
    assert not _plausible(text, *_span(text, "parkinson"), "PERSON", False, letters=False)
