"""Rotation of groups: constraints held, optimal on small cases (exhaustive search), the same
layout on every run, and the local search when OR-Tools is not installed."""

from __future__ import annotations

import functools
import importlib.util
import random
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from leercyclus.errors import DataError
from leercyclus.methods.groups import rotation
from leercyclus.methods.groups import solve as solving
from leercyclus.methods.groups.rotation import (
    Layout,
    PastGroup,
    Problem,
    Quota,
    Spread,
    canonical,
    cost,
    lower_bound,
    violations,
)
from leercyclus.methods.groups.solve import solve

needs_ortools = pytest.mark.skipif(
    not solving.cpsat_available(),
    reason="OR-Tools is not installed (pip install 'leercyclus[solver]'); the local search runs",
)


def partitions(problem: Problem) -> Iterator[Layout]:
    """Every layout of `problem` into exactly its number of groups within the size bounds."""
    n = len(problem.people)

    def place(i: int, groups: list[list[int]]) -> Iterator[Layout]:
        if i == n:
            if len(groups) == problem.groups and all(len(g) >= problem.min_size for g in groups):
                yield canonical(groups)
            return
        for group in groups:
            if len(group) < problem.max_size:
                group.append(i)
                yield from place(i + 1, groups)
                group.pop()
        if len(groups) < problem.groups:
            groups.append([i])
            yield from place(i + 1, groups)
            groups.pop()

    yield from place(0, [])


@functools.cache
def optimum(problem: Problem) -> int | None:
    """The least cost of an allowed layout, by trying them all (None: none is allowed)."""
    costs = [cost(problem, lay) for lay in partitions(problem) if not violations(problem, lay)]
    return min(costs, default=None)


def small_problem(seed: int) -> Problem:
    """9 to 10 people in 3 groups, two years of history, clients, disciplines, apart, together."""
    rng = random.Random(seed)
    n = rng.choice([9, 10])
    people = list(range(n))
    past = []
    for year in range(2):
        rng.shuffle(people)
        past += [PastGroup(f"{year}-{k}", tuple(sorted(people[k::3])), year + 1) for k in range(3)]
    clients = frozenset(rng.sample(range(n), 4))
    others = [p for p in range(n) if p not in clients]
    disciplines = tuple(frozenset(others[d::3]) for d in range(3))
    a, b, c, d = rng.sample(range(n), 4)
    return Problem(
        people=tuple(f"p{i}" for i in range(n)),
        groups=3,
        min_size=3,
        max_size=4,
        past=tuple(past),
        quotas=(Quota("client", clients),),
        spreads=(Spread("disciplines", disciplines, 2),),
        apart=((a, b),),
        together=((c, d),),
        seed=7,
    )


CASES = [p for p in map(small_problem, range(12)) if optimum(p) is not None][:6]


