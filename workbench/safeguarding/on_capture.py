"""What safeguarding does the moment a story is saved, inside the request that saved it.

The rules (a blank tokenizer and a matcher, no model) flag what they see at once, the full check
(rules and classifier) is queued for the worker, and the signposting to show the storyteller
now is returned. The story is already saved, so a failure here never loses it.
"""

from __future__ import annotations

import logging

from flask_babel import get_locale

from nlp.signals import rule_hits
from workbench.safeguarding import flags, signposting
from workbench.web import enqueue, get_db

log = logging.getLogger(__name__)


def on_story_captured(story_id: int, text: str) -> signposting.Signposting:
    """Call after a story is saved (online, by a gatherer, or imported): flag what the rules
    see at once, queue the full check (rules and classifier) for the worker, and return the
    signposting to show now. The story is already saved, so a failure here never loses it:
    when the rules fail every section is shown."""
    db = get_db()
    # Staff pages are always English; a storyteller on the Welsh pages reads Welsh support.
    locale = str(get_locale())
    try:
        detection = rule_hits(text)
        flags.record_signals(db, story_id, detection.signals)
        shown = signposting.for_signals(detection.names, detection.possible_names, locale=locale)
    except Exception as error:
        log.error("signal rules failed (%s); showing all signposting", type(error).__name__)
        shown = signposting.for_signals([], unsure=signposting.ORDER, locale=locale)
    try:
        enqueue("signals", story_id=story_id)
    except Exception as error:
        # The rules' flags are recorded; the worker's check can be queued again later.
        log.error("could not queue the signals job (%s)", type(error).__name__)
    return shown
