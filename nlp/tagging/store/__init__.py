"""Priority tags and criticality scores in the working database.

The model proposes; analysts decide. A tag an analyst has confirmed or rejected is ground truth:
re-tagging never changes it, and only an analyst can. Everything here takes and returns plain
data, so review pages can stay thin.

Other packages call these names, never the tag tables. The modules behind them: `vectors`
(cached tagging vectors and what every pass shares), `proposing` (the model's proposals),
`decisions` (analysts' decisions), `reading` (what pages and publishing read), `training` (the
stored tagger and its withdrawal marks) and `criticality_scores`.
"""

from nlp.tagging.store.criticality_scores import (
    criticality_for_stories,
    score_criticality,
    stories_by_criticality,
)
from nlp.tagging.store.decisions import (
    BULK_ACTIONS,
    add_tag,
    bulk_tag_theme,
    confirm_tag,
    reject_tag,
)
from nlp.tagging.store.proposing import (
    activity_framework,
    load_classifier,
    tag_activity,
    tag_stories,
)
from nlp.tagging.store.reading import (
    COUNTED_TAG_STATES,
    THEME_PRIORITY_SHARE,
    all_priorities,
    counted_tags,
    review_order,
    shared_priorities,
    stories_with_priority,
    tags_for_stories,
    tags_for_story,
    tags_for_theme,
)
from nlp.tagging.store.training import (
    forget_in_taggers,
    priority_metrics,
    retrain,
    stale_frameworks,
    train_classifier,
)
from nlp.tagging.store.vectors import EMBEDDING_DIM, Progress, TaggingResult, story_vectors

__all__ = [
    "BULK_ACTIONS",
    "COUNTED_TAG_STATES",
    "EMBEDDING_DIM",
    "THEME_PRIORITY_SHARE",
    "Progress",
    "TaggingResult",
    "activity_framework",
    "add_tag",
    "all_priorities",
    "bulk_tag_theme",
    "confirm_tag",
    "counted_tags",
    "criticality_for_stories",
    "forget_in_taggers",
    "load_classifier",
    "priority_metrics",
    "reject_tag",
    "retrain",
    "review_order",
    "score_criticality",
    "shared_priorities",
    "stale_frameworks",
    "stories_by_criticality",
    "stories_with_priority",
    "story_vectors",
    "tag_activity",
    "tag_stories",
    "tags_for_stories",
    "tags_for_story",
    "tags_for_theme",
    "train_classifier",
]
