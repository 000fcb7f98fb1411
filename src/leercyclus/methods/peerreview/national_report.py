"""Build the national report's data: aggregates and scrubbed texts, no institution identity."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from leercyclus.loading.network import CycleData, Network, natural_key
from leercyclus.methods.peerreview import summaries
from leercyclus.methods.peerreview.aggregate import (
    Distribution,
    Meta,
    outcomes_of,
    ranked,
    standards_by_domain,
)
from leercyclus.methods.peerreview.comparison import Comparison, Disclose, compare, kept_apart
from leercyclus.methods.peerreview.disclosure import Withheld, published_picture
from leercyclus.methods.peerreview.lineage import Lineage, lineage
from leercyclus.methods.peerreview.trends import Trend, national_trend
from leercyclus.models import Standard
from leercyclus.models.cycle import Domain, Milestones, Theme
from leercyclus.models.nationalday import NationalDay
from leercyclus.models.visit import Contact

Scrub = Callable[[str, str], str]
"""Scrubs one free text: (origin, text) → the text as the report may print it."""

TOP = 5
"""How many standards the strengths and challenges list (more where the last one ties)."""


@dataclass(frozen=True, slots=True)
class NationalRow:
    """One standard in the sector picture; `picture` is None where it is withheld, and why."""

    standard: Standard
    picture: Distribution | None
    oester_titles: list[str]
    self_only: int = 0
    """Final outcomes behind `picture` that come from a self-review the team did not judge."""
    withheld: Withheld | None = None


@dataclass(frozen=True, slots=True)
class NationalDomain:
    """A domain's rows and totals over the rows that are shown."""

    domain: Domain
    rows: list[NationalRow]

    @property
    def totals(self) -> Distribution | None:
        shown = [r.picture for r in self.rows if r.picture is not None]
        return sum(shown, Distribution()) if shown else None

    @property
    def suppressed(self) -> int:
        return sum(1 for r in self.rows if r.picture is None)


@dataclass(frozen=True, slots=True)
class ThemeFindings:
    """What the report says about the theme: no reflection whole, only what may be published."""

    reflections: int
    """How many participants wrote a reflection (the reflections themselves stay confidential)."""
    participants: int
    synthesis: str | None
    """The network's own synthesis of the reflections (cycle.yaml: theme.synthesis)."""
    quotes: list[str]
    """Passages the institutions agreed to have quoted (self-review: theme_quote)."""


@dataclass(frozen=True, slots=True)
class SharedParel:
    """A parel that its institution agreed to share, with its contact."""

    title: str
    text: str
    standards: list[Standard]
    contact: Contact | None


@dataclass(frozen=True, slots=True)
class VerdictLine:
    """The evaluation's verdict on one standard."""

    standard: Standard | None
    standard_id: str
    verdict: str
    note: str | None


@dataclass(frozen=True, slots=True)
class StandardChange:
    """A difference between this cycle's standards and the previous cycle's, and why."""

    kind: str
    """'new', 'reworded', 'revised' (title or guidance only), 'dropped', or 'kept' (unchanged,
    with a remark in the evaluation)."""
    standard: Standard
    previous_id: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class DayAgreement:
    """What the network agreed on its last national day, and where it stands."""

    what: str
    due: dt.date
    status: str


@dataclass(frozen=True, slots=True)
class LastDay:
    """The previous cycle's national day: the ambitions named there and the agreements made,
    so that the next national report comes back to them."""

    title: str
    date: dt.date
    ambitions: list[str]
    agreements: list[DayAgreement]


@dataclass(frozen=True, slots=True)
class Milestone:
    """A step of the cycle and the date it was planned for."""

    step: str
    date: dt.date


