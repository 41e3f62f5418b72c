"""Stories written by other hands train the NER on its four labels, the rest left unsaid."""

from __future__ import annotations

import json

import pytest
import spacy

from nlp.identifiers.ner import ner_written
from nlp.identifiers.ner.ner_corpus import to_docbin
from nlp.identifiers.ner.ner_model import NER_LABELS


def _write(tmp_path, stories):
    path = tmp_path / "written.jsonl"
    path.write_text("\n".join(json.dumps(s) for s in stories), encoding="utf-8")
    return path


def test_other_labels_are_missing_for_the_ner_not_outside(tmp_path):
    text = "Ring Mags Okafor on 07700 900123 at 12 Mill Lane, Hove."
    spans = [
        {"start": 5, "end": 16, "label": "PERSON", "text": "Mags Okafor"},
        {"start": 20, "end": 32, "label": "PHONE", "text": "07700 900123"},
        {"start": 36, "end": 48, "label": "ADDRESS", "text": "12 Mill Lane"},
        {"start": 50, "end": 54, "label": "LOCATION", "text": "Hove"},
    ]
    records = ner_written.records([_write(tmp_path, [{"id": "a", "text": text, "spans": spans}])])
    assert [s["label"] for s in records[0]["spans"]] == ["PERSON", "LOCATION"]
    assert [s["label"] for s in records[0]["missing"]] == ["PHONE", "ADDRESS"]
    (doc,) = to_docbin(records).get_docs(spacy.blank("en").vocab)
    iob = {t.text: t.ent_iob_ for t in doc}
    assert [e.text for e in doc.ents] == ["Mags Okafor", "Hove"]
    assert iob["Mill"] == "" and iob["Lane"] == "" and iob["07700"] == ""
    assert iob["Ring"] == "O" and iob["at"] == "O"


def test_a_span_whose_offsets_do_not_match_its_text_is_refused(tmp_path):
    bad = {
        "id": "b",
        "text": "Seen by Dr Mensah.",
        "spans": [{"start": 0, "end": 4, "label": "PERSON", "text": "Mensah"}],
    }
    with pytest.raises(ValueError, match="offsets"):
        ner_written.records([_write(tmp_path, [bad])])


def test_the_training_reads_retired_rounds_and_never_a_measuring_set():
    names = {p.name for p in ner_written.paths()}
    assert {f"anon_independent_v{n}.jsonl" for n in (3, 4, 5)} <= names
    assert not names & {"dev.jsonl", "free_stories.jsonl", "kinds_stories.jsonl"}
    # the most recent rounds stay a fair measure of a retrain: never training text
    assert not names & {f"anon_independent_v{n}.jsonl" for n in ner_written.HELD_OUT_ROUNDS}
    assert not set(ner_written.RETIRED_ROUNDS) & set(ner_written.HELD_OUT_ROUNDS)
    kept = {p.name for p in ner_written.paths(rounds=(3, 4))}
    assert "anon_independent_v5.jsonl" not in kept
    records = ner_written.records()
    assert len(records) >= 500
    assert {s["label"] for r in records for s in r["spans"]} == NER_LABELS


def test_a_retrain_on_every_round_leaves_the_held_out_rounds_unread():
    through = ner_written.rounds_through(46)
    assert through[0] == 3 and 40 in through
    assert not set(through) & set(ner_written.HELD_OUT_ROUNDS)
    with pytest.raises(ValueError, match="held out"):
        ner_written.retired((40, 41))


def test_a_pasted_row_that_is_one_token_is_left_missing_not_taught_as_a_name(tmp_path):
    # spaCy keeps "Okonkwo,1987" and "1106,SE15" as one token each: widened to them, the name
    # would teach that a row's date is a person, and the NHS number and postcode would overlap.
    text = "Row: Okonkwo,1987-06-23,485 392 1106,SE15 4PJ. Seen by Mags Okafor."
    spans = [
        {"start": 5, "end": 12, "label": "PERSON", "text": "Okonkwo"},
        {"start": 13, "end": 23, "label": "DATE_OF_BIRTH", "text": "1987-06-23"},
        {"start": 24, "end": 36, "label": "NHS_NUMBER", "text": "485 392 1106"},
        {"start": 37, "end": 45, "label": "POSTCODE", "text": "SE15 4PJ"},
        {"start": 55, "end": 66, "label": "PERSON", "text": "Mags Okafor"},
    ]
    records = ner_written.records([_write(tmp_path, [{"id": "r", "text": text, "spans": spans}])])
    (doc,) = to_docbin(records).get_docs(spacy.blank("en").vocab)
    assert [e.text for e in doc.ents] == ["Mags Okafor"]
    row = [t.ent_iob_ for t in doc if 5 <= t.idx < 45]
    assert len(row) == 8 and set(row) == {""}
    assert [t.ent_iob_ for t in doc[:2]] == ["O", "O"] and doc[-4].ent_iob_ == "O"
