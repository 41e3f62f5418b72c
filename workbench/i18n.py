"""Languages for the storyteller-facing pages: English, and Welsh (`cy`).

The language comes from `?lang=cy` (kept in the session, so it holds across the form and
its receipt), else the browser's Accept-Language. Only the storyteller's pages change
language; staff pages stay in English, so `<html lang>` never claims Welsh for English text.

Strings written in templates are found by `pybabel extract` (see `babel.cfg`). Strings that
reach the templates from Python (consent purposes, form labels, notice headings) are listed in
`SHARED_WORDING` so extraction finds them too, and templates translate them with `_()`.
"""

from __future__ import annotations

from flask import Flask, request, session, url_for
from flask_babel import Babel, get_locale, gettext
from flask_babel import lazy_gettext as _l

LANGUAGES = {"en": "English", "cy": "Cymraeg"}
DEFAULT = "en"
STORYTELLER_BLUEPRINTS = frozenset({"storyteller"})
AFTER_POST = "storyteller.receipt_form"

# Wording defined in Python (consent/purposes.py, workbench/forms_capture.py,
# consent/activities.py) and shown to storytellers. tests/test_i18n.py checks each of these
# still matches the Python it mirrors and has a Welsh translation.
SHARED_WORDING = (
    _l("Use my story to improve services"),
    _l(
        "Your story is anonymised, grouped into themes with other stories, tagged to local "
        "priorities and counted. This is needed for us to keep your story at all."
    ),
    _l("Publish short anonymised quotes"),
    _l("Short excerpts of the anonymised story may appear in published themes."),
    _l("Share my anonymised story with named partners"),
    _l("The anonymised story may be shared with the partners named for this activity."),
    _l("Contact me about what changed"),
    _l(
        "We keep your contact details, separately from your story, to tell you what "
        "changed because of what people told us."
    ),
    _l("Use my equality monitoring answers"),
    _l(
        "Your answers are kept apart from your story and only ever used in totals, to "
        "check we hear from everyone."
    ),
    _l("Yes"),
    _l("No"),
    _l("The story"),
    _l("Service (optional)"),
    _l("Setting (optional)"),
    _l("Area (optional)"),
    _l("Name (optional)"),
    _l("Email"),
    _l("Phone"),
    _l("Postal address"),
    _l("Reference"),
    _l("Secret"),
    _l("Why we are asking"),
    _l("What you can influence"),
    _l("What you cannot influence"),
    _l("How your story will be used"),
    _l("Who will see it"),
    _l("When you will hear back"),
    _l("How long we keep it"),
    _l("Choose yes or no."),
    _l("Write the story."),
    _l("Write the story: it is empty."),
)


def select_locale() -> str:
    """The storyteller's language; always English outside the storyteller's pages."""
    if request.blueprint not in STORYTELLER_BLUEPRINTS:
        return DEFAULT
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES), default=DEFAULT)


def translated(text: str) -> str:
    """The `t` filter: a string that arrives from Python, translated when the catalogue has it.

    Jinja's own `_()` marks its result safe and %-formats it, which is right for literals in
    templates and wrong for values; this returns plain text, so autoescaping still applies.
    """
    return gettext(str(text)) if text else ""


def init_app(app: Flask) -> None:
    """Babel with our selector, and `lang` plus the language switch for the templates."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    Babel(app, locale_selector=select_locale)
    app.jinja_env.filters["t"] = translated

    @app.context_processor
    def language():
        current = str(get_locale() or DEFAULT)
        switch = []
        if request.blueprint in STORYTELLER_BLUEPRINTS and request.endpoint:
            switch = [
                {"code": code, "name": name, "url": _same_page_in(code)}
                for code, name in LANGUAGES.items()
                if code != current
            ]
        return {"lang": current, "language_switch": switch}


def _same_page_in(code: str) -> str:
    """This page in another language; a page reached only by POST (a receipt's status, which
    needs the secret again) switches on the receipt form instead."""
    endpoint = request.endpoint
    if not any("GET" in (rule.methods or ()) for rule in request.url_rule.map.iter_rules(endpoint)):
        return url_for(AFTER_POST, lang=code)
    # Only the language travels: echoing the rest of the query string would reflect whatever a
    # link put there into every page, error pages included.
    return url_for(endpoint, **{**(request.view_args or {}), "lang": code})