@dataclass
class NationalReport:
    """Everything the public national report shows. It holds no institution id or name, except
    the participants' names where the network chose to list them."""

    meta: Meta
    theme: Theme | None
    qualitative_only: bool
    domains: list[NationalDomain]
    theme_findings: ThemeFindings
    parels: list[SharedParel]
    evaluation: list[VerdictLine]
    evaluation_process: str | None
    previous_cycle: str | None
    comparison: Comparison | None = None
    changes: list[StandardChange] = field(default_factory=list)
    participants: list[str] | None = None
    timeline: list[Milestone] = field(default_factory=list)
    review_period: tuple[dt.date, dt.date] | None = None
    reviewers: int = 0
    """Distinct people on the review teams (chairs, professionals, clients, experts)."""
    client_reviewers: int = 0
    """Of them, those who took part as a client or an expert by experience."""
    review_text: str = ""
    """When the review days were and who reviewed, as sentences."""
    agreement: Fraction | None = None
    """Of the standards both the self-review and the team judged, the share they agreed on."""
    publication_date: dt.date | None = None
    evaluation_planned: dt.date | None = None
    scope: str = ""
    key_messages: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)
    """The summary for clients and relatives, as paragraphs."""
    challenge_lines: dict[str, str] = field(default_factory=dict)
    """Per challenge's standard id: the sentence that says how many meet it partly or not."""
    trend: Trend | None = None
    """Outcomes over every cycle, where there are three or more (methods/peerreview/trends.py)."""
    last_day: LastDay | None = None
    """The previous cycle's national day, when it has ambitions or agreements."""

    @property
    def rows(self) -> list[NationalRow]:
        return [r for d in self.domains for r in d.rows]

    @property
    def withheld(self) -> dict[str, int]:
        """How many standards have no figure, per reason ("small", "changed")."""
        found = {"small": 0, "changed": 0}
        for row in self.rows:
            if row.withheld is not None:
                found[row.withheld] += 1
        return found

    @property
    def contacts(self) -> int:
        """How many shared parels name a contact person."""
        return sum(1 for p in self.parels if p.contact is not None)

    @property
    def top(self) -> int:
        """How many standards the strengths and challenges list, ties aside."""
        return TOP

    @property
    def standard_titles(self) -> dict[str, str]:
        return {r.standard.id: r.standard.title for r in self.rows}

    @property
    def shown(self) -> list[NationalRow]:
        """The rows whose figures may be shown."""
        return [r for r in self.rows if r.picture is not None]

    @property
    def strengths(self) -> list[NationalRow]:
        """Ranked by the share fully met; the top five and every standard tied with the fifth."""
        candidates = [r for r in self.shown if _pic(r).met]
        return ranked(candidates, lambda r: _pic(r).share("met"), TOP)

    @property
    def challenges(self) -> list[NationalRow]:
        """Ranked by the share partly or not met, more 'not met' first among equal shares; the
        top five and every standard tied with the fifth."""
        candidates = [r for r in self.shown if _pic(r).not_fully]
        return ranked(
            candidates,
            lambda r: _pic(r).share("partly_met", "not_met"),
            TOP,
            tiebreak=lambda r: _pic(r).share("not_met"),
        )

    @property
    def self_only_shown(self) -> bool:
        """Whether a standard in the strengths or challenges rests partly on self-reviews alone."""
        return any(r.self_only for r in [*self.strengths, *self.challenges])


def _pic(row: NationalRow) -> Distribution:
    assert row.picture is not None
    return row.picture


