"""The rules assembled into one pass: text read as meant, every rule run as one Presidio
recogniser, the round registries, and the findings settled into one list."""
