"""Demo data: activities and a few hundred synthetic stories, then the whole data path.

`load` captures stories through the same consent API as the forms. The `demo_pipeline` job
then takes them along the path in a worker: anonymise, check (marked as the demo loader's
check, never a person's), embed, theme, tag, approve a few themes with quotes, and publish.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import sqlite_utils

import consent
import nlp
from consent.activities import create_activity, current_notice
from consent.capture import capture_story
from consent.purposes import CHANNELS, EQUALITY_QUESTIONS
from plumbing import audit
from plumbing.jobs import job
from workbench.demo.stories import TOWNS, make_stories

FRAMEWORKS = Path(nlp.__file__).resolve().parent / "data" / "frameworks"
DEMO_FRAMEWORK = "dundee-hscp-2016"

ACTIVITIES = [
    {
        "title": "Getting help when you need it",
        "purpose": "We want to hear how easy or hard it is to get help from GP practices, "
        "hospitals and community services in the city, so the Partnership can plan "
        "next year's services around what people actually experience.",
        "can_influence": "How appointments are offered, how services talk to people, where "
        "community clinics are held, and what support there is while people wait.",
        "cannot_influence": "National waiting-time targets and the number of GPs trained.",
        "how_used": "Stories are anonymised, grouped into themes with other stories and "
        "shared with the Integration Joint Board in a report.",
        "who_sees": "The engagement team and analysts. Planners only see approved themes, "
        "counts and anonymised quotes.",
        "feedback_plan": "We will publish what we heard and what will change within three "
        "months of the activity closing, online and at the events where we listened.",
    },
    {
        "title": "Coming home from hospital",
        "purpose": "We want to understand what happens when people leave hospital, so that "
        "discharge and care at home can be planned better.",
        "can_influence": "How discharge is planned, how families are told, and how care "
        "packages start.",
        "cannot_influence": "Decisions about an individual's own care (please contact PALS "
        "for that).",
        "how_used": "Stories are anonymised and grouped into themes that the discharge "
        "improvement group reviews every month.",
        "who_sees": "The engagement team and analysts; the improvement group sees themes and "
        "anonymised quotes only.",
        "feedback_plan": "A 'you said, we did' update every quarter, by email, letter or text "
        "to people who ask for one.",
    },
    {
        "title": "Carers' voices",
        "purpose": "Unpaid carers told us they are rarely asked about their own needs. We "
        "want to hear what would make caring more manageable.",
        "can_influence": "Respite, carers' assessments, information and support groups.",
        "cannot_influence": "Carer's Allowance and other benefits set nationally.",
        "how_used": "Anonymised stories shape the local carers' strategy.",
        "who_sees": "The carers' strategy group sees anonymised themes and quotes.",
        "feedback_plan": "We will write to everyone who asks within two months of the "
        "strategy being agreed.",
    },
]


@dataclass
class DemoReceipt:
    reference: str
    secret: str


def load(db: sqlite_utils.Database, stories: int = 300, seed: int = 7) -> list[DemoReceipt]:
    """Create the demo activities and capture `stories` stories; returns a few receipts."""
    from nlp.priorities import list_frameworks, load_framework, store_framework

    rng = random.Random(seed)
    store_framework(db, load_framework(FRAMEWORKS / f"{DEMO_FRAMEWORK}.yaml"))
    frameworks = [f["id"] for f in list_frameworks(db)]
    today = date.today()
    activity_ids = [
        create_activity(
            db,
            {
                **fields,
                "framework_id": DEMO_FRAMEWORK,
                "opens_on": (today - timedelta(days=120)).isoformat(),
                "closes_on": (today + timedelta(days=60)).isoformat(),
                "feedback_date": (today + timedelta(days=150)).isoformat(),
                "channels": list(CHANNELS),
                "retention_days": 730,
                "areas": TOWNS,
            },
            created_by=None,
            frameworks=frameworks,
        )
        for fields in ACTIVITIES
    ]
    notices = {a: current_notice(db, a)["id"] for a in activity_ids}
    receipts: list[DemoReceipt] = []
    for story in make_stories(stories, seed=seed):
        activity_id = rng.choice(activity_ids)
        channel = rng.choice(list(CHANNELS))
        consents = {
            "analysis": True,
            "publish_quotes": rng.random() < 0.7,
            "share_partners": rng.random() < 0.4,
            "contact": rng.random() < 0.3,
            "equality_monitoring": rng.random() < 0.6,
        }
        method = "online" if channel == "online" else rng.choice(["written", "verbal"])
        receipt = capture_story(
            db,
            activity_id=activity_id,
            channel=channel,
            text=story.text,
            consents=consents,
            method=method,
            method_note="Read the notice aloud; agreed to each purpose."
            if method == "verbal"
            else None,
            notice_id=notices[activity_id],
            recorded_by="demo loader",
            created_by=None,
            service=story.service,
            area=story.area,
            contact={"email": f"storyteller{rng.randint(1000, 9999)}@example.org"}
            if consents["contact"]
            else None,
            equality={
                field: rng.choice(choices)
                for field, choices in EQUALITY_QUESTIONS.items()
                if field != "postcode_district"
            }
            if consents["equality_monitoring"]
            else None,
        )
        if len(receipts) < 5 and receipt.secret:
            receipts.append(DemoReceipt(receipt.reference, receipt.secret))
    audit.record(db, "demo loader", "demo_loaded", "stories", None, f"{stories} stories")
    return receipts


@job("demo_pipeline")
def demo_pipeline(db: sqlite_utils.Database, progress, published_path: str) -> None:
    """Take the demo stories along the whole path, as people and workers would."""
    from nlp import checks, embed
    from nlp.tagging import encoder as tag_encoder
    from nlp.tagging import store as tag_store
    from nlp.themes import store as theme_store
    from workbench.publishing import publish

    story_ids = consent.story_ids(db)
    # A demo re-run (e.g. after a worker was stopped) carries on where it left off.
    checked = set(checks.checked_story_ids(db))
    for n, story_id in enumerate(story_ids):
        checks.anonymise_story(db, story_id)
        if n % 25 == 0:
            progress(0.5 * n / len(story_ids), "anonymising")
    # Demo only: the loader confirms the automatic findings. Real stories wait for a person.
    for story_id in story_ids:
        if checks.anonymised_text(db, story_id) is not None and story_id not in checked:
            checks.apply_check(db, story_id, checks.findings_for(db, story_id), checked_by=None)
    audit.record(db, "demo loader", "demo_checks_confirmed", "stories", None)
    progress(0.55, "embedding")
    embed.ensure_embeddings(db, story_ids)
    activity_ids = sorted(a["id"] for a in consent.list_activities(db))
    for n, activity_id in enumerate(activity_ids):
        progress(0.6 + 0.2 * n / len(activity_ids), "theming")
        theme_store.run_themes(db, activity_id=activity_id)
    progress(0.8, "tagging")
    tag_encoder.ensure_tag_embeddings(db, story_ids)
    tag_store.tag_stories(db, story_ids, DEMO_FRAMEWORK)
    progress(0.9, "approving")
    approve_largest_themes(db, per_activity=3, quotes_per_theme=2)
    publish.build(db, published_path)
    progress(1.0, "published")


def approve_largest_themes(db: sqlite_utils.Database, per_activity: int, quotes_per_theme: int):
    """As an analyst would in the demo: approve the biggest themes, with quotes people allowed."""
    from nlp.themes import store as theme_store

    for activity in consent.list_activities(db):
        themes = theme_store.list_themes(db, activity["id"])[:per_activity]
        for theme in themes:
            members = theme_store.theme_detail(db, theme["id"])["members"]
            for member in [m for m in members if m["quotable"]][:quotes_per_theme]:
                excerpt = member["text"].split(". ")[0].strip()
                theme_store.add_quote(db, theme["id"], member["story_id"], excerpt, chosen_by=None)
            theme_store.approve_theme(db, theme["id"], by=None)
