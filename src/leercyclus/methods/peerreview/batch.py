"""Render the institution reports: in this process for a few, over all cores for many."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from leercyclus.loading.network import Network
from leercyclus.parallel import can_fork, cores, pool, stop
from leercyclus.publishing.build import Build, Output
from leercyclus.publishing.convert import Conversion
from leercyclus.publishing.scopes import CONFIDENTIAL

if TYPE_CHECKING:
    from leercyclus.methods.peerreview.reports import Plan, Progress

PARALLEL_FROM = 40
"""Below this many reports, starting workers costs more than it saves."""
CHUNK = 25
"""Reports per task: large enough to amortise the hand-over, small for a smooth progress bar."""

_STATE: tuple[Build, Network, Plan] | None = None
"""What forked workers inherit: the build, the loaded network and the plan."""

Rendered = tuple[list[Output], dict[str, str], list[Conversion]]


class Pending:
    """Institution reports being rendered by workers; `wait` merges them into the build."""

    def __init__(
        self, pool: ProcessPoolExecutor, futures: list[Future[Rendered]], chunks: list[list[str]]
    ) -> None:
        self.pool = pool
        self.futures = futures
        self.chunks = chunks

    def wait(self, build: Build, tell: Progress) -> None:
        """Collect the workers' outputs in the plan's order."""
        try:
            for chunk, future in zip(self.chunks, self.futures, strict=True):
                outputs, keys, jobs = future.result()
                build.outputs.extend(outputs)
                build.keys.update(keys)
                build.jobs.extend(jobs)
                for inst in chunk:
                    tell.advance(inst)
        except BaseException:
            self.cancel()
            raise
        self.pool.shutdown(cancel_futures=True)
        _forget()

    def cancel(self) -> None:
        """End the workers now (an interrupted or failed build)."""
        stop(self.pool)
        _forget()


def _forget() -> None:
    global _STATE
    _STATE = None


def render_institutions(build: Build, net: Network, plan: Plan, tell: Progress) -> Pending | None:
    """Emit every institution report of the plan into `build`.

    A few are rendered here and now (None is returned). Many are handed to forked workers, one
    per core, and a Pending is returned: the caller may do other work (the national report)
    while they render, then calls `wait`. The workers are forked before that other work starts.
    """
    institutions = plan.institutions
    workers = min(cores(), len(institutions) // CHUNK + 1)
    if len(institutions) < PARALLEL_FROM or workers < 2 or not can_fork():
        for inst in institutions:
            emit_institution(build, net, plan, inst)
            tell.advance(inst)
        return None
    global _STATE
    _STATE = (build, net, plan)
    chunks = [institutions[i : i + CHUNK] for i in range(0, len(institutions), CHUNK)]
    workers_pool = pool(workers, multiprocessing.get_context("fork"))
    futures = [workers_pool.submit(_render_chunk, chunk) for chunk in chunks]
    return Pending(workers_pool, futures, chunks)


def emit_institution(build: Build, net: Network, plan: Plan, inst: str) -> None:
    """Render one institution's report in every requested format."""
    from leercyclus.methods.peerreview.charts import overview_chart, trend_chart
    from leercyclus.methods.peerreview.institution_report import institution_report
    from leercyclus.methods.peerreview.trends import institution_trend

    report = institution_report(net, plan.data, inst, plan.meta, plan.facts.get(inst, []))
    trend = institution_trend(net, plan.data, inst)
    svg = {"overview": overview_chart(report.domains, plan.language)}
    if trend is not None and trend.domains:
        svg["trend"] = trend_chart(trend, plan.language)
    rel = CONFIDENTIAL.path(plan.data.id, inst, "institution-report")
    context = {"r": report, "trend": trend, "svg": svg, "charts": None}
    build.emit(rel, "institution-report", CONFIDENTIAL.name, inst, **context)


def _render_chunk(chunk: list[str]) -> Rendered:
    """In a forked worker: render a chunk into the worker's own copy of the build."""
    assert _STATE is not None
    build, net, plan = _STATE
    build.outputs, build.keys, build.jobs = [], {}, []
    for inst in chunk:
        emit_institution(build, net, plan, inst)
    return build.outputs, build.keys, build.jobs
