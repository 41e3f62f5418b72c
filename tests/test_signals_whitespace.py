"""Whitespace typed inside a risk phrase: a line break, a tab, two spaces, a no-break space.

Found by probing the online form: "I don't see the\\r\\npoint in going on any more." raised no
flag at the moment of telling, so the thank-you page showed only the general support box. The
rules read the text single-spaced (`nlp/signals/core/normalised_text.single_spaced`) and report
offsets in the text as written. Sentences written for these tests."""

from __future__ import annotations

import pytest
from consent_support import open_activity, staff_user
from hypothesis import given
from hypothesis import strategies as st
from test_receipt_web import online_form, tell
from test_signposting_nations import positions

from nlp import signals
from nlp.signals.core.normalised_text import single_spaced
from nlp.signals.detection.rules import run_rules

# (text, what the rules find in it), English and Welsh, fired and held back.
SENTENCES = [
    ("I don't see the point in going on any more.", "suicide_self_harm"),
    ("Some days I want to kill myself.", "suicide_self_harm"),
    ("I want to end it all.", "suicide_self_harm"),
    ("He's outside with a knife.", "immediate_danger"),
    ("My husband hits me when he drinks.", "domestic_abuse"),
    ("I want to make a complaint about the surgery.", "complaint"),
    ("dwi wedi bod yn meddwl am ladd fy hun", "suicide_self_harm"),
    ("Mae fy ngŵr yn fy nharo i bob nos.", "domestic_abuse"),
    ("I have never wanted to kill myself.", None),  # held back: a denial
    ("The nurse asked if I had thoughts of suicide and I said no.", None),
]
SPACES = ["\n", "\r\n", "\t", "  ", "\u00a0", " \n ", "\u2009", "\n\n"]


@pytest.mark.parametrize(("text", "signal"), SENTENCES)
@pytest.mark.parametrize("space", SPACES, ids=repr)
def test_any_whitespace_between_words_reads_as_one_space(text, signal, space):
    as_typed = signals.rule_hits(text.replace(" ", space))
    single = signals.rule_hits(text)
    assert as_typed.names == single.names
    assert sorted(s.name for s in as_typed.possible) == sorted(s.name for s in single.possible)
    assert (signal in as_typed.names) == (signal is not None)


@given(st.sampled_from(SENTENCES), st.data())
def test_whitespace_of_any_mix_changes_nothing(sentence, data):
    text, _signal = sentence
    words = text.split(" ")
    gaps = data.draw(st.lists(st.sampled_from(SPACES), min_size=len(words), max_size=len(words)))
    varied = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=False))
    assert signals.rule_hits(varied).names == signals.rule_hits(text).names


def test_a_phrase_held_back_is_reported_where_it_stands_in_the_text_as_written():
    text = "The nurse asked if I had\r\nthoughts of  suicide.\nI said no."
    _detection, held = run_rules(text)
    assert held, "the screening question is held back"
    for _signal, start, end in held:
        assert " ".join(text[start:end].split()) in " ".join(text.split())
        assert "suicide" in text[start:end] or "thoughts" in text[start:end]


def test_single_spacing_maps_every_character_back():
    text = "a\t\tb \r\n c\u00a0d  "
    spaced, origin = single_spaced(text)
    assert spaced == "a b c d "
    assert [text[origin[i]] for i, char in enumerate(spaced) if char != " "] == list("abcd")
    assert origin[len(spaced)] == len(text)
    assert single_spaced("plain text, one space") == ("plain text, one space", None)


def test_the_storyteller_sees_help_first_when_the_phrase_spans_a_line_break(client, db):
    activity = open_activity(db, staff_user(db))
    story = "I waited weeks for the surgery to call back. I don't see the\r\npoint in going on."
    page = tell(client, activity, online_form(story=story)).get_data(as_text=True)
    help_at, card = positions(page, 'data-signpost="suicide_self_harm"', 'class="receipt-card"')
    assert help_at < card
