"""The seating of the national day for the network office: who sits at which table.

`day.assign` decides (deterministic, institutions and disciplines mixed); this only lays it out
for `leercyclus day assign`. It names people, so it is never written into a build."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from leercyclus.methods.nationalday.day import assign

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.models.nationalday import NationalDay, Participant


@dataclass
class TableSeats:
    """One table and who sits there (`id` None: those without a seat)."""

    id: str | None
    title: str
    room: str | None
    facilitator: str | None
    seats: int
    people: list[Participant] = field(default_factory=list)

    @property
    def homes(self) -> int:
        return len({p.institution for p in self.people if p.institution})


def seating(net: Network, day: NationalDay) -> list[TableSeats]:
    """Every table with its people, in the file's order; last, those without a seat (if any)."""
    from leercyclus.methods.nationalday.guide import _table_title

    tables = [
        TableSeats(t.id, _table_title(net, t), t.room, t.facilitator, t.seats) for t in day.tables
    ]
    left = TableSeats(None, "", None, None, 0)
    for person, seat in zip(day.participants, assign(day.participants, day.tables), strict=True):
        (tables[seat] if seat is not None else left).people.append(person)
    return [*tables, left] if left.people else tables


def seating_text(day: NationalDay, tables: list[TableSeats]) -> str:
    seats = sum(t.seats for t in tables)
    lines = [
        f"{day.title}, {day.date.isoformat()}: {len(day.participants)} participants,"
        f" {len([t for t in tables if t.id])} tables, {seats} seats"
    ]
    for t in tables:
        lines.append("")
        if t.id is None:
            lines.append("Without a seat (add seats or a table):")
        else:
            where = ", ".join(
                x for x in (t.room, f"facilitator {t.facilitator}" if t.facilitator else "") if x
            )
            lines.append(
                f"{t.title} [{t.id}]" + (f" ({where})" if where else "")
                + f": {len(t.people)} of {t.seats} seats, {t.homes} institutions"
            )  # fmt: skip
        for p in t.people:
            lines.append(f"  {p.name}  {p.institution or '-'}  {p.discipline or '-'}")
    return "\n".join(lines) + "\n"


def seating_json(day: NationalDay, tables: list[TableSeats]) -> dict[str, Any]:
    return {
        "day": day.title,
        "date": day.date.isoformat(),
        "tables": [
            {
                "id": t.id,
                "title": t.title,
                "room": t.room,
                "facilitator": t.facilitator,
                "seats": t.seats,
                "people": [p.model_dump() for p in t.people],
            }
            for t in tables
        ],
    }
