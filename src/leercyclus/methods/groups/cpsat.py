"""Rotation with OR-Tools CP-SAT (the optional extra `solver`): optimal layouts, with proof.

The model counts, for each past group P and new group k, how many of P sit in k (c = |P ∩ k|)
and charges c(c-1)/2 through a table, rather than one boolean per past pair: the per-pair model
does not prove optimality in a minute at 30 people with three years of history, the per-group
one does in seconds (research note wave2, B.6). One worker, a fixed seed and a deterministic
time limit make the answer the same on every run and machine of one OR-Tools version.
"""

from __future__ import annotations

import math
from typing import Any

from leercyclus.methods.groups.rotation import Layout, Problem, canonical, spread_evenly


def version() -> str:
    import ortools

    return str(ortools.__version__)


def optimise(
    problem: Problem, *, effort: float, hint: Layout | None = None
) -> tuple[Layout | None, int, str]:
    """The best layout found (None if none), a proven lower bound, and the solver's name."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    n, groups = len(problem.people), problem.groups
    x = [[model.new_bool_var(f"x{i}_{k}") for k in range(groups)] for i in range(n)]
    for i in range(n):
        model.add_exactly_one(x[i])
    for k in range(groups):
        model.add_linear_constraint(
            sum(x[i][k] for i in range(n)), problem.min_size, problem.max_size
        )
        for quota in problem.quotas:
            model.add(sum(x[i][k] for i in sorted(quota.members)) >= quota.least)
        for spread in problem.spreads:
            covers = []
            for people in spread.classes:
                y = model.new_bool_var("")
                model.add_bool_or([x[i][k] for i in sorted(people)]).only_enforce_if(y)
                covers.append(y)
            model.add(sum(covers) >= spread.least)
        for a, b in problem.apart:
            model.add_bool_or([x[a][k].Not(), x[b][k].Not()])
        for block in problem.together:
            for other in block[1:]:
                model.add(x[block[0]][k] == x[other][k])
    _break_symmetry(model, x, n, groups)
    objective: list[Any] = []
    for past in problem.past:
        members = sorted(set(past.members))
        if len(members) < 2:
            continue
        top = min(len(members), problem.max_size)
        table = [c * (c - 1) // 2 for c in range(top + 1)]
        charges = []
        for k in range(groups):
            count = model.new_int_var(0, top, "")
            model.add(count == sum(x[i][k] for i in members))
            charge = model.new_int_var(0, table[-1], "")
            model.add_element(count, table, charge)
            for t in range(1, top):  # tangents of c(c-1)/2: a linear bound the LP can use
                model.add(charge >= t * count - t * (t + 1) // 2)
            charges.append(charge)
        model.add(sum(charges) >= spread_evenly(len(members), groups))  # helps the bound
        objective.extend(past.weight * c for c in charges)
    model.minimize(sum(objective))
    if hint is not None:
        for k, group in enumerate(hint):
            for i in range(n):
                model.add_hint(x[i][k], i in group)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = problem.seed
    solver.parameters.max_deterministic_time = effort
    solver.parameters.max_time_in_seconds = max(10.0, effort * 10)  # a guard, never the limit
    status = solver.solve(model)
    name = f"OR-Tools CP-SAT {version()}"
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, 0, name
    layout = canonical(
        [i for i in range(n) if solver.boolean_value(x[i][k])] for k in range(groups)
    )
    bound = math.ceil(solver.best_objective_bound - 1e-6)
    return layout, bound, name


def _break_symmetry(model: Any, x: list[list[Any]], n: int, groups: int) -> None:
    """Groups are interchangeable: number them by their first member (person i may open group k
    only if some earlier person opened group k-1)."""
    opened = [[model.new_bool_var("") for _ in range(n)] for _ in range(groups)]
    for k in range(groups):
        for i in range(n):
            sources = [x[i][k]] + ([opened[k][i - 1]] if i else [])
            model.add_max_equality(opened[k][i], sources)
            if k and i:
                model.add_implication(x[i][k], opened[k - 1][i - 1])
            elif k:
                model.add(x[i][k] == 0)
