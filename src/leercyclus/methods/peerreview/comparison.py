"""The national comparison with the previous cycle: like with like, or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from leercyclus.loading.network import CycleData, Network
from leercyclus.methods.peerreview.aggregate import (
    Distribution,
    final_outcome,
    final_outcomes,
    outcomes_of,
    standards_by_domain,
)
from leercyclus.methods.peerreview.lineage import Lineage
from leercyclus.models import Standard


@dataclass(frozen=True, slots=True)
class ComparedRow:
    """One standard, its text unchanged, over the institutions that took part in both cycles."""

    standard: Standard
    previous_id: str
    before: Distribution
    after: Distribution

    @property
    def change(self) -> str:
        """'higher', 'lower' or 'same': the share fully met, compared exactly (not rounded)."""
        before, after = self.before.share("met"), self.after.share("met")
        return "higher" if after > before else "lower" if after < before else "same"


Disclose = Callable[[ComparedRow], bool]
"""Whether a compared row may be published: the national report asks `kept_apart`; another rule
plugs in here."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """What the comparison shows, and what it leaves out and why."""

    previous_cycle: str
    institutions: int
    """How many institutions took part in both cycles: the only ones compared."""
    same_group: bool
    """Both cycles had exactly the same participants."""
    rows: list[ComparedRow]
    reworded: list[Standard]
    new: list[Standard]
    withheld: list[Standard]
    """Unchanged standards left out: too few institutions judged them in both cycles."""
    apart: list[Standard] = field(default_factory=list)
    """Unchanged standards with enough institutions that `disclose` left out all the same:
    beside another figure their row would give the outcome of a few (`kept_apart`)."""

    @property
    def up(self) -> list[ComparedRow]:
        return [r for r in self.rows if r.change == "higher"]

    @property
    def down(self) -> list[ComparedRow]:
        return [r for r in self.rows if r.change == "lower"]


def at_least(min_group: int) -> Disclose:
    """The default rule: at least `min_group` institutions judged the standard in both cycles."""
    return lambda row: row.before.judged >= min_group and row.after.judged >= min_group


def kept_apart(net: Network, data: CycleData, min_group: int) -> Disclose:
    """The national report's rule: at least `min_group` institutions judged the standard in both
    cycles, and neither of the row's two figures, over the institutions of both cycles, can be
    subtracted from another figure of its standard and cycle (the sector's row, a trend) to read
    the outcome of the few who joined or left (privacy.anonymize.safe_beside)."""
    from leercyclus.methods.peerreview.trends import (
        figures_beside,
        history_of,
        lineage_ids,
        participants,
    )
    from leercyclus.privacy.anonymize import safe_beside

    enough = at_least(min_group)
    cycles = history_of(net, data)
    if len(cycles) < 2:
        return enough
    both = set(participants(cycles[-2])) & set(participants(cycles[-1]))

    def allow(row: ComparedRow) -> bool:
        if not enough(row):
            return False
        ids = lineage_ids(net, cycles, row.standard.id)
        for k in (len(cycles) - 2, len(cycles) - 1):
            sid = ids[k]
            assert sid is not None  # a compared standard continues one of the previous cycle
            group = [i for i in final_outcomes(cycles[k], sid) if i in both]
            if not safe_beside(group, figures_beside(net, cycles, k, ids, min_group), min_group):
                return False
        return True

    return allow


def compare(
    prev: CycleData,
    data: CycleData,
    history: Lineage,
    min_group: int,
    disclose: Disclose | None = None,
) -> Comparison:
    """Compare `data` with `prev`: only the institutions in both, only standards whose text is
    unchanged, each row published only where `disclose` allows it."""
    assert prev.cycle is not None and data.cycle is not None and history.previous is not None
    before_ids, after_ids = prev.cycle.model.participants, data.cycle.model.participants
    common = [i for i in after_ids if i in before_ids]
    enough = at_least(min_group)
    allow = disclose or enough
    rows: list[ComparedRow] = []
    withheld: list[Standard] = []
    apart: list[Standard] = []
    reworded: list[Standard] = []
    new: list[Standard] = []
    for _, standards in standards_by_domain(data):
        for standard in standards:
            status = history.status(standard.id)
            if status == "new":
                new.append(standard)
                continue
            if status == "reworded":
                reworded.append(standard)
                continue
            old_id = history.matched[standard.id]
            row = ComparedRow(
                standard,
                old_id,
                _distribution(prev, old_id, common),
                _distribution(data, standard.id, common),
            )
            if allow(row):
                rows.append(row)
            elif enough(row):
                apart.append(standard)
            else:
                withheld.append(standard)
    return Comparison(
        previous_cycle=history.previous,
        institutions=len(common),
        same_group=set(before_ids) == set(after_ids),
        rows=rows,
        reworded=reworded,
        new=new,
        withheld=withheld,
        apart=apart,
    )


def _distribution(data: CycleData, standard_id: str, institutions: list[str]) -> Distribution:
    outcomes = []
    for inst in institutions:
        own, team = outcomes_of(data, inst).get(standard_id, (None, None))
        outcomes.append(final_outcome(own, team))
    return Distribution.of(outcomes)
