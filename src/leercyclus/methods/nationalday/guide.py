"""The dialogue guide (gespreksleidraad) of one institution: questions drawn from its own data.

Each question carries the facts a facilitator needs beside it. Selection is stable: the same
data gives the same questions in the same order (ties are broken by standard id, then title).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leercyclus.methods.nationalday.day import RANK, day_of
from leercyclus.methods.nationalday.texts import METHOD_NAMES, TEXTS

if TYPE_CHECKING:
    from leercyclus.loading.method import Fact
    from leercyclus.loading.network import CycleData, Network
    from leercyclus.models.nationalday import Table

MAX_GAPS = 3
MAX_OESTERS = 3
MAX_DECLINES = 3
MAX_ACTIONS = 5
MAX_SURPRISES = 3
MAX_OPEN = 3
SURPRISE_TOPICS = ("audit",)
"""Fact topics (`Fact.topic`, or their first part before a dash: `audit-score`) that are a
score or finding of another method which the institution may not have expected."""


@dataclass(frozen=True, slots=True)
class Question:
    """One question for the reflection meeting, with its facts for the facilitator."""

    kind: str
    """gap | oester | decline | action | surprise | open | ambition."""
    text: str
    facts: tuple[str, ...]
    step: str
    """The W³ step it belongs to: what, so_what or now_what."""


@dataclass
class Guide:
    institution: str
    name: str
    network: str
    cycle: str
    today: dt.date
    questions: list[Question] = field(default_factory=list)
    seats: list[tuple[str, str]] = field(default_factory=list)
    """(participant, table title) of the institution's people on the national day."""
    day: str | None = None


def _natural(text: str) -> list[tuple[int, int | str]]:
    from leercyclus.loading.network import natural_key

    return natural_key(text)


def _title(data: CycleData, standard: str) -> str:
    loaded = data.standards.get(standard)
    return f"{standard} {loaded.model.title}" if loaded is not None else standard


def gaps(data: CycleData, inst: str, language: str) -> list[Question]:
    """The largest differences between the self-review and the team, both directions."""
    w = TEXTS[language]
    review, visit = data.self_reviews.get(inst), data.visits.get(inst)
    if review is None or visit is None:
        return []
    found: list[tuple[int, list[tuple[int, int | str]], Question]] = []
    for standard, own in review.model.standards.items():
        team = visit.model.standards.get(standard)
        if team is None or own.outcome not in RANK or team.outcome not in RANK:
            continue
        size = RANK[own.outcome] - RANK[team.outcome]
        if size == 0:
            continue
        title = _title(data, standard)
        text = (w["gap_lower"] if size > 0 else w["gap_higher"]).format(standard=title)
        facts = [
            w["fact_self"].format(outcome=w[own.outcome]),
            w["fact_team"].format(outcome=w[team.outcome]),
        ]
        if team.note:
            facts.append(w["fact_team_note"].format(note=team.note))
        found.append((-abs(size), _natural(standard), Question("gap", text, tuple(facts), "what")))
    found.sort(key=lambda f: (f[0], f[1]))
    return [q for _, _, q in found[:MAX_GAPS]]


def oesters(data: CycleData, inst: str, language: str) -> list[Question]:
    """The team's oesters, with its suggestions, in the order the team wrote them."""
    w = TEXTS[language]
    visit = data.visits.get(inst)
    if visit is None:
        return []
    questions = []
    for oester in visit.model.oesters[:MAX_OESTERS]:
        facts = [oester.text]
        if oester.suggestion:
            facts.append(w["fact_suggestion"].format(suggestion=oester.suggestion))
        if oester.standards:
            facts.append(w["fact_standards"].format(standards=", ".join(oester.standards)))
        text = w["oester_question"].format(title=oester.title)
        questions.append(Question("oester", text, tuple(facts), "so_what"))
    return questions


def declines(net: Network, data: CycleData, inst: str, language: str) -> list[Question]:
    """Standards judged lower than last cycle, compared like with like (`continues`)."""
    w = TEXTS[language]
    prev_id = data.cycle.model.previous if data.cycle is not None else None
    prev = net.cycles.get(prev_id) if prev_id else None
    if prev is None:
        return []
    now, before = _finals(data, inst), _finals(prev, inst)
    found = []
    for standard, loaded in data.standards.items():
        old = loaded.model.continues
        if old is None or standard not in now or old not in before:
            continue
        drop = RANK[before[old]] - RANK[now[standard]]
        if drop <= 0:
            continue
        title = _title(data, standard)
        facts = (
            w["fact_before"].format(cycle=prev.id, standard=old, outcome=w[before[old]]),
            w["fact_now"].format(cycle=data.id, outcome=w[now[standard]]),
        )
        text = w["decline_question"].format(standard=title)
        found.append((-drop, _natural(standard), Question("decline", text, facts, "so_what")))
    found.sort(key=lambda f: (f[0], f[1]))
    return [q for _, _, q in found[:MAX_DECLINES]]


