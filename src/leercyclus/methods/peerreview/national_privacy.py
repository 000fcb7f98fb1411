"""The national report's privacy: scrub its texts, then refuse to publish anything that leaks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leercyclus.errors import DataError
from leercyclus.methods.peerreview.charts import Bar, stacked_bars
from leercyclus.methods.peerreview.national_report import NationalReport, national_report
from leercyclus.publishing.texts import LABELS, TEXTS
from leercyclus.repository.network import Network

if TYPE_CHECKING:
    from leercyclus.methods.peerreview.reports import Plan, Progress
    from leercyclus.privacy.match import Term

CACHE = Path(".leercyclus") / "deidentified"
"""Where de-identified texts are cached, inside the repository (git-ignored)."""


@dataclass
class National:
    """The national report's template context, and what the leak guard needs."""

    report: NationalReport
    context: dict[str, Any]
    terms: list[Term]
    allowed: list[str]
    sources: list[tuple[str, str]]
    """(origin, text as printed) of every text the report prints from the data: where a leak
    would come from. The report's own data never holds these origins."""

    def guard(self, outputs: list[Path]) -> None:
        """Read back every public output; raise a DataError naming the source of any leak."""
        from leercyclus.privacy.leakguard import find_leaks, sources_of

        leaks = find_leaks(outputs, self.terms, self.allowed)
        if not leaks:
            return
        lines = []
        for leak in leaks[:10]:
            origins = sources_of(leak.term, self.sources)
            where = "; ".join(origins[:3]) if origins else "a fixed text or template"
            lines.append(
                f"'{leak.term.text}' ({leak.term.origin}) appears in {leak.output.name}: "
                f"«{leak.context}». It comes from {where}"
            )
        more = f" (and {len(leaks) - 10} more)" if len(leaks) > 10 else ""
        raise DataError(
            "the national report would name an institution or a person, so nothing was "
            f"written{more}:\n  " + "\n  ".join(lines),
            "rephrase that text in its file, or add a word to national.extra_terms only if it "
            "must always be hidden; a shared parel's contact may appear, nothing else",
        )


def prepare(net: Network, plan: Plan, tell: Progress) -> National:
    """Build the national report with every free text scrubbed, and its leak-guard data."""
    from leercyclus.privacy.anonymize import Scrubber, known_terms
    from leercyclus.privacy.deidentify import Deidentifier

    contacts = [
        p.contact
        for v in plan.data.visits.values()
        for p in v.model.parels
        if p.share and p.contact is not None
    ]
    keep = [c.name for c in contacts]
    allowed = [value for c in contacts for value in (c.name, c.email, c.phone) if value]
    terms = known_terms(net, keep_contacts=keep)
    deidentify = Deidentifier(
        net.root / CACHE,
        on_start=lambda: tell.note(
            "starting the de-identifier (deduce): the first time on this computer it builds "
            "its lookup tables (10-20 seconds)"
        ),
    )
    scrubber = Scrubber(terms, deidentify)
    sources = verbatim_sources(net, plan)

    def scrub(origin: str, text: str) -> str:
        printed = scrubber.scrub(text)
        sources.append((origin, printed))
        return printed

    report = national_report(net, plan.data, plan.meta, scrub)
    svg = {"sector": sector_chart(report, plan.language)}
    context = {"n": report, "svg": svg, "charts": None}
    return National(report, context, terms, allowed, sources)


def verbatim_sources(net: Network, plan: Plan) -> list[tuple[str, str]]:
    """The network-level texts the national report prints as written (they are public)."""
    found: list[tuple[str, str]] = []
    if net.settings is not None:
        found.append((f"{net.settings.rel}: network", net.settings.model.network))
    cycle = plan.data.cycle
    if cycle is not None:
        rel = cycle.rel
        found.append((f"{rel}: title", cycle.model.title))
        if cycle.model.theme is not None:
            found.append((f"{rel}: theme.title", cycle.model.theme.title))
            found += [(f"{rel}: theme.questions[{n}]", q)
                      for n, q in enumerate(cycle.model.theme.questions)]  # fmt: skip
        found += [
            (f"{rel}: domains[{n}].title", d.title) for n, d in enumerate(cycle.model.domains)
        ]
    for standard in plan.data.standards.values():
        model = standard.model
        for name in ("title", "text", "guidance"):
            value = getattr(model, name)
            if value:
                found.append((f"{standard.rel}: {name}", value))
    return found


def sector_chart(report: NationalReport, language: str) -> str:
    """Per standard that may be shown, its distribution; grouped by domain."""
    bars = []
    for domain in report.domains:
        first = True
        for row in domain.rows:
            if row.picture is None:
                continue
            label = f"{domain.domain.id} {domain.domain.title}" if first else ""
            bars.append(Bar(label, row.standard.id, row.picture, first))
            first = False
    return stacked_bars(bars, LABELS[language], TEXTS[language]["sector"])
