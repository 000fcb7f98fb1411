"""Propose a cycle's groups from rotation.yaml and everyone's history; write them for review."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.errors import DataError
from leercyclus.methods.groups import data
from leercyclus.methods.groups.rotation import (
    PastGroup,
    Problem,
    Quota,
    Result,
    Spread,
    recency_weight,
)
from leercyclus.methods.groups.solve import Solver, solve
from leercyclus.models.groups import EXPERIENCE_ROLES, Requirement

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.models.groups import Person, Rotation

PREFIX = {
    "intervision": "intervisie",
    "learning_network": "leernetwerk",
    "working_group": "werkgroep",
    "theme_meeting": "themagroep",
}


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed composition of one cycle's groups, and how good it is."""

    cycle: str
    kind: str
    problem: Problem
    result: Result
    ids: tuple[str, ...]
    """The proposed groups' ids."""

    def members(self) -> list[list[str]]:
        return [sorted(self.problem.people[p] for p in group) for group in self.result.layout]

    def new_colleagues(self) -> dict[str, int]:
        """Per person, how many in their new group they never sat with before."""
        met = {(a, b) for past in self.problem.past for a in past.members for b in past.members}
        return {
            self.problem.people[p]: sum(1 for q in group if q != p and (p, q) not in met)
            for group in self.result.layout
            for p in group
        }


def build_problem(net: Network, cycle: str) -> tuple[Problem, Rotation]:
    """The rotation problem of `cycle`: its rotation.yaml, people.yaml and earlier groups."""
    loaded = data.rotation(net, cycle)
    if loaded is None:
        raise DataError(
            f"cycles/{cycle}/groups/rotation.yaml is missing (or has errors: run check)",
            "write it with at least `size: {min: 6, max: 8}` (see docs/groups.md)",
        )
    rot = loaded.model
    known = data.people(net)
    if not known:
        raise DataError("people.yaml is missing or has errors: run `leercyclus check`")
    ids = list(
        rot.people or (p.id for p in known.values() if p.available and p.role != "network_staff")
    )
    unknown = [pid for pid in ids if pid not in known]
    if unknown:
        raise DataError(f"rotation.yaml names people not in people.yaml: {', '.join(unknown)}")
    # people with experience first: the solver numbers groups by their first member
    ids.sort(key=lambda pid: (known[pid].role not in EXPERIENCE_ROLES, pid))
    at = {pid: i for i, pid in enumerate(ids)}
    groups = rot.groups or math.ceil(len(ids) / rot.size.max)
    order = net.cycle_order()
    earlier = [c for c in order[: order.index(cycle)] if rot.history == "all" or c in rot.history]
    half_life = data.settings(net).half_life
    now = order.index(cycle)

    def weight(c: str) -> int:
        """Older pairs weigh less (the half-life); the last cycle's times last_cycle_weight."""
        age = now - order.index(c) - 1
        return recency_weight(age, half_life) * (rot.last_cycle_weight if age == 0 else 1)

    past = tuple(
        PastGroup(
            f"{c}/{gid}",
            tuple(sorted({at[m] for m in g.model.members if m in at})),
            weight(c),
        )
        for c in earlier
        for gid, g in data.groups(net, c).items()
        if g.model.kind == rot.kind
    )
    requirements = rot.require
    if requirements is None:
        requirements = [
            Requirement(role=sorted(EXPERIENCE_ROLES)),
            Requirement(distinct="discipline", min=data.settings(net).min_disciplines),
        ]
    quotas, spreads = _requirements(requirements, ids, known)
    apart = {
        tuple(sorted((at[a], at[b])))
        for pid in ids
        for a, b in ((pid, other) for other in known[pid].avoid)
        if b in at
    }
    for pair in rot.keep_apart:
        inside = [at[p] for p in pair if p in at]
        apart |= {(a, b) for a in inside for b in inside if a < b}
    together = tuple(
        tuple(at[p] for p in block if p in at) for block in rot.keep_together if len(block) > 1
    )
    problem = Problem(
        people=tuple(ids),
        groups=groups,
        min_size=rot.size.min,
        max_size=rot.size.max,
        past=tuple(p for p in past if len(p.members) > 1),
        quotas=quotas,
        spreads=spreads,
        apart=tuple(sorted(apart)),  # type: ignore[arg-type]
        together=together,
        seed=rot.seed,
    )
    return problem, rot


