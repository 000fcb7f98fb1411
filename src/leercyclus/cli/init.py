"""`leercyclus init`: start a network repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def command(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The folder for the new repository (created if it is missing).",
            metavar="FOLDER",
        ),
    ],
    network: Annotated[
        str | None,
        typer.Option(
            "--network",
            help="The network's name, as on the reports.",
            metavar="NAME",
            show_default=False,
        ),
    ] = None,
    cycle: Annotated[
        str | None,
        typer.Option(
            "--cycle",
            help="The first cycle's id (default: this year).",
            metavar="ID",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into a folder that is not empty: add the missing files, leave existing "
            "ones as they are.",
            metavar="",
        ),
    ] = False,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Where the CI recipes install leercyclus from: its git repository at a tag "
            "(git+https://HOST/GROUP/leercyclus.git@vX.Y.Z) or a wheel (.whl) kept in the new "
            "repository (default: the git repository this leercyclus was installed from, if "
            "any).",
            metavar="SOURCE",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Start a network repository: settings, a first cycle, a README, editor support and CI."""
    from leercyclus.cli import console
    from leercyclus.commands.init import DEFAULT_NETWORK, init, installed_source

    result = init(
        folder,
        network=network or DEFAULT_NETWORK,
        cycle=cycle,
        force=force,
        source=source or installed_source(),
    )
    for rel in result.created:
        console.out.print(f"  created  {rel}", markup=False)
    for rel in result.skipped:
        console.out.print(f"  skipped  {rel} (it exists: left as it is)", markup=False)
    console.out.print(
        f"{folder}: a network repository with cycle {result.cycle}, "
        f"{_files(len(result.created))} created, {len(result.skipped)} skipped",
        markup=False,
    )
    if result.source is None:
        console.out.print(
            "note: the CI recipes do not know where to install leercyclus from: set LEERCYCLUS "
            "in .github/workflows/leercyclus.yml or .gitlab-ci.yml (see leercyclus's docs/ci.md)",
            markup=False,
        )
    else:
        console.out.print(f"CI installs {result.source}", markup=False)
    console.out.print(
        f"next: replace the examples in institutions.yaml and cycles/{result.cycle}/, then run "
        f"`leercyclus check {folder}` (README.md explains the rest)",
        markup=False,
    )
    raise typer.Exit(0)


def _files(n: int) -> str:
    return f"{n} file{'' if n == 1 else 's'}"
