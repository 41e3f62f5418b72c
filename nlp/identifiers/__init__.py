"""What finds identifiers in a story, for the anonymisation stage (`nlp.anonymise`).

A subpackage per kind of identifier, each module in it one way that kind is written or said:
`people`, `places`, `care_settings`, `numbers` (phones, NHS and NI numbers, references,
e-mail and web addresses), `dates_and_ages`, and `spoken` (identifiers said aloud or heard).
Beneath them, `core` (the finding, the cheap gate, the token view and the shared word lists)
and `look_alikes` (words and codes that are not identifiers); above them, `ner` (this
project's trained NER and its corpus), `review` (what the person checking is shown) and
`recogniser` (every rule run as one Presidio recogniser, and the findings settled). Imports
point down that order, never up. Only the stage and the check page import from here; nothing
here imports the stage.
"""
