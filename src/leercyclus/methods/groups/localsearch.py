"""Rotation without a solver: simulated annealing to an allowed layout, then tabu search.

The annealing's energy = weighted repeats + a penalty per broken constraint; the best layout
that breaks none is kept. The tabu search then moves and swaps only within allowed layouts,
where the repeats are. Fixed numbers of runs and steps and seeded generators give the same
layout on every run.
"""

from __future__ import annotations

import math
import random

from leercyclus.methods.groups.rotation import (
    Layout,
    Problem,
    blocks,
    canonical,
    excess_weights,
    lower_bound,
    pair_weights,
)


class _State:
    """An assignment of blocks to groups with the counts that make a move's delta cheap."""

    def __init__(self, problem: Problem, group_of: list[int]) -> None:
        self.p = problem
        g = problem.groups
        self.group_of = group_of
        self.size = [0] * g
        for k in group_of:
            self.size[k] += 1
        self.past_of: list[list[tuple[int, int]]] = [[] for _ in problem.people]
        self.past_count = [[0] * g for _ in problem.past]
        for n, past in enumerate(problem.past):
            for person in set(past.members):
                self.past_of[person].append((n, past.weight))
                self.past_count[n][group_of[person]] += 1
        self.quota_of: list[list[int]] = [[] for _ in problem.people]
        self.quota_count = [[0] * g for _ in problem.quotas]
        for n, quota in enumerate(problem.quotas):
            for person in quota.members:
                self.quota_of[person].append(n)
                self.quota_count[n][group_of[person]] += 1
        self.class_of: list[list[tuple[int, int]]] = [[] for _ in problem.people]
        self.class_count = [[[0] * g for _ in s.classes] for s in problem.spreads]
        self.covered = [[0] * g for _ in problem.spreads]
        for n, spread in enumerate(problem.spreads):
            for c, members in enumerate(spread.classes):
                for person in members:
                    self.class_of[person].append((n, c))
                    k = group_of[person]
                    self.class_count[n][c][k] += 1
                    if self.class_count[n][c][k] == 1:
                        self.covered[n][k] += 1
        self.partners: list[list[int]] = [[] for _ in problem.people]
        for a, b in problem.apart:
            self.partners[a].append(b)
            self.partners[b].append(a)
        # a pair that shared several past groups counts once: the past groups charge it each,
        # and the `excess` (their weights' sum less the heaviest) is given back while together
        self.excess: list[list[tuple[int, int]]] = [[] for _ in problem.people]
        for (a, b), excess in excess_weights(problem).items():
            self.excess[a].append((b, excess))
            self.excess[b].append((a, excess))
        self.cost = sum(
            past.weight * c * (c - 1) // 2
            for past, counts in zip(problem.past, self.past_count, strict=True)
            for c in counts
        ) - sum(
            excess
            for a, pairs in enumerate(self.excess)
            for b, excess in pairs
            if a < b and group_of[a] == group_of[b]
        )
        self.broken = self._count_broken()

    def _count_broken(self) -> int:
        p = self.p
        short = sum(
            max(0, q.least - c)
            for q, row in zip(p.quotas, self.quota_count, strict=True)
            for c in row
        )
        narrow = sum(
            max(0, s.least - c) for s, row in zip(p.spreads, self.covered, strict=True) for c in row
        )
        apart = sum(1 for a, b in p.apart if self.group_of[a] == self.group_of[b])
        return short + narrow + apart

    def move(self, person: int, to: int) -> None:
        """Move one person, keeping cost and broken up to date."""
        frm = self.group_of[person]
        if frm == to:
            return
        p = self.p
        for n, weight in self.past_of[person]:
            row = self.past_count[n]
            self.cost += weight * (row[to] - (row[frm] - 1))
            row[frm] -= 1
            row[to] += 1
        for other, excess in self.excess[person]:
            where = self.group_of[other]
            self.cost -= excess * ((where == to) - (where == frm))
        for n in self.quota_of[person]:
            row = self.quota_count[n]
            least = p.quotas[n].least
            before = max(0, least - row[frm]) + max(0, least - row[to])
            row[frm] -= 1
            row[to] += 1
            self.broken += max(0, least - row[frm]) + max(0, least - row[to]) - before
        for n, c in self.class_of[person]:
            row = self.class_count[n][c]
            cov = self.covered[n]
            least = p.spreads[n].least
            before = max(0, least - cov[frm]) + max(0, least - cov[to])
            row[frm] -= 1
            if row[frm] == 0:
                cov[frm] -= 1
            row[to] += 1
            if row[to] == 1:
                cov[to] += 1
            self.broken += max(0, least - cov[frm]) + max(0, least - cov[to]) - before
        for other in self.partners[person]:
            where = self.group_of[other]
            self.broken += (where == to) - (where == frm)
        self.group_of[person] = to
        self.size[frm] -= 1
        self.size[to] += 1


