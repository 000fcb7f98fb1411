"""Pure functions from the loaded network to report data: counts, shares, rankings, outcomes."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

from leercyclus.loading.method import Fact
from leercyclus.loading.network import CycleData
from leercyclus.models import ActionPlan, Standard
from leercyclus.models.actions import Action, Progress
from leercyclus.models.cycle import Domain, Theme
from leercyclus.models.visit import Oester, Parel, Session
from leercyclus.publishing.provenance import Provenance
from leercyclus.publishing.texts import percent

if TYPE_CHECKING:
    pass

OUTCOMES = ("met", "partly_met", "not_met", "not_applicable")
LEVEL = {"not_met": 0, "partly_met": 1, "met": 2}
"""The outcomes that can be better or worse than one another (not_applicable cannot)."""

Item = TypeVar("Item")


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

    @property
    def nonzero(self) -> list[tuple[int, str]]:
        """(count, outcome) for the outcomes with a count, in order: for '2 volledig · 6 deels'."""
        return [(n, o) for n, o in zip(self.counts, OUTCOMES, strict=True) if n]

    @property
    def not_fully(self) -> int:
        """Partly met or not met."""
        return self.partly_met + self.not_met

    def share(self, *outcomes: str) -> Fraction:
        """The exact share of the judged (not_applicable left out) with one of `outcomes`."""
        if not self.judged:
            return Fraction(0)
        counts = dict(zip(OUTCOMES, self.counts, strict=True))
        return Fraction(sum(counts[o] for o in outcomes), self.judged)

    def percent(self, *outcomes: str) -> int:
        """The share as a whole percentage, halves rounded up (the reports' one rounding)."""
        return percent(self.share(*outcomes))


def ranked(
    items: Sequence[Item],
    score: Callable[[Item], Fraction],
    top: int,
    *,
    tiebreak: Callable[[Item], Fraction] | None = None,
) -> list[Item]:
    """The `top` items with the highest score, and every item that ties with the last of them.

    A list is never cut through a tie: whether an item is in depends on its score alone.
    Within the list, a higher `tiebreak` goes first among equal scores; beyond that, items keep
    the order they were given in (report order).
    """
    order = sorted(
        items,
        key=lambda i: (score(i), tiebreak(i) if tiebreak else Fraction(0)),
        reverse=True,
    )
    if len(order) <= top:
        return order
    cut = score(order[top - 1])
    return [i for i in order if score(i) >= cut]


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


def outcomes_of(data: CycleData, institution_id: str) -> dict[str, tuple[str | None, str | None]]:
    """Per standard id that has any outcome: (self-review's outcome, team's outcome).

    Every report asks for these many times: they are worked out once per institution and cycle.
    """
    key = ("outcomes", institution_id)
    if key not in data.memo:
        review = data.self_reviews.get(institution_id)
        visit = data.visits.get(institution_id)
        own = review.model.standards if review else {}
        team = visit.model.standards if visit else {}
        data.memo[key] = {
            sid: (
                own[sid].outcome if sid in own else None,
                team[sid].outcome if sid in team else None,
            )
            for sid in {*own, *team}
        }
    found: dict[str, tuple[str | None, str | None]] = data.memo[key]
    return found


def final_outcomes(data: CycleData, standard_id: str) -> dict[str, str]:
    """Per participant with an outcome for the standard: its final outcome."""
    result: dict[str, str] = {}
    participants = data.cycle.model.participants if data.cycle else []
    for inst in participants:
        own, team = outcomes_of(data, inst).get(standard_id, (None, None))
        outcome = final_outcome(own, team)
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
    from leercyclus.loading.network import natural_key

    assert data.cycle is not None
    standards = sorted((s.model for s in data.standards.values()), key=lambda s: natural_key(s.id))
    return [(d, [s for s in standards if s.domain == d.id]) for d in data.cycle.model.domains]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9'‘\"“(])")


def first_sentence(text: str) -> str:
    """The first sentence of a free text, for a one-line summary."""
    whole = " ".join(text.split())
    return _SENTENCE_END.split(whole, maxsplit=1)[0]


# The institution report ------------------------------------------------------------------------


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
    status: str = "same"
    """'new' (no previous standard), 'reworded' (its text changed) or 'same'."""

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

    @property
    def self_only(self) -> bool:
        """The final outcome is the self-review's: the team did not judge the standard."""
        return self.team_outcome is None and self.self_outcome is not None


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

    @property
    def own_missing(self) -> int:
        """Standards the self-review left without an outcome."""
        return sum(1 for r in self.rows if r.self_outcome is None)

    @property
    def team_missing(self) -> int:
        """Standards the review team did not judge."""
        return sum(1 for r in self.rows if r.team_outcome is None)


@dataclass(frozen=True, slots=True)
class TeamLine:
    """A review-team member as the report shows them: role, discipline, home institution."""

    role: str
    discipline: str | None
    institution: str | None


@dataclass(frozen=True, slots=True)
class Highlight:
    """A parel or oester in the summary: its title and one line."""

    title: str
    line: str


@dataclass(frozen=True, slots=True)
class Shift:
    """A standard whose final outcome moved since the previous cycle."""

    standard: Standard
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Since:
    """What changed since the previous cycle, for standards whose text did not change."""

    previous_cycle: str
    took_part: bool
    up: list[Shift]
    down: list[Shift]
    reworded: list[Standard]
    new: list[Standard]


@dataclass(frozen=True, slots=True)
class Effect:
    """A standard an action of the previous cycle aimed at: its outcome then and now."""

    standard_id: str
    title: str
    before: str | None
    after: str | None
    kind: str
    """'same' (the text did not change), 'reworded', or 'gone' (not in this cycle)."""


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An action of the previous cycle's plan with its latest progress and its effect."""

    action: Action
    latest: Progress | None
    effects: list[Effect]


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
    programme: list[Session]
    domains: list[DomainBlock]
    parels: list[Parel]
    oesters: list[Oester]
    standard_titles: dict[str, str]
    previous_cycle: str | None
    previous_plan: ActionPlan | None
    follow_ups: list[FollowUp]
    plan: ActionPlan | None
    since: Since | None
    summary_size: int = 5
    """How many parels and oesters the summary shows (the first ones the team recorded)."""
    facts: list[Fact] = field(default_factory=list)
    """What the network's other methods know of this institution (`loading.method.Fact`)."""
    message: str = ""
    """The one overall message of the summary, in the report's language."""
    scope: str = ""
    """How many institutions, standards and domains the cycle has, as a sentence."""

    @property
    def has_visit(self) -> bool:
        return self.visit_date is not None

    @property
    def compared(self) -> bool:
        """The institution took part in the previous cycle: its outcomes then can be shown."""
        return self.since is not None and self.since.took_part

    @property
    def rows(self) -> list[StandardRow]:
        return [r for block in self.domains for r in block.rows]

    @property
    def differences(self) -> list[StandardRow]:
        return [r for r in self.rows if r.differs]

    @property
    def final(self) -> Distribution:
        """The final outcomes over every domain."""
        return sum((b.final for b in self.domains), Distribution())

    @property
    def not_fully_met(self) -> list[StandardRow]:
        """Every standard whose final outcome is partly met or not met, in report order."""
        return [r for r in self.rows if r.final in ("partly_met", "not_met")]

    @property
    def not_judged(self) -> int:
        """Standards with a self-review outcome that the team did not judge."""
        return sum(1 for r in self.rows if r.self_only) if self.has_visit else 0

    @property
    def parel_highlights(self) -> list[Highlight]:
        """The first parels the team recorded, each with its first sentence."""
        return [Highlight(p.title, first_sentence(p.text)) for p in self.parels][
            : self.summary_size
        ]

    @property
    def oester_highlights(self) -> list[Highlight]:
        """The first oesters the team recorded, each with its first sentence."""
        return [Highlight(o.title, first_sentence(o.text)) for o in self.oesters][
            : self.summary_size
        ]
