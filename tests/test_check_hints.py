"""Hints on the check page: the machine's doubts and tokens near identifiers, not rare words."""

from __future__ import annotations

import pytest
from conftest import check_page_post, login, make_user
from consent_support import anonymised_story

from nlp import checks
from nlp.anonymise import anonymise, detect
from nlp.identifiers.core.findings import Finding
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


@pytest.mark.parametrize(
    ("text", "hinted", "source"),
    [
        ("We moved to Splott last year and the nurse was lovely.", "Splott", "unsure"),
        ("Dr Okafor saw me in clinic QX77 on Tuesday.", "QX77", "nearby"),
        (
            "Mam was born on the 14th of June 1952 in the valleys.",
            "14th of June 1952",
            "old full date",
        ),
        ("The carers said my nan is ninety-two and still sharp.", "ninety-two", "age in words"),
    ],
)
def test_every_hint_says_why_it_is_offered(text, hinted, source):
    """The source lets benchmarks/check_hints_as_findings.py score each kind of hint apart."""
    findings = detect(text) if source in ("unsure", "nearby") else []  # shapes: none found
    hints = review_hints(text, findings)
    assert all(h.source for h in hints)
    assert {h.text: h.source for h in hints}.get(hinted) == source


def test_rare_words_are_no_longer_residual_risk_flags():
    result = anonymise("Diolch to the zorbonaut club, I don't mind saying so.")
    assert [f.kind for f in result.risk_flags] == []


def shape_hinted(text: str, findings: list[Finding] = ()) -> dict[str, str]:
    """Nearby hints for `text` beside the given findings (none by default), text to label."""
    return {h.text: h.label for h in review_hints(text, findings) if h.kind == "nearby"}


def person(text: str, name: str) -> Finding:
    start = text.index(name)
    return Finding(start, start + len(name), "PERSON", 0.9)


@pytest.mark.parametrize(
    "text, hinted",
    [
        (
            "Ring me back on oh seven seven double oh, um, nine four two, six one three please.",
            "oh seven seven double oh, um, nine four two, six one three",
        ),
        ("Her number is nine nine nine... four one two... eight eight five six.", None),
        ("Mam was born on the 14th of June 1952 in the valleys.", "14th of June 1952"),
        ("He gave his birthday as 12.4.61 on the form.", "12.4.61"),
        ("thanks to dr k and the night staff", "k"),
        ("The carers said my nan is ninety-two and still sharp.", "ninety-two"),
        ("He was diagnosed at fifteen and never told why.", "fifteen"),
        ("Our son is six weeks old and feeding well.", "six"),
        ("Ngozi: the ward was cold and nobody came.", "Ngozi"),
        ("Age at referral: 12\nReason: falls at home", "12"),
        ("The form was scanned. Age: S7 Ward: 4", "S7"),
        ("The boys (6) came with me to every visit.", "6"),
    ],
)
def test_shapes_several_writers_share_are_offered_wherever_they_are(text, hinted):
    offered = shape_hinted(text)
    if hinted is None:  # the whole number, even where the words run on
        assert any(len(t) > 12 for t in offered), offered
    else:
        assert hinted in offered, offered


def test_initials_beside_a_named_person_and_at_a_message_end_are_offered():
    text = "Visited Bethan Rowlands at home.\nJT to phone the GP and SW to follow up.\nThanks, R"
    offered = shape_hinted(text, [person(text, "Bethan Rowlands")])
    assert {"JT", "R"} <= set(offered)
    assert not {"GP", "SW"} & set(offered)  # abbreviations of care are not someone's initials


def test_a_service_named_with_everyday_words_beside_a_finding_is_offered():
    text = "My neighbour Bethan Rowlands went to Happy Teeth for a filling last week."
    offered = shape_hinted(text, [person(text, "Bethan Rowlands")])
    assert offered.get("Happy Teeth") == "CARE_SETTING"
    text = "Bethan Rowlands was sent to the Emergency Department, then to the Home Office."
    offered = shape_hinted(text, [person(text, "Bethan Rowlands")])
    assert not {"Emergency Department", "Home Office"} & set(offered)


def test_unknown_words_are_offered_only_in_a_message_written_in_lower_case():
    lower = "my dad is at glenrowan now and the nurse olamide rang us, she didnt say much tho"
    assert {"glenrowan", "olamide"} <= set(shape_hinted(lower))
    cased = "My dad is at Glenrowan now and the nurse Olamide rang us, she didnt say much."
    assert "didnt" not in shape_hinted(cased)


@pytest.mark.parametrize(
    "text",
    [
        "diolch yn fawr to the nurses, roedd mam yn hapus iawn and the ward was lovely and clean",
        "we were told to ring back tmrw but nobody answers, its been weeks and i can't cope",
        "mum takes ramipril and bisoprolol now and the district nurse comes on tuesdays to check",
        "mera beta bahut bimar tha aur doctor sahab ne dawai di, shukriya sab ka bahut zyada",
    ],
)
def test_lower_case_welsh_other_languages_contractions_and_medicines_are_not_offered(text):
    offered = shape_hinted(text)
    assert not {"diolch", "roedd", "hapus", "can't", "ramipril", "bisoprolol"} & set(offered)
    assert not {"bahut", "bimar", "shukriya", "dawai"} & set(offered)


