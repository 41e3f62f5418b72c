"""Languages for the storyteller-facing pages: English, and Welsh (`cy`).

The language comes from `?lang=cy` (kept in the session, so it holds across the form and
its receipt), else the browser's Accept-Language. Only the storyteller's pages change
language; staff pages stay in English, so `<html lang>` never claims Welsh for English text.

Strings written in templates are found by `pybabel extract` (see `babel.cfg`). Strings that
reach the templates from Python (consent purposes, form labels, notice headings) are listed in
`SHARED_WORDING` so extraction finds them too, and templates translate them with `_()`.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask, request, session, url_for
from flask_babel import Babel, format_date, get_locale, gettext
from flask_babel import lazy_gettext as _l

from consent.activities import notice_sections
from consent.languages import DEFAULT, LANGUAGES

DEFAULT_TIMEZONE = "Europe/London"
STORYTELLER_BLUEPRINTS = frozenset({"storyteller"})
# Storyteller pages that live in a staff area's blueprint: "how was it for you?" is answered
# from the receipt page and answers with it (or a thank-you page).
STORYTELLER_ENDPOINTS = frozenset({"feedback.evaluate"})
AFTER_POST = "storyteller.receipt_form"

# Wording defined in Python (consent/purposes.py, workbench/forms_capture.py,
# consent/activities.py; for the receipt page workbench/receipt_view.py, nlp/progress.py,
# workbench/feedback/actions.py, workbench/feedback/evaluation.py and the storyteller and
# feedback blueprints)
# and shown to storytellers. tests/test_i18n.py checks each of these
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
    # Equality monitoring questions and answers (consent/purposes.py), shown through the
    # catalogue; the answers stored stay the English values.
    _l("Age band"),
    _l("Sex"),
    _l("Is your gender identity the same as the sex you were registered at birth?"),
    _l("Ethnic group"),
    _l("Do you consider yourself to have a disability or long-term condition?"),
    _l("Religion or belief"),
    _l("Sexual orientation"),
    _l("Do you look after or give help to someone because of their health or age?"),
    _l("Postcode district (the first half of your postcode, e.g. CV1)"),
    _l("Under 18"),
    _l("18-24"),
    _l("25-34"),
    _l("35-44"),
    _l("45-54"),
    _l("55-64"),
    _l("65-74"),
    _l("75-84"),
    _l("85 or over"),
    _l("Prefer not to say"),
    _l("Female"),
    _l("Male"),
    _l("Same as sex registered at birth"),
    _l("Different from sex registered at birth"),
    _l("Asian or Asian British"),
    _l("Black, Black British, Caribbean or African"),
    _l("Mixed or multiple ethnic groups"),
    _l("White"),
    _l("Other ethnic group"),
    _l("No religion"),
    _l("Buddhist"),
    _l("Christian"),
    _l("Hindu"),
    _l("Jewish"),
    _l("Muslim"),
    _l("Sikh"),
    _l("Any other religion"),
    _l("Bisexual"),
    _l("Gay or lesbian"),
    _l("Heterosexual or straight"),
    _l("Other sexual orientation"),
    _l("Not answered"),
    _l("The story"),
    _l("Service (optional)"),
    _l("Setting (optional)"),
    _l("Area (optional)"),
    _l("Not given"),
    _l("Name (optional)"),
    _l("Email"),
    _l("Phone"),
    _l("Postal address"),
    _l("Language for updates"),
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
    _l("Receipt reference"),
    _l(
        "We could not open a receipt with that reference and secret. Check both and try again. "
        "After a few wrong tries you will need to wait a while before trying again."
    ),
    _l("received"),
    _l("anonymised"),
    _l("checked"),
    _l("in a theme"),
    _l("published"),
    _l("being reviewed by an analyst"),
    _l("approved, and published at the next update"),
    _l("used internally, not published"),
    _l("no longer used"),
    _l(
        "Your story is being anonymised and checked by a person. The anonymised version will "
        "appear here when it is ready."
    ),
    _l("We will"),
    _l("We are doing it"),
    _l("We did"),
    _l("We could not"),
    _l("I want to make these changes"),
    _l("Tick the box to confirm the changes."),
    _l(
        "Equality answers are kept only with a “Yes” to using them: choose that, or clear the "
        "answers."
    ),
    _l("To be contacted, give an email address, a phone number or a postal address."),
    _l("What we ask has changed since this page was opened. Read it again and choose."),
    _l("This does not look like an email address."),
    _l("This does not look like a phone number."),
    _l("Nothing has changed: choose a different answer first."),
    _l("I want to withdraw my story. I understand it will be deleted and cannot be restored."),
    _l("Tick the box to confirm you want to withdraw."),
    _l("Your choices are saved. %(changes)s."),
    _l("Was it clear why we were asking and what would happen with your story?"),
    _l("Did you feel listened to?"),
    _l("Was it easy to take part (format, language, place, time)?"),
    _l("Partly"),
    _l("Thank you for telling us how it was."),
    _l("Nothing was answered."),
)


def is_storyteller_page() -> bool:
    """Whether this request is one of the storyteller's pages (the only ones in Welsh)."""
    return request.blueprint in STORYTELLER_BLUEPRINTS or request.endpoint in STORYTELLER_ENDPOINTS


