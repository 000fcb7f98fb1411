"""SVG charts of outcome distributions: inline in HTML, as files for DOCX and PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from leercyclus.methods.peerreview.aggregate import OUTCOMES, Distribution, DomainBlock
from leercyclus.publishing.texts import LABELS, TEXTS

if TYPE_CHECKING:
    from leercyclus.methods.peerreview.national_report import NationalReport
    from leercyclus.methods.peerreview.trends import Trend

COLOURS = {
    "met": "#2f7d32",
    "partly_met": "#e0a100",
    "not_met": "#c0392b",
    "not_applicable": "#9e9e9e",
    "missing": "#ffffff",
}
TEXT_ON = {"met": "#ffffff", "partly_met": "#1a1a1a", "not_met": "#ffffff",
           "not_applicable": "#1a1a1a", "missing": "#555555"}  # fmt: skip
SEGMENTS = (*OUTCOMES, "missing")
"""Bar segments in order; 'missing' is a standard without an outcome (not judged)."""

WIDTH = 700
LABEL_W = 290
BAR_H = 18
GAP = 8
GROUP_GAP = 10
CLIP = 44
"""Characters of a label that fit in LABEL_W at 12 px."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: a label, an optional second label (e.g. 'zelfreview'), its distribution.

    `missing` counts items without an outcome (drawn as an outlined segment); `scale`, when
    given, is the count that fills the whole bar, else all bars share the largest total.
    """

    label: str
    sublabel: str
    dist: Distribution
    group_start: bool = True
    missing: int = 0
    scale: int | None = None

    def count(self, segment: str) -> int:
        return self.missing if segment == "missing" else getattr(self.dist, segment)

    @property
    def total(self) -> int:
        return self.dist.total + self.missing


def overview_chart(blocks: Sequence[DomainBlock], language: str) -> str:
    """The institution report's chart: per domain, self-review beside team, every standard
    counted (those without an outcome as 'no rating'), each bar the width of its domain."""
    texts = TEXTS[language]
    bars = []
    for block in blocks:
        label = f"{block.domain.id} {block.domain.title}"
        size = len(block.rows)
        bars.append(Bar(label, texts["self"], block.own, True, block.own_missing, size))
        bars.append(Bar(label, texts["team_view"], block.team, False, block.team_missing, size))
    return stacked_bars(bars, _labels(language), texts["overview"])


def sector_chart(report: NationalReport, language: str) -> str:
    """Per standard that may be shown, its distribution, ordered from the largest share fully
    met to the smallest (ties in report order), labelled with the standard's id and title."""
    shown = [r for r in report.rows if r.picture is not None]
    order = sorted(shown, key=lambda r: -r.picture.share("met") if r.picture else 0)
    bars = [
        Bar(f"{r.standard.id} {r.standard.title}", "", r.picture, True)
        for r in order
        if r.picture is not None
    ]
    return stacked_bars(bars, _labels(language), TEXTS[language]["sector_chart"], gap=0)


def trend_chart(trend: Trend, language: str) -> str:
    """Per domain, a bar per cycle: the outcomes of the standards followed through every cycle,
    each domain's bars on one scale. Its description says the same in words (for a screen
    reader), and the table beside it gives every figure."""
    texts = TEXTS[language]
    bars = []
    lines = []
    for block in trend.domains:
        label = f"{block.domain.id} {block.domain.title}"
        scale = max((c.dist.total for c in block.cells if c.dist is not None), default=0)
        said = []
        for k, (cycle, cell) in enumerate(zip(trend.cycles, block.cells, strict=True)):
            dist = cell.dist or Distribution()
            bars.append(Bar(label, cycle, dist, k == 0, scale=scale or None))
            if cell.dist is not None:
                share = dist.percent("met")
                said.append(texts["trend_chart_cell"].format(cycle=cycle, percent=share))
        lines.append(f"{label}: {', '.join(said)}")
    title = texts["trend_chart"].format(first=trend.first, last=trend.last)
    return stacked_bars(bars, _labels(language), title, desc=". ".join(lines) + ".")


def _labels(language: str) -> dict[str, str]:
    return {**LABELS[language], "missing": TEXTS[language]["no_outcome"]}


def stacked_bars(
    bars: Sequence[Bar], labels: dict[str, str], title: str, gap: int = GROUP_GAP, desc: str = ""
) -> str:
    """A horizontal stacked-bar chart with a legend, as a self-contained SVG element."""
    legend_h = 26
    y = legend_h
    scale = max((bar.total for bar in bars), default=0)
    parts: list[str] = []
    for bar in bars:
        if bar.group_start and y > legend_h:
            y += gap
        parts.append(_bar(bar, y, labels, bar.scale or scale))
        y += BAR_H + GAP
    height = y + 4
    legend = _legend(labels, any(bar.missing for bar in bars))
    body = "".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="Helvetica, Arial, sans-serif" '
        f'font-size="12"><title>{escape(title)}</title>{_desc(desc)}{legend}{body}</svg>'
    )


def _desc(text: str) -> str:
    """The chart in words, for a screen reader: <desc> beside <title>."""
    return f"<desc>{escape(text)}</desc>" if text else ""


def _legend(labels: dict[str, str], missing: bool) -> str:
    x = LABEL_W
    items = []
    for segment in SEGMENTS if missing else OUTCOMES:
        items.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[segment]}"'
            f"{_outline(segment)}/>"
            f'<text x="{x + 16}" y="14.5" fill="#1a1a1a">{escape(labels[segment])}</text>'
        )
        x += 24 + 7 * len(labels[segment])
    return "".join(items)


def _outline(segment: str) -> str:
    return ' stroke="#777777" stroke-dasharray="3 2"' if segment == "missing" else ""


def _bar(bar: Bar, y: int, labels: dict[str, str], scale: int) -> str:
    """One bar; lengths are counts on `scale` (the count that fills the bar)."""
    label = bar.label if bar.group_start else ""
    text_y = y + BAR_H - 5
    out = [f'<text x="0" y="{text_y}" fill="#1a1a1a">{escape(_clip(label, CLIP))}</text>']
    if bar.sublabel:
        out.append(
            f'<text x="{LABEL_W - 8}" y="{text_y}" fill="#555555" text-anchor="end">'
            f"{escape(bar.sublabel)}</text>"
        )
    span = WIDTH - LABEL_W - 4
    x = float(LABEL_W)
    if not bar.total or not scale:
        out.append(f'<rect x="{LABEL_W}" y="{y}" width="{span}" height="{BAR_H}" fill="#f0f0f0"/>')
        return "".join(out)
    for segment in SEGMENTS:
        count = bar.count(segment)
        if not count:
            continue
        width = span * count / scale
        out.append(
            f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_H}" '
            f'fill="{COLOURS[segment]}"{_outline(segment)}>'
            f"<title>{escape(labels[segment])}: {count}</title></rect>"
        )
        if width >= 18:
            out.append(
                f'<text x="{x + width / 2:.1f}" y="{text_y}" text-anchor="middle" '
                f'fill="{TEXT_ON[segment]}">{count}</text>'
            )
        x += width
    return "".join(out)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
