"""Where small-number suppression draws its lines: k itself is shown, k - 1 is not, zero is not
small, and a table it cannot work with is refused with a reason."""

import pytest
from test_publish_suppression import grid_of, reader_bounds

from workbench.suppression import display, suppress


@pytest.mark.parametrize("k", [5, 10])
def test_a_count_of_k_is_shown_and_one_less_is_withheld(k):
    shown = suppress([[k, 40], [30, 50]], k)
    assert shown.cells == [[k, 40], [30, 50]] and shown.primary == frozenset()
    withheld = suppress([[k - 1, 40], [30, 50]], k)
    assert withheld.cells[0][0] is None
    assert withheld.primary == frozenset({(0, 0)})
    assert display(withheld.cells[0][0]) == "[c]"


def test_zero_is_not_a_small_count():
    table = suppress([[0, 12], [9, 30]])
    assert table.cells == [[0, 12], [9, 30]]
    assert table.primary == frozenset()


SHAPE = "a count table needs at least one row and column, all the same width"


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ([], SHAPE),
        ([[]], SHAPE),
        ([[1, 2], [3]], SHAPE),
        ([[7, -1]], "counts cannot be negative"),
    ],
)
def test_a_table_it_cannot_suppress_is_refused_with_the_reason(cells, reason):
    with pytest.raises(ValueError) as refused:
        suppress(cells)
    assert str(refused.value) == reason


def test_a_withheld_count_exactly_k_wide_is_protected_enough():
    """The promise is a range at least k wide, not wider than k: suppression stops once every
    withheld count is k wide, rather than withholding more counts than it needs to."""
    table = suppress([[14, 14, 1, 6], [40, 21, 12, 37], [32, 2, 25, 11], [4, 3, 10, 2]], 5)
    shown, r, c = grid_of(table)
    widths = [high - low for low, high in reader_bounds(shown, r, c).values()]
    assert min(widths) == pytest.approx(5)
