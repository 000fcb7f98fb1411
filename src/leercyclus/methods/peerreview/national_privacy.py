"""The national report's privacy: scrub every text it prints, then refuse to publish a leak."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leercyclus.errors import DataError
from leercyclus.loading.network import CycleData, Loaded, Network
from leercyclus.methods.peerreview.aggregate import Meta
from leercyclus.methods.peerreview.charts import sector_chart, trend_chart
from leercyclus.methods.peerreview.national_report import NationalReport, Scrub, national_report
from leercyclus.repository.cache import repository_cache

if TYPE_CHECKING:
    from leercyclus.methods.peerreview.reports import Plan, Progress
    from leercyclus.privacy.leakguard import Leak
    from leercyclus.privacy.match import Term

DEIDENTIFIED = "deidentified"
"""The folder of de-identified texts in the repository's folder of the user's cache: never
inside the repository, where an edited entry could put a name into the public report."""


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
    templates: Path | None = None
    """The repository's own templates/, the one other place a public text can come from."""
    lists: list[list[str]] = field(default_factory=list)
    """Names that may appear only together, as one list: the participants, where listed."""

    def guard(self, outputs: list[Path]) -> None:
        """Read back every public output; raise a DataError naming the source of any leak."""
        from leercyclus.privacy.leakguard import find_leaks

        leaks = find_leaks(outputs, self.terms, self.allowed, self.lists)
        if not leaks:
            return
        lines = [self._describe(leak) for leak in leaks[:10]]
        more = f" (and {len(leaks) - 10} more)" if len(leaks) > 10 else ""
        raise DataError(
            "the national report would name an institution or a person, or print contact data, "
            f"so nothing was written{more}:\n  " + "\n  ".join(lines),
            "rephrase that text in its file, or add a word to national.extra_terms only if it "
            "must always be hidden; a shared parel's contact may appear, nothing else",
        )

    def _describe(self, leak: Leak) -> str:
        from leercyclus.privacy.leakguard import sources_of

        origins = sources_of(leak, self.sources) or _templates_holding(leak, self.templates)
        where = "; ".join(origins[:3]) if origins else (
            "no text of the data and no template of the repository: it is leercyclus's own "
            "text, a bug (please report it)"
        )  # fmt: skip
        what = f"'{leak.found}' ({leak.origin})"
        return f"{what} appears in {leak.output.name}: «{leak.context}». It comes from {where}"


def prepare(net: Network, plan: Plan, tell: Progress) -> National:
    """Build the national report with every text it prints scrubbed, and its leak-guard data."""
    from leercyclus.privacy.anonymize import Scrubber, known_terms
    from leercyclus.privacy.deidentify import Deidentifier

    contacts = [
        p.contact
        for v in plan.data.visits.values()
        for p in v.model.parels
        if p.share and p.contact is not None
    ]
    allowed = [value for c in contacts for value in (c.name, c.email, c.phone) if value]
    terms = known_terms(net)
    deidentify = Deidentifier(
        repository_cache(net.root) / DEIDENTIFIED,
        on_start=lambda: tell.note(
            "starting the de-identifier (deduce): the first time on this computer it builds "
            "its lookup tables (10-20 seconds)"
        ),
    )
    scrubber = Scrubber(terms, deidentify)
    by_institutions = {r.rel for r in plan.data.self_reviews.values()}
    by_institutions |= {v.rel for v in plan.data.visits.values()}
    about_institutions = {f"{plan.data.cycle.rel}: theme.synthesis"} if plan.data.cycle else set()
    if plan.data.evaluation is not None:
        about_institutions.add(plan.data.evaluation.rel)
    sources: list[tuple[str, str]] = []

    def scrub(origin: str, text: str) -> str:
        """Institutions' texts lose claims and own scores; the network's texts about them
        (synthesis, evaluation) lose claims; norms and titles keep every sentence."""
        file = origin.split(": ", 1)[0]
        mine = file in by_institutions
        claims = mine or file in about_institutions or origin in about_institutions
        printed = scrubber.scrub(text, claims=claims, figures=mine)
        sources.append((origin, printed))
        return printed

    meta = public_meta(net, plan.meta, scrub)
    report = national_report(net, public_view(plan.data, scrub), meta, scrub)
    svg = {"sector": sector_chart(report, plan.language)}
    if report.trend is not None and report.trend.domains:
        svg["trend"] = trend_chart(report.trend, plan.language)
    context = {"n": report, "svg": svg, "charts": None}
    folder = net.root / "templates"
    templates = folder if folder.is_dir() else None
    allowed += _template_addresses(templates)
    lists = [report.participants] if report.participants else []
    return National(report, context, terms, allowed, sources, templates, lists)


def public_meta(net: Network, meta: Meta, scrub: Scrub) -> Meta:
    """The cover's texts as the national report prints them (its title reaches the metadata)."""
    settings = f"{net.settings.rel}: network" if net.settings is not None else "network"
    data = net.cycles[meta.cycle_id]
    cycle = f"{data.cycle.rel}: title" if data.cycle is not None else "title"
    return dataclasses.replace(
        meta, network=scrub(settings, meta.network), cycle_title=scrub(cycle, meta.cycle_title)
    )


def public_view(data: CycleData, scrub: Scrub) -> CycleData:
    """The cycle with every text the network wrote for it scrubbed: title, theme, domains and
    standards. No field is printed as written because it is "fixed": a norm can name someone."""
    assert data.cycle is not None
    rel = data.cycle.rel
    model = data.cycle.model
    theme = model.theme
    if theme is not None:
        theme = theme.model_copy(
            update={
                "title": scrub(f"{rel}: theme.title", theme.title),
                "questions": [
                    scrub(f"{rel}: theme.questions[{n}]", q) for n, q in enumerate(theme.questions)
                ],
                "synthesis": theme.synthesis and scrub(f"{rel}: theme.synthesis", theme.synthesis),
            }
        )
    domains = [
        d.model_copy(
            update={
                "title": scrub(f"{rel}: domains[{n}].title", d.title),
                "description": d.description
                and scrub(f"{rel}: domains[{n}].description", d.description),
            }
        )
        for n, d in enumerate(model.domains)
    ]
    cycle = model.model_copy(
        update={"title": scrub(f"{rel}: title", model.title), "theme": theme, "domains": domains}
    )
    standards = {}
    for name, loaded in data.standards.items():
        s = loaded.model
        texts = {
            field: scrub(f"{loaded.rel}: {field}", value)
            for field in ("title", "text", "guidance")
            if (value := getattr(s, field))
        }
        standards[name] = Loaded(loaded.source, s.model_copy(update=texts))
    return dataclasses.replace(data, cycle=Loaded(data.cycle.source, cycle), standards=standards)


def _template_texts(folder: Path | None) -> list[tuple[str, str]]:
    """(name, text) of each of the repository's own template files."""
    if folder is None:
        return []
    texts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".j2", ".typ", ".css", ".html", ".md"):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            texts.append((f"the template {path.relative_to(folder.parent)}", text))
    return texts


def _templates_holding(leak: Leak, folder: Path | None) -> list[str]:
    """The repository's template files that hold what leaked."""
    from leercyclus.privacy.leakguard import sources_of

    return sources_of(leak, _template_texts(folder))


def _template_addresses(folder: Path | None) -> list[str]:
    """Web addresses the network wrote in its own templates (its website): public by choice."""
    from leercyclus.privacy.patterns import contact_data

    return [
        found
        for _, text in _template_texts(folder)
        for what, found in contact_data(text)
        if what == "a web address"
    ]
