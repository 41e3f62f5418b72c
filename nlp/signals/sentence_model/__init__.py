"""The English sentence model, the learned half of detection: a story split into sentences with
their neighbours (`Unit`), embeddings and words, one logistic regression per signal and its
threshold, the weights shipped in `nlp/data/signal_model.npz`. Imports nothing else of
`nlp.signals`.
"""
