"""The trained NER beside the rules, through the real detector and the shipped model.

Each positive case is a kind the rules do not cover (a name no list holds, in lower case at
a sentence's start; an unlisted care home typed in lower case; an age before "when"), and
each is checked both ways: missed by the rules alone, caught with the NER. The negative cases
are the safeguards: ordinary words, drugs, conditions, departments and numbers that are
not ages stay unmarked although the model alone would mark some of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.anonymise import USE_NER, anonymise, detect
from nlp.identifiers.ner.ner_model import MODEL_DIR, ner_findings, ner_pipeline
from nlp.identifiers.review.check_hints import review_hints


def covered(text: str, value: str, use_ner: bool) -> bool:
    start = text.index(value)
    found = detect(text, use_ner=use_ner)
    return any(f.start <= start and f.end >= start + len(value) for f in found)


def test_the_model_ships_inside_the_package_and_is_on_by_default():
    nlp = ner_pipeline()
    assert Path(nlp.path).resolve() == MODEL_DIR.resolve()
    assert MODEL_DIR.is_relative_to(Path(__file__).resolve().parents[1] / "nlp")
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert {"PERSON", "LOCATION", "CARE_SETTING", "AGE"} <= set(nlp.get_pipe("ner").labels)
    assert USE_NER is True


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("me and tiwaloluwa waited ages in the corridor for nothing", "tiwaloluwa"),
        ("srivastava phoned and said the scan was clear", "srivastava"),
        ("we moved nain to plas heulwen in the end because of the smell", "plas heulwen"),
        ("my lad was 12 when it started", "12"),
    ],
)
def test_what_the_rules_miss_the_ner_catches(text, value):
    assert not covered(text, value, use_ner=False)
    assert covered(text, value, use_ner=True)


@pytest.mark.parametrize(
    "text",
    [
        "i was on sertraline n mirtazapine and the tablets made me feel rough",
        "They said it was Raynaud's, not Parkinson's, in the end.",
        "We waited 8 hours, came back at 10 am and I rang 3 times after that.",
        "the psychiatric ward and the Cardiology clinic were both full",
        "hiya, honestly the lounge was freezing and nobody came for hours",
        "Nobody listened and I felt zqppuxumccslqvky all night. Busy and zqppuxumccslqvky too.",
        "The Physio said my gait was wonky and I needed a rollator for the stairs.",
    ],
)
def test_ordinary_words_drugs_conditions_and_counts_stay_unmarked(text):
    assert detect(text, use_ner=True) == []


def test_the_safeguards_are_what_keep_them_unmarked():
    """The model alone marks some of the texts above: the filters, not luck, keep them out."""
    texts = [
        "i was on sertraline n mirtazapine and the tablets made me feel rough",
        "They said it was Raynaud's, not Parkinson's, in the end.",
        "We waited 8 hours, came back at 10 am and I rang 3 times after that.",
        "the psychiatric ward and the Cardiology clinic were both full",
        "hiya, honestly the lounge was freezing and nobody came for hours",
    ]
    raw = sum(len(doc.ents) for doc in ner_pipeline().pipe(texts))
    assert raw > 0
    assert ner_findings(texts) == [[] for _ in texts]


def test_ner_guesses_are_offered_to_the_checker_as_unsure():
    text = "me and tiwaloluwa waited ages in the corridor for nothing"
    findings = detect(text)
    guessed = [f for f in findings if f.source == "ner"]
    assert guessed
    hints = review_hints(text, findings)
    assert any(h.kind == "unsure" and h.text == "tiwaloluwa" for h in hints)


def test_anonymising_twice_changes_nothing_with_the_ner():
    text = "me and tiwaloluwa waited ages at plas heulwen, she was 8 when she went in"
    once = anonymise(text).text
    assert "tiwaloluwa" not in once and "heulwen" not in once
    assert anonymise(once).text == once


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The duty social worker said to ring 101 if I was worried about him.", "101"),
        ("We dialled 111 twice that night and nobody came out.", "111"),
        ("Our daughter has Guillain-Barré syndrome and walks with a frame.", "Barré"),
        ("It was 5 when the ambulance finally turned up at the house.", "5"),
    ],
)
def test_service_numbers_conditions_and_clock_times_stay_with_the_ner_on(text, value):
    """The NER retrained on written stories proposed these; its safeguards hold them back."""
    start = text.index(value)
    found = detect(text, use_ner=True)
    assert not any(f.start < start + len(value) and start < f.end for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Can't fault the Children's centre in West Mansfield, we'd go back.",
        "Dr Okafor didn't ring back and I'm gonna complain to the Health Centre.",
        "Mum (84) wasn't fed at Rowan Lodge; the colour of her lips worried me.",
    ],
)
def test_tokens_reused_from_the_anonymiser_read_as_the_ners_own(text):
    """The NER reuses the anonymiser's tokens (no second tokenising): the Doc it reads must
    carry the norms its own tokenizer gives, the exceptions' ("n't" -> "not") included and
    the other vocabulary's spellings ("centre" -> "center") left out, or its guesses change."""
    from nlp.anonymise import engine
    from nlp.identifiers.ner.ner_model import _retokenised

    nlp = ner_pipeline()
    own = nlp.make_doc(text)
    reused = _retokenised(nlp.vocab, engine().nlp.make_doc(text))
    assert [(t.text, t.whitespace_, t.norm_) for t in reused] == [
        (t.text, t.whitespace_, t.norm_) for t in own
    ]
    assert reused.text == text
    assert ner_findings([text], [engine().nlp.make_doc(text)]) == ner_findings([text])


