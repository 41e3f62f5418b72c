"""Safeguarding: flags for the safeguarding lead (from the detector, or raised by staff), the
lead's queue and the alerts that tell them, complaint requests, and the support shown to a
storyteller straight after their story. Flags never reach planners or the published database.
"""

from workbench.safeguarding.alerts import AlertSettings, send_due
from workbench.safeguarding.flags import (
    LABELS,
    OTHER_CONCERN,
    RAISABLE,
    STATES,
    FlagError,
    acknowledge,
    close,
    complaint_count,
    detect_signals,
    forget_identifiers,
    mark_complaint_requested,
    raise_concern,
    record_action,
    record_signals,
    routed,
    story_for_lead,
)
from workbench.safeguarding.reading import (
    get_flag,
    lead_summary,
    overdue,
    overdue_for,
    queue,
    story_groups,
    waiting_urgent,
)
from workbench.safeguarding.severity import RISK_TO_LIFE, overdue_limits, severity

__all__ = [
    "LABELS",
    "OTHER_CONCERN",
    "RAISABLE",
    "RISK_TO_LIFE",
    "STATES",
    "AlertSettings",
    "FlagError",
    "acknowledge",
    "close",
    "complaint_count",
    "detect_signals",
    "forget_identifiers",
    "get_flag",
    "lead_summary",
    "mark_complaint_requested",
    "overdue",
    "overdue_for",
    "overdue_limits",
    "queue",
    "raise_concern",
    "record_action",
    "record_signals",
    "routed",
    "send_due",
    "severity",
    "story_for_lead",
    "story_groups",
    "waiting_urgent",
]
