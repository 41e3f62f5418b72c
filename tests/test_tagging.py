"""Tagging stories to priorities with the real embedding model: zero-shot proposals, analysts'
decisions that survive re-tagging, learning from them, criticality, and the `tag` command."""

from __future__ import annotations

import io
import json
import re
import textwrap
from functools import lru_cache

import numpy as np
import pytest
from click.testing import CliRunner

from consent.withdrawal import withdraw
from nlp import criticality, embed, tagging
from nlp.priorities import load_framework, store_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import reasons as tag_reasons
from nlp.tagging import store as tag_store
from plumbing import db as wdb
from plumbing.clock import now_iso
from tests.consent_support import anonymise, bare_activity, migrated_db, new_theme, staff_user
from workbench.commands.tag import tag as tag_command

FRAMEWORK_YAML = textwrap.dedent(
    """\
    id: town-plan
    title: Town health and care priorities
    priorities:
      - id: carers
        title: Supporting carers
        description: >-
          Unpaid family carers: their exhaustion, breaks and respite, and being told about
          carer's assessments and support.
        examples:
          - I look after my husband and I'm worn out
      - id: waiting
        title: Waiting times
        description: >-
          Waiting a long time for appointments, referrals, operations or test results.
        examples:
          - I waited months for a referral
      - id: staff-kindness
        title: Kind and respectful staff
        description: >-
          Staff attitude: kindness, compassion, respect and listening, or rudeness.
        examples:
          - the nurses were so kind to me
      - id: food-environment
        title: Food and surroundings
        description: >-
          Hospital food and drink, cleanliness, noise and the building itself.
        examples:
          - the meals were cold
    """
)

STORIES = {
    "carers": [
        "I care for my mum who has dementia and I have not had a night off in two years.",
        "Nobody ever told me I could get a carer's assessment until my own health collapsed.",
        "As a young carer for my dad I miss school and no one at the surgery asked how I cope.",
        "Looking after my wife full time is exhausting and the respite service was cancelled.",
        "I am my son's carer and I was never offered any break or support for myself.",
        "Caring for my brother at home means I cannot work, and help for carers is hard to find.",
    ],
    "waiting": [
        "I waited eleven months for my hip operation and was in pain the whole time.",
        "The referral to the specialist took so long that I gave up and paid privately.",
        "Still waiting for my scan results after eight weeks, nobody can tell me when.",
        "It took three weeks to get a GP appointment for my daughter's ear infection.",
        "We sat in the emergency department for nine hours before anyone saw us.",
        "My appointment was postponed four times and the waiting list keeps growing.",
    ],
    "staff-kindness": [
        "The nurses on the ward were kind and treated my dad with real dignity.",
        "The doctor listened to me properly and never made me feel rushed.",
        "One receptionist was rude and shouted at me in front of everyone.",
        "The midwife was so compassionate, she held my hand and explained everything.",
        "Staff were friendly and respectful even though they were clearly very busy.",
        "The consultant was dismissive and did not seem to care about my worries.",
    ],
    "food-environment": [
        "The hospital food was cold and there was nothing I could eat with my diabetes.",
        "The toilets on the ward were dirty and nobody cleaned them for a whole day.",
        "It was so noisy at night on the ward that I could not sleep at all.",
        "The waiting room was freezing and the chairs were broken.",
        "Meals arrived late and the tea was always lukewarm.",
        "The building was tired and shabby, with stained floors and peeling paint.",
    ],
}

LONG_CARER_STORY = (
    "My husband had a stroke last spring and since then I have been his carer every single day. "
    "I help him wash and dress, I manage his tablets, and I take him to every appointment. "
    "The stroke nurses were helpful while he was in hospital, but when he came home it felt as "
    "though we were on our own. I had no idea that I was entitled to a carer's assessment until "
    "a neighbour mentioned it months later. I am seventy-two myself and I have my own health "
    "problems, but nobody has asked how I am managing. I have not had a single day off, and the "
    "day centre that used to give me a few hours of respite closed in the autumn. Some nights I "
    "sit in the kitchen and cry because I am so tired. I love him and I want to keep him at "
    "home, but I need someone to recognise that carers need support too, before I break down."
)

