"""This project's UK rules as one Presidio recogniser, fed by the spaCy document Presidio holds."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

from nlp.identifiers.care_settings.care_setting_names import care_setting_findings
from nlp.identifiers.care_settings.typed_settings import typed_settings
from nlp.identifiers.core.findings import LABELS
from nlp.identifiers.core.name_gazetteer import Gazetteer
from nlp.identifiers.dates_and_ages.note_shorthand import shorthand_findings
from nlp.identifiers.dates_and_ages.stated_ages import life_event_ages
from nlp.identifiers.numbers.cued_references import reference_findings
from nlp.identifiers.numbers.exported_records import exported_records
from nlp.identifiers.numbers.identifier_shapes import identifier_shape_findings
from nlp.identifiers.people.attendee_lists import listed_people
from nlp.identifiers.people.chat_speakers import chat_speakers, run_on_speakers
from nlp.identifiers.people.comment_threads import thread_commenters
from nlp.identifiers.people.initials import initials_findings
from nlp.identifiers.people.minute_initials import minute_initials
from nlp.identifiers.people.name_mentions import person_phrases
from nlp.identifiers.people.surname_first import surnames_first
from nlp.identifiers.places.address_lines import address_lines
from nlp.identifiers.places.neighbourhoods import neighbourhoods
from nlp.identifiers.places.place_shapes import place_shapes
from nlp.identifiers.places.postcode_districts import postcode_districts
from nlp.identifiers.places.short_place_kinds import short_place_findings
from nlp.identifiers.places.typed_streets import typed_practices, typed_streets
from nlp.identifiers.places.worded_addresses import worded_address_findings
from nlp.identifiers.recogniser.community_identifiers import community_findings
from nlp.identifiers.recogniser.heard_identifiers import heard_findings
from nlp.identifiers.recogniser.token_rules import token_findings
from nlp.identifiers.recogniser.uk_recognisers import pattern_findings
from nlp.identifiers.spoken.phonetic_spelling import phonetic_spellings
from nlp.identifiers.spoken.said_aloud import said_aloud_findings
from nlp.identifiers.spoken.spoken_numbers import spoken_number_findings
from nlp.identifiers.spoken.spoken_postcodes import spoken_postcodes
from nlp.identifiers.spoken.spoken_references import spoken_references


class UkRulesRecognizer(EntityRecognizer):
    """NHS and NI numbers, postcodes, phones, addresses, dates of birth, ages, other ids
    (patterns), and names, places and care settings (tokens, gazetteers and cues)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        super().__init__(
            supported_entities=list(LABELS), name="UkRulesRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load: the gazetteer is passed in already read."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found = [
            *pattern_findings(text),
            *identifier_shape_findings(text),  # built on the UK rules' shapes, so called here
            *chat_speakers(text),
            *run_on_speakers(text),  # round 73
            *listed_people(text),
            *thread_commenters(text),
            *care_setting_findings(text),
            *place_shapes(text),
            *reference_findings(text),
            *shorthand_findings(text),
            *worded_address_findings(text),
            *address_lines(text),
            *neighbourhoods(text),
            *short_place_findings(text),
            *initials_findings(text),
            *minute_initials(text),
            *person_phrases(text),
            *spoken_postcodes(text),
            *phonetic_spellings(text),
            *postcode_districts(text),
            *spoken_number_findings(text),
            *spoken_references(text),
            *said_aloud_findings(text),
            *typed_streets(text),
            *typed_practices(text),
            *typed_settings(text),
            *exported_records(text),
            *life_event_ages(text),
            *surnames_first(text),
            *heard_findings(text),  # round 36
            *community_findings(text),  # round 37
        ]
        if nlp_artifacts is not None and nlp_artifacts.tokens is not None:
            found.extend(token_findings(nlp_artifacts.tokens, self.gaz, original=text))
        wanted = set(entities) if entities else set(LABELS)
        return [
            RecognizerResult(
                f.label,
                f.start,
                f.end,
                f.score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "source": f.source,
                },
            )
            for f in found
            if f.label in wanted
        ]


class _PreChecked:
    """A Presidio pattern recogniser skipped on a text its patterns cannot match (`may_match`),
    under Presidio's own name, so findings record the same source."""

    def __init__(self):
        mro = type(self).__mro__
        presidio = mro[mro.index(_PreChecked) + 1]  # the Presidio class this one stands for
        super().__init__(name=presidio.__name__)

    def may_match(self, text: str) -> bool:
        """Whether Presidio's patterns could match `text` at all; each subclass narrows this
        to the one character its patterns cannot do without."""
        return True

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if not self.may_match(text):
            return []
        return super().analyze(self.narrowed(text), entities, nlp_artifacts, regex_flags)

    def narrowed(self, text: str) -> str:
        """`text` as the patterns need to read it (the same length, so offsets hold)."""
        return text


