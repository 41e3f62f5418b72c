"""Identifiers as they are said aloud or heard: spelt out, read back, numbers and postcodes in
words, phonetic alphabets, misheard words, phones finished aloud."""
