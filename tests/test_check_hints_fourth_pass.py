"""The check page's hints, fourth pass: what is read out in pieces, dates of birth in words,
house numbers in words, full names in lower case, screen names and years of birth beside a
person are offered; counts, clinical observations, timestamps, field names and everyday
phrases of the same shape are not."""

from __future__ import annotations

import pytest

from nlp.anonymise import detect
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.review.check_hints import review_hints


def offered(text: str, findings: list[Finding] = ()) -> dict[str, str]:
    """Nearby hints for `text` beside the given findings (none by default), text to label."""
    return {h.text: h.label for h in review_hints(text, findings) if h.kind == "nearby"}


def found(text: str, said: str, label: str) -> Finding:
    start = text.index(said)
    return Finding(start, start + len(said), label, 0.9)


@pytest.mark.parametrize(
    "text, hinted",
    [
        (
            "Mrs Y: it's G L three, um... sorry, G L three, seven B, W for Whisky.",
            "G L three, um... sorry, G L three, seven B, W for Whisky",
        ),
        ("the card in his wallet says K as in kettle, two nine four, oh one", None),
        ("they texted a booking code R T W 5 8 3 2 for the scan", "R T W 5 8 3 2"),
        ("Her postcode? D H one, four... hang on, I'll find the envelope.", "D H one, four..."),
        ("his address spelled Hotel Echo Lima, dot, Golf, at, Sierra Tango", None),
    ],
)
def test_what_is_read_out_in_pieces_is_offered(text, hinted):
    hints = offered(text)
    if hinted is None:  # the whole run, from its first piece
        assert any(len(t) > 15 and label == "OTHER_ID" for t, label in hints.items()), hints
    else:
        assert hints.get(hinted) == "OTHER_ID", hints


@pytest.mark.parametrize(
    "text, hinted",
    [
        ("Grandad's birthday is the tenth of March sixty-one.", "tenth of March sixty-one"),
        ("She came into the world on Fifth of October 1947 at home.", "Fifth of October 1947"),
        ("born 9th oct 58 if you need it", "9th oct 58"),
        ("my son (3 8 1995) has been poorly", "3 8 1995"),
        ("Patient born 1962 / 04 / 17, seen in clinic", "1962 / 04 / 17"),
        ("scanned form, birth 2 / 1 1 / 1 9 4 8 then the address", "2 / 1 1 / 1 9 4 8"),
    ],
)
def test_a_date_of_birth_in_words_or_with_spaces_is_offered(text, hinted):
    assert offered(text).get(hinted) == "DATE_OF_BIRTH", offered(text)


def test_a_house_number_in_words_before_a_found_street_is_offered():
    text = "Where does he live?\nSON: Nine, Quillan Avenue, by the school."
    hints = offered(text, [found(text, "Quillan Avenue", "ADDRESS")])
    assert hints.get("Nine, Quillan Avenue") == "ADDRESS"
    text = "She's at number twelve, The Orchards, since the spring."
    hints = offered(text, [found(text, "The Orchards", "LOCATION")])
    assert hints.get("number twelve, The Orchards") == "ADDRESS"


def test_a_full_name_in_lower_case_is_offered_whole_even_where_part_is_found():
    text = "Hi, my name is kirsty wallace and I was seen on Ward 3 last week."
    assert offered(text).get("kirsty wallace") == "PERSON"
    hints = offered(text, [found(text, "kirsty", "PERSON")])
    assert hints.get("kirsty wallace") == "PERSON"


@pytest.mark.parametrize(
    "text, hinted",
    [
        ("reply from squeaky_hinge_halifax\nany news on the clinic", "squeaky_hinge_halifax"),
        ("Great service, would go back. Review by mo.j.1983 in May", "mo.j.1983"),
        ("cheers to jaz_k who told me to ask for a second opinion", "jaz_k"),
    ],
)
def test_a_screen_name_is_offered(text, hinted):
    assert offered(text).get(hinted) == "PERSON", offered(text)


def test_a_year_of_birth_beside_a_person_is_offered():
    text = "Clinic list: P.V. (1944) for a dressing, then the flu jabs."
    assert offered(text, [found(text, "P.V.", "PERSON")]).get("1944") == "DATE_OF_BIRTH"
    text = "In memory of Beryl (1928–2023), who loved the garden."
    assert offered(text, [found(text, "Beryl", "PERSON")]).get("1928") == "DATE_OF_BIRTH"
    text = "Gran, 1950s child, still talks about rationing."
    assert "1950" not in "".join(offered(text, [found(text, "Gran", "PERSON")]))


@pytest.mark.parametrize(
    "text",
    [
        "We came back in November 2019. I asked for a referral straight away.",
        "On arrival: temp 37.9, RR 22, HR 96, sats 94% on 2L, NEWS 5.",
        "[03/05/2023, 18:40] Sam: on the ward now\n[03/05/2023, 18:42] Priti: which one",
        "It was a 5 minute chat and I had 2 A levels, so I know A from B.",
        "They gave it an A for effort, and I for one agreed.",
        "Waiting is the number one worry. Number two is the food.",
        "We were seen on the 3rd of May 45 minutes late, and on the second of June 2019.",
        "the fall was 12 4 2019 and nobody came",
        "PLEASE DO NOT SEND ME TO THE CLINIC AGAIN BY TWO TRAINS.",
        "Bay 3, bed 4: review in 6/52, pain 7/10. Q: sleeping? A: badly.",
    ],
)
def test_counts_observations_timestamps_and_everyday_phrases_are_not_offered(text):
    assert offered(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "will turner and grace hughes came to the meeting",  # first names that are words
        "case,given_name,family_name,post_code\n1,Ann,Bell,XX1",
        "outcome=referred_on owner=c.d",
        "Entry 7 | case_no 117 | seen by duty team",
        "KEY_NAME | ANSWER\nhome_town | LEEDS",
        "[09:01:15] CALLER_2: Hello, is that the surgery?",
        "Under the Mental Health Act 1983, s.2 applies.",
    ],
)
def test_everyday_word_pairs_and_field_names_are_not_offered_as_people(text):
    hints = offered(text)
    assert not {label for label in hints.values() if label == "PERSON"}, hints


def test_a_postcode_read_out_is_offered_beside_what_the_detector_finds():
    text = "And the postcode is D H one, four... no wait, D H one, four T Q. Thanks, Jo."
    hints = review_hints(text, detect(text))
    assert any("four T Q" in h.text for h in hints) or any(
        "four T Q" in text[f.start : f.end] for f in detect(text)
    )
