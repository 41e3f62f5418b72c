"""The NER's generated training corpus keeps a fifth of every list away from training."""

from __future__ import annotations

import spacy

from nlp.identifiers.ner.ner_corpus import corpus, held_out, lists, to_docbin


def test_no_place_or_hospital_of_the_held_out_fifth_reaches_the_training_text():
    held = lists("heldout")
    unseen = {p.lower() for p in held.places + held.areas + held.hospitals}
    records = corpus("train", 400, seed=1)
    spans = [s["text"].lower() for r in records for s in r["spans"]]
    assert spans
    assert not unseen & set(spans)
    assert not any(held_out(t) for t in lists("train").templates)


def test_the_held_out_set_uses_only_held_out_lists_and_shapes():
    train, held = lists("train"), lists("heldout")
    assert not set(train.templates) & set(held.templates)
    assert not set(train.surnames) & set(held.surnames)
    assert not set(train.places) & set(held.places)
    assert len(held.places) > 500 and len(held.hospitals) > 30


def test_the_corpus_is_the_same_for_the_same_seed_and_its_spans_fit_the_tokens():
    first, again = corpus("train", 50, seed=7), corpus("train", 50, seed=7)
    assert first == again
    for rec in first:
        for s in rec["spans"]:
            assert rec["text"][s["start"] : s["end"]] == s["text"]
    docs = list(to_docbin(first).get_docs(spacy.blank("en").vocab))
    assert sum(len(d.ents) for d in docs) == sum(len(r["spans"]) for r in first)
