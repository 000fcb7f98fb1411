"""How a cycle's standards relate to the previous cycle's: continued, reworded, new or dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from leercyclus.loading.network import CycleData, Network
from leercyclus.models import Standard
from leercyclus.models.evaluation import Verdict

Status = Literal["new", "reworded", "same"]


@dataclass(frozen=True)
class Lineage:
    """This cycle's standards against those of `previous` (None: there is no previous cycle).

    A standard continues one of the previous cycle as `leercyclus diff` matches them: by
    `continues`, else by the same id. It is *reworded* when its text differs (spacing aside):
    its outcomes then answer another question and are never compared with the old ones. A
    change of title, guidance, domain or type only is *revised*: the question is the same.
    """

    previous: str | None
    matched: dict[str, str] = field(default_factory=dict)
    """Id in this cycle → id in the previous one."""
    reworded: frozenset[str] = frozenset()
    revised: frozenset[str] = frozenset()
    new: tuple[Standard, ...] = ()
    dropped: tuple[Standard, ...] = ()
    old: dict[str, Standard] = field(default_factory=dict)
    """The previous cycle's standards by id."""
    current: dict[str, Standard] = field(default_factory=dict)
    """This cycle's standards by id."""
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    """The previous cycle's evaluation: why a standard was reworded or dropped."""

    def status(self, standard_id: str) -> Status:
        if standard_id not in self.matched:
            return "new"
        return "reworded" if standard_id in self.reworded else "same"

    def comparable(self, standard_id: str) -> bool:
        """Whether outcomes of this standard may be set beside the previous cycle's."""
        return self.status(standard_id) == "same"


def lineage(net: Network, data: CycleData) -> Lineage:
    """The lineage of `data`'s standards (computed once per cycle)."""
    key = ("lineage",)
    if key not in data.memo:
        data.memo[key] = _lineage(net, data)
    found: Lineage = data.memo[key]
    return found


def _lineage(net: Network, data: CycleData) -> Lineage:
    from leercyclus.methods.peerreview.diff import compare

    prev_id = data.cycle.model.previous if data.cycle else None
    prev = net.cycles.get(prev_id) if prev_id else None
    if prev_id is None or prev is None or prev.cycle is None or prev_id == data.id:
        return Lineage(None)
    diff = compare(net, prev_id, data.id)
    matched = {s: s for s in diff.unchanged}
    reworded, revised = set(), set()
    for change in diff.changed:
        matched[change.new.id] = change.old.id
        if any(f.name == "text" for f in change.fields):
            reworded.add(change.new.id)
        else:
            revised.add(change.new.id)
    return Lineage(
        previous=prev_id,
        matched=matched,
        reworded=frozenset(reworded),
        revised=frozenset(revised),
        new=tuple(diff.added),
        dropped=tuple(diff.dropped),
        old={s.model.id: s.model for s in prev.standards.values()},
        current={s.model.id: s.model for s in data.standards.values()},
        verdicts=diff.verdicts,
    )
