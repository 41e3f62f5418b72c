"""The anonymiser's own statistical NER: names, places and care settings the rules miss.

A small spaCy pipeline (CNN tok2vec of width 32 and depth 2, and a transition-based NER; 2 MB)
lives in `nlp/data/ner_model/` and loads offline. It was trained on a generated corpus of many
voices, registers and public name lists (nlp/identifiers/ner/ner_corpus.py), never on a measuring
set. Its findings join the rules' as guesses: they score 0.6, so the check page shows them as
"unsure", and the safeguards in `ner_findings` keep it from marking ordinary English. A guess its
letters cannot back (an everyday word: "Hope", "the Royal") may still pass on the words around it
(nlp/identifiers/ner/ner_context.py).

To retrain (3 to 5 minutes on 2 busy cores; deterministic for a given seed):

    python -m nlp.identifiers.ner.ner_corpus --out /tmp/ner
    python -m spacy train nlp/data/ner_config.cfg --paths.train /tmp/ner/train.spacy \\
        --paths.dev /tmp/ner/dev.spacy --output /tmp/ner/out
    rm -r nlp/data/ner_model && cp -r /tmp/ner/out/model-best nlp/data/ner_model

and score it with `python benchmarks/anonymisation.py --compare-ner`, whose third set
(benchmarks/data/ner_heldout.jsonl, the same as /tmp/ner/heldout.jsonl) holds names, places,
hospitals and sentence shapes the training never saw.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache
from pathlib import Path

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.glued_punctuation import split_glued_punctuation
from nlp.identifiers.core.lean_imports import without_torch
from nlp.identifiers.core.name_gazetteer import (
    EPONYMS,
    NOT_IDENTIFIER_WORDS,
    WELSH_WORDS,
    gazetteer,
)
from nlp.identifiers.core.number_words import as_int
from nlp.identifiers.core.prefilter import quicken
from nlp.identifiers.core.token_words import GENERIC_CARE
from nlp.identifiers.ner.ner_context import (
    RELATIVES,
    person_in_context,
    place_in_context,
    setting_in_context,
)
from nlp.identifiers.ner.ner_parse import read_with_entities
from nlp.identifiers.people.token_people import ORGANISATION_WORDS
from nlp.identifiers.review.residual_risk import CONDITIONS

MODEL_DIR = Path(__file__).parents[2] / "data" / "ner_model"
NER_LABELS = frozenset({"PERSON", "LOCATION", "CARE_SETTING", "AGE"})
NER_SCORE = 0.6  # a guess from context: under check_hints.UNSURE_BELOW, so offered for review
DOUBT_SCORE = 0.3  # a guess the safeguards set aside: never redacted, only offered for review
MAX_DOUBT_WORDS = 5  # "Royal Victoria Infirmary Ward 5"; a longer guess is a clause, not a name
BATCH_SIZE = 64
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def ner_pipeline():
    """The trained pipeline, loaded once per process from the package (never downloaded)."""
    with without_torch():
        import spacy

        loaded = split_glued_punctuation(spacy.load(MODEL_DIR))
    # patterns of modules the NER's safeguards brought in (nlp/identifiers/core/prefilter.py)
    quicken()
    gc.freeze()  # see nlp.anonymise.keep_for_good
    return loaded


def ner_findings(texts: list[str], tokenised: list | None = None) -> list[list[Finding]]:
    """Findings of the trained NER in each text, with the precision safeguards applied.

    `tokenised` may hold, per text, a spaCy Doc of exactly that text (or None): one from
    `tokenise` below is read as it is, one from the anonymiser's own pipeline is rebuilt in
    this pipeline's vocabulary (`_retokenised`). Either way its tokens are reused, since
    tokenising is a tenth of the whole run and both pipelines use spaCy's English tokenizer
    unchanged."""
    return [kept for kept, _ in ner_findings_and_doubts(texts, tokenised)]


def ner_findings_and_doubts(
    texts: list[str], tokenised: list | None = None
) -> list[tuple[list[Finding], list[Finding]]]:
    """Per text, the NER's findings (as `ner_findings`) and its doubts: the names, places and
    care settings it proposed that the safeguards then set aside, as the model read them
    (untrimmed). Set aside, a doubt is still a name one time in six on the development sets,
    too often wrong to redact and too often right to forget: the check page offers it to the
    person checking (nlp/identifiers/review/check_hints.py), who decides. Ages, and spans
    inside a named condition, are not doubts."""
    nlp = ner_pipeline()
    inputs = [
        text if doc is None else doc if doc.vocab is nlp.vocab else _retokenised(nlp.vocab, doc)
        for text, doc in zip(texts, tokenised or [None] * len(texts), strict=True)
    ]
    out = []
    for text, doc in zip(texts, read_with_entities(nlp, inputs, BATCH_SIZE), strict=True):
        found: list[Finding] = []
        doubts: list[Finding] = []
        cased = _cased(text)
        # Only an entity is checked against conditions: a text without one skips the search.
        conditions = [m.span() for m in CONDITIONS.finditer(text)] if doc.ents else []
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS or any(
                s < ent.end_char and ent.start_char < e for s, e in conditions
            ):
                continue  # "motor neurone disease" names no one
            if ent.label_ == "AGE":
                if _an_age(text, ent.start_char, ent.end_char):
                    found.append(Finding(ent.start_char, ent.end_char, "AGE", NER_SCORE, "ner"))
                continue
            span = _trimmed(text, ent.start_char, ent.end_char, ent.label_, cased)
            if span and _plausible(text, *span, ent.label_, cased):
                found.append(Finding(span[0], span[1], ent.label_, NER_SCORE, "ner"))
            elif _plausible(text, ent.start_char, ent.end_char, ent.label_, cased, letters=False):
                # everyday words the trimming took for a name's edges ("found Dot on",
                # "at the priory"), backed by the words around them instead
                found.append(Finding(ent.start_char, ent.end_char, ent.label_, NER_SCORE, "ner"))
            else:
                doubts.append(as_doubt(Finding(ent.start_char, ent.end_char, ent.label_)))
        out.append((found, doubts))
    return out


def as_doubt(guess: Finding) -> Finding:
    """The guess as a doubt: scored and sourced so that nothing mistakes it for a finding."""
    return Finding(guess.start, guess.end, guess.label, DOUBT_SCORE, "ner-doubt")


def worth_offering(text: str, doubt: Finding) -> bool:
    """Whether a doubt is worth a person's look: not when every word of it is plain English
    that no name or place list holds ("knowledge", "Despite", "therefore"), which the model
    guesses on real stories far more often than a name, nor Welsh words, a redaction ("XXXX")
    or a run of words longer than any name ("y meddyg teulu ddydd Llun a dywedodd")."""
    gaz = gazetteer()
    raw = WORD.findall(text, doubt.start, doubt.end)
    words = [_base(w) for w in raw]
    if not words or len(words) > MAX_DOUBT_WORDS or all(set(w) == {"x"} for w in words):
        return False
    if all(w in WELSH_WORDS for w in words) or (
        text[doubt.start : doubt.end].islower() and _in_welsh(text, doubt.start, doubt.end)
    ):
        return False  # Welsh among Welsh is no name ("o gwbl")
    if any(w.isupper() and len(w) <= 2 and w not in ("I", "A") for w in raw):
        return True  # initials ("KT", "J."), which the word lists read as words
    return any(w not in gaz.common_words or gaz.is_name_part(w) or w in gaz.places for w in words)


def tokenise(texts: list[str]) -> list:
    """`texts` through this pipeline's tokenizer alone: Docs that `ner_findings` reads as they
    are. The anonymiser's rules read them in place of its own pipeline's tokens, so a
    mixed-case piece is tokenised once, not tokenised and then rebuilt: the two tokenizers
    have the same rules, and the lexical attributes the rules read (lower case, stop words)
    are the same in both vocabularies (tests/test_anonymise_ner.py checks both)."""
    return list(ner_pipeline().tokenizer.pipe(texts))


def _retokenised(vocab, doc):
    """The same tokens as a new Doc in the NER's own vocabulary, whose lexeme attributes its
    tok2vec reads ("centre" keeps its own norm here, where the tagger's vocabulary says
    "center"), with the norms the tokenizer's exceptions gave ("n't" -> "not"), which a Doc
    built from words alone would lose."""
    from spacy.tokens import Doc

    new = Doc(vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    for token, old in zip(new, doc, strict=True):
        if old.norm != old.lex.norm:
            token.norm_ = old.norm_
    return new


# Words a care setting's name ends or starts with; lower case, they stay in its span.
CARE_WORDS = frozenset(
    """hospital ward surgery practice centre center clinic unit home house lodge court hospice
    infirmary general medical dental health nursing care residential community royal
    university district memorial manor grange view hall gardens park mews place st saint
    ysbyty meddygfa plas tŷ ty bryn hafod llys cartref""".split()
)


def _an_age(text: str, start: int, end: int) -> bool:
    """Digits or words for a number a person's age can be ("84", "ninety-one"), not a time,
    a count, a dose, a duration or one of a row of numbers ("at 8 am", "18 weeks", "bed 12",
    "10 years ago", "1 2 3")."""
    number = as_int(text[start:end])
    if number is None or not 0 < number <= 115:
        return False
    line_before = text[max(0, start - 40) : start].rsplit("\n", 1)[-1]
    if text[:start].rstrip()[-1:].isdigit() or text[end:].lstrip()[:1].isdigit():
        return False  # one of a row of numbers
    if not line_before.strip() or text[end : end + 1].isalpha():
        return False  # a list's numbering ("1. ...", "3) ..."), or a measure ("5cm")
    ranged = RANGE_TO.match(text, end, end + 30)
    if ranged and ranged.group(1).lower() in NOT_AGE_AFTER:
        return False  # "52-60 weeks", "18–24 months": a wait or a count, no one's age
    after = re.match(r"\s*([^\W\d_]+|[%:./]\d?)(?:\s+([^\W\d_]+))?", text[end : end + 30])
    if after:
        word, then = after.group(1).lower(), (after.group(2) or "").lower()
        if word in NOT_AGE_AFTER or word[0] in "%:/" or (word[0] == "." and word[1:]):
            return False
        if word in ("years", "year", "yrs", "yr") and then not in ("old", "of"):
            return False
    before = re.search(r"([^\W\d_]+|[£$#])\W{0,2}$", text[max(0, start - 20) : start])
    previous = before.group(1).lower() if before else ""
    if previous in NOT_AGE_BEFORE:
        return False
    if GLUED_CALL.search(text, max(0, start - 40), start) and not (
        previous in RELATIVES or before.group(1)[0].isupper()
    ):
        return False  # "alert(1)", "print(42)": code, not "dad(84)" or "Sian(7)"
    if previous in AGE_CUES and re.search(
        r"\b(?:it|that|this|there)\W{0,2}\s*\w*\W{0,2}$", text[max(0, start - 20) : start], re.I
    ):
        return False  # "it was 5 when we got home": a time or a count, no one's age
    # A small number is an age only beside a cue: "she's 3", "(4)", "aged 6", "8 years old".
    told = previous in AGE_CUES or line_before.rstrip().endswith("(")
    return number >= 10 or told or bool(after and after.group(1).lower() in ("years", "year"))


RANGE_TO = re.compile(r"\s*[-–—]\s*\d+\s*([^\W\d_]+)")  # "-60 weeks": a range's end and unit
GLUED_CALL = re.compile(r"[^\W\d_]\($")  # a bracket typed against a word, as code calls

NOT_AGE_AFTER = frozenset(
    """am pm hours hour hrs hr mins min minutes seconds days day weeks week wks months month
    mg ml mcg g kg lb lbs st stone litres liters pints times miles mile km percent of out
    th st nd rd x o'clock oclock people patients doctors nurses beds practices calls
    appointments tablets pills steps stairs floors flights""".split()
)
# "On Monday, 12, patients were moved": a number after a day's name is a date or a count.
WEEKDAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs
    fri sat sun""".split()
)
AGE_CUES = frozenset("is was s m am aged age turned turns im now just then only".split())
NOT_AGE_BEFORE = WEEKDAYS | frozenset(
    """covid day clinic question request section phase week year at number no bed bay room
    ward page level band step stage grade type by about around approximately every £ $ # from
    to until till between of ring rang ringing call called calling phone phoned dial dialled
    dialed text texted""".split()  # "ring 101", "dialled 111": a service's number, no age
)


