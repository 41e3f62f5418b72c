"""Themes end to end with the real embedding model on a small synthetic corpus of patient
stories about four subjects. One fit per module (the first UMAP fit pays numba compilation);
tests that change things work on a copy of the fitted database."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from sklearn.metrics import adjusted_rand_score

from consent.withdrawal import withdraw
from nlp import embed, themes
from nlp.themes import store as theme_store
from plumbing import db as wdb
from workbench.charts import themes as theme_charts
from workbench.commands.themes import themes_command

STAMP = "2026-01-01T00:00:00+00:00"
SUBJECTS = {
    "parking": (
        ["The car park at the hospital", "Parking at the outpatients clinic",
         "The multi-storey car park", "Finding a parking space at [PLACE]"],
        ["was full every time I came", "cost me twelve pounds for a short visit",
         "had broken pay machines and no change",
         "was so far from the entrance my mum struggled to walk"],
        ["so we were late for the appointment.", "and the parking fines felt unfair.",
         "and the disabled bays were always taken."],
    ),
    "gp": (
        ["Getting a GP appointment at my surgery", "Phoning the surgery at eight in the morning",
         "Booking to see a doctor at the practice", "The receptionist at my GP surgery"],
        ["meant waiting on hold for over an hour", "was impossible because every slot had gone",
         "took three weeks for a routine appointment", "told me to call back tomorrow again"],
        ["and the online booking system never works.", "so I ended up going to A&E instead.",
         "and nobody offered a telephone consultation."],
    ),
    "maternity": (
        ["The midwives on the maternity ward", "My midwife during labour",
         "The birth centre team", "[NAME] the community midwife"],
        ["were kind and calm while I gave birth", "explained every step of the delivery",
         "helped me start breastfeeding our baby", "stayed with me through a long labour"],
        ["and I felt safe having my son there.", "and the postnatal checks were thorough.",
         "which made the birth of our daughter special."],
    ),
    "pharmacy": (
        ["My repeat prescription at the pharmacy", "Collecting medication from the chemist",
         "The pharmacist at [PLACE]", "Getting my tablets dispensed"],
        ["was never ready when the app said it would be", "ran out of stock for weeks",
         "gave me the wrong dose of my medicine",
         "took days because the prescription was lost"],
        ["so I went without my inhaler.", "and the pharmacy queue went out of the door.",
         "and nobody phoned to explain the delay."],
    ),
}  # fmt: skip
PER_SUBJECT = 12
# Three maternity stories share a distinctive word; withdrawing them must remove it.
DISTINCT_WORD = "hypnobirthing"
DISTINCT_STORIES = [
    "Hypnobirthing classes with the midwives helped, hypnobirthing kept me calm in labour.",
    "The midwife supported our hypnobirthing plan; hypnobirthing breathing got me through.",
    "Our hypnobirthing practice and a kind midwife made labour feel safe. Hypnobirthing works.",
    "I was nervous until hypnobirthing sessions at the birth centre; I recommend hypnobirthing.",
]


def make_stories() -> list[tuple[str, str]]:
    """(subject, text) pairs built from the templates, every one different."""
    stories = []
    for subject, (openings, middles, endings) in SUBJECTS.items():
        combos = list(itertools.product(openings, middles, endings))
        for k in range(PER_SUBJECT):
            opening, middle, ending = combos[(k * 5) % len(combos)]
            stories.append((subject, f"{opening} {middle} {ending}"))
    stories += [("maternity", text) for text in DISTINCT_STORIES]
    return stories


def new_database(path) -> wdb.sqlite_utils.Database:
    db = wdb.connect(path)
    wdb.migrate(db)
    with wdb.write(db):
        db["activities"].insert(
            {
                "id": 1, "title": "Your care", "purpose": "Hear about care",
                "can_influence": "services", "cannot_influence": "budgets",
                "how_used": "themes", "who_sees": "staff", "feedback_plan": "report",
                "opens_on": "2026-01-01", "closes_on": "2026-12-31", "channels": "[]",
                "retention_days": 365, "created_at": STAMP,
            }
        )  # fmt: skip
        db["notices"].insert(
            {"id": 1, "activity_id": 1, "version": 1, "text": "notice", "sha256": "x",
             "created_at": STAMP}
        )  # fmt: skip
    return db


def add_story(db, story_id: int, text: str, quotable: bool, month: int = 1) -> None:
    with wdb.write(db):
        db["stories"].insert(
            {"id": story_id, "activity_id": 1, "reference": f"SW-T{story_id:04d}",
             "secret_hash": "x", "channel": "online", "created_at": f"2026-{month:02d}-15"}
        )  # fmt: skip
        db["anonymisations"].insert(
            {"story_id": story_id, "status": "checked", "text": text, "updated_at": STAMP}
        )
        db["consents"].insert(
            {"story_id": story_id, "purpose": "publish_quotes", "granted": int(quotable),
             "method": "online", "notice_id": 1, "notice_sha256": "x", "recorded_at": STAMP,
             "recorded_by": "storyteller"}
        )  # fmt: skip


@pytest.fixture(scope="module")
def fitted(tmp_path_factory):
    """A database with the corpus themed once; yields (path, subject per story id, run)."""
    path = tmp_path_factory.mktemp("themes") / "workbench.db"
    db = new_database(path)
    subjects = {}
    for story_id, (subject, text) in enumerate(make_stories(), start=1):
        add_story(db, story_id, text, quotable=story_id % 2 == 0, month=1 + story_id % 4)
        subjects[story_id] = subject
    run = theme_store.run_themes(db, 1)
    db.close()
    return path, subjects, run


@pytest.fixture
def db(fitted, tmp_path):
    """A private copy of the fitted database (and its saved model) for one test."""
    source, _subjects, _run = fitted
    target = tmp_path / "workbench.db"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    shutil.copytree(source.parent / "theme_models", tmp_path / "theme_models")
    database = wdb.connect(target)
    database.execute(
        "UPDATE theme_runs SET model_dir = replace(model_dir, ?, ?)",
        [str(source.parent), str(tmp_path)],
    )
    yield database
    database.close()


def theme_of(db) -> dict[int, int]:
    return {
        story: theme
        for story, theme in db.execute(
            "SELECT m.story_id, m.theme_id FROM theme_members m JOIN themes t "
            "ON t.id = m.theme_id WHERE t.status != 'retired'"
        ).fetchall()
    }


def theme_holding(db, subjects, subject: str) -> int:
    assignments = theme_of(db)
    votes = [assignments[s] for s, sub in subjects.items() if sub == subject and s in assignments]
    return max(set(votes), key=votes.count)


def test_the_fit_groups_stories_by_subject_with_few_outliers(fitted, db):
    _path, subjects, run = fitted
    assert run.status == "done" and run.n_themes >= 3
    assignments = theme_of(db)
    assert len(assignments) >= 0.9 * len(subjects)
    ids = sorted(subjects)
    ari = adjusted_rand_score([subjects[s] for s in ids], [assignments.get(s, -1) for s in ids])
    assert ari > 0.7


def test_keywords_come_from_the_text_without_stop_words_or_placeholders(db):
    listed = theme_store.list_themes(db, 1)
    words = {w for theme in listed for keyword in theme["keywords"] for w in keyword.split()}
    assert {"parking", "pharmacy"} & words
    assert not words & {"the", "and", "was", "name", "place"}


def test_machine_labels_are_the_phrases_the_themes_stories_share(fitted, db):
    """Planners read these names: a phrase of the theme's own stories ("Car park"), not a
    string of keywords ("Parking / car / pay")."""
    listed = [t for t in theme_store.list_themes(db, 1) if t["label_source"] == "model"]
    assert listed
    assert not [t["label"] for t in listed if " / " in t["label"]]
    corpus = " ".join(row[0] or "" for row in db.execute("SELECT text FROM anonymisations"))
    corpus = " ".join(corpus.lower().split())
    for theme in listed:
        for part in theme["label"].lower().split(": "):
            assert part in corpus, theme["label"]


def test_the_same_input_gives_the_same_themes(db):
    ids = theme_store.checked_story_ids(db, 1)
    texts = embed.checked_texts(db, ids)
    vectors = embed.load_embeddings(db, ids)
    args = ([texts[s] for s in ids], np.vstack([vectors[s] for s in ids]))
    first, second = themes.fit_themes(*args), themes.fit_themes(*args)
    assert first.topics == second.topics
    assert first.keywords == second.keywords


@pytest.mark.parametrize("n", [0, 1, 5, 14])
def test_too_few_stories_give_a_clear_message_and_no_model(n):
    texts = [f"Story number {i} about the ward and the staff" for i in range(n)]
    fit = themes.fit_themes(texts, np.zeros((n, embed.DIM), dtype=np.float32))
    assert fit.status == "too_few" and fit.model is None
    assert "at least 15" in fit.message


def test_a_small_activity_records_a_too_few_run(tmp_path):
    db = new_database(tmp_path / "small.db")
    for story_id in range(1, 6):
        add_story(db, story_id, f"The ward was clean on visit {story_id}.", quotable=False)
    result = theme_store.run_themes(db, 1)
    assert result.status == "too_few"
    assert theme_store.list_runs(db, 1)[0]["status"] == "too_few"
    assert theme_store.list_themes(db, 1) == []


def test_a_run_a_killed_worker_left_running_is_marked_interrupted_by_the_next(tmp_path):
    """Probing killed the worker mid-fit: its job was sent again and finished, but the first
    run stayed "running" in the run history for ever. Another scope's run is left alone."""
    db = new_database(tmp_path / "small.db")
    for story_id in range(1, 6):
        add_story(db, story_id, f"The ward was clean on visit {story_id}.", quotable=False)
    with wdb.write(db):
        for activity_id in (1, None):
            db["theme_runs"].insert(
                {"activity_id": activity_id, "created_at": "2026-12-01T10:00:00+00:00",
                 "status": "running", "n_stories": 5, "params": "{}"}
            )  # fmt: skip
    theme_store.run_themes(db, 1)
    runs = {(r["activity_id"], r["status"]) for r in db["theme_runs"].rows}
    assert runs == {(1, "interrupted"), (1, "too_few"), (None, "running")}


