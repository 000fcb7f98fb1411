"""Rotation: the problem of next period's groups, its cost, its lower bound, and one solve()."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

SCALE = 100
"""A pair from the last cycle weighs SCALE (times rotation.yaml's last_cycle_weight): weights
are whole numbers (CP-SAT's objective is), and a score of cost / SCALE reads as `repeated pairs,
older ones counted less`."""

Layout = tuple[tuple[int, ...], ...]
"""Groups of people (their indices), each sorted, the groups in order of their first member."""


@dataclass(frozen=True, slots=True)
class Quota:
    """Every group holds at least `least` of `members` (e.g. a client or expert by experience)."""

    name: str
    members: frozenset[int]
    least: int = 1


@dataclass(frozen=True, slots=True)
class Spread:
    """Every group covers at least `least` of `classes` (e.g. three disciplines)."""

    name: str
    classes: tuple[frozenset[int], ...]
    least: int


@dataclass(frozen=True, slots=True)
class PastGroup:
    """A group people sat in before; each pair in it that meets again costs `weight`."""

    name: str
    members: tuple[int, ...]
    weight: int = 1


@dataclass(frozen=True, slots=True)
class Problem:
    """Place `people` in `groups` groups of `min_size`..`max_size`, every quota and spread met,
    `apart` pairs apart and `together` sets together, with as few pairs as possible that sat
    together in a past group (weighted)."""

    people: tuple[str, ...]
    groups: int
    min_size: int
    max_size: int
    past: tuple[PastGroup, ...] = ()
    quotas: tuple[Quota, ...] = ()
    spreads: tuple[Spread, ...] = ()
    apart: tuple[tuple[int, int], ...] = ()
    together: tuple[tuple[int, ...], ...] = ()
    seed: int = 0


Status = Literal["optimal", "feasible"]


@dataclass(frozen=True, slots=True)
class Result:
    """A proposed layout with its weighted cost, its repeated pairs and a proven lower bound."""

    layout: Layout
    cost: int
    """Weighted repeats: per past group, the pairs of it that sit together again."""
    repeated: tuple[tuple[int, int], ...]
    """The pairs (people indices) that sat together before and do so again."""
    bound: int
    """No layout has a lower cost than this (the solver's proof, or the pigeonhole bound)."""
    solver: str
    seconds: float
    notes: tuple[str, ...] = field(default=())

    @property
    def score(self) -> float:
        """The weighted repeats in pairs of the last cycle (one such pair scores 1, or its
        last_cycle_weight)."""
        return round(self.cost / SCALE, 2)

    @property
    def floor(self) -> float:
        """The lower bound in the same unit as `score`."""
        return round(self.bound / SCALE, 2)

    @property
    def status(self) -> Status:
        return "optimal" if self.cost <= self.bound else "feasible"


def recency_weight(age: int, half_life: float) -> int:
    """The weight of a pair that sat together `age` cycles before the last one (0: in the last
    cycle): SCALE halved every `half_life` cycles, never below 1 (an old pair still counts)."""
    return max(1, round(SCALE * 2 ** (-age / half_life)))


def pairs_of(members: Iterable[int]) -> int:
    n = len(set(members))
    return n * (n - 1) // 2


def _shared_weights(problem: Problem) -> dict[tuple[int, int], list[int]]:
    """Each pair that sat together before, with the weights of the past groups it shared (in
    their order; a weight is 1 at least)."""
    shared: dict[tuple[int, int], list[int]] = {}
    for past in problem.past:
        members = sorted(set(past.members))
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                shared.setdefault((a, b), []).append(past.weight)
    return shared


def pair_weights(problem: Problem) -> dict[tuple[int, int], int]:
    """Each pair that sat together before, with the weight of its heaviest shared past group
    (a pair that shared two groups is one pair, weighed as the most recent of them)."""
    return {pair: max(w) for pair, w in _shared_weights(problem).items()}


def excess_weights(problem: Problem) -> dict[tuple[int, int], int]:
    """Per pair that shared more than one past group: their weights' sum less the heaviest
    (what counting per past group charges too much when the pair sits together again)."""
    return {pair: sum(w) - max(w) for pair, w in _shared_weights(problem).items() if len(w) > 1}


def cost(problem: Problem, layout: Layout) -> int:
    """The weighted repeats of `layout`: each pair together again that sat together before,
    counted once, with the weight of its heaviest shared past group."""
    weights = pair_weights(problem)
    return sum(
        weights.get((a, b), 0)
        for group in layout
        for n, a in enumerate(group)
        for b in group[n + 1 :]
    )


def repeated_pairs(problem: Problem, layout: Layout) -> tuple[tuple[int, int], ...]:
    """Every pair sitting together in `layout` that also sat together in a past group."""
    met = pair_weights(problem)
    return tuple(sorted((a, b) for g in layout for a in g for b in g if a < b and (a, b) in met))


def spread_evenly(count: int, groups: int) -> int:
    """The fewest pairs `count` people of one past group can form over `groups` groups."""
    q, r = divmod(count, groups)
    return r * (q + 1) * q // 2 + (groups - r) * q * (q - 1) // 2


def lower_bound(problem: Problem) -> int:
    """The pigeonhole bound: each past group's members spread as evenly as the groups allow.

    A past group of s people over K groups puts at least `spread_evenly(s, K)` of its pairs
    together again. Pairs count once, so the past groups are taken heaviest first and each is
    credited only with the pairs no heavier group has claimed: of its forced pairs, at most the
    already claimed ones can be the claimed ones."""
    claimed: set[tuple[int, int]] = set()
    bound = 0
    for past in sorted(problem.past, key=lambda p: (-p.weight, -len(set(p.members)), p.name)):
        members = sorted(set(past.members))
        pairs = {(a, b) for n, a in enumerate(members) for b in members[n + 1 :]}
        forced = spread_evenly(len(members), problem.groups)
        bound += past.weight * max(0, forced - len(pairs & claimed))
        claimed |= pairs
    return bound


def canonical(groups: Iterable[Iterable[int]]) -> Layout:
    """Each group sorted, the groups in order of their first member (one form per partition)."""
    return tuple(sorted((tuple(sorted(g)) for g in groups if g), key=lambda g: g[0]))


def violations(problem: Problem, layout: Layout) -> list[str]:
    """Every constraint `layout` breaks, in words (empty: the layout is allowed)."""
    found: list[str] = []
    placed = sorted(p for g in layout for p in g)
    if placed != list(range(len(problem.people))):
        found.append("not everyone is placed exactly once")
    if len(layout) != problem.groups:
        found.append(f"{len(layout)} groups instead of {problem.groups}")
    group_of = {p: k for k, g in enumerate(layout) for p in g}
    for k, group in enumerate(layout, 1):
        if not problem.min_size <= len(group) <= problem.max_size:
            found.append(f"group {k} has {len(group)} people")
        for quota in problem.quotas:
            if len(quota.members.intersection(group)) < quota.least:
                found.append(f"group {k} lacks {quota.name}")
        for spread in problem.spreads:
            if sum(1 for c in spread.classes if c.intersection(group)) < spread.least:
                found.append(f"group {k} covers too few {spread.name}")
    for a, b in problem.apart:
        if group_of.get(a) == group_of.get(b):
            found.append(f"{problem.people[a]} and {problem.people[b]} must sit apart")
    for members in problem.together:
        if len({group_of.get(p) for p in members}) > 1:
            found.append(f"{', '.join(problem.people[p] for p in members)} must sit together")
    return found


def blocks(problem: Problem) -> list[tuple[int, ...]]:
    """The people joined by `together` into blocks that move as one (singletons for the rest)."""
    parent = list(range(len(problem.people)))

    def root(p: int) -> int:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    for members in problem.together:
        for other in members[1:]:
            parent[root(other)] = root(members[0])
    joined: dict[int, list[int]] = {}
    for p in range(len(parent)):
        joined.setdefault(root(p), []).append(p)
    return [tuple(b) for b in joined.values()]


def impossibilities(problem: Problem) -> list[str]:
    """What makes every layout impossible, found without searching (sizes, quotas, blocks)."""
    n, g = len(problem.people), problem.groups
    found: list[str] = []
    if g < 1:
        found.append("there must be at least one group")
        return found
    if problem.min_size > problem.max_size:
        found.append(f"the least size {problem.min_size} exceeds the largest {problem.max_size}")
    if not g * problem.min_size <= n <= g * problem.max_size:
        found.append(
            f"{n} people do not fit {g} groups of {problem.min_size} to {problem.max_size}"
        )
    for quota in problem.quotas:
        if len(quota.members) < g * quota.least:
            found.append(
                f"{len(quota.members)} people are {quota.name}: too few for "
                f"{quota.least} in each of {g} groups"
            )
    for spread in problem.spreads:
        if len([c for c in spread.classes if c]) < spread.least:
            found.append(f"only {len(spread.classes)} {spread.name} for {spread.least} per group")
    apart = {frozenset(pair) for pair in problem.apart}
    for block in blocks(problem):
        if len(block) > problem.max_size:
            found.append(f"{len(block)} people must sit together: more than a group holds")
        if any(frozenset((a, b)) in apart for a in block for b in block if a < b):
            names = ", ".join(problem.people[p] for p in block)
            found.append(f"{names} must sit together, but some of them must sit apart")
    return found


def names(problem: Problem, layout: Layout) -> list[list[str]]:
    """The layout with people's ids in place of their indices."""
    return [[problem.people[p] for p in group] for group in layout]


def index(problem_people: Sequence[str]) -> dict[str, int]:
    return {pid: i for i, pid in enumerate(problem_people)}