PRAISE = [
    "Everyone was wonderful, the care was excellent and I cannot thank them enough.",
    "Brilliant service from start to finish, really friendly and efficient.",
]
COMPLAINTS = [
    "Absolutely appalling, I was ignored for hours and treated with no respect at all.",
    "Terrible experience, rude staff and nobody would listen to my complaint.",
]


def all_stories() -> list[tuple[str, str]]:
    return [(priority, text) for priority, texts in STORIES.items() for text in texts]


@lru_cache(maxsize=1)
def vectors() -> np.ndarray:
    """The stories' tagging vectors (`nlp.tagging.encoder`): what tagging reads."""
    return tag_encoder.encode([text for _, text in all_stories()])


@lru_cache(maxsize=1)
def base_vectors() -> np.ndarray:
    """The stories' vectors from the packaged model (`embeddings`: themes, criticality)."""
    return embed.encode([text for _, text in all_stories()])


@pytest.fixture
def framework():
    return load_framework(FRAMEWORK_YAML)


@pytest.fixture
def db(tmp_path, framework):
    database = migrated_db(tmp_path)
    store_framework(database, framework)
    yield database
    database.close()


def add_stories(db, texts: list[str], embedded: list[np.ndarray | None], framework_id="town-plan"):
    """Stories of one activity; those with a vector (the packaged model's) get it cached as the
    embed stage would, and their tagging vector as the tag stage would."""
    tagging_vectors = dict(
        zip(
            [t for t, v in zip(texts, embedded, strict=True) if v is not None],
            tag_encoder.encode([t for t, v in zip(texts, embedded, strict=True) if v is not None]),
            strict=True,
        )
    )
    with wdb.write(db):
        activity_id = bare_activity(db, "Care in our town", framework_id=framework_id)
        ids = []
        for number, (text, vector) in enumerate(zip(texts, embedded, strict=True)):
            story_id = (
                db["stories"]
                .insert(
                    {
                        "activity_id": activity_id,
                        "reference": f"SW-{activity_id:04d}-{number:04d}",
                        "secret_hash": "-",
                        "channel": "paper",
                        "text": text,
                        "created_at": now_iso(),
                    }
                )
                .last_pk
            )
            if vector is not None:
                # Only a checked anonymised text is ever embedded: store it as the stage would.
                db["anonymisations"].insert(
                    {"story_id": story_id, "status": "checked", "text": text, "updated_at": "-"}
                )
                db["embeddings"].insert(
                    {
                        "story_id": story_id,
                        "model": embed.MODEL_ID,
                        "text_sha256": embed.text_sha256(text),
                        "dim": 384,
                        "vector": vector.astype("<f4").tobytes(),
                        "created_at": now_iso(),
                    }
                )
                db["tag_embeddings"].insert(
                    {
                        "story_id": story_id,
                        "model": tag_encoder.model_id(),
                        "text_sha256": embed.text_sha256(text),
                        "dim": 384,
                        "vector": tagging_vectors[text].astype("<f4").tobytes(),
                        "created_at": now_iso(),
                    }
                )
            ids.append(story_id)
    return activity_id, ids


def seeded(db):
    stories = all_stories()
    return add_stories(db, [text for _, text in stories], list(base_vectors()))


def test_zero_shot_ranks_the_intended_priority_first_for_most_stories(framework):
    result = tagging.zero_shot(vectors(), tagging.phrase_index(framework))
    intended = [framework.ids.index(priority) for priority, _ in all_stories()]
    accuracy = np.mean(result.scores.argmax(axis=1) == np.array(intended))
    assert accuracy >= 0.8


def test_proposals_carry_a_score_and_the_nearest_phrase_of_that_priority(framework):
    proposals = tagging.propose(vectors()[:1], framework)[0]
    assert proposals, "every story gets at least its best priority"
    best = max(proposals, key=lambda p: p.score)
    assert best.priority_id == "carers"
    assert best.evidence in tagging.phrase_index(framework).phrases
    assert best.evidence in framework.priority("carers").phrases()
    assert best.model_version == tagging.ZERO_SHOT_VERSION


def test_a_long_story_is_tagged_although_its_cosines_are_low(framework):
    vector = tag_encoder.encode([LONG_CARER_STORY])
    result = tagging.zero_shot(vector, tagging.phrase_index(framework))
    proposed = [p.priority_id for p in tagging.propose(vector, framework)[0]]
    assert "carers" in proposed
    assert result.scores.max() < 0.7  # a global cosine cut-off would tag nothing


