"""Kinds built in the hundred and first round (issue 20), from the retired sets v152 and v153 and
the development sets that share each kind.

- A community mental health team by its own name before "CMHT" ("Leyton Green CMHT", "FOYLE
  CMHT", "Dungannon East CMHT", "Heron Older People's CMHT").
- A team named by its place and its work, opening after a bracket, of primary care or local,
  and talking therapies services ("Sunderland Talking Therapies").
- The article inside a Welsh setting's name ("Ysbyty Maes y Wern").
- A record's field of the age at an event ("Age at booking: 40").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.care_setting_names import WELSH, _welsh_name_end
from nlp.identifiers.care_settings.named_mental_health_teams import named_mental_health_teams
from nlp.identifiers.care_settings.place_named_teams import place_named_teams, words_before
from nlp.identifiers.dates_and_ages.ages import ages

# --- community mental health teams by name -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Letter from Dr Obi, Sefton Park CMHT, about the review.", "Sefton Park CMHT"),
        ("KNOWN TO MOURNE CMHT. CPN VISITS WEEKLY.", "MOURNE CMHT"),
        ("under the Ashburn CMHT since the spring", "Ashburn CMHT"),
        ("his team (Craigavon West CMHT) rang back", "Craigavon West CMHT"),
        (
            "Referral to Kestrel Older People's CMHT for a memory review.",
            "Kestrel Older People's CMHT",
        ),
        ("referred to merlin older adults cmht last week", "merlin older adults cmht"),
        ("Seen by the Hatfield Adult CMHT duty worker.", "Hatfield Adult CMHT"),
        ("the home treatment team at Oldham CRHT", "Oldham CRHT"),
        ("transferred to Riverside East CMHT", "Riverside East CMHT"),
    ],
)
def test_a_community_mental_health_team_by_its_name(text: str, value: str) -> None:
    assert found_values(named_mental_health_teams, text) == [value]
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "She was referred to the CMHT in March.",
        "Her CMHT worker is off sick. My CMHT nurse rang.",
        "Community CMHT and Adult CMHT are the same team here.",
        "the duty CMHT said to ring back",
        "Sam's CMHT appointment was cancelled.",
        "WE RANG THE CMHT TWICE",
        "Older People's CMHT referrals are triaged weekly.",
        "Ring the Duty East CMHT line first.",  # a point of the compass after no name
        "Ring the North Duty CMHT line first.",
        "Ask the Early Help CMHT link worker.",  # two words, no house's last word
    ],
)
def test_look_alikes_of_a_named_community_team_stay(text: str) -> None:
    assert found_values(named_mental_health_teams, text) == []


# --- teams named by their place and work --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "His team (Larne South Community Mental Health Team) rang.",
            "Larne South Community Mental Health Team",
        ),
        (
            "I rang Fort William Primary Care Mental Health Team again.",
            "Fort William Primary Care Mental Health Team",
        ),
        (
            "the Wrexham Local Primary Mental Health Support Service",
            "Wrexham Local Primary Mental Health Support Service",
        ),
        ("I self-referred to Doncaster Talking Therapies in May.", "Doncaster Talking Therapies"),
        ('referred to "Bolton Talking Therapies" by the GP', "Bolton Talking Therapies"),
        ("under Rotherham Psychological Therapies now", "Rotherham Psychological Therapies"),
    ],
)
def test_a_team_named_by_its_place_and_work(text: str, value: str) -> None:
    assert found_values(place_named_teams, text) == [value]
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "The wait for talking therapies was a year.",
        "NHS Talking Therapies sent a text.",
        "I tried Online Talking Therapies first.",
        "We asked for (primary care mental health team) input.",
        "Rang the Local Primary Care Team again.",
    ],
)
def test_look_alikes_of_a_team_named_by_its_place_stay(text: str) -> None:
    assert found_values(place_named_teams, text) == []


def test_a_bracket_opens_a_name_and_hides_the_words_before_it() -> None:
    text = "Dudley team (Halesowen Memory Service"
    words = [w for _, w in words_before(text, len(text) - len(" Memory Service"))]
    assert words == ["Halesowen"]
    assert words_before(text, text.index("(Halesowen"))[0] == (text.index("team"), "team")


# --- the article inside a Welsh setting's name --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Cafodd ei dderbyn i Ysbyty Cefn y Coed neithiwr.", "Ysbyty Cefn y Coed"),
        ("My gran is at Meddygfa Bryn yr Eglwys on Tuesdays.", "Meddygfa Bryn yr Eglwys"),
        ("Ysbyty Gwynedd said to wait.", "Ysbyty Gwynedd"),
    ],
)
def test_a_welsh_settings_name_takes_its_article(text: str, value: str) -> None:
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Aeth hi i Ysbyty Cefn y coed heddiw", "Ysbyty Cefn"),  # the article, then no name
        ("Ysbyty Cefn Coed y Bont", "Ysbyty Cefn Coed"),  # one word more, as before
    ],
)
def test_a_welsh_settings_name_takes_the_article_only_before_a_name(text: str, name: str) -> None:
    m = WELSH.search(text)
    assert text[m.start() : _welsh_name_end(text, m)] == name


# --- the age at an event, as a record's field ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOB 02/04/1991   Age at booking: 33   Hosp no K2281", "33"),
        ("Age on admission: 15  Named person: Mr Reid", "15"),
        ("age at referral: 67, lives alone", "67"),
        ("Age at assessment: 3 years 2 months", "3"),
        ("AGE AT FIRST CONTACT: 71", "71"),
    ],
)
def test_the_age_at_an_event_in_a_field(text: str, value: str) -> None:
    assert value in found_values(ages, text)
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    "text",
    [
        "Age at booking: 12 weeks gestation",
        "Age at onset: 3 months of symptoms",
        "age at referral was not recorded: 2 forms missing",
        "The age at which it starts: 40% by midlife",
        "We asked about her age at diagnosis 3 doctors ago",  # no field: no colon
    ],
)
def test_look_alikes_of_an_age_at_an_event_stay(text: str) -> None:
    assert found_values(ages, text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
