"""Experiment (issue 22): fine-tune only MiniLM's last transformer layer plus mean pooling and
a multi-label head, on cached inputs of that layer, alone and blended with the shipped kernel
ridge, on the development splits only.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_experiments_finetune.py \
        [--loss binary|softmax]

Why: a frozen sentence embedding is the learner's ceiling (the rejected variants in
docs/measured/tagging.md all reshuffle the same features). Fine-tuning the whole model does not fit
in 60 s on 2 cores, but the first five layers can stay frozen: their output (hidden state 5) is
computed once, like the sentence vectors, and only the last layer (1.8 M weights) and a linear head
over its mean-pooled output are trained, a couple of epochs with binary cross-entropy. Held-out
training scores come from 3-fold cross-fitting, test scores are the fold models' average; the
training time reported is one fold's fit scaled to all training rows.
"""

from __future__ import annotations

import copy

import numpy as np
import torch

from benchmarks import tagging_experiments_common as common
from benchmarks.tagging_token_states import TokenStates
from nlp import embed

EPOCHS = 2
LAYER_RATE = 5e-5
# Head learning rate per loss; "softmax" is cross-entropy against each row's labels spread
# evenly, as in benchmarks/tagging_experiments_lwan.py (binary cross-entropy underfits rare ones).
HEAD_RATE = {"binary": 2e-3, "softmax": 1e-2}


class LastLayerTagger(torch.nn.Module):
    def __init__(self, labels: int) -> None:
        super().__init__()
        self.layer = copy.deepcopy(embed.load_model()[0].auto_model.encoder.layer[5])
        self.head = torch.nn.Linear(embed.DIM, labels)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        additive = torch.zeros(mask.shape, dtype=x.dtype).masked_fill(~mask, -1e9)
        hidden = self.layer(x, attention_mask=additive[:, None, None, :])
        hidden = hidden[0] if isinstance(hidden, tuple) else hidden
        weights = mask[..., None].to(x.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
        return self.head(torch.nn.functional.normalize(pooled, dim=-1) * 10.0)


def check_layer(states: TokenStates) -> float:
    """Largest gap between the copied layer's output and the cached token vectors (sanity)."""
    model = LastLayerTagger(2).eval()
    rows = np.arange(min(64, len(states.offsets) - 1))
    x, mask = states.padded(rows, "before_last")
    with torch.inference_mode():
        additive = torch.zeros(mask.shape).masked_fill(~torch.from_numpy(mask), -1e9)
        out = model.layer(torch.from_numpy(x), attention_mask=additive[:, None, None, :])
        out = (out[0] if isinstance(out, tuple) else out).numpy()
    expected, _ = states.padded(rows, "last")
    return float(np.abs(out - expected)[mask].max())


def train(states: TokenStates, rows: np.ndarray, labels: np.ndarray, seed: int, loss_name: str):
    torch.manual_seed(seed)
    generator = np.random.default_rng(seed)
    model = LastLayerTagger(labels.shape[1])
    optimiser = torch.optim.AdamW(
        [
            {"params": model.layer.parameters(), "lr": LAYER_RATE},
            {"params": model.head.parameters(), "lr": HEAD_RATE[loss_name]},
        ],
        weight_decay=0.01,
    )
    run = (EPOCHS, generator, loss_name)
    return common.train_batches(
        model, states, rows, labels, run, lambda group: _logits(model, states, group), [optimiser]
    )


def _logits(model: LastLayerTagger, states: TokenStates, group: np.ndarray) -> torch.Tensor:
    x, mask = states.padded(group, "before_last")
    return model(torch.from_numpy(x), torch.from_numpy(mask))


def predict(model, states: TokenStates, rows: np.ndarray) -> np.ndarray:
    width = model.head.out_features
    return common.predict_batches(states, rows, width, lambda g: _logits(model, states, g))


def scores(split: common.DevSplit, states: TokenStates, phrases: TokenStates, loss_name: str):
    def fit(both, rows, labels, number):
        return train(both, rows, labels, number, loss_name)

    held_out, test, fold_seconds = common.cross_fit(split, states, phrases, fit, predict)
    return held_out, test, float(np.mean(fold_seconds)) * 1.5


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loss", choices=sorted(HEAD_RATE), default="softmax")
    loss_name = parser.parse_args().loss
    torch.set_num_threads(2)
    splits = common.dev_splits()
    states, phrases = common.token_inputs(splits)
    print(f"copied last layer reproduces the cached token vectors to {check_layer(states):.3f}")
    table = common.Table()
    for split in splits:
        ridge = table.references(split)
        held, test, took = scores(split, states, phrases, loss_name)
        label = f"last layer fine-tuned, {loss_name} loss, {EPOCHS} epochs, alone"
        table.note(label, split, common.figures(split, held, test), took)
        table.blends(split, ridge, (held, test), lambda w: f"ridge + fine-tuned, weight {w}")
        print(f"{split.name} done", flush=True)
    table.print()


if __name__ == "__main__":
    main()
