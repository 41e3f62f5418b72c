"""What a storyteller can agree to, and the fixed choices every form offers.

These are the only purpose names the API accepts: a form that posts any other name is
refused, so a forged field can never create a consent nobody was asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Purpose:
    """One thing a storyteller may agree to, worded as the consent form shows it."""

    name: str
    label: str
    description: str
    required: bool
    withdrawal_removes: str


PURPOSES: dict[str, Purpose] = {
    p.name: p
    for p in (
        Purpose(
            "analysis",
            "Use my story to improve services",
            "Your story is anonymised, grouped into themes with other stories, tagged to local "
            "priorities and counted. This is needed for us to keep your story at all.",
            True,
            "Everything: your story, its anonymised text, themes, tags, quotes, contact "
            "details and equality answers. Only the receipt reference and date are kept.",
        ),
        Purpose(
            "publish_quotes",
            "Publish short anonymised quotes",
            "Short excerpts of the anonymised story may appear in published themes.",
            False,
            "Any quotes from your story, from the working database and from publication.",
        ),
        Purpose(
            "share_partners",
            "Share my anonymised story with named partners",
            "The anonymised story may be shared with the partners named for this activity.",
            False,
            "Your story from anything shared with partners from then on.",
        ),
        Purpose(
            "contact",
            "Contact me about what changed",
            "We keep your contact details, separately from your story, to tell you what "
            "changed because of what people told us.",
            False,
            "Your contact details.",
        ),
        Purpose(
            "equality_monitoring",
            "Use my equality monitoring answers",
            "Your answers are kept apart from your story and only ever used in totals, to "
            "check we hear from everyone.",
            False,
            "Your equality monitoring answers.",
        ),
    )
}

CHANNELS: dict[str, str] = {
    "in_person": "In person",
    "phone": "Phone",
    "event": "Event",
    "home_visit": "Home visit",
    "paper": "Paper form (transcribed)",
    "online": "Online",
}

METHODS: dict[str, str] = {
    "written": "Written (signed form)",
    "online": "Online (the storyteller ticked the boxes)",
    "verbal": "Verbal, recorded by the gatherer",
}

PREFER_NOT_TO_SAY = "Prefer not to say"

EQUALITY_QUESTIONS: dict[str, list[str]] = {
    "age_band": [
        "Under 18",
        "18-24",
        "25-34",
        "35-44",
        "45-54",
        "55-64",
        "65-74",
        "75-84",
        "85 or over",
        PREFER_NOT_TO_SAY,
    ],
    "sex": ["Female", "Male", PREFER_NOT_TO_SAY],
    "gender_identity": [
        "Same as sex registered at birth",
        "Different from sex registered at birth",
        PREFER_NOT_TO_SAY,
    ],
    "ethnicity": [
        "Asian or Asian British",
        "Black, Black British, Caribbean or African",
        "Mixed or multiple ethnic groups",
        "White",
        "Other ethnic group",
        PREFER_NOT_TO_SAY,
    ],
    "disability": ["Yes", "No", PREFER_NOT_TO_SAY],
    "religion": [
        "No religion",
        "Buddhist",
        "Christian",
        "Hindu",
        "Jewish",
        "Muslim",
        "Sikh",
        "Any other religion",
        PREFER_NOT_TO_SAY,
    ],
    "sexual_orientation": [
        "Bisexual",
        "Gay or lesbian",
        "Heterosexual or straight",
        "Other sexual orientation",
        PREFER_NOT_TO_SAY,
    ],
    "carer": ["Yes", "No", PREFER_NOT_TO_SAY],
    # Free text, checked as a UK outward code (the first half of a postcode) so that no full
    # postcode, which can single out a household, is ever stored.
    "postcode_district": [PREFER_NOT_TO_SAY],
}

EQUALITY_LABELS: dict[str, str] = {
    "age_band": "Age band",
    "sex": "Sex",
    "gender_identity": "Is your gender identity the same as the sex you were registered at birth?",
    "ethnicity": "Ethnic group",
    "disability": "Do you consider yourself to have a disability or long-term condition?",
    "religion": "Religion or belief",
    "sexual_orientation": "Sexual orientation",
    "carer": "Do you look after or give help to someone because of their health or age?",
    "postcode_district": "Postcode district (the first half of your postcode, e.g. CV1)",
}

OUTWARD_CODE = re.compile(
    r"^(GIR|[A-PR-UWYZ]\d{1,2}|[A-PR-UWYZ][A-HK-Y]\d{1,2}|"
    r"[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y])$"
)


def normalise_postcode_district(value: str) -> str | None:
    """The outward code in capitals, or None when the value is not one (or is a full postcode)."""
    cleaned = (value or "").strip().upper()
    if cleaned == PREFER_NOT_TO_SAY.upper():
        return PREFER_NOT_TO_SAY
    return cleaned if OUTWARD_CODE.match(cleaned) else None
