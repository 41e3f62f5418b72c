"""Shared builders for the consent tests: an open activity, a staff user, a story."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest

from consent import activities, capture
from plumbing import db as wdb
from plumbing.clock import now_iso, today

ACTIVITY = {
    "title": "Getting a GP appointment",
    "purpose": "The practice group is redesigning how people book appointments.",
    "can_influence": "How booking works by phone, online and in person.",
    "cannot_influence": "The number of GPs, which is set nationally.",
    "how_used": "Stories are anonymised, grouped into themes and reported to the board.",
    "who_sees": "Healthwatch staff; only approved anonymised themes are published.",
    "feedback_plan": "A summary on our website and by post to those who ask.",
    "channels": ["in_person", "phone", "paper", "online"],
    "retention_days": 365,
    "partners": "Coventry Carers Centre",
}

ALL_YES = {
    "analysis": True,
    "publish_quotes": True,
    "share_partners": True,
    "contact": True,
    "equality_monitoring": True,
}


_template: list[Path] = []


def migrated_db(directory: Path):
    """A real, fully migrated working database file in `directory`.

    Migrating costs about half a second (every step is fsynced), so it is done once per
    run into a template file that each test copies.
    """
    if not _template:
        folder = tempfile.mkdtemp(prefix="consent-template-")
        atexit.register(shutil.rmtree, folder, True)
        template = wdb.connect(Path(folder) / "workbench.db")
        wdb.migrate(template)
        template.close()  # checkpoints the WAL into the main file
        _template.append(Path(folder) / "workbench.db")
    path = Path(directory) / "workbench.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template[0], path)
    database = wdb.connect(path)
    # Durability against power loss is not under test; fsync on every commit only slows the
    # tests (transactions and rollbacks behave the same).
    database.execute("PRAGMA synchronous = OFF")
    return database


@pytest.fixture
def consent_db(tmp_path):
    """A migrated database of the test's own, closed afterwards. A test module takes it as its
    `db` fixture with `db = consent_db`, in place of conftest's app-backed one."""
    database = migrated_db(tmp_path)
    yield database
    database.close()