def _trimmed(text: str, start: int, end: int, label: str, cased: bool) -> tuple[int, int] | None:
    """The span without the ordinary words the model took along at its edges ("Swala present"
    -> "Swala", "Oakwood Dental rude" -> "Oakwood Dental"), and in a text with capitals without
    lower-case words there. A care setting keeps its own words ("Rowan Ward"), a name a
    capitalised name ("Grace") in a sentence of mixed case."""
    words = list(WORD.finditer(text, start, end))
    keep = {"CARE_SETTING": CARE_WORDS, "LOCATION": abroad()}.get(label, frozenset())
    while words and _ordinary(words[0].group(), cased, keep):
        words.pop(0)
    while words and _ordinary(words[-1].group(), cased, keep):
        words.pop()
    if not words:
        return None
    return words[0].start(), words[-1].end()


def _ordinary(word: str, cased: bool, keep: frozenset[str]) -> bool:
    gaz = gazetteer()
    low = _base(word)
    if low in keep:
        return False
    if cased and word[0].islower() and low in gaz.common_words:
        return True  # "Lesley made": among capitals, a common word in lower case is no name
    known = gaz.is_name_part(low) or low in gaz.places
    if not cased or word[0].islower():  # "damien collapsed", "errol waitted"
        return not known and (low in gaz.english_words or _misspelt(low))
    return low in gaz.common_words and not known


