"""`status` for groups: behind on meetings, overdue action points, due for rotation."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from leercyclus.methods.groups import data

if TYPE_CHECKING:
    from leercyclus.loading.network import Network


@dataclass(frozen=True, slots=True)
class GroupState:
    """Where one group stands on a day."""

    group: str
    kind: str
    meetings: int
    planned: int | None
    expected: int | None
    """Meetings that should have been held by now (the planned ones spread over the year)."""
    open_actions: int
    overdue_actions: int
    rotate: bool
    """Due for rotation: met often enough, composed long enough, no later groups yet."""

    @property
    def behind(self) -> bool:
        return self.expected is not None and self.meetings < self.expected

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "behind": self.behind}


def group_status(net: Network, cycle: str, today: dt.date) -> list[GroupState]:
    """Every group of `cycle`, as of `today`."""
    settings = data.settings(net)
    later = data.next_cycle(net, cycle)
    rows: list[GroupState] = []
    for gid, loaded in data.groups(net, cycle).items():
        group = loaded.model
        held = sum(1 for m in group.meetings if m.date <= today)
        actions = [a for m in group.meetings for a in m.actions]
        actions += [a for e in group.evaluations for a in e.next]
        open_ = [a for a in actions if a.status in ("open", "in_progress")]
        composed_later = later is not None and any(
            g.model.kind == group.kind for g in data.groups(net, later).values()
        )
        rotate = (
            group.kind in settings.rotating
            and held >= settings.meetings_before_rotation
            and data.unchanged_cycles(net, cycle, group) >= settings.rotate_after_cycles
            and not composed_later
        )
        rows.append(
            GroupState(
                group=gid,
                kind=group.kind,
                meetings=held,
                planned=group.planned_meetings,
                expected=_expected(cycle, group.planned_meetings, today),
                open_actions=len(open_),
                overdue_actions=sum(1 for a in open_ if a.due < today),
                rotate=rotate,
            )
        )
    return rows


def _expected(cycle: str, planned: int | None, today: dt.date) -> int | None:
    """The planned meetings spread evenly over the cycle's year (a cycle named by its year)."""
    if planned is None or not cycle.isdigit():
        return None
    year = int(cycle)
    if today.year > year:
        return planned
    if today.year < year:
        return 0
    elapsed = (today - dt.date(year, 1, 1)).days / 365
    return int(planned * elapsed)
