"""Disclosure control: small numbers never leave the database.

Every count the steering area, its CSV, its report or its API shows goes through here. A count from 1
to `threshold - 1` (the setting PORTAL_SUPPRESSION_THRESHOLD, 10 by default) is *primary* suppressed
and shown as "fewer than 10". Zero is shown: it identifies nobody.

Hiding the small cell is not enough when a total is shown beside it: total minus the other cells gives
it back. So a table also names its *relations*: a total and the parts that add up to it. For every
relation whose total is shown, the cells not shown (suppressed, or never shown at all, such as "everyone
else") must add up to at least the threshold, or contain nothing sensitive. Where they do not, the
smallest shown part is suppressed too (*secondary* suppression, preferring parts above zero), and so on
until no relation gives a small number away. Suppression only ever grows, so this ends.

    table = Table(threshold=10)
    table.add("positive", 12); table.add("negative", 4); table.add("all", 16)
    table.relate("all", ["positive", "negative"])
    table.suppress()
    table.shown("negative")  # None: primary
    table.shown("positive")  # None: secondary, or 16 - 12 would reveal the 4

A cell can be *hidden*: part of a relation but never shown (everyone who is not autistic, say). A hidden
cell protects like a suppressed one, but if it is small it is sensitive, so a shown total and shown
siblings must not give it away either.

Known limit (ADR 0013): this protects each table, not every pair of tables. Someone comparing two
filtered views can sometimes take one from the other; reports only ever hold approved, redacted,
anonymous feedback, and the threshold makes such differences rare and uncertain.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _


def threshold() -> int:
    return settings.PORTAL_SUPPRESSION_THRESHOLD


def is_small(value: int, limit: int | None = None) -> bool:
    """A count that must not be shown: from 1 to the threshold less one."""
    limit = threshold() if limit is None else limit
    return 0 < value < limit


def fewer_than_text(limit: int | None = None) -> str:
    limit = threshold() if limit is None else limit
    return _("fewer than %(threshold)s") % {"threshold": limit}


@dataclass
class Cell:
    value: int
    hidden: bool = False
    suppressed: bool = False

    @property
    def shown(self) -> bool:
        return not self.hidden and not self.suppressed


@dataclass
class Table:
    """Named counts and the relations between them; `suppress()` decides what may be shown."""

    threshold: int = field(default_factory=threshold)
    cells: dict[Hashable, Cell] = field(default_factory=dict)
    relations: list[tuple[Hashable, tuple[Hashable, ...]]] = field(default_factory=list)

    def add(self, key: Hashable, value: int, *, hidden: bool = False) -> None:
        if value < 0:
            raise ValueError("Counts cannot be negative.")
        self.cells[key] = Cell(int(value), hidden=hidden)

    def relate(self, total: Hashable, parts: Iterable[Hashable]) -> None:
        """`total` is the sum of `parts` (every part must be added first)."""
        parts = tuple(parts)
        missing = [key for key in (total, *parts) if key not in self.cells]
        if missing:
            raise KeyError(f"Relation names cells that were never added: {missing!r}")
        if sum(self.cells[key].value for key in parts) != self.cells[total].value:
            raise ValueError(f"The parts of {total!r} do not add up to it.")
        self.relations.append((total, parts))

    def suppress(self) -> Table:
        for cell in self.cells.values():
            if is_small(cell.value, self.threshold):
                cell.suppressed = True
        changed = True
        while changed:
            changed = False
            for total, parts in self.relations:
                changed |= self._protect(total, parts)
        return self

    def _protect(self, total: Hashable, parts: tuple[Hashable, ...]) -> bool:
        """Make one relation safe; True if anything more was suppressed."""
        total_cell = self.cells[total]
        if not total_cell.shown:
            return False
        changed = False
        while True:
            unshown = [self.cells[key] for key in parts if not self.cells[key].shown]
            if not any(is_small(cell.value, self.threshold) for cell in unshown):
                return changed
            if len(unshown) >= 2 and sum(cell.value for cell in unshown) >= self.threshold:
                return changed
            candidates = [key for key in parts if self.cells[key].shown]
            if not candidates:
                # Everything is already hidden and still adds up to too little: the total itself is small
                # and was suppressed above, so this cannot happen for a relation with a shown total.
                total_cell.suppressed = True
                return True
            smallest = min(candidates, key=lambda key: (self.cells[key].value == 0, self.cells[key].value))
            self.cells[smallest].suppressed = True
            changed = True

    def shown(self, key: Hashable) -> int | None:
        """The count to show, or None where it must not be shown."""
        cell = self.cells[key]
        return cell.value if cell.shown else None

    def is_suppressed(self, key: Hashable) -> bool:
        return self.cells[key].suppressed


def display(value: int | None, limit: int | None = None) -> str:
    """How a count reads on a page or in a CSV: the number, or "fewer than 10"."""
    return fewer_than_text(limit) if value is None else str(value)
