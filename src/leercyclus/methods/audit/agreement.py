"""Krippendorff's alpha: how far observers agree, beyond what chance would give.

Computed from the coincidence matrix as in Krippendorff, "Computing Krippendorff's Alpha-
Reliability" (2011): every pair of values two observers gave the same unit (a theme) counts
1/(m-1), m being the number of values in that unit; units with fewer than two values are left
out, so missing scores (not observed) need no special case.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import permutations
from typing import Literal

Metric = Literal["nominal", "ordinal", "interval"]


def coincidences(
    units: Iterable[Iterable[Hashable | None]],
) -> dict[tuple[Hashable, Hashable], float]:
    """The coincidence matrix o[c, k] of the values in `units` (None: missing)."""
    matrix: dict[tuple[Hashable, Hashable], float] = {}
    for unit in units:
        values = [v for v in unit if v is not None]
        if len(values) < 2:
            continue
        weight = 1 / (len(values) - 1)
        for c, k in permutations(values, 2):
            matrix[c, k] = matrix.get((c, k), 0.0) + weight
    return matrix


def alpha(
    units: Iterable[Iterable[Hashable | None]],
    order: Sequence[Hashable] | None = None,
    metric: Metric = "ordinal",
) -> float | None:
    """Krippendorff's alpha over `units` (each: the values the observers gave it, None where
    one gave none). `order` lists the values from low to high (needed for ordinal; interval
    takes the values themselves as numbers). None when there is nothing to compare: fewer than
    two pairable values, or one value only (no variation, so agreement is undefined)."""
    matrix = coincidences(units)
    totals: dict[Hashable, float] = {}
    for (c, _), count in matrix.items():
        totals[c] = totals.get(c, 0.0) + count
    n = sum(totals.values())
    if n < 2 or len(totals) < 2:
        return None
    distance = _distance(metric, totals, order)
    observed = sum(count * distance(c, k) for (c, k), count in matrix.items())
    expected = sum(
        totals[c] * totals[k] * distance(c, k) for c in totals for k in totals if c != k
    ) / (n - 1)
    return 1 - observed / expected


def _distance(
    metric: Metric, totals: dict[Hashable, float], order: Sequence[Hashable] | None
) -> Callable[[Hashable, Hashable], float]:
    if metric == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if metric == "interval":
        return lambda c, k: (float(c) - float(k)) ** 2  # type: ignore[arg-type]
    if order is None:
        raise ValueError("ordinal alpha needs the order of the values")
    rank = {value: i for i, value in enumerate(order)}
    unknown = [v for v in totals if v not in rank]
    if unknown:
        raise ValueError(f"values not in the order: {unknown}")
    counts = [totals.get(value, 0.0) for value in order]

    def ordinal(c: Hashable, k: Hashable) -> float:
        low, high = sorted((rank[c], rank[k]))
        between = sum(counts[low : high + 1]) - (counts[low] + counts[high]) / 2
        return between**2

    return ordinal


def enough_for_alpha(observers: int, units: int) -> bool:
    """Whether alpha means something: with fewer than 3 observers over 5 themes it swings
    from one score to the next, and the report shows the differences themselves instead."""
    return observers >= 3 and units >= 5
