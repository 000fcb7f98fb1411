"""The data of the improvement reports: per institution its overview (confidential), and the
network's picture (distributions over at least `min_group` institutions, nobody named)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leercyclus.methods.improvement import chart, documents, pdsa, series, svg
from leercyclus.methods.improvement.documents import Review
from leercyclus.methods.improvement.gather import Improvement
from leercyclus.methods.improvement.tables import period_index
from leercyclus.methods.improvement.texts import HCAT, TEXTS
from leercyclus.models.improvement import ECM_GROUPS
from leercyclus.models.refs import slug

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.methods.improvement.registers import Answer
    from leercyclus.models.improvement import Indicator, Instrument


@dataclass(frozen=True, slots=True)
class CycleRow:
    n: int
    change: str
    step: str
    decision: str
    held: str


@dataclass(frozen=True, slots=True)
class ProjectView:
    id: str
    title: str
    status: str
    owner: str
    aim: str
    next_check: dt.date | None
    cycles: list[CycleRow]
    overdue: list[str]


@dataclass(frozen=True, slots=True)
class OesterView:
    title: str
    outcome: str
    """What became of it, in words: its projects, or none yet."""


@dataclass(frozen=True, slots=True)
class IndicatorView:
    id: str
    title: str
    chart: str
    """What kind of chart, in words."""
    svg: str
    """Name of the chart in the report's `svg` mapping."""
    latest: str
    target: str
    signals: list[str]
    cautions: list[str]


@dataclass(frozen=True, slots=True)
class ItemView:
    text: str
    answers: int
    top_box: str


@dataclass(frozen=True, slots=True)
class ExperienceView:
    title: str
    period: str
    items: list[ItemView]


@dataclass(frozen=True, slots=True)
class ComplaintsView:
    summary: str
    categories: list[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class AnalysisView:
    id: str
    kind: str
    event_month: str
    causes: list[str]
    """Each root cause's ECM code and group, e.g. `OP (organisational)`."""
    actions_open: int
    lesson: str


@dataclass(slots=True)
class Overview:
    institution: str
    name: str
    network: str
    cycle: str
    today: dt.date
    projects: list[ProjectView] = field(default_factory=list)
    previous_cycle: str | None = None
    oesters: list[OesterView] = field(default_factory=list)
    indicators: list[IndicatorView] = field(default_factory=list)
    experience: list[ExperienceView] = field(default_factory=list)
    complaints: list[ComplaintsView] = field(default_factory=list)
    analyses: list[AnalysisView] = field(default_factory=list)
    causes: list[tuple[str, int]] = field(default_factory=list)
    """The PRISMA profile: root causes per ECM group over all analyses."""
    documents: list[Review] = field(default_factory=list)
    """The review calendar of the institution's controlled documents."""
    svg: dict[str, str] = field(default_factory=dict)


def institution_overview(
    net: Network, data: Improvement, cycle: str, inst: str, language: str, today: dt.date
) -> Overview:
    """The improvement overview of one institution."""
    w = TEXTS[language]
    view = Overview(inst, _name(net, inst), _network(net), cycle, today)
    for _, project in data.projects_of(inst):
        overdue = [
            w["overdue_step"].format(step=o.step, n=o.cycle, due=o.due)
            for o in pdsa.overdue_steps(project, today)
        ]
        cycle_rows = [
            CycleRow(
                c.n,
                c.plan.change,
                w[f"step_{pdsa.phase(c)}"],
                w[f"decision_{c.act.decision}"] if c.act else "",
                w[f"held_{c.study.prediction_held}"] if c.study and c.study.prediction_held else "",
            )
            for c in project.cycles
        ]
        view.projects.append(
            ProjectView(
                project.id,
                project.title,
                w[f"status_{project.status}"],
                project.owner,
                project.aim,
                project.next_check,
                cycle_rows,
                overdue,
            )
        )
    _oesters(net, data, cycle, inst, w, view)
    for ind_id in sorted(data.indicators):
        found = indicator_chart(data, inst, ind_id, language, view.svg)
        if found is not None:
            view.indicators.append(found)
    for key, answers in sorted(data.answers.items()):
        instrument = data.instrument(key.split("/")[0])
        mine = [a for a in answers if a.institution == inst]
        if instrument is not None and mine:
            view.experience.append(_experience(instrument, key.split("/")[1], mine))
    for key, complaints in sorted(data.complaints.items()):
        if key.split("/")[0] != inst:
            continue
        late = sum(1 for c in complaints if (c.decided or today) > c.due())
        still_open = sum(1 for c in complaints if c.decided is None)
        counts = Counter(HCAT[language][c.category] for c in complaints)
        view.complaints.append(
            ComplaintsView(
                w["complaints_year"].format(
                    year=key.split("/")[1], total=len(complaints), open=still_open, late=late
                ),
                sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])),
            )
        )
    _analyses(data, inst, language, view)
    register = data.documents.get(inst)
    if register is not None:
        view.documents = documents.calendar(register.model, today)
    return view


