"""The NLP layer: anonymise, check, embed, theme and tag stories; models run in workers only.

It reads stories through consent's API and owns the tables of nlp/migrations.py; other packages
call its stores, never those tables: `nlp.checks` (anonymisations and the person's check),
`nlp.themes.store`, `nlp.tagging.store` and `nlp.progress` (where a story is on the data path).
"""