def test_identical_and_one_word_stories_do_not_crash():
    same = ["The nurse was kind."] * 30
    assert themes.fit_themes(same, embed.encode(same[:1]).repeat(30, axis=0)).status == "too_few"
    words = ["parking", "doctor", "midwife", "tablets", "nurse", "ward", "food", "bed", "pain",
             "waiting", "phone", "kind", "rude", "late", "clean", "dirty", "noise", "tea",
             "help", "thanks"]  # fmt: skip
    fit = themes.fit_themes(words, embed.encode(words))
    assert fit.status in {"done", "no_themes"} and len(fit.topics) in {0, len(words)}
    placeholders = ["[NAME]", "[PLACE]", "NAME 1", "[DATE]"] * 5
    placeholders = [f"{p} {'[NAME]' * i}" for i, p in enumerate(placeholders)]
    fit = themes.fit_themes(placeholders, embed.encode(placeholders))
    assert fit.status == "no_themes"


def test_the_exact_neighbour_graph_matches_a_brute_force_search():
    from sklearn.neighbors import NearestNeighbors

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(700, 24)).astype(np.float32)
    vectors[650:] = vectors[:50]  # duplicates: each row must still be its own first neighbour
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    indices, distances = themes.exact_neighbours(vectors, 10, block=128)
    search = NearestNeighbors(n_neighbors=10, metric="cosine", algorithm="brute").fit(vectors)
    expected, _ = search.kneighbors(vectors)
    assert (indices[:, 0] == np.arange(700)).all() and (distances[:, 0] == 0).all()
    assert (np.diff(distances, axis=1) >= -1e-6).all()
    # Twins tie, so compare how far the k nearest are rather than which of two twins came first.
    assert np.allclose(distances[:, 1:], expected[:, 1:], atol=1e-5)
    recomputed = 1 - (vectors[:, None, :] * vectors[indices]).sum(axis=2)
    assert np.allclose(distances[:, 1:], recomputed[:, 1:], atol=1e-5)


