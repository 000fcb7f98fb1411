"""What the national day's programme, handouts and slides show: nothing that names an
institution or a participant (figures only over at least `min_group` institutions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leercyclus.methods.nationalday.day import (
    Figures,
    ShownParel,
    assign,
    figures,
    min_group,
    resolve_parel,
    table_standard,
)
from leercyclus.methods.nationalday.texts import TEXTS

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.models.nationalday import NationalDay


@dataclass
class Handout:
    """One table's handout: its challenge, the network's figures, questions and parels."""

    id: str
    title: str
    standard: str
    text: str
    room: str | None
    seats: int
    people: int
    homes: int
    figures: Figures | None
    previous: tuple[str, Figures] | None
    questions: list[str]
    parels: list[ShownParel] = field(default_factory=list)
    facilitator: str | None = None


@dataclass
class DayView:
    day: NationalDay
    network: str
    cycle: str
    min_group: int
    parels: list[ShownParel]
    handouts: list[Handout]
    ends: list[str]
    previous: tuple[str, NationalDay] | None = None
    """The previous cycle's day (its cycle and the day), when it had one: its ambitions and
    agreements come back on this day's programme."""


def day_view(net: Network, cycle: str, day: NationalDay, language: str) -> DayView:
    """What the programme and the handouts show: nothing that names an institution."""
    w = TEXTS[language]
    least = min_group(net)
    shown = [p for p in (resolve_parel(net, ref) for ref in day.parels) if p and p.shared]
    seats = assign(day.participants, day.tables)
    handouts = []
    for n, table in enumerate(day.tables):
        at = [day.participants[i] for i, s in enumerate(seats) if s == n]
        homes = len({p.institution for p in at if p.institution})
        where = table_standard(table)
        data = net.cycles.get(where[0]) if where else None
        loaded = data.standards.get(where[1]) if where and data else None
        title, text, sid, numbers, before = table.id, "", table.standard, None, None
        if where is not None and data is not None and loaded is not None:
            title, text, sid = loaded.model.title, loaded.model.text, where[1]
            numbers = figures(data, sid, least)
            prev_id = data.cycle.model.previous if data.cycle is not None else None
            prev = net.cycles.get(prev_id) if prev_id else None
            old = loaded.model.continues
            if prev is not None and old is not None and old in prev.standards:
                earlier = figures(prev, old, least)
                before = (prev.id, earlier) if earlier is not None else None
        title = table.title or title
        questions = [w["w3_what"].format(title=title), w["w3_so_what"], w["w3_now_what"]]
        helping = [p for p in shown if sid in p.standards]
        handouts.append(
            Handout(
                table.id, title, sid, text, table.room, table.seats, len(at), homes,
                numbers, before, questions, helping, table.facilitator,
            )
        )  # fmt: skip
    ends = []
    for block in day.programme:
        hours, minutes = divmod(
            int(block.start[:2]) * 60 + int(block.start[3:]) + block.minutes, 60
        )
        ends.append(f"{hours % 24:02d}:{minutes:02d}")
    network = net.settings.model.network if net.settings is not None else ""
    return DayView(day, network, cycle, least, shown, handouts, ends, _previous_day(net, cycle))


def _previous_day(net: Network, cycle: str) -> tuple[str, NationalDay] | None:
    """The newest day of an earlier cycle that recorded ambitions or agreements."""
    from leercyclus.methods.nationalday.day import day_of

    for earlier in reversed(net.cycles_up_to(cycle)[:-1]):
        loaded = day_of(net, earlier)
        if loaded is not None and (loaded.model.ambitions or loaded.model.agreements):
            return earlier, loaded.model
    return None
