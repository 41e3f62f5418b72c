"""What every identifier rule stands on: the finding and how overlaps settle, the cheap gate
before a slow pattern and the store that keeps compiled patterns between runs, letter case,
the token view of a spaCy document, and the word lists and number words the rules share."""
