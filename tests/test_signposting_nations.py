"""The support a storyteller is shown follows the organisation's nation (NHS 111 Wales in Wales,
NHS 24 and Breathing Space in Scotland, Lifeline in Northern Ireland), in the page's language;
and when a story suggests a risk, that support comes before anything else on the thank-you
page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import app_config
from consent_support import open_activity, staff_user
from test_receipt_web import online_form, tell

from workbench import create_app, safeguarding
from workbench.safeguarding import signposting
from workbench.safeguarding.on_capture import on_story_captured

# Written for these tests.
AT_RISK = "After the ward sent me home I honestly wanted to die."
ORDINARY = "The pharmacist explained my new tablets slowly and kindly."
COMPLAINT = "The appointment was cancelled twice and I want to make a complaint."
EVERY_SIGNAL = list(signposting.ORDER)


def everything(nation: str, locale: str = "en") -> str:
    """Every name, phone number and address the storyteller could be shown, as one text."""
    shown = signposting.for_signals(EVERY_SIGNAL, nation=nation, locale=locale)
    return " ".join(
        f"{c.name} {c.phone or ''} {c.url or ''} {c.detail}"
        for section in [shown.general, *shown.sections]
        for c in section.contacts
    )


@pytest.mark.parametrize(
    ("nation", "present", "absent"),
    [
        ("england", ["https://111.nhs.uk", "Healthwatch", "0808 2000 247"], ["wales.nhs.uk"]),
        (
            "wales",
            ["https://111.wales.nhs.uk", "0808 80 10 800", "0808 164 0123", "ombudsman.wales"],
            ["https://111.nhs.uk", "Healthwatch", "0808 2000 247", "ombudsman.org.uk"],
        ),
        (
            "scotland",
            ["NHS 24", "nhs24.scot", "0800 83 85 87", "0800 027 1234", "spso.org.uk"],
            ["https://111.nhs.uk", "wales.nhs.uk", "0808 2000 247", "gov.uk/report-child"],
        ),
        (
            "northern-ireland",
            ["0808 808 8000", "0808 802 1414", "nipso.org.uk", "Gateway"],
            ["111.nhs.uk", "NHS 24", "0808 2000 247", "Healthwatch"],
        ),
    ],
)
def test_each_nation_is_shown_its_own_services(nation, present, absent):
    shown = everything(nation)
    assert [p for p in present if p not in shown] == []
    assert [a for a in absent if a in shown] == []


@pytest.mark.parametrize("nation", signposting.NATIONS)
def test_every_nation_has_someone_to_call_for_every_section(nation):
    shown = signposting.for_signals(EVERY_SIGNAL, nation=nation)
    assert len(shown.general.contacts) >= 3
    assert all(section.contacts for section in shown.sections)
    # 999 and the Samaritans are the same everywhere.
    assert {"999", "116 123"} <= {c.phone for c in shown.general.contacts}


def test_wales_in_welsh_names_the_welsh_services_in_welsh():
    shown = signposting.for_signals(["suicide_self_harm"], nation="wales", locale="cy")
    names = [c.name for c in shown.sections[0].contacts]
    assert "GIG 111 Cymru" in names and "Samariaid yn Gymraeg" in names
    assert "Pwyswch 2" in " ".join(c.detail for c in shown.sections[0].contacts)


def test_an_unknown_nation_stops_the_app_at_start(tmp_path):
    with pytest.raises(signposting.SignpostingConfigError, match="northern-ireland"):
        create_app({"TESTING": True, **app_config(tmp_path, WORKBENCH_NATION="cymru")})


def test_a_signposting_file_naming_an_unknown_nation_is_refused(tmp_path):
    data = yaml.safe_load(signposting.DEFAULT_PATH.read_text(encoding="utf-8"))
    data["general"]["contacts"][0]["nations"] = ["wales", "cornwall"]
    ours = Path(tmp_path / "ours.yaml")
    ours.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(signposting.SignpostingConfigError, match="cornwall"):
        signposting.load(ours)


def positions(page: str, *markers: str) -> list[int]:
    found = [page.find(m) for m in markers]
    assert -1 not in found, [m for m, at in zip(markers, found, strict=True) if at == -1]
    return found


@pytest.fixture
def activity(db) -> int:
    return open_activity(db, staff_user(db))


def test_a_risk_puts_help_before_the_receipt_and_the_survey(client, activity):
    page = tell(client, activity, online_form(story=AT_RISK)).get_data(as_text=True)
    help_at, card, survey = positions(
        page, 'data-signpost="suicide_self_harm"', 'class="receipt-card"', 'class="evaluation"'
    )
    assert help_at < card < survey
    assert "<h1" in page.split('class="receipt-card"')[0].split("data-help-first")[1]


@pytest.mark.parametrize("story", [ORDINARY, COMPLAINT])
def test_without_a_risk_the_receipt_comes_first_and_support_after(client, activity, story):
    page = tell(client, activity, online_form(story=story)).get_data(as_text=True)
    card, general = positions(page, 'class="receipt-card"', 'data-signpost="general"')
    assert card < general and "data-help-first" not in page


def test_a_welsh_storyteller_in_wales_reads_welsh_help_first(app, client, activity):
    app.config["WORKBENCH_NATION"] = "wales"
    client.get(f"/tell/{activity}?lang=cy")
    # Mixed languages: the English rules hear the risk in a story that is half Welsh.
    story = "Roedd y nyrsys yn garedig iawn. But since then I wanted to die."
    page = tell(client, activity, online_form(story=story)).get_data(as_text=True)
    help_at, card = positions(page, "GIG 111 Cymru", 'class="receipt-card"')
    assert help_at < card
    assert "https://111.wales.nhs.uk" in page and "https://111.nhs.uk" not in page
    assert 'lang="cy"' in page


def test_an_empty_or_unreadable_story_still_gets_the_general_support(app, db, activity):
    with app.test_request_context():
        shown = on_story_captured(1, "")
    assert shown.sections == [] and shown.general.contacts and not shown.help_first
    assert safeguarding.queue(db) == []
