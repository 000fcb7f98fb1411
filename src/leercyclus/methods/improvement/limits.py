"""Centre lines and 3-sigma limits of p, u, c and i (XmR) charts, as qicharts2 computes them.

Each function takes one part of a chart (a phase) and a mask of the points its centre and limits
are computed from (the frozen baseline, without excluded points); the limits then hold for every
point of the part. Formulas: qicharts2 R/helper.functions.R (`qic.p`, `qic.u`, `qic.c`, `qic.i`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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
