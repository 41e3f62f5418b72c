"""Exports and publication: the .qdpx validates against REFI-QDA's Project.xsd and reads back;
actions, reach and evaluation reach planners only as suppressed, unlinkable rows."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
import sqlite_utils
import xmlschema
from publish_fixtures import CANARY_NAME, CANARY_RAW, seed
from test_feedback_reach import EXAMPLE as EXAMPLE_PROFILE

from workbench.feedback import actions, evaluation, qdpx, reach
from workbench.feedback.actions import ActionFields
from workbench.publishing import publish


@pytest.fixture
def seeded(db):
    ids = seed(db, n_stories=40)
    return ids


def _expected_sources(db, activity_id):
    return list(
        db.query(
            "SELECT s.id, a.text FROM stories s JOIN anonymisations a ON a.story_id = s.id "
            "AND a.status = 'checked' JOIN consents c ON c.story_id = s.id "
            "AND c.purpose = 'analysis' AND c.granted = 1 WHERE s.activity_id = ? "
            "ORDER BY s.created_at, s.id",
            [activity_id],
        )
    )


def test_the_qdpx_validates_and_reads_back_with_every_coding(db, seeded):
    activity = seeded["activity"]
    data = qdpx.build_qdpx(db, activity)
    project = qdpx.read_qdpx(data)
    expected = _expected_sources(db, activity)
    assert len(project["sources"]) == len(expected) > 0
    assert [s["text"] for s in project["sources"].values()] == [r["text"] for r in expected]
    assert set(project["codes"]) == {"Themes", "Priorities"}
    assert "Waiting for appointments" in project["codes"]["Themes"]
    assert set(project["codes"]["Priorities"]) == {
        "Access to GP services",
        "Safe hospital discharge",
    }
    for (name, source), row in zip(project["sources"].items(), expected, strict=True):
        whole = [
            codes
            for start, end, codes in source["segments"]
            if (start, end) == (0, len(row["text"]))
        ]
        themes = {
            r["label"]
            for r in db.query(
                "SELECT t.label FROM theme_members m JOIN themes t ON t.id = m.theme_id "
                "WHERE m.story_id = ?",
                [row["id"]],
            )
        }
        assert themes <= set(whole[0]), name
        for start, end, _codes in source["segments"]:
            assert 0 <= start < end <= len(source["text"])
    raw = zipfile.ZipFile(io.BytesIO(data))
    everything = b"".join(raw.read(n) for n in raw.namelist()).decode()
    assert CANARY_NAME not in everything and CANARY_RAW not in everything
    assert "SW-CAN" not in everything  # no receipt references


def test_a_project_that_breaks_the_schema_is_refused():
    xml, _files = qdpx.project_xml("Broken", [], ["A theme"], [])
    broken = xml.replace(b'isCodable="true"', b'isCodable="maybe"')
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        qdpx.schema().validate(broken.decode())


def test_analysts_download_qdpx_csv_and_json_and_planners_cannot(client, db, seeded, login_as):
    activity = seeded["activity"]
    login_as("planner")
    assert client.get(f"/export/{activity}.qdpx").status_code == 403
    login_as("analyst")
    archive = client.get(f"/export/{activity}.qdpx")
    assert archive.status_code == 200 and archive.mimetype == "application/zip"
    assert qdpx.read_qdpx(archive.data)["sources"]
    rows = json.loads(client.get(f"/export/{activity}.json").data)
    table = client.get(f"/export/{activity}.csv").get_data(as_text=True)
    assert len(rows) == len(_expected_sources(db, activity))
    assert table.splitlines()[0] == ",".join(qdpx.VIEW_COLUMNS)
    assert client.get(f"/export/{activity}.pdf").status_code == 404


def test_actions_reach_and_evaluation_are_published_without_story_ids(app, db, seeded, tmp_path):
    waiting = seeded["themes"]["Waiting for appointments"]
    hidden = seeded["themes"]["Kind staff"]  # not for publication
    actions.record_action(
        db,
        ActionFields(
            "Appointments were hard to get",
            "We opened Saturday clinics",
            "PCN lead",
            "done",
            done_on="2026-05-02",
        ),
        by=None,
        theme_id=waiting,
    )
    actions.record_action(
        db,
        ActionFields("Staff were kind", "We told the team", "Manager"),
        by=None,
        theme_id=hidden,
    )
    reach.load_profile(db, EXAMPLE_PROFILE.read_text())
    for n, story in enumerate(list(seeded["stories"].values())[:12]):
        evaluation.record_answers(db, story, "receipt", {"listened": "yes" if n % 4 else "no"})

    published = tmp_path / "published.db"
    publish.build(db, published)
    out = sqlite_utils.Database(published)
    rows = list(out["actions"].rows)
    assert [r["we_did"] for r in rows] == ["We opened Saturday clinics"]
    assert rows[0]["themes"] == "Waiting for appointments" and rows[0]["status"] == "We did"
    theme_id = out.execute(
        "SELECT id FROM themes WHERE label = 'Waiting for appointments'"
    ).fetchone()[0]
    assert [r["theme_id"] for r in out["action_themes"].rows] == [theme_id]

    ethnicity = {
        r["community_group"]: r
        for r in out["reach_counts"].rows_where("characteristic = 'Ethnicity'")
    }
    assert ethnicity["White"]["population_share"] == "81.0%"
    for row in out["reach_counts"].rows:
        assert row["stories"] == "[c]" or row["stories"] == 0 or row["stories"] >= 5
    listened = {
        r["answer"]: r["responses"]
        for r in out["evaluation_counts"].rows_where(
            "question = ?", [evaluation.QUESTIONS["listened"]]
        )
    }
    # 9 "Yes" would give away the 3 "No" by subtraction from 12, so it is withheld too.
    assert listened == {"Yes": "[c]", "No": "[c]", "All answers": 12}
    assert (
        out["evaluation_counts"].count_where("question = ?", [evaluation.QUESTIONS["accessible"]])
        == 0
    )


def test_planner_pages_show_actions_next_to_themes_and_under_heard_groups(db, seeded, tmp_path):
    from test_datasette import fetch

    waiting = seeded["themes"]["Waiting for appointments"]
    actions.record_action(
        db,
        ActionFields("Appointments were hard to get", "We opened Saturday clinics", "PCN lead"),
        by=None,
        theme_id=waiting,
    )
    reach.load_profile(db, EXAMPLE_PROFILE.read_text())
    published = tmp_path / "published.db"
    publish.build(db, published)
    out = sqlite_utils.Database(published)
    public_theme = out.execute(
        "SELECT id FROM themes WHERE label = 'Waiting for appointments'"
    ).fetchone()[0]
    other_theme = out.execute(
        "SELECT id FROM themes WHERE label != 'Waiting for appointments'"
    ).fetchone()[0]
    under_heard = out.execute(
        "SELECT community_group FROM reach_counts WHERE heard = 'under-heard'"
    ).fetchall()
    home, theme, other = fetch(
        published, "/", f"/-/planner/theme/{public_theme}", f"/-/planner/theme/{other_theme}"
    )
    assert "We opened Saturday clinics" in theme.text
    assert "We opened Saturday clinics" not in other.text
    assert "No action has been recorded" in other.text
    assert under_heard and all(g[0] in home.text for g in under_heard)
