"""Risk signals: the rules (with negation and context), the classifier, and signposting."""

from __future__ import annotations

import time

import pytest

from nlp import signals
from workbench.safeguarding import signposting


@pytest.mark.parametrize(
    ("text", "signal", "phrase"),
    [
        (
            "Since the diagnosis I have wanted to die most days.",
            "suicide_self_harm",
            "wanted to die",
        ),
        ("i keep thinking about killing myself", "suicide_self_harm", "killing myself"),
        ("My son has been self-harming since September.", "suicide_self_harm", "self-harming"),
        ("I took an overdose after the letter came", "suicide_self_harm", "overdose"),
        (
            "He locks the children in the bedroom all weekend.",
            "child_abuse_neglect",
            "locks the children",
        ),
        (
            "the carers were rough with mum and she has bruises",
            "adult_abuse_neglect",
            "carers were rough",
        ),
        ("My husband hits me when he drinks.", "domestic_abuse", "husband hits me"),
        ("My partner won't let me see my own friends.", "domestic_abuse", "won't let me"),
        ("He says he is going to kill me tonight.", "immediate_danger", "going to kill"),
        ("I DON'T FEEL SAFE AT HOME", "immediate_danger", "n't feel safe at home"),
        (
            "I want to make a formal complaint about the discharge.",
            "complaint",
            "make a formal complaint",
        ),
        ("how do i complain about my gp", "complaint", "how do i complain"),
    ],
)
def test_an_explicit_statement_fires_its_signal_and_says_which_phrase(text, signal, phrase):
    detection = signals.rule_hits(text)
    assert signal in detection.names
    why = next(s.why for s in detection.signals if s.name == signal)
    assert phrase in why and "rule " in why


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("I was not suicidal, I just needed my tablets explained.", "negated"),
        ("I have never had any thoughts of harming myself.", "negated"),
        ("No thoughts of self harm, just a low mood.", "negated"),
        ("The self-harm team were brilliant with my daughter.", "service"),
        ("The domestic abuse service found us a flat.", "service"),
        ("I nearly killed myself laughing at the nurse's jokes.", "idiom"),
        ("I fell over and hurt myself in the garden.", "accident"),
        ("My son was hit by a car and the children's ward were amazing.", "accident"),
        ('The nurse said "are you having thoughts of suicide?" and I said no.', "question"),
        ("I was in danger of missing my bus.", "figure of speech"),
        ("i am not afraid of my husband i am afraid of needles", "negated"),
    ],
)
def test_a_hard_negative_fires_nothing_but_is_kept_as_possible_with_its_reason(text, reason):
    detection = signals.rule_hits(text)
    assert detection.signals == []
    assert any(reason in s.why for s in detection.possible), detection.possible


@pytest.mark.parametrize(
    "text",
    [
        "I was not at risk and the doctor made sure of that.",
        "My dad's Alzheimer's has got worse and the memory clinic have been supportive.",
        "I have no complaints at all, the staff were wonderful.",
        "Can't complain really, they sorted my knee out.",
        "This back pain is killing me but the physio is great.",
        "The waiting list is long but the receptionist was kind.",
    ],
)
def test_ordinary_stories_fire_nothing_even_with_the_classifier(text):
    assert signals.detect(text).signals == []


def test_lower_case_without_punctuation_reads_like_the_original():
    text = "my partner hits me and i dont feel safe at home i want to complain about the gp"
    assert signals.rule_hits(text).names == ["complaint", "domestic_abuse", "immediate_danger"]


def test_a_very_long_story_is_read_whole_without_a_crash():
    filler = "The appointment was late again and the car park was full. " * 1800
    text = filler + "i dont want to live anymore " + filler  # about 210,000 characters
    started = time.perf_counter()
    detection = signals.detect(text)
    assert detection.names == ["suicide_self_harm"]
    assert time.perf_counter() - started < 60


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\u2019\u2019", "a" * 5000, "\x00\ufffd"])
def test_odd_input_never_crashes(text):
    assert signals.detect(text).signals == []


def test_the_classifier_explains_itself_with_the_words_that_weighed_most():
    model = signals.classifier()
    found = {s.name: s for s in model.signals("I have been stockpiling my tablets for weeks")}
    assert "suicide_self_harm" in found
    signal = found["suicide_self_harm"]
    assert signal.source == "classifier" and signals.CLASSIFIER_THRESHOLD <= signal.score <= 1
    assert "stockpiling" in signal.why or "tablets" in signal.why


def test_the_classifier_adds_signals_the_rules_miss_but_never_overrules_a_held_back_phrase():
    implicit = "I can't see a way out and I have been researching ways to do it."
    # Trained without this example (and its variants): it has to generalise.
    model = signals.SignalClassifier(
        [e for e in signals.load_examples() if "researching ways" not in e["text"]]
    )
    assert signals.rule_hits(implicit).signals == []
    found = signals.detect(implicit, model).signals
    assert [(s.name, s.source) for s in found] == [("suicide_self_harm", "classifier")]
    assert signals.detect("I have never had thoughts of suicide.", model).signals == []