def overlapping_problem(seed: int) -> Problem:
    """8 people in 2 or 3 groups whose history overlaps: one group kept for two cycles (the same
    members twice, at different weights), and a third cycle that shares some of its pairs."""
    rng = random.Random(seed)
    people = list(range(8))
    rng.shuffle(people)
    kept = [tuple(sorted(people[k::2])) for k in range(2)]
    rng.shuffle(people)
    past = [PastGroup(f"a{k}", g, 1) for k, g in enumerate(kept)]
    past += [PastGroup(f"b{k}", g, 3) for k, g in enumerate(kept)]
    past += [PastGroup(f"c{k}", tuple(sorted(people[k::3])), 2) for k in range(3)]
    groups = rng.choice([2, 3])
    return Problem(
        people=tuple(f"p{i}" for i in range(8)),
        groups=groups,
        min_size=8 // groups,
        max_size=-(-8 // groups),
        past=tuple(past),
        quotas=(Quota("client", frozenset(rng.sample(range(8), groups))),),
        seed=seed,
    )


OVERLAPPING = [overlapping_problem(seed) for seed in range(4)]


@pytest.mark.parametrize(
    "problem", CASES + OVERLAPPING, ids=[f"case{i}" for i in range(len(CASES) + 4)]
)
def test_local_search_finds_the_optimum_of_small_cases(problem: Problem) -> None:
    best = optimum(problem)
    assert best is not None
    result = solve(problem, solver="local")
    assert violations(problem, result.layout) == []
    assert result.cost == best
    assert lower_bound(problem) <= best
    assert result.bound <= best


@needs_ortools
@pytest.mark.parametrize("problem", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_cpsat_proves_the_optimum_of_small_cases(problem: Problem) -> None:
    from leercyclus.methods.groups.cpsat import optimise

    layout, bound, name = optimise(problem, effort=10)  # no hint: the model on its own
    assert layout is not None
    assert violations(problem, layout) == []
    assert cost(problem, layout) == optimum(problem) == bound
    assert name.startswith("OR-Tools CP-SAT")


@needs_ortools
@pytest.mark.parametrize("problem", OVERLAPPING, ids=[f"overlap{i}" for i in range(4)])
def test_cpsat_counts_a_pair_of_several_past_groups_once(problem: Problem) -> None:
    from leercyclus.methods.groups.cpsat import optimise

    layout, bound, _ = optimise(problem, effort=10)
    assert layout is not None and violations(problem, layout) == []
    assert cost(problem, layout) == optimum(problem) == bound


@needs_ortools
def test_cpsat_keeps_a_hint_it_cannot_improve() -> None:
    """The hint is renumbered for the symmetry breaking; an optimal one comes back optimal."""
    from leercyclus.methods.groups.cpsat import optimise

    problem = CASES[2]
    best = min(
        (lay for lay in partitions(problem) if not violations(problem, lay)),
        key=lambda lay: cost(problem, lay),
    )
    layout, bound, _ = optimise(problem, effort=0.5, hint=best)
    assert layout is not None and cost(problem, layout) == cost(problem, best)
    assert bound <= cost(problem, best)


def test_a_pair_counts_once_with_its_heaviest_past_group() -> None:
    """a and b sat together twice (weights 1 and 3), b and c once (weight 2): together again,
    the three cost 3 + 2 + 0 (a and c never met), not 1 + 3 + 2."""
    problem = Problem(
        people=("a", "b", "c", "d", "e", "f"),
        groups=2,
        min_size=3,
        max_size=3,
        past=(PastGroup("old", (0, 1), 1), PastGroup("last", (0, 1), 3), PastGroup("x", (1, 2), 2)),
    )
    layout = canonical([(0, 1, 2), (3, 4, 5)])
    assert cost(problem, layout) == 5
    assert rotation.repeated_pairs(problem, layout) == ((0, 1), (1, 2))


def test_the_bound_counts_a_kept_group_once() -> None:
    """Six people who sat together two cycles running, now in two groups of three: at least
    two times three pairs again, counted once (6), not once per cycle (12)."""
    group = tuple(range(6))
    problem = Problem(
        people=tuple(f"p{i}" for i in range(6)),
        groups=2,
        min_size=3,
        max_size=3,
        past=(PastGroup("2024", group), PastGroup("2025", group)),
    )
    assert lower_bound(problem) == 6 == optimum(problem)
    assert solve(problem, solver="local").cost == 6


def test_constraints_are_held_even_where_they_cost_repeats() -> None:
    """Six people who all sat together, two groups: p0 with p1, p2 apart from p3, and a client
    (p0, p4) in each group, whatever the repeats."""
    problem = Problem(
        people=tuple(f"p{i}" for i in range(6)),
        groups=2,
        min_size=3,
        max_size=3,
        past=(PastGroup("old", tuple(range(6))),),
        quotas=(Quota("client", frozenset({0, 4})),),
        apart=((2, 3),),
        together=((0, 1),),
    )
    result = solve(problem, solver="local")
    group_of = {p: k for k, g in enumerate(result.layout) for p in g}
    assert group_of[0] == group_of[1]
    assert group_of[2] != group_of[3]
    assert group_of[0] != group_of[4]
    assert result.cost == 6 == result.bound  # two groups of three from one group of six
    assert result.status == "optimal"


def test_repeated_pairs_are_named() -> None:
    problem = Problem(
        people=("a", "b", "c", "d"),
        groups=2,
        min_size=2,
        max_size=2,
        past=(PastGroup("old", (0, 1)),),
        together=((0, 1),),
    )
    result = solve(problem, solver="local")
    assert result.repeated == ((0, 1),)
    assert rotation.names(problem, result.layout) == [["a", "b"], ["c", "d"]]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"groups": 4}, "do not fit 4 groups of 3 to 4"),
        ({"quotas": (Quota("client", frozenset({1, 2})),)}, "2 people are client: too few"),
        ({"together": ((0, 1, 2, 3, 4),)}, "5 people must sit together"),
        ({"together": ((0, 1),), "apart": ((0, 1),)}, "p0, p1 must sit together, but"),
    ],
)
def test_impossible_requests_say_why(change: dict[str, object], message: str) -> None:
    base = {"people": tuple(f"p{i}" for i in range(10)), "groups": 3, "min_size": 3}
    problem = Problem(**{**base, "max_size": 4, **change})  # type: ignore[arg-type]
    with pytest.raises(DataError, match=message):
        solve(problem, solver="local")


def test_what_to_loosen_when_no_layout_is_found() -> None:
    """Four clients who must all sit apart cannot fit two groups (two clients each, or not):
    the search names keep apart, not the quota, as what to loosen."""
    clients = frozenset(range(4))
    problem = Problem(
        people=tuple(f"p{i}" for i in range(8)),
        groups=2,
        min_size=4,
        max_size=4,
        quotas=(Quota("client", clients, 2),),
        apart=tuple((a, b) for a in clients for b in clients if a < b),
    )
    with pytest.raises(DataError, match="one is found without: keep apart$"):
        solve(problem, solver="local", iterations=2000)


def test_the_local_search_gives_the_same_layout_every_run() -> None:
    problem = CASES[0]
    first = solve(problem, solver="local", iterations=3000)
    again = solve(problem, solver="local", iterations=3000)
    assert first.layout == again.layout
    other_seed = Problem(**{**_fields(problem), "seed": 8})  # type: ignore[arg-type]
    assert violations(other_seed, solve(other_seed, solver="local").layout) == []


