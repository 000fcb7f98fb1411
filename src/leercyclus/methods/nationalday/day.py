"""The national day as data: its parels and tables resolved, its figures, its seating, its rules.

Everything here is computed from the loaded network itself (visits, self-reviews, standards), so
that the day needs no other method's code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leercyclus.models.refs import slug, split_reference
from leercyclus.repository.findings import Finding, error, warning

if TYPE_CHECKING:
    from leercyclus.loading.network import CycleData, Loaded, Network
    from leercyclus.models.nationalday import NationalDay, Participant, Table
    from leercyclus.models.visit import Parel

KIND = "national-day"
DEFAULT_MIN_GROUP = 5
RANK = {"not_met": 0, "partly_met": 1, "met": 2}
"""Judged outcomes from low to high (not_applicable is not judged)."""


def day_of(net: Network, cycle: str) -> Loaded[NationalDay] | None:
    """The cycle's national-day.yaml, when it has a valid one."""
    data = net.cycles.get(cycle)
    if data is None:
        return None
    found: Loaded[NationalDay] | None = data.files.get(KIND, {}).get("")
    return found


def min_group(net: Network) -> int:
    settings = net.settings
    if settings is None:
        return DEFAULT_MIN_GROUP
    return int(settings.model.national.min_group)


def final_outcomes(data: CycleData, standard: str) -> dict[str, str]:
    """Per institution its judged outcome of `standard`: the team's, else its own."""
    found: dict[str, str] = {}
    for inst in sorted({*data.self_reviews, *data.visits}):
        visit = data.visits.get(inst)
        review = data.self_reviews.get(inst)
        judgement = visit.model.standards.get(standard) if visit is not None else None
        own = review.model.standards.get(standard) if review is not None else None
        outcome = judgement.outcome if judgement else own.outcome if own else None
        if outcome in RANK:
            found[inst] = outcome
    return found


@dataclass(frozen=True, slots=True)
class Figures:
    """How many institutions judged a standard met, partly met and not met (never who)."""

    judged: int
    met: int
    partly_met: int
    not_met: int

    @classmethod
    def of(cls, outcomes: Sequence[str]) -> Figures:
        count = Counter(outcomes)
        return cls(len(outcomes), count["met"], count["partly_met"], count["not_met"])


def figures(data: CycleData, standard: str, least: int) -> Figures | None:
    """The network's figures for `standard`, or None when fewer than `least` judged it."""
    found = Figures.of(list(final_outcomes(data, standard).values()))
    return found if found.judged >= least else None


@dataclass(frozen=True, slots=True)
class ShownParel:
    """A parel shown on the day: never its institution, only what it is and whom to ask."""

    ref: str
    title: str
    standards: tuple[str, ...]
    contact: str | None
    email: str | None
    phone: str | None
    shared: bool


def resolve_parel(net: Network, ref: str) -> ShownParel | None:
    """The parel `parel:<cycle>/<institution>/<slug>` names, or None when there is none."""
    kind, path, _ = split_reference(ref)
    parts = path.split("/")
    if kind != "parel" or len(parts) != 3:
        return None
    cycle, inst, name = parts
    data = net.cycles.get(cycle)
    visit = data.visits.get(inst) if data is not None else None
    if visit is None:
        return None
    parel: Parel | None = next((p for p in visit.model.parels if slug(p.title) == name), None)
    if parel is None:
        return None
    contact = parel.contact
    return ShownParel(
        ref,
        parel.title,
        tuple(parel.standards),
        contact.name if contact else None,
        contact.email if contact else None,
        contact.phone if contact else None,
        parel.share,
    )


def table_standard(table: Table) -> tuple[str, str] | None:
    """(cycle, standard id) of a table's `standard:<cycle>/<id>` reference."""
    kind, path, _ = split_reference(table.standard)
    cycle, _, standard = path.partition("/")
    if kind != "standard" or not standard or "/" in standard:
        return None
    return cycle, standard


# Seating ------------------------------------------------------------------------------------


