"""Datasette metadata for the published database: what every table and column means (units
are in the column descriptions: counts of stories, months as YYYY-MM), licence and source, and
the canned queries that answer planners' common questions.

Datasette's own `units` key is not used: it needs numeric pint units, and a count column also
holds the withheld marker "[c]".

Canned queries run with SQL otherwise switched off: Datasette checks `view-query` for them,
not `execute-sql` (tests/test_datasette.py proves it against the real server).
"""

from __future__ import annotations

from workbench.suppression import DEFAULT_K, WITHHELD

DATABASE = "published"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
SOURCE = "Story Workbench: stories people told us, anonymised and checked by analysts"

COUNT_NOTE = (
    f'Number of stories. "{WITHHELD}" marks a withheld count: counts from 1 to {DEFAULT_K - 1}, '
    "and others withheld so that no withheld count can be worked out from the rest to within "
    f"{DEFAULT_K}. A theme's total is always withheld: its size is published as a band. "
    "A missing row means no stories."
)

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "activities": (
        "Engagement activities: why we asked people, and what their stories could and could "
        "not change.",
        {
            "id": "Number of the activity in this publication (not stable between publications)",
            "title": "Name of the activity",
            "purpose": "Why we asked",
            "could_influence": "What people's stories could influence",
            "could_not_influence": "What was already decided or out of scope",
            "feedback_plan": "How and when people hear what happened",
            "feedback_date": "When we promised to report back (YYYY-MM-DD)",
            "opened": "Month the activity opened (YYYY-MM)",
            "closed": "Month the activity closed (YYYY-MM)",
            "priority_framework": "The strategic priorities stories were tagged against",
        },
    ),
    "priorities": (
        "Strategic priorities that stories are tagged against.",
        {
            "id": "Number of the priority in this publication",
            "framework": "The plan or strategy the priority comes from",
            "code": "The priority's code in that plan",
            "title": "The priority",
            "description": "What the priority covers",
        },
    ),
    "themes": (
        "Themes an analyst approved for publication, found across people's stories.",
        {
            "id": "Number of the theme in this publication (largest first)",
            "activity_id": "The activity the stories came from",
            "label": "Short name of the theme",
            "description": "What people said, in the analyst's words",
            "size_band": "How many stories, as a band (<5, 5-9, 10-24, 25-49, 50-99, 100+)",
            "keywords": "Words that characterise the theme, from anonymised text",
            "priorities": "Priorities the theme's stories were tagged to, most often first",
            "first_month": "Month of the earliest story in the theme (YYYY-MM)",
            "last_month": "Month of the latest story in the theme (YYYY-MM)",
            "tone": (
                f"How critical or positive the stories were on average; blank for fewer than "
                f"{DEFAULT_K} scored stories"
            ),
        },
    ),
    "theme_priorities": (
        "Which priorities each theme relates to, and on what evidence.",
        {
            "theme_id": "The theme",
            "priority_id": "The priority",
            "evidence": (
                "The share of the theme's stories that carry the priority (a theme is linked "
                "only when at least a quarter do), and whether an analyst confirmed it or the "
                "model only suggested it"
            ),
        },
    ),
    "quotes": (
        "Anonymised excerpts chosen by analysts, from stories whose tellers agreed to be "
        "quoted. Withdrawn stories are removed at the next publication.",
        {
            "id": "Number of the quote in this publication",
            "theme_id": "The theme the quote illustrates",
            "text": "The excerpt, anonymised and checked by a person",
            "priorities": "Priorities the story was tagged to",
            "month": "Month the story was told (YYYY-MM)",
        },
    ),
    "theme_counts": (
        "Stories per theme by priority, channel and month, with small numbers suppressed. "
        'Each theme and priority is a table with totals ("All channels", "All months").',
        {
            "theme_id": "The theme",
            "priority_id": "The priority; blank for all stories in the theme",
            "priority": 'The priority\'s title, or "All priorities"',
            "channel": 'How the story reached us (Online, In person, Event...), or "All channels"',
            "month": 'Month the story was told (YYYY-MM), or "All months"',
            "stories": COUNT_NOTE,
        },
    ),
    "community_counts": (
        "Stories per theme by community group, from equality answers given with consent and "
        "counted together (never per person), with small numbers suppressed.",
        {
            "theme_id": "The theme; blank for the total over all themes",
            "theme": 'The theme\'s label, or "All themes"',
            "characteristic": "The equality question (age, ethnicity, disability...)",
            "community_group": 'The answer given, or "All groups"',
            "stories": COUNT_NOTE,
        },
    ),
    "area_counts": (
        "Stories per theme by area, with small numbers suppressed.",
        {
            "theme_id": "The theme; blank for the total over all themes",
            "theme": 'The theme\'s label, or "All themes"',
            "area": 'The area the story is about, or "All areas"',
            "stories": COUNT_NOTE,
        },
    ),
    "changes": (
        "What changed at each publication: new themes, renamed themes, themes no longer "
        "published, and size changes.",
        {
            "published_at": "When the publication was made (UTC)",
            "change": "new theme, renamed, no longer published, or size changed",
            "theme": "The theme's label",
            "activity": "The activity's title",
            "detail": "For size changes, the old and new size bands; for renames, the old name",
        },
    ),
    "actions": (
        "You said, we did: what the organisation did, is doing or could not do in answer to "
        "themes and priorities.",
        {
            "id": "Number of the action in this publication (oldest first)",
            "activity_id": "The activity whose stories the action answers",
            "themes": "Published themes whose stories the action answers",
            "priority": "The priority the action answers, if any",
            "you_said": "What people told us, in the analyst's words",
            "we_did": "What was done, is being done or is planned",
            "status": "We will, We are doing it, We did, or We could not",
            "reason": "Why it was not possible, when it was not",
            "owner": "Who is responsible",
            "due_on": "When it should be done by (YYYY-MM-DD)",
            "done_on": "When it was done (YYYY-MM-DD)",
            "stories": "How many stories it answers, as a band (<5, 5-9, 10-24...)",
        },
    ),
    "action_themes": (
        "Which published themes each action answers.",
        {"action_id": "The action", "theme_id": "The theme"},
    ),
    "reach_counts": (
        "Who took part in each activity, against the population profile the organisation "
        "loaded, with small numbers suppressed. Under-heard groups are marked.",
        {
            "activity_id": "The activity",
            "characteristic": "Area, or the equality question (age, sex, ethnicity...)",
            "community_group": 'The answer given, or "All answers"',
            "stories": COUNT_NOTE,
            "share_of_answers": "The group's share of the answers compared (percent)",
            "population_share": "The group's share of the population (percent)",
            "heard": "under-heard, about as expected, over-represented, or too few to say",
        },
    ),
    "evaluation_counts": (
        'Answers to "how was it for you?" per activity, with small numbers suppressed.',
        {
            "activity_id": "The activity",
            "question": "The question asked",
            "answer": 'Yes, Partly, No, or "All answers"',
            "responses": COUNT_NOTE.replace("Number of stories", "Number of people answering"),
        },
    ),
    "about": (
        "Facts about this publication.",
        {"key": "What the fact is", "value": "Its value"},
    ),
}

