"""Every staff form says what it did: after a change the next page carries a "Saved" message
that screen readers announce (role="status"); a refusal carries the reason (role="alert")."""

from __future__ import annotations

import re

import pytest
from conftest import post_form
from publish_fixtures import seed_under_framework

STATUS = re.compile(r'<p class="flash info" role="status">([^<]+)</p>')
ALERT = re.compile(r'<p class="flash error" role="alert">([^<]+)</p>')


@pytest.fixture
def seeded(db):
    return seed_under_framework(db)


def said(response) -> list[str]:
    return STATUS.findall(response.get_data(as_text=True))


def theme_page(seeded) -> str:
    return f"/review/themes/{seeded['themes']['Medication explained']}"


def rename_theme(client, page: str, label: str, description: str):
    """The theme page's rename form sent, and the page it leads to."""
    form = {"label": label, "description": description}
    return post_form(client, f"{page}/rename", form, form_page=page, follow_redirects=True)


def test_theme_edits_say_they_were_saved(client, login_as, seeded):
    login_as("analyst")
    page = theme_page(seeded)
    response = rename_theme(client, page, "Medicines explained well", "Clear")
    assert said(response) == ["Saved: the theme&#39;s name and description."]
    response = post_form(
        client, f"{page}/status", {"status": "approved"}, form_page=page, follow_redirects=True
    )
    assert said(response) == ["Saved: the theme is approved; the published data is being rebuilt."]


def test_a_refused_theme_edit_says_why_and_not_saved(client, login_as, seeded):
    login_as("analyst")
    response = rename_theme(client, theme_page(seeded), "", "")
    assert said(response) == [] and ALERT.findall(response.get_data(as_text=True))


def test_tag_decisions_say_they_were_saved(client, login_as, seeded):
    login_as("analyst")
    page = f"/review/priorities/?activity={seeded['activity']}"
    story = seeded["stories"][1]
    response = post_form(
        client,
        "/review/priorities/decide",
        {"story": story, "framework": "icb-plan", "priority": "discharge", "decision": "reject"},
        form_page=page,
        follow_redirects=True,
    )
    assert said(response) == ["Saved: the tag is rejected."]
