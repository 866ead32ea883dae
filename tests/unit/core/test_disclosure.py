"""Disclosure control: no small count is ever shown, and no shown total gives one back."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.core import disclosure

THRESHOLD = 10


def safe(table):
    """What an onlooker could learn from the shown numbers of `table`, checked against the rules."""
    for key, cell in table.cells.items():
        if cell.shown:
            assert not 0 < cell.value < table.threshold, f"{key!r} shows {cell.value}"
    for total, parts in table.relations:
        if not table.cells[total].shown:
            continue
        unshown = [table.cells[key] for key in parts if not table.cells[key].shown]
        if any(0 < cell.value < table.threshold for cell in unshown):
            # Total minus the shown parts is what the unshown parts add up to: it must not single
            # out a small one, nor be small itself.
            assert len(unshown) >= 2, f"{total!r} gives back its only hidden part"
            assert sum(cell.value for cell in unshown) >= table.threshold


def test_small_counts_are_shown_as_fewer_than_the_threshold():
    table = disclosure.Table(threshold=THRESHOLD)
    for key, value in {"none": 0, "one": 1, "nine": 9, "ten": 10}.items():
        table.add(key, value)
    table.suppress()
    assert [table.shown(key) for key in ("none", "one", "nine", "ten")] == [0, None, None, 10]
    assert disclosure.display(None, THRESHOLD) == "fewer than 10"
    assert disclosure.display(0, THRESHOLD) == "0"


def test_a_total_cannot_give_back_its_one_small_part():
    table = disclosure.Table(threshold=THRESHOLD)
    table.add("positive", 30)
    table.add("mixed", 12)
    table.add("negative", 4)
    table.add("all", 46)
    table.relate("all", ["positive", "mixed", "negative"])
    table.suppress()
    assert table.shown("negative") is None
    assert table.shown("mixed") is None  # the smallest other part goes too
    assert table.shown("positive") == 30
    assert table.shown("all") == 46


def test_secondary_suppression_adds_parts_until_the_hidden_ones_add_up_to_the_threshold():
    table = disclosure.Table(threshold=THRESHOLD)
    for key, value in {"a": 2, "b": 0, "c": 11, "d": 40}.items():
        table.add(key, value)
    table.add("all", 53)
    table.relate("all", "abcd")
    table.suppress()
    # b (zero) would not protect a: together they add up to 2. c above zero is hidden first.
    assert [table.shown(key) for key in "abcd"] == [None, 0, None, 40]


def test_a_hidden_small_part_is_protected_as_well():
    table = disclosure.Table(threshold=THRESHOLD)
    table.add("everyone", 50)
    table.add("autistic", 47)
    table.add("not autistic", 3, hidden=True)  # never shown, but 50 - 47 would give it
    table.relate("everyone", ["autistic", "not autistic"])
    table.suppress()
    assert table.shown("autistic") is None
    assert table.shown("everyone") == 50


def test_relations_must_add_up():
    table = disclosure.Table(threshold=THRESHOLD)
    table.add("a", 1)
    table.add("all", 2)
    with pytest.raises(ValueError, match="do not add up"):
        table.relate("all", ["a"])
    with pytest.raises(KeyError):
        table.relate("all", ["b"])


# A table of rows, each adding up to its row total, and columns adding up to column totals, with
# the grand total: the shape of every report (themes by sentiment, groups by theme).
grids = st.integers(min_value=1, max_value=6).flatmap(
    lambda columns: st.lists(
        st.lists(st.integers(min_value=0, max_value=40), min_size=columns, max_size=columns),
        min_size=1,
        max_size=6,
    )
)


@settings(max_examples=300, deadline=None)
@given(grid=grids, threshold=st.integers(min_value=2, max_value=15), hidden_column=st.booleans())
def test_no_grid_ever_shows_or_gives_back_a_small_count(grid, threshold, hidden_column):
    table = disclosure.Table(threshold=threshold)
    columns = len(grid[0])
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            table.add((r, c), value, hidden=hidden_column and c == columns - 1)
        table.add((r, "total"), sum(row))
        table.relate((r, "total"), [(r, c) for c in range(columns)])
    for c in range(columns):
        table.add(("total", c), sum(row[c] for row in grid))
        table.relate(("total", c), [(r, c) for r in range(len(grid))])
    table.add("total", sum(map(sum, grid)))
    table.relate("total", [(r, "total") for r in range(len(grid))])
    table.relate("total", [("total", c) for c in range(columns)])
    table.suppress()
    safe(table)