def staff_user(db, role: str = "gatherer") -> int:
    """A user row without the cost of hashing a real password (argon2 at full cost)."""
    with wdb.write(db):
        return (
            db["users"]
            .insert(
                {
                    "username": f"{role}-{db['users'].count + 1}",
                    "password_hash": "-",
                    "role": role,
                    "must_change_password": 0,
                    "active": 1,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def open_activity(db, user_id: int, **overrides) -> int:
    fields = {
        **ACTIVITY,
        "opens_on": (today() - timedelta(days=10)).isoformat(),
        "closes_on": (today() + timedelta(days=30)).isoformat(),
        **overrides,
    }
    return activities.create_activity(db, fields, created_by=user_id)


def bare_activity(db, title: str, **fields) -> int:
    """An activity row written directly, without a notice: for tests of the NLP stages, which
    read stories and never the wording shown to tellers. Call inside `wdb.write(db)`."""
    row = {
        "title": title,
        "purpose": "p",
        "can_influence": "c",
        "cannot_influence": "c",
        "how_used": "h",
        "who_sees": "w",
        "feedback_plan": "f",
        **fields,
        "opens_on": "2025-01-01",
        "closes_on": "2025-12-31",
        "channels": "[]",
        "retention_days": 30,
        "created_at": now_iso(),
    }
    return db["activities"].insert(row).last_pk


def capture_kwargs(db, activity_id: int, user_id: int | None, /, **overrides) -> dict:
    kwargs = {
        "activity_id": activity_id,
        "channel": "in_person",
        "text": "The receptionist said to ring back at 8am every day for a week.",
        "consents": dict(ALL_YES),
        "method": "written",
        "notice_id": activities.current_notice(db, activity_id)["id"],
        "recorded_by": f"user:{user_id}" if user_id else "storyteller",
        "created_by": user_id,
        "contact": {"email": "sam@example.org"},
        "equality": {"age_band": "35-44", "postcode_district": "cv1"},
    }
    return {**kwargs, **overrides}


def capture_story(db, activity_id: int, user_id: int | None, /, **overrides) -> capture.Receipt:
    return capture.capture_story(db, **capture_kwargs(db, activity_id, user_id, **overrides))


def told_story(db, role: str = "gatherer", /, **overrides) -> tuple[int, int, capture.Receipt]:
    """A staff user, an open activity and one story captured by that user in it, `overrides`
    changing the capture: (user id, activity id, receipt)."""
    user = staff_user(db, role)
    activity = open_activity(db, user)
    return user, activity, capture_story(db, activity, user, **overrides)


def anonymised_story(db, gatherer, text: str) -> int:
    """A story told in person to `gatherer` (a conftest `make_user`), anonymised by the real
    model and waiting for its check: what the check page tests start from."""
    from nlp import checks

    activity_id = open_activity(db, gatherer.id)
    receipt = capture_story(
        db,
        activity_id,
        gatherer.id,
        text=text,
        consents={**ALL_YES, "contact": False},
        contact=None,
        equality=None,
    )
    checks.anonymise_story(db, receipt.story_id)
    return receipt.story_id


def row_counts(db) -> dict[str, int]:
    """Rows per table: equal before and after a refused call means nothing was written."""
    return {name: db[name].count for name in db.table_names()}


def anonymise(db, story_id: int, text: str, status: str = "checked") -> None:
    """What the anonymisation stage stores, written directly (no spaCy needed here)."""
    with wdb.write(db):
        db["anonymisations"].upsert(
            {
                "story_id": story_id,
                "status": status,
                "text": text,
                "findings": "[]",
                "risk_flags": "[]",
                "engine_version": "test",
                "updated_at": now_iso(),
            },
            pk="story_id",
        )


def new_theme(db, activity_id: int, label: str, status: str = "draft") -> int:
    with wdb.write(db):
        return (
            db["themes"]
            .insert(
                {
                    "activity_id": activity_id,
                    "topic": 0,
                    "label": label,
                    "keywords": "[]",
                    "status": status,
                    # Approving reviews the label as it stands (as set_theme_status does).
                    "label_reviewed": int(status != "draft"),
                    "created_at": now_iso(),
                    "updated_at": now_iso(),
                }
            )
            .last_pk
        )


def derive_everything(db, story_id: int, theme_id: int, quote: str) -> None:
    """One row in every NLP table that derives from a story, as the stages would write it."""
    with wdb.write(db):
        db["embeddings"].insert(
            {
                "story_id": story_id,
                "model": "test",
                "text_sha256": "0" * 64,
                "dim": 2,
                "vector": b"\x00" * 8,
                "created_at": now_iso(),
            }
        )
        db["tag_embeddings"].insert(
            {
                "story_id": story_id,
                "model": "test",
                "text_sha256": "0" * 64,
                "dim": 2,
                "vector": b"\x00" * 8,
                "created_at": now_iso(),
            }
        )
        db["tag_passage_embeddings"].insert(
            {
                "story_id": story_id,
                "model": "test",
                "text_sha256": "0" * 64,
                "count": 0,
                "vectors": b"",
                "created_at": now_iso(),
            }
        )
        db["frameworks"].insert(
            {
                "id": "icb",
                "title": "ICB priorities",
                "version": 1,
                "yaml": "-",
                "updated_at": now_iso(),
            },
            ignore=True,
        )
        db["priorities"].insert(
            {"framework_id": "icb", "id": "access", "title": "Access"}, ignore=True
        )
        db["tags"].insert(
            {
                "story_id": story_id,
                "framework_id": "icb",
                "priority_id": "access",
                "score": 0.9,
                "source": "model",
                "updated_at": now_iso(),
            }
        )
        db["criticality"].insert({"story_id": story_id, "score": -2.5, "model_version": "t"})
        db["theme_members"].insert({"theme_id": theme_id, "story_id": story_id, "source": "model"})
        db["quotes"].insert(
            {"theme_id": theme_id, "story_id": story_id, "text": quote, "chosen_at": now_iso()}
        )


def tables_with_story_id(db) -> list[str]:
    return [name for name in db.table_names() if "story_id" in db[name].columns_dict]