@pytest.mark.parametrize(
    "text",
    [
        "I had one or two questions and three of us went in.",
        "We waited twenty minutes and then forty five more.",
        "The appointment was at eleven o'clock on 3/11/2023, seen on 14 May 2024.",
        "In the 1980s the ward was bigger, and in the 70s smaller.",
        "I used the NHS App and NHS England's website, then rang the NHS DENTISTS line.",
        "I complained to Powys Teaching Health Board and then to NHS Grampian.",
        "A woman in her 80s and a man in his mid 40s waited on trolleys all night.",
        "The nurse I saw was kind. Dr x explained everything.",
        "Parkinson's is hard. Diolch yn fawr. Don't forget the Welsh speakers.",
        "Option A was better than option B for us.",
    ],
)
def test_counts_times_eras_decades_nhs_bodies_and_ordinary_words_are_not_offered(text):
    assert shape_hinted(text) == {}


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


def test_the_check_page_lists_the_kinds_most_often_right_first_with_a_reason(client, db):
    text = (
        "Dr Mbatha wrote ref QX77 on my letter. Her number is nine nine nine... four one two... "
        "eight eight five six."
    )
    story = anonymised_story(db, make_user(db, "gatherer", "gwen"), text)
    login(client, "gwen")
    page = client.get(f"/checks/{story}").get_data(as_text=True)
    decide = page.split('class="decide"')[1].split("</fieldset>")[0]
    spoken = decide.index("“nine nine nine")
    assert spoken < decide.index("“QX77”")  # later in the story, listed first
    assert "often an identifier" in decide[spoken : decide.index("“QX77”")]
    assert "(a number said aloud)" in decide
    assert "(the trained model&#39;s guess, set aside)" in decide


def place(text: str, name: str, label: str = "LOCATION") -> Finding:
    start = text.index(name)
    return Finding(start, start + len(name), label, 0.75)


@pytest.mark.parametrize(
    "text, found, hinted",
    [
        ("nan is in rosebury lodge now and settling", "rosebury", "rosebury lodge"),
        ("I was sent to the Tilby eye Clinic for drops.", "Tilby", "Tilby eye Clinic"),
        (
            "Referred to the Marsden Carers' Centre by the school.",
            "Marsden",
            "Marsden Carers' Centre",
        ),
        (
            "he dialyses at the Crewe satellite unit three times a week",
            "Crewe",
            "Crewe satellite unit",
        ),
        ("She was moved to Penmore District Hospital.", "Penmore District", None),
    ],
)
def test_a_setting_found_in_part_before_its_kind_of_care_is_offered_whole(text, found, hinted):
    offered = shape_hinted(text, [place(text, found)])
    expected = hinted or "Penmore District Hospital"
    assert offered.get(expected) == "CARE_SETTING", offered


@pytest.mark.parametrize(
    "text",
    [
        "We went to the local surgery and then the care home.",
        "Jo's house is near the hospital, Jo said.",
        "The nurses on the CHEMO DAY UNIT and at the IBD clinic were kind.",
        "Practice: Harbourside\nPatient: Amy Lowe",
        "the eye clinic and the maternity unit were both lovely",
    ],
)
def test_everyday_words_and_a_persons_home_before_a_kind_of_care_are_not_offered(text):
    findings = [person(text, name) for name in ("Jo", "Amy Lowe") if name in text]
    offered = shape_hinted(text, findings)
    assert not [t for t, label in offered.items() if label == "CARE_SETTING"], offered


@pytest.mark.parametrize(
    "text, name, age",
    [
        ("Rang about her husband Cyril 78\nCall back after two.", "Cyril", "78"),
        ("A wee lad, Hamish, 6. He had earache for weeks.", "Hamish", "6"),
        ("MY BROTHER GORDON FAIRLIE 31 WAS LEFT ON A TROLLEY", "GORDON FAIRLIE", "31"),
        ("my mum 87 was sent home at 2am with no one", None, "87"),
        ("Two children 9 and 4 were with her.", None, "9"),
    ],
)
def test_a_bare_figure_after_a_person_or_a_relative_is_offered_as_an_age(text, name, age):
    offered = shape_hinted(text, [person(text, name)] if name else [])
    assert offered.get(age) == "AGE", offered


@pytest.mark.parametrize(
    "text, name",
    [
        ("Seen by Dr Adeyemi 3 weeks ago about the rash.", "Adeyemi"),
        ("Resident moved to Room 12 on Friday.", "Room"),
        ("Letter sent to Mrs Pryor 12 March, copied to the GP.", "Pryor"),
        ("Gave Bryony 2 sachets and a drink.", "Bryony"),
        ("Dr Khalid 10 out of 10, thank you.", "Khalid"),
        ("Sister Morag 5 stars for the night shift.", "Morag"),
    ],
)
def test_a_figure_after_a_person_that_counts_something_else_is_not_an_age(text, name):
    offered = shape_hinted(text, [person(text, name)])
    assert "AGE" not in offered.values(), offered
