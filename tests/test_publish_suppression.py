"""Small-number suppression: no small count is shown, one marker stands for every withheld
count, and a reader with a linear-programming solver cannot narrow any withheld count to a
range under k wide, in one table or in two tables that share a total."""

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from workbench.suppression import WITHHELD, display, suppress

K = 5

count_tables = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda columns: st.lists(
            st.lists(
                # Mostly small counts, so suppression has work to do, with some zeros and big ones.
                st.one_of(st.integers(0, 6), st.integers(0, 40)),
                min_size=columns,
                max_size=columns,
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


def grid_of(table):
    r, c = len(table.cells), len(table.cells[0])
    grid = [table.cells[i] + [table.row_totals[i]] for i in range(r)]
    grid.append(table.column_totals + [table.total])
    return grid, r, c


def true_grid(cells):
    grid = [list(row) + [sum(row)] for row in cells]
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    return grid


def line_equations(shown, r, c, index, offset=0, width=None):
    """Each grid row and column of one table: the entries before the last add up to the last.
    `index` maps (table, i, j) of withheld entries to variable numbers."""
    width = width or len(index)
    equations, constants = [], []
    for line in [[(i, j) for j in range(c + 1)] for i in range(r + 1)] + [
        [(i, j) for i in range(r + 1)] for j in range(c + 1)
    ]:
        coefficients = np.zeros(width)
        constant = 0.0
        for position, (i, j) in enumerate(line):
            sign = -1.0 if position == len(line) - 1 else 1.0
            if (offset, i, j) in index:
                coefficients[index[(offset, i, j)]] += sign
            else:
                constant -= sign * shown[i][j]
        equations.append(coefficients)
        constants.append(constant)
    return equations, constants


def solve_bounds(index, equations, constants):
    """Min and max of every withheld entry a reader can reach (LP, non-negative counts)."""
    bounds = {}
    for cell, n in index.items():
        objective = np.zeros(len(index))
        objective[n] = 1.0
        low = linprog(objective, A_eq=equations, b_eq=constants, bounds=(0, None))
        high = linprog(-objective, A_eq=equations, b_eq=constants, bounds=(0, None))
        # Unbounded above (status 3) is the best protection of all.
        bounds[cell] = (low.fun, float("inf") if high.status == 3 else -high.fun)
    return bounds


def reader_bounds(shown, r, c):
    """What a reader can learn about each withheld entry of one table from the shown ones."""
    unknown = [(0, i, j) for i in range(r + 1) for j in range(c + 1) if shown[i][j] is None]
    index = {cell: n for n, cell in enumerate(unknown)}
    equations, constants = line_equations(shown, r, c, index)
    return {(i, j): bound for (_, i, j), bound in solve_bounds(index, equations, constants).items()}


@settings(max_examples=100, deadline=None)
@given(count_tables)
# Always tried, not left to chance: the rectangle of smallest sum holds zeros, and a withheld
# zero can be worked out by anyone who knows that counts are never negative.
@example([[1, 0], [6, 0]])
@example([[0, 12], [0, 2], [12, 6]])
def test_no_small_count_is_shown_and_no_withheld_entry_can_be_worked_out(cells):
    table = suppress(cells, K)
    shown, r, c = grid_of(table)
    truth = true_grid(cells)
    for i in range(r + 1):
        for j in range(c + 1):
            if shown[i][j] is not None:
                assert shown[i][j] == truth[i][j]
                assert not 0 < shown[i][j] < K
    for cell, (low, high) in reader_bounds(shown, r, c).items():
        assert high - low >= K - 1e-6, (cell, low, high, cells)
        assert display(shown[cell[0]][cell[1]]) == WITHHELD
        # What suppress() believes a reader can work out is what the solver works out.
        assert table.bounds[cell] == pytest.approx((low, high)), (cell, cells)


def test_a_single_small_cell_takes_a_whole_rectangle_with_it_under_one_marker():
    table = suppress([[2, 10], [20, 30]], K)
    assert table.cells[0][0] is None
    shown, r, c = grid_of(table)
    withheld = [(i, j) for i in range(r + 1) for j in range(c + 1) if shown[i][j] is None]
    assert len(withheld) >= 4
    assert {display(shown[i][j]) for i, j in withheld} == {WITHHELD}
    assert display(7) == 7


def test_a_cycle_through_small_cells_is_widened_until_no_cell_is_pinned_within_k():
    # Withholding the rectangle of 1s and 2s stops subtraction, yet a solver pins each of
    # them to within 3 of its value: more must go.
    table = suppress([[1, 2, 40], [2, 1, 40], [30, 30, 30]], K)
    shown, r, c = grid_of(table)
    found = reader_bounds(shown, r, c)
    assert len(found) > 4
    assert all(high - low >= K - 1e-6 for low, high in found.values())
    assert set(table.bounds) == set(found)
    for cell, bound in found.items():
        assert table.bounds[cell] == pytest.approx(bound)


@settings(max_examples=40, deadline=None)
@given(count_tables)
def test_a_forced_total_is_withheld_and_cannot_be_worked_out(cells):
    r, c = len(cells), len(cells[0])
    table = suppress(cells, K, forced={(r, c)})
    assert table.total is None
    shown, _, _ = grid_of(table)
    for cell, (low, high) in reader_bounds(shown, r, c).items():
        assert high - low >= K - 1e-6, (cell, low, high, cells)


@settings(max_examples=40, deadline=None)
@given(count_tables, st.data())
def test_two_tables_that_share_a_total_leave_every_withheld_count_k_wide(cells, data):
    """The same stories counted two ways (by month and channel, by area): each table forces
    the shared total, and a reader who links the two totals still cannot narrow any entry."""
    total = sum(map(sum, cells))
    columns = data.draw(st.integers(1, 4))
    other = [[0] * columns]
    for _ in range(total):
        other[0][data.draw(st.integers(0, columns - 1))] += 1
    tables = [(cells, len(cells), len(cells[0])), (other, 1, columns)]
    shown_grids = []
    for t_cells, r, c in tables:
        shown, _, _ = grid_of(suppress(t_cells, K, forced={(r, c)}))
        shown_grids.append(shown)
    unknown = [
        (t, i, j)
        for t, (shown, (_, r, c)) in enumerate(zip(shown_grids, tables, strict=True))
        for i in range(r + 1)
        for j in range(c + 1)
        if shown[i][j] is None
    ]
    index = {cell: n for n, cell in enumerate(unknown)}
    equations, constants = [], []
    for t, (shown, (_, r, c)) in enumerate(zip(shown_grids, tables, strict=True)):
        eq, const = line_equations(shown, r, c, index, offset=t)
        equations += eq
        constants += const
    link = np.zeros(len(index))
    link[index[(0, tables[0][1], tables[0][2])]] = 1.0
    link[index[(1, 1, columns)]] = -1.0
    equations.append(link)
    constants.append(0.0)
    for cell, (low, high) in solve_bounds(index, equations, constants).items():
        assert high - low >= K - 1e-6, (cell, low, high, cells, other)


def test_a_table_of_large_counts_is_shown_whole():
    table = suppress([[12, 10], [20, 30]], K)
    assert table.cells == [[12, 10], [20, 30]]
    assert table.row_totals == [22, 50]
    assert table.total == 72


@pytest.mark.parametrize("cells", [[], [[]], [[1, 2], [3]], [[-1]]])
def test_malformed_tables_are_refused(cells):
    with pytest.raises(ValueError):
        suppress(cells)
