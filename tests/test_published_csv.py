"""CSV from the published site is safe to open in a spreadsheet (issue 18, item 6)."""

from __future__ import annotations

import csv
import io

import pytest
from publish_fixtures import seed
from test_datasette import fetch

from datasette_plugins.spreadsheet import safe_cell
from plumbing import db as wdb
from workbench.feedback.qdpx import spreadsheet_safe
from workbench.publishing import publish

FORMULA = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture
def built(db, tmp_path):
    seed(db)
    with wdb.write(db):
        db.execute(
            "UPDATE themes SET label = ? WHERE label = 'Waiting for appointments'", [FORMULA]
        )
        db.execute(
            "UPDATE themes SET description = '@SUM(A1:A9)' WHERE label = 'Discharge without a plan'"
        )
    target = tmp_path / "published.db"
    publish.build(db, target)
    return target


def cells(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.text)))


def test_a_formula_in_a_published_value_reaches_csv_neutralised_and_json_unchanged(built):
    table, query, data = fetch(
        built,
        "/published/themes.csv",
        "/published/themes_for_priority.csv?priority=access",
        "/published/themes.json?_shape=array",
    )
    assert table.status_code == query.status_code == 200
    written = {cell for row in cells(table) + cells(query) for cell in row}
    assert "'" + FORMULA in written and "'@SUM(A1:A9)" in written
    assert not any(cell[:1] in ("=", "+", "@") for cell in written)
    assert {row["label"] for row in data.json()} >= {FORMULA}
    assert int(table.headers["content-length"]) == len(table.content)


@pytest.mark.parametrize(
    "value", ["=1+1", "+44 7700", "-2+3", "@cmd", "\tx", "plain", "", "-5", "12", "a=b"]
)
def test_the_published_site_neutralises_cells_as_the_apps_exports_do(value):
    expected = value if value in ("-5",) else spreadsheet_safe(value)
    assert safe_cell(value) == expected
