"""SVG charts of outcome distributions: inline in HTML, as files for DOCX and PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from leercyclus.methods.peerreview.aggregate import OUTCOMES, Distribution

COLOURS = {
    "met": "#2f7d32",
    "partly_met": "#e0a100",
    "not_met": "#c0392b",
    "not_applicable": "#9e9e9e",
}
TEXT_ON = {"met": "#ffffff", "partly_met": "#1a1a1a", "not_met": "#ffffff",
           "not_applicable": "#1a1a1a"}  # fmt: skip

WIDTH = 640
LABEL_W = 230
BAR_H = 18
GAP = 8
GROUP_GAP = 10


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: a label, an optional second label (e.g. 'zelfreview'), its distribution."""

    label: str
    sublabel: str
    dist: Distribution
    group_start: bool = True


def stacked_bars(bars: Sequence[Bar], labels: dict[str, str], title: str) -> str:
    """A horizontal stacked-bar chart with a legend, as a self-contained SVG element."""
    legend_h = 26
    y = legend_h
    scale = max((bar.dist.total for bar in bars), default=0)
    parts: list[str] = []
    for bar in bars:
        if bar.group_start and y > legend_h:
            y += GROUP_GAP
        parts.append(_bar(bar, y, labels, scale))
        y += BAR_H + GAP
    height = y + 4
    legend = _legend(labels)
    body = "".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="Helvetica, Arial, sans-serif" '
        f'font-size="12"><title>{escape(title)}</title>{legend}{body}</svg>'
    )


def _legend(labels: dict[str, str]) -> str:
    x = LABEL_W
    items = []
    for outcome in OUTCOMES:
        items.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[outcome]}"/>'
            f'<text x="{x + 16}" y="14.5" fill="#1a1a1a">{escape(labels[outcome])}</text>'
        )
        x += 24 + 7 * len(labels[outcome])
    return "".join(items)


def _bar(bar: Bar, y: int, labels: dict[str, str], scale: int) -> str:
    """One bar; lengths are counts on a scale shared by every bar of the chart."""
    label = bar.label if bar.group_start else ""
    text_y = y + BAR_H - 5
    out = [
        f'<text x="0" y="{text_y}" fill="#1a1a1a">{escape(_clip(label, 30))}</text>',
        f'<text x="{LABEL_W - 8}" y="{text_y}" fill="#555555" text-anchor="end">'
        f"{escape(bar.sublabel)}</text>",
    ]
    total = bar.dist.total
    span = WIDTH - LABEL_W - 4
    x = float(LABEL_W)
    if not total:
        out.append(f'<rect x="{LABEL_W}" y="{y}" width="{span}" height="{BAR_H}" fill="#f0f0f0"/>')
    for outcome, count in zip(OUTCOMES, bar.dist.counts, strict=True):
        if not count:
            continue
        width = span * count / scale
        out.append(
            f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_H}" '
            f'fill="{COLOURS[outcome]}"><title>{escape(labels[outcome])}: {count}</title></rect>'
        )
        if width >= 18:
            out.append(
                f'<text x="{x + width / 2:.1f}" y="{text_y}" text-anchor="middle" '
                f'fill="{TEXT_ON[outcome]}">{count}</text>'
            )
        x += width
    return "".join(out)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