def national_report(
    net: Network,
    data: CycleData,
    meta: Meta,
    scrub: Scrub,
    *,
    disclose: Disclose | None = None,
) -> NationalReport:
    """The national report of the cycle `data`; every free text goes through `scrub`.

    `disclose` decides which rows of the comparison with the previous cycle may be shown (by
    default `comparison.kept_apart`: min_group institutions in both cycles, and no row a reader
    could subtract from another figure of its standard and cycle).
    """
    assert data.cycle is not None
    text = scrub
    cycle = data.cycle.model
    qualitative = meta.participants < meta.min_group
    history = lineage(net, data)
    oesters = _oester_titles(data, text)
    domains = []
    for domain, standards in standards_by_domain(data):
        rows = []
        for s in standards:
            published = published_picture(net, data, s.id, meta.min_group)
            picture = None if qualitative else published.picture
            withheld = None if qualitative else published.withheld
            self_only = _self_only(data, s.id) if picture is not None else 0
            rows.append(NationalRow(s, picture, oesters.get(s.id, []), self_only, withheld))
        domains.append(NationalDomain(domain, rows))
    prev = net.cycles.get(history.previous) if history.previous else None
    milestones = cycle.milestones
    report = NationalReport(
        meta=meta,
        theme=cycle.theme,
        qualitative_only=qualitative,
        domains=domains,
        theme_findings=_theme_findings(data, text),
        parels=_shared_parels(data, text),
        evaluation=_verdicts(data, text),
        evaluation_process=(
            text(f"{data.evaluation.rel}: process", data.evaluation.model.process)
            if data.evaluation and data.evaluation.model.process
            else None
        ),
        previous_cycle=history.previous,
        comparison=(
            compare(
                prev,
                data,
                history,
                meta.min_group,
                disclose or kept_apart(net, data, meta.min_group),
            )
            if prev is not None and not qualitative
            else None
        ),
        changes=_changes(history, prev, text) if prev is not None else [],
        trend=None if qualitative else national_trend(net, data, meta.min_group),
        last_day=_last_day(prev, text) if prev is not None else None,
        participants=_participants(net, data),
        timeline=_timeline(data),
        review_period=_review_period(data),
        reviewers=len(_reviewers(data, REVIEWERS)),
        client_reviewers=len(_reviewers(data, CLIENTS)),
        agreement=None if qualitative else _agreement(data),
        publication_date=_publication_date(meta, milestones),
        evaluation_planned=milestones.evaluation if milestones else None,
    )
    language = meta.language
    report.review_text = summaries.review_process(report, language)
    report.scope = summaries.scope(meta.participants, len(report.rows), len(domains), language)
    report.key_messages = summaries.key_messages(report, language)
    report.recommendations = summaries.recommendations(report, language)
    report.plain = summaries.plain_summary(report, language)
    report.challenge_lines = {
        r.standard.id: summaries.challenge_line(_pic(r), language) for r in report.challenges
    }
    return report


def _last_day(prev: CycleData, text: Scrub) -> LastDay | None:
    """The previous cycle's national day (its file, read as the shared model), scrubbed like
    every text of the report; agreements without their owners (a person or a role)."""
    loaded = prev.files.get("national-day", {}).get("")
    if loaded is None or not isinstance(loaded.model, NationalDay):
        return None
    day = loaded.model
    if not day.ambitions and not day.agreements:
        return None
    rel = loaded.rel
    return LastDay(
        title=text(f"{rel}: title", day.title),
        date=day.date,
        ambitions=[text(f"{rel}: ambitions[{n}]", a) for n, a in enumerate(day.ambitions)],
        agreements=[
            DayAgreement(text(f"{rel}: agreements[{n}].what", a.what), a.due, a.status)
            for n, a in enumerate(day.agreements)
        ],
    )


REVIEWERS = frozenset({"chair", "professional", "client", "expert_by_experience"})
CLIENTS = frozenset({"client", "expert_by_experience"})


def _reviewers(data: CycleData, roles: frozenset[str]) -> set[str]:
    """The names of everyone on a review team of the cycle in one of `roles`."""
    return {m.name for v in data.visits.values() for m in v.model.team if m.role in roles}


def _publication_date(meta: Meta, milestones: Milestones | None) -> dt.date | None:
    """The date of the data's last commit, else the date the cycle plan gives the report."""
    if meta.provenance.date is not None:
        return meta.provenance.date
    return milestones.national_report if milestones else None


def _self_only(data: CycleData, standard_id: str) -> int:
    participants = data.cycle.model.participants if data.cycle else []
    count = 0
    for inst in participants:
        own, team = outcomes_of(data, inst).get(standard_id, (None, None))
        if team is None and own is not None and inst in data.visits:
            count += 1
    return count


def _agreement(data: CycleData) -> Fraction | None:
    both = same = 0
    for inst in data.cycle.model.participants if data.cycle else []:
        for own, team in outcomes_of(data, inst).values():
            if own is not None and team is not None:
                both += 1
                same += own == team
    return Fraction(same, both) if both else None


def _participants(net: Network, data: CycleData) -> list[str] | None:
    """The participants' names, alphabetically, where the network lists them; else None."""
    if net.settings is None or not net.settings.model.national.list_participants:
        return None
    names = {i.id: i.name for i in net.register.model.institutions} if net.register else {}
    participants = data.cycle.model.participants if data.cycle else []
    return sorted((names.get(i, i) for i in participants), key=str.casefold)


def _timeline(data: CycleData) -> list[Milestone]:
    milestones = data.cycle.model.milestones if data.cycle else None
    if milestones is None:
        return []
    return [
        Milestone(step, date)
        for step, date in milestones.model_dump().items()
        if isinstance(date, dt.date)
    ]