def only_runs_with(text: str, sign: re.Pattern) -> str:
    """`text` with every run between spaces and line breaks that holds no match of `sign`
    blanked with spaces, the same length. Presidio's e-mail and URL patterns (the URL ones 6,000
    characters long) are tried at every position of a text; a match of theirs never holds a
    space or a line break and always holds `sign`, so it lies inside one run that holds `sign`.
    Their only looks outside the match ("\\b") see a space or a line break there, or a blank,
    which reads the same. So they find the same matches, at the same offsets, reading a text
    that is mostly blank, and blanks fail at once."""
    pieces = []
    kept = 0
    found = sign.search(text)
    while found is not None:
        at = found.start()
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        ends = [end for end in (text.find(" ", at), text.find("\n", at)) if end != -1]
        end = min(ends, default=len(text))
        pieces.append(" " * (start - kept))
        pieces.append(text[start:end])
        kept = end
        found = sign.search(text, end)
    if not kept:
        return " " * len(text)
    pieces.append(" " * (len(text) - kept))
    return "".join(pieces)


AT_SIGN = re.compile("@")


class AtSignEmailRecognizer(_PreChecked, EmailRecognizer):
    """Presidio's e-mail recogniser, skipped on a text without "@": its one pattern needs a
    literal "@", so such a text can give nothing, and most stories have none. Where there is
    one, it reads only the runs of characters that hold one (`only_runs_with`)."""

    def may_match(self, text: str) -> bool:
        return "@" in text

    def narrowed(self, text: str) -> str:
        return only_runs_with(text, AT_SIGN)


# Every URL Presidio's pattern matches has "." and then its top-level domain, which starts with an
# ASCII letter; a letter of any script after the dot also covers those that match one only when
# case is ignored ("K" Kelvin, "ſ", "İ"), so "1.5" or "0.5mg" (a figure after the dot) is skipped.
DOT_THEN_WORD = re.compile(r"\.[^\W\d_]")


class DottedUrlRecognizer(_PreChecked, UrlRecognizer):
    """Presidio's URL recogniser, skipped on a text where no "." is followed by a letter: its
    patterns cannot match there, and in most stories every "." ends a sentence. Where one is,
    it reads only the runs of characters that hold one (`only_runs_with`).

    Its patterns (6,000 characters each) are compiled with no flags: Presidio compiled them so
    when it checked them at import, and the `regex` module keeps that compilation, so they are
    not compiled a second time with Presidio's flags (a fifth of a second of every run). The
    flags change nothing here (`flags_change_nothing`)."""

    def __init__(self):
        super().__init__()
        if all(flags_change_nothing(pattern.regex) for pattern in self.patterns):
            self.global_regex_flags = 0

    def may_match(self, text: str) -> bool:
        return DOT_THEN_WORD.search(text) is not None

    def narrowed(self, text: str) -> str:
        return only_runs_with(text, DOT_THEN_WORD)


# A pattern's signs outside a character class: an escaped character or a class taken out.
_ESCAPED_OR_CLASS = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]")


def flags_change_nothing(pattern: str) -> bool:
    """Whether Presidio's flags (IGNORECASE, MULTILINE, DOTALL) leave `pattern` as it is: it
    ignores case itself ("(?i)" first), and has no "^", "$" or "." outside a class, the only
    signs MULTILINE and DOTALL change."""
    bare = _ESCAPED_OR_CLASS.sub("", pattern)
    return pattern.startswith("(?i)") and not any(sign in bare for sign in "^$.")


class TaggerOnlyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine without the model's pipes the anonymiser never runs: it reads
    the tokenizer's tokens and, for text in one case, the tagger's (nlp.anonymise.TAGGER_PIPES),
    never the parser, the entity recogniser or the lemmatiser, so they are not loaded."""

    UNUSED_PIPES = ("parser", "ner", "lemmatizer", "senter")

    def load(self) -> None:
        import spacy

        self.nlp = {
            model["lang_code"]: spacy.load(model["model_name"], exclude=self.UNUSED_PIPES)
            for model in self.models
        }


class NoContextEnhancer(ContextAwareEnhancer):
    """Leaves scores as the recognisers set them. The UK rules carry their own cues ("Dr",
    "born", "hospital number"), and skipping Presidio's lemma-based context pass means the
    spaCy document needs neither lemmas nor keyword lists."""

    def __init__(self):
        super().__init__(
            context_similarity_factor=0.0,
            min_score_with_context_similarity=0.0,
            context_prefix_count=0,
            context_suffix_count=0,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        return raw_results
