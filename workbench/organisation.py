"""Who runs this Story Workbench: name, logo, contact details, privacy notice, complaints.

One TOML file, read once when the app starts: `WORKBENCH_ORGANISATION` names it, else
`instance/organisation.toml`, else the shipped example (`workbench/organisation.example.toml`,
whose name says it is an example). A storyteller must always be able to see who holds their
story and how to reach them, so a file that leaves any of that out, misspells a key or names a
logo that is not there stops the app at start with a message naming the file and the key,
rather than showing a page without it. Any text may be given in English and Welsh
(`{ en = "...", cy = "..." }`); Welsh pages fall back to English where no Welsh is given.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, has_request_context
from flask_babel import get_locale

from consent.languages import DEFAULT, LANGUAGES
from workbench.i18n import is_storyteller_page

EXAMPLE_PATH = Path(__file__).with_name("organisation.example.toml")
LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}
TOP_KEYS = {"name", "about", "website", "logo", "logo_alt", "contact", "privacy", "complaints"}
SECTIONS = {
    "contact": ({"email", "phone", "address", "hours"}, ("email", "phone", "address")),
    "privacy": ({"url", "summary"}, ("url", "summary")),
    "complaints": ({"url", "summary"}, ("url", "summary")),
}
log = logging.getLogger(__name__)


class OrganisationConfigError(ValueError):
    """The organisation file is missing, unreadable or leaves out what storytellers need."""


@dataclass(frozen=True)
class Organisation:
    """The organisation as configured; `in_language` gives the words for one page."""

    source: Path
    settings: dict
    logo: bytes | None
    logo_type: str | None

    def in_language(self, lang: str) -> dict:
        """Every setting with each text in `lang` (English where no such text is given)."""
        return _resolved(self.settings, lang)


def configured_path(config: dict, instance_path: str | Path) -> Path:
    """The file to read: as configured, else instance/organisation.toml, else the example."""
    if config.get("WORKBENCH_ORGANISATION"):
        return Path(config["WORKBENCH_ORGANISATION"])
    local = Path(instance_path) / "organisation.toml"
    return local if local.exists() else EXAMPLE_PATH


def load(path: str | Path) -> Organisation:
    """Read and check the organisation file; OrganisationConfigError says what is wrong."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise OrganisationConfigError(f"{path}: no such file (WORKBENCH_ORGANISATION)") from None
    except tomllib.TOMLDecodeError as error:
        raise OrganisationConfigError(f"{path}: not valid TOML: {error}") from None
    problems = _problems(data)
    if problems:
        raise OrganisationConfigError(f"{path}: " + "; ".join(problems))
    logo = logo_type = None
    if data.get("logo"):
        logo_path = (path.parent / data["logo"]).resolve()
        logo_type = LOGO_TYPES.get(logo_path.suffix.lower())
        if logo_type is None:
            raise OrganisationConfigError(f"{path}: logo must be a PNG, JPEG or SVG file")
        try:
            logo = logo_path.read_bytes()
        except OSError:
            raise OrganisationConfigError(f"{path}: logo {logo_path} cannot be read") from None
    if path == EXAMPLE_PATH:
        log.warning("Using the example organisation settings: copy %s to instance/", path)
    return Organisation(path, data, logo, logo_type)


def _is_text(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return (
        isinstance(value, dict)
        and set(value) <= set(LANGUAGES)
        and isinstance(value.get(DEFAULT), str)
        and bool(value[DEFAULT].strip())
        and all(isinstance(v, str) for v in value.values())
    )


def _problems(data: dict) -> list[str]:
    problems = [f"unknown key {key!r}" for key in sorted(set(data) - TOP_KEYS)]
    if not _is_text(data.get("name")):
        problems.append(
            "name is required (the organisation that runs this), as text or { en = ..., cy = ... }"
        )
    for key in ("about", "logo_alt", "website", "logo"):
        if key in data and not _is_text(data[key]):
            problems.append(f"{key} must be text, or {{ en = ..., cy = ... }} with en given")
    for section, (allowed, one_of) in SECTIONS.items():
        table = data.get(section)
        if not isinstance(table, dict):
            problems.append(f"[{section}] is required, with one of {', '.join(one_of)}")
            continue
        problems += [f"[{section}] unknown key {k!r}" for k in sorted(set(table) - allowed)]
        problems += [
            f"[{section}] {k} must be text, or {{ en = ..., cy = ... }} with en given"
            for k in sorted(set(table) & allowed)
            if not _is_text(table[k])
        ]
        if not any(k in table for k in one_of):
            problems.append(f"[{section}] needs at least one of {', '.join(one_of)}")
    links = [("website", data.get("website"))]
    links += [(f"[{s}] url", (data.get(s) or {}).get("url")) for s in ("privacy", "complaints")]
    problems += [
        f"{name} must be a web address starting https:// or http://"
        for name, value in links
        if isinstance(value, str) and not value.startswith(("https://", "http://"))
    ]
    return problems


def _resolved(value, lang: str):
    if isinstance(value, dict) and value and set(value) <= set(LANGUAGES):
        return value.get(lang) or value[DEFAULT]
    if isinstance(value, dict):
        return {key: _resolved(item, lang) for key, item in value.items()}
    return value


def init_app(app: Flask) -> None:
    """Read the organisation file at start (stopping on a bad one) and give every template
    `organisation`, in the page's language."""
    app.extensions["organisation"] = load(configured_path(app.config, app.instance_path))

    @app.context_processor
    def organisation() -> dict:
        storyteller = has_request_context() and is_storyteller_page()
        return {"organisation": current(), "storyteller_page": storyteller}


def current() -> dict:
    """The organisation's settings in this request's language."""
    lang = str(get_locale() or DEFAULT)
    return current_app.extensions["organisation"].in_language(lang)
