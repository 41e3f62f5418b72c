"""Themes: finding them in checked stories, naming them, and keeping them in the working database.

One package so that everything about themes sits together, apart from the other stages of
`nlp/`. Its modules, from the stories to the database:

- `fitting`: BERTopic over precomputed embeddings, plain data in and out (clusters, keywords,
  map positions, placing new stories, saving and loading the model without any word);
- `names`: readable phrase names taken from a theme's own stories;
- `evidence`: typical stories, candidate quotes, a description, tone and size by month;
- `text`: the stop words and anonymiser placeholders that never name a theme;
- `store/`: the theme tables (runs, refit proposals, edits, held changes, quotes, what pages
  read), whose `__init__` is the face other packages import.

This face re-exports what other code takes from `fitting`, as `nlp.themes` offered before
the modules were grouped here.
"""

from nlp.themes.fitting import (
    MIN_ENGLISH_STOP_SHARE,
    MIN_STORIES,
    MIN_STORIES_PER_THEME,
    ThemeFit,
    assign,
    configure_numba_cache,
    english_stop_share,
    exact_neighbours,
    fit_themes,
    fits_no_theme,
    keywords_for_groups,
    load_model,
    merge_near_duplicates,
    save_model,
    target_theme_count,
)

__all__ = [
    "MIN_ENGLISH_STOP_SHARE",
    "MIN_STORIES",
    "MIN_STORIES_PER_THEME",
    "ThemeFit",
    "assign",
    "configure_numba_cache",
    "english_stop_share",
    "exact_neighbours",
    "fit_themes",
    "fits_no_theme",
    "keywords_for_groups",
    "load_model",
    "merge_near_duplicates",
    "save_model",
    "target_theme_count",
]