def test_the_ners_tokens_are_the_ones_the_rules_would_read():
    """Mixed-case pieces are tokenised once, by the NER pipeline's tokenizer, for the rules
    too (nlp.identifiers.ner.ner_model.tokenise): its rules must be the anonymiser pipeline's,
    and the lexical attributes the rules read (token_view.VIEW_ATTRS: lower case, stop
    words) the same in both vocabularies."""
    from spacy.attrs import IS_STOP, LOWER

    from nlp.anonymise import DEFAULT_MODEL, engine

    ours, ner = engine(DEFAULT_MODEL).nlp, ner_pipeline()
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        a, b = getattr(ours.tokenizer, name).__self__, getattr(ner.tokenizer, name).__self__
        assert (a.pattern, a.flags) == (b.pattern, b.flags)
    assert ours.tokenizer.token_match is None and ner.tokenizer.token_match is None
    assert ours.tokenizer.rules == ner.tokenizer.rules
    assert ours.tokenizer.faster_heuristics == ner.tokenizer.faster_heuristics
    assert ours.vocab.lex_attr_getters[LOWER] is ner.vocab.lex_attr_getters[LOWER]
    assert ours.vocab.lex_attr_getters[IS_STOP].keywords == (
        ner.vocab.lex_attr_getters[IS_STOP].keywords
    )
    assert ours.vocab.lex_attr_getters[IS_STOP].func is ner.vocab.lex_attr_getters[IS_STOP].func


# Look-alike stories written for this test: names, places and settings in short notes and in
# one long piece, lower case and capitals, so many tokens are parsed in one batch.
PARSE_STORIES = [
    "Saw Dr Okonkwo at Pinderfields on Tuesday, then Mum went to stay with Aunt Bev in Ossett.",
    "my grandad wilf is 87 and lives near skegness, the carer from bluebell homecare comes daily",
    "SPOKE TO JANINE AT THE ROYAL ALBERT. SHE SAID WARD 12 IS FULL.",
    "",
    " ".join(
        f"Kezia rang from Hexham about her brother Tomasz, who is on Ward {n} at the Freeman."
        for n in range(40)
    ),
    "Thanks to Priya and the team at Meadowbank Surgery, Stockport – brilliant as ever.",
]


def test_the_beam_of_one_finds_the_entities_the_greedy_parse_does():
    """`ner_parse.read_with_entities` (a beam of one, for speed) gives every document the
    entities `nlp.pipe` (the greedy parse) gives, in batches small and large."""
    from nlp.identifiers.ner.ner_parse import read_with_entities

    nlp = ner_pipeline()
    stories = PARSE_STORIES * 3

    def entities(docs):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]

    greedy = entities(nlp.pipe(stories, batch_size=4))
    assert any(greedy)
    for size in (1, 4, 64):
        assert entities(read_with_entities(nlp, iter(stories), size)) == greedy
    reused = [nlp.make_doc(s) for s in stories]
    assert entities(read_with_entities(nlp, reused, 64)) == greedy
