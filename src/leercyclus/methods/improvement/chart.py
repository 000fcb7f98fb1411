"""One indicator series as a run chart or a control chart: parts, a frozen baseline, signals, and
the honesty rule (fewer points than a rule needs: the values with a caution, no signal)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from leercyclus.methods.improvement import limits, mdc, runs

ChartKind = Literal["run", "p", "pp", "u", "up", "c", "i", "g", "t"]
RATIOS = ("p", "pp", "u", "up")
"""Charts of a numerator over a denominator; the others chart the numerator itself."""
Direction = Literal["higher_is_better", "lower_is_better", "neutral"]

MIN_LOCKED = 12
"""Baseline points before control limits are locked (Making Data Count); fewer: trial limits,
shown but no signal claimed."""
MIN_LIMITS = 2
"""Baseline points before any limit can be drawn at all (one moving range)."""


@dataclass(frozen=True, slots=True)
class Part:
    """A phase of the chart: from index `start` up to `stop` (exclusive), with its own centre."""

    start: int
    stop: int
    reason: str
    base_points: int
    """Points the centre and limits of this part come from (its frozen baseline, if any)."""
    runs: runs.Runs | None
    trial: bool
    """Control charts: fewer than MIN_LOCKED base points, so the limits are trial limits."""


@dataclass(frozen=True, slots=True)
class Point:
    """One period of the chart."""

    label: str
    value: float | None
    centre: float | None
    lower: float | None
    upper: float | None
    rule: mdc.Rule | None
    """The Making Data Count rule that flags this point (claimed signals only)."""
    side: int
    """1: the signal lies high, -1: low (0 without a signal)."""
    verdict: Literal["improvement", "concern", "neutral", ""]
    in_baseline: bool


@dataclass(frozen=True, slots=True)
class Chart:
    kind: ChartKind
    points: tuple[Point, ...]
    parts: tuple[Part, ...]
    cautions: tuple[str, ...]
    """Codes of what the chart cannot claim: `few_points_runs`, `trial_limits`, `no_limits`."""

    @property
    def signals(self) -> list[str]:
        """Codes of the claimed signals: a run chart's Anhøj rules (`long_run`, `few_crossings`),
        a control chart's Making Data Count rules (`outside`, `trend`, `two_of_three`, `shift`)."""
        found: list[str] = []
        for part in self.parts if self.kind == "run" else ():
            if part.runs is not None and part.runs.signal:
                found += ["long_run"] * part.runs.long_run + [
                    "few_crossings"
                ] * part.runs.few_crossings
        found += [p.rule for p in self.points if p.rule is not None]
        return sorted(set(found))


def build(
    kind: ChartKind,
    labels: Sequence[str],
    numerators: Sequence[float | None],
    denominators: Sequence[float | None] | None = None,
    *,
    starts: Sequence[tuple[int, str]] = (),
    baseline: tuple[int, int] | None = None,
    direction: Direction = "neutral",
) -> Chart:
    """The chart of a series. `starts`: (index, reason) where a new phase begins; `baseline`:
    (first, last) index of the frozen baseline, inclusive; missing values are None."""
    values = _values(kind, numerators, denominators)
    bounds = sorted({0, *(i for i, _ in starts if 0 < i < len(values))})
    reasons = dict(starts)
    parts: list[Part] = []
    points: list[Point] = []
    cautions: set[str] = set()
    for n, start in enumerate(bounds):
        stop = bounds[n + 1] if n + 1 < len(bounds) else len(values)
        part, part_points = _part(
            kind, labels, values, numerators, denominators, start, stop,
            reasons.get(start, ""), baseline, direction,
        )  # fmt: skip
        parts.append(part)
        points += part_points
        if kind == "run" and (part.runs is None or not part.runs.enough):
            cautions.add("few_points_runs")
        if kind != "run" and part.base_points < MIN_LIMITS:
            cautions.add("no_limits")
        elif kind != "run" and part.trial:
            cautions.add("trial_limits")
    return Chart(kind, tuple(points), tuple(parts), tuple(sorted(cautions)))


