"""The main menu is grouped by the work (Gather, Review, Publish, Admin) and shows each person
only what their role may use: a group with one entry for them is a plain link."""

from __future__ import annotations

import re

import pytest
from conftest import login, make_user

TOP = re.compile(r'<nav aria-label="Main" class="main-menu">(.*?)</nav>', re.S)
GROUP = re.compile(r"<summary>([^<]+)")
LINK = re.compile(r'<a href="([^"]+)"[^>]*>([^<]+)')

EXPECTED = {
    "gatherer": (["Gather"], ["Dashboard", "Check anonymisation"]),
    "analyst": (["Gather", "Review", "Publish"], ["Dashboard"]),
    "planner": (["Publish"], ["Dashboard"]),
    "admin": (["Gather", "Review", "Publish", "Admin"], ["Dashboard", "Safeguarding"]),
    "safeguarding": ([], ["Dashboard", "Safeguarding"]),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_sees_its_groups_and_only_links_it_may_use(app, client, db, role):
    make_user(db, role, f"nav-{role}")
    login(client, f"nav-{role}")
    menu = TOP.search(client.get("/dashboard").get_data(as_text=True)).group(1)
    groups, top_links = EXPECTED[role]
    assert GROUP.findall(menu) == groups
    outside_groups = re.sub(r"<details.*?</details>", "", menu, flags=re.S)
    assert [label for _url, label in LINK.findall(outside_groups)] == top_links
    # Every link in the menu opens for this person: nothing offered that refuses them.
    for url, label in LINK.findall(menu):
        if url.startswith("http"):  # the published site, outside the app
            assert role in ("analyst", "planner", "admin") and label == "Published site"
            continue
        assert client.get(url).status_code == 200, (role, label)


def test_the_menu_has_two_rows_no_more_than_eight_top_level_entries(client, db):
    make_user(db, "admin", "ada")
    login(client, "ada")
    menu = TOP.search(client.get("/dashboard").get_data(as_text=True)).group(1)
    top_level = re.findall(r"^      <li", menu, flags=re.M)
    assert len(top_level) == 6  # Dashboard, Gather, Review, Publish, Safeguarding, Admin


def test_the_current_page_is_marked_in_its_group(client, db):
    make_user(db, "admin", "ada")
    login(client, "ada")
    page = client.get("/admin/audit").get_data(as_text=True)
    menu = TOP.search(page).group(1)
    assert '<li class="menu-group current"><details data-menu>\n        <summary>Admin' in menu
    assert '<a href="/admin/audit" aria-current="page">Audit log</a>' in menu
