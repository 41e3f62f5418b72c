"""The machine's doubts: names the trained NER proposed and its safeguards set aside are never
redacted, but the check page offers them to the person checking, who decides."""

from __future__ import annotations

import json

import pytest
from conftest import check_page_post, login, make_user
from consent_support import anonymised_story
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp import checks
from nlp.anonymise import anonymise_many, detect_many, detect_with_doubts
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.review.check_hints import review_hints

# Lower-case first names the name lists do not hold: the NER reads them as people from the
# sentence, the safeguards (a word in lower case must be a known name) set them aside.
ROTA = "i'll do monday, mele does tuesday and sefo the weekend"
SPLIT = "spoke to marek about the bins, then jokin came round with the forms"


def doubted(text: str) -> set[str]:
    (_, doubts), *_ = detect_with_doubts([text])
    return {text[d.start : d.end] for d in doubts}


def test_a_name_the_safeguards_set_aside_is_a_doubt_not_a_finding():
    [(found, doubts)] = detect_with_doubts([ROTA])
    assert found == []
    assert {ROTA[d.start : d.end] for d in doubts} == {"mele", "sefo"}
    assert all(d.label == "PERSON" and d.source == "ner-doubt" and d.score < 0.5 for d in doubts)


def test_a_doubt_never_repeats_what_a_finding_hides():
    [(found, doubts)] = detect_with_doubts([SPLIT])
    assert [SPLIT[f.start : f.end] for f in found] == ["marek"]
    assert [SPLIT[d.start : d.end] for d in doubts] == ["jokin"]


def test_doubts_change_nothing_that_is_redacted():
    texts = [ROTA, SPLIT, "Dr Okafor saw Mum on Ward 7 at Ysbyty Gwynedd on 3 March."]
    assert [found for found, _ in detect_with_doubts(texts)] == detect_many(texts)
    for text, result in zip(texts, anonymise_many(texts), strict=True):
        assert "mele" not in text or "mele" in result.text  # a doubt is not redacted
    assert doubted(texts[2]) == set()  # what the rules found leaves nothing to doubt


def test_without_the_ner_there_are_no_doubts():
    assert detect_with_doubts([ROTA], use_ner=False) == [([], [])]


def test_placeholders_are_never_doubted():
    text = "[NAME 1] rang and [NAME 2] said mele would come"
    assert all("[" not in t for t in doubted(text))


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
@example(text="¹")  # a superscript is a digit to str.isdigit, not to int(): it crashed
def test_doubts_lie_inside_the_text_and_never_overlap(text):
    [(found, doubts)] = detect_with_doubts([text])
    assert all(0 <= d.start < d.end <= len(text) for d in doubts)
    assert all(a.end <= b.start for a, b in zip(doubts, doubts[1:], strict=False))


def test_a_doubt_is_offered_once_with_its_label_unless_a_finding_covers_it():
    text = "mele and kemi came"  # lower case: no token of it is hinted for its capitals
    doubt = Finding(0, 4, "PERSON", 0.3, "ner-doubt")
    hints = review_hints(text, [], [doubt])
    assert [(h.text, h.kind, h.label) for h in hints] == [("mele", "nearby", "PERSON")]
    assert review_hints(text, [Finding(0, 4, "PERSON")], [doubt]) == []
    code = Finding(9, 13, "PERSON", 0.3, "ner-doubt")
    assert [h.label for h in review_hints("mele and QX77", [], [code])] == ["OTHER_ID"]
    # one that would hide more than the finding ("mele and" around "mele") is offered
    wider = Finding(0, 8, "PERSON", 0.3, "ner-doubt")
    assert [h.text for h in review_hints(text, [Finding(0, 4, "PERSON")], [wider])] == ["mele and"]


@pytest.fixture
def story(db):
    return anonymised_story(db, make_user(db, "gatherer", "gemma"), ROTA)


def test_the_worker_stores_doubts_and_a_check_clears_them(db, story):
    assert {ROTA[d.start : d.end] for d in checks.doubts_for(db, story)} == {"mele", "sefo"}
    stored = json.loads(db["anonymisations"].get(story)["doubts"])
    assert {d["source"] for d in stored} == {"ner-doubt"}
    checks.apply_check(db, story, [], checked_by=None, keep_original=True)
    assert db["anonymisations"].get(story)["doubts"] == "[]"
    assert checks.doubts_for(db, story) == []


def test_the_check_page_offers_a_doubt_and_a_tick_hides_it(client, db, story):
    login(client, "gemma")
    page = client.get(f"/checks/{story}").get_data(as_text=True)
    decide = page.split('class="decide"')[1].split("</fieldset>")[0]
    start = ROTA.index("mele")
    value = f"{start}:{start + 4}:PERSON"
    assert f'value="{value}"' in decide and "sefo" in decide
    response = check_page_post(client, story, {"finding": [value], "action": "confirm"})
    assert response.status_code in (302, 303)
    text = checks.anonymised_text(db, story)
    assert "mele" not in text and "sefo" in text  # only what the person ticked is hidden


def test_one_story_anonymised_alone_carries_its_doubts_too():
    from nlp.anonymise import anonymise

    result = anonymise(ROTA)
    assert {ROTA[d.start : d.end] for d in result.doubts} == {"mele", "sefo"}
    assert result.text == ROTA  # nothing found, nothing redacted


@pytest.mark.parametrize(
    ("text", "word", "offered"),
    [
        ("rota: mele does tuesday", "mele", True),
        ("seen by J. on the ward", "J", True),  # initials, though the lists hold "j" as a word
        ("it needs knowledge of the system", "knowledge", False),  # common English
        ("Despite that she was fine", "Despite", False),
        ("Dwi ddim yn hapus gyda'r gwasanaeth o gwbl", "gwbl", False),  # Welsh among Welsh
        ("Roedd Nyrs Gwenllian yn garedig iawn", "Gwenllian", True),  # a name among Welsh
        ("then XXXX rang", "XXXX", False),  # redacted already
        ("es i at y meddyg teulu ddydd Llun a dywedodd", "y meddyg teulu ddydd Llun a", False),
    ],
)
def test_a_doubt_is_offered_only_when_worth_a_look(text, word, offered):
    from nlp.identifiers.ner.ner_model import worth_offering

    start = text.index(word)
    doubt = Finding(start, start + len(word), "PERSON", 0.3, "ner-doubt")
    assert worth_offering(text, doubt) is offered
