"""Safeguarding: flags for the safeguarding lead, complaint requests, and the support shown to
a storyteller straight after their story. Flags never reach planners or the published database.
"""

from workbench.safeguarding.flags import (
    STATES,
    FlagError,
    acknowledge,
    close,
    complaint_count,
    detect_signals,
    get_flag,
    mark_complaint_requested,
    overdue,
    queue,
    record_action,
    record_signals,
    routed,
    story_for_lead,
)

__all__ = [
    "STATES",
    "FlagError",
    "acknowledge",
    "close",
    "complaint_count",
    "detect_signals",
    "get_flag",
    "mark_complaint_requested",
    "overdue",
    "queue",
    "record_action",
    "record_signals",
    "routed",
    "story_for_lead",
]
