"""Priority frameworks: YAML validation, versioned storage, and matching training labels."""

from __future__ import annotations

import textwrap

import pytest

from nlp.priorities import (
    FrameworkError,
    UnknownFrameworkError,
    UnknownLabelError,
    get_framework,
    list_frameworks,
    load_framework,
    resolve_labels,
    store_framework,
)
from plumbing import db as wdb
from plumbing.clock import now_iso
from tests.consent_support import bare_activity, consent_db

FRAMEWORK = textwrap.dedent(
    """\
    id: county-plan
    title: County health and care plan
    source: the board's plan for 2025
    priorities:
      - id: carers
        title: Carers
        description: Unpaid carers, their breaks and their own health.
        examples:
          - I look after my mum and nobody asks how I am
      - id: waiting
        title: "Waiting  times "
        description: Waiting for appointments, referrals and results.
      - id: waiting-gp
        title: GP appointments
        description: Getting through to the surgery and being seen.
        parent: waiting
    """
)


def variant(old: str, new: str) -> str:
    assert old in FRAMEWORK
    return FRAMEWORK.replace(old, new)


def test_a_valid_framework_loads_with_its_hierarchy():
    framework = load_framework(FRAMEWORK)
    assert framework.id == "county-plan"
    assert framework.ids == ["carers", "waiting", "waiting-gp"]
    assert framework.priority("waiting-gp").parent == "waiting"
    assert framework.priority("carers").examples == (
        "I look after my mum and nobody asks how I am",
    )
    assert framework.warnings == ()


def test_top_level_keeps_parents_and_folds_children_in_as_examples():
    top = load_framework(FRAMEWORK).top_level()
    assert top.ids == ["carers", "waiting"]
    assert "GP appointments" in top.priority("waiting").examples


def test_it_loads_from_a_path_and_never_takes_a_string_for_one(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(FRAMEWORK, encoding="utf-8")
    assert load_framework(path).ids == load_framework(FRAMEWORK).ids
    with pytest.raises(FrameworkError, match="YAML mapping"):
        load_framework(str(path))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (variant("  - id: waiting\n", "  - id: waiting\n   bad: [\n"), "malformed YAML at line"),
        (variant("id: waiting-gp", "id: carers"), "duplicate priority id 'carers'"),
        (variant("    title: Carers\n", ""), "priority 1 ('carers') is missing a title"),
        (variant("parent: waiting", "parent: queues"), "unknown parent 'queues'"),
        (variant("id: county-plan", "id: County Plan"), "lower-case letters"),
        ("id: x\ntitle: X\npriorities: []\n", "non-empty list of priorities"),
        ("- just\n- a list\n", "must be a YAML mapping"),
        (variant("examples:\n      - I look", "examples: 3\n      # - I look"), "examples must"),
    ],
)
def test_it_explains_what_is_wrong(text, message):
    with pytest.raises(FrameworkError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_framework(text)


def test_malformed_yaml_names_the_line():
    broken = "id: plan\ntitle: Plan\npriorities:\n  - id: a\n    title: [unclosed\n"
    with pytest.raises(FrameworkError) as caught:
        load_framework(broken)
    assert "line 6" in str(caught.value) or "line 5" in str(caught.value)


def test_a_parent_cycle_is_refused():
    text = variant("parent: waiting", "parent: waiting-gp")
    with pytest.raises(FrameworkError, match="its own ancestor"):
        load_framework(text)


def test_a_priority_without_description_falls_back_to_its_title_with_a_warning():
    text = variant("    description: Unpaid carers, their breaks and their own health.\n", "")
    framework = load_framework(text)
    assert framework.priority("carers").description == "Carers"
    assert any(
        "carers" in warning and "no description" in warning for warning in framework.warnings
    )


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(FrameworkError, match="cannot read framework file"):
        load_framework(tmp_path / "missing.yaml")


db = consent_db


def test_storing_bumps_the_version_only_when_the_framework_changes(db):
    assert store_framework(db, load_framework(FRAMEWORK)) == 1
    assert store_framework(db, load_framework(FRAMEWORK + "\n# a comment\n")) == 1
    changed = load_framework(variant("Waiting for appointments", "Waiting for operations"))
    assert store_framework(db, changed) == 2
    assert (
        get_framework(db, "county-plan")
        .priority("waiting")
        .description.startswith("Waiting for operations")
    )
    assert list_frameworks(db) == [
        {
            "id": "county-plan",
            "title": "County health and care plan",
            "source": "the board's plan for 2025",
            "version": 2,
            "updated_at": list_frameworks(db)[0]["updated_at"],
            "n_priorities": 3,
        }
    ]


def test_a_round_trip_through_the_database_keeps_every_field(db):
    original = load_framework(FRAMEWORK)
    store_framework(db, original)
    assert get_framework(db, "county-plan").content() == original.content()


def test_editing_a_framework_keeps_tags_of_unchanged_priorities_and_drops_removed_ones(db):
    store_framework(db, load_framework(FRAMEWORK))
    story_id = _story(db)
    with wdb.write(db):
        db.execute("UPDATE priorities SET threshold = 0.05 WHERE framework_id = 'county-plan'")
        for priority_id in ("carers", "waiting-gp"):
            db["tags"].insert(
                {
                    "story_id": story_id,
                    "framework_id": "county-plan",
                    "priority_id": priority_id,
                    "source": "analyst",
                    "state": "confirmed",
                    "updated_at": now_iso(),
                }
            )
    without_gp = FRAMEWORK.split("  - id: waiting-gp")[0]
    edited = without_gp.replace("their breaks", "their breaks, respite")
    assert store_framework(db, load_framework(edited)) == 2
    kept = [row["priority_id"] for row in db.query("SELECT priority_id FROM tags")]
    assert kept == ["carers"]
    thresholds = dict(db.execute("SELECT id, threshold FROM priorities").fetchall())
    assert thresholds == {"carers": None, "waiting": 0.05}


def test_an_unknown_framework_is_a_clear_error(db):
    with pytest.raises(UnknownFrameworkError, match="unknown framework 'nope'"):
        get_framework(db, "nope")


def _story(db) -> int:
    with wdb.write(db):
        activity = bare_activity(db, "Carers' experiences")
        return (
            db["stories"]
            .insert(
                {
                    "activity_id": activity,
                    "reference": "SW-TEST-0001",
                    "secret_hash": "-",
                    "channel": "paper",
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def test_labels_resolve_by_id_by_exact_title_and_by_trimmed_title():
    framework = load_framework(FRAMEWORK)
    assert resolve_labels(
        framework, ["carers", "Waiting  times ", "Waiting  times", "GP appointments"]
    ) == {
        "carers": "carers",
        "Waiting  times ": "waiting",
        "Waiting  times": "waiting",
        "GP appointments": "waiting-gp",
    }


def test_unknown_labels_are_all_named():
    framework = load_framework(FRAMEWORK)
    with pytest.raises(UnknownLabelError) as caught:
        resolve_labels(framework, ["carers", "Parking", "food", "Parking"])
    assert "'Parking'" in str(caught.value) and "'food'" in str(caught.value)
    assert "'carers'" not in str(caught.value)


def test_a_title_shared_by_two_priorities_must_be_given_by_id():
    text = variant("title: GP appointments", "title: Carers")
    framework = load_framework(text)
    with pytest.raises(UnknownLabelError, match="more than one priority"):
        resolve_labels(framework, ["Carers"])
    assert resolve_labels(framework, ["waiting-gp"]) == {"waiting-gp": "waiting-gp"}