def _base(word: str) -> str:
    """The word as the lists hold it: lower case, without a possessive "'s"."""
    return word.lower().replace("’", "'").removesuffix("'s")


def _cased(text: str) -> bool:
    """Whether capitals in this text carry meaning: neither all lower case nor ALL CAPS."""
    return any(c.isupper() for c in text) and any(c.islower() for c in text)


# Organisation words no name or place holds ("trust", "partnership", "council" may: "Bolton
# Council"), made once rather than for each word checked.
NOT_NAME_OR_PLACE_WORDS = ORGANISATION_WORDS - {"trust", "partnership", "council"}


def _plausible(
    text: str, start: int, end: int, label: str, cased: bool, letters: bool = True
) -> bool:
    """Whether the span's own letters back the guess. No word of it may look like a drug
    ("Sertraline"), and no condition named after a person ("Raynaud's"); care settings are
    judged by `_plausible_setting`. An abbreviation ("CBT") or "XXXX" is left to the rules.
    Capitalised (not ALL CAPS) inside a sentence of a text with capitals, a name or place needs
    a word that is not common English ("Very Good" is no person). Otherwise (lower case, ALL
    CAPS, or opening a sentence) a word must be a known name or place that is no common word,
    or no English word and no misspelt one ("hosptial")."""
    value = text[start:end]
    raw = WORD.findall(value)
    words = [_base(w) for w in raw]
    if not words or any(DRUG_STEMS.search(w) for w in words):
        return False
    if any(
        (b in EPONYMS and w.lower() != b) or b.removesuffix("s") in EPONYMS
        for w, b in zip(raw, words, strict=True)
    ) or (words[-1] in EPONYMS and text[end : end + 2] in ("'s", "’s")):
        return False  # "Raynaud's" is a condition
    if any(set(w) == {"x"} for w in words):
        return False  # redacted already ("XXXX")
    if any(w in NOT_NAME_OR_PLACE_WORDS for w in words):
        return False  # "Royal College of Midwives", "Hope Foundation": bodies, not places
    if all(w in NOT_IDENTIFIER_WORDS for w in words) or words[-1] in NOT_IDENTIFIER_WORDS:
        return False  # a language, people, day or role ("Gujarati", a council's "Ward Councillor")
    if label == "CARE_SETTING":
        return (letters and _plausible_setting(text, start, value, words, cased)) or (
            setting_in_context(text, start, end, words, cased)
        )
    if cased and len(raw) == 1 and value.isupper() and len(value) <= 6:
        return False  # an abbreviation ("CBT", "EMDR"): the rules know the hospitals' ones
    if words[0] in MONTHS and _dated(text, start, end):
        return False  # "in May 2024"
    if all(w in WELSH_WORDS for w in words) and _among_welsh(text, start, end):
        return False  # "Mae hi'n braf iawn heddiw": Welsh words among Welsh words, as the rules
    if letters and _letters_back(text, start, value, words, label, cased):
        return True
    # Where the letters cannot tell a name from a word ("Hope", "dot", "from dubai"), the
    # sentence around the guess may (nlp/identifiers/ner/ner_context.py).
    if label == "PERSON":
        return person_in_context(text, start, end, cased)
    return label == "LOCATION" and place_in_context(text, start, end, abroad())


