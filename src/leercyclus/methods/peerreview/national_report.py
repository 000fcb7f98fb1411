"""Build the national report's data: aggregates and scrubbed texts, no institution identity."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from leercyclus.methods.peerreview.aggregate import (
    Distribution,
    Meta,
    standards_by_domain,
)
from leercyclus.methods.peerreview.disclosure import Withheld, published_picture
from leercyclus.models import Standard
from leercyclus.models.cycle import Domain, Theme
from leercyclus.models.visit import Contact
from leercyclus.repository.network import CycleData, Network

Scrub = Callable[[str, str], str]
"""Scrubs one free text: (origin, text) → the text as the report may print it."""

TOP = 5
"""How many standards the strengths and challenges list."""


@dataclass(frozen=True, slots=True)
class NationalRow:
    """One standard in the sector picture; `picture` is None where it is withheld, and why."""

    standard: Standard
    picture: Distribution | None
    previous: Distribution | None
    oester_titles: list[str]
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


@dataclass
class NationalReport:
    """Everything the public national report shows. It holds no institution id or name."""

    meta: Meta
    theme: Theme | None
    qualitative_only: bool
    domains: list[NationalDomain]
    theme_findings: ThemeFindings
    parels: list[SharedParel]
    evaluation: list[VerdictLine]
    evaluation_process: str | None
    previous_cycle: str | None

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
    def standard_titles(self) -> dict[str, str]:
        return {r.standard.id: r.standard.title for r in self.rows}

    @property
    def strengths(self) -> list[NationalRow]:
        shown = [r for r in self.rows if r.picture is not None and r.picture.met]
        return sorted(shown, key=lambda r: -r.picture.share("met") if r.picture else 0)[:TOP]

    @property
    def challenges(self) -> list[NationalRow]:
        def weight(row: NationalRow) -> float:
            return row.picture.share("partly_met", "not_met") if row.picture else 0.0

        shown = [r for r in self.rows if weight(r) > 0]
        return sorted(shown, key=lambda r: -weight(r))[:TOP]

    @property
    def comparison(self) -> list[NationalRow]:
        return [r for r in self.rows if r.picture is not None and r.previous is not None]


def national_report(net: Network, data: CycleData, meta: Meta, scrub: Scrub) -> NationalReport:
    """The national report of the cycle `data`; every free text goes through `scrub`."""
    assert data.cycle is not None
    text = scrub

    qualitative = meta.participants < meta.min_group
    prev_id = data.cycle.model.previous
    prev = net.cycles.get(prev_id) if prev_id else None
    oesters = _oester_titles(data, text)
    domains = []
    for domain, standards in standards_by_domain(data):
        rows = []
        for s in standards:
            published = published_picture(net, data, s.id, meta.min_group)
            picture = None if qualitative else published.picture
            before = None
            if prev is not None and s.continues and picture is not None:
                before = published_picture(net, prev, s.continues, meta.min_group).picture
            withheld = None if qualitative else published.withheld
            rows.append(NationalRow(s, picture, before, oesters.get(s.id, []), withheld))
        domains.append(NationalDomain(domain, rows))
    return NationalReport(
        meta=meta,
        theme=data.cycle.model.theme,
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
        previous_cycle=prev_id if prev is not None else None,
    )


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