def _start(problem: Problem, units: list[tuple[int, ...]]) -> list[int]:
    """Blocks, largest first, each into the emptiest group: sizes as even as blocks allow."""
    group_of = [0] * len(problem.people)
    size = [0] * problem.groups
    for block in sorted(units, key=lambda b: (-len(b), b)):
        k = min(range(problem.groups), key=lambda g: (size[g], g))
        for person in block:
            group_of[person] = k
        size[k] += len(block)
    return group_of


def search(
    problem: Problem,
    *,
    iterations: int | None = None,
    runs: int = 12,
    steps: int = 3_000,
) -> tuple[Layout | None, tuple[str, ...]]:
    """The best layout that breaks no constraint (None if none was met), and notes on the run.

    `runs` runs from seeds derived from the problem's, stopping early at one that meets the
    lower bound: each anneals `iterations` steps to an allowed layout, then takes `steps` steps
    of tabu search from it. The landscape of repeated pairs is rugged: annealing alone and
    swapping alone stall at a few repeats more than the optimum, and more runs of the tabu
    search find it more often than one run as long (measured at 60 people). Counted in steps,
    not seconds, the layout is the same on every machine."""
    if iterations is None:
        iterations = min(100_000, 1_000 * len(problem.people))
    floor = lower_bound(problem)
    best: Layout | None = None
    best_cost = math.inf
    done = 0
    for run in range(runs):
        seed = problem.seed + 7_919 * run
        layout, value = _anneal(problem, iterations, seed=seed)
        if layout is not None and value > floor and steps:
            layout, value = _tabu(problem, steps, seed, layout, floor)
        done += 1
        if layout is not None and value < best_cost:
            best, best_cost = layout, value
        if best_cost <= floor:
            break
    notes = (
        f"local search: {done} × ({iterations} steps annealing, {steps} tabu), seed {problem.seed}",
    )
    return best, notes


def _anneal(problem: Problem, iterations: int, seed: int) -> tuple[Layout | None, float]:
    """One run of simulated annealing: the best allowed layout it met, and its cost."""
    units = blocks(problem)
    block_of = {p: b for b, block in enumerate(units) for p in block}
    state = _State(problem, _start(problem, units))
    # a seeded search for a reproducible layout, no secret:
    rng = random.Random(seed)  # nosec B311
    n_units = len(units)
    penalty = 2 + 2 * max((past.weight for past in problem.past), default=1) * problem.max_size
    lightest = min((past.weight for past in problem.past), default=1)
    hot, cold = max(1.0, penalty / 2), 0.02 * lightest
    best: Layout | None = None
    best_cost = math.inf

    def energy() -> int:
        return state.cost + penalty * state.broken

    if state.broken == 0:
        best, best_cost = _layout(state), state.cost
    for step in range(iterations):
        temperature = hot * (cold / hot) ** (step / iterations)
        before = energy()
        first = units[rng.randrange(n_units)]
        frm = state.group_of[first[0]]
        if rng.random() < 0.5:  # move a block to another group, if the sizes allow
            to = rng.randrange(problem.groups - 1) if problem.groups > 1 else 0
            to += to >= frm
            if (
                to == frm
                or state.size[frm] - len(first) < problem.min_size
                or state.size[to] + len(first) > problem.max_size
            ):
                continue
            undo = [(p, frm) for p in first]
            for p in first:
                state.move(p, to)
        else:  # swap two blocks of different groups
            second = units[block_of[rng.randrange(len(problem.people))]]
            to = state.group_of[second[0]]
            change = len(second) - len(first)
            if (
                to == frm
                or not problem.min_size <= state.size[frm] + change <= problem.max_size
                or not problem.min_size <= state.size[to] - change <= problem.max_size
            ):
                continue
            undo = [(p, frm) for p in first] + [(p, to) for p in second]
            for p in first:
                state.move(p, to)
            for p in second:
                state.move(p, frm)
        delta = energy() - before
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            if state.broken == 0 and state.cost < best_cost:
                best, best_cost = _layout(state), state.cost
        else:
            for p, k in undo:
                state.move(p, k)
    return best, best_cost


def _layout(state: _State) -> Layout:
    groups: list[list[int]] = [[] for _ in range(state.p.groups)]
    for person, k in enumerate(state.group_of):
        groups[k].append(person)
    return canonical(groups)


