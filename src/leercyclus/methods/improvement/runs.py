"""The Anhøj rules of a run chart (unusually long runs, too few crossings), as qicharts2 has them.

Pinned to qicharts2's `runs.analysis` and `crsignal(method = "anhoej")` (R/helper.functions.R):
points on the centre line are dropped; the longest run signals when it is longer than
`round(log2(n)) + 3`; the crossings signal when fewer than `qbinom(0.05, n - 1, 0.5)`.
Two Python ports differ from these thresholds at almost every n; this module does not use them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

MIN_USEFUL = 10
"""Fewer useful points than this: no runs signal is claimed (qicharts2's vignette: the rules
apply 'to charts with as few as 10' points; below, a run chart shows values with a caution)."""


@cache
def longest_run_max(n_useful: int) -> int:
    """The longest run that is still random for `n_useful` points: round(log2(n)) + 3 (Schilling).

    Python's round() rounds halves to even, as R's round() does; log2 of a whole number is never
    exactly a half, so the two agree everywhere.
    """
    return round(math.log2(n_useful)) + 3


def qbinom(p: float, size: int, prob: Fraction = Fraction(1, 2)) -> int:
    """R's qbinom(p, size, prob): the smallest k whose cumulative binomial probability is >= p.

    Exact: the binomial sums are fractions, so no rounding decides a threshold.
    """
    target = Fraction(p)
    cumulative = Fraction(0)
    for k in range(size + 1):
        cumulative += math.comb(size, k) * prob**k * (1 - prob) ** (size - k)
        if cumulative >= target:
            return k
    return size


@cache
def crossings_min(n_useful: int) -> int:
    """The fewest crossings that are still random for `n_useful` points: qbinom(0.05, n-1, 0.5)."""
    return qbinom(0.05, max(n_useful - 1, 0))


@dataclass(frozen=True, slots=True)
class Runs:
    """The runs analysis of one part of a chart."""

    n_obs: int
    """Points in the part (included ones)."""
    n_useful: int
    """Points not on the centre line: the ones runs are counted over."""
    longest_run: int
    longest_run_max: int
    crossings: int
    crossings_min: int
    long_run: bool
    """The longest run is longer than `longest_run_max` (a shift)."""
    few_crossings: bool
    """Fewer crossings than `crossings_min` (a shift, or a process that changes)."""
    enough: bool
    """At least MIN_USEFUL useful points: only then does leercyclus claim a signal."""

    @property
    def signal(self) -> bool:
        """qicharts2's runs.signal (either rule), claimed only with enough points."""
        return self.enough and (self.long_run or self.few_crossings)

    @property
    def reference_signal(self) -> bool:
        """qicharts2's runs.signal exactly, whatever the number of points."""
        return self.long_run or self.few_crossings


def runs_analysis(values: Sequence[float | None], centre: Sequence[float]) -> Runs | None:
    """Anhøj's runs analysis of `values` around `centre` (one centre per value); None if no point
    is off the centre line. Missing values (None) are skipped, as R's na.rm does."""
    sides = [
        (1 if y > c else -1)
        for y, c in zip(values, centre, strict=True)
        if y is not None and not math.isnan(y) and y != c
    ]
    n_obs = sum(1 for y in values if y is not None and not math.isnan(y))
    if not sides:
        return None
    lengths = _run_lengths(sides)
    n = len(sides)
    longest, crossings = max(lengths), len(lengths) - 1
    run_max, cross_min = longest_run_max(n), crossings_min(n)
    return Runs(
        n_obs=n_obs,
        n_useful=n,
        longest_run=longest,
        longest_run_max=run_max,
        crossings=crossings,
        crossings_min=cross_min,
        long_run=longest > run_max,
        few_crossings=crossings < cross_min,
        enough=n >= MIN_USEFUL,
    )


def _run_lengths(sides: Sequence[int]) -> list[int]:
    lengths = [1]
    for before, side in zip(sides, sides[1:], strict=False):
        if side == before:
            lengths[-1] += 1
        else:
            lengths.append(1)
    return lengths


def median(values: Sequence[float]) -> float:
    """The median, as R's stats::median (the mean of the middle two for an even count)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("median of no values")
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
