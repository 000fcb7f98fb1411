"""Centre lines and 3-sigma limits of p, u, c, i (XmR), Laney p' and u', g and t charts, as
qicharts2 computes them.

Each function takes one part of a chart (a phase) and a mask of the points its centre and limits
are computed from (the frozen baseline, without excluded points); the limits then hold for every
point of the part. Formulas: qicharts2 R/helper.functions.R (`qic.p`, `qic.pp`, `qic.u`,
`qic.up`, `qic.c`, `qic.i`, `qic.g`, `qic.t`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from leercyclus.methods.improvement.runs import median

D2 = 1.128
"""The bias constant d2 for moving ranges of two points (sigma = mean moving range / d2)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The centre line and the limits at each point of one part (None where undefined)."""

    centre: tuple[float, ...]
    lower: tuple[float | None, ...]
    upper: tuple[float | None, ...]
    lower2: tuple[float | None, ...]
    """Two-sigma lines: MDC's '2 of 3 close to a limit' rule uses them."""
    upper2: tuple[float | None, ...]


def p_chart(
    numerators: Sequence[float], denominators: Sequence[float], base: Sequence[bool]
) -> Limits:
    """A p chart (proportions): cl = sum(num) / sum(den) over the base; sd = sqrt(cl(1-cl)/n)."""
    cl = _pooled(numerators, denominators, base)
    sds = [math.sqrt(cl * (1 - cl) / n) if n > 0 else math.nan for n in denominators]
    return _around(cl, sds, floor=0.0, ceiling=1.0)


def u_chart(
    numerators: Sequence[float], denominators: Sequence[float], base: Sequence[bool]
) -> Limits:
    """A u chart (rates): cl = sum(count) / sum(exposure) over the base; sd = sqrt(cl / n)."""
    cl = _pooled(numerators, denominators, base)
    sds = [math.sqrt(cl / n) if n > 0 else math.nan for n in denominators]
    return _around(cl, sds, floor=0.0)


def pp_chart(
    numerators: Sequence[float], denominators: Sequence[float], base: Sequence[bool]
) -> Limits:
    """Laney's p' chart: a p chart whose sigma is widened by sigma_z, the spread between periods
    that very large denominators make visible (overdispersion). sigma_z is the mean moving range
    of the base points' z-scores / 1.128; without overdispersion it is about 1 (a p chart)."""
    cl = _pooled(numerators, denominators, base)
    sds = [math.sqrt(cl * (1 - cl) / n) if n > 0 else math.nan for n in denominators]
    return _around(cl, _laney(numerators, denominators, sds, cl, base), floor=0.0, ceiling=1.0)


def up_chart(
    numerators: Sequence[float], denominators: Sequence[float], base: Sequence[bool]
) -> Limits:
    """Laney's u' chart: a u chart widened by sigma_z, as the p' chart is."""
    cl = _pooled(numerators, denominators, base)
    sds = [math.sqrt(cl / n) if n > 0 else math.nan for n in denominators]
    return _around(cl, _laney(numerators, denominators, sds, cl, base), floor=0.0)


def _laney(
    numerators: Sequence[float],
    denominators: Sequence[float],
    sds: Sequence[float],
    cl: float,
    base: Sequence[bool],
) -> list[float]:
    z = [
        (y / n - cl) / sd
        for y, n, sd, b in zip(numerators, denominators, sds, base, strict=True)
        if b and n > 0 and sd > 0
    ]
    ranges = [abs(b - a) for a, b in zip(z, z[1:], strict=False)]
    sigma_z = _mean(ranges) / D2 if ranges else math.nan
    return [sd * sigma_z for sd in sds]


def g_chart(counts: Sequence[float], base: Sequence[bool]) -> Limits:
    """A g chart (opportunities between rare events, geometric): the limits come from the mean,
    sd = sqrt(mean (mean + 1)), the lower ones never below 0; the centre line shown is the
    median, which a skewed geometric distribution is better described by (qicharts2)."""
    kept = [y for y, b in zip(counts, base, strict=True) if b]
    mean = _mean(kept)
    around = _around(mean, [math.sqrt(mean * (mean + 1))] * len(counts), floor=0.0)
    centre = median(kept) if kept else math.nan
    return Limits((centre,) * len(counts), around.lower, around.upper, around.lower2,
                  around.upper2)  # fmt: skip


T_POWER = 3.6
"""Nelson's transformation of the time between events: y ** (1 / 3.6) is close to normal."""


def t_chart(times: Sequence[float], base: Sequence[bool]) -> Limits:
    """A t chart (time between rare events): an i chart of y ** (1/3.6), its centre and limits
    transformed back (** 3.6); a lower limit below zero becomes 0 (qicharts2's `qic.t`)."""
    inner = i_chart([y ** (1 / T_POWER) if y > 0 else math.nan for y in times], base)

    def back(line: tuple[float | None, ...], floor: bool) -> tuple[float | None, ...]:
        out: list[float | None] = []
        for v in line:
            if v is None or v < 0:
                out.append(0.0 if floor else None)
            else:
                out.append(v**T_POWER)
        return tuple(out)

    return Limits(
        centre=tuple(c**T_POWER for c in inner.centre),
        lower=back(inner.lower, True),
        upper=back(inner.upper, False),
        lower2=back(inner.lower2, False),
        upper2=back(inner.upper2, False),
    )


def c_chart(counts: Sequence[float], base: Sequence[bool]) -> Limits:
    """A c chart (counts in equal opportunity): cl = mean count over the base; sd = sqrt(cl)."""
    cl = _mean([y for y, b in zip(counts, base, strict=True) if b])
    return _around(cl, [math.sqrt(cl)] * len(counts), floor=0.0)


def i_chart(values: Sequence[float], base: Sequence[bool]) -> Limits:
    """An i (XmR) chart: cl = mean over the base; sigma = mean moving range / 1.128.

    Moving ranges are taken between consecutive base points, unscreened (qicharts2's default,
    and the Making Data Count spreadsheet's); 3 sigma = 2.66 mean moving ranges.
    """
    kept = [y for y, b in zip(values, base, strict=True) if b]
    cl = _mean(kept)
    ranges = [abs(b - a) for a, b in zip(kept, kept[1:], strict=False)]
    sigma = _mean(ranges) / D2 if ranges else math.nan
    return _around(cl, [sigma] * len(values))


def _pooled(
    numerators: Sequence[float], denominators: Sequence[float], base: Sequence[bool]
) -> float:
    num = sum(y for y, b in zip(numerators, base, strict=True) if b)
    den = sum(n for n, b in zip(denominators, base, strict=True) if b)
    return num / den if den > 0 else math.nan


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def _around(
    cl: float, sds: Sequence[float], floor: float | None = None, ceiling: float | None = None
) -> Limits:
    def line(k: float) -> tuple[float | None, ...]:
        out: list[float | None] = []
        for sd in sds:
            value = cl + k * sd
            if math.isnan(value):
                out.append(None)
                continue
            if floor is not None and value < floor:
                value = floor
            if ceiling is not None and value > ceiling:
                value = ceiling
            out.append(value)
        return tuple(out)

    return Limits(
        centre=(cl,) * len(sds),
        lower=line(-3),
        upper=line(3),
        lower2=line(-2),
        upper2=line(2),
    )
