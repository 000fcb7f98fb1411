"""`leercyclus indicators chart`: an indicator's chart per institution as an SVG (and a PNG),
each in that institution's own folder, with its signals in words."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.errors import UsageError
from leercyclus.methods.improvement.gather import gather, registered_institutions
from leercyclus.methods.improvement.overview import IndicatorView, indicator_chart

if TYPE_CHECKING:
    from leercyclus.loading.network import Network

FOLDER = "indicators"
"""Below the build folder: indicators/<institution>/<indicator>.svg, one folder per
institution, as confidential as its reports."""


@dataclass(frozen=True, slots=True)
class Written:
    """One institution's chart: where it is and what it shows."""

    institution: str
    files: list[Path]
    view: IndicatorView


def write_charts(
    net: Network,
    indicator_id: str,
    institution: str | None,
    out: Path,
    *,
    png: bool = False,
    language: str = "nl",
) -> list[Written]:
    """Write the chart of `indicator_id` for `institution` (or every institution with figures)
    to out/indicators/<institution>/<indicator>.svg; with `png`, a PNG beside it."""
    from leercyclus.repository.write import refuse_links, write_atomic

    data = gather(net, dt.date.today())
    if indicator_id not in data.indicators:
        known = ", ".join(sorted(data.indicators)) or "none"
        raise UsageError(f"no indicator '{indicator_id}' in indicators/", f"known: {known}")
    # a series' institutions were checked against the register (each names a folder below)
    registered = registered_institutions(net, "the chart")
    series = data.series.get(indicator_id, [])
    have = sorted({r.institution for r in series})
    if institution is not None:
        if institution not in registered:
            raise UsageError(f"'{institution}' is not in institutions.yaml")
        if institution not in have:
            raise UsageError(
                f"{indicator_id} has no figures for {institution}",
                f"figures are kept in indicators/data/{indicator_id}.csv",
            )
        have = [institution]
    written = []
    for inst in have:
        svgs: dict[str, str] = {}
        view = indicator_chart(data, inst, indicator_id, language, svgs)
        if view is None:
            continue
        target = out / FOLDER / inst / f"{indicator_id}.svg"
        if target.is_relative_to(net.root):
            refuse_links(net.root, target)
        write_atomic(target, svgs[view.svg] + "\n")
        files = [target]
        if png:
            files.append(_png(target))
        written.append(Written(inst, files, view))
    return written


def _png(svg: Path) -> Path:
    """A PNG of the SVG beside it, made by typst in a child process (as reports' charts are)."""
    from leercyclus.publishing.convert import _charts_as_png  # the one SVG->PNG we have

    with tempfile.TemporaryDirectory(prefix="leercyclus-chart-") as folder:
        shutil.copyfile(svg, Path(folder) / svg.name)
        _charts_as_png(Path(folder))
        target = svg.with_suffix(".png")
        staged = target.with_name(f".{target.name}.part")
        shutil.copyfile(Path(folder) / f"{svg.stem}.png", staged)
        staged.replace(target)  # whole, or not at all
    return target
