"""One entry to rotation: CP-SAT when installed, the seeded local search otherwise."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Literal

from leercyclus.errors import DataError
from leercyclus.methods.groups.localsearch import search
from leercyclus.methods.groups.rotation import (
    Problem,
    Result,
    cost,
    impossibilities,
    lower_bound,
    repeated_pairs,
    violations,
)

Solver = Literal["auto", "cp-sat", "local"]


def solve(
    problem: Problem,
    *,
    solver: Solver = "auto",
    effort: float = 60.0,
    iterations: int | None = None,
) -> Result:
    """The best layout found: CP-SAT when installed (and not `local`), local search otherwise.

    `effort` bounds CP-SAT in deterministic seconds (the same answer on every machine); the
    local search runs a fixed number of `iterations`. Both use `problem.seed`, one worker.
    """
    problems = impossibilities(problem)
    if problems:
        raise DataError("no layout can meet the rotation's constraints: " + "; ".join(problems))
    start = time.perf_counter()
    layout, notes = search(problem, iterations=iterations)
    floor = lower_bound(problem)
    proven = layout is not None and cost(problem, layout) == floor
    use_cpsat = solver == "cp-sat" or (solver == "auto" and cpsat_available())
    if proven:  # the simple bound proves it: no solver can do better
        bound, name = floor, "local search (optimal: it meets the lower bound)"
    elif use_cpsat:
        from leercyclus.methods.groups.cpsat import optimise

        found, bound, name = optimise(problem, effort=effort, hint=layout)
        if found is not None and (layout is None or cost(problem, found) <= cost(problem, layout)):
            layout, notes = found, ()
        else:  # the solver did not improve on its starting point within its effort
            notes = (*notes, f"{name} kept the local search's layout")
    else:
        bound, name = floor, "local search (no proof beyond the pigeonhole bound)"
    if layout is None or violations(problem, layout):
        culprits = binding(problem)
        raise DataError(
            "no layout was found that meets the rotation's constraints"
            + (f"; one is found without: {'; '.join(culprits)}" if culprits else ""),
            "loosen that constraint (sizes, requirements, keep apart or together), or give the"
            " search more effort",
        )
    value = cost(problem, layout)
    return Result(
        layout=layout,
        cost=value,
        repeated=repeated_pairs(problem, layout),
        bound=max(bound, floor) if value > bound else value,
        solver=name,
        seconds=time.perf_counter() - start,
        notes=notes,
    )


def cpsat_available() -> bool:
    """Whether OR-Tools is installed (the optional extra `solver`)."""
    import importlib.util

    try:
        return importlib.util.find_spec("ortools.sat.python.cp_model") is not None
    except ModuleNotFoundError:
        return False


def binding(problem: Problem, iterations: int = 20_000) -> list[str]:
    """The constraints without which the local search does find a layout: what to loosen."""
    trials: list[tuple[str, Problem]] = []
    for n, quota in enumerate(problem.quotas):
        quotas = problem.quotas[:n] + problem.quotas[n + 1 :]
        trials.append((f"at least {quota.least} {quota.name}", replace(problem, quotas=quotas)))
    for n, spread in enumerate(problem.spreads):
        spreads = problem.spreads[:n] + problem.spreads[n + 1 :]
        trials.append((f"{spread.least} {spread.name}", replace(problem, spreads=spreads)))
    if problem.apart:
        trials.append(("keep apart", replace(problem, apart=())))
    if problem.together:
        trials.append(("keep together", replace(problem, together=())))
    return [
        name
        for name, trial in trials
        if search(trial, iterations=iterations, runs=1, steps=0)[0] is not None
    ]
