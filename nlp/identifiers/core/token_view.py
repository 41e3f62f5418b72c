"""A spaCy document as the token rules read it: one pass over its tokens into plain lists
(`View`), and the tests every rule shares (is this word an eponym, a job title, Welsh, a word
no name can be). The document's case is `letter_case.case_mode`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import ENT_TYPE, IDX, IS_STOP, LENGTH, LOWER, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc

from nlp.identifiers.core.name_gazetteer import (
    DOMAIN_WORDS,
    EPONYM_FOLLOWERS,
    EPONYMS,
    NOT_A_NAME,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    WELSH_WORDS,
)
from nlp.identifiers.core.never_a_person import NEVER_A_PERSON
from nlp.identifiers.core.usernames import NOT_USERNAMES

# The tagger is reliable on closed word classes and unreliable on rare words: a name in lower
# case is often tagged VERB or ADV, so only the closed classes rule a word out as a name.
CLOSED_POS = frozenset({"AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM"})
NOT_NAME_POS = CLOSED_POS | {"VERB"}
WORDLIKE = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*['’.]?")
SENTENCE_END = frozenset({".", "!", "?", "\n", "\n\n", '"', "“", ":", ";"})
POSSESSIVE = ("'s", "’s")


@dataclass
class View:
    """Per-token facts read once from a spaCy Doc (token objects are costly to re-create)."""

    text: list[str]
    low: list[str]  # lower case
    word: list[str]  # lower case without a possessive ending
    start: list[int]
    end: list[int]  # end offset without a possessive ending
    spaced: list[bool]  # whitespace follows
    title: list[bool]  # capitalised in the original text
    wordlike: list[bool]
    stop: list[bool]
    pos: list[str]
    ent: list[str]
    sent_start: list[bool]
    has_pos: bool
    mode: str
    lowered: str = ""  # the whole text in lower case, for multi-token keys

    def __len__(self) -> int:
        return len(self.text)

    def proper(self, i: int) -> bool:
        """Reads as a proper noun: the tagger says so, or (without it) capitals and the NER."""
        if self.has_pos:
            return self.pos[i] == "PROPN"
        return self.title[i] and (bool(self.ent[i]) or not self.sent_start[i])

    def function_word(self, i: int) -> bool:
        return self.stop[i] or (self.has_pos and self.pos[i] in CLOSED_POS)


# Token attributes `view` reads as one array: creating spaCy Token objects one by one cost more
# than all the name rules together.
# (`doc.has_annotation("TAG")` walks the tokens too, so the TAG column answers it instead.)
# A token's text is its ORTH string: `doc.text` would join every token's text again in Python.
VIEW_ATTRS = [IDX, LENGTH, ORTH, LOWER, SPACY, IS_STOP, POS, ENT_TYPE, TAG]


def view(doc: Doc, original: str, mode: str) -> View:
    """The document's tokens as columns, built a column at a time: one Python loop with a dozen
    appends for each token cost as much as the name rules that read them."""
    array = doc.to_array(VIEW_ATTRS) if len(doc) else None
    # As doc.has_annotation("TAG"), which is true of an empty document.
    has_pos = array is None or bool(array[:, -1].any())
    lowered = original.lower()
    if len(lowered) != len(original):
        lowered = doc.text.lower() if len(doc.text) == len(original) else original
    if array is None:
        return View([], [], [], [], [], [], [], [], [], [], [], [], has_pos, mode, lowered)
    starts, lengths, orths, lowers, spaced, stops, poses, ents, _ = array.T.tolist()
    strings = doc.vocab.strings
    # Each string is looked up once: most words come back, and all word classes do.
    names = {key: strings[key] if key else "" for key in {*orths, *lowers, *poses, *ents}}
    text = [names[key] for key in orths]
    low = [names[key] for key in lowers]
    word = low.copy()
    end = [i + n for i, n in zip(starts, lengths, strict=True)]
    for k, w in enumerate(low):
        if w.endswith(POSSESSIVE):  # rare: the loop below runs for few tokens
            for ending in POSSESSIVE:
                if w.endswith(ending) and len(w) > len(ending):
                    word[k] = w[: -len(ending)]
                    end[k] -= len(ending)
    # str.isalpha() answers WORDLIKE at once for a plain word (letters are never digits or "_").
    wordlike = [
        n > 1 and (t.isalpha() or WORDLIKE.fullmatch(t) is not None)
        for t, n in zip(text, lengths, strict=True)
    ]
    sent_start = [True] + [p.strip() in SENTENCE_END or p.isspace() for p in text[:-1]]
    return View(
        text,
        low,
        word,
        starts,
        end,
        [bool(s) for s in spaced],
        # capitals as written
        [n > 0 and original[i : i + 1].isupper() for i, n in zip(starts, lengths, strict=True)],
        wordlike,
        [bool(s) for s in stops],
        [names[key] for key in poses],
        [names[key] for key in ents],
        sent_start,
        has_pos,
        mode,
        lowered,
    )


def is_eponym(v: View, i: int) -> bool:
    """ "Parkinson's", "Down's syndrome": conditions, not people or places."""
    nxt = v.low[i + 1] if i + 1 < len(v) else ""
    if v.word[i] in EPONYMS and (v.low[i] != v.word[i] or nxt in POSSESSIVE):
        return True
    if v.word[i].endswith("s") and v.word[i][:-1] in EPONYMS:
        return True  # "parkinsons", typed without the apostrophe
    return nxt in EPONYM_FOLLOWERS or (
        nxt in POSSESSIVE and i + 2 < len(v) and v.low[i + 2] in EPONYM_FOLLOWERS
    )


def is_room_number(v: View, i: int) -> bool:
    """ "Rm 14", "Kofi (Rm 22)": a room's number written short, which the capitals took for a
    person eleven times in four sets (round 92); "RM:" as a speaker's initials stays."""
    return v.low[i] == "rm" and i + 1 < len(v) and v.low[i + 1][:1].isdigit()