def test_margins_calibrate_per_priority_from_decisions():
    relative = np.array([[0.0, -0.10], [0.0, -0.01], [-0.08, 0.0], [0.0, -0.12]] * 2)
    labels = np.array([[1, 0], [1, 0], [1, 1], [1, 0]] * 2)
    margins = tagging.calibrate_margins(relative, labels, np.ones_like(labels), 2)
    assert margins[0] >= 0.08  # every story is about the first priority, even far below best
    assert margins[1] < 0.01  # the second only when it is the best


def test_tagging_queues_stories_without_embeddings(db):
    _, ids = add_stories(db, ["Waiting ages for a GP.", "Cold food."], [vectors()[6], None])
    result = tag_store.tag_stories(db, ids, "town-plan")
    assert result.tagged == [ids[0]]
    assert result.waiting_for_embedding == [ids[1]]
    assert tag_store.tags_for_story(db, ids[1]) == []
    tags = tag_store.tags_for_story(db, ids[0], "town-plan")
    assert tags[0]["priority_id"] == "waiting"
    assert tags[0]["state"] == "proposed" and tags[0]["source"] == "model"
    assert tags[0]["evidence"] == "Waiting ages for a GP."  # the story's own words
    assert tags[0]["model_version"] == f"{tagging.ZERO_SHOT_VERSION}/town-plan@v1"


def test_analyst_decisions_survive_retagging(db):
    _, ids = seeded(db)
    analyst = staff_user(db, "analyst")
    tag_store.tag_stories(db, ids, "town-plan")
    story = ids[0]  # a carer's story
    tag_store.confirm_tag(db, story, "town-plan", "carers", analyst)
    tag_store.add_tag(db, story, "town-plan", "waiting", analyst)
    tag_store.reject_tag(db, story, "town-plan", "food-environment", analyst)

    tag_store.tag_stories(db, ids, "town-plan")
    tag_store.tag_stories(db, ids, "town-plan")

    states = {t["priority_id"]: t for t in tag_store.tags_for_story(db, story, "town-plan")}
    assert states["carers"]["state"] == "confirmed" and states["carers"]["source"] == "model"
    assert states["carers"]["reviewed_by"] == analyst
    assert states["waiting"]["state"] == "confirmed" and states["waiting"]["source"] == "analyst"
    assert states["food-environment"]["state"] == "rejected"
    assert [t["state"] for t in tag_store.tags_for_story(db, story)][0] == "confirmed"


def test_an_analyst_can_change_their_mind(db):
    _, ids = seeded(db)
    analyst = staff_user(db, "analyst")
    tag_store.confirm_tag(db, ids[0], "town-plan", "waiting", analyst)
    tag_store.reject_tag(db, ids[0], "town-plan", "waiting", analyst)
    [only] = tag_store.tags_for_story(db, ids[0])
    assert only["state"] == "rejected"


def test_an_unknown_priority_is_refused(db):
    _, ids = seeded(db)
    with pytest.raises(KeyError, match="no priority 'parking'"):
        tag_store.confirm_tag(db, ids[0], "town-plan", "parking", staff_user(db, "analyst"))


def test_bulk_theme_actions_leave_individual_decisions_alone(db):
    activity_id, ids = seeded(db)
    analyst = staff_user(db, "analyst")
    tag_store.tag_stories(db, ids, "town-plan")
    theme = new_theme(db, activity_id, "Carers at breaking point")
    members = ids[:6]
    with wdb.write(db):
        db["theme_members"].insert_all(
            {"theme_id": theme, "story_id": sid, "source": "model"} for sid in members
        )
    tag_store.reject_tag(db, members[0], "town-plan", "carers", analyst)

    changed = tag_store.bulk_tag_theme(db, theme, "town-plan", "carers", "add", analyst)

    assert changed == 5
    counts = {row["priority_id"]: row for row in tag_store.tags_for_theme(db, theme, "town-plan")}
    assert counts["carers"]["confirmed"] == 5 and counts["carers"]["rejected"] == 1
    assert counts["carers"]["members"] == 6
    assert list(counts) == ["carers", "waiting", "staff-kindness", "food-environment"]
    assert tag_store.stories_with_priority(db, "town-plan", "carers") == members[1:]
    with pytest.raises(ValueError, match="unknown action"):
        tag_store.bulk_tag_theme(db, theme, "town-plan", "carers", "delete", analyst)


