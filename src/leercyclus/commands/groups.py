"""`groups rotate` composed: check the repository, propose the groups, print or write them."""

from __future__ import annotations

from pathlib import Path

from leercyclus.errors import DataError, UsageError


def rotate_groups(
    repo: Path | None,
    cycle: str | None,
    *,
    write: bool = False,
    solver: str = "auto",
    effort: float | None = None,
) -> tuple[str, list[Path]]:
    """The proposal as YAML, and the group files written (with `write`)."""
    from leercyclus.commands.pipeline import check
    from leercyclus.loading.network import choose_cycle
    from leercyclus.methods.groups.propose import group_files, proposal_yaml, propose
    from leercyclus.repository.listing import find_root
    from leercyclus.repository.write import write_all

    root = find_root(repo)
    result = check(root)
    if not result.ok:
        raise DataError(
            f"the repository has {len(result.errors)} error(s)",
            "run `leercyclus check` and fix them first",
        )
    data = choose_cycle(result.network, cycle)
    if solver not in ("auto", "cp-sat", "local"):
        raise UsageError(f"unknown solver '{solver}'", "use auto, cp-sat or local")
    proposal = propose(result.network, data.id, solver=solver, effort=effort)  # type: ignore[arg-type]
    written: list[Path] = []
    if write:
        files = group_files(result.network, proposal)
        existing = [rel for rel in files if (root / rel).exists()]
        if existing:
            raise DataError(
                f"{existing[0]} already exists: nothing was written",
                "remove the cycle's proposed group files first, or print the proposal only",
            )
        written = write_all(root, files)
    return proposal_yaml(proposal), written
