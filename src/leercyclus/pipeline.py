"""The stages composed: check() and, later, build_reports()."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leercyclus.findings import Finding, locate_all, strict
from leercyclus.network import CycleData, Network, load_network

if TYPE_CHECKING:
    from leercyclus.aggregate import Meta
    from leercyclus.reports import Progress, ReportRequest


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `check` found, located and sorted, and how many files it read."""

    network: Network
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check(root: Path, *, strict_mode: bool = False, today: dt.date | None = None) -> CheckResult:
    """Load and validate the repository at `root` and apply every cross-file rule."""
    from leercyclus.crossref import cross_check

    network = load_network(root)
    findings = [*network.findings, *cross_check(network, today or dt.date.today())]
    located = locate_all(findings, root)
    return CheckResult(network, strict(located) if strict_mode else located)


@dataclass(frozen=True, slots=True)
class Output:
    """One written report file."""

    path: Path
    scope: str
    institution: str | None
    format: str


def build_reports(
    result: CheckResult, request: ReportRequest, progress: Progress | None = None
) -> list[Output]:
    """Build the requested reports from checked data; nothing is written unless all succeed."""
    from leercyclus import reports
    from leercyclus.convert import Conversion, convert_all, template_folders
    from leercyclus.render import renderer
    from leercyclus.report_institution import institution_report
    from leercyclus.write import publish, staging, write_text

    if not result.ok:
        raise reports.refuse(len(result.errors))
    net = result.network
    plan = reports.plan(net, request, partial(_meta, net))
    render = renderer(net.root, plan.language)
    tell = progress or (lambda _: None)
    cycle = plan.data.id
    outputs: list[Output] = []
    with staging(plan.out) as stage:
        work = stage / ".work"
        jobs: list[Conversion] = []
        folders = template_folders(net.root)

        def emit(rel: Path, template: str, scope: str, inst: str | None, **context: Any) -> None:
            base = stage / rel
            if "md" in plan.formats:
                write_text(base.with_suffix(".md"), render.render(f"{template}.md.j2", **context))
                outputs.append(Output(base.with_suffix(".md"), scope, inst, "md"))
            if "html" in plan.formats:
                text = render.render(f"{template}.html.j2", **context)
                write_text(base.with_suffix(".html"), text)
                outputs.append(Output(base.with_suffix(".html"), scope, inst, "html"))
            converted = [f for f in ("docx", "pdf") if f in plan.formats]
            if not converted:
                return
            scratch = work / rel.parent
            charts = {}
            for name, svg in context.get("svg", {}).items():
                write_text(scratch / f"{name}.svg", svg)
                charts[name] = f"{name}.svg"
            md = render.render(f"{template}.md.j2", **{**context, "charts": charts})
            source = write_text(scratch / "report.md", md)
            for fmt in converted:
                target = base.with_suffix(f".{fmt}")
                target.parent.mkdir(parents=True, exist_ok=True)
                jobs.append(Conversion(source, target, scratch, reports.epoch(plan.meta), folders))
                outputs.append(Output(target, scope, inst, fmt))

        for inst in plan.institutions:
            report = institution_report(net, plan.data, inst, plan.meta, plan.today)
            svg = {"overview": reports.overview_chart(report.domains, plan.language)}
            rel = Path(cycle, "confidential", inst, "institution-report")
            emit(rel, "institution-report", "confidential", inst, r=report, svg=svg, charts=None)
            tell(f"{inst}")
        national = None
        if plan.national:
            from leercyclus.privacy import prepare

            national = prepare(net, plan, tell)
            rel = Path(cycle, "public", "national-report")
            emit(rel, "national-report", "public", None, **national.context)
            tell("national report")
        convert_all(jobs, reports.cpu_count())
        if national is not None:
            national.guard([o.path for o in outputs if o.scope == "public"])
        placed = publish([o.path for o in outputs], stage, plan.out)
    return [
        Output(p, o.scope, o.institution, o.format) for p, o in zip(placed, outputs, strict=True)
    ]


def _meta(net: Network, data: CycleData, language: str) -> Meta:
    from leercyclus.aggregate import Meta
    from leercyclus.provenance import provenance

    assert net.settings is not None and data.cycle is not None
    settings = net.settings.model
    return Meta(
        network=settings.network,
        language=language,
        cycle_id=data.id,
        cycle_title=data.cycle.model.title,
        min_group=settings.national.min_group,
        participants=len(data.cycle.model.participants),
        standards=len(data.standards),
        provenance=provenance(net.root, net.root / "build"),
    )
