"""Experiment (issue 22): fine-tune only MiniLM's last transformer layer plus mean pooling and
a multi-label head, on cached inputs of that layer, alone and blended with the shipped kernel
ridge, on the development splits only.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_experiments_finetune.py \
        [--loss binary|softmax]

Why: a frozen sentence embedding is the learner's ceiling (the README's list of rejected
variants all reshuffle the same features). Fine-tuning the whole model does not fit in 60 s on
2 cores, but the first five layers can stay frozen: their output (hidden state 5) is computed
once, like the sentence vectors, and only the last layer (1.8 M weights) and a linear head over
its mean-pooled output are trained, a couple of epochs with binary cross-entropy. Held-out
training scores come from 3-fold cross-fitting, test scores are the fold models' average; the
training time reported is one fold's fit scaled to all training rows.
"""

from __future__ import annotations

import copy
import time

import numpy as np
import torch
from sklearn.model_selection import KFold

from benchmarks import tagging_experiments_common as common
from benchmarks.tagging_experiments_lwan import _join, batches
from benchmarks.tagging_token_states import TokenStates, _compute, token_states
from nlp import embed, tag_learner

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
    target = torch.tensor(labels, dtype=torch.float32)
    position = {row: k for k, row in enumerate(rows)}
    model.train()
    for _ in range(EPOCHS):
        for group in batches(states.lengths(), rows, generator):
            x, mask = states.padded(group, "before_last")
            logits = model(torch.from_numpy(x), torch.from_numpy(mask))
            y = target[[position[r] for r in group]]
            if loss_name == "softmax":
                share = y / y.sum(dim=1, keepdim=True).clamp(min=1.0)
                loss = -(share * logits.log_softmax(dim=1)).sum(dim=1).mean()
            else:
                loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return model.eval()


def predict(model, states: TokenStates, rows: np.ndarray) -> np.ndarray:
    out = np.zeros((len(rows), model.head.out_features))
    index = {row: k for k, row in enumerate(rows)}
    with torch.inference_mode():
        for group in batches(states.lengths(), rows, None):
            x, mask = states.padded(group, "before_last")
            out[[index[r] for r in group]] = model(
                torch.from_numpy(x), torch.from_numpy(mask)
            ).numpy()
    return out


def scores(split: common.DevSplit, states: TokenStates, phrases: TokenStates, loss_name: str):
    both = _join(states, phrases)
    phrase_rows = len(states.offsets) - 1 + np.arange(len(phrases.offsets) - 1)
    _, phrase_labels = tag_learner._phrase_rows(split.framework, split.framework.ids)
    labels_of = dict(zip(split.train, split.train_gold, strict=True))
    labels_of.update(zip(phrase_rows, phrase_labels, strict=True))
    held_out = np.zeros(split.train_gold.shape)
    test = np.zeros(split.test_gold.shape)
    fold_seconds = []
    for number, (fit_rows, out_rows) in enumerate(
        KFold(3, shuffle=True, random_state=0).split(split.train)
    ):
        rows = np.concatenate([split.train[fit_rows], phrase_rows])
        started = time.perf_counter()
        model = train(both, rows, np.array([labels_of[r] for r in rows]), number, loss_name)
        fold_seconds.append(time.perf_counter() - started)
        held_out[out_rows] = predict(model, both, split.train[out_rows])
        test += predict(model, both, split.test) / 3
    return held_out, test, float(np.mean(fold_seconds)) * 1.5


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loss", choices=sorted(HEAD_RATE), default="softmax")
    loss_name = parser.parse_args().loss
    torch.set_num_threads(2)
    splits = common.dev_splits()
    states = token_states(splits[0].texts, "fft-dev")
    print(f"copied last layer reproduces the cached token vectors to {check_layer(states):.3f}")
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
        held, test, took = scores(split, states, phrases, loss_name)
        note(
            f"last layer fine-tuned, {loss_name} loss, {EPOCHS} epochs, alone",
            split,
            common.figures(split, held, test),
            took,
        )
        for weight in (0.25, 0.5):
            blended = common.blend([ridge, (held, test)], [1 - weight, weight], split.train_gold)
            note(f"ridge + fine-tuned, weight {weight}", split, common.figures(split, *blended))
        print(f"{split.name} done", flush=True)
    for label, row in results.items():
        took = seconds.get(label)
        timing = " ".join(f"{t:.1f} s" for t in took.values()) if took else ""
        print(common.line(label, row, timing))


if __name__ == "__main__":
    main()
