"""Issue 19, round 22: a crisis of the last few days told as rescued is recent, not past
(`nlp.signals.look_alikes.recent_rescue`), and a past attempt told in hurried words ("im 38 now")
is past.

docs/safeguarding.md decided that a recent incident (last night's overdose, an ambulance
called) is a risk now; "they saved my life" says the person lived, not that they are well.
Sentences written for these tests, none from a measuring set.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found, ruled

from nlp.signals.look_alikes import recent_rescue
from nlp.signals.look_alikes.held_back import RECOVERED


@pytest.mark.parametrize(
    "text",
    [
        "I took an overdose on Sunday. The paramedics saved my life.",
        "Swallowed a load of pills last night and my flatmate found me, the ambulance crew"
        " saved my life.",
        "She tried to hang herself two days ago and the neighbour who cut her down saved her life.",
        "He overdosed on Friday night. The A&E nurse saved his life, we can't thank her enough.",
    ],
)
def test_a_recent_attempt_told_as_rescued_still_fires(text: str) -> None:
    assert ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        # Long past and rescued: over.
        "I took an overdose six years ago and the crisis team saved my life.",
        "In 2015 I tried to end my life. The liaison nurse saved my life.",
        # Recent, but said to be safe or well now: over, as before.
        "I took an overdose on Sunday. I am safe now and doing much better.",
    ],
)
def test_a_rescue_long_ago_or_a_person_well_now_is_still_held_back(text: str) -> None:
    assert not ruled(text) & RISK


def test_rescued_recently_reads_only_rescue_cues() -> None:
    assert recent_rescue.rescued_recently(" overdose on monday and they saved my life ", RECOVERED)
    assert not recent_rescue.rescued_recently(" overdose on monday , i'm safe now ", RECOVERED)
    assert not recent_rescue.rescued_recently(
        " overdose years ago on a monday , they saved my life ", RECOVERED
    )
    assert not recent_rescue.rescued_recently(" the team saved my life ", RECOVERED)


@pytest.mark.parametrize(
    "text",
    [
        "i took an overdose back in 2011 when i was 18. im 33 now, two kids, doing grand."
        " just wanted to say thanks to the crisis line",
        "cut myself at school back in 2008. im fine now and work as a support worker",
    ],
)
def test_a_past_attempt_in_hurried_words_with_well_now_does_not_fire(text: str) -> None:
    assert not found(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "i took an overdose back in 2011. im not fine now, took another one last night",
        "cut myself at school back in 2008. im doing it again every night now",
    ],
)
def test_a_past_attempt_back_again_in_hurried_words_still_fires(text: str) -> None:
    assert found(text) & RISK
