"""Labelled stories written by other hands, as training for the sentence model.

Why: the generated corpus (nlp.signals.model_training.corpus) is our own sentences, varied by our
own slots; rules and hold-backs written from a development set's misses raised that set's figures
but not an unseen set's. Stories written by other people, in many voices (chat, call logs, carers'
notes, Welsh and mixed), teach the model risk said in ways we did not think of.

Which: the retired blind rounds (benchmarks/data/signals_independent_v3..v8.jsonl, measured
once each and now development data) and the sets written for training
(nlp/data/signal_written/*.jsonl). Never the measure sets in benchmarks/signals_*.jsonl.

How (multiple-instance): a story's labels say that at least one of its sentences carries
the signal, not which. A story of one or two sentences gives each sentence its labels. In a
longer story, for each signal it carries, the sentence a first-pass model scores highest for
that signal takes the label; its other sentences are "unsure" for that signal (neither
positive nor negative) and negatives for every signal the story does not carry. A story
without labels gives negatives only. Welsh sentences are left out (the Welsh rules and the
Welsh model, `nlp.signals.model_training.welsh_training`, read them), as the detector does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp.signals.model_training.corpus import Example
from nlp.signals.sentence_model import model as signal_model
from nlp.signals.welsh import welsh as signal_welsh

ROOT = Path(__file__).resolve().parents[3]
WRITTEN_DIR = Path(__file__).parents[2] / "data" / "signal_written"
RETIRED = tuple(
    ROOT / "benchmarks" / "data" / f"signals_independent_v{n}.jsonl" for n in (3, 4, 5, 6, 7, 8)
)
# Short enough that every sentence takes the story's labels.
SHORT = 2


@dataclass(frozen=True)
class Story:
    """One labelled written story and the file it came from (cross-validation's fold)."""

    id: str
    text: str
    labels: tuple[str, ...]
    source: str


def paths() -> list[Path]:
    """The retired blind rounds and every set written for training, in a fixed order."""
    return [*RETIRED, *sorted(WRITTEN_DIR.glob("*.jsonl"))]


def stories(files: list[Path] | None = None) -> list[Story]:
    """Every labelled story of `files` (default: `paths()`)."""
    out = []
    for path in files if files is not None else paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                labels = tuple(sorted(row.get("signals", row.get("labels", []))))
                out.append(Story(f"{path.stem}:{row['id']}", row["text"], labels, path.stem))
    return out


def english_units(story: Story) -> list[signal_model.Unit]:
    """The sentences the English model would read in the story (with their neighbours)."""
    from nlp.signals import normalise

    return [
        u for u in signal_model.units(normalise(story.text)) if not signal_welsh.is_welsh(u.text)
    ]


def unselected(items: list[Story]) -> list[Example]:
    """Each story's sentences before choosing which carries its signals: short stories'
    sentences take the labels, longer ones' are unsure for the story's signals."""
    out = []
    for story in items:
        pieces = english_units(story)
        short = len(pieces) <= SHORT
        for unit in pieces:
            labels = story.labels if short else ()
            unsure = () if short else story.labels
            out.append(Example(unit.text, labels, unit.context, f"w{story.id}", unsure))
    return out


def select(
    examples: list[Example],
    scores: np.ndarray,
    names: tuple[str, ...],
) -> list[Example]:
    """`unselected` examples with each story's best-scoring sentence per unsure signal (by
    `scores`, (examples, signals), from a first-pass model) made a positive for it."""
    best: dict[tuple[str, str], int] = {}
    for i, example in enumerate(examples):
        for name in example.unsure:
            key = (example.group, name)
            column = names.index(name)
            if key not in best or scores[i, column] > scores[best[key], column]:
                best[key] = i
    chosen: dict[int, set[str]] = {}
    for (_, name), i in best.items():
        chosen.setdefault(i, set()).add(name)
    out = []
    for i, e in enumerate(examples):
        extra = chosen.get(i, set())
        if extra:
            labels = tuple(sorted(set(e.labels) | extra))
            unsure = tuple(n for n in e.unsure if n not in extra)
            out.append(Example(e.text, labels, e.context, e.group, unsure))
        else:
            out.append(e)
    return out


def selected(
    items: list[Story],
    names: tuple[str, ...],
    score: Callable[[list[Example]], np.ndarray],
) -> list[Example]:
    """The stories' training sentences, the carrying sentence chosen by `score`."""
    raw = unselected(items)
    return select(raw, score(raw), names)
