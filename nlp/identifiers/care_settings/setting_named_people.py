"""A listed one-word hospital name that is part of a person's name (twenty-second session).

Hospitals are named after people, so their one-word names are also people's names: "Mrs
Freeman", "Dr Churchill", "my cousin Rosie Smith". The context probes
(benchmarks/anonymisation_probes.py) found the listed name read as a hospital in every such
context, leaving the person's title-cued surname or their surname uncovered. The word is a
person's name, not the hospital, when:
- a personal title is just before it ("Mrs Freeman", "Sister Christie", "DR CHURCHILL"), or
- it is a known first name and a capitalised known surname follows ("Rosie Smith", "Freeman
  Story's"), the surname allowed to be an everyday word ("Smith", "Sweet") as long as it is no
  word of care, street or district ("Freeman Hospital", "Kingston Road", "Heath Town") nor a
  word of a listed setting's name ("Evelina London");
- in a text typed all in lower case or all in capitals, the same first name and surname pair
  ("freeman mohamed", "ROSIE BRENNAN"), the surname then no everyday word.
The care-setting rule leaves such a word to the name rules, which find the whole name.
"Taken to the Freeman", "under Churchill", "Freeman Hospital" and "Rosie ward" stay settings.
"""

from __future__ import annotations

from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer

PERSONAL_TITLES = frozenset("mr mrs ms miss mx dr nurse sister matron prof professor".split())
# Words after a name that make it a place or a part of a setting, not a surname.
NOT_A_SURNAME = frozenset(
    """road street lane avenue drive close way park hill green town end side common cross hall
    moor vale fields house court centre center clinic ward wing unit hospital hospitals
    infirmary general royal hospice community university district memorial maternity surgery
    practice medical health care home lodge""".split()
)

Token = tuple[int, int, str]  # start, end, lower-case word


def names_a_person(
    text: str, tokens: list[Token], i: int, setting_words: frozenset[str] = frozenset()
) -> bool:
    """Whether the listed one-word setting name at `tokens[i]` belongs to a person's name.
    `setting_words` are the words of every listed setting: an everyday word among them after
    the name is the setting's own ("Evelina London"), not a surname."""
    start, end, word = tokens[i]
    before = tokens[i - 1] if i else None
    if before and before[2] in PERSONAL_TITLES and text[before[1] : start] in (" ", ". "):
        # "Mrs Freeman", "mrs freeman" or "DR CHURCHILL" in a text without case to go by;
        # "Mrs freeman" and the relative's "my sister Freeman" are not read this way.
        title_capitalised = text[before[0]].isupper()
        same_case = text[start].isupper() == title_capitalised
        return same_case and (title_capitalised or capitals_mean_little(text))
    if i + 1 >= len(tokens) or not _spaced(text, tokens[i], tokens[i + 1]):
        return False
    gaz = gazetteer()
    after_start, after_end, after = tokens[i + 1]
    if after.endswith("'s"):  # "Rosie Smith's kindness"
        after, after_end = after[:-2], after_end - 2
    if word not in gaz.older_first_names or after not in gaz.surnames or after in NOT_A_SURNAME:
        return False
    written, surname = text[start:end], text[after_start:after_end]
    if after in gaz.common_words and after in setting_words:
        return False
    if capitals_mean_little(text):
        return after not in gaz.common_words and surname.isalpha()
    return written.istitle() and _capitalised_name(surname)


def _spaced(text: str, left: Token, right: Token) -> bool:
    """One space between two tokens: no comma, full stop or line break parts them."""
    return text[left[1] : right[0]] == " "


def _capitalised_name(word: str) -> bool:
    """ "Smith", "O'Brien", "McDonald": a capital first and not all capitals."""
    return word[:1].isupper() and not word.isupper()
