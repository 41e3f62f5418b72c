"""Fine-tuning the top of all-MiniLM-L6-v2 for the risk signals (an experiment for issue 19;
see benchmarks/signals_experiments_finetune.py for the figures).

Layers 0-3 stay frozen: their token outputs for every training sentence and context are
computed once and cached (fp16, about 1 GB for 54,000 texts), so each training step runs only
layers 4-5, mean pooling and a multi-label head (one logit per signal on [sentence, context])
on the same examples, labels and weights as the shipped training (masked binary cross-entropy,
"unsure" sentences left out, balanced class weights). Torch on the CPU, one thread, seeded.
"""

from __future__ import annotations

import copy
import hashlib
import os
import time
import typing
from pathlib import Path

import numpy as np

if typing.TYPE_CHECKING:
    from nlp.signals.model_training.corpus import Example

CACHE = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    / "story-workbench"
    / "signal-layer3"
)
FROZEN = 4  # layers 0..FROZEN-1 frozen
MAX_TOKENS = 128
SEED = 19


def label_arrays(examples: list[Example], names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(examples, signals) targets and a mask of the known ones (unsure left out)."""
    y = np.array([[n in e.labels for n in names] for e in examples], dtype=np.float32)
    known = np.array([[n not in e.unsure for n in names] for e in examples], dtype=np.float32)
    return y, known


def balanced_weights(y: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Per example and signal, scikit-learn's "balanced" class weight (n / (2 n_class))."""
    n = known.sum(0)
    pos = (y * known).sum(0).clip(1)
    neg = ((1 - y) * known).sum(0).clip(1)
    return known * np.where(y > 0, n / (2 * pos), n / (2 * neg))


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _additive_mask(mask):
    return (1.0 - mask[:, None, None, :].float()) * -1e4


class Top:
    """Layers FROZEN.. of MiniLM (a copy, trainable) with mean pooling."""

    def __init__(self, bert) -> None:
        self.layers = [copy.deepcopy(layer) for layer in bert.encoder.layer[FROZEN:]]

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def train(self, on: bool) -> None:
        for layer in self.layers:
            layer.train(on)

    def __call__(self, hidden, mask):
        import torch

        extended = _additive_mask(mask)
        for layer in self.layers:
            out = layer(hidden, attention_mask=extended)
            hidden = out[0] if isinstance(out, tuple) else out
        m = mask[..., None].float()
        pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1)


def _frozen_pass(bert, tokens):
    """Embeddings and the frozen layers: (texts, tokens, 384) hidden states."""
    hidden = bert.embeddings(input_ids=tokens["input_ids"], token_type_ids=tokens["token_type_ids"])
    extended = _additive_mask(tokens["attention_mask"])
    for layer in bert.encoder.layer[:FROZEN]:
        out = layer(hidden, attention_mask=extended)
        hidden = out[0] if isinstance(out, tuple) else out
    return hidden


def build_cache(texts: list[str], folder: Path = CACHE) -> None:
    """Layer-3 token outputs (fp16, truncated at MAX_TOKENS) of every text, keyed by sha256
    (never the text). About 13 minutes for the 54,000 training texts on one busy core."""
    import torch

    from nlp import embed

    texts = list(dict.fromkeys(texts))
    model = embed.load_model()
    bert = model[0].auto_model.eval()
    lengths = embed.token_lengths(texts)
    out: list[np.ndarray] = [np.zeros((0, 384), np.float16)] * len(texts)
    with torch.no_grad():
        for chunk in embed.plan_batches(lengths, 2048):
            tokens = model.tokenizer(
                [texts[i] for i in chunk],
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            hidden = _frozen_pass(bert, tokens)
            kept = tokens["attention_mask"].sum(1).tolist()
            for j, i in enumerate(chunk):
                out[i] = hidden[j, : kept[j]].numpy().astype(np.float16)
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / "l3_hidden.npy", np.concatenate(out))
    np.savez(
        folder / "l3_index.npz",
        keys=np.array([_key(t) for t in texts]),
        offsets=np.cumsum([0] + [len(o) for o in out]),
    )


class Cache:
    """Layer-3 token outputs of the cached texts."""

    def __init__(self, folder: Path = CACHE) -> None:
        index = np.load(folder / "l3_index.npz")
        self.hidden = np.load(folder / "l3_hidden.npy", mmap_mode="r")
        self.offsets = index["offsets"]
        self.row = {k: i for i, k in enumerate(index["keys"].tolist())}

    def batch(self, rows: list[int]):
        import torch

        lengths = [int(self.offsets[r + 1] - self.offsets[r]) for r in rows]
        longest = max(lengths)
        hidden = np.zeros((len(rows), longest, self.hidden.shape[1]), dtype=np.float32)
        mask = np.zeros((len(rows), longest), dtype=np.int64)
        for j, (r, n) in enumerate(zip(rows, lengths, strict=True)):
            hidden[j, :n] = self.hidden[self.offsets[r] : self.offsets[r] + n]
            mask[j, :n] = 1
        return torch.from_numpy(hidden), torch.from_numpy(mask)


