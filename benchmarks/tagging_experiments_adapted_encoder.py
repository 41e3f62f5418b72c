"""Experiment (issue 22): adapt MiniLM once, offline, to labelled NHS feedback, then run the
unchanged learner (`nlp.tag_learner.fit`) on the adapted sentence vectors.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python \
        benchmarks/tagging_experiments_adapted_encoder.py [--measure]

Why: every learner variant in the README moved the dev figures by noise, so the frozen
general-purpose encoder looked like the limit. Fine-tuning per fit is too slow (> 60 s), but the
encoder could be adapted once to patient-feedback language and shipped, leaving each
organisation's fit a fast ridge. This script tests that on the development protocol only:

- encoder adapted on Trust A's labels -> learner Trust A -> B; adapted on Trust B -> B -> A
  (the ridge then trains on texts the encoder saw, as when the shipped weights are adapted on
  all of FFT and an FFT-like framework is tagged);
- the deployment case proper, an organisation the encoder never saw: adapted on Trust A ->
  learner on a 50/50 split of Trust B, adapted on Trust B -> 50/50 split of Trust A;
- Care Opinion 70/30 (long stories, coded per story) with the encoder adapted on one trust's
  short comments: does the adaptation transfer beyond the codes it saw?

Every row has the frozen encoder beside it, embedded by the same code in the same run. Trust C
is read only with --measure (A + B adapted, A + B -> C and Care Opinion, once).

Adaptation: all six layers, mean pooling, cosine-softmax cross-entropy over the trust's
subcategories (the head's rows start at each subcategory's phrase prototype and are thrown
away; only the encoder would ship). torch on one thread.
"""

from __future__ import annotations

import argparse
import copy
import time
from collections.abc import Callable

import numpy as np
import torch
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from nlp import embed, tag_learner
from nlp.priorities import Framework, load_framework

EPOCHS = 2
BATCH = 32
RATE = 3e-5
HEAD_RATE = 2e-3
SCALE = 20.0  # cosine-softmax temperature (1/0.05, as supervised contrastive losses use)
SEED = 0


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    weights = mask[..., None].to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)


def encoder_fn(transformer) -> Callable[[list[str]], np.ndarray]:
    """A batch encoder with the packaged model's tokenizer and mean pooling over `transformer`
    (frozen or adapted): what `nlp.embed` computes, in PyTorch."""
    tokenizer = embed.load_model().tokenizer

    def encode_batch(batch: list[str]) -> np.ndarray:
        tokens = tokenizer(
            batch, padding=True, truncation=True, max_length=embed.MAX_TOKENS, return_tensors="pt"
        )
        with torch.inference_mode():
            hidden = transformer(**tokens).last_hidden_state
            pooled = mean_pool(hidden, tokens["attention_mask"])
        return torch.nn.functional.normalize(pooled, dim=-1).numpy()

    return encode_batch


def encode_with(transformer, texts: list[str]) -> np.ndarray:
    """`nlp.embed.encode` (windows for long texts, averaged) with the given transformer."""
    if not texts:
        return np.zeros((0, embed.DIM), dtype=np.float32)
    pieces, owner = embed.split_windows(texts)
    batch_encoder = encoder_fn(transformer)
    vectors = np.zeros((len(pieces), embed.DIM), dtype=np.float32)
    for index in embed.plan_batches(embed.token_lengths(pieces)):
        vectors[index] = batch_encoder([pieces[i] for i in index])
    pooled = np.zeros((len(texts), embed.DIM), dtype=np.float32)
    np.add.at(pooled, owner, vectors)
    return embed._normalise(pooled)


def adapt(texts: list[str], labels: np.ndarray, framework: Framework, first_layer: int = 0):
    """A copy of MiniLM's transformer fine-tuned on (texts, one label each): layers
    `first_layer`..5 train (0: all, word embeddings too), the rest stay as shipped."""
    torch.manual_seed(SEED)
    generator = np.random.default_rng(SEED)
    transformer = copy.deepcopy(embed.load_model()[0].auto_model).train()
    if first_layer > 0:
        for name, parameter in transformer.named_parameters():
            layer = name.split(".")[2] if name.startswith("encoder.layer.") else None
            parameter.requires_grad = layer is not None and int(layer) >= first_layer
    tokenizer = embed.load_model().tokenizer
    used = np.flatnonzero(labels.sum(axis=0) > 0)
    target = torch.tensor(labels[:, used].argmax(axis=1))
    prototypes = tag_learner.prototype_vectors(framework, [framework.ids[j] for j in used])
    head = torch.nn.Parameter(torch.tensor(prototypes))
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for p in transformer.parameters() if p.requires_grad], "lr": RATE},
            {"params": [head], "lr": HEAD_RATE},
        ],
        weight_decay=0.01,
    )
    steps = EPOCHS * int(np.ceil(len(texts) / BATCH))
    warm = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    lengths = embed.token_lengths(texts)
    for epoch in range(EPOCHS):
        print(f"  epoch {epoch + 1}/{EPOCHS} from {time.strftime('%H:%M:%S')}", flush=True)
        # Batches of similar length, shuffled: little padding.
        order = np.argsort(lengths + generator.random(len(texts)) * 4, kind="stable")
        groups = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
        generator.shuffle(groups)
        for group in groups:
            tokens = tokenizer(
                [texts[i] for i in group],
                padding=True,
                truncation=True,
                max_length=embed.MAX_TOKENS,
                return_tensors="pt",
            )
            pooled = mean_pool(transformer(**tokens).last_hidden_state, tokens["attention_mask"])
            cosine = torch.nn.functional.normalize(pooled, dim=-1) @ (
                torch.nn.functional.normalize(head, dim=-1).T
            )
            loss = torch.nn.functional.cross_entropy(SCALE * cosine, target[group])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    return transformer.eval()


