"""Names, places and care settings found from spaCy tokens, gazetteers and cues.

The document's case decides how it is read (see `token_view.case_mode`): in ordinary
mixed-case writing capitals count as evidence and the tokenizer alone is run; lower- or
upper-case writing gets spaCy's part-of-speech tagger, and the gazetteers, the cues ("my son
…", "Dr …", "live in …") and the tags carry the weight. Running the tagger only where capitals
say nothing is what keeps detection fast. spaCy's own entity recogniser is not loaded: the
project's trained NER (`nlp.identifiers.ner.ner_model`) reads every document instead.

Each kind has its module: `token_people`, `token_places`, `token_care_settings`, all reading
the document through `token_view.View`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from nlp.identifiers.care_settings.token_care_settings import care_settings, house_named_settings
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import case_mode
from nlp.identifiers.core.name_gazetteer import Gazetteer
from nlp.identifiers.core.token_view import view
from nlp.identifiers.people.token_people import people
from nlp.identifiers.places.token_places import places


def token_findings(doc: Doc, gaz: Gazetteer, original: str | None = None) -> list[Finding]:
    """Names, places and care settings in one document. `original` is the text as written
    when spaCy was given a lower-cased copy of an ALL CAPS text."""
    original = doc.text if original is None else original
    mode = case_mode(original)
    if mode == "upper":
        mode = "lower"  # read like lower case: the capitals carry no information
    v = view(doc, original, mode)
    found: list[Finding] = []
    found.extend(people(v, gaz))
    found.extend(places(v, gaz))
    found.extend(care_settings(v, gaz, original))
    found.extend(house_named_settings(v, gaz))
    return found