def test_a_refit_reuses_cached_embeddings(db, monkeypatch):
    ids = theme_store.checked_story_ids(db, 1)

    def must_not_embed(*_args, **_kwargs):
        raise AssertionError("a refit must not re-embed")

    monkeypatch.setattr(embed, "encode", must_not_embed)
    assert len(embed.ensure_embeddings(db, ids)) == len(ids)


def test_texts_and_vectors_are_read_for_the_asked_stories_only(db):
    ids = theme_store.checked_story_ids(db, 1)
    embed.ensure_embeddings(db, ids)
    with wdb.write(db):
        db["anonymisations"].update(ids[1], {"status": "pending"})
    asked = [ids[2], ids[0], ids[1], 10**9]
    assert list(embed.checked_texts(db, asked)) == sorted([ids[0], ids[2]])
    assert set(embed.load_embeddings(db, asked)) == {ids[0], ids[1], ids[2]}
    assert embed.checked_texts(db, []) == {} and embed.load_embeddings(db, []) == {}


def test_an_edited_text_is_embedded_again(db):
    before = embed.load_embeddings(db, [1])[1]
    with wdb.write(db):
        db["anonymisations"].update(1, {"text": "The hospital food was cold and late."})
    after = embed.ensure_embeddings(db, [1, 2])
    assert float(before @ after[1]) < 0.9
    assert np.array_equal(embed.load_embeddings(db, [2])[2], after[2])


