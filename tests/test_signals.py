"""Risk signals: the rules (negation, context, Welsh), the sentence model, signposting."""

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
        ("Years ago I self-harmed most days, and the team saved my life.", "past"),
        ("I don't feel suicidal any more since the new tablets.", "negated"),
        ("I tried to end my life years ago and I'm in a better place now.", "past"),
        ("It just took ages for my tablets to come from pharmacy.", "a wait"),
        ("My brother's drug abuse got better after rehab.", "substance"),
        ("A patient was abusive to the nurses all night.", "abusive to staff"),
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
def test_ordinary_stories_fire_nothing_even_with_the_model(text):
    assert signals.detect(text).signals == []


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to live anymore",
        "I want to die, I can't take it any more.",
        "I don't want to live any longer, no longer.",
        "I tried to kill myself last year and I still feel the same.",
    ],
)
def test_words_of_time_do_not_hide_a_risk_that_is_not_over(text):
    assert "suicide_self_harm" in signals.rule_hits(text).names


def test_lower_case_without_punctuation_reads_like_the_original():
    text = "my partner hits me and i dont feel safe at home i want to complain about the gp"
    assert signals.rule_hits(text).names == ["complaint", "domestic_abuse", "immediate_danger"]


def test_a_very_long_story_is_read_whole_in_bounded_time():
    filler = "The appointment was late again and the car park was full. " * 1800
    text = filler + "i dont want to live anymore " + filler  # about 210,000 characters
    started = time.perf_counter()
    detection = signals.detect(text)
    assert detection.names == ["suicide_self_harm"]
    # A guard against a hang, not a speed target (benchmarks/signals.py times it): the
    # machine may be shared.
    assert time.perf_counter() - started < 300


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\u2019\u2019", "a" * 5000, "\x00\ufffd"])
def test_odd_input_never_crashes(text):
    assert signals.detect(text).signals == []


def test_control_characters_neither_hide_nor_invent_a_signal():
    assert "suicide_self_harm" in signals.rule_hits("i want\x00to\x0bdie").names
    assert "suicide_self_harm" in signals.detect("I\x07 have taken\x1b all my tablets").names
    assert signals.detect("The\x00 physio\x1f was great.\x7f").signals == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        (
            "honestly i cant see the point of carrying on, everyone would cope better without me",
            "suicide_self_harm",
        ),
        (
            "I've got the whole box of my pills next to me on the bed right now.",
            "suicide_self_harm",
        ),
        (
            "there has been nothing in mum's cupboards for a week and the heating is off",
            "adult_abuse_neglect",
        ),
        (
            "He reads all my texts and I have to ask him before I can see my own sister.",
            "domestic_abuse",
        ),
        (
            "My stepdad gets angry and smacks me across the head when mum's not in.",
            "child_abuse_neglect",
        ),
    ],
)
def test_the_model_hears_plain_words_no_rule_was_written_for(text, signal):
    detection = signals.detect(text)
    assert signal in detection.names
    found = next(s for s in detection.signals if s.name == signal)
    assert found.source in {"rules", "classifier"} and found.why


def test_the_model_explains_itself_with_its_score_and_the_words_it_scored():
    found = signals.model_signals("I keep thinking there is no reason to carry on living.")
    signal = next(s for s in found if s.name == "suicide_self_harm")
    assert signal.source == "classifier" and 0 < signal.score <= 1
    assert "no reason to carry on living" in signal.why and "threshold" in signal.why


def test_a_phrase_the_rules_held_back_is_not_overruled_by_the_model():
    text = "The nurse asked if I had thoughts of suicide. I said no."
    assert signals.rule_hits(text).possible
    assert "suicide_self_harm" not in signals.detect(text).names


def test_the_shipped_weights_were_trained_on_the_examples_as_they_are_now():
    from nlp.signals.model_training import training as signal_training
    from nlp.signals.sentence_model import model as signal_model

    digest = signal_training.training_digest()
    assert signal_model.load().corpus_sha256 == digest, (
        "run: python -m nlp.signals.model_training.training"
    )
    assert signal_model.MODEL_PATH.stat().st_size < 2_000_000


