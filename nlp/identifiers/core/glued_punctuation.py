"""Words typed with no space beside a bracket, a plus, a semicolon, an ampersand or a field's
colon, split where a reader splits them.

Twenty-third session (issue 20), found by the context probes' third context (typed without
spaces, `benchmarks/anonymisation_probes.py`) and in two real FFT comments that name staff with
their role glued on ("Name(physio)"): spaCy's English tokenizer splits a bracket only at a
word's edge, so "Sarah(physio)+the" is one token, and neither the rules that read tokens nor the
trained NER see a name in it. Covered before this: 20-34 % of names, 14 % of towns and no age in
that context, against 98-100 % in every other.

The split is made inside the tokenizer, so the text keeps its brackets (the rules that read a
role or an age in brackets still see them) and every offset holds. It applies between two
letters or figures, one of them a letter: a bracket of any shape, a plus and a semicolon
("5(2)" in a statute keeps its shape); an ampersand between two words of two letters or more
("A&E", "B&Q" and "M&S" stay one token); and a colon between a word and a figure (a field's
name and its value, "dob:12/03/1950"; spaCy already splits one between two words, and never a
time's). Both pipelines that read a story (the anonymiser's and the trained NER's) get the same
rule, since the anonymiser hands its tokens to the NER (`ner_model.tokenise`).
"""

from __future__ import annotations

import re

from spacy.language import Language

GLUED = (
    # "Sarah(physio", "coast)last", "team+the", "dad(84": a letter on one side at least, so
    # a statute's "Section 5(2)" keeps its shape
    r"(?<=[^\W\d_])[()\[\]{}+;](?=[^\W_])",
    r"(?<=[^\W_])[()\[\]{}+;](?=[^\W\d_])",
    r"(?<=[^\W\d_]{2})&(?=[^\W\d_]{2})",  # "Sarah&Tom"; never "A&E"
    r"(?<=[^\W\d_]):(?=\d)",  # "on:07700", "dob:12/03/1950"; never a time ("10:30")
    # a full stop typed with no space after it, before a capital or a figure ("long.Bernadette",
    # "Wyche.2.Waited", "1.Moved"): after two lower-case letters or a figure, so initials and
    # titles ("J.R.", "St.John", "Dr.Patel") and decimals ("1.5") keep their shape
    r"(?<=[a-z]{2})\.(?=[A-Z0-9])",
    r"(?<=\d)\.(?=[A-Z][a-z])",
)


def split_glued_punctuation(nlp: Language) -> Language:
    """`nlp` with its tokenizer also splitting the glued punctuation above, its own infixes
    kept as they are (applying it twice changes nothing)."""
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    if GLUED[0] not in pattern:
        nlp.tokenizer.infix_finditer = re.compile("|".join([pattern, *GLUED])).finditer
    return nlp
