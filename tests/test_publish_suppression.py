"""Small-number suppression: no small count is shown, and none can be worked out from totals."""

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from workbench.suppression import SECONDARY, display, suppress

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


def reader_bounds(shown, r, c):
    """What a reader can learn about each withheld entry from the shown ones (LP bounds)."""
    unknown = [(i, j) for i in range(r + 1) for j in range(c + 1) if shown[i][j] is None]
    index = {cell: n for n, cell in enumerate(unknown)}
    equations, constants = [], []
    for line in [[(i, j) for j in range(c + 1)] for i in range(r + 1)] + [
        [(i, j) for i in range(r + 1)] for j in range(c + 1)
    ]:
        # Each line: the entries before the last add up to the last.
        coefficients = np.zeros(len(unknown))
        constant = 0.0
        for position, (i, j) in enumerate(line):
            sign = -1.0 if position == len(line) - 1 else 1.0
            if (i, j) in index:
                coefficients[index[(i, j)]] += sign
            else:
                constant -= sign * shown[i][j]
        equations.append(coefficients)
        constants.append(constant)
    bounds = {}
    for cell, n in index.items():
        objective = np.zeros(len(unknown))
        objective[n] = 1.0
        low = linprog(objective, A_eq=equations, b_eq=constants, bounds=(0, None))
        high = linprog(-objective, A_eq=equations, b_eq=constants, bounds=(0, None))
        # Unbounded above (status 3) is the best protection of all.
        bounds[cell] = (low.fun, float("inf") if high.status == 3 else -high.fun)
    return bounds


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
        assert high - low > 0.5, (cell, low, high, cells)


def test_a_single_small_cell_takes_a_whole_rectangle_with_it():
    table = suppress([[2, 10], [20, 30]], K)
    assert table.cells == [[None, None], [None, None]] or table.cells[0][0] is None
    shown, r, c = grid_of(table)
    withheld = [(i, j) for i in range(r + 1) for j in range(c + 1) if shown[i][j] is None]
    assert len(withheld) >= 4
    assert display(None, (0, 0), table) == "<5"
    secondary = next(cell for cell in withheld if cell != (0, 0))
    assert display(None, secondary, table) == SECONDARY


def test_a_table_of_large_counts_is_shown_whole():
    table = suppress([[12, 10], [20, 30]], K)
    assert table.cells == [[12, 10], [20, 30]]
    assert table.row_totals == [22, 50]
    assert table.total == 72


@pytest.mark.parametrize("cells", [[], [[]], [[1, 2], [3]], [[-1]]])
def test_malformed_tables_are_refused(cells):
    with pytest.raises(ValueError):
        suppress(cells)
