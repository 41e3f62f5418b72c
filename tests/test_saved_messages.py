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


def test_theme_edits_say_they_were_saved(client, login_as, seeded):
    login_as("analyst")
    theme_id = seeded["themes"]["Medication explained"]
    page = f"/review/themes/{theme_id}"
    response = post_form(
        client,
        f"{page}/rename",
        {"label": "Medicines explained well", "description": "Clear"},
        form_page=page,
        follow_redirects=True,
    )
    assert said(response) == ["Saved: the theme&#39;s name and description."]
    response = post_form(
        client, f"{page}/status", {"status": "approved"}, form_page=page, follow_redirects=True
    )
    assert said(response) == ["Saved: the theme is approved; the published data is being rebuilt."]


def test_a_refused_theme_edit_says_why_and_not_saved(client, login_as, seeded):
    login_as("analyst")
    theme_id = seeded["themes"]["Medication explained"]
    page = f"/review/themes/{theme_id}"
    response = post_form(
        client,
        f"{page}/rename",
        {"label": "", "description": ""},
        form_page=page,
        follow_redirects=True,
    )
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
