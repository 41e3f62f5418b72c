"""Stories written and labelled by other hands, as training for the anonymiser's NER.

Why: the generated corpus (nlp.identifiers.ner.ner_corpus) varies names and places through our own
sentence shapes; on sets written blind by others the rules and the generated-only NER stopped
gaining (each round of rules written from a set's misses moved that set, not the next). The signal
model gained on unseen writing once it trained on stories written by other people; this is
the same step for names, places, care settings and ages.

Which: retired blind rounds (benchmarks/data/anon_independent_vN.jsonl, each measured once and
now development data) and the stories written for training (nlp/data/ner_written/*.jsonl). The
shipped weights learnt from RETIRED_ROUNDS, v3..v10. Learning from every round through v40
(`ner_corpus --rounds-through 40`, 4,141 written stories) was tried on 5 December and not kept:
it lost identifiers on the held-out rounds (docs/measured/anonymisation.md, "The NER retrained
with every retired round"). Never ../shared/anonymisation/dev.jsonl, the free and kinds sets,
anything in benchmarks/blind/, or the rounds of HELD_OUT_ROUNDS: v41, v42, v44 and v46, the
most recent retired rounds, which nothing trains on so that a retrain is judged on writing it
never read (retired() refuses them). Numbers missing from the range (v28) were never retired
into benchmarks/data/; retired() skips them.

How: the NER learns only PERSON, LOCATION, CARE_SETTING and AGE (the rules own the shaped
identifiers). A span of another label (a phone number, an address, a case reference) is
marked "missing" for the NER, neither an entity nor outside one, so the model is not taught
that the words of "12 Mill Lane" are never a place.
"""

from __future__ import annotations

import json
from pathlib import Path

from nlp.identifiers.ner.ner_model import NER_LABELS

ROOT = Path(__file__).resolve().parents[3]
WRITTEN_DIR = Path(__file__).parents[2] / "data" / "ner_written"
FIRST_ROUND = 3
# The retired rounds the shipped weights (nlp/data/ner_model, engine "ner-3") learnt from.
RETIRED_ROUNDS = tuple(range(FIRST_ROUND, 11))
# Retired rounds never read in training: the measure of whether a retrain carries to new writing.
HELD_OUT_ROUNDS = (41, 42, 44, 46)


def rounds_through(last: int) -> tuple[int, ...]:
    """Every retired round from the first to `last`, less the held-out ones."""
    return tuple(n for n in range(FIRST_ROUND, last + 1) if n not in HELD_OUT_ROUNDS)


def retired(rounds: tuple[int, ...] = RETIRED_ROUNDS) -> list[Path]:
    """The retired blind anonymisation rounds that exist, oldest first; never a held-out one."""
    if held_out := sorted(set(rounds) & set(HELD_OUT_ROUNDS)):
        raise ValueError(f"rounds {held_out} are held out of training (HELD_OUT_ROUNDS)")
    paths = (ROOT / "benchmarks" / "data" / f"anon_independent_v{n}.jsonl" for n in rounds)
    return [p for p in paths if p.exists()]


def paths(rounds: tuple[int, ...] = RETIRED_ROUNDS) -> list[Path]:
    """The retired rounds and every set written for training, in a fixed order."""
    return [*retired(rounds), *sorted(WRITTEN_DIR.glob("*.jsonl"))]


def records(files: list[Path] | None = None) -> list[dict]:
    """Every story of `files` as {"id", "text", "spans", "missing"} (the corpus's records).

    `spans` keeps the NER's four labels; `missing` lists the other labels' spans.
    """
    out = []
    for path in files if files is not None else paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            story = json.loads(line)
            text = story["text"]
            spans, missing = [], []
            for s in story.get("spans", []):
                if text[s["start"] : s["end"]] != s.get("text", text[s["start"] : s["end"]]):
                    raise ValueError(f"{path.name} {story['id']}: span offsets do not match text")
                (spans if s["label"] in NER_LABELS else missing).append(
                    {"start": s["start"], "end": s["end"], "label": s["label"]}
                )
            out.append({"id": story["id"], "text": text, "spans": spans, "missing": missing})
    return out
