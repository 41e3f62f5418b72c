"""Stories written and labelled by other hands, as training for the anonymiser's NER.

Why: the generated corpus (nlp.identifiers.ner.ner_corpus) varies names and places through our own
sentence shapes; on sets written blind by others the rules and the generated-only NER stopped
gaining (each round of rules written from a set's misses moved that set, not the next). The signal
model gained on unseen writing once it trained on stories written by other people; this is
the same step for names, places, care settings and ages.

Which: the retired blind rounds (benchmarks/data/anon_independent_v3..v10.jsonl, each measured
once and now development data) and the stories written for training
(nlp/data/ner_written/*.jsonl). Never ../shared/anonymisation/dev.jsonl, the free and kinds
sets, the latest round (v11, kept as the development measure nothing trains on), or the round
that is being measured.

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
RETIRED_ROUNDS = (3, 4, 5, 6, 7, 8, 9, 10)


def retired(rounds: tuple[int, ...] = RETIRED_ROUNDS) -> list[Path]:
    """The retired blind anonymisation rounds that exist, oldest first."""
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
