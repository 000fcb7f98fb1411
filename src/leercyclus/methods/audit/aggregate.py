"""From the audit files to what a location's report shows: the score profile, the observations,
where observers differed, the change since the previous audit, the conversations, the trail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leercyclus.methods.audit.agreement import alpha, enough_for_alpha
from leercyclus.methods.audit.data import AuditCycle
from leercyclus.models.audit import NOT_OBSERVED

if TYPE_CHECKING:
    from leercyclus.loading.network import Loaded
    from leercyclus.models.actions import Action
    from leercyclus.models.audit import AuditRecord, Conversation, Framework


@dataclass(frozen=True)
class ObserverScore:
    observer: str
    role: str
    perspective: str
    unit: str | None
    score: str
    label: str
    observations: list[str]


@dataclass(frozen=True)
class Trail:
    """A theme's way from score to action: quiz, meanings per level, agreements."""

    quiz: list[tuple[str, dict[str, int]]]
    """(conversation level title, answers per scale level) of each quiz about the theme."""
    meanings: list[tuple[dt.date, str, str]]
    """(date, level title, text)."""
    agreements: list[Action]


@dataclass(frozen=True)
class ThemeResult:
    id: str
    title: str
    kind: str
    score: str | None
    """The agreed score, else the observers' median (the lower one of two), else None."""
    agreed: bool
    label: str
    agreed_note: str | None
    scores: list[ObserverScore]
    counts: dict[str, int]
    """Per scale level, how many observers gave it."""
    differed: bool
    previous: str | None
    change: int | None
    """Steps up (+) or down (-) since the previous audit of the location; None: no previous."""
    previous_agreements: list[Action]
    trail: Trail
    questions: list[str]


@dataclass
class LocationReport:
    cycle: str
    institution: str
    institution_name: str
    location: str
    location_name: str
    dates: list[dt.date]
    observers: list[tuple[str, str, str]]
    scale: list[tuple[str, str]]
    hard: list[ThemeResult]
    soft: list[ThemeResult]
    alpha: float | None
    alpha_shown: bool
    previous_cycle: str | None
    conversations: list[ConversationEntry]
    open_agreements: list[tuple[str, Action]]
    """(conversation level title, agreement) of every agreement still open or in progress."""
    discussed_by_team: dt.date | None = None
    team_due: dt.date | None = None

    @property
    def themes(self) -> list[ThemeResult]:
        return [*self.hard, *self.soft]


@dataclass(frozen=True)
class ConversationEntry:
    id: str
    date: dt.date
    level: str
    level_title: str
    participants: list[str]
    quiz: list[tuple[str, dict[str, int]]]
    meanings: list[tuple[str, str]]
    unexpected: list[str]
    agreements: list[Action]
    escalate_to: list[str]
    cycle: str = ""


def rank(fw: Framework, score: str) -> int | None:
    ids = [lv.id for lv in fw.scale.levels]
    return ids.index(score) if score in ids else None


