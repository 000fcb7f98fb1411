"""`leercyclus init`: start a network repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def command(
    folder: Annotated[
        Path,
        typer.Argument(help="The folder for the new repository (created if it is missing)."),
    ],
    network: Annotated[
        str | None,
        typer.Option(
            "--network", help="The network's name, as on the reports.", show_default=False
        ),
    ] = None,
    cycle: Annotated[
        str | None,
        typer.Option(
            "--cycle", help="The first cycle's id (default: this year).", show_default=False
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into a folder that is not empty: add the missing files, leave existing "
            "ones as they are.",
        ),
    ] = False,
) -> None:
    """Start a network repository: settings, a first cycle, a README, editor support and CI."""
    from leercyclus.cli import console
    from leercyclus.commands.init import DEFAULT_NETWORK, init

    result = init(folder, network=network or DEFAULT_NETWORK, cycle=cycle, force=force)
    for rel in result.created:
        console.out.print(f"  created  {rel}", markup=False)
    for rel in result.skipped:
        console.out.print(f"  skipped  {rel} (it exists: left as it is)", markup=False)
    console.out.print(
        f"{folder}: a network repository with cycle {result.cycle}, "
        f"{_files(len(result.created))} created, {len(result.skipped)} skipped",
        markup=False,
    )
    console.out.print(
        f"next: replace the examples in institutions.yaml and cycles/{result.cycle}/, then run "
        f"`leercyclus check {folder}` (README.md explains the rest)",
        markup=False,
    )
    raise typer.Exit(0)


def _files(n: int) -> str:
    return f"{n} file{'' if n == 1 else 's'}"
