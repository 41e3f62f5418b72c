"""Stories written by other hands train the NER on its four labels, the rest left unsaid."""

from __future__ import annotations

import json

import pytest
import spacy

from nlp.identifiers import ner_written
from nlp.identifiers.ner_corpus import to_docbin
from nlp.identifiers.ner_model import NER_LABELS


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
    # the latest round stays a fair development measure: never training text
    assert "anon_independent_v11.jsonl" not in names
    kept = {p.name for p in ner_written.paths(rounds=(3, 4))}
    assert "anon_independent_v5.jsonl" not in kept
    records = ner_written.records()
    assert len(records) >= 500
    assert {s["label"] for r in records for s in r["spans"]} == NER_LABELS
