"""Rotation with OR-Tools CP-SAT (the optional extra `solver`): optimal layouts, with proof.

The model counts overlap per past group, not per pair: for each past group P and new group k an
integer o = |P ∩ k|, and booleans "o ≥ 2", "o ≥ 3", ... whose costs rise (1, 2, 3, ...), so
that their sum is o(o-1)/2 and the linear relaxation sees that cost's convex envelope.
The per-pair model does not prove optimality in a minute at 30 people with three years of
history, the per-group one does in seconds (research note wave2, B.6). A pair that shared more
than one past group is charged by each of them; one boolean per such pair, true only when the
two sit together, gives the excess back, so every pair counts once (as `rotation.cost`).

The new groups are interchangeable: they are numbered by their first member, and the members of
the heaviest past group come first in that order, so a layout that spreads that group fixes
its members one to each group. One worker, a fixed seed and a deterministic time limit make the
answer the same on every run and machine of one OR-Tools version.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from leercyclus.methods.groups.rotation import (
    Layout,
    Problem,
    canonical,
    cost,
    excess_weights,
    lower_bound,
    spread_evenly,
)

Outcome = Literal["found", "none", "unknown"]


def version() -> str:
    from importlib.metadata import version as installed

    return installed("ortools")


def optimise(
    problem: Problem, *, effort: float, hint: Layout | None = None
) -> tuple[Layout | None, int, str]:
    """The best layout found (None if none), a proven lower bound, and the solver's name.

    First, searches for a layout at the bound (from `rotation.lower_bound` up), with every
    repeat beyond it ruled out, which propagates far better than minimising: each finds such a
    layout (optimal), or proves there is none (the bound rises), with half the effort left. Then
    CP-SAT minimises, from the best layout known, with the rest.
    """
    name = f"OR-Tools CP-SAT {version()}"
    floor = lower_bound(problem)
    best, best_cost = hint, (cost(problem, hint) if hint is not None else None)
    left = effort
    # counted per past group, a pair that shared two groups counts twice: a proof that none is
    # at the floor then holds for pairs counted once only at 0 (no pair at all repeats)
    proofs_hold = not excess_weights(problem)
    while (best_cost is None or best_cost > floor) and left > 0.1:
        found, outcome, _, used = _search(problem, left / 2, at_most=floor)
        left -= used
        if outcome == "found":
            return found, floor, name
        if outcome == "unknown" or not (floor == 0 or proofs_hold):
            break
        floor = next_cost(floor, {past.weight for past in problem.past})
    if best_cost is not None and best_cost <= floor:
        return best, floor, name
    found, _, bound, _ = _search(problem, left, at_least=floor, hint=best)
    if found is not None and (best_cost is None or cost(problem, found) <= best_cost):
        best = found
    return best, max(floor, bound), name


def next_cost(value: int, weights: set[int]) -> int:
    """The least cost above `value` that some repeats can add up to (a sum of the weights):
    after a proof that no layout costs at most `value`, the bound rises to it."""
    if not weights:
        return value + 1
    top = value + max(weights)
    reachable = [True] + [False] * top
    for total in range(1, top + 1):
        reachable[total] = any(total >= w and reachable[total - w] for w in weights)
    return next(total for total in range(value + 1, top + 1) if reachable[total])


@dataclass(frozen=True, slots=True)
class _Model:
    model: Any
    x: list[list[Any]]
    """x[i][k]: person i sits in new group k."""
    objective: Any
    order: list[int]


def _search(
    problem: Problem,
    effort: float,
    *,
    at_most: int | None = None,
    at_least: int = 0,
    hint: Layout | None = None,
) -> tuple[Layout | None, Outcome, int, float]:
    """A layout of cost at most `at_most` (a search for any), else the least cost above
    `at_least`: the layout, whether one was found, the proven bound, the effort spent."""
    from ortools.sat.python import cp_model

    built = _build(problem, exact=at_most is None)
    model = built.model
    if at_most is not None:
        model.add(built.objective <= at_most)
    else:
        model.add(built.objective >= at_least)
        model.minimize(built.objective)
    if hint is not None:
        for k, group in enumerate(_numbered(hint, built.order)):
            for i in range(len(problem.people)):
                model.add_hint(built.x[i][k], i in group)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = problem.seed
    solver.parameters.max_deterministic_time = max(effort, 0.1)
    solver.parameters.max_time_in_seconds = max(10.0, effort * 10)  # a guard, never the limit
    status = solver.solve(model)
    used = solver.response_proto.deterministic_time
    if status == cp_model.INFEASIBLE:
        return None, "none", at_least, used
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, "unknown", at_least, used
    layout = canonical(
        [i for i in range(len(problem.people)) if solver.boolean_value(built.x[i][k])]
        for k in range(problem.groups)
    )
    bound = at_least if at_most is not None else math.ceil(solver.best_objective_bound - 1e-6)
    return layout, "found", bound, used


def _build(problem: Problem, *, exact: bool = True) -> _Model:
    """The constraints of `problem` on x[i][k], its groups numbered, and the weighted repeats:
    exact, or (`exact=False`) with a pair charged by each past group it shared, which is never
    less and, without negative terms, lets presolve turn a zero budget into at-most-ones."""
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
    order = _order(problem)
    _break_symmetry(model, x, order, groups)
    objective = _overlap_costs(model, problem, x)
    if exact:
        objective -= _excess_returned(model, problem, x)
        model.add(objective >= lower_bound(problem))  # what the relaxation cannot see of it
    return _Model(model, x, objective, order)


def _overlap_costs(model: Any, problem: Problem, x: list[list[Any]]) -> Any:
    """Per past group and new group: o(o-1)/2 for its o members placed together, weighted."""
    groups = problem.groups
    total: list[Any] = []
    for past in problem.past:
        members = sorted(set(past.members))
        top = min(len(members), problem.max_size)
        if top < 2:
            continue
        charges = []
        for k in range(groups):
            placed = sum(x[i][k] for i in members)
            # at_least[t] is "o >= t + 2"; o <= 1 + their number, and each costs more than
            # the one before (t + 1): the cheapest way to cover o is exactly o(o-1)/2
            at_least = [model.new_bool_var("") for _ in range(top - 1)]
            model.add(placed <= 1 + sum(at_least))
            for t, flag in enumerate(at_least):
                model.add(placed >= t + 2).only_enforce_if(flag)
                if t:
                    model.add_implication(flag, at_least[t - 1])
            charges.append(sum((t + 1) * flag for t, flag in enumerate(at_least)))
        model.add(sum(charges) >= spread_evenly(len(members), groups))  # helps the bound
        total.extend(past.weight * charge for charge in charges)
    return sum(total)


def _excess_returned(model: Any, problem: Problem, x: list[list[Any]]) -> Any:
    """For each pair that shared several past groups, the excess they charge it, given back by
    a boolean that can be true only when the two sit in one group."""
    returned: list[Any] = []
    for (a, b), excess in sorted(excess_weights(problem).items()):
        together = model.new_bool_var("")
        for k in range(problem.groups):
            model.add_bool_or([together.Not(), x[a][k].Not(), x[b][k]])
            model.add_bool_or([together.Not(), x[b][k].Not(), x[a][k]])
        returned.append(excess * together)
    return sum(returned)


def _order(problem: Problem) -> list[int]:
    """People in the order that numbers the groups: the heaviest (then largest) past group's
    members first, then everyone else by index."""
    if not problem.past:
        return list(range(len(problem.people)))
    first = min(problem.past, key=lambda p: (-p.weight, -len(set(p.members)), p.name))
    lead = sorted(set(first.members))
    return lead + [i for i in range(len(problem.people)) if i not in set(lead)]


def _numbered(layout: Layout, order: list[int]) -> list[tuple[int, ...]]:
    """The layout's groups numbered as the symmetry breaking wants: by their first member in
    `order` (a hint numbered otherwise would break it, and be ignored)."""
    rank = {person: r for r, person in enumerate(order)}
    return sorted(layout, key=lambda group: min(rank[p] for p in group))


def _break_symmetry(model: Any, x: list[list[Any]], order: list[int], groups: int) -> None:
    """Groups are interchangeable: number them by their first member in `order` (a person may
    open group k only if someone before them opened group k-1)."""
    opened = [[model.new_bool_var("") for _ in order] for _ in range(groups)]
    for k in range(groups):
        for r, i in enumerate(order):
            sources = [x[i][k]] + ([opened[k][r - 1]] if r else [])
            model.add_max_equality(opened[k][r], sources)
            if k and r:
                model.add_implication(x[i][k], opened[k - 1][r - 1])
            elif k:
                model.add(x[i][k] == 0)