class Encoder:
    """A transformer whose vectors `nlp.embed.encode` (hence `tag_learner.fit`'s phrase and
    prototype vectors) returns while it is active; vectors of the data are cached per text."""

    def __init__(self, transformer) -> None:
        self.transformer = transformer
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str], *_args, **_kwargs) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            self.cache.update(zip(missing, encode_with(self.transformer, missing), strict=True))
        if not texts:
            return np.zeros((0, embed.DIM), dtype=np.float32)
        return np.vstack([self.cache[t] for t in texts])


def learner(encoder: Encoder, framework, train_texts, train_gold, test_texts, test_gold):
    """The shipped learner, unchanged, with `encoder`'s vectors everywhere: (micro, macro), s."""
    original = embed.encode
    embed.encode = encoder.encode
    try:
        train_vectors = encoder.encode(train_texts)
        test_vectors = encoder.encode(test_texts)
        started = time.perf_counter()
        model = tag_learner.fit(framework, framework.ids, train_texts, train_vectors, train_gold)
        seconds = time.perf_counter() - started
        decided = model.predict(test_texts, test_vectors)[0]
    finally:
        embed.encode = original
    return bench.f1_pair(test_gold, decided), seconds


def load(measure: bool):
    rows = bench.read_rows(bench.DEFAULT_DATA)
    full = load_framework(bench.DEFAULT_FRAMEWORK)
    framework = bench.subcategory_framework(rows, full)
    majors_of = {r["code"]: r["label"].strip() for r in rows}  # the taxonomy, not the texts
    trusts_kept = ("Trust A", "Trust B", "Trust C") if measure else ("Trust A", "Trust B")
    rows = [r for r in rows if r["organization"] in trusts_kept]  # Trust C only with --measure
    texts = [r["feedback"] for r in rows]
    gold = np.zeros((len(rows), len(framework.ids)), dtype=np.int8)
    gold[np.arange(len(rows)), [framework.ids.index(r["code"]) for r in rows]] = 1
    trusts = np.array([r["organization"] for r in rows])
    stories, story_gold = bench.care_opinion(framework, majors_of)
    return framework, texts, gold, trusts, stories, story_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true", help="A + B adapted: A + B -> C once")
    parser.add_argument("--first-layer", type=int, default=0, help="train layers N..5 only")
    args = parser.parse_args()
    torch.set_num_threads(1)
    framework, texts, gold, trusts, stories, story_gold = load(args.measure)
    co_train, co_test = train_test_split(
        np.arange(len(stories)), test_size=0.3, random_state=bench.SEED
    )
    frozen = Encoder(embed.load_model()[0].auto_model.eval())
    if args.measure:
        plans = [(("Trust A", "Trust B"), "Trust C", None)]
    else:
        plans = [(("Trust A",), "Trust B", "Trust B"), (("Trust B",), "Trust A", "Trust A")]
    results: list[str] = []

    def row(label: str, encoders: dict[str, Encoder], train_rows, test_rows, on_stories=False):
        source_texts, source_gold = (stories, story_gold) if on_stories else (texts, gold)
        for name, encoder in encoders.items():
            (micro, macro), took = learner(
                encoder,
                framework,
                [source_texts[i] for i in train_rows],
                source_gold[train_rows],
                [source_texts[i] for i in test_rows],
                source_gold[test_rows],
            )
            line = f"{label:<44} {name:<26} {micro:.3f} / {macro:.3f}  fit {took:5.1f} s"
            results.append(line)
            print(line, flush=True)

    for adapted_on, other, unseen in plans:
        source = np.flatnonzero(np.isin(trusts, adapted_on))
        started = time.perf_counter()
        transformer = adapt([texts[i] for i in source], gold[source], framework, args.first_layer)
        took = time.perf_counter() - started
        tag = " + ".join(t[-1] for t in adapted_on)
        if args.first_layer:
            tag += f" (layers {args.first_layer}-5)"
        print(f"adapted on Trust {tag} ({len(source)} comments) in {took:.0f} s", flush=True)
        bench.CACHE.mkdir(exist_ok=True)
        torch.save(
            transformer.state_dict(),
            bench.CACHE / f"adapted_{''.join(t[-1] for t in adapted_on)}_{args.first_layer}.pt",
        )
        encoders = {"frozen": frozen, f"adapted on {tag}": Encoder(transformer)}
        test = np.flatnonzero(trusts == other)
        row(f"FFT {tag} -> {other[-1]}", encoders, source, test)
        if unseen is not None:
            own = np.flatnonzero(trusts == unseen)
            half_train, half_test = train_test_split(own, test_size=0.5, random_state=bench.SEED)
            row(f"FFT {unseen[-1]} 50/50 (encoder never saw it)", encoders, half_train, half_test)
        row("Care Opinion 70/30", encoders, co_train, co_test, on_stories=True)
    print("\n" + "\n".join(results))


if __name__ == "__main__":
    main()