def _values(
    kind: ChartKind,
    numerators: Sequence[float | None],
    denominators: Sequence[float | None] | None,
) -> list[float | None]:
    if denominators is None or kind in ("c", "g", "t"):  # counts, events; single values
        return list(numerators)
    return [
        (y / d) if y is not None and d is not None and d > 0 else None
        for y, d in zip(numerators, denominators, strict=True)
    ]


def _part(
    kind: ChartKind,
    labels: Sequence[str],
    values: Sequence[float | None],
    numerators: Sequence[float | None],
    denominators: Sequence[float | None] | None,
    start: int,
    stop: int,
    reason: str,
    baseline: tuple[int, int] | None,
    direction: Direction,
) -> tuple[Part, list[Point]]:
    idx = [i for i in range(start, stop) if values[i] is not None]
    frozen = baseline is not None and any(baseline[0] <= i <= baseline[1] for i in idx)
    base = [(not frozen) or (baseline is not None and baseline[0] <= i <= baseline[1]) for i in idx]
    ys = [float(values[i] or 0.0) for i in idx]
    n_base = sum(base)
    lim = _limits(kind, idx, ys, numerators, denominators, base)
    found = runs.runs_analysis(ys, lim.centre) if idx else None
    trial = n_base < MIN_LOCKED
    claim = kind != "run" and not trial
    rules = (
        mdc.point_rules(ys, lim.centre, lim.lower, lim.upper, lim.lower2, lim.upper2)
        if claim
        else []
    )
    by_index = {i: k for k, i in enumerate(idx)}
    points = []
    for i in range(start, stop):
        k = by_index.get(i)
        if k is None:
            points.append(Point(labels[i], None, None, None, None, None, 0, "", False))
            continue
        rule = rules[k] if rules else None
        side = rule[1] if rule else 0
        points.append(
            Point(
                label=labels[i],
                value=ys[k],
                centre=_finite(lim.centre[k]),
                lower=lim.lower[k],
                upper=lim.upper[k],
                rule=rule[0] if rule else None,
                side=side,
                verdict=_verdict(side, direction) if rule else "",
                in_baseline=frozen and base[k],
            )
        )
    return Part(start, stop, reason, n_base, found, trial), points


def _limits(
    kind: ChartKind,
    idx: Sequence[int],
    ys: Sequence[float],
    numerators: Sequence[float | None],
    denominators: Sequence[float | None] | None,
    base: Sequence[bool],
) -> limits.Limits:
    if kind == "run" or sum(base) < MIN_LIMITS:
        centre = (
            runs.median([y for y, b in zip(ys, base, strict=True) if b]) if any(base) else math.nan
        )
        none: tuple[float | None, ...] = (None,) * len(ys)
        return limits.Limits((centre,) * len(ys), none, none, none, none)
    if kind in RATIOS:
        assert denominators is not None  # p and u charts always carry them
        num = [float(numerators[i] or 0.0) for i in idx]
        den = [float(denominators[i] or 0.0) for i in idx]
        ratio = {"p": limits.p_chart, "pp": limits.pp_chart, "u": limits.u_chart,
                 "up": limits.up_chart}[kind]  # fmt: skip
        return ratio(num, den, base)
    single = {"c": limits.c_chart, "g": limits.g_chart, "t": limits.t_chart, "i": limits.i_chart}
    return single[kind](ys, base)


def _finite(x: float) -> float | None:
    return None if math.isnan(x) else x


def _verdict(side: int, direction: Direction) -> Literal["improvement", "concern", "neutral"]:
    if direction == "neutral" or side == 0:
        return "neutral"
    better = 1 if direction == "higher_is_better" else -1
    return "improvement" if side == better else "concern"
