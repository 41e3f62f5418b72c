"""Reach: the population profile is read line by line, small numbers are withheld, and groups
that took part less than their share of the population are called under-heard."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from publish_fixtures import seed

from workbench.charts.reach import reach_chart
from workbench.feedback import reach

EXAMPLE = Path(reach.__file__).parent / "data" / "population_example.csv"


def test_the_shipped_example_profile_loads(db):
    report = reach.load_profile(db, EXAMPLE.read_text())
    assert report.ok, report.problems
    profile = reach.profile(db)
    assert set(profile) == {"age_band", "sex", "ethnicity", "area"}
    for groups in profile.values():
        assert sum(groups.values()) == pytest.approx(1, abs=reach.SUM_TOLERANCE)


def test_a_bad_profile_is_refused_with_a_report_for_each_line(db):
    text = (
        "characteristic,group,proportion\n"
        "sex,Female,0.51\n"
        "sex,Male,\n"  # 3: missing proportion
        "shoe size,Large,0.5\n"  # 4: unknown characteristic
        "age_band,18-24,lots\n"  # 5: not a number
        "age_band,25-34,0.5\n"  # 6: age bands add up to 0.5
        "age_band,25-34,0.5\n"  # 7: duplicate
        "\n"
        "ethnicity,White,0.6\n"  # 9: ethnicity adds up to 0.6
    )
    reach.load_profile(db, EXAMPLE.read_text())
    report = reach.load_profile(db, text)
    assert not report.ok
    lines = [line for line, _ in report.problems]
    assert lines == [2, 3, 4, 5, 6, 7, 9]
    messages = dict(report.problems)
    assert "needs a characteristic, a group and a proportion" in messages[3]
    assert "unknown characteristic" in messages[4]
    assert "'lots' is not a number" in messages[5]
    assert "appears twice" in messages[7]
    assert "add up to 0.60" in messages[9]
    assert "add up to 0.50" in messages[6]
    assert "add up to 0.51" in messages[2]  # sex: Female alone, since Male was refused
    assert "Female" in reach.profile(db)["sex"]  # the earlier profile is untouched


def test_shown_non_answers_are_left_out_of_the_comparison():
    population = {"sex": {"Female": 0.5, "Male": 0.5}}
    counts = {c: Counter() for c in reach.CHARACTERISTICS}
    counts["sex"] = Counter({"Female": 30, "Male": 10, "Prefer not to say": 20})
    rows = {r["community_group"]: r for r in reach.reach_table(counts, population)}
    assert rows["Female"]["share"] == pytest.approx(0.75)
    assert rows["Male"]["judgement"] == "under-heard"


def test_a_profile_without_the_right_header_is_refused_at_line_one():
    report = reach.parse_profile("area,share\nNorth,0.5\n")
    assert report.problems[0][0] == 1 and "proportion" in report.problems[0][1]


def test_percentages_are_read_as_proportions():
    report = reach.parse_profile("characteristic,group,proportion\nsex,Female,51%\nsex,Male,49\n")
    assert report.ok
    assert sorted(r["proportion"] for r in report.rows) == [0.49, 0.51]


def test_small_groups_are_withheld_and_judged_only_from_what_is_shown():
    population = {"ethnicity": {"White": 0.8, "Asian": 0.1, "Black": 0.05, "Mixed": 0.05}}
    counts = {c: Counter() for c in reach.CHARACTERISTICS}
    counts["ethnicity"] = Counter({"White": 90, "Asian": 2, "Black": 7, "Prefer not to say": 6})
    rows = {r["community_group"]: r for r in reach.reach_table(counts, population)}
    assert rows["Asian"]["stories"] == "[c]"
    # "Prefer not to say" is withheld too, or 105 - 90 - 7 - 6 would give the 2 away.
    assert rows["Prefer not to say"]["stories"] == "[c]"
    assert rows["Prefer not to say"]["judgement"] is None
    # So shares are over all 105 answers, the only public denominator.
    assert rows["White"]["share"] == pytest.approx(90 / 105)
    assert rows["White"]["judgement"] == "about as expected"
    assert rows["Asian"]["share"] is None
    # Asian and "Prefer not to say" share the 8 not shown: at most 8 of 105 against 10%.
    assert rows["Asian"]["judgement"] == "under-heard"
    assert rows["Mixed"]["stories"] == 0 and rows["Mixed"]["judgement"] == "under-heard"
    assert rows["Black"]["judgement"] == "over-represented"  # 7 of 105 against 5%


def test_the_reach_chart_is_self_contained_svg(db):
    seed(db, n_stories=30)
    reach.load_profile(db, EXAMPLE.read_text())
    activity = db.execute("SELECT id FROM activities").fetchone()[0]
    found = reach.activity_reach(db, activity)
    rows = [r for r in found["rows"] if r["characteristic"] == "Ethnicity"]
    svg = str(reach_chart("Ethnicity", rows))
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and "href" not in svg and "http" not in svg
    assert "Asian or Asian British" in root.get("aria-label")
    assert dict(found["channels"]) == {"event": 10, "online": 10, "paper": 10}


def test_planners_see_reach_and_only_analysts_load_a_profile(client, db, login_as):
    seed(db, n_stories=30)
    login_as("planner")
    activity = db.execute("SELECT id FROM activities").fetchone()[0]
    page = client.get(f"/reach/{activity}").get_data(as_text=True)
    assert "No population profile is loaded" in page
    assert "Load population profile" not in client.get("/reach").get_data(as_text=True)


def test_an_analyst_uploading_a_bad_profile_sees_each_line(client, db, login_as):
    from conftest import csrf_token

    login_as("analyst")
    token = csrf_token(client, "/reach")
    bad = b"characteristic,group,proportion\nsex,Female,0.5\nsex,Male,x\n"
    response = client.post(
        "/reach",
        data={"csrf_token": token, "csv_file": (io.BytesIO(bad), "population.csv")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Line 3:" in page and "Line 2:" in page
    good = client.post(
        "/reach",
        data={"csrf_token": token, "csv_file": (io.BytesIO(EXAMPLE.read_bytes()), "p.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "Population profile loaded: 19 groups" in good.get_data(as_text=True)