QUERIES = {
    "themes_for_priority": {
        "title": "Themes for a priority",
        "description": "Approved themes whose stories were tagged to a priority (type part of "
        "its title), largest first.",
        "sql": (
            "SELECT t.id, t.label, t.size_band, t.description, p.title AS priority, "
            "tp.evidence FROM themes t JOIN theme_priorities tp ON tp.theme_id = t.id "
            "JOIN priorities p ON p.id = tp.priority_id "
            "WHERE p.title LIKE '%' || :priority || '%' OR p.code = :priority ORDER BY t.id"
        ),
    },
    "themes_for_area": {
        "title": "Themes for an area",
        "description": "Approved themes with stories about an area (type part of its name).",
        "sql": (
            "SELECT t.id, t.label, t.size_band, a.area, a.stories FROM area_counts a "
            "JOIN themes t ON t.id = a.theme_id "
            "WHERE a.area LIKE '%' || :area || '%' ORDER BY t.id"
        ),
    },
    "what_changed": {
        "title": "What changed",
        "description": "Changes at publications since a date (YYYY-MM-DD; blank for all).",
        "sql": (
            "SELECT published_at, change, theme, activity, detail FROM changes "
            "WHERE :since = '' OR published_at >= :since ORDER BY published_at DESC, theme"
        ),
    },
}


def metadata(database: str = DATABASE) -> dict:
    """Datasette metadata: descriptions of every table and column, licence, source, queries.

    `database` is the name Datasette gives the file: its name without ".db".
    """
    return {
        "title": "Story Workbench: what people told us",
        "description": (
            "Themes, counts and quotes from people's stories about health and care, published "
            "only after an analyst approved them and only where storytellers consented. Stories "
            "are anonymised and small numbers are suppressed."
        ),
        "license": LICENCE,
        "license_url": LICENCE_URL,
        "source": SOURCE,
        "databases": {
            database: {
                "description": "The latest publication. Rebuilt whenever themes are approved "
                "or a storyteller withdraws or changes consent.",
                "tables": {
                    table: {
                        "description": description,
                        "columns": columns,
                    }
                    for table, (description, columns) in TABLES.items()
                },
                "queries": QUERIES,
            }
        },
    }