def _requirements(
    requirements: list[Requirement], ids: list[str], known: dict[str, Person]
) -> tuple[tuple[Quota, ...], tuple[Spread, ...]]:
    quotas: list[Quota] = []
    spreads: list[Spread] = []
    for req in requirements:
        if req.role:
            members = frozenset(i for i, pid in enumerate(ids) if known[pid].role in req.role)
            quotas.append(Quota(" or ".join(req.role).replace("_", " "), members, req.min))
        if req.attribute:
            for value in req.each_of:
                members = frozenset(
                    i
                    for i, pid in enumerate(ids)
                    if known[pid].attributes.get(req.attribute) == value
                )
                quotas.append(Quota(f"{req.attribute} {value}", members, req.min))
        if req.distinct:
            classes: dict[str, set[int]] = {}
            for i, pid in enumerate(ids):
                value = getattr(known[pid], req.distinct)
                if value and (req.distinct != "discipline" or known[pid].role == "professional"):
                    classes.setdefault(str(value).casefold(), set()).add(i)
            spread = tuple(frozenset(c) for _, c in sorted(classes.items()))
            spreads.append(Spread(f"{req.distinct}s", spread, req.min))
    return tuple(quotas), tuple(spreads)


def propose(
    net: Network, cycle: str, *, solver: Solver = "auto", effort: float | None = None
) -> Proposal:
    """The proposed groups of `cycle`."""
    problem, rot = build_problem(net, cycle)
    result = solve(problem, solver=solver, effort=rot.effort if effort is None else effort)
    prefix = PREFIX[rot.kind]
    ids = tuple(f"{prefix}-{n}" for n in range(1, len(result.layout) + 1))
    return Proposal(cycle, rot.kind, problem, result, ids)


def proposal_yaml(proposal: Proposal) -> str:
    """The proposal as YAML, for a reviewer: status, repeats, bound, and each group."""
    r = proposal.result
    people = proposal.problem.people
    new = proposal.new_colleagues()
    lines = [
        f"# Voorstel groepsindeling {proposal.cycle} ({proposal.kind}), gemaakt door leercyclus",
        f"# solver: {r.solver}; seed {proposal.problem.seed}",
        f"cycle: {json.dumps(proposal.cycle)}",
        f"kind: {proposal.kind}",
        f"status: {r.status}  # optimal: no layout has a lower weighted score",
        f"repeated_pairs: {len(r.repeated)}  # listed per group below",
        f"weighted_score: {r.score}  # a pair from the last cycle counts 1 (or"
        " last_cycle_weight), older ones less",
        f"lower_bound: {r.floor}  # no layout scores less",
        "groups:",
    ]
    for gid, group in zip(proposal.ids, proposal.result.layout, strict=True):
        members = sorted(people[p] for p in group)
        lines.append(f"  - id: {gid}")
        lines.append(f"    members: [{', '.join(json.dumps(m) for m in members)}]")
        pairs = sorted(
            f"[{', '.join(sorted((people[a], people[b])))}]"
            for a, b in r.repeated
            if a in group and b in group
        )
        lines.append(f"    repeated: [{', '.join(pairs)}]")
        lines.append(f"    new_colleagues: {{{', '.join(f'{m}: {new[m]}' for m in members)}}}")
    return "\n".join(lines) + "\n"


def group_files(net: Network, proposal: Proposal) -> dict[Path, str]:
    """One group file per proposed group (relative to the repository root), for a pull request."""
    settings = data.settings(net)
    r = proposal.result
    files: dict[Path, str] = {}
    for n, (gid, members) in enumerate(zip(proposal.ids, proposal.members(), strict=True), 1):
        files[Path("cycles", proposal.cycle, "groups", f"{gid}.yaml")] = "\n".join(
            [
                f"# Voorgesteld door `leercyclus groups rotate` ({r.solver}, seed"
                f" {proposal.problem.seed}): {len(r.repeated)} herhaalde paren over alle"
                f" groepen, gewogen {r.score}, ondergrens {r.floor}.",
                f"id: {gid}",
                f"kind: {proposal.kind}",
                f"title: {_quoted(_title(proposal.kind, n, gid))}",
                f"members: [{', '.join(json.dumps(m) for m in members)}]",
                f"planned_meetings: {settings.meetings_before_rotation}",
                "meetings: []",
                "",
            ]
        )
    return files


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _title(kind: str, n: int, gid: str) -> str:
    return f"Intervisiegroep {n}" if kind == "intervision" else gid


def _has(person: Person, attribute: str, value: str) -> bool:
    return person.attributes.get(attribute) == value
