"""Accreditation criteria for intervision as accredited learning, and attendance as proof.

KNOV's accreditation of methodical peer consultation (MIO) asks, among other things: at least
3 meetings a year of about two hours, about 6 to at most 14 participants, an attendance list
with hours, and a chair or facilitator. leercyclus checks what the data can show, as warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leercyclus.repository.findings import Finding, warning

if TYPE_CHECKING:
    from leercyclus.loading.network import Loaded
    from leercyclus.models.groups import Group


@dataclass(frozen=True, slots=True)
class Criteria:
    """What an accreditation asks of a group."""

    title: str
    meetings_a_year: int
    min_size: int
    max_size: int


CRITERIA = {"knov-mio": Criteria("KNOV MIO", 3, 6, 14)}


def accreditation_findings(loaded: Loaded[Group], cycle: str, today: dt.date) -> Iterator[Finding]:
    """LC412 for each criterion of the group's accreditation that the data shows unmet."""
    group, rel = loaded.model, loaded.rel
    if group.accreditation is None:
        return
    rule = CRITERIA[group.accreditation]
    size = len(set(group.members))
    if not rule.min_size <= size <= rule.max_size:
        yield warning(
            rel,
            "LC412",
            f"{rule.title}: {size} members; accredited groups have"
            f" {rule.min_size} to {rule.max_size}",
            ("members",),
            at_key=True,
        )
    if group.facilitator is None:
        yield warning(
            rel, "LC412", f"{rule.title}: the group has no facilitator (chair)", ("accreditation",)
        )
    years = {m.date.year for m in group.meetings}
    if cycle.isdigit():
        years.add(int(cycle))
    for year in sorted(y for y in years if y < today.year):
        held = sum(1 for m in group.meetings if m.date.year == year)
        if held < rule.meetings_a_year:
            yield warning(
                rel,
                "LC412",
                f"{rule.title}: {held} meeting(s) in {year}; at least"
                f" {rule.meetings_a_year} a year are needed",
                ("meetings",),
                at_key=True,
            )
    for m, meeting in enumerate(group.meetings):
        missing = [k for k, v in (("hours", meeting.hours), ("present", meeting.present)) if not v]
        if missing:
            yield warning(
                rel,
                "LC412",
                f"{rule.title}: the meeting of {meeting.date} has no"
                f" {' and no '.join(missing)} (the proof of participation)",
                ("meetings", m, "date"),
            )


@dataclass(frozen=True, slots=True)
class Attendance:
    """One person's attendance in a group over a cycle: the proof of participation."""

    person: str
    meetings: tuple[tuple[dt.date, float | None, str | None], ...]
    """(date, hours, method) of each meeting attended."""

    @property
    def hours(self) -> float:
        return sum(h or 0 for _, h, _ in self.meetings)


def attendance(group: Group) -> list[Attendance]:
    """Per member (and facilitator), the meetings they were present at."""
    people = list(
        dict.fromkeys([*group.members, *([group.facilitator] if group.facilitator else [])])
    )
    return [
        Attendance(
            pid,
            tuple((m.date, m.hours, m.method) for m in group.meetings if pid in m.present),
        )
        for pid in people
    ]
