"""The languages a storyteller hears back in, and reads the storyteller's pages in."""

LANGUAGES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
DEFAULT = "en"