def test_the_examples_cover_every_signal_with_hard_negatives():
    examples = signals.load_examples()
    assert len(examples) >= 300
    for name in signals.SIGNALS:
        assert sum(name in e["labels"] for e in examples) >= 20, name
    assert sum(e["kind"] == "hard_negative" for e in examples) >= 100
    assert {"original", "lower_no_punctuation", "in_context"} <= {e["variant"] for e in examples}


# Signposting ----------------------------------------------------------------------------


def test_the_general_section_always_shows_even_when_nothing_was_noticed():
    result = signposting.signposting_for("The physio was great.")
    assert result.sections == [] and result.signals == []
    assert result.general.title == "If you need support"
    phones = {c.phone for c in result.general.contacts}
    assert {"116 123", "111"} <= phones


def test_signals_bring_their_sections_most_urgent_first():
    result = signposting.signposting_for(
        "He said he is going to kill me. I want to make a complaint about the police too."
    )
    keys = [s.key for s in result.sections]
    assert keys[0] == "immediate_danger" and "complaint" in keys
    assert result.safeguarding and result.complaint
    complaint = next(s for s in result.sections if s.key == "complaint")
    names = " ".join(c.name for c in complaint.contacts)
    assert "PALS" in names and "Ombudsman" in names and "advocacy" in names


def test_when_unsure_the_section_is_shown_anyway_without_a_flag():
    result = signposting.signposting_for("I was not suicidal, honestly.")
    assert result.signals == [] and result.unsure == ["suicide_self_harm"]
    assert [s.key for s in result.sections] == ["suicide_self_harm"]


def test_if_the_rules_fail_every_section_is_shown(monkeypatch):
    def broken(_text):
        raise RuntimeError("boom")

    monkeypatch.setattr(signposting, "rule_hits", broken)
    result = signposting.signposting_for("anything")
    assert [s.key for s in result.sections] == list(signposting.ORDER)


def test_each_organisation_has_its_own_signposting_file(tmp_path):
    own = tmp_path / "ours.yaml"
    text = signposting.DEFAULT_PATH.read_text().replace(
        "organisation: Healthwatch", "organisation: Healthwatch Quaxton"
    )
    own.write_text(text.replace("0808 800 5000", "01234 567890"))
    result = signposting.signposting_for("He hits my son with a belt.", path=own)
    assert result.organisation == "Healthwatch Quaxton"
    assert "01234 567890" in {c.phone for c in result.sections[0].contacts}
    own.write_text("organisation: Incomplete\ngeneral: {title: x}\n")
    with pytest.raises(signposting.SignpostingConfigError, match="domestic_abuse"):
        signposting.signposting_for("anything", path=own)


def _english_and_welsh(path=None):
    every = list(signposting.ORDER)
    return (
        signposting.for_signals([], unsure=every, path=path),
        signposting.for_signals([], unsure=every, path=path, locale="cy"),
    )


def test_the_default_signposting_is_in_welsh_for_a_welsh_storyteller_with_the_same_numbers():
    english, welsh = _english_and_welsh()
    for en, cy in zip(
        [english.general, *english.sections], [welsh.general, *welsh.sections], strict=True
    ):
        assert en.key == cy.key
        assert cy.title and cy.title != en.title and cy.text and cy.text != en.text
        assert [c.phone for c in cy.contacts] == [c.phone for c in en.contacts]
        assert [c.url for c in cy.contacts] == [c.url for c in en.contacts]
        for en_contact, cy_contact in zip(en.contacts, cy.contacts, strict=True):
            assert cy_contact.name  # proper names (Shout, Childline) stay as they are
            assert not en_contact.detail or cy_contact.detail != en_contact.detail


def test_wording_not_written_in_welsh_is_shown_in_english(tmp_path):
    own = tmp_path / "ours.yaml"
    text = signposting.DEFAULT_PATH.read_text()
    text = text.replace('cy: "Os oes angen cymorth arnoch"', 'fr: "Si vous avez besoin d\'aide"')
    own.write_text(
        text.replace('cy: "Samariaid"', "").replace(
            "organisation: Healthwatch",
            "organisation: {en: Healthwatch Quaxton, cy: Healthwatch Cwacstwn}",
        )
    )
    welsh = signposting.for_signals([], path=own, locale="cy")
    assert welsh.general.title == "If you need support"
    assert welsh.general.contacts[0].name == "Samaritans"
    assert welsh.general.text.startswith("Gall rhannu eich stori")
    assert welsh.organisation == "Healthwatch Cwacstwn"
    assert signposting.for_signals([], path=own, locale="fr").general.title.startswith("Si vous")


def test_a_wording_in_other_languages_without_english_is_refused(tmp_path):
    own = tmp_path / "ours.yaml"
    own.write_text(signposting.DEFAULT_PATH.read_text().replace('en: "Samaritans"\n', "", 1))
    with pytest.raises(signposting.SignpostingConfigError, match=r"general\.contacts\[0\]\.name"):
        signposting.for_signals([], path=own)
