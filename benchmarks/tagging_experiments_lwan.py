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

import numpy as np
import torch

from benchmarks import tagging_experiments_common as common
from benchmarks.tagging_token_states import TokenStates

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


def train_network(states, rows, labels, scale, seed, variant):
    loss_name, epochs, rate = variant
    torch.manual_seed(seed)
    generator = np.random.default_rng(seed)
    model = LabelWiseAttention(states.last.shape[1], labels.shape[1])
    optimiser = torch.optim.AdamW(model.parameters(), lr=rate, weight_decay=WEIGHT_DECAY)
    steps = epochs * int(np.ceil(len(rows) / common.BATCH))
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, rate, total_steps=steps)
    run = (epochs, generator, loss_name)

    def logits_of(group):
        return _logits(model, states, group, scale)

    return common.train_batches(model, states, rows, labels, run, logits_of, [optimiser, schedule])


def _logits(model, states: TokenStates, group: np.ndarray, scale: float) -> torch.Tensor:
    x, mask = states.padded(group)
    return model(torch.from_numpy(x / scale), torch.from_numpy(mask))


def predict_network(model, states: TokenStates, rows: np.ndarray, scale: float) -> np.ndarray:
    def logits_of(group):
        return _logits(model, states, group, scale)

    return common.predict_batches(states, rows, model.bias.shape[0], logits_of)


def network_scores(split: common.DevSplit, states: TokenStates, phrases: TokenStates, variant):
    """Cross-fitted held-out scores of the training rows, fold-averaged test scores, and one
    fold's fitting time scaled to all training rows (what a shipped model would take)."""
    scale = float(np.linalg.norm(states.last[:: max(1, len(states.last) // 5000)], axis=1).mean())

    def fit(both, rows, labels, number):
        return train_network(both, rows, labels, scale, number, variant)

    def predict(model, both, rows):
        return predict_network(model, both, rows, scale)

    held_out, test, fold_seconds = common.cross_fit(split, states, phrases, fit, predict)
    return held_out, test, fold_seconds[-1] * 1.5


def main() -> None:
    torch.set_num_threads(2)
    splits = common.dev_splits()
    states, phrases = common.token_inputs(splits)
    table = common.Table()
    for split in splits:
        ridge = table.references(split)
        for variant in VARIANTS:
            name = "label-wise attention, {} loss, {} epochs, rate {}".format(*variant)
            held, test, took = network_scores(split, states, phrases, variant)
            table.note(name, split, common.figures(split, held, test), took)
            prefix = f"  {variant[0]} {variant[1]} {variant[2]}"
            table.blends(
                split, ridge, (held, test), lambda w, p=prefix: f"{p}: ridge + it, weight {w}"
            )
        print(f"{split.name} done", flush=True)
    table.print()


if __name__ == "__main__":
    main()
