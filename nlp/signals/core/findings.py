"""What a risk detection finds: the signals there are, how soon each needs someone to act, and
the records a detection returns (`Signal`, `Detection`).

Why apart: the rules (`rules.py`) and the sentence models (`detector.py`) both return these
records, and the web layer reads the names and severities without running either; a module of
its own keeps them below both, so neither imports the other to name a signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SIGNALS: dict[str, str] = {
    "suicide_self_harm": "Thoughts of suicide or self-harm",
    "child_abuse_neglect": "Abuse or neglect of a child",
    "adult_abuse_neglect": "Abuse or neglect of an adult at risk",
    "domestic_abuse": "Domestic abuse",
    "immediate_danger": "Immediate danger",
    "complaint": "Wants to complain",
}
# Everything but a complaint goes to the safeguarding lead.
SAFEGUARDING_SIGNALS = tuple(name for name in SIGNALS if name != "complaint")
# How soon someone should act: risk to life now, abuse or neglect today, a complaint in the
# normal way. The web layer orders its queue and alerts by this.
SEVERITY: dict[str, str] = {
    "suicide_self_harm": "urgent",
    "immediate_danger": "urgent",
    "child_abuse_neglect": "high",
    "adult_abuse_neglect": "high",
    "domestic_abuse": "high",
    "complaint": "routine",
}
RISK_TO_LIFE = ("suicide_self_harm", "immediate_danger")
POSSIBLE_PREFIX = "possible risk, please read: "


@dataclass(frozen=True)
class Signal:
    """One signal with the reason it fired (or was held back)."""

    name: str
    source: str  # "rules" or "classifier" (the sentence model)
    why: str
    score: float | None = None
    # "possible": the model's lower tier for risk to life, still a flag for the lead, whose
    # reason starts with POSSIBLE_PREFIX so it is read as "please read", not "certain".
    tier: str = "certain"

    @property
    def severity(self) -> str:
        return SEVERITY[self.name]


@dataclass
class Detection:
    """What a story showed: `signals` fired; `possible` were held back but still signposted."""

    signals: list[Signal] = field(default_factory=list)
    possible: list[Signal] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return sorted({signal.name for signal in self.signals})

    @property
    def possible_names(self) -> list[str]:
        return sorted({signal.name for signal in self.possible} - set(self.names))
