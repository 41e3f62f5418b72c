"""Where small-number suppression draws its lines: k itself is shown, k - 1 is not, zero is not
small, and a table it cannot work with is refused with a reason."""

import pytest

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