def test_withdrawing_a_story_removes_its_tags_and_criticality(db):
    _, ids = seeded(db)
    tag_store.tag_stories(db, ids, "town-plan")
    tag_store.score_criticality(db, ids)
    tag_store.confirm_tag(db, ids[0], "town-plan", "carers", staff_user(db, "analyst"))
    withdraw(db, ids[0], "staff", "user:1")
    assert tag_store.tags_for_story(db, ids[0]) == []
    assert tag_store.criticality_for_stories(db, ids[:2]).keys() == {ids[1]}
    with wdb.write(db):
        db.execute("DELETE FROM stories WHERE id = ?", [ids[1]])
    assert tag_store.tags_for_story(db, ids[1]) == []


def test_training_learns_from_confirmed_tags_and_reports_cross_validated_figures(db):
    _, ids = seeded(db)
    analyst = staff_user(db, "analyst")
    for story_id, (priority, _) in zip(ids, all_stories(), strict=True):
        tag_store.confirm_tag(db, story_id, "town-plan", priority, analyst)
    tag_store.tag_stories(db, ids, "town-plan")

    metrics = tag_store.train_classifier(db, "town-plan")

    assert set(metrics) == {"carers", "waiting", "staff-kindness", "food-environment"}
    for figures in metrics.values():
        assert figures["confirmed"] == 6
        assert 0.5 <= figures["classifier_recall"] <= 1.0
        assert 0.3 <= figures["classifier_precision"] <= 1.0
    shown = tag_store.priority_metrics(db, "town-plan")
    assert [row["priority_id"] for row in shown] == list(metrics)
    assert all(row["trained_at"] and row["needs_confirmed"] == 0 for row in shown)
    assert tag_store.load_classifier(db, "town-plan") is not None

    before = tag_store.priority_metrics(db, "town-plan")
    tag_store.tag_stories(db, ids, "town-plan")
    after = tag_store.priority_metrics(db, "town-plan")
    assert [row["confirmed"] for row in after] == [6, 6, 6, 6]
    assert sum(row["proposed"] for row in after) <= sum(row["proposed"] for row in before)


def test_training_without_enough_confirmed_tags_keeps_zero_shot(db):
    _, ids = seeded(db)
    tag_store.confirm_tag(db, ids[0], "town-plan", "carers", staff_user(db, "analyst"))
    metrics = tag_store.train_classifier(db, "town-plan")
    assert metrics["carers"]["classifier_precision"] is None
    assert tag_store.load_classifier(db, "town-plan") is None
    needs = tag_store.priority_metrics(db, "town-plan")[0]["needs_confirmed"]
    assert needs == tag_learner.MIN_EXAMPLES - 1


def test_a_tagger_stored_by_the_earlier_version_still_loads_and_tags(db, framework):
    """Working databases hold embeddings-only taggers from before the learnt tagger."""
    _, ids = seeded(db)
    labels = np.array([[p == q for q in framework.ids] for p, _ in all_stories()], dtype=int)
    zero_shot = tagging.zero_shot_decisions(
        tagging.zero_shot(vectors(), tagging.phrase_index(framework)),
        np.full(4, tagging.DEFAULT_THRESHOLD),
    )
    old, _ = tagging.fit_linear_tagger(vectors(), labels, framework.ids, zero_shot)
    old.use[:] = True  # as if it had beaten zero-shot for every priority
    with wdb.write(db):
        db["classifiers"].insert(
            {
                "framework_id": "town-plan",
                "trained_at": now_iso(),
                "metrics": "{}",
                "model": old.to_bytes(),
            }
        )
    assert isinstance(tag_store.load_classifier(db, "town-plan"), tagging.LinearTagger)
    tag_store.tag_stories(db, ids, "town-plan")
    versions = {t["model_version"] for t in tag_store.tags_for_story(db, ids[0], "town-plan")}
    assert old.version in versions