def test_analyst_edits_survive_a_refit(fitted, db):
    _path, subjects, _run = fitted
    parking = theme_holding(db, subjects, "parking")
    gp = theme_holding(db, subjects, "gp")
    theme_store.rename_theme(db, parking, "Parking at the hospital", "Cost and space")
    theme_store.approve_theme(db, parking, by=None)
    theme_store.mark_not_for_publication(db, gp)
    members_before = {s for s, t in theme_of(db).items() if t == parking}

    result = theme_store.run_themes(db, 1)
    assert result.status == "proposed"
    proposal = theme_store.pending_proposal(db, 1)
    assert proposal["id"] == result.proposal_id
    # Until accepted nothing changes.
    assert {s for s, t in theme_of(db).items() if t == parking} == members_before
    theme_store.accept_proposal(db, result.proposal_id)

    detail = theme_store.theme_detail(db, parking)
    assert (detail["label"], detail["description"]) == ("Parking at the hospital", "Cost and space")
    assert detail["status"] == "approved"
    assert members_before <= {m["story_id"] for m in detail["members"]}
    assert theme_store.theme_detail(db, gp)["status"] == "not_for_publication"


def test_merge_split_and_move_are_kept_by_the_next_refit(fitted, db):
    _path, subjects, _run = fitted
    gp = theme_holding(db, subjects, "gp")
    pharmacy = theme_holding(db, subjects, "pharmacy")
    theme_store.merge_themes(db, gp, [pharmacy])
    assert pharmacy not in {t["id"] for t in theme_store.list_themes(db, 1)}
    pharmacy_stories = sorted(s for s, sub in subjects.items() if sub == "pharmacy")
    split = theme_store.split_theme(db, gp, pharmacy_stories[:4], "Prescriptions")
    parking_story = next(s for s, sub in subjects.items() if sub == "parking")
    theme_store.move_story(db, parking_story, split)

    result = theme_store.run_themes(db, 1)
    theme_store.accept_proposal(db, result.proposal_id)
    assignments = theme_of(db)
    assert all(assignments[s] == split for s in pharmacy_stories[:4] + [parking_story])
    assert all(assignments[s] == gp for s in pharmacy_stories[4:])
    assert theme_store.theme_detail(db, split)["label"] == "Prescriptions"


def test_a_rejected_proposal_changes_nothing(db):
    first = theme_store.list_themes(db, 1)[0]["id"]
    theme_store.approve_theme(db, first)
    before = theme_of(db)
    result = theme_store.run_themes(db, 1)
    theme_store.reject_proposal(db, result.proposal_id)
    assert theme_of(db) == before
    model_dirs = list(theme_store.model_root(db).iterdir())
    assert model_dirs == [Path(theme_store.current_run(db, 1)["model_dir"])]
    assert theme_store.pending_proposal(db, 1) is None
    with pytest.raises(theme_store.ThemeError):
        theme_store.accept_proposal(db, result.proposal_id)


def test_new_stories_join_the_existing_themes(fitted, db):
    _path, subjects, _run = fitted
    parking = theme_holding(db, subjects, "parking")
    add_story(db, 500, "The hospital car park was full and parking cost a fortune.", True)
    add_story(db, 501, "Parking at the clinic was impossible, every space taken.", False)
    placed = theme_store.assign_new_stories(db, 1)
    assert placed == {500: parking, 501: parking}
    assert {p["story_id"] for p in theme_store.theme_map(db, 1)} >= {500, 501}


