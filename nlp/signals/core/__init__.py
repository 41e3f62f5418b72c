"""What every part of the risk detector stands on: the signals and the records a detection returns
(`findings`), the one normalised form of a text every part reads (`normalised_text`), the words
around a risk phrase that say whose risk it is and when (`context`), and the plain sentence
split and quote of written-down notes (`note_sentences`). Imports nothing else of `nlp.signals`.
"""
