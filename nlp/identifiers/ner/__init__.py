"""The anonymiser's own trained spaCy NER, its training corpus, the stories written by other hands
for it, and the words around a guess that back it."""