def test_a_withdrawn_story_leaves_its_theme_and_after_refresh_its_keywords(fitted, db):
    _path, subjects, _run = fitted
    distinct_ids = [s for s in subjects if s > len(subjects) - len(DISTINCT_STORIES)]
    theme_id = theme_of(db)[distinct_ids[0]]
    keywords = theme_store.theme_detail(db, theme_id)["keywords"]
    assert any(DISTINCT_WORD in k for k in keywords)
    others = {s: t for s, t in theme_of(db).items() if s not in distinct_ids}

    affected: set[int] = set()
    for story_id in distinct_ids:
        affected.update(withdraw(db, story_id, "staff", "user:1").theme_ids)
    assert not set(distinct_ids) & set(theme_of(db))
    assert theme_of(db) == others
    assert not embed.load_embeddings(db, distinct_ids)

    theme_store.refresh_keywords(db, affected)
    refreshed = theme_store.theme_detail(db, theme_id)["keywords"]
    assert refreshed and not any(DISTINCT_WORD in k for k in refreshed)


def files_holding(folder: Path, word: str) -> list[str]:
    """Every file under `folder` (databases, their logs, models) with `word` in any byte."""
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and word.encode() in path.read_bytes().lower()
    )


def test_a_withdrawal_leaves_no_machine_word_of_it_anywhere(fitted, db, tmp_path):
    """The four stories that say "hypnobirthing" give their approved theme its machine label;
    an action answers it and it is published. Once they are withdrawn the word is in no label,
    keyword, action, published table or change history (not even after renaming and
    republishing), in no byte of any file, and the label left waits for an analyst's review
    before a receipt shows it."""
    from workbench.feedback import actions
    from workbench.publishing import publish, published_file

    _path, subjects, _run = fitted
    distinct_ids = [s for s in subjects if s > len(subjects) - len(DISTINCT_STORIES)]
    theme_id = theme_of(db)[distinct_ids[0]]
    with wdb.write(db):  # every teller agreed to analysis, and said where they live
        db.execute(
            "INSERT INTO consents (story_id, purpose, granted, method, notice_id, notice_sha256, "
            "recorded_at, recorded_by) SELECT story_id, 'analysis', 1, method, notice_id, "
            "notice_sha256, recorded_at, recorded_by FROM consents"
        )
        db.execute("UPDATE stories SET area = 'Riverside'")
        # A machine label made of the four stories' own word (as a keyword label would be;
        # the phrase name may not hold it), so its rebuilding is what this test proves.
        keywords = theme_store.theme_detail(db, theme_id)["keywords"]
        assert any(DISTINCT_WORD in k for k in keywords)
        db["themes"].update(theme_id, {"label": theme_store.auto_label(keywords)})
    theme_store.approve_theme(db, theme_id)
    label = theme_store.theme_detail(db, theme_id)["label"]
    assert DISTINCT_WORD in label.lower()
    action_id = actions.record_action(
        db, actions.ActionFields("Classes helped", "We fund more classes", "Maternity"), None,
        theme_id=theme_id,
    )  # fmt: skip
    published = tmp_path / "published.db"
    publish.build(db, published)
    assert DISTINCT_WORD in str(published_file.text_values(sqlite_utils(published)))

    for story_id in distinct_ids:
        withdraw(db, story_id, "staff", "user:1")
    # The saved model's centre for the theme is the mean of the stories left.
    model = themes.load_model(theme_store.current_run(db, 1)["model_dir"])
    left = [s for s, t in theme_of(db).items() if t == theme_id]
    expected = np.mean(list(embed.load_embeddings(db, left).values()), axis=0)
    topic = db["themes"].get(theme_id)["topic"]
    centre = np.asarray(model.topic_embeddings_)[topic + int(model._outliers)]
    np.testing.assert_allclose(centre, expected, rtol=1e-5, atol=1e-6)
    # Publishing may run before the keyword refresh a withdrawal queues: it rebuilds first.
    publish.build(db, published)
    stayed = next(s for s, t in theme_of(db).items() if t == theme_id)
    shown = theme_store.story_themes(db, stayed)
    assert [(t["id"], t["label_reviewed"]) for t in shown] == [(theme_id, 0)]
    rebuilt = theme_store.theme_detail(db, theme_id)
    assert rebuilt["label"] != label and rebuilt["status"] == "approved"
    assert DISTINCT_WORD not in actions.get_action(db, action_id)["answers"].lower()

    theme_store.rename_theme(db, theme_id, "Support in labour")
    publish.build(db, published)
    assert files_holding(tmp_path, DISTINCT_WORD) == []
    for table in db.table_names():
        for row in db[table].rows:
            assert DISTINCT_WORD not in str(row).lower(), table
    changes = sqlite_utils(published).execute("SELECT theme FROM changes").fetchall()
    assert ("Support in labour",) in changes