def _tabu(problem: Problem, steps: int, seed: int, start: Layout, floor: int) -> tuple[Layout, int]:
    """One run of tabu search from an allowed layout, never leaving the allowed ones: each step
    takes the best move or swap of a unit (a person, or people kept together) in a repeated
    pair that breaks no constraint and is not tabu (a unit may not return for a few steps to a
    group it left, unless that makes the best layout yet); a stagnant search gets a kick of
    random swaps; it stops at `floor` (the lower bound). The best layout met, and its cost."""
    units = blocks(problem)
    n = len(problem.people)
    block_of = [0] * n
    for b, block in enumerate(units):
        for p in block:
            block_of[p] = b
    group_of = [0] * n
    for k, group in enumerate(start):
        for p in group:
            group_of[p] = k
    state = _State(problem, group_of)
    # a seeded search for a reproducible layout, no secret:
    rng = random.Random(seed)  # nosec B311
    weight = pair_weights(problem)
    met: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for (a, b), w in weight.items():
        if block_of[a] != block_of[b]:
            met[a].append((b, w))
            met[b].append((a, w))
    link: list[dict[int, int]] = [{} for _ in units]  # the weight of past pairs between units
    for (a, b), w in weight.items():
        ua, ub = block_of[a], block_of[b]
        if ua != ub:
            link[ua][ub] = link[ua].get(ub, 0) + w
            link[ub][ua] = link[ub].get(ua, 0) + w
    # pull[p][k]: the weight of p's past partners (outside p's unit) now in group k
    pull = [[0] * problem.groups for _ in range(n)]
    for p in range(n):
        for q, w in met[p]:
            pull[p][group_of[q]] += w
    lo, hi = problem.min_size, problem.max_size
    tabu: dict[tuple[int, int], int] = {}
    best, best_cost = start, state.cost
    since = 0

    def shift(unit: tuple[int, ...], to: int) -> None:
        for p in unit:
            frm = state.group_of[p]
            for q, w in met[p]:
                pull[q][frm] -= w
                pull[q][to] += w
            state.move(p, to)

    def fits(change: int, frm: int, to: int) -> bool:
        return lo <= state.size[frm] - change <= hi and lo <= state.size[to] + change <= hi

    for step in range(steps):
        if state.cost < best_cost:
            best, best_cost, since = _layout(state), state.cost, 0
            if best_cost <= floor:
                break
        since += 1
        if since > 200:  # stagnant: a kick of random swaps that break nothing
            for _ in range(4):
                one, two = units[rng.randrange(len(units))], units[rng.randrange(len(units))]
                gu, gv = state.group_of[one[0]], state.group_of[two[0]]
                if gu != gv and fits(len(one) - len(two), gu, gv):
                    shift(one, gv)
                    shift(two, gu)
                    if state.broken:
                        shift(two, gv)
                        shift(one, gu)
            since = 0
        g = state.group_of
        at = [g[unit[0]] for unit in units]
        conflicted = sorted({block_of[p] for p in range(n) if pull[p][g[p]]})
        if len(conflicted) > 8:  # many repeats (early on, or unavoidable): a sample of them
            conflicted = rng.sample(conflicted, 8)
        # gains[u][k]: what moving unit u to group k changes the repeats by
        gains = [
            [sum(pull[p][k] - pull[p][at[u]] for p in unit) for k in range(problem.groups)]
            for u, unit in enumerate(units)
        ]
        candidates: list[tuple[int, float, int, int, int]] = []  # delta, tie, u, v (-1), group
        for u in conflicted:
            size, frm, gain = len(units[u]), at[u], gains[u]
            shared = link[u]
            for to in range(problem.groups):
                if to != frm and fits(size, frm, to):
                    candidates.append((gain[to], rng.random(), u, -1, to))
            for v, to in enumerate(at):
                if to != frm and (size == len(units[v]) or fits(size - len(units[v]), frm, to)):
                    delta = gain[to] + gains[v][frm] - 2 * shared.get(v, 0)
                    candidates.append((delta, rng.random(), u, v, to))
        candidates.sort()
        for delta, _, u, v, to in candidates:
            unit = units[u]
            frm = g[unit[0]]
            allowed = tabu.get((u, to), -1) < step and (v < 0 or tabu.get((v, frm), -1) < step)
            if not allowed and state.cost + delta >= best_cost:
                continue
            shift(unit, to)
            if v >= 0:
                shift(units[v], frm)
            if state.broken:
                if v >= 0:
                    shift(units[v], to)
                shift(unit, frm)
                continue
            tabu[u, frm] = step + 4 + rng.randrange(8)
            if v >= 0:
                tabu[v, to] = step + 4 + rng.randrange(8)
            break
    if state.cost < best_cost:
        best, best_cost = _layout(state), state.cost
    return best, best_cost
