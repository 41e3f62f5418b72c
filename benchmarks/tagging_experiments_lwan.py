"""Experiment (issue 22): a label-wise attention network over frozen MiniLM token vectors,
alone and blended with the shipped kernel ridge, on the development splits only.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_experiments_lwan.py

Why: the sentence vector averages every wordpiece, so a rare priority carried by one phrase in
a long comment is diluted. Per priority, a learnt query attends over the comment's token
vectors (softmax over tokens of tanh(W h_t) . q_j) and a linear layer scores the pooled vector,
so each priority can look at its own phrase. Trained with binary or softmax cross-entropy
(VARIANTS; the priorities' phrases join the training rows as in the shipped learner), AdamW
with a one-cycle schedule, batches of similar length. Held-out training scores for
calibration and cuts come from 3-fold cross-fitting; the test scores are the three fold
models' average. The blend averages the
ridge's and the network's Platt-calibrated log-odds, then calibrates and cuts the blend like
any score. Needs the sentence-vector cache of benchmarks/tagging.py; token vectors are cached
by benchmarks/tagging_token_states.py.
"""

from __future__ import annotations

import time

import numpy as np
import torch
from sklearn.model_selection import KFold

from benchmarks import tagging_experiments_common as common
from benchmarks.tagging_token_states import TokenStates, _compute, token_states
from nlp import tag_learner

BATCH = 64
HIDDEN = 256
WEIGHT_DECAY = 1e-4
DROPOUT = 0.1
# (loss, epochs, peak learning rate). "softmax" is cross-entropy against each row's labels
# spread evenly (multi-label rows share the mass): every row then pushes its own priorities
# up against all others, where binary cross-entropy lets 43 negatives swamp a rare positive.
VARIANTS = (("binary", 8, 2e-3), ("binary", 12, 1e-2), ("softmax", 12, 5e-3))


class LabelWiseAttention(torch.nn.Module):
    def __init__(self, dim: int, labels: int, hidden: int = HIDDEN) -> None:
        super().__init__()
        self.project = torch.nn.Linear(dim, hidden)
        self.query = torch.nn.Parameter(torch.randn(labels, hidden) * 0.05)
        self.weight = torch.nn.Parameter(torch.zeros(labels, dim))
        self.bias = torch.nn.Parameter(torch.zeros(labels))
        self.dropout = torch.nn.Dropout(DROPOUT)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self.dropout(x)
        attention = torch.einsum("bth,lh->blt", torch.tanh(self.project(x)), self.query)
        attention = attention.masked_fill(~mask[:, None, :], float("-inf")).softmax(dim=-1)
        pooled = torch.einsum("blt,btd->bld", attention, x)
        return (pooled * self.weight).sum(-1) + self.bias


def batches(lengths: np.ndarray, rows: np.ndarray, shuffle: np.random.Generator | None):
    """Rows in batches of similar length (little padding); shuffled batch order in training."""
    order = rows[np.argsort(lengths[rows], kind="stable")]
    groups = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    if shuffle is not None:
        shuffle.shuffle(groups)
    return groups


def train_network(states, rows, labels, scale, seed, variant):
    loss_name, epochs, rate = variant
    torch.manual_seed(seed)
    generator = np.random.default_rng(seed)
    model = LabelWiseAttention(states.last.shape[1], labels.shape[1])
    optimiser = torch.optim.AdamW(model.parameters(), lr=rate, weight_decay=WEIGHT_DECAY)
    steps = epochs * int(np.ceil(len(rows) / BATCH))
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, rate, total_steps=steps)
    target = torch.tensor(labels, dtype=torch.float32)
    lengths = states.lengths()
    position = {row: k for k, row in enumerate(rows)}
    model.train()
    for _ in range(epochs):
        for group in batches(lengths, rows, generator):
            x, mask = states.padded(group)
            logits = model(torch.from_numpy(x / scale), torch.from_numpy(mask))
            y = target[[position[r] for r in group]]
            if loss_name == "softmax":
                share = y / y.sum(dim=1, keepdim=True).clamp(min=1.0)
                loss = -(share * logits.log_softmax(dim=1)).sum(dim=1).mean()
            else:
                loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    return model.eval()


