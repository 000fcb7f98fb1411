"""Time the rotation of intervision groups on synthetic networks; print rows and write JSON.

Usage: python benchmarks/rotation.py [--people 60 200] [--effort 20 [240 ...]] [--out FILE]

A synthetic network: people of 8 disciplines (a sixth of them clients or experts by experience),
three years of history (each year a random layout), and next year's groups of 6 to 8 with at
least one client and three disciplines each; a pair counts less the longer ago it sat together
(half-life 2 years, the default). Rows: solver, people, groups, seconds, repeated pairs, their
weighted score (a pair of last year counts 1), the proven lower bound of that score, and the
status. Without OR-Tools only the local search runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from leercyclus.methods.groups.rotation import (  # noqa: E402
    PastGroup,
    Problem,
    Quota,
    Spread,
    recency_weight,
)
from leercyclus.methods.groups.solve import cpsat_available, solve  # noqa: E402


def synthetic(
    people: int, years: int = 3, size: int = 8, seed: int = 1, half_life: float = 2.0
) -> Problem:
    """A network of `people` with `years` of random past groups of about `size`, older years
    weighing less by `half_life` (the network's default)."""
    rng = random.Random(seed)
    groups = max(1, round(people / size))
    clients = frozenset(range(0, people, 6))
    disciplines = [frozenset(range(d, people, 8)) - clients for d in range(8)]
    past: list[PastGroup] = []
    for year in range(years):
        order = list(range(people))
        rng.shuffle(order)
        for k in range(groups):
            weight = recency_weight(years - 1 - year, half_life)
            past.append(PastGroup(f"{year}-{k}", tuple(sorted(order[k::groups])), weight))
    return Problem(
        people=tuple(f"p{i:03d}" for i in range(people)),
        groups=groups,
        min_size=people // groups,
        max_size=-(-people // groups),
        past=tuple(past),
        quotas=(Quota("client or expert by experience", clients, 1),),
        spreads=(Spread("disciplines", tuple(disciplines), 3),),
        seed=2026,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, nargs="+", default=[60, 200])
    parser.add_argument("--effort", type=float, nargs="+", default=[20.0])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = []
    runs: list[tuple[str, float]] = [("local", 0.0)]
    if cpsat_available():
        runs += [("cp-sat", effort) for effort in args.effort]
    for people in args.people:
        problem = synthetic(people)
        for solver, effort in runs:
            result = solve(problem, solver=solver, effort=effort)  # type: ignore[arg-type]
            row = {
                "solver": result.solver,
                "effort": effort if solver == "cp-sat" else None,
                "people": people,
                "groups": problem.groups,
                "seconds": round(result.seconds, 2),
                "repeated_pairs": len(result.repeated),
                "score": result.score,
                "bound": result.floor,
                "status": result.status,
            }
            rows.append(row)
            print(
                f"{solver:7} {f'effort {effort:g}' if effort else '':11} {people:4} people"
                f" {problem.groups:3} groups {result.seconds:7.2f} s"
                f"  repeated pairs {len(result.repeated):3}  score {result.score:6.2f}"
                f"  bound {result.floor:6.2f}  {result.status}",
                flush=True,
            )
    if args.out:
        args.out.write_text(
            json.dumps({"machine": platform.platform(), "rows": rows}, indent=2) + "\n"
        )


if __name__ == "__main__":
    main()
