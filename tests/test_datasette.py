"""The published file as planners get it: Datasette with our settings, metadata and plugin."""

from __future__ import annotations

import asyncio
import re

import pytest
from publish_fixtures import CANARIES, build_published, fetch_published, seed, serve_published

from plumbing import db as wdb
from workbench.commands.services import datasette_command
from workbench.publishing import publish
from workbench.publishing.schema import expected_columns

TABLES = sorted(expected_columns())


@pytest.fixture(scope="module")
def working(tmp_path_factory):
    path = tmp_path_factory.mktemp("working") / "workbench.db"
    db = wdb.connect(path)
    wdb.migrate(db)
    seed(db)
    yield db
    db.close()


@pytest.fixture(scope="module")
def built(working, tmp_path_factory):
    path = tmp_path_factory.mktemp("published") / "published.db"
    publish.build(working, path)
    return path


serve = serve_published
fetch = fetch_published


def test_the_command_line_passes_the_same_settings_the_tests_use():
    command = datasette_command("/srv/published.db")
    passed = {command[i + 1]: command[i + 2] for i, arg in enumerate(command) if arg == "--setting"}
    assert passed == {
        name: ("on" if value else "off") if isinstance(value, bool) else str(value)
        for name, value in publish.DATASETTE_SETTINGS.items()
    }
    assert passed["default_allow_sql"] == "off" and passed["allow_download"] == "off"


REFUSED = [
    "/published?sql=select+1",
    "/published.json?sql=select+*+from+sqlite_master",
    "/published.db",
    "/published/themes?_where=1=1",
    "/published/themes.json?_where=id>0",
    "/published/themes.csv?_stream=1",
    "/published/themes?_context=1",
    "/published/themes?_trace=1",
    "/-/versions",
    "/-/versions.json",
    "/-/plugins.json",
    "/-/settings.json",
    "/-/databases.json",
    "/-/threads.json",
    "/-/actor.json",
    "/-/permissions",
    "/-/messages",
    "/-/allow-debug",
    "/_internal",
]


@pytest.mark.parametrize("url", REFUSED)
def test_sql_downloads_and_introspection_are_refused(built, url):
    (response,) = fetch(built, url)
    assert response.status_code == 403


def test_sql_is_refused_by_datasette_itself_not_only_by_the_plugin(built):
    async def run():
        ds = serve(built)
        await ds.invoke_startup()
        return (
            await ds.permission_allowed(None, "execute-sql", "published", default=True),
            ds.setting("allow_download"),
        )

    assert asyncio.run(run()) == (False, False)


@pytest.mark.parametrize("table", TABLES)
def test_every_table_is_described_and_available_as_html_json_and_csv(built, table):
    page, data, csv = fetch(
        built,
        f"/published/{table}",
        f"/published/{table}.json?_shape=array",
        f"/published/{table}.csv",
    )
    assert page.status_code == data.status_code == csv.status_code == 200
    assert isinstance(data.json(), list)
    assert set(expected_columns()[table]) <= set(csv.text.splitlines()[0].split(","))
    described = publish.metadata(built)["databases"]["published"]["tables"][table]
    assert described["description"]
    assert set(described["columns"]) == set(expected_columns()[table])


@pytest.mark.parametrize(
    ("query", "params", "expect"),
    [
        ("themes_for_priority", "priority=Access", "Waiting for appointments"),
        ("themes_for_area", "area=River", "Discharge without a plan"),
        ("what_changed", "since=", "new theme"),
    ],
)
def test_canned_queries_answer_with_sql_switched_off(built, query, params, expect):
    (response,) = fetch(built, f"/published/{query}.json?{params}&_shape=array")
    assert response.status_code == 200
    assert expect in response.text


def test_the_planner_home_page_shows_activities_and_top_themes_per_priority(built):
    (page,) = fetch(built, "/")
    html = page.text
    assert page.status_code == 200
    assert "Winter access listening" in html
    assert "Access to GP services" in html and "Safe hospital discharge" in html
    assert "/-/planner/static/planner.css" in html  # the plugin's look, on its own pages
    assert "Accessibility" in html and "CC BY 4.0" in html


def test_a_theme_page_has_its_summary_quotes_and_charts(built, working):
    (home,) = fetch(built, "/")
    theme_url = re.search(r'href="(/-/planner/theme/\d+)">Waiting for appointments', home.text)
    (page,) = fetch(built, theme_url.group(1))
    assert page.status_code == 200
    assert "People told us about waiting for appointments." in page.text
    assert page.text.count('class="planner-quote"') >= 1
    assert page.text.count('<svg class="planner-chart"') >= 3  # months, channels, communities


def test_a_theme_without_quotes_says_why_and_a_missing_theme_is_not_found(built):
    (home,) = fetch(built, "/")
    theme_url = re.search(r'href="(/-/planner/theme/\d+)">Approved but unquoted', home.text)
    page, missing = fetch(built, theme_url.group(1), "/-/planner/theme/999")
    assert "No quotes can be published for this theme" in page.text
    assert missing.status_code == 404


def test_the_plugin_styles_datasette_pages_and_links_themes(built):
    table, statement, css = fetch(
        built, "/published/themes", "/-/planner/accessibility", "/-/planner/static/planner.css"
    )
    assert "/-/planner/static/planner.css" in table.text
    assert '<a href="/-/planner/theme/1">' in table.text  # render_cell links each label
    assert "Datasette v" not in table.text  # our footer does not advertise the version
    assert '<html lang="en">' in table.text and 'href="#main-content"' in table.text
    assert "Accessibility statement" in statement.text and "WCAG" in statement.text
    assert css.status_code == 200 and "--accent" in css.text


def test_canaries_never_appear_on_any_page(built):
    (home,) = fetch(built, "/")
    theme_pages = sorted(set(re.findall(r'href="(/-/planner/theme/\d+)"', home.text)))
    urls = ["/", "/published", *theme_pages]
    for table in TABLES:
        urls += [f"/published/{table}", f"/published/{table}.json", f"/published/{table}.csv"]
    responses = fetch(built, *urls)
    assert all(r.status_code == 200 for r in responses)
    text = "\n".join(r.text for r in responses).lower()
    for canary in CANARIES:
        assert canary.lower() not in text
    assert "sw-can" not in text  # story references


def test_nothing_approved_still_serves_every_page(tmp_path):
    home, themes = fetch(build_published(tmp_path, seeded=False), "/", "/published/themes.json")
    assert home.status_code == 200 and "No themes have been published yet" in home.text
    assert themes.status_code == 200 and themes.json()["rows"] == []


def test_a_swapped_file_is_served_at_the_next_request_without_a_restart(working, tmp_path):
    path = tmp_path / "published.db"
    publish.build(working, path)

    async def run():
        ds = serve(path)
        await ds.invoke_startup()
        before = (await ds.client.get("/published/themes.json?_shape=array")).json()
        working.execute("UPDATE themes SET status = 'approved' WHERE label = 'Kind staff'")
        try:
            publish.build(working, path)
            after = (await ds.client.get("/published/themes.json?_shape=array")).json()
        finally:
            working.execute(
                "UPDATE themes SET status = 'not_for_publication' WHERE label = 'Kind staff'"
            )
        return before, after

    before, after = asyncio.run(run())
    assert "Kind staff" not in {t["label"] for t in before}
    assert "Kind staff" in {t["label"] for t in after}
