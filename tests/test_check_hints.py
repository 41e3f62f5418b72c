"""Hints on the check page: the machine's doubts and tokens near identifiers, not rare words."""

from __future__ import annotations

import pytest
from conftest import check_page_post, login, make_user
from consent_support import anonymised_story

from nlp import checks
from nlp.anonymise import anonymise, detect
from nlp.identifiers.review.check_hints import review_hints


def hints_for(text: str) -> set[tuple[str, str]]:
    return {(h.text, h.kind) for h in review_hints(text, detect(text))}


def test_a_code_and_a_capitalised_word_beside_an_identifier_are_hinted():
    text = "Dr Okafor saw me in clinic QX77 with Sister Blodwen and a student, Ffion."
    found = {text[f.start : f.end] for f in detect(text)}
    hinted = {t for t, kind in hints_for(text) if kind == "nearby"}
    assert "QX77" in hinted
    assert not hinted & found  # a hint is never something already found


def test_welsh_words_contractions_and_code_are_not_hints():
    text = (
        "Diolch yn fawr i bawb. I don't know what we'd have done without Nurse Eleri at "
        "Ysbyty Gwynedd, cariad. The form said alert(1) and then crashed."
    )
    hinted = {t for t, kind in hints_for(text) if kind == "nearby"}
    assert hinted == set()


def test_low_confidence_findings_are_marked_unsure():
    text = "We moved to Splott last year and the nurse was lovely."
    findings = detect(text)
    assert findings and all(f.score < 0.75 for f in findings)
    assert {kind for _, kind in hints_for(text)} == {"unsure"}


def test_rare_words_are_no_longer_residual_risk_flags():
    result = anonymise("Diolch to the zorbonaut club, I don't mind saying so.")
    assert [f.kind for f in result.risk_flags] == []


STORY = (
    "My name is Glenys Hughes. Dr Mbatha at Ysbyty Gwynedd wrote ref QX77 on my letter "
    "and Tegwen, the volunteer, walked me out. Diolch yn fawr, I don't forget kindness."
)


@pytest.fixture
def story(db):
    return anonymised_story(db, make_user(db, "gatherer", "gemma"), STORY)


def test_the_check_page_highlights_hints_and_a_tick_makes_one_an_identifier(client, db, story):
    login(client, "gemma")
    page = client.get(f"/checks/{story}").get_data(as_text=True)
    assert 'class="hint-token"' in page
    assert "Rare word" not in page
    decide = page.split('class="decide"')[1].split("</fieldset>")[0]
    assert "QX77" in decide and "Diolch" not in decide and "don" not in decide
    start = STORY.index("QX77")
    value = f"{start}:{start + 4}:OTHER_ID"
    assert f'value="{value}"' in decide
    kept = [f"{f.start}:{f.end}:{f.label}" for f in checks.findings_for(db, story)]
    response = check_page_post(
        client,
        story,
        {"finding": [*kept, value], "action": "confirm"},
    )
    assert response.status_code in (302, 303)
    text = checks.anonymised_text(db, story)
    assert "QX77" not in text and "[ID]" in text
