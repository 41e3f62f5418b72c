"""Small-number suppression for published count tables.

A count table is published with its row totals, column totals and grand total. Cells from 1 to
k-1 are withheld (primary suppression, shown as "<5" for k = 5). Withholding them is not enough
when totals are published: a row with one withheld cell gives it away by subtraction. So more
entries are withheld (secondary suppression, shown as "[c]") until no withheld entry can be
worked out exactly from the shown ones.

Why the test below is enough: write the table with its totals as an (r+1) x (c+1) grid. Every
row and every column of that grid is one linear equation (cells add up to the total). Treat
grid rows and grid columns as the two sides of a bipartite graph and each withheld entry as an
edge. The shown values fix the sum of withheld entries at every node, so a withheld entry is
determined exactly if and only if its edge is a bridge (lies on no cycle): along any cycle the
entries can move by +t, -t, +t, ... and every equation still holds. We keep adding the smallest
available entries that close a cycle through each bridge until there are none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_K = 5
SECONDARY = "[c]"


@dataclass(frozen=True)
class SuppressedTable:
    """A count table with its totals; None marks a withheld entry."""

    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None
    primary: frozenset[tuple[int, int]]
    """Grid positions (row, column) withheld because they were small; r and c index totals."""


def suppress(cells: Sequence[Sequence[int]], k: int = DEFAULT_K) -> SuppressedTable:
    """Withhold small counts and whatever else would let a reader work them out.

    `cells` is a rectangular table of non-negative counts (rows x columns, at least one of
    each). Totals are computed here, so they always add up.
    """
    rows = [list(row) for row in cells]
    if not rows or not rows[0] or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("a count table needs at least one row and column, all the same width")
    if any(value < 0 for row in rows for value in row):
        raise ValueError("counts cannot be negative")
    grid = _with_totals(rows)
    primary = {(i, j) for i, row in enumerate(grid) for j, value in enumerate(row) if 0 < value < k}
    withheld = set(primary)
    while bridge := _first_bridge(withheld):
        withheld |= _cheapest_cycle(bridge, withheld, grid)
    shown = [
        [None if (i, j) in withheld else value for j, value in enumerate(row)]
        for i, row in enumerate(grid)
    ]
    r, c = len(rows), len(rows[0])
    return SuppressedTable(
        cells=[row[:c] for row in shown[:r]],
        row_totals=[row[c] for row in shown[:r]],
        column_totals=shown[r][:c],
        total=shown[r][c],
        primary=frozenset(primary),
    )


def display(
    value: int | None, position: tuple[int, int], table: SuppressedTable, k: int = DEFAULT_K
) -> int | str:
    """What a reader sees: the count, "<k" for a small one, "[c]" for one withheld to protect it."""
    if value is not None:
        return value
    return f"<{k}" if position in table.primary else SECONDARY


def _with_totals(rows: list[list[int]]) -> list[list[int]]:
    grid = [row + [sum(row)] for row in rows]
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    return grid


def _first_bridge(withheld: set[tuple[int, int]]) -> tuple[int, int] | None:
    """A withheld entry that lies on no cycle of withheld entries, if there is one."""
    for edge in sorted(withheld):
        if not _connected_without(edge, withheld):
            return edge
    return None


def _connected_without(edge: tuple[int, int], withheld: set[tuple[int, int]]) -> bool:
    """Can grid row edge[0] reach grid column edge[1] through the other withheld entries?"""
    by_row: dict[int, list[int]] = {}
    by_column: dict[int, list[int]] = {}
    for i, j in withheld:
        if (i, j) != edge:
            by_row.setdefault(i, []).append(j)
            by_column.setdefault(j, []).append(i)
    seen_rows, seen_columns = {edge[0]}, set()
    frontier = [("row", edge[0])]
    while frontier:
        side, node = frontier.pop()
        if side == "row":
            for j in by_row.get(node, ()):
                if j == edge[1]:
                    return True
                if j not in seen_columns:
                    seen_columns.add(j)
                    frontier.append(("column", j))
        else:
            for i in by_column.get(node, ()):
                if i not in seen_rows:
                    seen_rows.add(i)
                    frontier.append(("row", i))
    return False


def _cheapest_cycle(
    bridge: tuple[int, int], withheld: set[tuple[int, int]], grid: list[list[int]]
) -> set[tuple[int, int]]:
    """The three entries that close a rectangle through the bridge, withholding least.

    Non-zero entries are preferred: a withheld zero at the edge of a cycle pins the cycle
    against the non-negativity that every reader knows.
    """
    i, j = bridge
    best: tuple[tuple[int, int], set[tuple[int, int]]] | None = None
    for other_row in range(len(grid)):
        if other_row == i:
            continue
        for other_column in range(len(grid[0])):
            if other_column == j:
                continue
            corners = {(i, other_column), (other_row, j), (other_row, other_column)}
            added = corners - withheld
            zeros = sum(1 for a, b in added if grid[a][b] == 0)
            cost = (zeros, sum(grid[a][b] for a, b in added))
            if best is None or cost < best[0]:
                best = (cost, corners)
    assert best is not None, "a table with totals always has a second row and column"
    return best[1]
