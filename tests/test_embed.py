"""Embeddings with the real all-MiniLM-L6-v2: long stories are windowed and pooled."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import embed

SHORT = [
    "The nurse on the ward was kind and explained my medication.",
    "I waited four hours in A&E with a broken wrist.",
]
LONG_PARTS = [
    "My mother was admitted to the stroke unit and the staff were attentive from the start. ",
    "Later the discharge was rushed: no care package, no equipment, and nobody answered. ",
]


def test_short_texts_match_the_model_itself():
    vectors = embed.encode(SHORT)
    direct = embed.load_model().encode(SHORT, normalize_embeddings=True)
    assert vectors.shape == (2, embed.DIM) and vectors.dtype == np.float32
    assert np.allclose((vectors * direct).sum(axis=1), 1.0, atol=1e-4)


def test_a_long_story_is_split_into_windows_the_model_can_read():
    story = LONG_PARTS[0] * 12 + LONG_PARTS[1] * 12
    pieces, owner = embed.split_windows([SHORT[0], story])
    tokenizer = embed.load_model().tokenizer
    assert owner.tolist().count(0) == 1 and owner.tolist().count(1) >= 2
    assert all(len(tokenizer(p, add_special_tokens=True)["input_ids"]) <= 256 for p in pieces)


def test_the_end_of_a_long_story_counts_in_its_vector():
    start, end = LONG_PARTS[0] * 12, LONG_PARTS[1] * 12
    vector = embed.encode([start + end])[0]
    start_only, end_only = embed.encode([start, end])
    truncated = embed.load_model().encode([start + end], normalize_embeddings=True)[0]
    assert abs(np.linalg.norm(vector) - 1) < 1e-5
    # Truncation would see only the start; pooling sits between both halves.
    assert float(vector @ end_only) > float(truncated @ end_only) + 0.05
    assert float(vector @ start_only) > 0.5


def test_empty_and_huge_inputs_give_finite_unit_vectors():
    assert embed.encode([]).shape == (0, embed.DIM)
    huge = " ".join(["the ward was busy but the staff were kind"] * 5_000)  # 50,000 words
    vectors = embed.encode(["", huge])
    assert np.isfinite(vectors).all()
    assert abs(np.linalg.norm(vectors[1]) - 1) < 1e-5


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=embed.MAX_TOKENS), max_size=400),
    budget=st.integers(min_value=64, max_value=4096),
)
def test_batches_cover_every_text_once_longest_first_within_the_budget(lengths, budget):
    batches = embed.plan_batches(np.asarray(lengths, dtype=np.int64), budget)
    flat = np.concatenate(batches) if batches else np.zeros(0, dtype=np.int64)
    assert sorted(flat.tolist()) == list(range(len(lengths)))
    seen = [lengths[i] for i in flat]
    assert seen == sorted(lengths, reverse=True)
    for batch in batches:
        longest = lengths[batch[0]]
        assert len(batch) <= embed.MAX_BATCH
        assert len(batch) * longest <= max(budget, embed.MIN_BATCH * longest)


def test_progress_rises_to_one_and_batching_does_not_change_vectors():
    texts = [f"{s} Visit {n}." for n in range(40) for s in SHORT] + [LONG_PARTS[0] * 12]
    seen = []
    small = embed.encode(texts, progress=lambda f, _m: seen.append(f), tokens_per_batch=64)
    large = embed.encode(texts, tokens_per_batch=4096)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 1
    assert np.allclose((small * large).sum(axis=1), 1.0, atol=1e-4)


def test_the_onnx_backend_agrees_with_pytorch(monkeypatch, tmp_path):
    texts = [*SHORT, LONG_PARTS[0] * 12 + LONG_PARTS[1] * 12]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    vectors = {}
    try:
        for backend in ("torch", "onnx"):
            monkeypatch.setenv("WORKBENCH_EMBED_BACKEND", backend)
            embed.onnx_session.cache_clear()
            assert (embed.onnx_session() is not None) == (backend == "onnx")
            vectors[backend] = embed.encode(texts)
    finally:
        embed.onnx_session.cache_clear()
    # Exported once to the local cache, under a name saying what it was made from.
    assert [path.name for path in tmp_path.rglob("*.onnx")] == [embed.onnx_file_name()]
    assert (vectors["onnx"] * vectors["torch"]).sum(axis=1).min() > 0.9999


def test_a_cached_graph_that_will_not_load_is_exported_again(monkeypatch, tmp_path):
    """A file cut short in the cache (a full disk, a killed export) once kept every process
    on PyTorch: the session reads it, fails, exports afresh and uses that."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBENCH_EMBED_BACKEND", "onnx")
    broken = tmp_path / "story-workbench" / "onnx" / embed.onnx_file_name()
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\x08\x07not a graph")
    embed.onnx_session.cache_clear()
    try:
        assert embed.onnx_session() is not None
    finally:
        embed.onnx_session.cache_clear()
    assert broken.stat().st_size > 1_000_000  # the graph exported anew in its place


def test_threads_tokenising_at_once_get_what_each_would_alone():
    """A worker runs two jobs in threads (a signals job beside a themes refit): the shared
    tokenizer's padding and truncation settings must not leak from one call into another
    (without the lock, a padded batch came back ragged a few times in a thousand calls)."""
    import random
    from concurrent.futures import ThreadPoolExecutor

    rng = random.Random(7)
    words = SHORT[0].split()
    batches = [
        [" ".join(rng.choices(words, k=rng.randint(1, 30))) for _ in range(rng.randint(2, 4))]
        for _ in range(4000)
    ]

    def padded_then_measured(batch: list[str]) -> tuple[list[int], list[int]]:
        padded = embed.tokenize(batch, padding=True, truncation=True, return_tensors="np")
        return list(padded["attention_mask"].sum(axis=1)), embed.token_lengths(batch).tolist()

    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(padded_then_measured, batches))
    for batch, (padded, measured) in zip(batches, together, strict=True):
        assert padded == measured == embed.token_lengths(batch).tolist()