def _letters_back(
    text: str, start: int, value: str, words: list[str], label: str, cased: bool
) -> bool:
    """Whether the guess's own letters make it a name or place, whatever the context."""
    if label == "LOCATION" and cased and value[0].isupper() and value.lower() in abroad():
        return True  # "lives in Canada": a place abroad, although a common word of English
    gaz = gazetteer()
    if cased and value[0].isupper() and not value.isupper() and not _sentence_start(text, start):
        return any(w not in gaz.common_words for w in words)
    if cased and value[0].islower():
        # Where capitals carry meaning, a word left in lower case is a name only if the lists
        # know it as one: otherwise it is jargon, a misspelling or a coined word.
        return any(
            w not in gaz.common_words and (gaz.is_name_part(w) or w in gaz.places) for w in words
        )
    return any(
        w not in CARE_WORDS
        and (
            (w not in gaz.english_words and not _misspelt(w))
            or (w not in gaz.common_words and (gaz.is_name_part(w) or w in gaz.places))
        )
        for w in words
    )


@lru_cache(maxsize=1)
def abroad() -> frozenset[str]:
    """Countries and cities abroad (nlp/data/abroad_places.txt), lower case, without "the"."""
    lines = (MODEL_DIR.parent / "abroad_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        ln.strip().lower().removeprefix("the ") for ln in lines if ln.strip() and ln[0] != "#"
    )


