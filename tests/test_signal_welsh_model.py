"""The learned Welsh model (issue 19): it hears Welsh risk no Welsh rule says word for word,
holds back what the rules hold back, stays out of the web's rules-only path, and its shipped
weights are the ones its training data gives."""

from __future__ import annotations

import numpy as np
import pytest

from nlp import signals
from nlp.signals.model_training import welsh_training as signal_welsh_training
from nlp.signals.welsh import welsh as signal_welsh
from nlp.signals.welsh import welsh_heard as signal_welsh_heard
from nlp.signals.welsh import welsh_model as signal_welsh_model


@pytest.mark.parametrize(
    "text",
    [
        # Written for this test, in no training story's or rule's words. I have been hiding
        # the sleeping tablets in the drawer for a month.
        "Dw i wedi bod yn cuddio'r tabledi cysgu yn y drôr ers mis.",
        # My neighbour has a gun in the house and he has pointed it at me.
        "Mae gan fy nghymydog wn yn y tŷ ac mae o wedi ei bwyntio ata i.",
        # She has locked herself in the bathroom with a razor.
        "Mae hi wedi cloi ei hun yn y stafell molchi efo rasel.",
    ],
)
def test_welsh_risk_no_rule_hears_is_flagged_by_the_worker_as_possible(text):
    assert not set(signals.RISK_TO_LIFE) & {h.signal for h in signal_welsh.hits(text.lower())}
    # The web request's rules-only path stays rules-only.
    assert not set(signals.RISK_TO_LIFE) & set(signals.rule_hits(text).names)
    found = [s for s in signals.detect(text).signals if s.name in signals.RISK_TO_LIFE]
    assert found, text
    welsh = [s for s in found if "Welsh model" in s.why]
    assert welsh and all(s.tier == "possible" for s in welsh)
    assert welsh[0].why.startswith(signals.POSSIBLE_PREFIX)
    assert text[:20] in welsh[0].why  # the sentence is the evidence


@pytest.mark.parametrize(
    "text",
    [
        # She wanted to die at home, and the palliative team were wonderful.
        "Roedd Mam eisiau marw adref gyda ni, ac roedd y tîm lliniarol yn wych.",
        # The nurse asked whether I had thought of hurting myself. I said no.
        "Gofynnodd y nyrs a oeddwn i wedi meddwl am niweidio fy hun. Dywedais i na.",
        # Ten years ago I took tablets; I am well now.
        "Ddeng mlynedd yn ôl mi wnes i gymryd gormod o dabledi, ond dw i'n iawn rŵan.",
    ],
)
def test_welsh_hard_negatives_raise_no_risk_to_life(text):
    assert not set(signals.RISK_TO_LIFE) & set(signals.detect(text).names)


def test_a_sentence_held_back_as_a_whole_is_not_scored_for_that_signal():
    model = signal_welsh_model.load()
    asked = "Gofynnodd y nyrs a oeddwn i eisiau lladd fy hun. Dywedais i na."
    best = signal_welsh_heard.welsh_best(asked, model, [])
    assert best[model.names.index("suicide_self_harm")] is None
    plain = "Dw i'n meddwl am ladd fy hun bob nos."
    assert signal_welsh_heard.welsh_best(plain, model, [])[model.names.index("suicide_self_harm")]


def test_the_numpy_features_are_scikit_learns():
    """The worker scores without scikit-learn: its tf-idf must be the training's."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [
        "Mae gen i ddigon o dabledi nawr.",
        "Dw i wedi cymryd y tabledi i gyd.",
        "Roedd y nyrs yn garedig iawn, diolch.",
        "Mae o'n bygwth fy lladd i heno.",
    ]
    halves = [
        TfidfVectorizer(analyzer=a, sublinear_tf=True, lowercase=False)
        for a in (signal_welsh_model.char_terms, signal_welsh_model.word_terms)
    ]
    expected = hstack([v.fit_transform(texts) for v in halves]).toarray()
    vocabulary = tuple(t for v in halves for t in v.get_feature_names_out())
    idf = np.concatenate([v.idf_ for v in halves]).astype(np.float32)
    index = {t: i for i, t in enumerate(vocabulary)}
    first_word = len(halves[0].get_feature_names_out())
    for row, text in enumerate(texts):
        columns, values = signal_welsh_model.sparse_row(text, index, idf, first_word)
        got = np.zeros(len(vocabulary), np.float32)
        got[columns] = values
        np.testing.assert_allclose(got, expected[row], rtol=1e-5, atol=1e-6)


def test_mutations_share_character_ngrams():
    tablets = set(signal_welsh_model.char_terms("tabledi"))
    assert tablets & set(signal_welsh_model.char_terms("dabledi")) >= {"c:abled", "c:bledi"}


def test_the_shipped_weights_learned_from_the_welsh_stories():
    items = signal_welsh_training.stories()
    assert len(items) >= 500 and {i.lang for i in items} == {"cy", "mixed"}
    assert sum(bool(set(signals.RISK_TO_LIFE) & set(i.story.labels)) for i in items) >= 120
    model = signal_welsh_model.load()
    assert model.corpus_sha256 == signal_welsh_training.training_digest(items)
    assert model.names == tuple(signals.SIGNALS)
    assert np.all(
        (model.thresholds >= signal_welsh_training.MIN_THRESHOLD) & (model.thresholds < 1)
    )


def test_english_is_not_read_by_the_welsh_model():
    # "mam" is a Welsh-only word too (and north-English), but one is not Welsh.
    english = "The nurse was kind to my mam on the ward. I took all my tablets an hour ago."
    assert not signal_welsh_model.reads("The nurse was kind to my mam on the ward.")
    found = signals.detect(english).signals
    assert "suicide_self_harm" in {s.name for s in found}
    assert not any("Welsh model" in s.why for s in found)


def test_a_short_welsh_story_is_scored_whole_as_well_as_by_sentence():
    assert signal_welsh_model.reads_whole([True, True])
    assert not signal_welsh_model.reads_whole([True])  # one sentence: the sentence is the story
    assert not signal_welsh_model.reads_whole([True, False, False])  # mostly English
    assert not signal_welsh_model.reads_whole([True] * (signal_welsh_model.STORY_MAX + 1))
