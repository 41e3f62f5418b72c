"""The model trains on labelled stories written by other hands
(nlp.signals.model_training.written): the loader reads them with their story labels, a story's
labels go to the sentence that carries them, and the shipped weights were trained on them."""

from __future__ import annotations

import numpy as np

from nlp.signals import SAFEGUARDING_SIGNALS, SIGNALS
from nlp.signals.model_training import corpus as signal_corpus
from nlp.signals.model_training import training as signal_training
from nlp.signals.model_training import written as signal_written
from nlp.signals.sentence_model import model as signal_model


def test_the_training_reads_the_written_stories_with_their_labels():
    stories = signal_written.stories()
    sources = {s.source for s in stories}
    assert {f"signals_independent_v{n}" for n in (3, 4, 5, 6, 7)} <= sources
    assert len(stories) >= 2000
    for name in SAFEGUARDING_SIGNALS:
        assert sum(name in s.labels for s in stories) >= 150, name
    # Never a set the detector is measured on.
    measured = {"signals_dev", "signals_dev2", "signals_earlier_examples", "signals_explicit"}
    assert not sources & measured
    assert all(p.parent.name != "benchmarks" for p in signal_written.paths())


def test_a_short_story_labels_each_sentence_a_long_one_only_its_carrying_sentence():
    short = signal_written.Story(
        "s", "I took all my tablets an hour ago.", ("suicide_self_harm",), "t"
    )
    long = signal_written.Story(
        "l",
        "The car park was full again this morning. The receptionist was kind to me. "
        "He held a knife to my throat last night and said he would finish me. "
        "The waiting room had nowhere to sit down.",
        ("domestic_abuse", "immediate_danger"),
        "t",
    )
    raw = signal_written.unselected([short, long])
    assert raw[0].labels == ("suicide_self_harm",) and not raw[0].unsure
    rest = raw[1:]
    assert len(rest) == 4 and all(not e.labels for e in rest)
    assert all(set(e.unsure) == {"domestic_abuse", "immediate_danger"} for e in rest)
    names = tuple(SIGNALS)
    scores = np.zeros((len(raw), len(names)))
    knife = next(i for i, e in enumerate(raw) if "knife" in e.text)
    scores[knife, names.index("immediate_danger")] = 0.9
    scores[knife, names.index("domestic_abuse")] = 0.8
    chosen = signal_written.select(raw, scores, names)
    assert set(chosen[knife].labels) == {"domestic_abuse", "immediate_danger"}
    assert not chosen[knife].unsure
    others = [e for i, e in enumerate(chosen[1:], 1) if i != knife]
    # The story's other sentences are neither positives nor negatives for its signals.
    assert all(not e.labels and set(e.unsure) == set(long.labels) for e in others)


def test_a_sentence_unsure_for_a_signal_does_not_teach_it():
    rng = np.random.default_rng(19)
    names = ("suicide_self_harm",)
    vectors = rng.normal(size=(40, 768)).astype(np.float32)
    texts = [f"sentence number {i} about tablets" for i in range(40)]
    labels = [("suicide_self_harm",) if i < 10 else () for i in range(40)]
    plain = [signal_corpus.Example(t, ls) for t, ls in zip(texts, labels, strict=True)]
    unsure = [
        signal_corpus.Example(t, ls, unsure=names if 10 <= i < 20 else ())
        for i, (t, ls) in enumerate(zip(texts, labels, strict=True))
    ]
    written = np.ones(40, bool)
    a = signal_training.fit(plain, vectors, written, names)
    b = signal_training.fit(unsure, vectors, written, names)
    c = signal_training.fit(
        plain[:10] + plain[20:], np.vstack([vectors[:10], vectors[20:]]), written[:30], names
    )
    assert not np.allclose(a.coef, b.coef)
    np.testing.assert_allclose(b.coef, c.coef, rtol=1e-4, atol=1e-5)


def test_the_shipped_weights_learned_from_the_written_stories():
    generated_only = signal_training.digest(signal_corpus.training_examples())
    assert signal_training.training_digest() != generated_only
    assert signal_model.load().corpus_sha256 == signal_training.training_digest()
