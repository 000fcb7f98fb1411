"""Report data of groups: a group's year for its members, and the network's view (no names)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leercyclus.methods.groups import data
from leercyclus.methods.groups.accreditation import CRITERIA, attendance
from leercyclus.methods.groups.texts import VALUES
from leercyclus.models.groups import EXPERIENCE_ROLES

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.models.actions import Action
    from leercyclus.models.groups import Group, Person

ROLE_NL = {
    "professional": "professional",
    "client": "cliënt",
    "relative": "naaste",
    "expert_by_experience": "ervaringsdeskundige",
    "network_staff": "netwerkmedewerker",
}
ROLE_EN = {
    "professional": "professional",
    "client": "client",
    "relative": "relative",
    "expert_by_experience": "expert by experience",
    "network_staff": "network staff",
}


def label(pid: str, known: dict[str, Person], language: str) -> str:
    """How a group's own report names a person: a professional by name (if given), anyone with
    experience of care only by role and id, never by name."""
    person = known.get(pid)
    if person is None:
        return pid
    roles = ROLE_NL if language == "nl" else ROLE_EN
    if person.role in EXPERIENCE_ROLES or not person.name:
        return f"{roles[person.role]} {pid}"
    return person.name


@dataclass(frozen=True)
class OpenAction:
    meeting: dt.date | None
    action: Action
    owner: str
    overdue: bool


@dataclass(frozen=True)
class AttendanceRow:
    person: str
    discipline: str
    meetings: int
    hours: float
    dates: tuple[dt.date, ...]


@dataclass(frozen=True)
class GroupYear:
    """One group's year, for its members."""

    cycle: str
    group: Group
    theme: str | None
    facilitator: str | None
    members: list[tuple[str, str]]
    """(label, role or discipline)."""
    present: list[list[str]]
    """Per meeting, the labels of who was there."""
    open_actions: list[OpenAction]
    attendance: list[AttendanceRow]
    accreditation: str | None
    total_hours: float


def group_year(net: Network, cycle: str, gid: str, language: str, today: dt.date) -> GroupYear:
    group = data.groups(net, cycle)[gid].model
    known = data.people(net)
    roles = ROLE_NL if language == "nl" else ROLE_EN

    def name(pid: str) -> str:
        return label(pid, known, language)

    def what(pid: str) -> str:
        person = known.get(pid)
        if person is None:
            return ""
        return person.discipline or roles[person.role]

    open_actions: list[OpenAction] = []
    for meeting in group.meetings:
        for action in meeting.actions:
            if action.status in ("open", "in_progress"):
                owner = name(action.owner) if action.owner in known else action.owner
                open_actions.append(OpenAction(meeting.date, action, owner, action.due < today))
    for evaluation in group.evaluations:
        for action in evaluation.next:
            if action.status in ("open", "in_progress"):
                owner = name(action.owner) if action.owner in known else action.owner
                open_actions.append(OpenAction(evaluation.date, action, owner, action.due < today))
    rows = [
        AttendanceRow(
            name(a.person),
            what(a.person),
            len(a.meetings),
            a.hours,
            tuple(d for d, _, _ in a.meetings),
        )
        for a in attendance(group)
    ]
    cycle_model = net.cycles[cycle].cycle
    theme = None
    if cycle_model is not None and cycle_model.model.theme is not None:
        theme = cycle_model.model.theme.title
    return GroupYear(
        cycle=cycle,
        group=group,
        theme=theme,
        facilitator=name(group.facilitator) if group.facilitator else None,
        members=[(name(pid), what(pid)) for pid in group.members],
        present=[[name(pid) for pid in m.present] for m in group.meetings],
        open_actions=open_actions,
        attendance=rows,
        accreditation=CRITERIA[group.accreditation].title if group.accreditation else None,
        total_hours=sum(m.hours or 0 for m in group.meetings),
    )


@dataclass(frozen=True)
class GroupView:
    """One group as every participant may see it: no names, no ids of people."""

    title: str
    kind: str
    angle: str | None
    size: int
    experience: int
    disciplines: int
    institutions: int
    meetings: int
    insights: list[str]
    agreements: list[str]
    actions_done: int
    actions_open: int


@dataclass(frozen=True)
class Story:
    title: str
    teller: str
    values: list[str]
    text: str
    evidence: list[str]


@dataclass
class NetworkView:
    """The network's view of its groups in one cycle."""

    cycle: str
    theme: str | None
    groups: list[GroupView] = field(default_factory=list)
    helps: list[tuple[str, int]] = field(default_factory=list)
    hinders: list[tuple[str, int]] = field(default_factory=list)
    needed: list[tuple[str, int]] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    kinds: list[tuple[str, int, int]] = field(default_factory=list)
    """(kind, groups, meetings)."""
    roles: list[tuple[str, int]] = field(default_factory=list)
    """(role, people) over all groups."""


def network_view(net: Network, cycle: str, language: str) -> NetworkView:
    known = data.people(net)
    cycle_model = net.cycles[cycle].cycle
    theme = None
    if cycle_model is not None and cycle_model.model.theme is not None:
        theme = cycle_model.model.theme.title
    view = NetworkView(cycle, theme)
    helps: Counter[str] = Counter()
    hinders: Counter[str] = Counter()
    needed: Counter[str] = Counter()
    kinds: dict[str, list[int]] = {}
    everyone: set[str] = set()
    for loaded in data.groups(net, cycle).values():
        group = loaded.model
        members = [known[m] for m in group.members if m in known]
        everyone |= set(group.members)
        shared = [m for m in group.meetings if m.shared]
        actions = [a for m in group.meetings for a in m.actions]
        view.groups.append(
            GroupView(
                title=group.title,
                kind=group.kind,
                angle=group.theme_angle,
                size=len(group.members),
                experience=sum(1 for p in members if p.role in EXPERIENCE_ROLES),
                disciplines=len(data.disciplines(group, known)),
                institutions=len({p.institution for p in members if p.institution}),
                meetings=len(group.meetings),
                insights=[i for m in shared for i in m.insights],
                agreements=[a for m in shared for a in m.agreements],
                actions_done=sum(1 for a in actions if a.status == "done"),
                actions_open=sum(1 for a in actions if a.status in ("open", "in_progress")),
            )
        )
        row = kinds.setdefault(group.kind, [0, 0])
        row[0] += 1
        row[1] += len(group.meetings)
        for evaluation in group.evaluations:
            if evaluation.shared:
                helps.update(evaluation.helps)
                hinders.update(evaluation.hinders)
                needed.update(evaluation.needed)
    view.helps = helps.most_common()
    view.hinders = hinders.most_common()
    view.needed = needed.most_common()
    view.kinds = [(k, v[0], v[1]) for k, v in sorted(kinds.items())]
    roles = ROLE_NL if language == "nl" else ROLE_EN
    counted = Counter(known[p].role for p in everyone if p in known)
    view.roles = [(roles[r], n) for r, n in sorted(counted.items())]
    for told in data.stories(net, cycle).values():
        story = told.model
        if story.share == "network":
            view.stories.append(
                Story(
                    story.title,
                    story.teller,
                    [VALUES[language][v] for v in story.cycles_of_value],
                    story.story,
                    list(story.evidence),
                )
            )
    return view
