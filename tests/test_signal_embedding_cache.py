"""The signal training's embedding cache: keyed by each text's hash, never the text, and
written in one step so a stopped or concurrent training never leaves it unreadable."""

from __future__ import annotations

import numpy as np

from nlp.signals.model_training import training


def test_the_cache_holds_hashes_not_texts_and_is_moved_into_place(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = ["I could not get through to the surgery.", "The nurse was kind to my dad."]
    first = training.embed_cached(texts)
    path = training._cache_path()
    assert path.exists()
    assert not list(path.parent.glob("*.partial"))  # nothing half-written is left behind
    with np.load(path) as data:
        keys = data["keys"].tolist()
        assert len(keys) == 2
        assert not any("surgery" in k or "nurse" in k for k in keys)
    again = training.embed_cached([*texts, "A third sentence about waiting."])
    np.testing.assert_array_equal(again[:2], first)
    with np.load(path) as data:
        assert len(data["keys"]) == 3
