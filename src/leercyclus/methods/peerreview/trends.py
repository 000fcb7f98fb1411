"""Trends over three or more cycles: each standard followed through its lineage, like with like."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from leercyclus.loading.network import CycleData, Network
from leercyclus.methods.peerreview.aggregate import (
    Distribution,
    final_outcome,
    final_outcomes,
    outcomes_of,
    standards_by_domain,
)
from leercyclus.methods.peerreview.disclosure import published_picture
from leercyclus.methods.peerreview.lineage import lineage
from leercyclus.models import Standard
from leercyclus.models.cycle import Domain

MIN_CYCLES = 3
"""A trend needs this many cycles; with two, the comparison with the previous cycle says it."""

Why = Literal["text", "absent", "none", "small", "changed"]
"""Why a cell has no figure: the standard had another text then (or did not exist yet), the
institution did not take part, it had no outcome, fewer than min_group institutions had one, or
beside another published figure it would show the outcome of a few institutions."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One cycle of a trend: the outcomes then, or why there are none."""

    dist: Distribution | None
    why: Why | None = None

    @property
    def outcome(self) -> str | None:
        """The one outcome of an institution's cell."""
        return next((o for _, o in self.dist.nonzero), None) if self.dist else None


def _score(dist: Distribution, per_institution: bool) -> Fraction:
    """What a trend follows: the share fully met; for one institution the level reached."""
    if not per_institution:
        return dist.share("met")
    return Fraction(2 * dist.met + dist.partly_met, 2 * dist.judged) if dist.judged else Fraction(0)


@dataclass(frozen=True, slots=True)
class TrendRow:
    """A standard of this cycle and what it was in each earlier cycle of the trend."""

    standard: Standard
    ids: tuple[str | None, ...]
    """Its id in each cycle, oldest first; None where its text was another (or it did not exist)."""
    cells: tuple[Cell, ...]
    per_institution: bool = False

    @property
    def earlier_ids(self) -> list[str]:
        """Ids it had before, where they differ from today's (it `continues` another)."""
        return list(dict.fromkeys(i for i in self.ids if i is not None and i != self.standard.id))

    @property
    def change(self) -> str | None:
        """'higher', 'lower' or 'same' from its first figure to its last; None below two."""
        shown = [c.dist for c in self.cells if c.dist is not None and c.dist.judged]
        if len(shown) < 2:
            return None
        first, last = (_score(d, self.per_institution) for d in (shown[0], shown[-1]))
        return "higher" if last > first else "lower" if last < first else "same"


@dataclass(frozen=True, slots=True)
class TrendDomain:
    """A domain's outcomes per cycle, added up over the standards followed through all cycles."""

    domain: Domain
    cells: tuple[Cell, ...]
    standards: tuple[str, ...]
    """The standards it adds up: those with a figure in every cycle of the trend."""
    of: int
    """How many standards the domain has in this cycle."""


@dataclass(frozen=True, slots=True)
class Trend:
    """Outcomes over every cycle of the network's history, per standard and per domain."""

    cycles: tuple[str, ...]
    """The cycles, oldest first, following `previous` back from this one."""
    institutions: int
    """The institutions compared: those that took part in every cycle (1 for an institution)."""
    rows: list[TrendRow] = field(default_factory=list)
    """The standards followed over at least two cycles, in report order."""
    domains: list[TrendDomain] = field(default_factory=list)
    new: list[Standard] = field(default_factory=list)
    reworded: list[Standard] = field(default_factory=list)
    """Standards of this cycle whose text is new: they have no trend yet."""
    too_few: bool = False
    """Fewer than min_group institutions took part in every cycle: no figure is shown."""

    @property
    def first(self) -> str:
        return self.cycles[0]

    def has(self, *why: Why) -> bool:
        """Whether a cell of the tables is empty for one of these reasons (for the legend)."""
        cells = [c for r in self.rows for c in r.cells] + [c for d in self.domains for c in d.cells]
        return any(c.why in why for c in cells)

    @property
    def last(self) -> str:
        return self.cycles[-1]


CellOf = Callable[[int, Sequence[str | None]], Cell]
"""(index of a cycle, the standard's id per cycle) → its cell in that cycle."""


def history_of(net: Network, data: CycleData) -> list[CycleData]:
    """The cycles before `data` through `previous`, and `data` itself, oldest first."""
    found = [data]
    seen = {data.id}
    current = data
    while current.cycle is not None and (prev_id := current.cycle.model.previous) is not None:
        prev = net.cycles.get(prev_id)
        if prev is None or prev.cycle is None or prev_id in seen:
            break
        found.append(prev)
        seen.add(prev_id)
        current = prev
    return found[::-1]


def lineage_ids(net: Network, cycles: Sequence[CycleData], standard_id: str) -> list[str | None]:
    """The id of `standard_id` (of the last cycle) in each cycle while its text stayed the same."""
    ids: list[str | None] = [None] * len(cycles)
    ids[-1] = standard_id
    for k in range(len(cycles) - 1, 0, -1):
        sid = ids[k]
        history = lineage(net, cycles[k])
        if sid is None or not history.comparable(sid):
            break
        ids[k - 1] = history.matched[sid]
    return ids


