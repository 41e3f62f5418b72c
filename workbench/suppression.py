"""Small-number suppression for published count tables.

A count table is published with its row totals, column totals and grand total. Cells from 1 to
k-1 are withheld (primary suppression). Withholding them is not enough when totals are
published: a row with one withheld cell gives it away by subtraction, and a reader with a
linear-programming solver can narrow a withheld cell to a few values. So more entries are
withheld (secondary suppression) until every withheld entry could, as far as anyone reading the
shown ones can tell, lie anywhere in a range at least k wide. Every withheld entry carries the
same marker: a distinct marker for small ones would tell a reader which cells are 1 to k-1.

Two steps. First, cycles: write the table with its totals as an (r+1) x (c+1) grid. Every row
and every column of that grid is one linear equation (cells add up to the total). Treat grid
rows and grid columns as the two sides of a bipartite graph and each withheld entry as an edge.
A withheld entry is determined exactly if and only if its edge is a bridge (lies on no cycle):
along any cycle the entries can move by +t, -t, +t, ... and every equation still holds. We add
the smallest available entries that close a cycle through each bridge until there are none.
Second, widths: how far t can move is limited by the entries that go down (counts are never
negative), so a cycle through small entries may still pin a cell to a narrow range. The range
each withheld entry could take is what a reader's linear program finds (minimum and maximum
subject to the shown values and non-negativity). Negate the totals and every grid row and column
adds up to zero: the withheld entries are then a flow on the bipartite graph, each inner entry
flowing from its row to its column and each total the other way. From the true counts (one
feasible flow), an entry can grow by the most flow that can return from its head to its tail
through the others, and shrink by the most that can go forward, capped by its own count. Those
are two small max-flow problems. A rectangle of larger entries is added through any entry whose
range is narrower than k, until none is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

DEFAULT_K = 5
WITHHELD = "[c]"
INFINITE = float("inf")


@dataclass(frozen=True)
class SuppressedTable:
    """A count table with its totals; None marks a withheld entry."""

    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None
    primary: frozenset[tuple[int, int]]
    """Grid positions (row, column) withheld because they were small; r and c index totals."""
    bounds: dict[tuple[int, int], tuple[int, float]] = field(default_factory=dict)
    """The least and greatest value a reader can work out for each withheld grid position."""


def suppress(
    cells: Sequence[Sequence[int]],
    k: int = DEFAULT_K,
    forced: Collection[tuple[int, int]] = (),
) -> SuppressedTable:
    """Withhold small counts and whatever else would let a reader work them out.

    `cells` is a rectangular table of non-negative counts (rows x columns, at least one of
    each). Totals are computed here, so they always add up. `forced` grid positions are
    withheld whatever their size (a total published elsewhere only as a band), and protected
    like the small ones.
    """
    rows = [list(row) for row in cells]
    if not rows or not rows[0] or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("a count table needs at least one row and column, all the same width")
    if any(value < 0 for row in rows for value in row):
        raise ValueError("counts cannot be negative")
    grid = _with_totals(rows)
    primary = {(i, j) for i, row in enumerate(grid) for j, value in enumerate(row) if 0 < value < k}
    withheld = primary | set(forced)
    # Withholding more only widens what a reader can say about a withheld entry, so an entry
    # found wide once stays wide and is not solved for again.
    wide: set[tuple[int, int]] = set()
    while True:
        while bridge := _first_bridge(withheld):
            withheld |= _cheapest_cycle(bridge, withheld, grid)
        narrow = _first_narrow(grid, withheld, wide, k)
        if narrow is None:
            break
        withheld |= _widest_rectangle(narrow, withheld, grid, k)
    shown = _shown(grid, withheld)
    r, c = len(rows), len(rows[0])
    return SuppressedTable(
        cells=[row[:c] for row in shown[:r]],
        row_totals=[row[c] for row in shown[:r]],
        column_totals=shown[r][:c],
        total=shown[r][c],
        primary=frozenset(primary),
        bounds={cell: _reader_range(grid, withheld, cell) for cell in withheld},
    )


def display(value: int | None) -> int | str:
    """What a reader sees: the count, or one marker for every withheld count."""
    return WITHHELD if value is None else value


def _shown(grid: list[list[int]], withheld: set[tuple[int, int]]) -> list[list[int | None]]:
    return [
        [None if (i, j) in withheld else value for j, value in enumerate(row)]
        for i, row in enumerate(grid)
    ]


def _first_narrow(
    grid: list[list[int]], withheld: set[tuple[int, int]], wide: set[tuple[int, int]], k: int
) -> tuple[int, int] | None:
    """A withheld entry a reader can place within less than k, if there is one."""
    for cell in sorted(withheld - wide):
        if _width(_reader_range(grid, withheld, cell)) < k:
            return cell
        wide.add(cell)
    return None


def _reader_range(
    grid: list[list[int]], withheld: set[tuple[int, int]], cell: tuple[int, int]
) -> tuple[int, float]:
    """Least and greatest value of one withheld entry, given the others' shown values, every
    row and column adding up and no count being negative (INFINITE: no upper limit)."""
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    residual: dict[tuple[str, int], dict[tuple[str, int], float]] = {}

    def arc(i: int, j: int) -> tuple[tuple[str, int], tuple[str, int]]:
        # A total (in the last row or column, not both) flows from its column to its row.
        row, column = ("row", i), ("column", j)
        return (column, row) if (i == last_row) != (j == last_column) else (row, column)

    for i, j in withheld:
        if (i, j) == cell:
            continue
        tail, head = arc(i, j)
        residual.setdefault(tail, {})[head] = INFINITE
        back = residual.setdefault(head, {})
        back[tail] = back.get(tail, 0) + grid[i][j]
    tail, head = arc(*cell)
    value = grid[cell[0]][cell[1]]
    grow = _max_flow(residual, head, tail)
    shrink = _max_flow(residual, tail, head, limit=value)
    return value - shrink, value + grow


def _max_flow(residual: dict, source, sink, limit: float = INFINITE) -> float:
    """Most flow from source to sink along residual capacities (Edmonds-Karp), at most
    `limit`. The graphs are a table's withheld entries: tens of arcs."""
    residual = {node: dict(arcs) for node, arcs in residual.items()}
    flow: float = 0
    while flow < limit:
        parent = {source: None}
        queue = deque([source])
        while queue and sink not in parent:
            node = queue.popleft()
            for other, capacity in residual.get(node, {}).items():
                if capacity > 0 and other not in parent:
                    parent[other] = node
                    queue.append(other)
        if sink not in parent:
            break
        path = []
        node = sink
        while parent[node] is not None:
            path.append((parent[node], node))
            node = parent[node]
        push = min(limit - flow, *(residual[a][b] for a, b in path))
        if push == INFINITE:
            return INFINITE
        for a, b in path:
            residual[a][b] -= push
            residual.setdefault(b, {})[a] = residual[b].get(a, 0) + push
        flow += push
    return flow