def _analyses(data: Improvement, inst: str, language: str, view: Overview) -> None:
    w = TEXTS[language]
    profile: Counter[str] = Counter()
    for key, defined in sorted(data.analyses.items(), key=lambda kv: kv[1].model.event_month):
        if key.split("/")[0] != inst:
            continue
        analysis = defined.model
        groups = [w[f"ecm_{ECM_GROUPS[c.ecm[0]]}"] for c in analysis.root_causes]
        profile.update(groups)
        view.analyses.append(
            AnalysisView(
                analysis.id,
                w[f"analysis_{analysis.kind}"],
                analysis.event_month,
                [f"{c.ecm} ({g})" for c, g in zip(analysis.root_causes, groups, strict=True)],
                sum(1 for a in analysis.actions if a.status not in ("done", "dropped")),
                analysis.lesson or "",
            )
        )
    view.causes = sorted(profile.items(), key=lambda kv: (-kv[1], kv[0]))


def _oesters(
    net: Network, data: Improvement, cycle: str, inst: str, w: dict[str, str], view: Overview
) -> None:
    order = net.cycle_order()
    if cycle not in order or order.index(cycle) == 0:
        return
    previous = order[order.index(cycle) - 1]
    view.previous_cycle = previous
    visit = net.cycles[previous].visits.get(inst)
    if visit is None:
        return
    for oester in visit.model.oesters:
        ref = f"oester:{previous}/{inst}/{slug(oester.title)}"
        found = []
        for _, project in data.projects_of(inst):
            if ref in project.triggers:
                last = project.cycles[-1] if project.cycles else None
                decision = f", {w[f'decision_{last.act.decision}']}" if last and last.act else ""
                found.append(
                    w["oester_project"].format(
                        title=project.title, status=w[f"status_{project.status}"], decision=decision
                    )
                )
        view.oesters.append(OesterView(oester.title, "; ".join(found) or w["oester_none"]))


def indicator_chart(
    data: Improvement, inst: str, ind_id: str, language: str, svgs: dict[str, str]
) -> IndicatorView | None:
    """The chart of indicator `ind_id` for institution `inst`, with the PDSA cycles of its
    projects marked; its SVG goes into `svgs`. None without figures."""
    indicator: Indicator = data.indicators[ind_id].model
    rows = [r for r in data.series.get(ind_id, []) if r.institution == inst]
    built = series.institution_chart(indicator, rows)
    if built is None:
        return None
    marks = _pdsa_marks(data, inst, indicator, built)
    return _indicator_view(indicator, built, language, svgs, marks)


def _pdsa_marks(
    data: Improvement, inst: str, ind: Indicator, built: chart.Chart
) -> list[tuple[int, str]]:
    """Where the PDSA cycles of the institution's projects that measure `ind` were done."""
    ref = f"indicator:{ind.id}"
    where = {p.label: i for i, p in enumerate(built.points)}
    marks = []
    for _, project in data.projects_of(inst):
        measures = project.measures
        if ref not in (*measures.outcome, *measures.process, *measures.balancing):
            continue
        for cycle in project.cycles:
            if cycle.do is not None:
                label = period_of(cycle.do.date, ind.period)
                if label in where:
                    marks.append((where[label], f"PDSA {cycle.n}"))
    return marks


def period_of(day: dt.date, every: str) -> str:
    """The period a day falls in, written as an indicator measured every `every` writes it."""
    if every == "year":
        return str(day.year)
    if every == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def _indicator_view(
    ind: Indicator,
    built: chart.Chart,
    language: str,
    svgs: dict[str, str],
    marks: Sequence[tuple[int, str]] = (),
) -> IndicatorView:
    w = TEXTS[language]
    scale = series.SCALE.get(ind.unit, 1.0) if ind.kind in ("proportion", "rate") else 1.0
    name = f"indicator-{ind.id}"
    svgs[name] = svg.render(built, ind.title, scale, ind.target, w["baseline"], marks)
    shown = [p for p in built.points if p.value is not None]
    last = shown[-1].value if shown else None
    latest = f"{shown[-1].label}: {number(last * scale, language)}" if last is not None else "—"
    return IndicatorView(
        ind.id,
        ind.title,
        w[f"chart_{built.kind}"],
        name,
        latest + _unit(ind),
        "—" if ind.target is None else number(ind.target, language) + _unit(ind),
        signal_lines(built, w),
        [w[f"caution_{c}"] for c in built.cautions],
    )


