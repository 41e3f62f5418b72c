"""An organisation file as a real team would write one, with a logo, for the tests."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ORGANISATION_TOML = """
name = { en = "Healthwatch Tremadog", cy = "Gwylio Iechyd Tremadog" }
about = "We listen to people who use health and care services in Tremadog."
website = "https://healthwatch-tremadog.example"
logo = "logo.png"
logo_alt = "Healthwatch Tremadog"

[contact]
email = "straeon@tremadog.example"
phone = "01766 000 111"
address = "1 Stryd Fawr, Tremadog LL49 9AA"

[privacy]
url = "https://healthwatch-tremadog.example/privacy"
summary.en = "We hold your story for the purposes you agree to."
summary.cy = "Rydym yn cadw eich stori at y dibenion rydych yn cytuno iddynt."

[complaints]
summary = "Write to our chief officer; if we do not put it right, the ICO can help."
"""


def write_organisation(folder: Path, text: str = ORGANISATION_TOML) -> Path:
    """organisation.toml and its logo in `folder`; returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 40), (0, 94, 184)).save(folder / "logo.png")
    path = folder / "organisation.toml"
    path.write_text(text)
    return path