def select_locale() -> str:
    """The storyteller's language; always English outside the storyteller's pages."""
    if not is_storyteller_page():
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


def localised(record: dict, field: str) -> str:
    """The `localised` filter: a field staff wrote, in the page's language when they wrote it
    in that language too (`title_cy` beside `title`), else as written."""
    lang = str(get_locale() or DEFAULT)
    if lang != DEFAULT and (record.get(f"{field}_{lang}") or "").strip():
        return record[f"{field}_{lang}"]
    return record.get(field) or ""


def localised_notice(activity: dict) -> list[tuple[str, str]]:
    """The notice's sections for this page: in English exactly as `consent.notice_sections`
    words them (the text the consent cites); in another language, what staff wrote in it
    (`purpose_cy`...) where they did, and the sentences made from the activity's facts
    through the catalogue. Headings stay English here: templates translate them with `|t`."""
    sections = notice_sections(activity)
    lang = str(get_locale() or DEFAULT)
    if lang == DEFAULT:
        return sections
    who_sees = localised(activity, "who_sees")
    partners = localised(activity, "partners")
    if partners:
        who_sees += "\n" + gettext(
            "Named partners (only if you agree): %(partners)s", partners=partners
        )
    hear_back = localised(activity, "feedback_plan")
    if activity.get("feedback_date"):
        when = format_date(date.fromisoformat(activity["feedback_date"]), "d MMMM y")
        hear_back += "\n" + gettext("We aim to report back by %(date)s.", date=when)
    texts = [
        localised(activity, "purpose"),
        localised(activity, "can_influence"),
        localised(activity, "cannot_influence"),
        localised(activity, "how_used"),
        who_sees,
        hear_back,
        gettext(
            "We keep stories for %(days)s days, then delete them. You can change your mind or "
            "withdraw your story at any time with your receipt.",
            days=activity["retention_days"],
        ),
    ]
    return [(heading, text) for (heading, _english), text in zip(sections, texts, strict=True)]


def checked_timezone(name: str) -> str:
    """The IANA time zone name, refused at start-up if unknown rather than on a storyteller's
    page."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"WORKBENCH_TIMEZONE={name!r} is not a time zone name such as Europe/London"
        ) from error
    return name


def init_app(app: Flask) -> None:
    """Babel with our selector, and `lang` plus the language switch for the templates."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    app.config["BABEL_DEFAULT_TIMEZONE"] = checked_timezone(
        app.config.get("WORKBENCH_TIMEZONE") or DEFAULT_TIMEZONE
    )
    Babel(app, locale_selector=select_locale)
    app.jinja_env.filters["t"] = translated
    app.jinja_env.filters["localised"] = localised

    @app.context_processor
    def language():
        current = str(get_locale() or DEFAULT)
        switch = []
        if is_storyteller_page() and request.endpoint:
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
