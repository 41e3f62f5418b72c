"""What every tagging pass shares: the stories' cached tagging vectors, the split into those
that have one and those waiting for it, and ids in chunks small enough for one SQL statement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlite_utils import Database

from nlp.tagging import encoder as tag_encoder

EMBEDDING_DIM = 384


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
