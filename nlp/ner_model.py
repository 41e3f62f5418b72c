"""The anonymiser's own statistical NER: names, places and care settings the rules miss.

A small spaCy pipeline (CNN tok2vec, width 64, and a transition-based NER; about 3 MB) lives in
`nlp/data/ner_model/` and loads offline. It was trained on a generated corpus of many voices,
registers and public name lists (nlp/ner_corpus.py), never on a measuring set. Its findings
join the rules' as guesses: they score 0.6, so the check page shows them as "unsure", and the
safeguards in `ner_findings` keep it from marking ordinary English.

To retrain (about 15 minutes on 2 busy cores; deterministic for a given seed):

    python -m nlp.ner_corpus --out /tmp/ner
    python -m spacy train nlp/data/ner_config.cfg --paths.train /tmp/ner/train.spacy \\
        --paths.dev /tmp/ner/dev.spacy --output /tmp/ner/out
    rm -r nlp/data/ner_model && cp -r /tmp/ner/out/model-best nlp/data/ner_model

and score it with `python benchmarks/anonymisation.py --gold /tmp/ner/heldout.jsonl` (names,
places, hospitals and sentence shapes the training never saw).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nlp.findings import Finding
from nlp.lean_imports import without_torch
from nlp.name_gazetteer import gazetteer

MODEL_DIR = Path(__file__).parent / "data" / "ner_model"
NER_LABELS = frozenset({"PERSON", "LOCATION", "CARE_SETTING"})
NER_SCORE = 0.6  # a guess from context: under check_hints.UNSURE_BELOW, so offered for review
BATCH_SIZE = 64
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def ner_pipeline():
    """The trained pipeline, loaded once per process from the package (never downloaded)."""
    with without_torch():
        import spacy

        return spacy.load(MODEL_DIR)


def ner_findings(texts: list[str]) -> list[list[Finding]]:
    """Findings of the trained NER in each text, with the precision safeguards applied."""
    nlp = ner_pipeline()
    out = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        out.append(
            [
                Finding(ent.start_char, ent.end_char, ent.label_, NER_SCORE, "ner")
                for ent in doc.ents
                if ent.label_ in NER_LABELS and _plausible(text, ent.start_char, ent.end_char)
            ]
        )
    return out


def _plausible(text: str, start: int, end: int) -> bool:
    """Drop what reads as ordinary English: a span whose every word is a common English word,
    unless it is written with capitals inside a sentence of mixed case."""
    words = WORD.findall(text[start:end])
    if not words:
        return False
    common = gazetteer().common_words
    if not all(w.lower().replace("’", "'") in common for w in words):
        return True
    return all(w[0].isupper() and not w.isupper() for w in words) and not _sentence_start(
        text, start
    )


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"
