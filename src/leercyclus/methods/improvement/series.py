"""An indicator's series per institution as a chart, the definition's rules on it, and the
network's picture: distributions per period over enough institutions, never one by name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from leercyclus.methods.improvement import chart
from leercyclus.methods.improvement.tables import Measurement, period_index, period_label
from leercyclus.models.improvement import (
    EVENT_KINDS,
    WITHOUT_DENOMINATOR,
    Indicator,
    period_matches,
)
from leercyclus.repository.findings import Finding, error, warning

KIND_CHART: dict[str, chart.ChartKind] = {
    "proportion": "p", "rate": "u", "count": "c", "mean": "i", "cases_between": "g",
    "time_between": "t",
}  # fmt: skip
LANEY: dict[str, chart.ChartKind] = {"p": "pp", "u": "up"}
LANEY_FROM = 1000.0
"""A baseline that averages this many cases per period gets Laney's p' or u' chart (auto): the
denominator of a proportion, the events (numerator) of a rate, whose denominator's unit (bed
days, bed years) says nothing. With such large numbers the p and u charts' limits are too narrow
for real processes (qicharts2's vignette: 'as sample sizes increase (> 1000)'; Laney 2002)."""
SCALE = {"percent": 100.0, "per_1000": 1000.0}
"""Values are kept as fractions and rates; they are shown in the indicator's unit."""


def chart_kind(
    indicator: Indicator, base_points: int, base_sizes: Sequence[float] = ()
) -> chart.ChartKind:
    """The chart an indicator gets: its own choice, or (auto) a run chart until the baseline has
    12 points, then the control chart of its kind; Laney's prime chart when the baseline's
    `base_sizes` (cases per period, see LANEY_FROM) average LANEY_FROM or more."""
    if indicator.chart != "auto":
        return indicator.chart
    if base_points < chart.MIN_LOCKED:
        return "run"
    kind = KIND_CHART[indicator.kind]
    sizes = list(base_sizes)
    if kind in LANEY and sizes and sum(sizes) / len(sizes) >= LANEY_FROM:
        return LANEY[kind]
    return kind


def institution_chart(indicator: Indicator, rows: Sequence[Measurement]) -> chart.Chart | None:
    """The chart of one institution's rows (any order; gaps stay gaps); None without rows."""
    if not rows:
        return None
    if indicator.kind in EVENT_KINDS:
        return _event_chart(indicator, rows)
    by_index = {period_index(r.period): r for r in rows}
    first, last = min(by_index), max(by_index)
    indices = list(range(first, last + 1))
    labels = [period_label(i, indicator.period) for i in indices]
    numerators = [by_index[i].numerator if i in by_index else None for i in indices]
    denominators: list[float | None] | None = None
    if indicator.kind not in WITHOUT_DENOMINATOR:
        denominators = [by_index[i].denominator if i in by_index else None for i in indices]
    starts = [
        (period_index(p.from_) - first, p.reason)
        for p in indicator.phases
        if period_matches(p.from_, indicator.period)
    ]
    baseline = None
    if indicator.baseline is not None and period_matches(
        indicator.baseline.from_, indicator.period
    ):
        baseline = (
            period_index(indicator.baseline.from_) - first,
            period_index(indicator.baseline.to) - first,
        )
    in_base = [
        k
        for k, n in enumerate(numerators)
        if n is not None and (baseline is None or baseline[0] <= k <= baseline[1])
    ]
    cases = numerators if indicator.kind == "rate" else (denominators or [])
    sizes = [c for k in in_base if k < len(cases) and (c := cases[k]) is not None]
    kind = chart_kind(indicator, len(in_base), sizes)
    return chart.build(
        kind,
        labels,
        numerators,
        denominators,
        starts=starts,
        baseline=baseline,
        direction=indicator.direction,
    )


def _event_chart(indicator: Indicator, rows: Sequence[Measurement]) -> chart.Chart:
    """A g or t chart: one point per event, in the order of the months and then of the file;
    a phase starts at the first event in its month, the baseline holds the events in its span."""
    events = sorted(rows, key=lambda r: (period_index(r.period), r.line))
    at = [period_index(r.period) for r in events]
    starts = [
        (next((k for k, p in enumerate(at) if p >= period_index(ph.from_)), len(at)), ph.reason)
        for ph in indicator.phases
        if period_matches(ph.from_, indicator.period)
    ]
    baseline = None
    span = indicator.baseline
    if span is not None and period_matches(span.from_, indicator.period):
        inside = [
            k for k, p in enumerate(at) if period_index(span.from_) <= p <= period_index(span.to)
        ]
        baseline = (inside[0], inside[-1]) if inside else None
    base_points = len(at) if baseline is None else baseline[1] - baseline[0] + 1
    return chart.build(
        chart_kind(indicator, base_points),
        [r.period for r in events],
        [r.numerator for r in events],
        starts=starts,
        baseline=baseline,
        direction=indicator.direction,
    )


def check_definition(
    rel: str, indicator: Indicator, rows: Sequence[Measurement]
) -> Iterator[Finding]:
    """LC502 and LC503: the baseline and phases against the indicator's period and data."""
    every = indicator.period
    row_periods = list(map(attrgetter("period"), rows))
    index = {p: period_index(p) for p in set(row_periods)}
    periods = sorted(set(index.values()))
    if indicator.baseline is not None:
        span = indicator.baseline
        if not (period_matches(span.from_, every) and period_matches(span.to, every)):
            yield error(rel, "LC502", f"the baseline's periods are not written as a {every}",
                        ("baseline",))  # fmt: skip
        elif period_index(span.to) < period_index(span.from_):
            yield error(rel, "LC502", "the baseline ends before it starts", ("baseline",))
        elif periods:
            lo, hi = period_index(span.from_), period_index(span.to)
            inside = [p for p in periods if lo <= p <= hi]
            if not inside:
                yield error(rel, "LC502", "the baseline holds no period of the data", ("baseline",))
            else:
                within = {p for p, k in index.items() if lo <= k <= hi}
                inside_rows = map(within.__contains__, row_periods)
                per_inst = Counter(compress(map(attrgetter("institution"), rows), inside_rows))
                fewest = min(per_inst.values())
                if fewest < chart.MIN_LOCKED:
                    yield warning(
                        rel,
                        "LC503",
                        f"the baseline has {fewest} points for some institution(s); control"
                        f" limits need {chart.MIN_LOCKED} and are trial limits until then",
                        ("baseline",),
                    )
    previous = None
    for k, phase in enumerate(indicator.phases):
        if not period_matches(phase.from_, every):
            yield error(rel, "LC502", f"phase {phase.from_} is not written as a {every}",
                        ("phases", k, "from"))  # fmt: skip
            continue
        here = period_index(phase.from_)
        if previous is not None and here <= previous:
            yield error(rel, "LC502", f"phase {phase.from_} comes before the phase above it",
                        ("phases", k, "from"))  # fmt: skip
        previous = here


@dataclass(frozen=True, slots=True)
class Spread:
    """The network's picture of one period: how many institutions, and the spread of values."""

    period: str
    institutions: int
    low: float
    """First quartile."""
    median: float
    high: float
    """Third quartile."""
    pooled: float
    """The network's total (sum of numerators over sum of denominators)."""


def network_spread(
    indicator: Indicator, rows: Sequence[Measurement], min_group: int
) -> list[Spread]:
    """Per period: quartiles and median over the institutions that reported it, only for periods
    with at least `min_group` institutions (fewer would point at one). Rare events have no
    figure per period: none."""
    if indicator.kind in EVENT_KINDS:
        return []
    by_period: dict[int, list[Measurement]] = {}
    for r in rows:
        by_period.setdefault(period_index(r.period), []).append(r)
    spreads = []
    for index in sorted(by_period):
        group = by_period[index]
        if len({r.institution for r in group}) < min_group:
            continue
        values = sorted(value(indicator, r) for r in group)
        num = sum(r.numerator for r in group)
        den = sum(r.denominator or 0 for r in group)
        pooled = num / den if den and indicator.kind != "count" else num / len(group)
        spreads.append(
            Spread(
                period_label(index, indicator.period),
                len(group),
                _quantile(values, 0.25),
                _quantile(values, 0.5),
                _quantile(values, 0.75),
                pooled * SCALE.get(indicator.unit, 1.0) if indicator.kind != "count" else pooled,
            )
        )
    return spreads


def value(indicator: Indicator, row: Measurement) -> float:
    """A row's value in the indicator's unit."""
    if indicator.kind in WITHOUT_DENOMINATOR or not row.denominator:
        return row.numerator
    return row.numerator / row.denominator * SCALE.get(indicator.unit, 1.0)


def _quantile(ordered: Sequence[float], q: float) -> float:
    """R's default quantile (type 7): linear between the order statistics."""
    position = (len(ordered) - 1) * q
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)