@needs_ortools
def test_cpsat_gives_the_same_layout_every_run() -> None:
    from leercyclus.methods.groups.cpsat import optimise

    problem = _benchmark().synthetic(30, years=3, size=6)
    layouts = {optimise(problem, effort=5)[0] for _ in range(2)}
    assert len(layouts) == 1 and None not in layouts


def test_without_ortools_the_local_search_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solving, "cpsat_available", lambda: False)
    result = solve(CASES[1], solver="auto")
    assert result.solver.startswith("local search")
    assert result.cost == optimum(CASES[1])


def test_a_layout_that_meets_the_bound_needs_no_solver() -> None:
    problem = _benchmark().synthetic(60, years=1)  # one year: everyone can meet someone new
    result = solve(problem, solver="cp-sat")
    assert result.cost == result.bound == 0
    assert result.solver == "local search (optimal: it meets the lower bound)"


def test_the_bound_never_exceeds_any_allowed_layout() -> None:
    for problem in CASES + OVERLAPPING:
        assert all(
            lower_bound(problem) <= cost(problem, lay)
            for lay in partitions(problem)
            if not violations(problem, lay)
        )


def _benchmark() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "rotation.py"
    spec = importlib.util.spec_from_file_location("benchmark_rotation", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fields(problem: Problem) -> dict[str, object]:
    return {name: getattr(problem, name) for name in problem.__dataclass_fields__}


def test_recency_halves_a_pair_s_weight_every_half_life() -> None:
    assert [rotation.recency_weight(age, 2) for age in (0, 1, 2, 4)] == [100, 71, 50, 25]
    assert rotation.recency_weight(40, 2) == 1  # an old pair still counts a little


@pytest.mark.parametrize("solver", ["local", pytest.param("cp-sat", marks=needs_ortools)])
def test_an_old_pair_is_preferred_to_a_recent_one(solver: str) -> None:
    """a must sit with b (together last cycle) or with c (together two cycles before): with a
    half-life of 2 cycles, a and c meet again."""
    problem = Problem(
        people=("a", "b", "c", "d"),
        groups=2,
        min_size=2,
        max_size=2,
        past=(
            PastGroup("2025/x", (0, 1), rotation.recency_weight(0, 2)),
            PastGroup("2023/y", (0, 2), rotation.recency_weight(2, 2)),
        ),
        apart=((0, 3),),
    )
    result = solve(problem, solver=solver)  # type: ignore[arg-type]
    assert result.repeated == ((0, 2),)
    assert result.score == 0.5
    if solver == "cp-sat":  # the pigeonhole bound sees no forced pair: CP-SAT proves it
        assert (result.floor, result.status) == (0.5, "optimal")


@needs_ortools
def test_cpsat_raises_the_bound_when_no_layout_is_free_of_repeats() -> None:
    """The pigeonhole bound is 0 (two people over three groups), but a and b must sit together:
    CP-SAT proves there is no layout without a repeat, so the one repeat is optimal."""
    problem = Problem(
        people=("a", "b", "c", "d", "e", "f"),
        groups=3,
        min_size=2,
        max_size=2,
        past=(PastGroup("old", (0, 1), 50), PastGroup("last", (2, 3), 100)),
        together=((0, 1),),
    )
    assert lower_bound(problem) == 0
    local = solve(problem, solver="local")
    assert (local.cost, local.bound, local.status) == (50, 0, "feasible")
    proven = solve(problem, solver="cp-sat", effort=5)
    assert (proven.cost, proven.bound, proven.status) == (50, 50, "optimal")


@needs_ortools
def test_after_a_proof_the_bound_rises_to_the_next_cost_repeats_can_add_up_to() -> None:
    from leercyclus.methods.groups.cpsat import next_cost

    weights = {50, 71, 100}
    assert [next_cost(v, weights) for v in (0, 50, 71, 100, 121)] == [50, 71, 100, 121, 142]
    assert next_cost(3, set()) == 4


def test_the_local_search_reaches_the_optimum_annealing_missed_at_60_people() -> None:
    """The benchmark's 60 people: four annealing runs (the earlier default) stopped at four
    repeated pairs (cost 200); the optimum is one pair of three years ago (cost 50: CP-SAT
    proved the bound 0.50 at effort 240). The tabu search's third run reaches it."""
    from leercyclus.methods.groups.localsearch import search

    problem = _benchmark().synthetic(60)
    layout, _ = search(problem, runs=3)
    assert layout is not None and violations(problem, layout) == []
    assert cost(problem, layout) == 50


def test_the_tabu_search_gives_the_same_layout_every_run() -> None:
    from leercyclus.methods.groups.localsearch import search

    problem = _benchmark().synthetic(48)  # repeats are unavoidable: every step is taken
    first, _ = search(problem, runs=1, steps=300)
    again, _ = search(problem, runs=1, steps=300)
    assert first is not None and first == again
    assert violations(problem, first) == []
