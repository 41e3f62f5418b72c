"""Issue 19, precision, fourth round: kinds of false alarm read from rounds v13-v15 and held
back by general checks on the words around a rule's hit. Sentences written for these tests,
none from a measuring set, each beside a risk told in nearly the same words that must still
fire."""

from __future__ import annotations

import pytest

from nlp.signals.detection import rules as signal_rules
from nlp.signals.look_alikes.held_back import LEFT_TO_THE_MODEL

SUICIDE = "suicide_self_harm"
DANGER = "immediate_danger"


@pytest.mark.parametrize(
    ("text", "signal", "reason"),
    [
        # A threat said with a laugh, or a reproach for something done: left to the model.
        ("if the bus is late again tomorrow i'll kill the driver lol", DANGER, "jest"),
        (
            "Our Beth said if we move her chair once more she'll kill us. We all laughed.",
            DANGER,
            "jest",
        ),
        ("My sister's going to kill me for forgetting her birthday card.", DANGER, "reproach"),
        # Someone checked and found no risk.
        (
            "A lad at the youth club said he'd cut himself last spring. Worker talked it "
            "through with him: no current thoughts or plans, sleeping fine.",
            SUICIDE,
            "no risk found",
        ),
        # A risk long past, and the teller well later in the story.
        (
            "At 15 I overdosed on my mum's tablets. The hospital were kind. College came next, "
            "then an apprenticeship. 9 years on I run the workshop.",
            SUICIDE,
            "well later",
        ),
        # A screening question answered in other words.
        (
            "The nurse went through the usual questions about mood and any thoughts of "
            "hurting myself. All no. My ankle is the problem.",
            SUICIDE,
            "screening",
        ),
        (
            "Mood score today: question 9 (thoughts of being better off dead) scored 0.",
            SUICIDE,
            "screening",
        ),
    ],
)
def test_a_kind_left_to_the_model_is_held_back_and_not_barred(text, signal, reason):
    detection = signal_rules.rule_hits(text)
    assert signal not in detection.names
    held = [s.why for s in detection.possible if s.name == signal]
    assert any(reason in why for why in held), held
    # Left to the model: the model still reads the sentence.
    assert any(any(r in why for r in LEFT_TO_THE_MODEL) for why in held)


@pytest.mark.parametrize(
    ("text", "signal", "reason"),
    [
        # Talk of a risk in general: a course, a talk, what someone might say.
        (
            "At the first aid day the trainer explained what to do if someone tells you "
            "they are thinking about suicide.",
            SUICIDE,
            "might say",
        ),
        (
            "The speaker presented research on self-harm among students, and we discussed it.",
            SUICIDE,
            "course or a talk",
        ),
        ("The report counted the number of suicides in the county.", SUICIDE, "in general"),
        (
            "I booked onto the suicide and self-harm awareness course at the library.",
            SUICIDE,
            "service",
        ),
        # Part of a compound: a knife-crime talk is no knife.
        ("The youth club had a knife-crime workshop with the police.", DANGER, "compound"),
        # A story's part, or a story named the sentence before.
        (
            "In this week's episode the vicar's daughter took an overdose. Gripping telly.",
            SUICIDE,
            "film, book",
        ),
        (
            "My novel is called 'Low Tide'. It's about a fisherman whose son died by suicide.",
            SUICIDE,
            "film, book",
        ),
        # Another's life taken, told.
        ("The speaker's brother took his own life after the mine closed.", SUICIDE, "death"),
        # "Killing myself" doing something: what wears someone out.
        ("My wife says I'm killing myself digging that allotment.", SUICIDE, "idiom"),
    ],
)
def test_a_general_kind_is_held_back(text, signal, reason):
    detection = signal_rules.rule_hits(text)
    assert signal not in detection.names
    assert any(reason in s.why for s in detection.possible if s.name == signal), detection


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        # The same words with the risk here now.
        ("if he comes back tonight he'll kill me, he said so", DANGER),
        ("He's going to kill me for telling you, he said he would.", DANGER),
        ("I'm going to kill myself walking into the sea tonight.", SUICIDE),
        (
            "A lad at the youth club said he'd cut himself last night. Worker talked it "
            "through with him and he has thoughts of doing it again.",
            SUICIDE,
        ),
        (
            "At 15 I overdosed on my mum's tablets. 9 years on and it's started again, I took "
            "a load last night.",
            SUICIDE,
        ),
        ("The course was good but I have been thinking about suicide every day.", SUICIDE),
        ("I felt suicidal and the crisis line put me on hold.", SUICIDE),
        ("He had a knife in his hand and was shouting at the kids.", DANGER),
        ("My brother tried to take his own life last night.", SUICIDE),
        ("My son nearly took his own life at the weekend.", SUICIDE),
    ],
)
def test_the_same_words_as_a_risk_still_fire(text, signal):
    assert signal in signal_rules.rule_hits(text).names
