"""A working database with stories at every consent and approval state, for publishing tests.

Rows are inserted directly (the stages that normally write them are other packages' code), with
canary identifiers in everything that must never be published.
"""

from __future__ import annotations

import json
import random

from plumbing import db as wdb

NOW = "2026-03-14T10:00:00+00:00"
CANARY_NAME = "Zebedee Quaxworth"
CANARY_EMAIL = "zebedee.quaxworth@canary.example"
CANARY_PHONE = "07700 900461"
CANARY_ADDRESS = "17 Canary Wharfside Lane, Quaxton"
CANARY_RAW = "Canaryphrase Xylophonic"
CANARY_POSTCODE = "QX9"
# Every canary: none of them may ever reach the published file.
CANARIES = [CANARY_NAME, CANARY_EMAIL, CANARY_PHONE, CANARY_ADDRESS, CANARY_RAW, CANARY_POSTCODE]

OPENINGS = [
    "I waited a long time for an appointment at the surgery",
    "The receptionist was kind and helped me book a call back",
    "My mum was discharged from the ward without any plan",
    "The mental health crisis team came out quickly when I needed them",
    "Nobody explained what the medication was for",
    "The nurse listened to me and took my worries seriously",
]
CHANNELS = ["online", "paper", "event"]
AREAS = ["North Quarter", "Riverside", "Hillview"]
ETHNICITIES = ["White British", "Black British", "Asian British", "Mixed"]


