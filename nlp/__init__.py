"""The NLP layer: anonymise, embed, theme and tag stories. Runs in workers, never in requests."""
