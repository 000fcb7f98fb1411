"""Pure functions from the loaded network to the data of one institution's report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from leercyclus.models import ActionPlan, Standard
from leercyclus.models.cycle import Domain, Theme
from leercyclus.models.visit import Oester, Parel
from leercyclus.repository.network import CycleData

OUTCOMES = ("met", "partly_met", "not_met", "not_applicable")


@dataclass(frozen=True, slots=True)
class Distribution:
    """How many institutions (or judgements) per outcome."""

    met: int = 0
    partly_met: int = 0
    not_met: int = 0
    not_applicable: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[str | None]) -> Distribution:
        counts = Counter(o for o in outcomes if o is not None)
        return cls(*(counts[o] for o in OUTCOMES))

    def __add__(self, other: Distribution) -> Distribution:
        return Distribution(*(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return (self.met, self.partly_met, self.not_met, self.not_applicable)

    @property
    def judged(self) -> int:
        """Everything but not_applicable: the base of every share."""
        return self.met + self.partly_met + self.not_met

    @property
    def total(self) -> int:
        return self.judged + self.not_applicable

    def share(self, *outcomes: str) -> float:
        """The share of the judged (not_applicable left out) with one of `outcomes`."""
        if not self.judged:
            return 0.0
        counts = dict(zip(OUTCOMES, self.counts, strict=True))
        return sum(counts[o] for o in outcomes) / self.judged

    def percent(self, *outcomes: str) -> int:
        return round(100 * self.share(*outcomes))


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which data a report shows: tool version, commit and the commit's date."""

    version: str
    commit: str | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class Meta:
    """What every report shows on its cover."""

    network: str
    language: str
    cycle_id: str
    cycle_title: str
    min_group: int
    participants: int
    standards: int
    provenance: Provenance


def final_outcome(self_outcome: str | None, team_outcome: str | None) -> str | None:
    """The outcome the reports use: the team's where it judged, else the self-review's."""
    return team_outcome if team_outcome is not None else self_outcome


def final_outcomes(data: CycleData, standard_id: str) -> dict[str, str]:
    """Per participant with an outcome for the standard: its final outcome."""
    result: dict[str, str] = {}
    participants = data.cycle.model.participants if data.cycle else []
    for inst in participants:
        review = data.self_reviews.get(inst)
        visit = data.visits.get(inst)
        own = review.model.standards.get(standard_id) if review else None
        team = visit.model.standards.get(standard_id) if visit else None
        outcome = final_outcome(own.outcome if own else None, team.outcome if team else None)
        if outcome is not None:
            result[inst] = outcome
    return result


def network_picture(data: CycleData, standard_id: str, min_group: int) -> Distribution | None:
    """The network's distribution for a standard, or None when fewer than min_group judged it.

    Every institution report shows it for every standard: it is computed once per cycle.
    """
    key = ("picture", standard_id, min_group)
    if key not in data.memo:
        dist = Distribution.of(final_outcomes(data, standard_id).values())
        data.memo[key] = dist if dist.judged >= min_group else None
    picture: Distribution | None = data.memo[key]
    return picture


def standards_by_domain(data: CycleData) -> list[tuple[Domain, list[Standard]]]:
    """The cycle's domains in order, each with its standards in natural id order."""
    from leercyclus.repository.network import natural_key

    assert data.cycle is not None
    standards = sorted((s.model for s in data.standards.values()), key=lambda s: natural_key(s.id))
    return [(d, [s for s in standards if s.domain == d.id]) for d in data.cycle.model.domains]


@dataclass(frozen=True, slots=True)
class StandardRow:
    """One standard in an institution report: self-review beside the team's view."""

    standard: Standard
    self_outcome: str | None
    explanation: str | None
    evidence: list[str]
    team_outcome: str | None
    team_note: str | None
    previous: str | None
    network: Distribution | None

    @property
    def final(self) -> str | None:
        return final_outcome(self.self_outcome, self.team_outcome)

    @property
    def differs(self) -> bool:
        """Self-review and team disagree: material for the conversation."""
        return (
            self.self_outcome is not None
            and self.team_outcome is not None
            and self.self_outcome != self.team_outcome
        )


@dataclass(frozen=True, slots=True)
class DomainBlock:
    """A domain's standards and its counts, self-review beside team."""

    domain: Domain
    rows: list[StandardRow]

    @property
    def own(self) -> Distribution:
        return Distribution.of(r.self_outcome for r in self.rows)

    @property
    def team(self) -> Distribution:
        return Distribution.of(r.team_outcome for r in self.rows)

    @property
    def final(self) -> Distribution:
        return Distribution.of(r.final for r in self.rows)


@dataclass(frozen=True, slots=True)
class TeamLine:
    """A review-team member as the report shows them: role, discipline, home institution."""

    role: str
    discipline: str | None
    institution: str | None


@dataclass(frozen=True, slots=True)
class InstitutionReport:
    """Everything the confidential report of one institution shows."""

    meta: Meta
    institution_id: str
    institution: str
    visit_date: dt.date | None
    self_review_date: dt.date | None
    self_review_participants: list[str]
    theme: Theme | None
    theme_reflection: str | None
    team: list[TeamLine]
    domains: list[DomainBlock]
    parels: list[Parel]
    oesters: list[Oester]
    standard_titles: dict[str, str]
    previous_cycle: str | None
    previous_plan: ActionPlan | None
    plan: ActionPlan | None

    @property
    def rows(self) -> list[StandardRow]:
        return [r for block in self.domains for r in block.rows]

    @property
    def differences(self) -> list[StandardRow]:
        return [r for r in self.rows if r.differs]