def assign(participants: Sequence[Participant], tables: Sequence[Table]) -> list[int | None]:
    """Per participant the index of its table (None: no seat left).

    Deterministic: a participant who is a table's facilitator (by name) sits at that table;
    the others are taken by institution, discipline and name; each goes to the table with a
    free seat that has the fewest of its institution, then of its discipline, then the fewest
    people, then the first. So institutions and disciplines mix as far as seats allow.
    """
    seated: list[list[int]] = [[] for _ in tables]
    result: list[int | None] = [None] * len(participants)
    leads = {t.facilitator: n for n, t in enumerate(tables) if t.facilitator}
    for i, person in enumerate(participants):
        at = leads.pop(person.name, None)  # the first with that name, once
        if at is not None:
            seated[at].append(i)
            result[i] = at
    order = sorted(
        (i for i in range(len(participants)) if result[i] is None),
        key=lambda i: (
            participants[i].institution or "",
            participants[i].discipline or "",
            participants[i].name,
            i,
        ),
    )
    for i in order:
        person = participants[i]
        free = [t for t in range(len(tables)) if len(seated[t]) < tables[t].seats]
        if not free:
            continue

        def cost(t: int, person: Participant = person) -> tuple[int, int, int, int]:
            others = [participants[j] for j in seated[t]]
            same_home = sum(
                1 for o in others if person.institution and o.institution == person.institution
            )
            same_field = sum(
                1 for o in others if person.discipline and o.discipline == person.discipline
            )
            return same_home, same_field, len(others), t

        best = min(free, key=cost)
        seated[best].append(i)
        result[i] = best
    return result


# Rules --------------------------------------------------------------------------------------


def check(net: Network, today: dt.date) -> list[Finding]:
    """LC701-LC705 on every cycle's national-day.yaml."""
    del today
    found: list[Finding] = []
    for cycle in net.cycle_order():
        loaded = day_of(net, cycle)
        if loaded is not None:
            found += _check_day(net, cycle, loaded)
    return found


def _check_day(net: Network, cycle: str, loaded: Loaded[NationalDay]) -> Iterator[Finding]:
    day, rel = loaded.model, loaded.rel
    for k, ref in enumerate(day.parels):
        parel = resolve_parel(net, ref)
        if parel is not None and not parel.shared:  # an unknown parel is LC030's
            yield error(
                rel,
                "LC701",
                f"{ref} is not marked `share: true` in its visit: it may not be shown",
                ("parels", k),
            )
    least = min_group(net)
    for k, table in enumerate(day.tables):
        where = table_standard(table)
        data = net.cycles.get(where[0]) if where else None
        if where is None or data is None or where[1] not in data.standards:
            continue  # LC030
        judged = len(final_outcomes(data, where[1]))
        if judged < least:
            yield warning(
                rel,
                "LC702",
                f"table '{table.id}': {table.standard} was judged at {judged} institution(s),"
                f" fewer than min_group {least}: its handout shows no figures",
                ("tables", k, "standard"),
            )
    yield from _overlaps(rel, day)
    yield from _participants(net, cycle, rel, day)


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _overlaps(rel: str, day: NationalDay) -> Iterator[Finding]:
    by_room: dict[str, list[int]] = {}
    for j, block in enumerate(day.programme):
        if block.room is not None:
            by_room.setdefault(block.room, []).append(j)
    for room, blocks in sorted(by_room.items()):
        for a_pos, a in enumerate(blocks):
            for b in blocks[a_pos + 1 :]:
                first, second = day.programme[a], day.programme[b]
                a_start, b_start = _minutes(first.start), _minutes(second.start)
                if a_start < b_start + second.minutes and b_start < a_start + first.minutes:
                    yield error(
                        rel,
                        "LC703",
                        f"'{second.title}' ({second.start}) overlaps '{first.title}'"
                        f" ({first.start}, {first.minutes} min) in {room}",
                        ("programme", b, "start"),
                    )


def _participants(net: Network, cycle: str, rel: str, day: NationalDay) -> Iterator[Finding]:
    known = net.institution_ids()
    for k, person in enumerate(day.participants):
        inst = person.institution
        if inst is not None and known is not None and inst not in known:
            yield error(
                rel,
                "LC704",
                f"participant {k + 1}'s institution '{inst}' is not in institutions.yaml",
                ("participants", k, "institution"),
            )
    seats = sum(t.seats for t in day.tables)
    if day.tables and len(day.participants) > seats:
        yield error(
            rel,
            "LC705",
            f"{len(day.participants)} participants, but the tables seat {seats}: add seats or"
            " a table",
            ("participants",),
            at_key=True,
        )
    del cycle