def sqlite_utils(path: Path):
    return wdb.sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


def test_quotes_need_consent_and_exact_anonymised_text(fitted, db):
    _path, subjects, _run = fitted
    theme_id = theme_holding(db, subjects, "maternity")
    members = theme_store.theme_detail(db, theme_id)["members"]
    granted = next(m for m in members if m["quotable"])
    refused = next(m for m in members if not m["quotable"])
    excerpt = granted["text"].split(" and ")[0]

    quote_id = theme_store.add_quote(db, theme_id, granted["story_id"], excerpt, chosen_by=None)
    quotes = theme_store.theme_detail(db, theme_id)["quotes"]
    assert [(q["id"], q["consent"]["purpose"]) for q in quotes] == [(quote_id, "publish_quotes")]
    with pytest.raises(theme_store.ThemeError, match="not agreed"):
        theme_store.add_quote(db, theme_id, refused["story_id"], refused["text"][:20], None)
    with pytest.raises(theme_store.ThemeError, match="exactly"):
        theme_store.add_quote(db, theme_id, granted["story_id"], "words never written", None)


def test_review_reads_give_what_the_pages_show(db):
    listed = theme_store.list_themes(db, 1)
    assert sum(t["size"] for t in listed) == len(theme_of(db))
    assert all(t["excerpts"] and t["keywords"] and t["monthly"] for t in listed)
    points = theme_store.theme_map(db, 1)
    assert len(points) == len(theme_of(db))
    assert all(0 <= p["x"] <= 1 and 0 <= p["y"] <= 1 for p in points)
    over_time = theme_store.sizes_over_time(db, 1)
    assert over_time["months"] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert sum(sum(s["counts"]) for s in over_time["series"]) == len(theme_of(db))


def test_charts_are_self_contained_svg(db):
    theme_store.rename_theme(db, theme_store.list_themes(db, 1)[0]["id"], "Cars <& parking>")
    map_svg = theme_charts.theme_map_svg(theme_store.theme_map(db, 1))
    assert map_svg.startswith("<svg") and map_svg.count("<circle") > len(theme_of(db))
    assert "Cars &lt;&amp; parking&gt;" in map_svg and "<script" not in map_svg
    trend = theme_charts.sizes_over_time_svg(theme_store.sizes_over_time(db, 1))
    assert trend.count("<polyline") == len(theme_store.list_themes(db, 1))
    assert "http" not in trend.replace("http://www.w3.org/2000/svg", "")


