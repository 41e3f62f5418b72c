"""Themes in the working database: fitting runs and refit proposals, placing new stories and
refreshing keywords, analyst edits that survive refits, changes held for approved themes until
an analyst accepts them, quotes, and what the review pages read.

Other packages call these functions, never the theme tables. The modules behind them:
`scope` (what is current in a scope), `runs`, `assignment`, `pending`, `edits`, `quotes`,
`reading`.
"""

from nlp.themes.store.assignment import (
    assign_new_stories,
    auto_label,
    readable_label,
    refresh_keywords,
    refresh_stale_words,
)
from nlp.themes.store.edits import (
    STATUSES,
    approve_theme,
    mark_not_for_publication,
    merge_themes,
    move_story,
    rename_theme,
    set_theme_status,
    split_theme,
)
from nlp.themes.store.pending import (
    accept_changes,
    pending_counts,
    proposed_changes,
    reject_changes,
)
from nlp.themes.store.quotes import add_quote, quote_consent, quote_consents, quotes, remove_quote
from nlp.themes.store.reading import (
    excerpt,
    list_themes,
    mark_published,
    members,
    sizes_over_time,
    story_themes,
    theme_detail,
    theme_map,
    themes_by_id,
)
from nlp.themes.store.runs import (
    RunResult,
    accept_proposal,
    pending_proposal,
    prune_models,
    reject_proposal,
    run_themes,
)
from nlp.themes.store.scope import (
    Progress,
    ThemeError,
    activities_with_checked_stories,
    checked_story_ids,
    current_run,
    list_runs,
    model_root,
    unthemed_story_ids,
)

__all__ = [
    "STATUSES",
    "Progress",
    "RunResult",
    "ThemeError",
    "accept_changes",
    "accept_proposal",
    "activities_with_checked_stories",
    "add_quote",
    "approve_theme",
    "assign_new_stories",
    "auto_label",
    "readable_label",
    "checked_story_ids",
    "current_run",
    "excerpt",
    "list_runs",
    "list_themes",
    "mark_published",
    "mark_not_for_publication",
    "members",
    "merge_themes",
    "model_root",
    "move_story",
    "pending_counts",
    "pending_proposal",
    "proposed_changes",
    "prune_models",
    "quote_consent",
    "quote_consents",
    "quotes",
    "refresh_keywords",
    "reject_changes",
    "refresh_stale_words",
    "reject_proposal",
    "remove_quote",
    "rename_theme",
    "run_themes",
    "set_theme_status",
    "sizes_over_time",
    "split_theme",
    "story_themes",
    "theme_detail",
    "theme_map",
    "themes_by_id",
    "unthemed_story_ids",
]
