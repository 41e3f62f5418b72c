"""What every tagging pass shares: the stories' cached tagging vectors, the split into those
that have one and those waiting for it, and ids in chunks small enough for one SQL statement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from sqlite_utils import Database

from nlp import embed
from nlp.tagging import encoder as tag_encoder
from nlp.tagging.learner import Passages
from plumbing import db as wdb

EMBEDDING_DIM = 384
# The sentences of each story of several (`nlp.tagging.learner.Passages`): the learnt tagger
# weighs a long story's best sentence beside the whole story, and learns how much from every
# labelled story's, so they are cached beside the story's own tagging vector.
PASSAGE_TABLE = "tag_passage_embeddings"


Progress = Callable[[float, str], None]


@dataclass
class TaggingResult:
    """What a tagging pass did: stories tagged, and stories left until they are embedded."""

    tagged: list[int] = field(default_factory=list)
    waiting_for_embedding: list[int] = field(default_factory=list)
    proposed: int = 0


def story_vectors(db: Database, story_ids: list[int]) -> dict[int, np.ndarray]:
    """Cached tagging vectors (`nlp.tagging.encoder`, float32, 384-d) of the stories that have one
    from the current tagging encoder; `tag_encoder.ensure_tag_embeddings` fills the cache."""
    return {
        sid: vector
        for sid, vector in tag_encoder.load_tag_embeddings(db, story_ids).items()
        if vector.shape == (EMBEDDING_DIM,)
    }


def split_embedded(
    db: Database, story_ids: list[int], vectors_of=story_vectors
) -> tuple[dict[int, np.ndarray], TaggingResult]:
    """The stories' vectors (tagging vectors unless `vectors_of` reads others), and a result
    that lists which have one and which wait for it."""
    vectors = vectors_of(db, story_ids)
    result = TaggingResult(
        tagged=[sid for sid in story_ids if sid in vectors],
        waiting_for_embedding=[sid for sid in story_ids if sid not in vectors],
    )
    return vectors, result


def id_chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    ids = list(ids)
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def ensure_tag_passages(db, story_ids) -> None:
    """Vectors of the sentences of each checked story among `story_ids` that has several, as
    `nlp.tagging.learner.Passages.split` cuts it; only missing or stale rows are computed (the
    text or the encoder changed). A story of one sentence gets a row with none, so it is not
    looked at again. In the worker only, as `tag_encoder.ensure_tag_embeddings`."""
    model = tag_encoder.model_id()
    texts, digests, todo = embed.stale_rows(db, story_ids, PASSAGE_TABLE, model)
    if not todo:
        return
    split = Passages.split([texts[sid] for sid in todo])
    pieces = [piece for parts in split for piece in parts]
    vectors = tag_encoder.encode(pieces) if pieces else np.zeros((0, embed.DIM), dtype=np.float32)
    ends = np.cumsum([len(parts) for parts in split])
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with wdb.write(db):
        db[PASSAGE_TABLE].upsert_all(
            (
                {
                    "story_id": sid,
                    "model": model,
                    "text_sha256": digests[sid],
                    "count": len(parts),
                    "vectors": vectors[end - len(parts) : end].astype("<f4").tobytes(),
                    "created_at": stamp,
                }
                for sid, parts, end in zip(todo, split, ends, strict=True)
            ),
            pk="story_id",
        )


def load_tag_passages(db, story_ids) -> dict[int, np.ndarray]:
    """Cached sentence vectors (sentences, 384) of the stories among `story_ids` that have a
    row from the current tagging encoder (none for a story of one sentence)."""
    rows = db.execute(
        f"SELECT story_id, count, vectors FROM [{PASSAGE_TABLE}] WHERE model = ?"
        " AND story_id IN (SELECT value FROM json_each(?))",
        [tag_encoder.model_id(), embed.id_list(story_ids)],
    ).fetchall()
    return {
        int(sid): np.frombuffer(blob, dtype="<f4", count=count * embed.DIM)
        .reshape(count, embed.DIM)
        .copy()
        for sid, count, blob in rows
    }