def test_the_worker_stores_the_learnt_tagger_and_tags_with_it(db):
    _, ids = seeded(db)
    analyst = staff_user(db, "analyst")
    for story_id, (priority, _) in zip(ids, all_stories(), strict=True):
        tag_store.confirm_tag(db, story_id, "town-plan", priority, analyst)
    tag_store.train_classifier(db, "town-plan")
    stored = tag_store.load_classifier(db, "town-plan")
    assert isinstance(stored, tag_learner.LearntTagger)
    _, fresh = add_stories(db, [LONG_CARER_STORY], list(embed.encode([LONG_CARER_STORY])))
    tag_store.tag_stories(db, fresh, "town-plan")
    carers = {t["priority_id"]: t for t in tag_store.tags_for_story(db, fresh[0], "town-plan")}
    assert carers["carers"]["model_version"] == stored.version
    assert carers["carers"]["evidence"] in tag_reasons.sentences(LONG_CARER_STORY)
    assert 0 <= carers["carers"]["score"] <= 1


def test_the_stored_classifier_is_numbers_only(framework):
    labels = np.array([[p == q for q in framework.ids] for p, _ in all_stories()], dtype=int)
    zero_shot = tagging.zero_shot_decisions(
        tagging.zero_shot(vectors(), tagging.phrase_index(framework)),
        np.full(4, tagging.DEFAULT_THRESHOLD),
    )
    model, _ = tagging.fit_linear_tagger(vectors(), labels, framework.ids, zero_shot)
    data = model.to_bytes()
    restored = tagging.LinearTagger.from_bytes(data)
    assert np.allclose(restored.probabilities(vectors()), model.probabilities(vectors()))
    with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
        names = sorted(arrays.files)
        assert names == ["coef", "intercept", "priority_ids", "thresholds", "use", "version"]
        assert [str(p) for p in arrays["priority_ids"]] == framework.ids
        assert all(arrays[n].dtype.kind in "biuf" for n in ("coef", "intercept", "thresholds"))
        version = str(arrays["version"])
        assert re.fullmatch(rf"classifier/{re.escape(embed.MODEL_ID)}/\d{{8}}T\d{{6}}", version)
        allowed = " ".join([*framework.ids, *names, version])
    # No word of a training story is in the file, as UTF-8 or as numpy's UTF-32 text; words
    # inside the priority ids, array names and version ("carer" in "carers") are allowed.
    words = {w for _, text in all_stories() for w in re.findall(r"[a-z]{5,}", text.lower())}
    leaked = [
        w
        for w in sorted(words)
        if w not in allowed and (w.encode() in data or w.encode("utf-32-le") in data)
    ]
    assert leaked == []


def test_criticality_scores_praise_above_complaints(db):
    scores = criticality.score_criticality(embed.encode(PRAISE + COMPLAINTS))
    assert scores.shape == (4,)
    assert scores[:2].min() > 1.0 > scores[2:].max()
    assert scores[2:].mean() < 0
    assert np.all((scores >= -5) & (scores <= 5))


def test_criticality_is_stored_and_filterable(db):
    activity_id, ids = add_stories(db, PRAISE + COMPLAINTS, list(embed.encode(PRAISE + COMPLAINTS)))
    result = tag_store.score_criticality(db, ids)
    assert result.tagged == ids
    assert set(tag_store.stories_by_criticality(db, activity_id, -5, 1.0)) == set(ids[2:])


def test_the_tag_job_embeds_checked_stories_and_leaves_the_rest_waiting(db):
    from nlp import pipeline

    texts = [STORIES["waiting"][0], STORIES["carers"][1]]
    activity_id, ids = add_stories(db, texts, [None, None])
    anonymise(db, ids[0], texts[0], status="checked")
    anonymise(db, ids[1], texts[1], status="ready")
    messages = []
    pipeline.tag_activity(db, lambda f, m="": messages.append(m), activity_id=activity_id)
    assert tag_store.tags_for_story(db, ids[0])[0]["priority_id"] == "waiting"
    assert tag_store.tags_for_story(db, ids[1]) == []
    assert tag_store.criticality_for_stories(db, ids).keys() == {ids[0]}
    assert "1 wait" in messages[-1]
    # Two vectors per checked story: the packaged model's (themes, criticality) and tagging's.
    models = {
        table: db.execute(f"SELECT story_id, model FROM {table}").fetchall()
        for table in ("embeddings", "tag_embeddings")
    }
    assert models == {
        "embeddings": [(ids[0], embed.MODEL_ID)],
        "tag_embeddings": [(ids[0], tag_encoder.model_id())],
    }


