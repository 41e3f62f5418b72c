"""The anonymiser's speed-ups must not change a finding: the pre-checked Presidio recognisers
give exactly what Presidio's own give, and `view` reads the same facts as spaCy's tokens."""

from __future__ import annotations

import string
import sys

import pytest
import regex
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

from nlp.anonymise import TAGGER_PIPES, engine
from nlp.identifiers.core.letter_case import case_mode
from nlp.identifiers.core.token_view import POSSESSIVE, view
from nlp.identifiers.recogniser.presidio_bridge import (
    AT_SIGN,
    DOT_THEN_WORD,
    AtSignEmailRecognizer,
    DottedUrlRecognizer,
    flags_change_nothing,
    only_runs_with,
)

TEXTS = [
    "Email me at jo.latchford88@gmail.com or see www.nhs.uk/conditions.",
    "The ward.It was noisy. My mum is 87.",
    "VISIT HTTPS://EXAMPLE.ORG/PAGE NOW",
    "Nothing here to find. None at all.",
    "a dotless story with an @ sign but no address",
    "jo @ gmail . com and nhs.ſtore",  # a long s folds to "s" when case is ignored
    "Take 0.5mg at 1.30pm, 2.5 litres a day",  # figures after every "."
    "see nhs.\u212auk or gov.İe",  # Kelvin sign and a dotted capital I after the dot
    "",
    # Several runs with a sign among runs without, at the text's edges, and inside quotes,
    # brackets, tabs and carriage returns (which are not the runs' ends):
    'www.a.com\n\nthe ward.It\tx@y.org\r\nand "http://b.org/x?y=1" (c.co.uk) end.Now',
    "a@b.co\nmid text here\n'https://q.io' tail@x.org.uk",
]


def _spans(results):
    return [(r.start, r.end, r.score, r.recognition_metadata["recognizer_name"]) for r in results]


@pytest.mark.parametrize("text", TEXTS)
def test_prechecked_recognisers_match_presidios(text):
    for plain, checked, entity in (
        (EmailRecognizer(), AtSignEmailRecognizer(), "EMAIL_ADDRESS"),
        (UrlRecognizer(), DottedUrlRecognizer(), "URL"),
    ):
        assert checked.name == plain.name
        assert _spans(checked.analyze(text, [entity])) == _spans(plain.analyze(text, [entity]))


def test_narrowed_text_keeps_the_runs_with_the_sign_and_its_length():
    text = "see www.nhs.uk now, or mail a@b.org\nthanks. Bye"
    narrowed = only_runs_with(text, DOT_THEN_WORD)
    assert len(narrowed) == len(text)
    assert narrowed.split() == ["www.nhs.uk", "a@b.org"]
    assert only_runs_with(text, AT_SIGN).split() == ["a@b.org"]


def test_prechecked_recognisers_still_find():
    assert _spans(AtSignEmailRecognizer().analyze(TEXTS[0], ["EMAIL_ADDRESS"]))
    assert _spans(DottedUrlRecognizer().analyze(TEXTS[0], ["URL"]))


def test_url_precheck_passes_every_letter_a_domain_can_start_with():
    """Every top-level domain in Presidio's URL patterns starts with an ASCII letter, read with
    case ignored by the `regex` module: each character that matches one follows "." in a
    text the pre-check lets through."""
    ignoring_case = regex.compile("(?i)(?:" + "|".join(string.ascii_lowercase) + ")")
    checked = DottedUrlRecognizer()
    for code in range(sys.maxunicode + 1):
        if ignoring_case.fullmatch(chr(code)):
            assert checked.may_match("." + chr(code)), hex(code)


def test_url_patterns_are_not_compiled_again():
    """Presidio's URL patterns need none of its flags, so the compilation made when they were
    checked at import is the one used (nothing compiled again on the first text)."""
    assert DottedUrlRecognizer().global_regex_flags == 0


@pytest.mark.parametrize(
    ("pattern", "unchanged"),
    [
        ("(?i)www[.]nhs", True),
        (r"(?i)a\.b[.^$]", True),
        (r"(?i)[\].]x", True),
        ("www[.]nhs", False),  # case: IGNORECASE would change it
        ("(?i)a.b", False),  # DOTALL
        ("(?i)^www", False),  # MULTILINE
        ("(?i)uk$", False),
        (r"(?i)[\]]a.b", False),
    ],
)
def test_flags_change_nothing(pattern, unchanged):
    assert flags_change_nothing(pattern) is unchanged


def _token_view(doc, original, mode):
    """What `view` read from spaCy's Token objects before it read one array."""
    rows = []
    for tok in doc:
        low = tok.lower_
        word, end = low, tok.idx + len(tok.text)
        for ending in POSSESSIVE:
            if low.endswith(ending) and len(low) > len(ending):
                word, end = low[: -len(ending)], end - len(ending)
        rows.append(
            (tok.text, low, word, tok.idx, end, bool(tok.whitespace_), tok.is_stop, tok.pos_)
            + (tok.ent_type_,)
        )
    return rows, doc.has_annotation("TAG")


@pytest.mark.parametrize("pipes", [(), TAGGER_PIPES])
@pytest.mark.parametrize("text", [*TEXTS, "Mr O'Neill’s dog\n\n  Dr Smith's ÉCOLE İstanbul"])
def test_view_reads_what_tokens_say(text, pipes):
    nlp = engine().nlp
    with nlp.select_pipes(enable=[p for p in pipes if p in nlp.pipe_names]):
        doc = nlp(text)
    v = view(doc, text, case_mode(text))
    rows, has_pos = _token_view(doc, text, case_mode(text))
    got = list(
        zip(v.text, v.low, v.word, v.start, v.end, v.spaced, v.stop, v.pos, v.ent, strict=True)
    )
    assert got == rows
    assert v.has_pos == has_pos
