"""Every word a rule names is a word the rules' tokenizer makes, and phrasings that hung on a
split word now fire.

spaCy's English tokenizer splits "gonna" into "gon" "na" and "i'd" into "i" "'d", so the
patterns naming them never matched: "im gonna end it all" raised nothing at the moment of
telling. Found while probing the online form (with a plan said before it is done: "I'm going
to take all my pills tonight"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from nlp import signals
from nlp.signals.detection.rules import _rule_engine
from nlp.signals.phrasings.rule_patterns import PATTERNS, WORDS


def _pattern_words() -> set[str]:
    words: set[str] = set()
    for patterns in PATTERNS.values():
        for pattern in patterns:
            for spec in pattern.split():
                if spec.startswith("*"):
                    continue
                for alternative in spec.removesuffix("?").split("|"):
                    if alternative.startswith("@"):
                        words.update(WORDS[alternative[1:]])
                    else:
                        words.add(alternative)
    return words


CLITIC_AFTER = {"'m": "i", "'s": "he", "n't": "do"}


def test_every_word_of_every_pattern_is_one_token_of_the_rules_tokenizer():
    nlp, _matcher, _rules = _rule_engine()
    split = []
    for word in sorted(_pattern_words()):
        # A clitic ("'m", "n't") is a token only after its word: read it after one.
        context = CLITIC_AFTER.get(word, "you" if word.startswith("'") else "")
        tokens = [t.text for t in nlp(context + word)]
        if tokens[-1] != word or len(tokens) != (2 if context else 1):
            split.append((word, tokens))
    assert split == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("im gonna end it all", "suicide_self_harm"),
        ("i wanna end it all tonight", "suicide_self_harm"),
        ("I wish I'd died in that crash.", "suicide_self_harm"),
        ("hes at the door saying hes gonna kill me", "immediate_danger"),
        ("I'm going to take all my pills tonight.", "suicide_self_harm"),
        ("im gonna swallow the whole box of paracetamol", "suicide_self_harm"),
        ("I'll take the whole packet of my sleepers when they're in bed.", "suicide_self_harm"),
        ("Planning to take all my tablets at once.", "suicide_self_harm"),
    ],
)
def test_split_words_and_a_plan_with_its_means_fire_in_the_web_rules(text, signal):
    assert signal in signals.rule_hits(text).names


@pytest.mark.parametrize(
    "text",
    [
        "I want to end things with my GP practice, they never listen.",
        "The pharmacist said to take all my tablets to the review in a bag.",
        "I'm gonna ring the surgery again tomorrow.",
        "I'd like to thank the nurses on ward 4.",
    ],
)
def test_look_alikes_raise_nothing_certain(text):
    assert signals.rule_hits(text).names == []