def _width(bound: tuple[int, float]) -> float:
    return bound[1] - bound[0]


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


def _widest_rectangle(
    narrow: tuple[int, int], withheld: set[tuple[int, int]], grid: list[list[int]], k: int
) -> set[tuple[int, int]]:
    """Three more entries that close a rectangle through a narrowly bounded one.

    Around the rectangle the narrow entry and its diagonal move one way, the other two the
    other, so the entry can move by the smaller of each pair. Among rectangles that give at
    least k that way, the one withholding least; failing any, the one that gives most.
    """
    i, j = narrow
    best: tuple[tuple, set[tuple[int, int]]] | None = None
    for other_row in range(len(grid)):
        for other_column in range(len(grid[0])):
            if other_row == i or other_column == j:
                continue
            corners = {(i, other_column), (other_row, j), (other_row, other_column)}
            added = corners - withheld
            if not added:
                continue
            room = min(grid[i][j], grid[other_row][other_column]) + min(
                grid[i][other_column], grid[other_row][j]
            )
            cost = (room < k, -min(room, k), sum(grid[a][b] for a, b in added))
            if best is None or cost < best[0]:
                best = (cost, corners)
    # Every rectangle already withheld means the whole grid is, which no reader can narrow.
    assert best is not None, "a narrow entry always has a rectangle left to add"
    return best[1]
