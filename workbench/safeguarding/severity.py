"""How soon a flag needs someone: "urgent" for a risk to life, "high" for everything else.

The queue's order, the lead's badge and dashboard, the alerts and the time after which an
unacknowledged flag is overdue all follow `severity`, which reads the detector's own
severities (`nlp.signals.SEVERITY`). A flag is never "routine": complaints are not flags, and
a concern staff raise under another name waits as "high".
"""

from __future__ import annotations

from datetime import timedelta

from nlp.signals import POSSIBLE_PREFIX, RISK_TO_LIFE, SEVERITY

__all__ = ["RISK_TO_LIFE", "SEVERITIES", "only_possible", "overdue_limits", "severity"]

SEVERITIES = ("urgent", "high")


def severity(signal: str) -> str:
    """Urgent when the detector calls the flag's signal urgent (a risk to life), else high."""
    return "urgent" if SEVERITY.get(signal) == "urgent" else "high"


def only_possible(why: str) -> bool:
    """Whether a flag rests only on the model's lower "possible risk, please read" tier (no
    rule, no sure score, no person raised it): still urgent, but read after the sure ones."""
    return why.startswith(POSSIBLE_PREFIX) and "(rule " not in why and "(threshold " not in why


def overdue_limits(config: dict) -> dict[str, timedelta]:
    """How long a flag of each severity may wait unacknowledged before it is overdue:
    `SAFEGUARDING_URGENT_OVERDUE_MINUTES` (default 60) for urgent flags,
    `SAFEGUARDING_OVERDUE_HOURS` (default 4) for the others."""
    return {
        "urgent": timedelta(minutes=float(config.get("SAFEGUARDING_URGENT_OVERDUE_MINUTES", 60))),
        "high": timedelta(hours=float(config.get("SAFEGUARDING_OVERDUE_HOURS", 4))),
    }