def test_the_shipped_weights_were_trained_on_the_background_comments_as_they_are_now():
    from nlp.signals.model_training import training as signal_training
    from nlp.signals.sentence_model import model as signal_model

    if not signal_training.BACKGROUND_PATH.exists():
        pytest.skip("the development data beside the repository is not here")
    background = signal_training.background()
    assert signal_model.load().background_sha256 == background.sha256
    # Every sentence of the two training trusts' comments, less the few that carry a signal.
    assert background.comments > 5000 and len(signal_training.excluded_rows()) >= 10


def test_no_background_comment_text_ships_only_row_numbers():
    from nlp.signals.model_training import training as signal_training
    from nlp.signals.sentence_model import model as signal_model

    for line in signal_training.EXCLUDED_PATH.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            number, _, reason = line.partition("#")
            assert number.strip().isdigit() and len(reason) < 80
    if signal_training.BACKGROUND_PATH.exists():
        rows = signal_training.background_rows()
        vocabulary = set(signal_model.load().vocabulary)
        # The word half's vocabulary comes from written examples only: a background comment's
        # rarer words (names, places) are not in it.
        rare = {"nottinghamshire", "rampton", "aripiprazole"}
        assert rows and not rare & vocabulary


def test_a_batch_gives_what_each_text_gives_alone():
    texts = [
        "The physio was lovely.",
        "I've been saving my tablets for when I decide to go. The GP doesn't know.",
        "",
        "My stepdad hits me when mum is at work.",
    ]
    batch = signals.detect_many(texts)
    assert [d.names for d in batch] == [signals.detect(t).names for t in texts]


def test_each_sentence_is_read_with_its_neighbours_and_fragments_are_joined():
    from nlp.signals.sentence_model import model as signal_model

    text = "The first one is here. Now? The second one is here. The third one is here."
    pieces = signal_model.units(text)
    first, second, third = (
        "The first one is here.",
        "Now? The second one is here.",
        "The third one is here.",
    )
    assert [u.text for u in pieces] == [first, second, third]
    assert pieces[0].context == f"{first} {second}"
    assert pieces[1].context == text
    assert pieces[2].context == f"{second} {third}"


def test_the_training_examples_cover_every_signal_and_many_ordinary_sentences():
    from nlp.signals.model_training import corpus as signal_corpus

    examples = signal_corpus.training_examples()
    for name in signals.SIGNALS:
        assert sum(name in e.labels for e in examples) >= 150, name
    assert sum(not e.labels for e in examples) >= 1000


def test_every_signal_has_a_severity():
    assert {signals.SEVERITY[name] for name in signals.RISK_TO_LIFE} == {"urgent"}
    assert signals.Signal("complaint", "rules", "why").severity == "routine"
    assert set(signals.SEVERITY) == set(signals.SIGNALS)


# Welsh ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Dw i eisiau marw.", "suicide_self_harm"),
        ("dwi wedi bod yn meddwl am ladd fy hun", "suicide_self_harm"),
        ("Mae fy ngŵr yn fy nharo i bob nos.", "domestic_abuse"),
        ("Dw i ddim yn teimlo'n ddiogel yn y tŷ heno.", "immediate_danger"),
        ("Dw i eisiau gwneud cwyn am y feddygfa.", "complaint"),
    ],
)
def test_explicit_welsh_risk_phrasings_fire_in_the_rules(text, signal):
    assert signal in signals.rule_hits(text).names
    assert signal in signals.detect(text).names


@pytest.mark.parametrize(
    "text",
    [
        "Roedd y nyrsys yn garedig iawn i mi ac i fy mam.",
        "Es i i'r ysbyty ddoe ac roedd popeth yn iawn, diolch i chi.",
        "Bu farw Dad yn dawel yn yr hosbis.",
    ],
)
def test_ordinary_welsh_raises_no_flag(text):
    assert signals.detect(text).signals == []


def test_a_welsh_service_name_is_held_back_and_a_welsh_risk_word_is_kept_for_a_reader():
    service = signals.rule_hits("Roedd y tîm hunan-niwed yn help mawr.")
    assert service.signals == [] and "service" in service.possible[0].why
    cue = signals.rule_hits("Roedd y tabledi ar y bwrdd a dw i wedi blino.")
    assert cue.signals == [] and "Welsh speaker" in cue.possible[0].why


def test_a_story_in_english_and_welsh_is_read_in_both():
    text = "The GP was kind. Ond dw i ddim eisiau byw rhagor. He hits me when he drinks."
    assert {"suicide_self_harm", "domestic_abuse"} <= set(signals.detect(text).names)


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
