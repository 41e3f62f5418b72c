"""What finds identifiers in a story, for the anonymisation stage (`nlp.anonymise`).

One module per kind of identifier or way of naming (patterns and checksums, names from
tokens and cues, care settings as people say them, notes, chats and minutes), the bridge that
hands them to Presidio as one recogniser, this project's trained NER and its training corpus,
and the shared pieces they stand on (findings, gazetteers, number words). Only the stage and
the check page import from here; nothing here imports the stage.
"""
