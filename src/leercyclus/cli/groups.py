"""`leercyclus groups`: propose next period's groups (rotation) for review in a pull request."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leercyclus.cli.options import CycleOption, RepoArgument, RepoOption, repository

app = typer.Typer(
    name="groups",
    help="Intervision groups and learning networks: propose a new composition.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class SolverChoice(StrEnum):
    auto = "auto"
    cp_sat = "cp-sat"
    local = "local"


@app.command("rotate")
def rotate(
    repo: RepoArgument = None,
    cycle: CycleOption = None,
    write: Annotated[
        bool, typer.Option("--write", help="Write one group file per proposed group.")
    ] = False,
    solver: Annotated[
        SolverChoice,
        typer.Option("--solver", help="auto: CP-SAT when installed, else the local search."),
    ] = SolverChoice.auto,
    effort: Annotated[
        float | None,
        typer.Option("--effort", help="Search effort in deterministic seconds (rotation.yaml's)."),
    ] = None,
    repo_option: RepoOption = None,
) -> None:
    """Propose the cycle's groups from its groups/rotation.yaml, with as few repeated pairs as
    possible; print the proposal as YAML, or write it as group files with --write."""
    from leercyclus.commands.groups import rotate_groups

    root = repository(repo, repo_option, "groups rotate PATH")
    text, written = rotate_groups(root, cycle, write=write, solver=solver.value, effort=effort)
    typer.echo(text, nl=False)
    for path in written:
        typer.echo(f"written: {path}", err=True)
    raise typer.Exit(0)
