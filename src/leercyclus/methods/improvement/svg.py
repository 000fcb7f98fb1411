"""A run or control chart as a self-contained SVG: points, centre line, limits, phases, baseline,
target; signals coloured as Making Data Count does (blue improvement, orange concern)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from leercyclus.methods.improvement.chart import Chart, Point
from leercyclus.methods.improvement.series import Spread

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 24, 44
COLOURS = {
    "improvement": "#2b6cb0",
    "concern": "#dd6b20",
    "neutral": "#6b46c1",
    "": "#7a7a7a",
}
LINE = "#4a5568"
LIMIT = "#a0aec0"
SIGNAL_LINE = "#c53030"
TARGET = "#2f855a"
MARK = "#285e61"


def render(
    chart: Chart,
    title: str,
    scale: float = 1.0,
    target: float | None = None,
    baseline_label: str = "baseline",
    marks: Sequence[tuple[int, str]] = (),
) -> str:
    """The chart as an SVG element; values are multiplied by `scale` (100 for percent);
    `marks` (point index, label) are the PDSA cycles that changed something there."""
    pts = chart.points
    shown = [_scaled(p, scale) for p in pts]
    ys = [v for p in shown for v in (p[0], p[1], p[2], p[3]) if v is not None]
    if target is not None:
        ys.append(target)
    lo, hi = (min(ys), max(ys)) if ys else (0.0, 1.0)
    if math.isclose(lo, hi):
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    n = max(len(pts), 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * (i + 0.5) / n)

    def y(v: float) -> float:
        return TOP + plot_h * (hi - v) / (hi - lo)

    parts: list[str] = [
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#ffffff" '
        f'stroke="#e2e8f0"/>'
    ]
    parts += _baseline(pts, x, n, plot_w, plot_h, baseline_label)
    parts += _phases(chart, x, plot_h)
    runs_signal = {
        k
        for k, part in enumerate(chart.parts)
        if chart.kind == "run" and part.runs and part.runs.signal
    }
    for k, part in enumerate(chart.parts):
        span = range(part.start, part.stop)
        colour = SIGNAL_LINE if k in runs_signal else LINE
        dash = ' stroke-dasharray="6 3"' if k in runs_signal else ""
        parts.append(_path([(x(i), shown[i][1]) for i in span], y, colour, dash, 1.5))
        trial = ' stroke-dasharray="4 4"' if part.trial else ""
        parts.append(_path([(x(i), shown[i][2]) for i in span], y, LIMIT, trial, 1.2))
        parts.append(_path([(x(i), shown[i][3]) for i in span], y, LIMIT, trial, 1.2))
    if target is not None:
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
            f'stroke="{TARGET}" stroke-dasharray="2 3" stroke-width="1.2"/>'
        )
    for i, label in marks:
        parts.append(
            f'<line x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{TOP}" y2="{TOP + plot_h}" '
            f'stroke="{MARK}" stroke-dasharray="1 3" stroke-width="1.2"/>'
            f'<text x="{x(i) + 2:.1f}" y="{TOP + plot_h - 4}" fill="{MARK}">{escape(label)}</text>'
        )
    parts.append(_path([(x(i), shown[i][0]) for i in range(len(pts))], y, "#718096", "", 1.0))
    for i, p in enumerate(pts):
        v = shown[i][0]
        if v is None:
            continue
        colour = COLOURS[p.verdict]
        r = 4 if p.rule else 3
        label = f"{p.label}: {_fmt(v)}" + (f" ({p.rule})" if p.rule else "")
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="{r}" fill="{colour}">'
            f"<title>{escape(label)}</title></circle>"
        )
    parts += _axes(pts, x, lo, hi, y, plot_w)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif" '
        f'font-size="11"><title>{escape(title)}</title>{"".join(parts)}</svg>'
    )


Scale = Callable[[float], float]
Position = Callable[[int], float]
Shown = tuple[float | None, float | None, float | None, float | None]


def _scaled(p: Point, scale: float) -> Shown:
    def s(v: float | None) -> float | None:
        return None if v is None else v * scale

    return s(p.value), s(p.centre), s(p.lower), s(p.upper)


def _path(
    coords: Sequence[tuple[float, float | None]], y: Scale, colour: str, extra: str, width: float
) -> str:
    """A polyline that breaks where a value is missing."""
    segments: list[list[str]] = [[]]
    for cx, v in coords:
        if v is None:
            segments.append([])
        else:
            segments[-1].append(f"{cx:.1f},{y(v):.1f}")
    d = " ".join("M" + " L".join(seg) for seg in segments if seg)
    if not d:
        return ""
    return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"{extra}/>'


def _baseline(
    pts: Sequence[Point], x: Position, n: int, plot_w: float, plot_h: float, label: str
) -> list[str]:
    marked = [i for i, p in enumerate(pts) if p.in_baseline]
    if not marked:
        return []
    step = plot_w / n
    x0, x1 = x(marked[0]) - step / 2, x(marked[-1]) + step / 2
    return [
        f'<rect x="{x0:.1f}" y="{TOP}" width="{x1 - x0:.1f}" height="{plot_h}" fill="#edf2f7"/>',
        f'<text x="{x0 + 3:.1f}" y="{TOP + 11}" fill="#4a5568">{escape(label)}</text>',
    ]


def _phases(chart: Chart, x: Position, plot_h: float) -> list[str]:
    out = []
    for part in chart.parts[1:]:
        cx = x(part.start) - (x(1) - x(0)) / 2
        out.append(
            f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{TOP}" y2="{TOP + plot_h}" stroke="#2d3748" '
            f'stroke-dasharray="3 3"/>'
            f'<text x="{cx + 3:.1f}" y="{TOP + 11}" fill="#2d3748">'
            f"{escape(part.reason[:40])}</text>"
        )
    return out


def _axes(
    pts: Sequence[Point], x: Position, lo: float, hi: float, y: Scale, plot_w: float
) -> list[str]:
    out = []
    every = max(1, math.ceil(len(pts) / 12))
    for i, p in enumerate(pts):
        if i % every == 0:
            out.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                f'fill="#4a5568">{escape(p.label)}</text>'
            )
    for v in _ticks(lo, hi):
        out.append(
            f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" fill="#4a5568">'
            f"{_fmt(v)}</text>"
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="#edf2f7"/>'
        )
    return out


def _ticks(lo: float, hi: float) -> list[float]:
    raw = (hi - lo) / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    return [first + k * step for k in range(int((hi - first) / step) + 1)]


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    return (
        f"{v:.0f}" if abs(v) >= 100 else f"{v:.1f}".replace(".0", "") if v == int(v) else f"{v:.1f}"
    )


def spread(rows: Sequence[Spread], title: str, target: float | None = None) -> str:
    """The network's picture of an indicator: the band from the 25% to the 75% point over the
    institutions per period, and the median; no institution is drawn."""
    ys = [v for r in rows for v in (r.low, r.high, r.median)] + (
        [target] if target is not None else []
    )
    lo, hi = (min(ys), max(ys)) if ys else (0.0, 1.0)
    if math.isclose(lo, hi):
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    n = max(len(rows), 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + plot_w * (i + 0.5) / n

    def y(v: float) -> float:
        return TOP + plot_h * (hi - v) / (hi - lo)

    upper = " L".join(f"{x(i):.1f},{y(r.high):.1f}" for i, r in enumerate(rows))
    lower = " L".join(f"{x(i):.1f},{y(r.low):.1f}" for i, r in reversed(list(enumerate(rows))))
    parts = [
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#ffffff" '
        f'stroke="#e2e8f0"/>',
        f'<path d="M{upper} L{lower} Z" fill="#bee3f8" stroke="none"/>' if rows else "",
        _path([(x(i), r.median) for i, r in enumerate(rows)], y, "#2b6cb0", "", 2.0),
    ]
    if target is not None:
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
            f'stroke="{TARGET}" stroke-dasharray="2 3" stroke-width="1.2"/>'
        )
    labels = [Point(r.period, r.median, None, None, None, None, 0, "", False) for r in rows]
    parts += _axes(labels, x, lo, hi, y, plot_w)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif" '
        f'font-size="11"><title>{escape(title)}</title>{"".join(parts)}</svg>'
    )
