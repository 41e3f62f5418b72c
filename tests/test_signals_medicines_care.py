"""Issue 19, round 22: medicines looked after are no risk to life
(`nlp.signals.look_alikes.medicines_care`): where to keep a strong medicine, a guard against a
double dose by mistake, a pharmacy's dispensing error. Each kind beside look-alikes that say more
than a dose and must still fire. Sentences written for these tests, none from a measuring set.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found

from nlp.signals.look_alikes.medicines_care import care_of_a_medicine


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        ("Where do we store her oxycodone so the grandchildren can't get at it?", ""),
        (
            "She has the liquid morphine and the fentanyl patches.",
            "Where should we keep mum's morphine?",
        ),
        ("The doctor gave me naproxen but I don't want to take too much by mistake.", ""),
        ("i dont want him havin a double of his tablets, he forgets if he's had them", ""),
        ("The pharmacy keeps sending the wrong strength of her blood pressure tablets.", ""),
        ("his blister packs keep coming wrong, the evening ones are in the morning slot", ""),
    ],
)
def test_care_of_a_medicine_is_read(sentence: str, before: str) -> None:
    assert care_of_a_medicine(sentence, before)


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        ("The chemist sent the wrong strength so I took the lot last night.", ""),
        ("Where should I keep my tablets so I don't take them all tonight?", ""),
        ("He's been saving his patches up in a drawer.", "Where should we keep his morphine?"),
        ("She took a double dose by accident and now she's very drowsy.", ""),
        ("There's no way forward for me and all my pills are lined up.", ""),
        # A dosette box is no error, and a month of tablets in it is a means.
        ("He has six weeks of tablets sitting in his dosette box.", ""),
        ("The chemist keeps sending the wrong strength, so there's two boxes of them spare.", ""),
    ],
)
def test_more_than_a_dose_is_not_care(sentence: str, before: str) -> None:
    assert not care_of_a_medicine(sentence, before)


@pytest.mark.parametrize(
    "text",
    [
        "Quick question for the pharmacist: where is best to keep my wife's morphine? She is on"
        " the oral solution and the patches and our grandchildren stay over at weekends.",
        "How much ibuprofen can I take with my naproxen? The physio said to keep on with the"
        " naproxen but i dont want to take too much of it by mistake.",
        "Could someone sort out dad's dosette box. The chemist keeps sending the wrong strength"
        " of his water tablets.",
    ],
)
def test_medicines_looked_after_raise_no_risk_to_life(text: str) -> None:
    assert not found(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "The chemist keeps sending the wrong strength and I have been saving the spare ones up."
        " I can't see a way forward for me now.",
        "Where should we keep his morphine? He has been saying he wants to take the lot and go"
        " to sleep for good.",
        "Mum keeps saying she'll 'do something stupid' if we sell the house. She has a month of"
        " tablets in her dosette box by the bed.",
    ],
)
def test_a_risk_beside_medicines_still_fires(text: str) -> None:
    assert found(text) & RISK
