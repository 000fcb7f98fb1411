"""What became of a cycle's oesters, actions and standards through improvement projects: one
sentence per project for its institution's confidential report (`loading.method.Fact`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from leercyclus.loading.method import Fact
from leercyclus.methods.improvement import chart, mdc, series
from leercyclus.methods.improvement.gather import Improvement, gather
from leercyclus.methods.improvement.overview import period_of, signal_lines
from leercyclus.methods.improvement.tables import period_index
from leercyclus.methods.improvement.texts import TEXTS
from leercyclus.models.refs import slug, split_reference

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.models.improvement import Indicator, Project

TOPIC = "project"
LINKS = ("oester", "action", "standard")
"""What a project may come from, in the order its fact names them (the first found is `about`)."""

Outcome = Literal["better", "worse", "changed", "none", "few", "no_data"]
VERDICTS: dict[str, Outcome] = {"improvement": "better", "concern": "worse"}


@dataclass(frozen=True, slots=True)
class Measured:
    """What an indicator shows since a project's first change."""

    outcome: Outcome
    since: str
    """The period of the first change."""
    points: int
    """Values since the change."""
    rule: str
    """The signal in words (a claimed signal only)."""


def improvement_facts(net: Network, cycle: str, language: str) -> Iterator[Fact]:
    """Per project linked to an oester, action or standard of an earlier cycle than `cycle`: what
    it did with it, its last PDSA decision, and what its indicator shows since the change."""
    order = net.cycle_order()
    if cycle not in order:
        return
    earlier = set(order[: order.index(cycle)])
    data = gather(net, dt.date.today())
    w = TEXTS[language]
    for key, defined in sorted(data.projects.items()):
        project: Project = defined.model
        inst = key.split("/")[0]
        links = [ref for ref in project.triggers if _linked(ref, inst, earlier)]
        if not links:
            continue
        about = min(links, key=lambda ref: LINKS.index(split_reference(ref)[0]))
        text, still_open = _sentence(net, data, project, about, w, language)
        yield Fact("improvement", inst, TOPIC, text, about=about, open=still_open)


def _linked(ref: str, inst: str, earlier: set[str]) -> bool:
    """Whether `ref` is what a project of `inst` comes from, of a cycle in `earlier`: an oester
    of its own review day, an action of its own plan (another institution's are confidential to
    it, as the overview's oesters are), or a standard (the network's)."""
    kind, path, _ = split_reference(ref)
    parts = path.split("/")
    if kind not in LINKS or parts[0] not in earlier:
        return False
    return kind == "standard" or parts[1:2] == [inst]


def _sentence(
    net: Network, data: Improvement, project: Project, about: str, w: dict[str, str], lang: str
) -> tuple[str, bool]:
    kind, path, _ = split_reference(about)
    intro = w[f"fact_from_{kind}"].format(
        title=_title(net, kind, path), cycle=path.split("/")[0], project=project.title
    )
    steps, still_open = _steps(project, w)
    parts = [intro, steps]
    indicator = _indicator(data, project)
    if indicator is not None:
        first = _first_change(project)
        if first is not None:
            measured = measure(data, indicator, project.institution, first, w)
            parts.append(
                w[f"fact_indicator_{measured.outcome}"].format(
                    indicator=indicator.title,
                    since=period_words(measured.since, lang),
                    n=measured.points,
                    rule=measured.rule,
                )
            )
            still_open = still_open or measured.outcome == "no_data"
    return _join(parts, lang), still_open


def _steps(project: Project, w: dict[str, str]) -> tuple[str, bool]:
    """The last PDSA decision in words, and whether the project has no result yet."""
    decided = [c for c in project.cycles if c.act is not None]
    studied = [c for c in project.cycles if c.study is not None]
    if decided:
        last = decided[-1]
        assert last.act is not None
        return w[f"fact_decided_{last.act.decision}"].format(n=last.n), False
    if studied:
        return w["fact_studied"].format(n=studied[-1].n), False
    if any(c.do is not None for c in project.cycles):
        return w["fact_not_studied"], True
    return w["fact_not_tried"], True