def test_tagging_scores_criticality_for_every_tagged_story(db):
    """The demo and re-tagging call tag_stories alone: no story may be left without a score."""
    texts = PRAISE + COMPLAINTS
    _, ids = add_stories(db, texts, list(embed.encode(texts)))
    result = tag_store.tag_stories(db, ids, "town-plan")
    scores = tag_store.criticality_for_stories(db, ids)
    assert scores.keys() == set(result.tagged) == set(ids)
    assert min(scores[i] for i in ids[:2]) > max(scores[i] for i in ids[2:])


def test_checked_stories_of_an_activity_without_a_framework_get_criticality(db):
    from nlp import pipeline

    activity_id, ids = add_stories(db, PRAISE, [None, None], framework_id=None)
    anonymise(db, ids[0], PRAISE[0], status="checked")
    anonymise(db, ids[1], PRAISE[1], status="ready")
    pipeline.embed_stories(db, lambda f, m="": None, activity_id=activity_id)
    assert tag_store.criticality_for_stories(db, ids).keys() == {ids[0]}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path):
    framework = tmp_path / "plan.yaml"
    framework.write_text(FRAMEWORK_YAML.replace("Waiting times", "Waiting  times "), "utf-8")
    stories = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": "a", "text": STORIES["carers"][0]}, {"id": "b", "text": STORIES["waiting"][2]}],
    )
    return {"framework": str(framework), "in": stories, "out": str(tmp_path / "out.jsonl")}


def run(files, *extra):
    args = ["--framework", files["framework"], "--in", files["in"], "--out", files["out"]]
    return CliRunner().invoke(tag_command, [*args, *extra])


def read_out(files):
    with open(files["out"], encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_the_command_tags_zero_shot(files):
    result = run(files)
    assert result.exit_code == 0, result.output
    first, second = read_out(files)
    assert first["id"] == "a" and "carers" in first["labels"]
    assert second["id"] == "b" and "waiting" in second["labels"]
    assert set(first["scores"]) == {"carers", "waiting", "staff-kindness", "food-environment"}


def test_the_command_trains_on_titles_with_odd_spacing(files, tmp_path):
    titles = {
        "carers": "Supporting carers",
        "waiting": " Waiting  times",
        "staff-kindness": "staff-kindness",
        "food-environment": "Food and surroundings",
    }
    labelled = [
        {"id": f"t{n}", "text": text, "labels": [titles[priority]]}
        for n, (priority, text) in enumerate(all_stories())
    ]
    result = run(files, "--train", write_jsonl(tmp_path / "train.jsonl", labelled))
    assert result.exit_code == 0, result.output
    first, second = read_out(files)
    assert first["labels"] == ["carers"] and second["labels"] == ["waiting"]
    # Each label comes with its reason: here, one-sentence texts are their own reason.
    assert first["reasons"] == {"carers": STORIES["carers"][0]}
    assert all(0 <= score <= 1 for score in first["scores"].values())  # calibrated


def test_the_command_refuses_an_empty_training_file(files, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = run(files, "--train", str(empty))
    assert result.exit_code != 0
    assert "no labelled texts" in result.output


def test_the_command_names_unknown_training_labels(files, tmp_path):
    labelled = [
        {"id": "1", "text": "x", "labels": ["Parking", "carers"]},
        {"id": "2", "text": "y", "labels": ["Funding"]},
    ]
    result = run(files, "--train", write_jsonl(tmp_path / "train.jsonl", labelled))
    assert result.exit_code == 1
    assert "'Parking'" in result.output and "'Funding'" in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit


def test_the_command_reports_malformed_yaml(files, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\npriorities:\n  - id: a\n    title: [oops\n", "utf-8")
    result = CliRunner().invoke(
        tag_command, ["--framework", str(broken), "--in", files["in"], "--out", files["out"]]
    )
    assert result.exit_code == 1
    assert "malformed YAML at line" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "fine"}\n[1, 2]\n', "in.jsonl, line 2: expected a JSON object"),
        ('{"text": "no id"}\n', "in.jsonl, line 1: missing 'id'"),
        ('{"id": "a", "text": 7}\n', "in.jsonl, line 1: 'text' must be a string"),
    ],
)
def test_the_command_names_the_bad_line_without_its_text(files, content, message):
    with open(files["in"], "w", encoding="utf-8") as handle:
        handle.write(content)
    result = run(files)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output and "no id" not in result.output
