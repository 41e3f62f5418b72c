"""Tagging: proposing a framework's priorities for stories, learning them from analysts'
decisions, and keeping tags in the working database.

One package so that everything about tagging sits together, apart from the other stages of
`nlp/`. Its modules, from the vectors to the database:

- `encoder`: the tagging sentence vectors (MiniLM adapted once to NHS patient feedback, its
  differences shipped in `nlp/data/tag_encoder.npz`) and their cache;
- `encoder_training`: the offline adaptation that writes those weights
  (`python -m nlp.tagging.encoder_training`);
- `proposals`: zero-shot scores against each priority's phrases, margins calibrated from
  analysts' decisions, the older linear tagger, proposing tags, and one-off tagging of texts;
- `learner`: the tagger learnt from few examples, numbers only, that a stored framework uses;
- `reasons`: the sentence of a story that carried each tag;
- `store`: tags, margins, stored taggers and criticality scores in the working database, and
  their withdrawal clean-ups; the face other packages import for tagging data.

This face re-exports what other code takes from `proposals`, as `nlp.tagging` offered before
the modules were grouped here. Modules inside the package import their siblings as modules
(`from nlp.tagging import encoder`), never names from this face, so no import cycle forms.
"""

from nlp.tagging.proposals import (
    DEFAULT_THRESHOLD,
    ZERO_SHOT_VERSION,
    LinearTagger,
    TextTagger,
    calibrate_margins,
    fit_linear_tagger,
    phrase_index,
    precision_recall,
    propose,
    tag_texts,
    zero_shot,
    zero_shot_decisions,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "ZERO_SHOT_VERSION",
    "LinearTagger",
    "TextTagger",
    "calibrate_margins",
    "fit_linear_tagger",
    "phrase_index",
    "precision_recall",
    "propose",
    "tag_texts",
    "zero_shot",
    "zero_shot_decisions",
]