def signal_lines(built: chart.Chart, w: dict[str, str]) -> list[str]:
    """The chart's claimed signals in words: rule, periods, and whether it is good news."""
    lines = []
    if built.kind == "run":
        for part in built.parts:
            if part.runs is not None and part.runs.signal:
                if part.runs.long_run:
                    run = part.runs
                    lines.append(
                        f"{w['rule_long_run']} ({run.longest_run} > {run.longest_run_max})"
                    )
                if part.runs.few_crossings:
                    run = part.runs
                    lines.append(
                        f"{w['rule_few_crossings']} ({run.crossings} < {run.crossings_min})"
                    )
        return lines
    groups: dict[tuple[str, str], list[str]] = {}
    for p in built.points:
        if p.rule is not None:
            groups.setdefault((p.rule, p.verdict), []).append(p.label)
    for (rule, verdict), labels in groups.items():
        span = labels[0] if len(labels) == 1 else f"{labels[0]} – {labels[-1]} ({len(labels)})"
        lines.append(f"{w[f'verdict_{verdict}']}: {w[f'rule_{rule}']}, {span}")
    return lines


def _experience(instrument: Instrument, period: str, answers: Sequence[Answer]) -> ExperienceView:
    items = []
    for item in instrument.items:
        scale = instrument.scales[item.scale]
        mine = [a for a in answers if a.item == item.id]
        total = sum(a.count for a in mine)
        if total < instrument.min_respondents:
            items.append(ItemView(item.text, total, ""))
            continue
        top = sum(a.count for a in mine if a.answer in scale.top_box)
        items.append(ItemView(item.text, total, f"{100 * top / total:.0f}%"))
    return ExperienceView(instrument.title, period, items)


def number(value: float, language: str) -> str:
    """A figure as the report's language writes it: 64,4 (nl) or 64.4 (en)."""
    text = f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}"
    return text.replace(".", ",") if language == "nl" else text


def _unit(ind: Indicator) -> str:
    return {"percent": "%", "per_1000": " ‰", "days": " d"}.get(ind.unit, "")


def _name(net: Network, inst: str) -> str:
    if net.register is not None:
        for found in net.register.model.institutions:
            if found.id == inst:
                return str(found.name)
    return inst


def _network(net: Network) -> str:
    return str(net.settings.model.network) if net.settings is not None else ""


@dataclass(frozen=True, slots=True)
class SpreadView:
    id: str
    title: str
    unit: str
    svg: str
    rows: list[tuple[str, int, str, str, str, str]]
    """Per period: the period, institutions, 25% point, median, 75% point, network total."""
    trend: list[str]
    cautions: list[str]


def _spread_row(s: series.Spread, language: str) -> tuple[str, int, str, str, str, str]:
    low, median, high, pooled = (number(v, language) for v in (s.low, s.median, s.high, s.pooled))
    return (s.period, s.institutions, low, median, high, pooled)


@dataclass(slots=True)
class NetworkPicture:
    network: str
    cycle: str
    today: dt.date
    min_group: int
    indicators: list[SpreadView] = field(default_factory=list)
    experience: list[ExperienceView] = field(default_factory=list)
    svg: dict[str, str] = field(default_factory=dict)


def network_picture(
    net: Network, data: Improvement, cycle: str, language: str, today: dt.date, min_group: int
) -> NetworkPicture:
    """Per indicator the spread over the institutions per period (only periods with at least
    `min_group` of them) and the median's run chart; experience pooled over the network."""
    w = TEXTS[language]
    picture = NetworkPicture(_network(net), cycle, today, min_group)
    for ind_id, defined in sorted(data.indicators.items()):
        ind: Indicator = defined.model
        spreads = series.network_spread(ind, data.series.get(ind_id, []), min_group)
        if not spreads:
            continue
        trend = chart.build("run", [s.period for s in spreads], [s.median for s in spreads])
        name = f"network-{ind.id}"
        picture.svg[name] = svg.spread(spreads, ind.title, ind.target)
        picture.indicators.append(
            SpreadView(
                ind.id,
                ind.title,
                _unit(ind),
                name,
                [_spread_row(s, language) for s in spreads[-12:]],
                signal_lines(trend, w),
                [w[f"caution_{c}"] for c in trend.cautions],
            )
        )
    for key, answers in sorted(data.answers.items()):
        instrument = data.instrument(key.split("/")[0])
        if instrument is None or len({a.institution for a in answers}) < min_group:
            continue
        picture.experience.append(_experience(instrument, key.split("/")[1], answers))
    picture.experience.sort(key=lambda e: (e.title, -period_index(e.period)))
    return picture