def _plausible_setting(text: str, start: int, value: str, words: list[str], cased: bool) -> bool:
    """A care setting is named with a word of its kind ("Rowan Ward", "Plas Heulwen") and a
    code ("Ward 7", "Ward C4") or a word of its own that is not generic ("the Cardiology ward",
    "the best hospital" are none): capitalised inside a sentence of a text with capitals, or
    else an uncommon word ("pilgrim hospital", "cedar lodge"; not "the hope centre"). Without
    a word of its kind, only a hospital's everyday short form after "the" passes: capitalised
    in a text with capitals and no common word ("in the Ulster", "phoned the Vicky"; not "the
    Hub", "the Royal")."""
    if not any(w in CARE_WORDS for w in words):
        return _short_form(text, start, value, words, cased)
    if re.search(r"\d", value):
        return True
    own = [w for w in words if w not in CARE_WORDS and w not in GENERIC_CARE]
    if not own:
        return False
    if cased and value[0].isupper() and not value.isupper() and not _sentence_start(text, start):
        return True
    gaz = gazetteer()
    return any(w not in gaz.common_words and not _misspelt(w) for w in own)


SHORT_FORM_THE = re.compile(r"(?<![\w'’-])the[ \t]$", re.IGNORECASE)


def _short_form(text: str, start: int, value: str, words: list[str], cased: bool) -> bool:
    """A hospital named by its short form after "the": "the Ulster", "the Maudsley": a name
    or place the lists know, none of it a common word, and the name ends there."""
    if not (cased and value[0].isupper() and not value.isupper()):
        return False
    if not SHORT_FORM_THE.search(text, max(0, start - 4), start):
        return False
    if re.match(r"[ \t]+[A-Z]", text[start + len(value) :]):
        return False  # "the Wellcome Group": part of a longer name, not a short form
    gaz = gazetteer()
    return all(w not in gaz.common_words for w in words) and any(
        gaz.is_name_part(w) or w in gaz.places for w in words
    )


# Stems of international non-proprietary drug names (WHO INN stems): "-pril", "-olol", ...
DRUG_STEMS = re.compile(
    r"(?:pril|sartan|olol|azole|statin|cillin|mycin|cycline|floxacin|oxetine|triptyline|"
    r"azepam|azolam|dipine|apine|idone|parin|xaban|gliptin|gliflozin|formin|tidine|setron|"
    r"pezil|thyroxine|amol|codeine|morphine|profen|semide|azide|mab|tinib|vir)$"
)
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _misspelt(word: str) -> bool:
    """Whether one deletion, swap, change or insertion of a letter makes a common word."""
    common = gazetteer().common_words
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = (
        [a + b[1:] for a, b in splits if b]
        + [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        + [a + c + b[1:] for a, b in splits if b for c in ALPHABET]
        + [a + c + b for a, b in splits for c in ALPHABET]
    )
    # a set lookup in C for every edit at once (some ten thousand guesses a large file)
    return not common.isdisjoint(set(edits) - {word})


MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
DATE_WORDS = frozenset("in on since until till by of last next early late mid from to".split())


def _dated(text: str, start: int, end: int) -> bool:
    """Whether a month name stands as a date: beside a number or after "in", "since", ..."""
    after = text[end : end + 6].lstrip(" ,")
    before = text[max(0, start - 12) : start].split()
    return after[:1].isdigit() or bool(before and before[-1].lower() in DATE_WORDS)


def _among_welsh(text: str, start: int, end: int) -> bool:
    """Whether another frequent Welsh word stands within three words either side."""
    before = WORD.findall(text[max(0, start - 40) : start])[-3:]
    after = WORD.findall(text[end : end + 40])[:3]
    return any(_base(w) in WELSH_WORDS or w.endswith(("'n", "’n")) for w in before + after)


def _in_welsh(text: str, start: int, end: int) -> bool:
    """Whether two or more frequent Welsh words stand within eight words either side: a
    lower-case word there is likelier Welsh the lists lack than a name."""
    around = (
        WORD.findall(text[max(0, start - 80) : start])[-8:] + WORD.findall(text[end : end + 80])[:8]
    )
    return sum(_base(w) in WELSH_WORDS or w.endswith(("'n", "’n")) for w in around) >= 2


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"
