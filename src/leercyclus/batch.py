"""Render the institution reports: in this process for a few, over all cores for many."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.build import Build, Output
from leercyclus.convert import Conversion
from leercyclus.network import Network

if TYPE_CHECKING:
    from leercyclus.reports import Plan, Progress

PARALLEL_FROM = 40
"""Below this many reports, starting workers costs more than it saves."""
CHUNK = 25
"""Reports per task: large enough to amortise the hand-over, small for a smooth progress bar."""

_STATE: tuple[Build, Network, Plan] | None = None
"""What forked workers inherit: the build, the loaded network and the plan."""

Rendered = tuple[list[Output], dict[str, str], list[Conversion]]


def render_institutions(build: Build, net: Network, plan: Plan, tell: Progress) -> None:
    """Emit every institution report of the plan into `build`, in the plan's order."""
    from leercyclus.reports import cpu_count

    institutions = plan.institutions
    workers = min(cpu_count(), len(institutions) // CHUNK + 1)
    if len(institutions) < PARALLEL_FROM or workers < 2 or not _can_fork():
        for inst in institutions:
            emit_institution(build, net, plan, inst)
            tell.advance(inst)
        return
    global _STATE
    _STATE = (build, net, plan)
    chunks = [institutions[i : i + CHUNK] for i in range(0, len(institutions), CHUNK)]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for chunk, (outputs, keys, jobs) in zip(
                chunks, pool.map(_render_chunk, chunks), strict=True
            ):
                build.outputs.extend(outputs)
                build.keys.update(keys)
                build.jobs.extend(jobs)
                for inst in chunk:
                    tell.advance(inst)
    finally:
        _STATE = None


def emit_institution(build: Build, net: Network, plan: Plan, inst: str) -> None:
    """Render one institution's report in every requested format."""
    from leercyclus.report_institution import institution_report
    from leercyclus.reports import overview_chart

    report = institution_report(net, plan.data, inst, plan.meta, plan.today)
    svg = {"overview": overview_chart(report.domains, plan.language)}
    rel = Path(plan.data.id, "confidential", inst, "institution-report")
    build.emit(rel, "institution-report", "confidential", inst, r=report, svg=svg, charts=None)


def _render_chunk(chunk: list[str]) -> Rendered:
    """In a forked worker: render a chunk into the worker's own copy of the build."""
    assert _STATE is not None
    build, net, plan = _STATE
    build.outputs, build.keys, build.jobs = [], {}, []
    for inst in chunk:
        emit_institution(build, net, plan, inst)
    return build.outputs, build.keys, build.jobs


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()
