"""What safeguarding does the moment a story is saved, inside the request that saved it.

The rules (a blank tokenizer and a matcher, no model) flag what they see at once, the lead's
alert is queued when they did (ahead of other work), the full check (rules and classifier) is
queued for the worker, and the signposting to show the storyteller now is returned. The story
is already saved, so a failure here never loses it.
"""

from __future__ import annotations

import logging

from flask_babel import get_locale

from nlp.signals import rule_hits
from workbench.safeguarding import alerts, flags, signposting
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
    raised: list[int] = []
    try:
        detection = rule_hits(text)
        raised = flags.record_signals(db, story_id, detection.signals)
        shown = signposting.for_signals(detection.names, detection.possible_names, locale=locale)
    except Exception as error:
        log.error("signal rules failed (%s); showing all signposting", type(error).__name__)
        shown = signposting.for_signals([], unsure=signposting.ORDER, locale=locale)
    if raised:
        queue_alert()
    try:
        enqueue("signals", story_id=story_id)
    except Exception as error:
        # The rules' flags are recorded; the worker's check can be queued again later.
        log.error("could not queue the signals job (%s)", type(error).__name__)
    return shown


def queue_alert() -> None:
    """Queue the job that tells the safeguarding lead (call when a flag was raised). If the
    queue cannot take it the flag is safe all the same: the worker's once-a-minute run sends
    what is due."""
    try:
        enqueue(alerts.JOB)
    except Exception as error:
        log.error("could not queue the safeguarding alert (%s)", type(error).__name__)