def participants(data: CycleData) -> list[str]:
    return list(data.cycle.model.participants) if data.cycle else []


def national_trend(net: Network, data: CycleData, min_group: int) -> Trend | None:
    """The trend of the national report: only the institutions in every cycle, every figure
    over at least `min_group` of them and safe beside every other figure of that standard and
    cycle that a report shows (privacy.anonymize.safe_beside); None below three cycles."""
    cycles = history_of(net, data)
    if len(cycles) < MIN_CYCLES:
        return None
    everywhere = [i for i in participants(data) if all(i in participants(c) for c in cycles)]
    names = tuple(c.id for c in cycles)
    if len(everywhere) < min_group:
        return Trend(names, len(everywhere), too_few=True)

    def cell(k: int, ids: Sequence[str | None]) -> Cell:
        return _national_cell(net, cycles, k, ids, everywhere, min_group)

    return _trend(net, data, cycles, len(everywhere), cell, per_institution=False)


def institution_trend(net: Network, data: CycleData, institution_id: str) -> Trend | None:
    """The institution's own final outcomes over the cycles it took part in (three or more)."""
    cycles = history_of(net, data)
    took_part = [institution_id in participants(c) for c in cycles]
    if len(cycles) < MIN_CYCLES or sum(took_part) < MIN_CYCLES:
        return None

    def cell(k: int, ids: Sequence[str | None]) -> Cell:
        sid = ids[k]
        if sid is None:
            return Cell(None, "text")
        if not took_part[k]:
            return Cell(None, "absent")
        own, team = outcomes_of(cycles[k], institution_id).get(sid, (None, None))
        outcome = final_outcome(own, team)
        return Cell(Distribution.of([outcome]), None) if outcome else Cell(None, "none")

    return _trend(net, data, cycles, 1, cell, per_institution=True)


def _trend(
    net: Network,
    data: CycleData,
    cycles: Sequence[CycleData],
    institutions: int,
    cell: CellOf,
    *,
    per_institution: bool,
) -> Trend:
    history = lineage(net, data)
    trend = Trend(tuple(c.id for c in cycles), institutions)
    for domain, standards in standards_by_domain(data):
        whole: list[TrendRow] = []
        for standard in standards:
            ids = lineage_ids(net, cycles, standard.id)
            if ids[-2] is None:
                (trend.reworded if history.status(standard.id) == "reworded" else trend.new).append(
                    standard
                )
                continue
            cells = tuple(cell(k, ids) for k in range(len(cycles)))
            row = TrendRow(standard, tuple(ids), cells, per_institution)
            trend.rows.append(row)
            if all(c.dist is not None or c.why == "absent" for c in cells):
                whole.append(row)
        if whole:
            trend.domains.append(_domain(domain, whole, len(standards)))
    return trend


def _domain(domain: Domain, rows: list[TrendRow], of: int) -> TrendDomain:
    """The domain's cells: the sum of the rows' cells, cycle by cycle."""
    cells = []
    for k in range(len(rows[0].cells)):
        found = [r.cells[k].dist for r in rows]
        shown = [d for d in found if d is not None]
        cells.append(Cell(sum(shown, Distribution())) if shown else Cell(None, "absent"))
    return TrendDomain(domain, tuple(cells), tuple(r.standard.id for r in rows), of)


def _national_cell(
    net: Network,
    cycles: Sequence[CycleData],
    k: int,
    ids: Sequence[str | None],
    everywhere: Collection[str],
    min_group: int,
) -> Cell:
    from leercyclus.privacy.anonymize import safe_beside

    sid = ids[k]
    if sid is None:
        return Cell(None, "text")
    outcomes = {i: o for i, o in final_outcomes(cycles[k], sid).items() if i in everywhere}
    dist = Distribution.of(outcomes.values())
    if dist.judged < min_group:
        return Cell(None, "small")
    if not safe_beside(outcomes, figures_beside(net, cycles, k, ids, min_group), min_group):
        return Cell(None, "changed")
    return Cell(dist)


def figures_beside(
    net: Network, cycles: Sequence[CycleData], k: int, ids: Sequence[str | None], min_group: int
) -> list[frozenset[str]]:
    """The institutions behind every other figure of this standard in cycle k that the reports
    of cycle k up to the last one show, or may show: the sector picture, the comparisons of
    cycle k with the one before and the one after, and the trends of the cycles in between.
    A comparison or an earlier trend counts even where it withheld its figure: a safe margin."""
    data, sid = cycles[k], ids[k]
    assert sid is not None
    holders = final_outcomes(data, sid)
    groups = []
    published = published_picture(net, data, sid, min_group)
    if published.picture is not None:
        groups.append(published.group)
    for a, b in ((k - 1, k), (k, k + 1)):
        if a >= 0 and b < len(cycles) and ids[a] is not None:
            both = set(participants(cycles[a])) & set(participants(cycles[b]))
            groups.append(frozenset(i for i in holders if i in both))
    for m in range(max(k, MIN_CYCLES - 1), len(cycles) - 1):
        then = [i for i in holders if all(i in participants(c) for c in cycles[: m + 1])]
        groups.append(frozenset(then))
    return groups