def fine_tune(data, steps: int = 1500, batch: int = 32, verbose: bool = True):
    """The fine-tuned top layers (and the head), trained on `data` (see the docstring)."""
    import torch

    from nlp import embed

    torch.manual_seed(SEED)
    bert = embed.load_model()[0].auto_model.eval()
    top = Top(bert)
    head = torch.nn.Linear(2 * bert.config.hidden_size, len(data.names))
    texts = [e.text for e in data.examples] + [e.around for e in data.examples]
    if not (CACHE / "l3_index.npz").exists():
        build_cache(texts)
    cache = Cache()
    if any(_key(t) not in cache.row for t in texts):
        build_cache(texts)
        cache = Cache()
    sentence = [cache.row[_key(e.text)] for e in data.examples]
    context = [cache.row[_key(e.around)] for e in data.examples]
    y, known = label_arrays(data.examples, data.names)
    weight = torch.tensor(balanced_weights(y, known), dtype=torch.float32)
    target = torch.tensor(y)
    optimiser = torch.optim.AdamW(
        [
            {"params": top.parameters(), "lr": 3e-5},
            {"params": head.parameters(), "lr": 3e-3},
        ],
        weight_decay=1e-2,
    )
    train_top(top, head, cache, sentence, context, target, weight, optimiser, steps, batch, verbose)
    return top, cache


def train_top(
    top,
    head,
    cache: Cache,
    sentence,
    context,
    target,
    weight,
    optimiser,
    steps: int,
    batch: int = 32,
    verbose: bool = True,
    schedule=None,
) -> float:
    """The training steps both fine-tuning experiments share: batches of examples of about the
    same length (little padding) drawn in random order, [sentence, context] through the top
    layers and the head, class-weighted binary cross-entropy; the seconds it took."""
    import torch

    rng = np.random.default_rng(SEED)
    lengths = np.array([cache.offsets[r + 1] - cache.offsets[r] for r in context])
    batches: list[np.ndarray] = []
    top.train(True)
    started = time.perf_counter()
    for step in range(steps):
        if not batches:
            order = np.argsort(lengths + rng.random(len(lengths)) * 8, kind="stable")
            batches = [order[i : i + batch] for i in range(0, len(order), batch)]
            rng.shuffle(batches)
        pick = batches.pop()
        h_s, m_s = cache.batch([sentence[i] for i in pick])
        h_c, m_c = cache.batch([context[i] for i in pick])
        logits = head(torch.cat([top(h_s, m_s), top(h_c, m_c)], dim=1)) * 10
        loss = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, target[pick], weight=weight[pick]
        )
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        if schedule is not None:
            schedule.step()
        if verbose and step % 100 == 0:
            print(
                f"step {step}/{steps} loss {loss.item():.4f} {time.perf_counter() - started:.0f} s",
                flush=True,
            )
    top.train(False)
    return time.perf_counter() - started


def embed_cached(top, cache: Cache, texts: list[str], batch: int = 64) -> np.ndarray:
    """Fine-tuned vectors of cached texts."""
    import torch

    rows = [cache.row[_key(t)] for t in texts]
    lengths = np.array([cache.offsets[r + 1] - cache.offsets[r] for r in rows])
    order = np.argsort(-lengths, kind="stable")
    out = np.zeros((len(texts), 384), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            hidden, mask = cache.batch([rows[i] for i in chunk])
            out[chunk] = top(hidden, mask).numpy()
    return out


def fine_tuned_features(data, steps: int = 1500):
    """[sentence, context] fine-tuned vectors of data.examples, and the fine-tuned top."""
    top, cache = fine_tune(data, steps)
    texts = list(dict.fromkeys([e.text for e in data.examples] + [e.around for e in data.examples]))
    vectors = embed_cached(top, cache, texts)
    row = {t: i for i, t in enumerate(texts)}
    features = np.hstack(
        [
            vectors[[row[e.text] for e in data.examples]],
            vectors[[row[e.around] for e in data.examples]],
        ]
    )
    return features, top


class Encoder:
    """Texts -> fine-tuned vectors at run time: base layers 0-3, then the fine-tuned top."""

    def __init__(self, top) -> None:
        from nlp import embed

        self.top = top
        self.model = embed.load_model()
        self.bert = self.model[0].auto_model.eval()

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        import torch

        from nlp import embed

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        tokenizer = self.model.tokenizer
        lengths = embed.token_lengths(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        with torch.no_grad():
            for chunk in embed.plan_batches(lengths, 2048):
                tokens = tokenizer(
                    [texts[i] for i in chunk],
                    padding=True,
                    truncation=True,
                    max_length=embed.MAX_TOKENS,
                    return_tensors="pt",
                )
                hidden = _frozen_pass(self.bert, tokens)
                out[chunk] = self.top(hidden, tokens["attention_mask"]).numpy()
        return out