def test_the_cli_themes_a_jsonl_file(tmp_path):
    lines = [
        json.dumps({"id": f"s{i}", "text": text}) for i, (_, text) in enumerate(make_stories())
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(
        themes_command, ["--in", str(source), "--out", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == [f"s{i}" for i in range(len(lines))]
    assert len({r["theme"] for r in rows} - {-1}) >= 3
    assert all(r["theme_label"] for r in rows if r["theme"] != -1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "text": "fine"}\nnot json\n', "line 2: not valid JSON"),
        ('{"id": 1}\n', "line 1: missing 'text'"),
        ('{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n', "line 2: repeats the id of line 1"),
        ('{"id": 1, "text": "only one"}\n', "at least 15"),
    ],
)
def test_the_cli_explains_bad_input_without_a_traceback(tmp_path, content, message):
    source = tmp_path / "in.jsonl"
    source.write_text(content)
    result = CliRunner().invoke(
        themes_command, ["--in", str(source), "--out", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_the_themes_job_fits_each_activity_and_reports_progress(db):
    from nlp import pipeline  # noqa: F401  (registers the jobs)
    from plumbing.jobs import REGISTRY

    assert {"embed", "themes", "assign_themes", "refresh_keywords"} <= set(REGISTRY)
    reported: list[float] = []
    REGISTRY["themes"](db, lambda fraction, _message="": reported.append(fraction))
    assert reported and reported[-1] == 1.0 and reported == sorted(reported)
    assert theme_store.list_runs(db, 1)[0]["status"] == "done"


def test_a_new_story_for_an_approved_theme_waits_for_the_analyst(fitted, db):
    _path, subjects, _run = fitted
    parking = theme_holding(db, subjects, "parking")
    theme_store.approve_theme(db, parking)
    members_before = theme_store.members(db, [parking])[parking]
    add_story(db, 500, "The hospital car park was full and parking cost a fortune.", True)
    add_story(db, 501, "Parking at the clinic was impossible, every space taken.", False)

    assert theme_store.assign_new_stories(db, 1) == {500: parking, 501: parking}
    # Proposed, not placed: what publishing reads has not changed.
    assert theme_store.members(db, [parking])[parking] == members_before
    proposed = theme_store.proposed_changes(db, parking)
    assert sorted(p["story_id"] for p in proposed["joining"]) == [500, 501]
    assert all(p["origin"] == "new_story" for p in proposed["joining"])
    assert theme_store.pending_counts(db, 1) == {parking: 2}
    # Placing again proposes nothing twice.
    assert theme_store.assign_new_stories(db, 1) == {}

    assert theme_store.reject_changes(db, parking, [501]) == 1
    assert theme_store.accept_changes(db, parking, [500]) == [parking]
    assert theme_store.members(db, [parking])[parking] == sorted(members_before + [500])
    assert theme_store.theme_detail(db, parking)["status"] == "approved"
    assert theme_store.proposed_changes(db, parking) == {"joining": [], "leaving": []}
    # A turned-down story is not offered again by the next placing.
    assert theme_store.assign_new_stories(db, 1) == {}
    assert 501 in theme_store.unthemed_story_ids(db, 1)


def test_a_refit_changes_an_approved_theme_only_through_its_review(fitted, db):
    _path, subjects, _run = fitted
    parking = theme_holding(db, subjects, "parking")
    theme_store.rename_theme(db, parking, "Parking")
    theme_store.approve_theme(db, parking)
    members_before = theme_store.members(db, [parking])[parking]
    # Taken out by hand and put back as the model's, so the refit wants to add them back.
    outsiders = members_before[:3]
    with wdb.write(db):
        db.execute(
            f"DELETE FROM theme_members WHERE theme_id = ? AND story_id IN "
            f"({','.join('?' * len(outsiders))})",
            [parking, *outsiders],
        )
    result = theme_store.run_themes(db, 1)
    assert result.status == "proposed"
    summary = theme_store.pending_proposal(db, 1)
    joining = [a for a in summary["additions"] if a["theme_id"] == parking]
    assert joining and joining[0]["held"] and joining[0]["joining"] >= len(outsiders)
    # Only real changes, each theme once.
    assert all(a["joining"] > 0 for a in summary["additions"])
    assert len({a["theme_id"] for a in summary["additions"]}) == len(summary["additions"])
    assert all(t["size"] > 0 for t in summary["new_themes"])

    changed = theme_store.accept_proposal(db, result.proposal_id)
    assert parking not in changed
    assert theme_store.members(db, [parking])[parking] == sorted(set(members_before) - {*outsiders})
    held = {p["story_id"] for p in theme_store.proposed_changes(db, parking)["joining"]}
    assert set(outsiders) <= held
    theme_store.accept_changes(db, parking)
    assert set(outsiders) <= set(theme_store.members(db, [parking])[parking])


def test_a_proposal_lists_each_theme_once_and_never_an_empty_change(db):
    first, second = (t["id"] for t in theme_store.list_themes(db, 1)[:2])
    run_id = theme_store.current_run(db, 1)["id"]
    changes = {
        "run_id": run_id,
        "matched": {"0": first, "1": first, "2": second},
        "new_themes": [{"topic": 3, "keywords": ["x"], "members": [], "theme_id": None}],
        "additions": [
            {"theme_id": first, "topic": 0, "members": [[1, 0.9], [2, 0.8]]},
            {"theme_id": first, "topic": 1, "members": [[3, 0.7]]},
            {"theme_id": second, "topic": 2, "members": []},
        ],
        "moves": [],
    }
    with wdb.write(db):
        db["theme_proposals"].insert(
            {
                "run_id": run_id,
                "activity_id": 1,
                "changes": json.dumps(changes),
                "created_at": STAMP,
            }
        )
    summary = theme_store.pending_proposal(db, 1)
    assert [(a["theme_id"], a["joining"]) for a in summary["additions"]] == [(first, 3)]
    assert summary["new_themes"] == [] and summary["moves"] == []


def test_the_trend_shows_a_single_month(db):
    one_month = {"months": ["2026-01"], "series": [
        {"theme_id": 1, "label": "Parking", "counts": [4]},
        {"theme_id": 2, "label": "Pharmacy", "counts": [2]},
    ]}  # fmt: skip
    svg = theme_charts.sizes_over_time_svg(one_month)
    heights = [
        float(h) for h in re.findall(r'height="([\d.]+)" fill="#[0-9A-F]+" class="month-bar"', svg)
    ]
    assert len(heights) == 2 and heights[0] == 2 * heights[1] > 0
    assert "2026-01" in svg and "Parking: 4 in 2026-01" in svg


def test_a_new_story_checked_through_the_worker_waits_for_an_approved_theme(fitted, db):
    """after_check through a real Huey consumer: embedding and placing run in the worker."""
    from test_jobs import consuming, wait_for

    from plumbing import jobs

    _path, subjects, _run = fitted
    parking = theme_holding(db, subjects, "parking")
    theme_store.approve_theme(db, parking)
    add_story(db, 600, "Parking at the hospital was full again and the car park cost a lot.", True)
    path = Path(wdb.path_of(db))
    config = {"WORKBENCH_DB": str(path), "WORKBENCH_QUEUE": f"sqlite:///{path.parent / 'q.db'}"}
    huey = jobs.make_huey(config)
    with consuming(huey):
        job_id = jobs.enqueue(huey, db, "after_check", story_id=600)
        assert wait_for(db, job_id, timeout=240)["status"] == "done"
    assert 600 not in theme_store.members(db, [parking])[parking]
    assert [p["story_id"] for p in theme_store.proposed_changes(db, parking)["joining"]] == [600]


WELSH = [
    "Roedd y nyrsys yn garedig iawn ac fe wnaethon nhw wrando arna i bob dydd.",
    "Bu'n rhaid i mi aros am oriau yn yr adran frys cyn gweld meddyg.",
    "Doedd dim lle i barcio'r car ger yr ysbyty ac roedd hi'n bwrw glaw.",
    "Roedd y bwyd ar y ward yn oer ac nid oedd neb yn helpu fy nhad i fwyta.",
]


@pytest.mark.parametrize(
    ("texts", "status", "message"),
    [
        (["The ward was clean."], "too_few", "at least 15"),
        ([f"The ward was clean on visit {i}." for i in range(5)], "too_few", "at least 15"),
        (["The nurse was kind."] * 20, "too_few", "only 1 different"),
        ([f"[NAME] {'[PLACE] ' * i}[DATE]" for i in range(20)], "no_themes", "placeholders"),
        ([f"{WELSH[i % 4]} ({i})" for i in range(20)], "no_themes", "English"),
    ],
    ids=["one", "five", "identical", "placeholders", "welsh"],
)
def test_bad_corpora_give_a_clear_run_and_nothing_to_place_or_review(
    tmp_path, texts, status, message
):
    db = new_database(tmp_path / "bad.db")
    for story_id, text in enumerate(texts, start=1):
        add_story(db, story_id, text, quotable=False)
    result = theme_store.run_themes(db, 1)
    assert result.status == status and message in result.message
    assert theme_store.list_runs(db, 1)[0]["message"] == result.message
    assert theme_store.list_themes(db, 1) == []
    assert theme_store.pending_proposal(db, 1) is None
    assert theme_store.assign_new_stories(db, 1) == {}
    assert theme_store.pending_counts(db, 1) == {}


def test_fifteen_stories_make_one_theme_that_new_stories_wait_to_join(tmp_path):
    openings, middles, endings = SUBJECTS["parking"]
    texts = [
        f"{o} {m} {e}"
        for o, m, e in itertools.islice(itertools.product(openings, middles, endings), 0, 45, 3)
    ]
    assert len(set(texts)) == 15
    db = new_database(tmp_path / "fifteen.db")
    for story_id, text in enumerate(texts, start=1):
        add_story(db, story_id, text, quotable=False)
    result = theme_store.run_themes(db, 1)
    assert (result.status, result.n_themes) == ("done", 1)
    (theme,) = theme_store.list_themes(db, 1)
    theme_store.approve_theme(db, theme["id"])
    add_story(db, 16, "The car park was full again and parking cost too much.", False)
    assert theme_store.assign_new_stories(db, 1) == {16: theme["id"]}
    assert 16 not in theme_store.members(db, [theme["id"]])[theme["id"]]
    assert theme_store.pending_counts(db, 1) == {theme["id"]: 1}