def _finals(data: CycleData, inst: str) -> dict[str, str]:
    review, visit = data.self_reviews.get(inst), data.visits.get(inst)
    found: dict[str, str] = {}
    if review is not None:
        found |= {s: a.outcome for s, a in review.model.standards.items() if a.outcome in RANK}
    if visit is not None:
        found |= {s: j.outcome for s, j in visit.model.standards.items() if j.outcome in RANK}
    return found


def open_actions(
    net: Network, data: CycleData, inst: str, language: str, today: dt.date
) -> list[Question]:
    """Last cycle's actions that are still open or in progress; overdue ones first."""
    w = TEXTS[language]
    prev_id = data.cycle.model.previous if data.cycle is not None else None
    prev = net.cycles.get(prev_id) if prev_id else None
    plan = prev.actions.get(inst) if prev is not None else None
    if plan is None:
        return []
    pending = [a for a in plan.model.actions if a.status in ("open", "in_progress")]
    pending.sort(key=lambda a: (a.due >= today, a.due, a.id))
    questions = []
    for action in pending[:MAX_ACTIONS]:
        overdue = action.due < today
        facts = [
            w["fact_action"].format(
                owner=action.owner, due=action.due.isoformat(), status=w[action.status]
            )
        ]
        if overdue:
            facts.append(w["fact_overdue"].format(days=(today - action.due).days))
        if action.progress:
            last = max(action.progress, key=lambda p: p.date)
            facts.append(w["fact_progress"].format(date=last.date.isoformat(), note=last.note))
        text = w["action_question"].format(what=action.what)
        questions.append(Question("action", text, tuple(facts), "now_what"))
    return questions


def from_facts(facts: Iterable[Fact], inst: str, language: str) -> list[Question]:
    """What the other learning methods know of `inst` (`ReportRun.facts`), as questions.

    A fact that something is still missing (`open`: an improvement project without a result)
    asks what it needs; an audit fact asks what surprised. Each shows the fact beside it, for
    the facilitator. Stable: ordered by method, topic, subject and text; at most MAX_OPEN and
    MAX_SURPRISES. Other facts are not asked about (the institution report lists them).
    """
    w = TEXTS[language]
    mine = sorted(
        (f for f in facts if f.institution == inst),
        key=lambda f: (f.method, f.topic, f.about, f.text),
    )
    pending, surprises = [], []
    for fact in mine:
        beside = [fact.text]
        if fact.about:
            beside.append(w["fact_about"].format(about=fact.about))
        method = METHOD_NAMES[language].get(fact.method, fact.method)
        beside.append(w["fact_source"].format(method=method))
        if fact.open:
            pending.append(Question("open", w["open_question"], tuple(beside), "now_what"))
        elif fact.topic.split("-")[0] in SURPRISE_TOPICS:
            surprises.append(Question("surprise", w["surprise_question"], tuple(beside), "so_what"))
    return [*surprises[:MAX_SURPRISES], *pending[:MAX_OPEN]]


def _table_title(net: Network, table: Table) -> str:
    from leercyclus.methods.nationalday.day import table_standard

    where = table_standard(table)
    data = net.cycles.get(where[0]) if where else None
    loaded = data.standards.get(where[1]) if where and data else None
    return table.title or (loaded.model.title if loaded is not None else table.id)


def guide(
    net: Network,
    cycle: str,
    inst: str,
    language: str,
    today: dt.date,
    facts: Iterable[Fact] = (),
) -> Guide:
    """The dialogue guide of `inst` for its reflection on `cycle`; `facts` are what the other
    learning methods know (the report run's `facts`): only those of `inst` are used."""
    w = TEXTS[language]
    data = net.cycles[cycle]
    name = inst
    if net.register is not None:
        name = next((i.name for i in net.register.model.institutions if i.id == inst), inst)
    network = net.settings.model.network if net.settings is not None else ""
    result = Guide(inst, name, network, cycle, today)
    result.questions = [
        *gaps(data, inst, language),
        *declines(net, data, inst, language),
        *oesters(data, inst, language),
        *from_facts(facts, inst, language),
        *open_actions(net, data, inst, language, today),
        Question("ambition", w["ambition_question"], (), "now_what"),
    ]
    loaded = day_of(net, cycle)
    if loaded is not None:
        from leercyclus.methods.nationalday.day import assign

        day = loaded.model
        result.day = w["day_line"].format(title=day.title, date=day.date.isoformat())
        seats = assign(day.participants, day.tables)
        for person, seat in zip(day.participants, seats, strict=True):
            if person.institution == inst and seat is not None:
                result.seats.append((person.name, _table_title(net, day.tables[seat])))
    return result