def _review_period(data: CycleData) -> tuple[dt.date, dt.date] | None:
    dates = sorted(v.model.date for v in data.visits.values())
    return (dates[0], dates[-1]) if dates else None


def _changes(history: Lineage, prev: CycleData, text: Scrub) -> list[StandardChange]:
    """New, reworded, revised, dropped standards, and kept ones the evaluation commented on."""
    rel = prev.evaluation.rel if prev.evaluation else "evaluation.yaml"

    def reason(old_id: str) -> str | None:
        verdict = history.verdicts.get(old_id)
        if verdict is None or not verdict.note:
            return None
        return text(f"{rel}: standards.{old_id}.note", verdict.note)

    changes = [StandardChange("new", s, None, None) for s in history.new]
    for new_id, old_id in sorted(history.matched.items(), key=lambda item: natural_key(item[0])):
        standard = history.current[new_id]
        why = reason(old_id)
        if new_id in history.reworded:
            changes.append(StandardChange("reworded", standard, old_id, why))
        elif new_id in history.revised:
            changes.append(StandardChange("revised", standard, old_id, why))
        elif why:
            changes.append(StandardChange("kept", standard, old_id, why))
    changes += [StandardChange("dropped", s, s.id, reason(s.id)) for s in history.dropped]
    return changes


def _neutral_order(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Order texts by a hash of their content, so the order reveals no institution."""
    return sorted(items, key=lambda item: hashlib.sha256(item[1].encode()).hexdigest())


def _oester_titles(data: CycleData, text: Callable[[str, str], str]) -> dict[str, list[str]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for visit in data.visits.values():
        for n, oester in enumerate(visit.model.oesters):
            for sid in oester.standards:
                origin = f"{visit.rel}: oesters[{n}].title"
                found.setdefault(sid, []).append((origin, oester.title))
    return {
        sid: sorted({text(o, t) for o, t in _neutral_order(items)}) for sid, items in found.items()
    }


def _theme_findings(data: CycleData, text: Callable[[str, str], str]) -> ThemeFindings:
    """Counts, the network's synthesis and consented quotes: a whole reflection tells who wrote
    it to a reader who knows the participants ("as a forensic clinic", "as a newcomer")."""
    assert data.cycle is not None
    participants = data.cycle.model.participants
    reviews = [data.self_reviews[i] for i in participants if i in data.self_reviews]
    theme = data.cycle.model.theme
    quotes = [(f"{r.rel}: theme_quote", q) for r in reviews if (q := r.model.theme_quote)]
    return ThemeFindings(
        reflections=sum(1 for r in reviews if r.model.theme),
        participants=len(participants),
        synthesis=theme.synthesis if theme is not None else None,
        quotes=[text(origin, value) for origin, value in _neutral_order(quotes)],
    )


def _shared_parels(data: CycleData, text: Callable[[str, str], str]) -> list[SharedParel]:
    standards = {s.model.id: s.model for s in data.standards.values()}
    items = []
    for visit in data.visits.values():
        for n, parel in enumerate(visit.model.parels):
            if not parel.share:
                continue
            origin = f"{visit.rel}: parels[{n}]"
            items.append(
                SharedParel(
                    title=text(f"{origin}.title", parel.title),
                    text=text(f"{origin}.text", parel.text),
                    standards=[standards[s] for s in parel.standards if s in standards],
                    contact=parel.contact,
                )
            )
    return sorted(items, key=_parel_order)


def _parel_order(parel: SharedParel) -> str:
    """A hash of the whole parel: an order that follows no institution, even for equal titles."""
    contact = parel.contact.model_dump_json() if parel.contact else ""
    ids = ",".join(s.id for s in parel.standards)
    whole = "\0".join((parel.title, parel.text, ids, contact))
    return hashlib.sha256(whole.encode()).hexdigest()


def _verdicts(data: CycleData, text: Callable[[str, str], str]) -> list[VerdictLine]:
    if data.evaluation is None:
        return []
    standards = {s.model.id: s.model for s in data.standards.values()}
    rel = data.evaluation.rel
    return [
        VerdictLine(
            standards.get(sid),
            sid,
            v.verdict,
            text(f"{rel}: standards.{sid}.note", v.note) if v.note else None,
        )
        for sid, v in data.evaluation.model.standards.items()
    ]