def predict_network(model, states: TokenStates, rows: np.ndarray, scale: float) -> np.ndarray:
    out = np.zeros((len(rows), model.bias.shape[0]))
    index = {row: k for k, row in enumerate(rows)}
    with torch.inference_mode():
        for group in batches(states.lengths(), rows, None):
            x, mask = states.padded(group)
            logits = model(torch.from_numpy(x / scale), torch.from_numpy(mask)).numpy()
            out[[index[r] for r in group]] = logits
    return out


def network_scores(split: common.DevSplit, states: TokenStates, phrases: TokenStates, variant):
    """Cross-fitted held-out scores of the training rows, fold-averaged test scores, and one
    fold's fitting time scaled to all training rows (what a shipped model would take)."""
    both = _join(states, phrases)
    n_dev = len(states.offsets) - 1
    phrase_rows = n_dev + np.arange(len(phrases.offsets) - 1)
    _, phrase_labels = tag_learner._phrase_rows(split.framework, split.framework.ids)
    labels_of = dict(zip(split.train, split.train_gold, strict=True))
    labels_of.update(zip(phrase_rows, phrase_labels, strict=True))
    scale = float(np.linalg.norm(states.last[:: max(1, len(states.last) // 5000)], axis=1).mean())
    held_out = np.zeros(split.train_gold.shape)
    test = np.zeros(split.test_gold.shape)
    folds = KFold(3, shuffle=True, random_state=0).split(split.train)
    for number, (fit_rows, out_rows) in enumerate(folds):
        rows = np.concatenate([split.train[fit_rows], phrase_rows])
        labels = np.array([labels_of[r] for r in rows])
        started = time.perf_counter()
        model = train_network(both, rows, labels, scale, number, variant)
        took = (time.perf_counter() - started) * 1.5
        held_out[out_rows] = predict_network(model, both, split.train[out_rows], scale)
        test += predict_network(model, both, split.test, scale) / 3
    return held_out, test, took


def _join(a: TokenStates, b: TokenStates) -> TokenStates:
    return TokenStates(
        np.vstack([a.before_last, b.before_last]),
        np.vstack([a.last, b.last]),
        np.concatenate([a.offsets, a.offsets[-1] + b.offsets[1:]]),
    )


def main() -> None:
    torch.set_num_threads(2)
    splits = common.dev_splits()
    states = token_states(splits[0].texts, "fft-dev")
    phrase_texts, _ = tag_learner._phrase_rows(splits[0].framework, splits[0].framework.ids)
    phrases = _compute(phrase_texts)
    results: dict[str, dict[str, tuple[float, float]]] = {}
    seconds: dict[str, dict[str, float]] = {}

    def note(label, split, pair, took=None):
        results.setdefault(label, {})[split.name] = pair
        if took is not None:
            seconds.setdefault(label, {})[split.name] = took

    for split in splits:
        pair, took = common.shipped(split)
        note("shipped learner (tag_learner.fit, zero-shot fallback on)", split, pair, took)
        ridge = common.ridge_scores(split)
        note("reference: kernel ridge in this harness", split, common.figures(split, *ridge))
        for variant in VARIANTS:
            name = "label-wise attention, {} loss, {} epochs, rate {}".format(*variant)
            held, test, took = network_scores(split, states, phrases, variant)
            note(name, split, common.figures(split, held, test), took)
            for weight in (0.25, 0.5):
                blended = common.blend(
                    [ridge, (held, test)], [1 - weight, weight], split.train_gold
                )
                label = f"  {variant[0]} {variant[1]} {variant[2]}: ridge + it, weight {weight}"
                note(label, split, common.figures(split, *blended))
        print(f"{split.name} done", flush=True)
    for label, row in results.items():
        took = seconds.get(label)
        timing = " ".join(f"{t:.1f} s" for t in took.values()) if took else ""
        print(common.line(label, row, timing))


if __name__ == "__main__":
    main()
