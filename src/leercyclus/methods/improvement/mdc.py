"""The signal rules of NHS England's Making Data Count, as NHSRplotthedots applies them.

Per point, in this order of precedence (R/ptd_calculate_point_type.R):
1. outside a 3-sigma limit;
2. part of a trend of 7 points, each higher (or each lower) than the one before;
3. part of '2 of 3': two of three points in a row between the 2- and 3-sigma lines, all three on
   the same side of the centre line;
4. part of a shift of 7 points in a row on one side of the centre line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Rule = Literal["outside", "trend", "two_of_three", "shift"]
RUN = 7
"""Points a trend or a shift needs (MDC and NHSRplotthedots: 7; IHI uses 5 and 6)."""


def sign(x: float) -> int:
    return (x > 0) - (x < 0)


def seven_one_side(relative: Sequence[int]) -> list[int]:
    """1 (or -1) at each point that ends 7 points in a row on one side; 0 elsewhere."""
    out = []
    for i, side in enumerate(relative):
        window = relative[i - RUN + 1 : i + 1] if i >= RUN - 1 else ()
        out.append(
            side if side != 0 and len(window) == RUN and all(v == side for v in window) else 0
        )
    return out


def seven_trend(values: Sequence[float]) -> list[int]:
    """1 at each point that ends 7 rising points (-1: falling); ties break a trend."""
    out = [0] * len(values)
    for i in range(RUN - 1, len(values)):
        steps = [sign(values[j] - values[j - 1]) for j in range(i - RUN + 2, i + 1)]
        if all(s == 1 for s in steps):
            out[i] = 1
        elif all(s == -1 for s in steps):
            out[i] = -1
    return out


def part_of_seven(ends: Sequence[int]) -> list[int]:
    """1 at each point inside a run of 7 that some point in `ends` closes."""
    n = len(ends)
    return [int(any(ends[j] != 0 for j in range(i, min(i + RUN, n)))) for i in range(n)]


def two_in_three(close: Sequence[int], relative: Sequence[int]) -> list[int]:
    """1 at each point of a window of 3 with >= 2 close to a limit, all on one side."""
    n = len(close)
    c = [0, 0, *close, 0, 0]
    r = [0, 0, *relative, 0, 0]
    out = []
    for i in range(n):
        hit = any(
            sum(c[i + k : i + k + 3]) >= 2 and abs(sum(r[i + k : i + k + 3])) == 3 for k in range(3)
        )
        out.append(int(hit))
    return out


def point_rules(
    values: Sequence[float],
    centre: Sequence[float],
    lower: Sequence[float | None],
    upper: Sequence[float | None],
    lower2: Sequence[float | None],
    upper2: Sequence[float | None],
) -> list[tuple[Rule, int] | None]:
    """Per point: the rule that flags it and its side (1 high, -1 low), or None (common cause)."""
    n = len(values)
    relative = [sign(y - c) for y, c in zip(values, centre, strict=True)]
    outside = [
        (up is not None and y > up) or (lo is not None and y < lo)
        for y, lo, up in zip(values, lower, upper, strict=True)
    ]
    close = [
        int(not out and ((lo2 is not None and y < lo2) or (up2 is not None and y > up2)))
        for y, out, lo2, up2 in zip(values, outside, lower2, upper2, strict=True)
    ]
    trend_ends = seven_trend(values)
    trend = part_of_seven(trend_ends)
    pair = [
        int(t == 1 and c == 1) for t, c in zip(two_in_three(close, relative), close, strict=True)
    ]
    shift = part_of_seven(seven_one_side(relative))
    result: list[tuple[Rule, int] | None] = []
    for i in range(n):
        if outside[i]:
            result.append(("outside", relative[i]))
        elif trend[i]:
            result.append(("trend", _trend_side(values, trend, i)))
        elif pair[i]:
            result.append(("two_of_three", relative[i]))
        elif shift[i]:
            result.append(("shift", relative[i]))
        else:
            result.append(None)
    return result


def _trend_side(values: Sequence[float], trend: Sequence[int], i: int) -> int:
    """The direction of the trend a point belongs to (NHSRplotthedots: the step to the right
    when the next point is in the trend too, else the step from the left)."""
    if i + 1 < len(values) and trend[i + 1]:
        return sign(values[i + 1] - values[i])
    return sign(values[i] - values[i - 1]) if i > 0 else 0
