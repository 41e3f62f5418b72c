"""The NER pipeline over a stream of texts and documents: `nlp.pipe`, its entity recogniser
parsing with a beam of one instead of its greedy parse.

A beam of one keeps, at each token, the one best valid action, as the greedy parse does, and
the parse reads the same scores (the same precomputed features, summed by the same code), so
the entities are the same (tests/test_anonymise_ner.py compares the two on look-alike stories;
findings were byte-identical on 16,981 texts, and the entities on 83 pieces of 19,000
characters). One difference could show: the beam ranks an action by its score added to the
path's running score in single precision, where two scores closer than the sum's last digit
tie, and a tie takes the later action where the greedy parse takes the first; on none of
those texts did it happen. It is faster on
the short pieces stories are: spaCy 3.8's greedy parse releases the GIL around its loop in C,
and the loop's state lookups take the GIL back on every call, which on a profile was over a
third of the NER's time; the beam steps from Python, holding the GIL, so those lookups cost
nothing. About two fifths of the NER's time (a twelfth of a large file's run) goes.

What `Language.pipe` and the components' own `pipe` do is done here in the same order: texts
become documents with the pipeline's tokenizer, the tok2vec annotates a batch, the recogniser
reads it sorted by length in sub-batches of a quarter, and the documents come back in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.util import minibatch


def read_with_entities(nlp, inputs: Iterable, batch_size: int) -> Iterator:
    """`nlp.pipe(inputs, batch_size=batch_size)` for the NER pipeline (a tok2vec, then "ner");
    each input a text or a document of the pipeline's vocabulary."""
    tok2vec, recogniser = nlp.get_pipe("tok2vec"), nlp.get_pipe("ner")
    for batch in minibatch(inputs, size=batch_size):
        docs = [nlp.make_doc(given) if isinstance(given, str) else given for given in batch]
        tok2vec.set_annotations(docs, tok2vec.predict(docs))
        for part in minibatch(sorted(docs, key=len), size=max(batch_size // 4, 2)):
            part = list(part)
            recogniser.set_annotations(part, _parsed(recogniser, part))
        yield from docs


def _parsed(recogniser, docs: list) -> list:
    """The recogniser's parse states for these documents (its `predict`), with a beam of one."""
    if not any(len(doc) for doc in docs):
        return recogniser.moves.init_batch(docs)
    return recogniser.beam_parse(docs, beam_width=1, beam_density=0.0)