def not_a_name(v: View, i: int, after_title: bool = False) -> bool:
    w = v.word[i]
    return (
        not v.wordlike[i]
        or w in DOMAIN_WORDS
        or w in NOT_A_NAME
        or (w in NOT_IDENTIFIER_WORDS and not after_title)
        or (w.rstrip(".") in NEVER_A_PERSON and not after_title)  # "from Sudan", "Dtr", "SIL"
        or is_room_number(v, i)
        or (w in FORM_LABELS and i + 1 < len(v) and v.low[i + 1] in (":", "."))
        or w in ROLE_CUES
        or w in NOT_USERNAMES  # "WhatsApp", "iPhone", "Admin": products and forum roles
        or w.rstrip(".") in TITLE_CUES
        or is_job_title(w)
        or is_eponym(v, i)
        or in_welsh(v, i)
        or bool(REDACTION_MARK.fullmatch(w))
    )


# Labels on a form ("Tel: 0161 ...", "Mob."), though "my dentist Tel" is a Terry.
FORM_LABELS = frozenset("tel mob fax ph dob ref".split())


# "XXXX", "xxx": where someone already took a name out; nothing is left to find.
REDACTION_MARK = re.compile(r"(.)\1+|\*+")


# "anaesthetist", "radiologist", "paediatrician", "dietitian": the endings of job titles.
JOB_ENDINGS = ("ist", "ists", "ician", "icians", "itian", "itians", "ologist")


def is_job_title(word: str) -> bool:
    return len(word) > 6 and word.endswith(JOB_ENDINGS)


def in_welsh(v: View, i: int) -> bool:
    """ "Mae hi'n braf": a Welsh word that is also a name ("Mae", "Dai"?) inside Welsh words.
    Round 59: the three words either side count, punctuation skipped ("Mae Dad, Osian, yn
    saith deg naw oed": a name in apposition stands between "Mae" and the Welsh after it)."""
    if v.word[i] not in WELSH_WORDS:
        return False
    cued = i > 0 and (v.low[i - 1] in ROLE_CUES or v.low[i - 1].rstrip(".") in TITLE_CUES)
    if cued and v.title[i] and v.mode == "mixed":
        return False  # "Uncle Dod", "Mr Dod": named after a cue, whatever the words near
    before = [v.word[k] for k in range(max(0, i - 8), i) if v.wordlike[k]][-3:]
    after = [v.word[k] for k in range(i + 1, min(len(v), i + 9)) if v.wordlike[k]][:3]
    return any(w in WELSH_WORDS or w.endswith(("'n", "’n")) for w in before + after)


def next_to_a_number(v: View, i: int) -> bool:
    """A day or year beside the word ("3rd May", "May '24"): a date, not a name."""
    before = v.low[i - 1] if i > 0 else ""
    after = v.low[i + 1] if i + 1 < len(v) else ""
    ordinal = re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", before)
    return bool(ordinal) or before == "of" or bool(re.fullmatch(r"['’]?\d{2,4}", after))
