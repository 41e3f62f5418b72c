"""What to tell a storyteller straight after they tell their story: where to get support.

The text and numbers live in a YAML file each organisation edits (`WORKBENCH_SIGNPOSTING`,
defaulting to `workbench/safeguarding/signposting.yaml`). `signposting_for(text)` runs only
the rules of `nlp.signals` (a blank tokenizer and a matcher, no model), so it is safe in a web
request.
Services differ between the UK's nations (NHS 111 Wales, not 111.nhs.uk; NHS 24 and Breathing
Space in Scotland; Lifeline in Northern Ireland): a contact may name the `nations` it serves,
and only those of the organisation's nation (`WORKBENCH_NATION`, default england) are shown.
The general "if you need support" section is always shown. Any wording in the file may be
given per language (`{en: ..., cy: ...}`); a storyteller on the Welsh pages gets the Welsh,
and wording not yet written in their language falls back to English, so they always see the
numbers. When unsure (a phrase held back by
negation or context, or the rules failing for any reason) the section is shown anyway: a
wrongly shown helpline costs little, a missing one may cost a lot.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from flask import current_app, has_app_context

from nlp.signals import SIGNALS, rule_hits

log = logging.getLogger(__name__)
DEFAULT_PATH = Path(__file__).with_name("signposting.yaml")
DEFAULT_LOCALE = "en"
NATIONS = ("england", "wales", "scotland", "northern-ireland")
DEFAULT_NATION = "england"
# Most urgent first: that is the order people read in.
ORDER = (
    "immediate_danger",
    "suicide_self_harm",
    "domestic_abuse",
    "child_abuse_neglect",
    "adult_abuse_neglect",
    "complaint",
)


class SignpostingConfigError(ValueError):
    """The organisation's signposting file is missing something a storyteller needs."""


@dataclass(frozen=True)
class Contact:
    name: str
    detail: str = ""
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    text: str
    contacts: tuple[Contact, ...]


@dataclass
class Signposting:
    """The sections to show, most urgent first, then the general one (always)."""

    organisation: str
    general: Section
    sections: list[Section] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)  # fired: a flag is raised
    unsure: list[str] = field(default_factory=list)  # held back, shown anyway
    procedure: tuple[str, ...] = ()

    @property
    def complaint(self) -> bool:
        return "complaint" in self.signals

    @property
    def safeguarding(self) -> bool:
        """Whether the gatherer should follow the safeguarding procedure now."""
        return any(name != "complaint" for name in self.signals)

    @property
    def help_first(self) -> bool:
        """Whether support comes before anything else on the storyteller's page: a risk was
        noticed, or possibly noticed (a wish to complain alone is not a risk)."""
        return any(section.key != "complaint" for section in self.sections)


def check_nation(nation: str | None) -> str:
    """The nation, if the signposting knows it; else SignpostingConfigError (at start)."""
    if nation not in NATIONS:
        raise SignpostingConfigError(
            f"WORKBENCH_NATION must be one of {', '.join(NATIONS)}, not {nation!r}"
        )
    return nation


def configured_nation() -> str:
    """The organisation's nation when running inside the app, else England."""
    if has_app_context():
        return current_app.config.get("WORKBENCH_NATION") or DEFAULT_NATION
    return DEFAULT_NATION


def configured_path() -> Path:
    """The organisation's file when running inside the app, else the default one."""
    if has_app_context() and current_app.config.get("WORKBENCH_SIGNPOSTING"):
        return Path(current_app.config["WORKBENCH_SIGNPOSTING"])
    return DEFAULT_PATH


def load(path: str | Path | None = None) -> dict:
    """The parsed, checked signposting file (re-read when it changes on disk)."""
    path = Path(path) if path else configured_path()
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load(path: str, _mtime: int) -> dict:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    problems = []
    if not isinstance(data.get("general"), dict):
        problems.append("general")
    signals = data.get("signals") or {}
    problems += [name for name in SIGNALS if not isinstance(signals.get(name), dict)]
    if problems:
        raise SignpostingConfigError(f"{path} has no section for: {', '.join(problems)}")
    untranslatable = _untranslatable(data, "signposting")
    if untranslatable:
        raise SignpostingConfigError(f"{path}: {', '.join(untranslatable)}")
    unknown = sorted(
        {
            str(nation)
            for section in [data["general"], *signals.values()]
            for contact in (section or {}).get("contacts") or ()
            for nation in contact.get("nations") or ()
            if nation not in NATIONS
        }
    )
    if unknown:
        raise SignpostingConfigError(
            f"{path}: unknown nations {', '.join(unknown)} (use {', '.join(NATIONS)})"
        )
    return data


def _untranslatable(node: object, where: str) -> list[str]:
    """Where a per-language wording has no English: the fallback every language relies on."""
    if isinstance(node, dict):
        if node and all(isinstance(key, str) and len(key) == 2 for key in node):
            return [] if node.get("en") else [f"{where} (no 'en' wording)"]
        return [p for key, value in node.items() for p in _untranslatable(value, f"{where}.{key}")]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in _untranslatable(value, f"{where}[{i}]")]
    return []


def _say(value: object, locale: str) -> str:
    if isinstance(value, dict):
        return str(value.get(locale) or value.get(DEFAULT_LOCALE) or "")
    return str(value) if value else ""


def _section(key: str, raw: dict, locale: str, nation: str) -> Section:
    contacts = tuple(
        Contact(
            name=_say(c["name"], locale),
            detail=_say(c.get("detail"), locale),
            phone=str(c["phone"]) if c.get("phone") else None,
            url=_say(c.get("url"), locale) or None,
        )
        for c in raw.get("contacts") or ()
        if not c.get("nations") or nation in c["nations"]
    )
    return Section(key, _say(raw.get("title"), locale), _say(raw.get("text"), locale), contacts)


def for_signals(
    signals: Iterable[str],
    unsure: Iterable[str] = (),
    path: str | Path | None = None,
    locale: str = DEFAULT_LOCALE,
    nation: str | None = None,
) -> Signposting:
    """Signposting for signals already known (e.g. from the worker's full detection), in the
    storyteller's language where the file has it, naming the services of the organisation's
    nation (or of `nation`)."""
    data = load(path)
    nation = nation or configured_nation()
    signals, unsure = set(signals), set(unsure)
    shown = signals | unsure
    return Signposting(
        organisation=_say(data.get("organisation"), locale),
        general=_section("general", data["general"], locale, nation),
        sections=[
            _section(key, data["signals"][key], locale, nation) for key in ORDER if key in shown
        ],
        signals=[key for key in ORDER if key in signals],
        unsure=[key for key in ORDER if key in unsure and key not in signals],
        procedure=tuple(
            _say(step, DEFAULT_LOCALE) for step in data.get("gatherer_procedure") or ()
        ),
    )


def signposting_for(
    text: str,
    path: str | Path | None = None,
    locale: str = DEFAULT_LOCALE,
    nation: str | None = None,
) -> Signposting:
    """Signposting for a story just told, from the rules alone (no model: web-safe)."""
    try:
        detection = rule_hits(text)
    except Exception as error:
        # Never a crash at the moment of telling, and never the text in a log: show everything.
        log.error("signal rules failed (%s); showing all signposting", type(error).__name__)
        return for_signals([], unsure=list(ORDER), path=path, locale=locale, nation=nation)
    return for_signals(
        detection.names, detection.possible_names, path=path, locale=locale, nation=nation
    )
