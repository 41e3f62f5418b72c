"""Issue 19, precision on long accounts (twelfth round): a long account of care has many
sentences, each a chance for the sentence model to fire, and tells hard things that are not
a risk now: grief, a death that was expected, a crisis that is over, anger at a service. Such
an account must not raise risk to life; the same account with one understated sentence of a
risk now must still raise it. A Welsh account of ordinary care, written with Welsh clitics
("i'n", "drwy'r", "wedi'i"), is read as Welsh, not by the English model as noise. Accounts
written for these tests, none from a measuring set and none from the training files; the real
detector (rules and both models)."""

from __future__ import annotations

import pytest

from nlp import signals
from nlp.signals.welsh import welsh

RISK = set(signals.RISK_TO_LIFE)
ABUSE = {"child_abuse_neglect", "adult_abuse_neglect", "domestic_abuse"}

# Hard to read, no risk now: an expected death in a hospice, told with grief.
GRIEF = (
    "My mother-in-law spent her last nine days at the hospice on the hill. "
    "We knew from the spring that the cancer had spread and she had made her peace with it. "
    "The nurses moved her bed to the window so she could see the bird feeder. "
    "Her breathing changed on the Tuesday and they explained gently what that meant. "
    "They kept her comfortable with a syringe driver and checked on us every hour. "
    "She died early on the Thursday with my husband holding her hand. "
    "I still find myself reaching for the phone to ring her on a Sunday evening. "
    "The bereavement volunteer rang a month later, which meant a great deal. "
    "Thank you to everyone on the ward for the tea, the chairs and the kindness."
)
# A crisis told as over: a breakdown two winters ago, well now.
OVER = (
    "Two winters ago I was very unwell after my marriage ended. "
    "The crisis team came out twice a day for a fortnight and I was admitted for a while. "
    "The psychologist I saw afterwards helped me understand the patterns I'd fallen into. "
    "It took most of a year to get back to work, part time at first. "
    "These days I walk the dog before my shift and I'm sleeping properly. "
    "I've moved to a smaller flat nearer my sister and we have tea on Fridays. "
    "I'm writing because the service was cut last month and I worry about the next person. "
    "Please keep funding the team that got me through."
)
# Anger at a service: a long wait, a father who is home and recovering.
ANGER = (
    "I want to put on record how my father was treated in the emergency department. "
    "He waited eleven hours on a trolley in a corridor with no water offered. "
    "Nobody told us what was happening and the board said four hours all night. "
    "When a doctor finally saw him it was a bad chest infection and he was admitted. "
    "The ward itself was clean and the staff there were lovely with him. "
    "He came home after a week on antibiotics and he's back in his garden now. "
    "I am furious that an eighty-year-old man was left like that. "
    "I will be writing to our councillor and to the chief executive."
)

# One understated sentence of a risk now, told inside each account.
SUICIDE_NOW = (
    "Tonight I've put all of his old tablets in a cup by the bed and I'm not scared anymore."
)
DANGER_NOW = "Right now she's on the kitchen floor and I can't wake her, her lips are going blue."


def _inside(account: str, sentence: str) -> str:
    """The account with `sentence` told in its middle, not first or last."""
    parts = account.split(". ")
    middle = len(parts) // 2
    return ". ".join([*parts[:middle], sentence.rstrip("."), *parts[middle:]])


@pytest.mark.parametrize("account", [GRIEF, OVER, ANGER], ids=["grief", "over", "anger"])
def test_a_long_hard_account_with_no_risk_now_does_not_raise_risk_to_life(account):
    found = set(signals.detect(account).names)
    assert not found & RISK, found


@pytest.mark.parametrize("account", [GRIEF, OVER, ANGER], ids=["grief", "over", "anger"])
@pytest.mark.parametrize("risk", [SUICIDE_NOW, DANGER_NOW], ids=["suicide", "danger"])
def test_one_understated_risk_inside_a_long_account_still_raises_risk_to_life(account, risk):
    found = set(signals.detect(_inside(account, risk)).names)
    assert found & RISK, found


# A Welsh account of ordinary care: a fall, a wait for the doctor, home and well now.
WELSH_CARE = (
    "Roedd Mam yn yr ysbyty am bythefnos ar ôl iddi syrthio yn yr ardd. "
    "Roedd y nyrsys i gyd yn garedig iawn, ac o'n i'n ddiolchgar am hynny. "
    "Ond o'n i'n disgwyl am oriau cyn i'r meddyg ddod i'w gweld hi. "
    "Dw i'n gobeithio bydd rhywun yn gwrando ar y sylwadau 'ma. "
    "Mae hi adref rŵan ac mae'n mynd am dro bob bore."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dw i'n gobeithio bydd rhywun yn gwrando.",
        "Nodiadau wedi'u gyrru drwy'r post.",
        "Cerdyn wedi'i bostio i'r teulu.",
    ],
)
def test_a_welsh_sentence_of_clitics_reads_as_welsh(sentence):
    assert welsh.is_welsh(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm sure she'd have said so if she'd wanted it, and they're fine.",
        "We've booked rock'n'roll night for the ward and y'all are invited.",
    ],
)
def test_english_apostrophes_do_not_read_as_welsh(sentence):
    assert not welsh.is_welsh(sentence)


def test_a_welsh_account_of_ordinary_care_raises_no_risk_and_no_abuse():
    found = set(signals.detect(WELSH_CARE).names)
    assert not found & (RISK | ABUSE), found


def test_an_english_run_inside_a_welsh_sentence_without_a_comma_is_read_in_english():
    # A teller switches language mid-clause, no punctuation between: the English run is
    # read by the English model, which hears the abuse in it.
    sentence = "Mae hi'n deud bod her stepdad hits her with a belt pan mae o wedi meddwi."
    assert welsh.is_welsh(sentence)
    runs = [sentence[a:b] for a, b in welsh.english_clauses(sentence)]
    assert any("stepdad hits her with a belt" in run for run in runs), runs
    assert "child_abuse_neglect" in signals.detect(sentence).names


@pytest.mark.parametrize(
    "risk",
    [
        # Tablets gathered by the bed tonight; a man gone out with a rope, not answering.
        "Heno dw i wedi casglu tabledi Dad i gyd mewn cwpan wrth y gwely.",
        "Mae o wedi mynd allan efo rhaff a dydi o ddim yn ateb ei ffôn.",
    ],
)
def test_one_welsh_risk_inside_a_long_welsh_account_passes_the_raised_bar(risk):
    # No rule phrase: the Welsh model hears these over its bar for long Welsh stories.
    detection = signals.detect(_inside(WELSH_CARE, risk))
    assert set(detection.names) & RISK, detection.names
    assert any("Welsh model" in s.why for s in detection.signals if s.name in RISK)
