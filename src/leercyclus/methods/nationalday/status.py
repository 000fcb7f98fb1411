"""What `leercyclus status` adds for the national day: what the network office still has to
arrange before the day, and what the last day left to follow up.

Before the day (the cycle's own national-day.yaml, while its date is still ahead): parels on
the programme whose institution did not consent (`share: true`) or that name no contact, tables
without a facilitator, participants without a seat.

After the last day (the newest national-day.yaml whose date has passed, in this cycle or an
earlier one): its ambitions that no action in any action plan names as its source
(`source: ambition:<cycle>/<slug>`), and its agreements that are still open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from leercyclus.methods.nationalday.day import assign, day_of, resolve_parel
from leercyclus.models.refs import slug

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.models.nationalday import NationalDay


@dataclass(frozen=True, slots=True)
class Row:
    """One thing for the network office to arrange or follow up."""

    cycle: str
    """The cycle whose national day it is about."""
    what: str
    """`parel without consent`, `parel without contact`, `table without facilitator`,
    `participants without seat` (how many), `ambition not in an action plan`, `agreement open` or
    `agreement overdue`."""
    subject: str
    """The parel's reference, the table's id, the participant, the ambition or agreement."""
    detail: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


ADVICE = (
    "ask for share: true, or drop it",
    "add contact to the parel",
    "add seats or a table; `leercyclus day assign` shows who",
)
"""The rows' details that are advice in words (the others name data: a reference, an owner)."""


def ambition_id(cycle: str, text: str) -> str:
    """The reference path of an ambition: `<cycle>/<slug of its text>` (`ambition:` before it)."""
    return f"{cycle}/{slug(text)}"


def day_rows(net: Network, cycle: str, today: dt.date, sources: Iterable[str]) -> list[Row]:
    """Everything the national day still asks of the network office, as seen from `cycle`.

    `sources` are the `source` references of every action of every method (the caller gathers
    them: a method does not read another's files)."""
    rows: list[Row] = []
    loaded = day_of(net, cycle)
    if loaded is not None and loaded.model.date >= today:
        rows += _before(net, cycle, loaded.model)
    for past in reversed(net.cycles_up_to(cycle)):
        found = day_of(net, past)
        if found is not None and found.model.date < today:
            rows += _after(past, found.model, today, set(sources))
            break
    return rows


def _before(net: Network, cycle: str, day: NationalDay) -> list[Row]:
    rows = []
    for ref in day.parels:
        parel = resolve_parel(net, ref)
        if parel is None:
            continue  # LC030 names it
        if not parel.shared:
            rows.append(Row(cycle, "parel without consent", ref, ADVICE[0]))
        elif not parel.contact:
            rows.append(Row(cycle, "parel without contact", ref, ADVICE[1]))
    for table in day.tables:
        if table.facilitator is None:
            rows.append(Row(cycle, "table without facilitator", table.id, table.standard))
    seats = assign(day.participants, day.tables) if day.tables else []
    unseated = sum(1 for seat in seats if seat is None)
    if unseated:  # how many, not who: status may be read in a shared log (`day assign` names)
        rows.append(Row(cycle, "participants without seat", str(unseated), ADVICE[2]))
    return rows


def _after(cycle: str, day: NationalDay, today: dt.date, sources: set[str]) -> list[Row]:
    rows = []
    for text in day.ambitions:
        ref = f"ambition:{ambition_id(cycle, text)}"
        if ref not in sources:
            rows.append(Row(cycle, "ambition not in an action plan", text, ref))
    for action in day.agreements:
        if action.status in ("open", "in_progress"):
            late = action.due < today
            what = "agreement overdue" if late else "agreement open"
            rows.append(Row(cycle, what, action.id, f"{action.owner}, {action.due.isoformat()}"))
    return rows