def central(fw: Framework, scores: list[str]) -> str | None:
    """The lower median of the observers' scores (an ordinal scale has no mean)."""
    ranks = sorted(r for s in scores if (r := rank(fw, s)) is not None)
    if not ranks:
        return None
    return str(fw.scale.levels[ranks[(len(ranks) - 1) // 2]].id)


def shown_score(fw: Framework, record: AuditRecord, theme: str) -> tuple[str | None, bool]:
    """A theme's score as the report shows it, and whether the observers agreed on it."""
    agreed = record.agreed.get(theme)
    if agreed is not None and rank(fw, agreed.score) is not None:
        return agreed.score, True
    return central(fw, [s.score for s in record.scores.get(theme, [])]), False


def conversation_entry(fw: Framework, cycle: str, talk: Conversation) -> ConversationEntry:
    titles = {lv.id: lv.title for lv in fw.levels}
    themes = {t.id: t.title for t in fw.themes}
    return ConversationEntry(
        talk.id,
        talk.date,
        talk.level,
        titles.get(talk.level, talk.level),
        list(talk.participants),
        [(themes.get(q.theme, q.theme), dict(q.answers)) for q in talk.quiz],
        [(themes.get(m.theme, m.theme), m.text) for m in talk.meanings],
        list(talk.unexpected),
        list(talk.agreements),
        [titles.get(lv, lv) for lv in talk.escalate_to],
        cycle,
    )


def location_report(
    cycles: list[AuditCycle],
    index: int,
    institution: str,
    location: str,
    names: tuple[str, str],
) -> LocationReport:
    """The report of one location's audit in cycles[index], against its previous audit."""
    cycle = cycles[index]
    assert cycle.framework is not None
    fw = cycle.framework.model
    record = cycle.audits[institution, location].model
    previous = _previous(cycles, index, institution, location)
    prev_fw = previous[0].framework.model if previous and previous[0].framework else None
    talks = [c for c in cycle.conversations_of(institution) if cycle.covers(c.model, location)]
    prev_talks = (
        [c for c in previous[0].conversations_of(institution)
         if previous[0].covers(c.model, location)]
        if previous else []
    )  # fmt: skip
    labels = {lv.id: lv.label for lv in fw.scale.levels}
    roles = {o.id: o for o in record.observers}
    themes: list[ThemeResult] = []
    for theme in fw.themes:
        given = record.scores.get(theme.id, [])
        score, agreed = shown_score(fw, record, theme.id)
        ranks = {r for s in given if (r := rank(fw, s.score)) is not None}
        before = None
        if previous is not None and prev_fw is not None and theme.id in previous[1].scores:
            before = shown_score(prev_fw, previous[1], theme.id)[0]
        change = None
        if before is not None and score is not None:
            a, b = rank(prev_fw, before) if prev_fw else None, rank(fw, score)
            change = b - a if a is not None and b is not None else None
        counts = {lv.id: 0 for lv in fw.scale.levels}
        for s in given:
            if s.score in counts:
                counts[s.score] += 1
        themes.append(
            ThemeResult(
                theme.id, theme.title, theme.kind, score, agreed,
                labels.get(score, "") if score else "",
                record.agreed[theme.id].note if theme.id in record.agreed else None,
                [
                    ObserverScore(
                        s.observer,
                        roles[s.observer].role if s.observer in roles else s.observer,
                        roles[s.observer].perspective if s.observer in roles else "",
                        s.unit, s.score,
                        labels.get(s.score, "niet gezien" if s.score == NOT_OBSERVED else s.score),
                        list(s.observations),
                    )
                    for s in given
                ],
                counts,
                len(ranks) > 1,
                before,
                change,
                [a for c in prev_talks for a in c.model.agreements if theme.id in a.themes],
                _trail(fw, talks, theme.id),
                list(theme.questions),
            )
        )  # fmt: skip
    units = [[rank(fw, s.score) for s in record.scores.get(t.id, [])] for t in fw.themes]
    by_observer = [
        [next((rank(fw, s.score) for s in record.scores.get(t.id, []) if s.observer == o.id), None)
         for o in record.observers]
        for t in fw.themes
    ]  # fmt: skip
    scored = sum(1 for u in units if sum(r is not None for r in u) >= 2)
    shown = enough_for_alpha(len(record.observers), scored)
    value = alpha(by_observer, list(range(len(fw.scale.levels)))) if shown else None
    titles = {lv.id: lv.title for lv in fw.levels}
    open_items = [
        (titles.get(c.model.level, c.model.level), a)
        for cyc in (cycles[: index + 1])
        for c in cyc.conversations_of(institution)
        if cyc.covers(c.model, location)
        for a in c.model.agreements
        if a.status in ("open", "in_progress")
    ]
    team = [c.model.date for c in talks if c.model.level == fw.levels[0].id]
    return LocationReport(
        cycle.id, institution, names[0], location, names[1],
        sorted(record.dates),
        [(o.id, o.role, o.perspective) for o in record.observers],
        [(lv.id, lv.label) for lv in fw.scale.levels],
        [t for t in themes if t.kind == "hard"],
        [t for t in themes if t.kind == "soft"],
        value, shown,
        previous[0].id if previous else None,
        [conversation_entry(fw, cycle.id, c.model) for c in talks],
        open_items,
        min(team) if team else None,
        max(record.dates) + dt.timedelta(days=fw.discuss_within_days),
    )  # fmt: skip


def _previous(
    cycles: list[AuditCycle], index: int, institution: str, location: str
) -> tuple[AuditCycle, AuditRecord] | None:
    for cycle in reversed(cycles[:index]):
        found: Loaded[AuditRecord] | None = cycle.audits.get((institution, location))
        if found is not None:
            return cycle, found.model
    return None


def _trail(fw: Framework, talks: list[Loaded[Conversation]], theme: str) -> Trail:
    titles = {lv.id: lv.title for lv in fw.levels}
    return Trail(
        [(titles.get(c.model.level, c.model.level), dict(q.answers))
         for c in talks for q in c.model.quiz if q.theme == theme],
        [(c.model.date, titles.get(c.model.level, c.model.level), m.text)
         for c in talks for m in c.model.meanings if m.theme == theme],
        [a for c in talks for a in c.model.agreements if theme in a.themes],
    )  # fmt: skip