def seed(db, n_stories: int = 60, seed_value: int = 7) -> dict:
    """Fill a migrated working database; returns the working ids of interesting rows."""
    rng = random.Random(seed_value)
    with wdb.write(db):
        db["frameworks"].insert(
            {
                "id": "icb-plan",
                "title": "ICB joint forward plan",
                "source": "ICB",
                "version": 1,
                "yaml": "id: icb-plan",
                "updated_at": NOW,
            }
        )
        db["priorities"].insert_all(
            [
                {
                    "framework_id": "icb-plan",
                    "id": "access",
                    "title": "Access to GP services",
                    "description": "Getting appointments",
                    "examples": "[]",
                },
                {
                    "framework_id": "icb-plan",
                    "id": "discharge",
                    "title": "Safe hospital discharge",
                    "description": "Leaving hospital with a plan",
                    "examples": "[]",
                },
            ]
        )
        activity = (
            db["activities"]
            .insert(
                {
                    "title": "Winter access listening",
                    "purpose": "Hear about getting care in winter",
                    "can_influence": "Next winter's plan",
                    "cannot_influence": "National contracts",
                    "how_used": "Themes for planners",
                    "who_sees": "Analysts",
                    "feedback_plan": "A report",
                    "feedback_date": "2026-06-30",
                    "framework_id": "icb-plan",
                    "opens_on": "2026-01-05",
                    "closes_on": "2026-03-31",
                    "channels": json.dumps(CHANNELS),
                    "areas": json.dumps(AREAS),
                    "retention_days": 365,
                    "created_at": NOW,
                }
            )
            .last_pk
        )
        notice = (
            db["notices"]
            .insert(
                {
                    "activity_id": activity,
                    "version": 1,
                    "text": "notice",
                    "sha256": "x" * 64,
                    "created_at": NOW,
                }
            )
            .last_pk
        )
        themes = {}
        for label, status in (
            ("Waiting for appointments", "approved"),
            ("Discharge without a plan", "approved"),
            ("Kind staff", "not_for_publication"),
            ("Medication explained", "draft"),
            ("Approved but unquoted", "approved"),
        ):
            themes[label] = (
                db["themes"]
                .insert(
                    {
                        "activity_id": activity,
                        "topic": len(themes),
                        "label": label,
                        "description": f"People told us about {label.lower()}.",
                        "keywords": json.dumps(label.lower().split()),
                        "status": status,
                        # Approving reviews the label as it stands (as set_theme_status does).
                        "label_reviewed": int(status != "draft"),
                        "created_at": NOW,
                        "updated_at": NOW,
                    }
                )
                .last_pk
            )
        ids = {"activity": activity, "themes": themes, "stories": {}}
        for n in range(n_stories):
            month = f"2026-0{1 + n % 3}"
            opening = OPENINGS[n % len(OPENINGS)]
            raw = f"{opening}. {CANARY_RAW} {n} said {CANARY_NAME} lives at {CANARY_ADDRESS}."
            anonymised = f"{opening}. [PERSON] said [PERSON] lives at [ADDRESS]."
            story = (
                db["stories"]
                .insert(
                    {
                        "activity_id": activity,
                        "reference": f"SW-CAN{n:01d}-RY{n:02d}",
                        "secret_hash": "h",
                        "channel": CHANNELS[n % 3],
                        "text": raw,
                        "area": AREAS[rng.randrange(3)],
                        "created_at": f"{month}-{10 + n % 15}T09:00:00",
                    }
                )
                .last_pk
            )
            # Every fifth story has no analysis consent; every third no consent to quotes.
            consents = {
                "analysis": n % 5 != 4,
                "publish_quotes": n % 3 != 2,
                "equality_monitoring": n % 2 == 0,
                "contact": True,
            }
            db["consents"].insert_all(
                [
                    {
                        "story_id": story,
                        "purpose": purpose,
                        "granted": int(granted),
                        "method": "online",
                        "notice_id": notice,
                        "notice_sha256": "x" * 64,
                        "recorded_at": NOW,
                        "recorded_by": "storyteller",
                    }
                    for purpose, granted in consents.items()
                ]
            )
            db["contacts"].insert(
                {
                    "story_id": story,
                    "name": CANARY_NAME,
                    "email": CANARY_EMAIL,
                    "phone": CANARY_PHONE,
                    "postal_address": CANARY_ADDRESS,
                }
            )
            db["equality_answers"].insert(
                {
                    "story_id": story,
                    "age_band": "25-34" if n % 4 else "65-74",
                    "ethnicity": ETHNICITIES[n % 4],
                    "postcode_district": CANARY_POSTCODE,
                }
            )
            db["anonymisations"].insert(
                {
                    "story_id": story,
                    "status": "checked" if n % 7 != 6 else "ready",
                    "text": anonymised,
                    "updated_at": NOW,
                }
            )
            label = list(themes)[(n // 2) % 5]
            db["theme_members"].insert(
                {"theme_id": themes[label], "story_id": story, "source": "model"}
            )
            if label != "Approved but unquoted" and n % 2 == 0:
                db["quotes"].insert(
                    {
                        "theme_id": themes[label],
                        "story_id": story,
                        "text": f"{opening} (story {n})",
                        "chosen_at": NOW,
                    }
                )
            priority = "access" if n % 2 == 0 else "discharge"
            db["tags"].insert(
                {
                    "story_id": story,
                    "framework_id": "icb-plan",
                    "priority_id": priority,
                    "score": 0.8,
                    "source": "model",
                    "state": "confirmed" if n % 4 == 0 else "proposed",
                    "updated_at": NOW,
                }
            )
            db["criticality"].insert(
                {"story_id": story, "score": -3.0 + (n % 4), "model_version": "test"}
            )
            ids["stories"][n] = story
    return ids


def seed_under_framework(db) -> dict:
    """20 seeded stories whose activities use the icb-plan framework, as the priority and
    review pages need; returns `seed`'s ids."""
    ids = seed(db, n_stories=20)
    with db.conn:
        db.execute("UPDATE activities SET framework_id = 'icb-plan'")
    return ids


def add_points(db) -> None:
    """Map positions for every themed story, as a fit leaves them."""
    with wdb.write(db):
        run = (
            db["theme_runs"]
            .insert(
                {"activity_id": None, "created_at": "2026-03-14", "status": "done", "params": "{}"}
            )
            .last_pk
        )
        stories = [row[0] for row in db.execute("SELECT DISTINCT story_id FROM theme_members")]
        db["theme_points"].insert_all(
            {"story_id": s, "run_id": run, "x": (s % 7) / 7, "y": (s % 5) / 5} for s in stories
        )


def build_published(folder, seeded: bool = True):
    """A working database seeded as `seed` does (or left empty: a first publication with
    nothing approved yet), and the published file built from it."""
    db = wdb.connect(folder / "w.db")
    wdb.migrate(db)
    if seeded:
        seed(db)
    from workbench.publishing import publish

    publish.build(db, folder / "published.db")
    db.close()
    return folder / "published.db"


def serve_published(path):
    """Datasette exactly as `workbench serve-published` configures it."""
    from datasette.app import Datasette

    from workbench.publishing import publish

    return Datasette(
        [str(path)], metadata=publish.metadata(path), settings=publish.DATASETTE_SETTINGS
    )


def fetch_published(path, *urls, headers: dict | None = None) -> list:
    """Planner pages of a published file, through Datasette's own client."""
    import asyncio

    async def run():
        ds = serve_published(path)
        await ds.invoke_startup()
        return [await ds.client.get(url, headers=headers or {}) for url in urls]

    return asyncio.run(run())
