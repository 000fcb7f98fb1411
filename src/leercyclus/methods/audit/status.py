"""Where the Samen-Audit of a cycle stands: per audited location its team conversation, the
escalations not yet taken up, and its open and overdue agreements."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from leercyclus.methods.audit.data import audit_cycles, last_date

if TYPE_CHECKING:
    from leercyclus.loading.network import Network


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audited location's row: `team` is discussed, due, late or missing."""

    institution: str
    location: str
    audited: str
    team: str
    team_date: str | None
    team_due: str
    escalations_open: list[str]
    agreements_open: int
    agreements_overdue: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def audit_status(net: Network, cycle_id: str, today: dt.date) -> list[AuditRow]:
    """A row per audited location of the cycle (none when the cycle has no audit)."""
    cycles = audit_cycles(net)
    index = next((n for n, c in enumerate(cycles) if c.id == cycle_id), None)
    if index is None or cycles[index].framework is None:
        return []
    cycle = cycles[index]
    assert cycle.framework is not None
    fw = cycle.framework.model
    team_level = fw.levels[0].id
    later = [c.model for cyc in cycles[index:] for c in cyc.conversations.values()]
    rows = []
    for (inst, loc), record in sorted(cycle.audits.items()):
        due = last_date(record.model) + dt.timedelta(days=fw.discuss_within_days)
        talks = [c.model for c in cycle.conversations_of(inst) if cycle.covers(c.model, loc)]
        held = sorted(c.date for c in talks if c.level == team_level)
        if held:
            team = "discussed" if held[0] <= due else "late"
        else:
            team = "missing" if today > due else "due"
        open_escalations = [
            f"{c.id} → {level}"
            for c in talks
            for level in c.escalate_to
            if not any(o.level == level and o.date >= c.date and o.id != c.id for o in later)
        ]
        agreements = [a for c in talks for a in c.agreements if a.status in ("open", "in_progress")]
        rows.append(
            AuditRow(
                inst,
                loc,
                max(record.model.dates).isoformat(),
                team,
                held[0].isoformat() if held else None,
                due.isoformat(),
                open_escalations,
                len(agreements),
                sum(1 for a in agreements if a.due < today),
            )
        )
    return rows