def _indicator(data: Improvement, project: Project) -> Indicator | None:
    measures = project.measures
    for ref in (*measures.outcome, *measures.process):
        kind, path, _ = split_reference(ref)
        if kind == "indicator" and data.indicator(path) is not None:
            return data.indicator(path)
    return None


def _first_change(project: Project) -> dt.date | None:
    done = [c.do.date for c in project.cycles if c.do is not None]
    return min(done) if done else None


def measure(
    data: Improvement, indicator: Indicator, inst: str, change: dt.date, w: dict[str, str]
) -> Measured:
    """What the institution's chart of `indicator` shows from the period of `change` on: a
    claimed signal (its side against the better direction), none, or too few values to say."""
    since = period_of(change, indicator.period)
    start = period_index(since)
    rows = [r for r in data.series.get(str(indicator.id), []) if r.institution == inst]
    built = series.institution_chart(indicator, rows)
    if built is None:
        return Measured("no_data", since, 0, "")
    after = [p for p in built.points if p.value is not None and period_index(p.label) >= start]
    if not after:
        return Measured("no_data", since, 0, "")
    flagged = [p for p in after if p.rule is not None]
    if flagged:
        last = flagged[-1]
        outcome: Outcome = VERDICTS.get(last.verdict, "changed")
        return Measured(outcome, since, len(after), w[f"rule_{last.rule}"])
    if built.kind == "run" and any(p.runs is not None and p.runs.signal for p in built.parts):
        return Measured(_run_side(built, start, indicator), since, len(after),
                        signal_lines(built, w)[0])  # fmt: skip
    if built.cautions or len(after) < mdc.RUN:
        return Measured("few", since, len(after), "")
    return Measured("none", since, len(after), "")


def _run_side(built: chart.Chart, start: int, indicator: Indicator) -> Outcome:
    """A run chart's signal has no side of its own: the side most values since the change lie."""
    sides = [
        mdc.sign(p.value - p.centre)
        for p in built.points
        if p.value is not None and p.centre is not None and period_index(p.label) >= start
    ]
    side = mdc.sign(sum(sides))
    if indicator.direction == "neutral" or side == 0:
        return "changed"
    better = 1 if indicator.direction == "higher_is_better" else -1
    return "better" if side == better else "worse"


def period_words(period: str, language: str) -> str:
    """A period as a sentence names it: `februari 2026`, `Q1 2026`, `2026`."""
    from leercyclus.publishing.texts import MONTHS

    if len(period) == 7 and period[4] == "-" and period[5:].isdigit():
        return f"{MONTHS[language][int(period[5:]) - 1]} {period[:4]}"
    if "-Q" in period:
        return f"{period[5:]} {period[:4]}"
    return period


def _title(net: Network, kind: str, path: str) -> str:
    """What the linked item is called: an oester's title, an action's what, a standard's id."""
    parts = path.split("/")
    data = net.cycles.get(parts[0])
    if data is None or len(parts) < 2:
        return path
    if kind == "oester" and len(parts) == 3:
        visit = data.visits.get(parts[1])
        for oester in visit.model.oesters if visit is not None else ():
            if slug(oester.title) == parts[2]:
                return str(oester.title)
    if kind == "action" and len(parts) == 3:
        plan = data.actions.get(parts[1])
        for action in plan.model.actions if plan is not None else ():
            if action.id == parts[2]:
                return str(action.what)
    if kind == "standard":
        standard = data.standards.get(parts[1])
        if standard is not None:
            return f"{parts[1]} “{standard.model.title}”"
    return parts[-1]


def _join(parts: list[str], lang: str) -> str:
    """One sentence: the intro, a colon, the rest joined by semicolons and 'en'/'and'."""
    head, *rest = parts
    if not rest:
        return head + "."
    tail = (
        rest[-1]
        if len(rest) == 1
        else "; ".join(rest[:-1]) + {"nl": " en ", "en": " and "}[lang] + rest[-1]
    )
    return f"{head}: {tail}."
