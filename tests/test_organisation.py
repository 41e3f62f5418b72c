"""The organisation file: read once at start, every storyteller-facing fact checked, clear
errors naming the file and the key, Welsh where given."""

from __future__ import annotations

import pytest
from conftest import app_config
from organisation_support import ORGANISATION_TOML, write_organisation

from workbench import create_app, organisation


def test_the_shipped_example_is_complete_and_says_it_is_an_example():
    example = organisation.load(organisation.EXAMPLE_PATH)
    words = example.in_language("en")
    assert "example" in words["name"].lower()
    assert words["contact"]["email"] and words["privacy"]["url"] and words["complaints"]["url"]
    assert example.in_language("cy")["name"] != words["name"]


def test_welsh_pages_get_the_welsh_where_given_and_english_where_not(tmp_path):
    configured = organisation.load(write_organisation(tmp_path))
    welsh = configured.in_language("cy")
    assert welsh["name"] == "Gwylio Iechyd Tremadog"
    assert welsh["privacy"]["summary"].startswith("Rydym yn cadw")
    assert welsh["complaints"]["summary"].startswith("Write to our chief officer")
    assert configured.logo.startswith(b"\x89PNG") and configured.logo_type == "image/png"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t.replace(
                'name = { en = "Healthwatch Tremadog", cy = "Gwylio Iechyd Tremadog" }\n', ""
            ),
            "name is required",
        ),
        (
            lambda t: "\n".join(
                line
                for line in t.splitlines()
                if not line.startswith(("email", "phone", "address"))
            ),
            "[contact] needs at least one of email, phone, address",
        ),
        (lambda t: t.replace("[complaints]\n", "[complaint]\n"), "unknown key 'complaint'"),
        (
            lambda t: t.replace(
                'url = "https://healthwatch-tremadog.example/privacy"', 'adress = "x"'
            ),
            "[privacy] unknown key 'adress'",
        ),
        (lambda t: t.replace('logo = "logo.png"', 'logo = "missing.png"'), "cannot be read"),
        (lambda t: t.replace('logo = "logo.png"', 'logo = "logo.gif"'), "PNG, JPEG or SVG"),
        (lambda t: t.replace('cy = "Gwylio', 'fr = "Gwylio'), "name is required"),
        (lambda t: t + "\n[contact\n", "not valid TOML"),
        (
            lambda t: t.replace("https://healthwatch-tremadog.example/privacy", "javascript:x"),
            "[privacy] url must be a web address",
        ),
    ],
)
def test_a_file_missing_what_storytellers_need_stops_the_app_naming_the_problem(
    tmp_path, change, message
):
    path = write_organisation(tmp_path / "org", change(ORGANISATION_TOML))
    with pytest.raises(organisation.OrganisationConfigError) as raised:
        create_app({"TESTING": True, **app_config(tmp_path, WORKBENCH_ORGANISATION=str(path))})
    assert str(path) in str(raised.value) and message in str(raised.value)


def test_a_configured_file_that_is_not_there_stops_the_app(tmp_path):
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(organisation.OrganisationConfigError, match="no such file"):
        create_app({"TESTING": True, **app_config(tmp_path, WORKBENCH_ORGANISATION=str(missing))})


def test_instance_organisation_toml_is_read_when_nothing_else_is_configured(tmp_path):
    write_organisation(tmp_path)
    assert organisation.configured_path({}, tmp_path) == tmp_path / "organisation.toml"
    assert organisation.configured_path({}, tmp_path / "empty") == organisation.EXAMPLE_PATH
